#pragma once
/// @brief Writers that turn a Document into a file: DOCX, ODT, PDF, HTML, plain text.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "moudesk/drafting/document.h"

namespace moudesk::render {

enum class Format { docx, odt, pdf, html, text };

/// "docx", "odt", "pdf", "html", "text".
const char* to_code(Format format);
/// From a file name's extension (.docx .odt .pdf .html .htm .txt); nullopt if unknown.
std::optional<Format> format_from_path(const std::filesystem::path& path);

/// Renders `document` in memory (the bytes of the file).
std::string render_docx(const drafting::Document& document);
std::string render_odt(const drafting::Document& document);
std::string render_pdf(const drafting::Document& document);
/// A self-contained HTML page (inline CSS, no external resources).
std::string render_html(const drafting::Document& document);
std::string render_text(const drafting::Document& document);

std::string render(const drafting::Document& document, Format format);

/// Renders and writes to `path` through a temporary file in the same folder, renamed at the end:
/// a failure leaves any existing file untouched and no partial file behind. Throws moudesk::Error
/// (environment) naming the path on failure.
void write_document(const drafting::Document& document, Format format, const std::filesystem::path& path);

}  // namespace moudesk::render
