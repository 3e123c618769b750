// The assessment report as one self-contained HTML page: inline CSS, the chart as inline SVG
// drawn by the same cairo routine as the PDF's, nothing fetched from anywhere. Every text is
// escaped; the SVG is ours (glyph outlines), so it carries no user text to escape.

#include <string>
#include <string_view>

#include "moudesk/core/text.h"
#include "moudesk/render/assessment_report.h"
#include "score_chart.h"

namespace moudesk::render {

namespace {

using diagnostic::Report;
using diagnostic::ReportMatrix;

// The chart's width in points: the PDF's text width, scaled down by CSS on narrow screens.
constexpr double chart_width = 470;

constexpr std::string_view style_sheet = R"(
body { font-family: "DejaVu Serif", "Noto Serif", Georgia, serif; font-size: 11pt; line-height: 1.45;
       color: #111; background: #fff; max-width: 62em; margin: 2em auto; padding: 0 1.5em; }
h1, h2, h3, table, .meta, .legend { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; }
h1 { text-align: center; font-size: 1.7em; color: #1f3b5c; margin: 0.4em 0 0.1em; }
p.subtitle { text-align: center; font-size: 1.2em; margin: 0 0 1.5em; }
h2 { font-size: 1.3em; color: #1f3b5c; margin: 1.8em 0 0.5em; border-bottom: 1px solid #c8d0da; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.3em; }
p { margin: 0.4em 0; }
p.meta { color: #555; font-size: 0.85em; }
p.note { font-style: italic; color: #555; font-size: 0.9em; }
p.label { font-weight: bold; font-size: 0.9em; margin: 0.7em 0 0.2em; }
ul { margin: 0.2em 0 0.4em; }
table { border-collapse: collapse; font-size: 0.8em; margin: 0.5em 0 1em; }
table.data { width: 100%; }
th, td { border: 1px solid #a6a6a6; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
thead th { background: #e8ecf1; }
td.number, th.number { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
table.scope th { background: none; width: 28%; }
figure.chart { margin: 0.5em 0 1em; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
.matrix-wrap { overflow-x: auto; }
table.matrix { font-size: 0.7em; }
table.matrix th.element { vertical-align: bottom; padding: 0.3em 0.1em; }
table.matrix th.element span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
                               display: inline-block; max-height: 16em; overflow: hidden; text-overflow: ellipsis; }
table.matrix td { text-align: center; vertical-align: middle; min-width: 1.2em; padding: 0.1em; }
table.matrix tbody th { font-weight: normal; white-space: nowrap; }
.covered { background: #9bcb8f; }
.overdue { background: #f2b84b; }
.not-covered { background: #fff; }
span.swatch { display: inline-block; width: 1.1em; height: 1.1em; line-height: 1.1em; text-align: center;
              border: 1px solid #a6a6a6; font-size: 0.8em; vertical-align: middle; margin: 0 0.3em 0 0.9em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 2.2cm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
@media print { body { max-width: none; margin: 0; padding: 0; } h2, h3 { break-after: avoid; }
               tr, figure { break-inside: avoid; } }
)";

// Escaped text with newlines as <br>.
std::string escape(std::string_view text) {
    std::string out;
    for (char c : xml_escape(text)) {
        if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

class HtmlReport {
public:
    explicit HtmlReport(const Report& report) : report_(report), l_(report.labels) {}

    std::string run() {
        const std::string lang = to_code(report_.language);
        const std::string title =
            report_.subtitle.empty() ? report_.title : report_.title + " \u2014 " + report_.subtitle;
        out_ += "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"generator\" content=\"moudesk\">\n";
        out_ += "<title>" + escape(title) + "</title>\n<style>" + std::string(style_sheet) + "</style>\n";
        out_ += "</head>\n<body>\n<header>\n<h1 dir=\"auto\">" + escape(report_.title) + "</h1>\n";
        if (!report_.subtitle.empty())
            out_ += "<p class=\"subtitle\" dir=\"auto\">" + escape(report_.subtitle) + "</p>\n";
        out_ += "</header>\n";
        scope();
        scores();
        gaps();
        matrix();
        actions();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    std::string percent(const std::optional<double>& p) const {
        return p ? diagnostic::format_percent(*p, report_.language) : l_.not_assessed;
    }

    void scope() {
        out_ += "<section id=\"scope\">\n<h2>" + escape(l_.scope) + "</h2>\n";
        if (!report_.scope.empty()) {
            out_ += "<table class=\"data scope\">\n";
            for (const auto& [label, value] : report_.scope)
                out_ += "<tr><th scope=\"row\">" + escape(label) + "</th><td dir=\"auto\">" + escape(value) +
                        "</td></tr>\n";
            out_ += "</table>\n";
        }
        out_ += "</section>\n";
    }

    void scores() {
        out_ += "<section id=\"scores\">\n<h2>" + escape(l_.scores) + "</h2>\n";
        std::string svg = chart::svg(chart::chart_of(report_), chart_width);
        // Inline SVG takes no XML declaration; the label makes the picture readable aloud.
        if (svg.starts_with("<?xml")) svg.erase(0, svg.find("?>") + 2);
        const auto open = svg.find("<svg");
        if (open != std::string::npos)
            svg.insert(open + 4, " role=\"img\" aria-label=\"" + xml_escape(l_.chart_description) + "\"");
        out_ += "<figure class=\"chart\">" + svg + "</figure>\n";
        out_ += "<table class=\"data scores\">\n<thead><tr><th>" + escape(l_.area) + "</th><th class=\"number\">" +
                escape(l_.score) + "</th><th class=\"number\">" + escape(l_.answered) + "</th></tr></thead>\n<tbody>\n";
        for (const auto& s : report_.area_scores)
            out_ += "<tr><td dir=\"auto\">" + escape(s.area) + "</td><td class=\"number\">" +
                    escape(percent(s.percent)) + "</td><td class=\"number\">" + escape(s.answered) + "</td></tr>\n";
        out_ += "<tr class=\"total\"><td>" + escape(l_.overall) + "</td><td class=\"number\">" +
                escape(percent(report_.overall)) + "</td><td class=\"number\">" + escape(report_.overall_answered) +
                "</td></tr>\n</tbody>\n</table>\n</section>\n";
    }

    void list(const std::string& label, const std::vector<std::string>& items) {
        if (items.empty()) return;
        out_ += "<p class=\"label\">" + escape(label) + "</p>\n<ul>\n";
        for (const std::string& item : items) out_ += "<li dir=\"auto\">" + escape(item) + "</li>\n";
        out_ += "</ul>\n";
    }

    void gaps() {
        out_ += "<section id=\"gaps\">\n<h2>" + escape(l_.gaps) + "</h2>\n";
        if (report_.gaps.empty()) out_ += "<p>" + escape(l_.no_gaps) + "</p>\n";
        if (!report_.gaps_intro.empty()) out_ += "<p>" + escape(report_.gaps_intro) + "</p>\n";
        for (std::size_t i = 0; i < report_.gaps.size(); ++i) {
            const auto& gap = report_.gaps[i];
            out_ += "<article class=\"gap\" id=\"gap-" + std::to_string(i + 1) + "\">\n<h3 dir=\"auto\">" +
                    std::to_string(i + 1) + ". " + escape(gap.question) + "</h3>\n";
            out_ += "<p class=\"meta\"><b>" + escape(l_.area + l_.colon) + "</b>" + escape(gap.area) + " &#8212; <b>" +
                    escape(l_.answer + l_.colon) + "</b>" + escape(gap.answer_label) + "</p>\n";
            if (!gap.notes.empty()) out_ += "<p class=\"note\" dir=\"auto\">" + escape(gap.notes) + "</p>\n";
            list(l_.weaknesses, gap.weaknesses);
            list(l_.solutions, gap.solutions);
            if (!gap.elements.empty()) {
                out_ += "<table class=\"data elements\">\n<thead><tr><th>" + escape(l_.elements) + "</th><th>" +
                        escape(l_.register_state) + "</th><th>" + escape(l_.agreements) +
                        "</th></tr></thead>\n<tbody>\n";
                for (const auto& e : gap.elements)
                    out_ += "<tr class=\"" + std::string(to_code(e.kind)) + "\"><td>" + escape(e.title) + "</td><td>" +
                            escape(e.classification) + "</td><td dir=\"auto\">" + escape(e.agreements) + "</td></tr>\n";
                out_ += "</tbody>\n</table>\n";
            }
            out_ += "</article>\n";
        }
        out_ += "</section>\n";
    }

    void matrix() {
        const auto& m = report_.matrix;
        out_ += "<section id=\"matrix\">\n<h2>" + escape(l_.matrix) + "</h2>\n";
        if (m.agreements.empty() || m.elements.empty()) {
            out_ += "<p>" + escape(l_.no_agreements) + "</p>\n";
        } else {
            out_ += "<p class=\"legend\">" + escape(l_.legend + l_.colon) +
                    "<span class=\"swatch covered\">&#10003;</span>" + escape(l_.covered) +
                    "<span class=\"swatch overdue\">!</span>" + escape(l_.covered_overdue) +
                    "<span class=\"swatch not-covered\"></span>" + escape(l_.not_covered) + "</p>\n";
            out_ += "<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n<thead><tr><th>" + escape(l_.agreement) +
                    "</th>";
            for (const std::string& e : m.elements)
                out_ += "<th class=\"element\" scope=\"col\"><span title=\"" + xml_escape(e) + "\">" + escape(e) +
                        "</span></th>";
            out_ += "</tr></thead>\n<tbody>\n";
            for (std::size_t r = 0; r < m.agreements.size(); ++r) {
                out_ += "<tr><th scope=\"row\" dir=\"auto\">" + escape(m.agreements[r]) + "</th>";
                for (std::size_t c = 0; c < m.elements.size(); ++c) {
                    const std::uint8_t v = m.cells[r][c];
                    if (v == ReportMatrix::covered)
                        out_ += "<td class=\"covered\" title=\"" + xml_escape(l_.covered) + "\">&#10003;</td>";
                    else if (v == ReportMatrix::covered_overdue)
                        out_ += "<td class=\"overdue\" title=\"" + xml_escape(l_.covered_overdue) + "\">!</td>";
                    else
                        out_ += "<td class=\"not-covered\"></td>";
                }
                out_ += "</tr>\n";
            }
            out_ += "</tbody>\n</table>\n</div>\n";
        }
        if (!m.left_out_note.empty()) out_ += "<p class=\"note\">" + escape(m.left_out_note) + "</p>\n";
        out_ += "</section>\n";
    }

    void actions() {
        out_ += "<section id=\"action-plan\">\n<h2>" + escape(l_.action_plan) + "</h2>\n";
        if (report_.actions.empty()) {
            out_ += "<p>" + escape(l_.no_actions) + "</p>\n";
        } else {
            out_ += "<table class=\"data actions\">\n<thead><tr><th>" + escape(l_.agreement) + "</th><th>" +
                    escape(l_.action) + "</th><th>" + escape(l_.owner) + "</th><th>" + escape(l_.due) +
                    "</th></tr></thead>\n<tbody>\n";
            for (const auto& a : report_.actions)
                out_ += "<tr><td dir=\"auto\">" + escape(a.agreement) + "</td><td dir=\"auto\">" + escape(a.action) +
                        "</td><td dir=\"auto\">" + escape(a.owner) + "</td><td class=\"number\">" + escape(a.due) +
                        "</td></tr>\n";
            out_ += "</tbody>\n</table>\n";
        }
        out_ += "</section>\n";
    }

    const Report& report_;
    const diagnostic::ReportLabels& l_;
    std::string out_;
};

}  // namespace

std::string render_assessment_report_html(const Report& report) {
    return HtmlReport(report).run();
}

}  // namespace moudesk::render
