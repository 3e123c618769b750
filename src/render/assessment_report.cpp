// The assessment report's format dispatch and atomic write; each format has its own file.

#include "moudesk/render/assessment_report.h"

#include <exception>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"

namespace moudesk::render {

std::string render_assessment_report(const diagnostic::Report& report, Format format) {
    switch (format) {
        case Format::docx: return render_assessment_report_docx(report);
        case Format::pdf: return render_assessment_report_pdf(report);
        case Format::html: return render_assessment_report_html(report);
        case Format::odt:
        case Format::text: break;
    }
    throw Error(ErrorCategory::bad_input, std::string("an assessment report cannot be written as ") + to_code(format) +
                                              ": choose docx, pdf or html");
}

void write_assessment_report(const diagnostic::Report& report, Format format, const std::filesystem::path& path) {
    // Render fully before touching the disk: a failing renderer leaves nothing behind, and a
    // refused format is the user's mistake, not the disk's.
    std::string bytes = render_assessment_report(report, format);
    const std::string where = path.string();
    try {
        write_file_atomically(path, bytes);
    } catch (const Error& e) {
        if (e.category() == ErrorCategory::environment &&
            std::string_view(e.what()).find(where) != std::string_view::npos)
            throw;
        throw Error(ErrorCategory::environment, "cannot write " + where + ": " + e.what());
    } catch (const std::exception& e) {
        throw Error(ErrorCategory::environment, "cannot write " + where + ": " + e.what());
    }
}

}  // namespace moudesk::render
