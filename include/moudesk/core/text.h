#pragma once
/// @brief UTF-8 text helpers shared by the XML-based writers and the loaders.

#include <string>
#include <string_view>

namespace moudesk {

/// Decodes the UTF-8 code point at `text[i]` into `cp`; returns its length in bytes (1–4), or 0
/// when the bytes there are not valid UTF-8 (a stray or missing continuation byte, an overlong
/// form, a surrogate, a value past U+10FFFF, or a sequence cut off by the end of `text`).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp);

/// Appends code point `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Whether `text` is valid UTF-8 throughout (as decode_utf8() judges it).
bool is_valid_utf8(std::string_view text);

/// `text` as valid UTF-8 that XML 1.0 accepts: invalid byte sequences become U+FFFD, control
/// characters other than tab and newline are dropped, carriage returns become newlines.
std::string clean_text(std::string_view text);

/// clean_text(), then & < > " ' escaped for XML/HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// Appends `clean` (text already passed through clean_text()) with & < > " ' escaped.
void append_xml_escaped(std::string& out, std::string_view clean);

/// Lower-cases ASCII and the Latin-1 supplement letters (É → é), leaving other text as is.
std::string fold_case(std::string_view text);

/// `text` with its first letter upper-cased (ASCII and the Latin-1 supplement).
std::string capitalize_first(std::string_view text);

/// Number of Unicode code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

/// Leading and trailing ASCII white space removed; inner runs of white space become one space.
std::string collapse_spaces(std::string_view text);

}  // namespace moudesk
