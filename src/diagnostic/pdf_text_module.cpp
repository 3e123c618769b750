// The moudesk-pdf-text module: the text of a PDF's pages with poppler-cpp (pdf_text_module.h
// says why it is a module).

#include "pdf_text_module.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"

namespace moudesk::diagnostic {

namespace {

void quiet_poppler(const std::string&, void*) {}

std::vector<std::string> page_texts(const std::string& bytes, const std::filesystem::path& path) {
    static const bool silenced = (poppler::set_debug_error_function(quiet_poppler, nullptr), true);
    (void)silenced;
    auto bad = [&](const std::string& message) {
        throw Error(ErrorCategory::bad_input, path.string() + ": " + message);
    };
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) bad("the PDF file is damaged and cannot be read");
    if (doc->is_locked()) bad("the PDF file is protected by a password");
    std::vector<std::string> pages;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
        pages.push_back(clean_text(std::string_view(utf8.data(), utf8.size())));
    }
    return pages;
}

}  // namespace

}  // namespace moudesk::diagnostic

extern "C" __attribute__((visibility("default"))) const moudesk::diagnostic::PdfTextModule* moudesk_pdf_text_module() {
    using namespace moudesk::diagnostic;
    static const PdfTextModule table{PdfTextModule::current_version, &page_texts};
    return &table;
}
