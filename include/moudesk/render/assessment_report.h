#pragma once
/// @brief The assessment report (diagnostic/report.h) as a file for directors: DOCX with real
/// styles and the scores chart as an image, PDF with the chart drawn as vectors, or one
/// self-contained HTML page with the chart inline. A4, page numbers, the coverage matrix as a
/// table of coloured cells with a legend.

#include <filesystem>
#include <string>

#include "moudesk/diagnostic/report.h"
#include "moudesk/render/writer.h"

namespace moudesk::render {

/// The report as DOCX: styles for headings and tables (restyle in Word), the chart as
/// word/media/chart.png, the matrix cells shaded, "Page N of M" in the footer.
std::string render_assessment_report_docx(const diagnostic::Report& report);
/// The report as PDF: the chart as vectors, an outline of the sections, "Page N of M".
std::string render_assessment_report_pdf(const diagnostic::Report& report);
/// The report as one self-contained HTML page: inline CSS, the chart as inline SVG.
std::string render_assessment_report_html(const diagnostic::Report& report);

/// The bytes of the report as DOCX, PDF or HTML. Throws Error(bad_input) for any other format
/// (ODT and text are not offered for reports), Error(internal) when cairo or minizip fail.
std::string render_assessment_report(const diagnostic::Report& report, Format format);

/// Renders and writes to `path` through a temporary file renamed at the end, as write_document():
/// a failure leaves any existing file untouched. Error(bad_input) for an unsupported format,
/// Error(environment) naming the path when the file cannot be written.
void write_assessment_report(const diagnostic::Report& report, Format format, const std::filesystem::path& path);

}  // namespace moudesk::render
