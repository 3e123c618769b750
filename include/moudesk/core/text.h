#pragma once
/// @brief UTF-8 text helpers shared by the XML-based writers and the loaders.

#include <string>
#include <string_view>

namespace moudesk {

/// `text` as valid UTF-8 that XML 1.0 accepts: invalid byte sequences become U+FFFD, control
/// characters other than tab and newline are dropped, carriage returns become newlines.
std::string clean_text(std::string_view text);

/// clean_text(), then & < > " ' escaped for XML/HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// Lower-cases ASCII and the Latin-1 supplement letters (É → é), leaving other text as is.
std::string fold_case(std::string_view text);

/// `text` with its first letter upper-cased (ASCII and the Latin-1 supplement).
std::string capitalize_first(std::string_view text);

/// Number of Unicode code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

/// Leading and trailing ASCII white space removed; inner runs of white space become one space.
std::string collapse_spaces(std::string_view text);

}  // namespace moudesk
