#pragma once
/// @brief The entry table of the moudesk-pdf-text module: the text of a PDF's pages with poppler.
/// Only reading a PDF agreement loads it, so every other command starts without poppler and the
/// twenty libraries it brings. Internal to the diagnostic module; both sides are built from this
/// header in the same build.

#include <filesystem>
#include <string>
#include <vector>

namespace moudesk::diagnostic {

struct PdfTextModule {
    /// Bumped whenever the table changes, so a stale module is refused with a clear message.
    static constexpr int current_version = 1;
    int version = current_version;
    /// The text of each page of the PDF in `bytes` (UTF-8, cleaned, in reading order). Throws
    /// Error(bad_input) naming `path` when the PDF is damaged or protected by a password.
    std::vector<std::string> (*page_texts)(const std::string& bytes, const std::filesystem::path& path);
};

}  // namespace moudesk::diagnostic

/// The module's one exported symbol.
extern "C" const moudesk::diagnostic::PdfTextModule* moudesk_pdf_text_module();
