// HTML writer: one self-contained page (inline CSS, no external resources). The same page is the
// desktop app's live preview in wxHtmlWindow, so the markup stays HTML 4-ish (tables for columns,
// <b>/<i>/<span style>, <a name>) while remaining valid HTML5 for browsers and pandoc.

#include <set>
#include <string>
#include <vector>

#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"

namespace moudesk::render {

namespace {

using drafting::Block;
using drafting::BlockKind;
using drafting::Document;
using drafting::Layout;
using drafting::Span;

constexpr const char* style_sheet = R"(
body { font-family: "DejaVu Serif", "Noto Serif", Georgia, serif; font-size: 11pt; line-height: 1.45;
       color: #111; background: #fff; max-width: 62em; margin: 2em auto; padding: 0 1.5em; }
h1.title { text-align: center; font-size: 1.45em; margin: 0.6em 0 1.2em; }
h2.part { text-align: center; font-size: 1.2em; margin: 1.6em 0 0.6em; }
h3.article { text-align: center; font-size: 1.05em; margin: 1.4em 0 0.5em; }
p { margin: 0.45em 0; }
p.numbered { padding-inline-start: 2.2em; text-indent: -2.2em; }
p.item { padding-inline-start: 4.4em; text-indent: -2.2em; }
span.label { display: inline-block; min-width: 2.2em; text-indent: 0; }
p.signature-intro { margin-top: 1.6em; }
mark.missing { background: #ffe97a; color: inherit; }
a.reference { color: #1a4e8a; }
i.term { font-style: italic; }
table.side-by-side { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.side-by-side > tbody > tr > td { width: 50%; vertical-align: top; padding: 0 0.9em; }
table.signatures { width: 100%; margin-top: 1em; border-collapse: collapse; }
td.signature { vertical-align: top; padding: 0.5em 1.2em 0.8em 0; }
section + section { margin-top: 3em; padding-top: 1em; border-top: 1px solid #999; }
@media print { section + section { break-before: page; border-top: none; } }
)";

// Anchors are slugs already; this keeps an odd one a valid id (no spaces) and escaped.
std::string id_of(const std::string& anchor) {
    std::string id = anchor;
    for (char& c : id)
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') c = '-';
    return xml_escape(id);
}

// Escaped text with newlines as <br>.
std::string escape_text(const std::string& text) {
    std::string escaped = xml_escape(text);
    std::string out;
    out.reserve(escaped.size());
    for (char c : escaped) {
        if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

class HtmlWriter {
public:
    explicit HtmlWriter(const Document& document) : doc_(document) {
        columns_ = doc_.languages.empty() ? 1 : doc_.languages.size();
        if (doc_.layout == Layout::single) columns_ = 1;
        // Which anchors exist in each column: references to anything else stay plain text
        // rather than becoming dead links.
        anchors_.resize(columns_);
        for (const auto& row : doc_.rows)
            for (std::size_t c = 0; c < row.cells.size() && c < columns_; ++c)
                if (!row.cells[c].anchor.empty()) anchors_[c].insert(row.cells[c].anchor);
    }

    std::string run() {
        const std::string first_lang = language(0);
        std::string title = doc_.languages.empty() ? std::string() : doc_.title[doc_.languages[0]];
        if (title.empty()) title = first_title_text();

        out_ += "<!DOCTYPE html>\n<html lang=\"" + first_lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"generator\" content=\"moudesk\">\n";
        out_ += "<title>" + xml_escape(title) + "</title>\n<style>" + std::string(style_sheet) + "</style>\n";
        out_ += "</head>\n<body>\n";

        if (columns_ == 1) {
            out_ += "<div class=\"document\" lang=\"" + first_lang + "\">\n";
            for (const auto& row : doc_.rows)
                if (!row.cells.empty()) block(row.cells[0], 0, true, false);
            out_ += "</div>\n";
        } else if (doc_.layout == Layout::sequence) {
            for (std::size_t c = 0; c < columns_; ++c) {
                out_ += "<section lang=\"" + language(c) + "\">\n";
                for (const auto& row : doc_.rows)
                    if (c < row.cells.size()) block(row.cells[c], c, true, false);
                out_ += "</section>\n";
            }
        } else {
            // One table row per document row keeps each paragraph level with its translation.
            out_ += "<table class=\"side-by-side\">\n";
            for (const auto& row : doc_.rows) {
                out_ += "<tr>\n";
                for (std::size_t c = 0; c < columns_; ++c) {
                    out_ += "<td lang=\"" + language(c) + "\">";
                    // Both cells of an article row share the anchor; the row needs one id.
                    if (c < row.cells.size()) block(row.cells[c], c, c == 0, true);
                    out_ += "</td>\n";
                }
                out_ += "</tr>\n";
            }
            out_ += "</table>\n";
        }
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    std::string language(std::size_t column) const {
        return column < doc_.languages.size() ? to_code(doc_.languages[column]) : "und";
    }

    std::string first_title_text() const {
        for (const auto& row : doc_.rows)
            if (row.kind == BlockKind::title && !row.cells.empty()) return row.cells[0].plain_text();
        return "Document";
    }

    // The id an anchor gets in `column`: in a sequence each language has its own copy of every
    // article, so the later languages are prefixed to keep ids unique.
    std::string anchor_id(const std::string& anchor, std::size_t column) const {
        if (doc_.layout == Layout::sequence && column > 0) return id_of(language(column) + "-" + anchor);
        return id_of(anchor);
    }

    std::string spans(const Block& b, std::size_t column) const {
        std::string html;
        for (const Span& span : b.spans) {
            std::string text = escape_text(span.text);
            switch (span.style) {
                case Span::Style::plain: html += text; break;
                case Span::Style::field: html += "<span class=\"field\">" + text + "</span>"; break;
                case Span::Style::missing_field:
                    // <mark> for browsers and pandoc; the inner span colours it in wxHtmlWindow,
                    // which ignores <mark>.
                    html +=
                        "<mark class=\"missing\"><span style=\"background-color: #ffe97a\">" + text + "</span></mark>";
                    break;
                case Span::Style::term: html += "<i class=\"term\">" + text + "</i>"; break;
                case Span::Style::reference:
                    if (column < anchors_.size() && anchors_[column].count(span.link))
                        html +=
                            "<a class=\"reference\" href=\"#" + anchor_id(span.link, column) + "\">" + text + "</a>";
                    else
                        html += text;
                    break;
            }
        }
        return html;
    }

    void block(const Block& b, std::size_t column, bool with_id, bool in_table) {
        const std::string label = escape_text(b.label);
        const std::string text = spans(b, column);
        switch (b.kind) {
            case BlockKind::title: out_ += "<h1 class=\"title\" dir=\"auto\">" + text + "</h1>\n"; break;
            case BlockKind::preamble: out_ += "<p class=\"preamble\" dir=\"auto\">" + text + "</p>\n"; break;
            case BlockKind::part:
                out_ += "<h2 class=\"part\" dir=\"auto\">";
                if (!label.empty()) out_ += label + (text.empty() ? "" : "<br>");
                out_ += text + "</h2>\n";
                break;
            case BlockKind::article: {
                out_ += "<h3 class=\"article\" dir=\"auto\">";
                // id for browsers, name for wxHtmlWindow's in-page jumps; equal values on one
                // element are conforming HTML5.
                if (with_id && !b.anchor.empty()) {
                    std::string id = anchor_id(b.anchor, column);
                    out_ += "<a id=\"" + id + "\" name=\"" + id + "\"></a>";
                }
                out_ += label;
                if (!label.empty() && !text.empty()) out_ += "<br>";
                out_ += text + "</h3>\n";
                break;
            }
            case BlockKind::paragraph:
                if (label.empty()) {
                    out_ += "<p class=\"paragraph\" dir=\"auto\">" + text + "</p>\n";
                } else {
                    out_ += "<p class=\"paragraph numbered\" dir=\"auto\"><span class=\"label\">" + label + "</span> " +
                            text + "</p>\n";
                }
                break;
            case BlockKind::item:
                out_ += "<p class=\"item\" dir=\"auto\"><span class=\"label\">" + label + "</span> " + text + "</p>\n";
                break;
            case BlockKind::signature_intro:
                out_ += "<p class=\"signature-intro\" dir=\"auto\">" + text + "</p>\n";
                break;
            case BlockKind::signatures: signatures(b, in_table ? 1 : 2); break;
        }
    }

    // The signature places as a grid, `per_row` parties to a row.
    void signatures(const Block& b, std::size_t per_row) {
        if (b.signatures.empty()) return;
        out_ += "<table class=\"signatures\">\n";
        for (std::size_t i = 0; i < b.signatures.size(); i += per_row) {
            out_ += "<tr>\n";
            for (std::size_t k = i; k < i + per_row; ++k) {
                if (k >= b.signatures.size()) {
                    out_ += "<td class=\"signature\"></td>\n";
                    continue;
                }
                const auto& cell = b.signatures[k];
                out_ += "<td class=\"signature\" dir=\"auto\"><b>" + escape_text(cell.heading) + "</b><br><br><br>";
                out_ += "______________________________";
                for (const auto& line : cell.lines) {
                    out_ += "<br>";
                    if (!line.label.empty()) out_ += escape_text(line.label) + ": ";
                    out_ += escape_text(line.value);
                }
                out_ += "</td>\n";
            }
            out_ += "</tr>\n";
        }
        out_ += "</table>\n";
    }

    const Document& doc_;
    std::size_t columns_ = 1;
    std::vector<std::set<std::string>> anchors_;
    std::string out_;
};

}  // namespace

std::string render_html(const drafting::Document& document) {
    return HtmlWriter(document).run();
}

}  // namespace moudesk::render
