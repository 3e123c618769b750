#include "moudesk/render/writer.h"

#include <exception>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"

namespace moudesk::render {

const char* to_code(Format format) {
    switch (format) {
        case Format::docx: return "docx";
        case Format::odt: return "odt";
        case Format::pdf: return "pdf";
        case Format::html: return "html";
        case Format::text: return "text";
    }
    return "text";
}

std::optional<Format> format_from_path(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    // Extensions are ASCII; "REPORT.PDF" from a Windows share is still a PDF.
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == ".docx") return Format::docx;
    if (ext == ".odt") return Format::odt;
    if (ext == ".pdf") return Format::pdf;
    if (ext == ".html" || ext == ".htm") return Format::html;
    if (ext == ".txt") return Format::text;
    return std::nullopt;
}

std::string render(const drafting::Document& document, Format format) {
    switch (format) {
        case Format::docx: return render_docx(document);
        case Format::odt: return render_odt(document);
        case Format::pdf: return render_pdf(document);
        case Format::html: return render_html(document);
        case Format::text: return render_text(document);
    }
    throw Error(ErrorCategory::internal, "unknown document format");
}

void write_document(const drafting::Document& document, Format format, const std::filesystem::path& path) {
    const std::string where = path.string();
    try {
        // Render fully before touching the disk: a failing writer leaves nothing behind.
        std::string bytes = render(document, format);
        write_file_atomically(path, bytes);
    } catch (const Error& e) {
        // write_file_atomically already names the path; keep its message as is.
        if (e.category() == ErrorCategory::environment &&
            std::string_view(e.what()).find(where) != std::string_view::npos)
            throw;
        throw Error(ErrorCategory::environment, "cannot write " + where + " (" + to_code(format) + "): " + e.what());
    } catch (const std::exception& e) {
        throw Error(ErrorCategory::environment, "cannot write " + where + " (" + to_code(format) + "): " + e.what());
    }
}

}  // namespace moudesk::render
