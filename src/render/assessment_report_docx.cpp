// The assessment report as DOCX. Runs, sections, headers and footers, the base styles and the
// package come from the agreement writer (docx_parts.h), so a report looks like the agreements
// it talks about. The package is then amended: the report's own styles join styles.xml, and the
// chart goes in as word/media/chart.png with its relationship and the png content type.
//
// Formatting comes from styles, except what Word only offers on tables: cell widths, borders and
// the shading of the matrix cells. Element order inside w:tcPr and w:trPr follows the schema.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "docx_parts.h"
#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/zip/zip_package.h"
#include "running_title.h"
#include "score_chart.h"

namespace moudesk::render {

namespace {

using diagnostic::Report;
using diagnostic::ReportMatrix;
using docx::append_runs;
using docx::open_paragraph;
using docx::text_width;

constexpr std::string_view drawing_namespaces =
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
constexpr std::string_view chart_relationship = "rIdChart";
constexpr std::string_view chart_part = "media/chart.png";
constexpr long emu_per_point = 12700;

// Matrix colours, shared by the cell shading and the legend's character styles.
constexpr std::string_view covered_fill = "9BCB8F";
constexpr std::string_view overdue_fill = "F2B84B";
constexpr std::string_view not_covered_fill = "FFFFFF";
constexpr std::string_view header_fill = "E8ECF1";
constexpr std::string_view border_colour = "A6A6A6";

// ---- styles -------------------------------------------------------------------------------

std::string style(std::string_view type, std::string_view id, std::string_view name, std::string_view ppr,
                  std::string_view rpr, std::string_view next = "") {
    std::string out = "<w:style w:type=\"";
    out.append(type).append("\" w:styleId=\"").append(id).append("\"><w:name w:val=\"").append(name).append("\"/>");
    out.append(type == "paragraph" ? "<w:basedOn w:val=\"Normal\"/>" : "<w:basedOn w:val=\"DefaultParagraphFont\"/>");
    if (!next.empty()) out.append("<w:next w:val=\"").append(next).append("\"/>");
    out += "<w:qFormat/>";
    if (!ppr.empty()) out.append("<w:pPr>").append(ppr).append("</w:pPr>");
    if (!rpr.empty()) out.append("<w:rPr>").append(rpr).append("</w:rPr>");
    return out + "</w:style>";
}

std::string report_styles() {
    std::string out;
    // Left-aligned headings with outline levels: the navigation pane lists the report's sections.
    out += style("paragraph", "ReportSubtitle", "Report Subtitle",
                 "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"480\"/><w:jc w:val=\"center\"/>",
                 "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
    out += style("paragraph", "ReportHeading1", "Report Heading 1",
                 "<w:keepNext/><w:keepLines/><w:spacing w:before=\"480\" w:after=\"160\"/><w:jc w:val=\"left\"/>"
                 "<w:outlineLvl w:val=\"0\"/>",
                 "<w:b/><w:bCs/><w:color w:val=\"1F3B5C\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>", "ReportBody");
    out += style("paragraph", "ReportHeading2", "Report Heading 2",
                 "<w:keepNext/><w:keepLines/><w:spacing w:before=\"320\" w:after=\"80\"/><w:jc w:val=\"left\"/>"
                 "<w:outlineLvl w:val=\"1\"/>",
                 "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>", "ReportBody");
    out += style("paragraph", "ReportBody", "Report Body", "<w:jc w:val=\"left\"/>", "");
    out += style("paragraph", "ReportNote", "Report Note", "<w:spacing w:before=\"120\"/><w:jc w:val=\"left\"/>",
                 "<w:i/><w:iCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
    out += style("paragraph", "ReportLabel", "Report Label",
                 "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/><w:jc w:val=\"left\"/>",
                 "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
    // The bullet is literal text before a tab; the hanging indent aligns the wrapped lines.
    out += style("paragraph", "ReportBullet", "Report Bullet",
                 "<w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs><w:spacing w:after=\"40\"/>"
                 "<w:ind w:left=\"567\" w:hanging=\"283\"/><w:jc w:val=\"left\"/>",
                 "");
    out += style("paragraph", "ReportChart", "Report Chart",
                 "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"240\"/><w:jc w:val=\"center\"/>", "");
    out += style("paragraph", "TableText", "Table Text",
                 "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                 "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
    out += style("paragraph", "TableHeading", "Table Heading",
                 "<w:keepNext/><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>"
                 "<w:jc w:val=\"left\"/>",
                 "<w:b/><w:bCs/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
    out +=
        style("paragraph", "TableNumber", "Table Number",
              "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/>",
              "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
    out +=
        style("paragraph", "TableNumberStrong", "Table Number Strong",
              "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/>",
              "<w:b/><w:bCs/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
    out += style("paragraph", "MatrixText", "Matrix Text",
                 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                 "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>");
    out += style("paragraph", "MatrixMark", "Matrix Mark",
                 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                 "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>");
    // The legend's swatches are shaded runs, so their colours live in these styles.
    auto swatch = [](std::string_view fill) {
        return "<w:bdr w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + std::string(border_colour) +
               "\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + std::string(fill) + "\"/>";
    };
    out += style("character", "MatrixCovered", "Matrix Covered", "", swatch(covered_fill));
    out += style("character", "MatrixOverdue", "Matrix Overdue", "", swatch(overdue_fill));
    out += style("character", "MatrixNotCovered", "Matrix Not Covered", "", swatch(not_covered_fill));
    out += style("character", "Strong", "Strong", "", "<w:b/><w:bCs/>");
    return out;
}

// ---- tables -------------------------------------------------------------------------------

struct CellFormat {
    std::string_view fill;  // empty: none
    bool vertical = false;  // text read bottom to top
    std::string_view align = "top";
};

std::string table_open(const std::vector<int>& widths, int cell_margin) {
    int total = 0;
    for (int w : widths) total += w;
    std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) + "\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        out.append("<w:")
            .append(side)
            .append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"")
            .append(border_colour)
            .append("\"/>");
    // Fixed layout: a long reference or name wraps in its column instead of widening it.
    out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>";
    out += "<w:left w:w=\"" + std::to_string(cell_margin) + "\" w:type=\"dxa\"/>";
    out += "<w:right w:w=\"" + std::to_string(cell_margin) + "\" w:type=\"dxa\"/>";
    out +=
        "</w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
        " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    return out + "</w:tblGrid>";
}

// A row's properties; `header` repeats it at the top of every page the table runs onto.
std::string row_open(bool header, int min_height = 0) {
    std::string out = "<w:tr><w:trPr><w:cantSplit/>";
    if (min_height > 0) out += "<w:trHeight w:val=\"" + std::to_string(min_height) + "\" w:hRule=\"atLeast\"/>";
    if (header) out += "<w:tblHeader/>";
    return out + "</w:trPr>";
}

class BodyWriter {
public:
    explicit BodyWriter(const Report& report) : report_(report), language_(report.language) {}

    std::string& out() { return out_; }

    void paragraph(std::string_view style, std::string_view text, docx::RunFormat format = {}) {
        open_paragraph(out_, style);
        append_runs(out_, text, language_, format);
        out_ += "</w:p>";
    }

    void bullets(const std::vector<std::string>& items) {
        for (const std::string& item : items) {
            open_paragraph(out_, "ReportBullet");
            append_runs(out_, "\u2022\t" + item, language_);
            out_ += "</w:p>";
        }
    }

    // A cell of one paragraph per line of `text`.
    void cell(int width, std::string_view style, std::string_view text, const CellFormat& format = {}) {
        out_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
        if (!format.fill.empty())
            out_.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"").append(format.fill).append("\"/>");
        if (format.vertical) out_ += "<w:textDirection w:val=\"btLr\"/>";
        out_.append("<w:vAlign w:val=\"").append(format.align).append("\"/></w:tcPr>");
        paragraph(style, text);
        out_ += "</w:tc>";
    }

    // A table with a heading row repeated on each page (none when `headings` is empty); the
    // last `bold_last_rows` rows are totals.
    void table(const std::vector<int>& widths, const std::vector<std::string>& headings,
               const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& numeric = {},
               std::size_t bold_last_rows = 0, bool bold_first_column = false) {
        out_ += table_open(widths, 100);
        if (!headings.empty()) {
            out_ += row_open(true);
            for (std::size_t c = 0; c < widths.size(); ++c)
                cell(widths[c], c < numeric.size() && numeric[c] ? "TableNumberStrong" : "TableHeading",
                     c < headings.size() ? headings[c] : "", {header_fill});
            out_ += "</w:tr>";
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out_ += row_open(false);
            const bool bold = r + bold_last_rows >= rows.size();
            for (std::size_t c = 0; c < widths.size(); ++c) {
                const bool number = c < numeric.size() && numeric[c];
                const std::string& text = c < rows[r].size() ? rows[r][c] : empty_;
                std::string_view style = number ? (bold ? "TableNumberStrong" : "TableNumber")
                                         : bold || (c == 0 && bold_first_column) ? "TableHeading"
                                                                                 : "TableText";
                cell(widths[c], style, text);
            }
            out_ += "</w:tr>";
        }
        // Word merges two tables that touch; a paragraph keeps them apart.
        out_ += "</w:tbl>";
        open_paragraph(out_, "ReportBody");
        out_ += "</w:p>";
    }

    void chart(const chart::Image& image) {
        const long cx = static_cast<long>(image.width_pt * emu_per_point);
        const long cy = static_cast<long>(image.height_pt * emu_per_point);
        const std::string extent = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
        const std::string description = xml_escape(report_.labels.chart_description);
        open_paragraph(out_, "ReportChart");
        out_ += "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " + extent +
                "/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"1\" name=\"Chart\" descr=\"" +
                description +
                "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"chart.png\" descr=\"" +
                description + "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" +
                std::string(chart_relationship) +
                "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                "<a:ext " +
                extent +
                "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
                "</a:graphic></wp:inline></w:drawing></w:r></w:p>";
    }

    void legend() {
        const auto& l = report_.labels;
        open_paragraph(out_, "ReportNote");
        append_runs(out_, l.legend + l.colon, language_);
        const std::pair<std::string_view, const std::string*> items[] = {
            {"MatrixCovered", &l.covered}, {"MatrixOverdue", &l.covered_overdue}, {"MatrixNotCovered", &l.not_covered}};
        bool first = true;
        for (const auto& [swatch, label] : items) {
            if (!first) append_runs(out_, "    ", language_);
            first = false;
            append_runs(out_, std::string(mark_of(swatch)), language_, {swatch});
            append_runs(out_, " " + *label, language_);
        }
        out_ += "</w:p>";
    }

    void matrix() {
        const auto& m = report_.matrix;
        const int columns = static_cast<int>(m.elements.size());
        const int first = columns > 16 ? 1700 : 2300;
        // A few elements keep narrow columns: a wide coloured block reads as more than it is.
        const int each = columns > 0 ? std::min(560, (text_width - first) / columns) : 0;
        std::vector<int> widths{first};
        for (int c = 0; c < columns; ++c) widths.push_back(each);
        // Narrow cell margins: with 24 elements a column is barely wider than a line of text.
        out_ += table_open(widths, 28);
        out_ += row_open(true, 2500);
        cell(first, "MatrixText", report_.labels.agreement, {header_fill, false, "bottom"});
        for (int c = 0; c < columns; ++c)
            cell(each, "MatrixText", m.elements[static_cast<std::size_t>(c)], {header_fill, true, "center"});
        out_ += "</w:tr>";
        for (std::size_t r = 0; r < m.agreements.size(); ++r) {
            out_ += row_open(false);
            cell(first, "MatrixText", m.agreements[r], {"", false, "center"});
            for (int c = 0; c < columns; ++c) {
                const std::uint8_t v = m.cells[r][static_cast<std::size_t>(c)];
                const std::string_view fill = v == ReportMatrix::covered           ? covered_fill
                                              : v == ReportMatrix::covered_overdue ? overdue_fill
                                                                                   : not_covered_fill;
                const std::string_view mark = v == ReportMatrix::covered           ? mark_of("MatrixCovered")
                                              : v == ReportMatrix::covered_overdue ? mark_of("MatrixOverdue")
                                                                                   : "";
                cell(each, "MatrixMark", mark, {fill, false, "center"});
            }
            out_ += "</w:tr>";
        }
        out_ += "</w:tbl>";
    }

    // The mark printed in a matrix cell besides its colour, for black-and-white printers.
    static std::string_view mark_of(std::string_view swatch) {
        if (swatch == "MatrixCovered") return "\u2713";
        if (swatch == "MatrixOverdue") return "!";
        return "\u00A0\u00A0";
    }

private:
    const Report& report_;
    Language language_;
    std::string out_;
    const std::string empty_;
};

std::string document_part(const Report& report, const docx::Section& section, const chart::Image& chart_image) {
    const auto& l = report.labels;
    const Language language = report.language;
    BodyWriter body(report);
    std::string& out = body.out();
    out += docx::xml_declaration;
    out.append("<w:document").append(docx::w_namespaces).append(drawing_namespaces).append("><w:body>");

    body.paragraph("Title", report.title);
    if (!report.subtitle.empty()) body.paragraph("ReportSubtitle", report.subtitle);

    // Scope.
    body.paragraph("ReportHeading1", l.scope);
    if (!report.scope.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& [label, value] : report.scope) rows.push_back({label, value});
        body.table({2800, text_width - 2800}, {}, rows, {}, 0, true);
    }

    // Scores: the chart, then the same numbers as a table for those who need the figures.
    body.paragraph("ReportHeading1", l.scores);
    body.chart(chart_image);
    {
        std::vector<std::vector<std::string>> rows;
        auto percent = [&](const std::optional<double>& p) {
            return p ? diagnostic::format_percent(*p, language) : l.not_assessed;
        };
        for (const auto& s : report.area_scores) rows.push_back({s.area, percent(s.percent), s.answered});
        rows.push_back({l.overall, percent(report.overall), report.overall_answered});
        body.table({text_width - 4000, 1700, 2300}, {l.area, l.score, l.answered}, rows, {false, true, true}, 1);
    }

    // Gaps.
    body.paragraph("ReportHeading1", l.gaps);
    if (report.gaps.empty()) body.paragraph("ReportBody", l.no_gaps);
    if (!report.gaps_intro.empty()) body.paragraph("ReportBody", report.gaps_intro);
    for (std::size_t i = 0; i < report.gaps.size(); ++i) {
        const auto& gap = report.gaps[i];
        body.paragraph("ReportHeading2", std::to_string(i + 1) + ". " + gap.question);
        open_paragraph(out, "ReportBody");
        append_runs(out, l.area + l.colon, language, {"Strong"});
        append_runs(out, gap.area, language);
        append_runs(out, " \u2014 ", language);
        append_runs(out, l.answer + l.colon, language, {"Strong"});
        append_runs(out, gap.answer_label, language);
        out += "</w:p>";
        if (!gap.notes.empty()) body.paragraph("ReportNote", gap.notes);
        if (!gap.weaknesses.empty()) {
            body.paragraph("ReportLabel", l.weaknesses);
            body.bullets(gap.weaknesses);
        }
        if (!gap.solutions.empty()) {
            body.paragraph("ReportLabel", l.solutions);
            body.bullets(gap.solutions);
        }
        if (!gap.elements.empty()) {
            std::vector<std::vector<std::string>> rows;
            for (const auto& e : gap.elements) rows.push_back({e.title, e.classification, e.agreements});
            body.table({2700, 2700, text_width - 5400}, {l.elements, l.register_state, l.agreements}, rows);
        }
    }

    // Coverage matrix.
    body.paragraph("ReportHeading1", l.matrix);
    if (report.matrix.agreements.empty() || report.matrix.elements.empty()) {
        body.paragraph("ReportBody", l.no_agreements);
    } else {
        body.legend();
        body.matrix();
    }
    if (!report.matrix.left_out_note.empty()) body.paragraph("ReportNote", report.matrix.left_out_note);

    // Action plan.
    body.paragraph("ReportHeading1", l.action_plan);
    if (report.actions.empty()) {
        body.paragraph("ReportBody", l.no_actions);
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : report.actions) rows.push_back({a.agreement, a.action, a.owner, a.due});
        body.table({2000, text_width - 5700, 2200, 1500}, {l.agreement, l.action, l.owner, l.due}, rows);
    }

    out += docx::section_properties(section, false);
    out += "</w:body></w:document>";
    return std::move(out);
}

// Inserts `what` before the last occurrence of `closing` in `xml`; the package parts come from
// our own writer, so the closing tag is always there.
void insert_before_close(std::string& xml, std::string_view closing, std::string_view what) {
    const auto at = xml.rfind(closing);
    if (at == std::string::npos)
        throw Error(ErrorCategory::internal, "DOCX report: no " + std::string(closing) + " to amend");
    xml.insert(at, what);
}

// The package of docx::package() with the report's styles and the chart image added.
std::string amend_package(const std::string& bytes, std::string png) {
    ZipPackage zip;
    for (ZipEntry& entry : read_zip(bytes)) {
        if (entry.name == "[Content_Types].xml") {
            insert_before_close(entry.data, "</Types>", "<Default Extension=\"png\" ContentType=\"image/png\"/>");
        } else if (entry.name == "word/_rels/document.xml.rels") {
            insert_before_close(entry.data, "</Relationships>",
                                "<Relationship Id=\"" + std::string(chart_relationship) +
                                    "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                    "image\" Target=\"" +
                                    std::string(chart_part) + "\"/>");
        } else if (entry.name == "word/styles.xml") {
            insert_before_close(entry.data, "</w:styles>", report_styles());
        }
        zip.add(std::move(entry.name), std::move(entry.data),
                entry.stored ? ZipPackage::Compression::store : ZipPackage::Compression::deflate);
    }
    // PNG is compressed already.
    zip.add("word/" + std::string(chart_part), std::move(png), ZipPackage::Compression::store);
    return zip.bytes();
}

}  // namespace

std::string render_assessment_report_docx(const Report& report) {
    std::string header = report.title;
    if (!report.subtitle.empty()) header += " \u2014 " + report.subtitle;
    const docx::Section section{report.language, shorten(header, 90), 1};
    const chart::Image image = chart::png(chart::chart_of(report), text_width / 20.0);
    std::string document = document_part(report, section, image);
    return amend_package(docx::package(std::move(document), {{section}, report.language, header, false}), image.bytes);
}

}  // namespace moudesk::render
