#pragma once
/// @brief The title as the writers print it in page headers and document metadata.

#include <optional>
#include <string>
#include <string_view>

#include "moudesk/drafting/document.h"

namespace moudesk::render {

/// At most `max` code points of clean text, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max);

/// The title in the language of `column`: Document::title, else the text of the first title block.
std::string title_of(const drafting::Document& doc, std::size_t column);

/// The page header: the title of `column`, or with nullopt both titles joined by " / " (side by
/// side), shortened: a 10,000-character party name would otherwise fill the page.
std::string running_header(const drafting::Document& doc, std::optional<std::size_t> column);

}  // namespace moudesk::render
