// ODT: an OpenDocument Text package built as strings and zipped by ZipPackage.
//
// Like the DOCX writer, numbers are literal text (the engine numbered the document and
// cross-references quote those numbers), formatting lives in named styles, and the second
// language gets automatic styles that only add its language to the named style.

#include <charconv>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"
#include "moudesk/zip/zip_package.h"
#include "running_title.h"

namespace moudesk::render {

namespace {

using drafting::Block;
using drafting::BlockKind;
using drafting::Document;
using drafting::Layout;
using drafting::Row;
using drafting::SignatureCell;
using drafting::Span;

// A4 with 2.5 cm side margins: 16 cm of text width.
constexpr double text_width_cm = 16.0;
constexpr double cell_padding_cm = 0.25;
constexpr std::string_view second_master_page = "Second_20_Language";

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view office_namespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " office:version=\"1.2\"";

std::string language_properties(Language language) {
    return language == Language::fr ? "fo:language=\"fr\" fo:country=\"FR\"" : "fo:language=\"en\" fo:country=\"GB\"";
}

const char* of_word(Language language) {
    return language == Language::fr ? "sur" : "of";
}

// to_chars, not printf: a GUI that sets a French locale must not get "8,000cm".
std::string cm(double value) {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
    return std::string(buffer, result.ptr) + "cm";
}

// Appends text under ODF's white-space rules, which collapse runs of spaces and drop leading
// ones: a space that could be collapsed is written as text:s, newlines and tabs as elements.
// `after_space` carries "the previous character was white space" across the spans of a
// paragraph; start each paragraph with it true.
void append_text(std::string& out, std::string_view text, bool& after_space) {
    std::string clean = clean_text(text);
    std::size_t plain_start = 0;
    auto flush = [&](std::size_t to) {
        if (to > plain_start) out += xml_escape(std::string_view(clean).substr(plain_start, to - plain_start));
    };
    for (std::size_t i = 0; i < clean.size(); ++i) {
        char c = clean[i];
        if (c != ' ' && c != '\n' && c != '\t') {
            after_space = false;
            continue;
        }
        flush(i);
        plain_start = i + 1;
        if (c == ' ') {
            // A lone space between two ordinary characters survives as is; any other is kept by text:s.
            bool next_plain =
                i + 1 < clean.size() && clean[i + 1] != ' ' && clean[i + 1] != '\n' && clean[i + 1] != '\t';
            out += !after_space && next_plain ? " " : "<text:s/>";
        } else {
            out += c == '\n' ? "<text:line-break/>" : "<text:tab/>";
        }
        after_space = true;
    }
    flush(clean.size());
}

// ---- the body -----------------------------------------------------------------------------

class BodyWriter {
public:
    explicit BodyWriter(const Document& document) : document_(document) {}

    std::string& out() { return out_; }

    // The automatic styles the body asked for, in order of first use.
    std::string automatic_styles() const {
        std::string all;
        for (const auto& s : automatic_styles_) all += s;
        return all;
    }

    // The next top-level paragraph or table starts the page style of the second language.
    void start_second_master_page() { pending_master_page_ = true; }

    // One block at the top level: a paragraph or heading, or a table for signatures.
    void block(const Block& b, std::size_t column) {
        if (b.kind == BlockKind::signatures)
            signature_table(b, column);
        else
            paragraph(b, column, true);
    }

    // One block in a side-by-side cell. pandoc's ODT reader drops everything but paragraphs in
    // table cells, so headings there are text:p in the heading style (they look the same; the
    // cost is that LibreOffice's navigator does not list them) and signatures are stacked
    // paragraphs, not a nested table. An empty cell still gets a paragraph.
    void cell(const Block* b, std::size_t column) {
        bool any = false;
        if (b && b->kind == BlockKind::signatures) {
            for (const SignatureCell& party : b->signatures) {
                signature_paragraphs(party, column);
                any = true;
            }
        } else if (b) {
            paragraph(*b, column, false);
            any = true;
        }
        if (!any) out_ += "<text:p text:style-name=\"" + style_for("Standard", column) + "\"/>";
    }

    // Opens a borderless table of `widths`; its rows follow.
    void open_table(std::string_view kind, const std::vector<double>& widths) {
        const std::string name = std::string(kind) + std::to_string(++tables_);
        double total = 0;
        for (double w : widths) total += w;
        std::string style = "<style:style style:name=\"" + name + "\" style:family=\"table\"";
        if (pending_master_page_) style += " style:master-page-name=\"" + std::string(second_master_page) + "\"";
        pending_master_page_ = false;
        style += "><style:table-properties style:width=\"" + cm(total) + "\" table:align=\"left\"/></style:style>";
        automatic_styles_.push_back(std::move(style));
        out_ += "<table:table table:name=\"" + name + "\" table:style-name=\"" + name + "\">";
        for (std::size_t i = 0; i < widths.size(); ++i) {
            std::string column = name + "." + std::to_string(i + 1);
            automatic_styles_.push_back("<style:style style:name=\"" + column +
                                        "\" style:family=\"table-column\"><style:table-column-properties"
                                        " style:column-width=\"" +
                                        cm(widths[i]) + "\"/></style:style>");
            out_ += "<table:table-column table:style-name=\"" + column + "\"/>";
        }
    }

    static std::string cell_open(int span = 1) {
        std::string out = "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"";
        if (span > 1) out += " table:number-columns-spanned=\"" + std::to_string(span) + "\"";
        return out + ">";
    }

private:
    // A paragraph, or a heading (text:h) where `headings_allowed`.
    void paragraph(const Block& b, std::size_t column, bool headings_allowed) {
        auto [style, element, level] = paragraph_style(b);
        if (!headings_allowed) element = "p";
        out_ += "<text:" + std::string(element) + " text:style-name=\"" + style_for(style, column) + "\"";
        if (element == "h") out_ += " text:outline-level=\"" + std::to_string(level) + "\"";
        out_ += ">";
        std::string bookmark;
        if (!b.anchor.empty()) {
            std::string name = bookmark_name(b.anchor, column);
            // A second block with the same anchor would duplicate the bookmark.
            if (placed_.insert(name).second) {
                bookmark = xml_escape(name);
                out_ += "<text:bookmark-start text:name=\"" + bookmark + "\"/>";
            }
        }
        bool after_space = true;
        label(b, after_space);
        for (const Span& s : b.spans) span(s, column, after_space);
        if (!bookmark.empty()) out_ += "<text:bookmark-end text:name=\"" + bookmark + "\"/>";
        out_ += "</text:" + std::string(element) + ">";
    }

    struct ParagraphStyle {
        std::string_view style;
        std::string_view element;  // "p" or "h"
        int outline_level;
    };

    static ParagraphStyle paragraph_style(const Block& b) {
        switch (b.kind) {
            case BlockKind::title: return {"Title", "p", 0};
            case BlockKind::part: return {"Heading_20_1", "h", 1};
            case BlockKind::article: return {"Heading_20_2", "h", 2};
            case BlockKind::paragraph: return {b.label.empty() ? "Standard" : "Numbered_20_Paragraph", "p", 0};
            case BlockKind::item: return {"List_20_Item", "p", 0};
            case BlockKind::signature_intro: return {"Signature_20_Intro", "p", 0};
            case BlockKind::preamble:
            case BlockKind::signatures: return {"Standard", "p", 0};
        }
        return {"Standard", "p", 0};
    }

    // The named style itself for the first language; for the second an automatic style that adds
    // its language, and for the first paragraph of the second language also its page style.
    std::string style_for(std::string_view named, std::size_t column) {
        if (column == 0 && !pending_master_page_) return std::string(named);
        Language language = document_.languages[column];
        std::string name = std::string(named) + "_" + to_code(language);
        if (pending_master_page_) name = "First_" + name;
        if (known_styles_.insert(name).second) {
            std::string style = "<style:style style:name=\"" + name +
                                "\" style:family=\"paragraph\" style:parent-style-name=\"" + std::string(named) + "\"";
            if (pending_master_page_)
                style += " style:master-page-name=\"" + std::string(second_master_page) +
                         "\"><style:paragraph-properties style:page-number=\"auto\"/>";
            else
                style += ">";
            style += "<style:text-properties " + language_properties(language) + "/></style:style>";
            automatic_styles_.push_back(std::move(style));
        }
        pending_master_page_ = false;
        return name;
    }

    void label(const Block& b, bool& after_space) {
        if (b.label.empty()) return;
        append_text(out_, b.label, after_space);
        switch (b.kind) {
            case BlockKind::title:
            case BlockKind::part:
            case BlockKind::article:
                // "Article 3" on one line, its title on the next.
                if (!b.plain_text().empty()) append_text(out_, "\n", after_space);
                break;
            case BlockKind::paragraph:
            case BlockKind::item:
                // The styles' hanging indent puts the text after the tab at the indent.
                append_text(out_, "\t", after_space);
                break;
            default: append_text(out_, " ", after_space);
        }
    }

    void styled(std::string_view style, const std::string& text, bool& after_space) {
        out_ += "<text:span text:style-name=\"" + std::string(style) + "\">";
        append_text(out_, text, after_space);
        out_ += "</text:span>";
    }

    void span(const Span& s, std::size_t column, bool& after_space) {
        switch (s.style) {
            case Span::Style::plain: append_text(out_, s.text, after_space); break;
            case Span::Style::field: styled("Field", s.text, after_space); break;
            case Span::Style::missing_field: styled("Missing_20_Field", s.text, after_space); break;
            case Span::Style::term: styled("Defined_20_Term", s.text, after_space); break;
            case Span::Style::reference:
                if (s.link.empty()) {
                    styled("Cross_20_Reference", s.text, after_space);
                } else {
                    out_ += "<text:a xlink:type=\"simple\" xlink:href=\"#" + xml_escape(bookmark_name(s.link, column)) +
                            "\" text:style-name=\"Cross_20_Reference\" text:visited-style-name=\"Cross_20_Reference\">";
                    append_text(out_, s.text, after_space);
                    out_ += "</text:a>";
                }
                break;
        }
    }

    // Bookmark names that need no escaping in a "#name" link: letters, digits, '-', '_', '.';
    // the second language's bookmarks get its code so its references stay in that language.
    std::string bookmark_name(const std::string& anchor, std::size_t column) {
        auto key = std::make_pair(column, anchor);
        if (auto found = bookmark_names_.find(key); found != bookmark_names_.end()) return found->second;
        std::string base;
        for (char c : anchor) {
            bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
            base += keep ? c : '_';
        }
        if (base.empty()) base = "anchor";
        if (column > 0) base = base + "-" + to_code(document_.languages[column]);
        std::string name = base;
        for (int n = 2; used_names_.count(name); ++n) name = base + "-" + std::to_string(n);
        used_names_.insert(name);
        bookmark_names_.emplace(key, name);
        return name;
    }

    // A party's signature place: the heading, "Label: value" lines, then a ruled line to sign on.
    void signature_paragraphs(const SignatureCell& party, std::size_t column) {
        out_ += "<text:p text:style-name=\"" + style_for("Signature_20_Heading", column) + "\">";
        bool after_space = true;
        append_text(out_, party.heading, after_space);
        out_ += "</text:p>";
        for (const auto& line : party.lines) {
            out_ += "<text:p text:style-name=\"" + style_for("Signature", column) + "\">";
            after_space = true;
            if (!line.label.empty()) append_text(out_, line.label + ": ", after_space);
            styled("Field", line.value, after_space);
            out_ += "</text:p>";
        }
        out_ += "<text:p text:style-name=\"" + style_for("Signature_20_Line", column) + "\"/>";
    }

    // The signatures as a borderless table, one cell per party.
    void signature_table(const Block& b, std::size_t column) {
        if (b.signatures.empty()) return;
        const std::size_t n = b.signatures.size();
        open_table("Signatures", std::vector<double>(n, text_width_cm / static_cast<double>(n)));
        out_ += "<table:table-row table:style-name=\"SignatureRow\">";
        for (const SignatureCell& party : b.signatures) {
            out_ += cell_open();
            signature_paragraphs(party, column);
            out_ += "</table:table-cell>";
        }
        out_ += "</table:table-row></table:table>";
    }

    const Document& document_;
    std::string out_;
    std::vector<std::string> automatic_styles_;
    std::set<std::string> known_styles_;
    std::map<std::pair<std::size_t, std::string>, std::string> bookmark_names_;
    std::set<std::string> used_names_;
    std::set<std::string> placed_;
    int tables_ = 0;
    bool pending_master_page_ = false;
};

// ---- parts --------------------------------------------------------------------------------

std::string content_part(const Document& doc, Layout layout) {
    BodyWriter body(doc);
    std::string& out = body.out();

    auto column_blocks = [&](std::size_t column) {
        for (const Row& row : doc.rows)
            if (column < row.cells.size()) body.block(row.cells[column], column);
    };

    if (layout == Layout::side_by_side) {
        const double half = text_width_cm / 2;
        body.open_table("Languages", {half, half});
        for (const Row& row : doc.rows) {
            // A signature block split over two pages invites disputes about what was signed.
            out += row.kind == BlockKind::signatures ? "<table:table-row table:style-name=\"SignatureRow\">"
                                                     : "<table:table-row>";
            if (row.kind == BlockKind::title) {
                // The titles span both columns, one under the other, each in its own language.
                out += BodyWriter::cell_open(2);
                for (std::size_t c = 0; c < 2 && c < row.cells.size(); ++c) body.cell(&row.cells[c], c);
                if (row.cells.empty()) body.cell(nullptr, 0);
                out += "</table:table-cell><table:covered-table-cell/>";
            } else {
                for (std::size_t c = 0; c < 2; ++c) {
                    out += BodyWriter::cell_open();
                    body.cell(c < row.cells.size() ? &row.cells[c] : nullptr, c);
                    out += "</table:table-cell>";
                }
            }
            out += "</table:table-row>";
        }
        out += "</table:table>";
    } else if (layout == Layout::sequence) {
        column_blocks(0);
        body.start_second_master_page();
        column_blocks(1);
    } else {
        column_blocks(0);
    }

    std::string part(xml_declaration);
    part.append("<office:document-content").append(office_namespaces).append(">");
    part += "<office:automatic-styles>";
    // Cells: no borders, a little padding so the two languages do not touch.
    part +=
        "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties"
        " fo:padding-left=\"" +
        cm(cell_padding_cm) + "\" fo:padding-right=\"" + cm(cell_padding_cm) +
        "\" fo:padding-top=\"0cm\" fo:padding-bottom=\"0cm\" fo:border=\"none\"/></style:style>";
    part +=
        "<style:style style:name=\"SignatureRow\" style:family=\"table-row\">"
        "<style:table-row-properties fo:keep-together=\"always\"/></style:style>";
    part += body.automatic_styles();
    part += "</office:automatic-styles><office:body><office:text>";
    part += out;
    part += "</office:text></office:body></office:document-content>";
    return part;
}

// A named paragraph style; `inner` holds its property elements.
std::string paragraph_style(std::string_view name, std::string_view display, std::string_view inner,
                            std::string_view extra_attributes = "") {
    std::string out = "<style:style style:name=\"";
    out.append(name).append("\" style:display-name=\"").append(display).append("\" style:family=\"paragraph\"");
    if (name != "Standard") out += " style:parent-style-name=\"Standard\" style:next-style-name=\"Standard\"";
    out.append(extra_attributes).append(">").append(inner).append("</style:style>");
    return out;
}

std::string text_style(std::string_view name, std::string_view display, std::string_view properties) {
    std::string out = "<style:style style:name=\"";
    out.append(name).append("\" style:display-name=\"").append(display).append("\" style:family=\"text\">");
    if (!properties.empty()) out.append("<style:text-properties ").append(properties).append("/>");
    return out + "</style:style>";
}

constexpr std::string_view bold =
    " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"";

std::string font_size(std::string_view size) {
    std::string s(size);
    return " fo:font-size=\"" + s + "\" style:font-size-asian=\"" + s + "\" style:font-size-complex=\"" + s + "\"";
}

struct PageStyle {
    std::string name;
    Language language;
    std::string header;
};

std::string styles_part(const std::vector<PageStyle>& pages) {
    const Language first = pages.front().language;
    std::string out(xml_declaration);
    out.append("<office:document-styles").append(office_namespaces).append(">");
    out +=
        "<office:font-face-decls><style:font-face style:name=\"Times New Roman\""
        " svg:font-family=\"&apos;Times New Roman&apos;\" style:font-family-generic=\"roman\""
        " style:font-pitch=\"variable\"/></office:font-face-decls>";
    out += "<office:styles>";
    out +=
        "<style:default-style style:family=\"paragraph\"><style:text-properties style:font-name=\"Times New Roman\"" +
        font_size("12pt") + " " + language_properties(first) + "/></style:default-style>";
    out += paragraph_style("Standard", "Default Paragraph Style",
                           "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.212cm\""
                           " fo:line-height=\"110%\" fo:text-align=\"justify\"/>",
                           " style:class=\"text\"");
    out += paragraph_style("Title", "Title",
                           "<style:paragraph-properties fo:margin-top=\"0.423cm\" fo:margin-bottom=\"0.847cm\""
                           " fo:text-align=\"center\" fo:keep-with-next=\"always\"/><style:text-properties" +
                               font_size("16pt") + std::string(bold) + "/>",
                           " style:class=\"chapter\"");
    out += paragraph_style("Heading_20_1", "Heading 1",
                           "<style:paragraph-properties fo:margin-top=\"0.847cm\" fo:margin-bottom=\"0.423cm\""
                           " fo:text-align=\"center\" fo:keep-with-next=\"always\"/><style:text-properties"
                           " fo:text-transform=\"uppercase\"" +
                               font_size("13pt") + std::string(bold) + "/>",
                           " style:default-outline-level=\"1\" style:class=\"text\"");
    out += paragraph_style("Heading_20_2", "Heading 2",
                           "<style:paragraph-properties fo:margin-top=\"0.635cm\" fo:margin-bottom=\"0.212cm\""
                           " fo:text-align=\"center\" fo:keep-with-next=\"always\"/><style:text-properties" +
                               std::string(bold) + "/>",
                           " style:default-outline-level=\"2\" style:class=\"text\"");
    // Hanging indents: the literal label sits in the margin, the text after a tab at the indent.
    out += paragraph_style("Numbered_20_Paragraph", "Numbered Paragraph",
                           "<style:paragraph-properties fo:margin-left=\"1cm\" fo:text-indent=\"-1cm\""
                           " style:auto-text-indent=\"false\"><style:tab-stops><style:tab-stop style:position=\"0cm\"/>"
                           "</style:tab-stops></style:paragraph-properties>",
                           " style:class=\"list\"");
    out += paragraph_style("List_20_Item", "List Item",
                           "<style:paragraph-properties fo:margin-left=\"2cm\" fo:text-indent=\"-1cm\""
                           " style:auto-text-indent=\"false\"><style:tab-stops><style:tab-stop style:position=\"0cm\"/>"
                           "</style:tab-stops></style:paragraph-properties>",
                           " style:class=\"list\"");
    // "Signed at … on …" stays on the page of the signatures it introduces.
    out += paragraph_style("Signature_20_Intro", "Signature Intro",
                           "<style:paragraph-properties fo:keep-with-next=\"always\"/>");
    out += paragraph_style("Signature_20_Heading", "Signature Heading",
                           "<style:paragraph-properties fo:margin-top=\"0.423cm\" fo:text-align=\"start\""
                           " fo:keep-with-next=\"always\"/><style:text-properties" +
                               std::string(bold) + "/>");
    out += paragraph_style("Signature", "Signature",
                           "<style:paragraph-properties fo:margin-bottom=\"0.1cm\" fo:text-align=\"start\""
                           " fo:keep-with-next=\"always\"/>");
    // An empty paragraph ruled underneath, with room above for the signature itself.
    out += paragraph_style("Signature_20_Line", "Signature Line",
                           "<style:paragraph-properties fo:margin-top=\"1.5cm\" fo:margin-bottom=\"0.4cm\""
                           " fo:margin-right=\"0.5cm\" fo:border-bottom=\"0.5pt solid #000000\" fo:padding=\"0cm\"/>");
    for (const char* name : {"Header", "Footer"})
        out += paragraph_style(name, name,
                               "<style:paragraph-properties fo:margin-bottom=\"0cm\" fo:text-align=\"center\"/>"
                               "<style:text-properties" +
                                   font_size("9pt") + "/>",
                               " style:class=\"extra\"");
    // Character styles carry the meaning; a user can restyle every defined term in one place.
    out += text_style("Field", "Field", "");
    out += text_style("Missing_20_Field", "Missing Field", "fo:background-color=\"#ffff00\"");
    out += text_style("Defined_20_Term", "Defined Term", "");
    // Cross-references stay in the text colour: this is a legal text to print, not a web page.
    out += text_style("Cross_20_Reference", "Cross Reference", "");
    out += "</office:styles>";

    out +=
        "<office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties"
        " fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\""
        " fo:margin-top=\"1.25cm\" fo:margin-bottom=\"1.25cm\" fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\""
        " style:writing-mode=\"lr-tb\"/>"
        "<style:header-style><style:header-footer-properties fo:min-height=\"0cm\" fo:margin-bottom=\"0.6cm\"/>"
        "</style:header-style><style:footer-style><style:header-footer-properties fo:min-height=\"0cm\""
        " fo:margin-top=\"0.6cm\"/></style:footer-style></style:page-layout>";
    for (const PageStyle& page : pages) {
        if (page.language == first) continue;
        for (const char* name : {"Header", "Footer"})
            out += std::string("<style:style style:name=\"") + name + "_" + to_code(page.language) +
                   "\" style:family=\"paragraph\" style:parent-style-name=\"" + name + "\"><style:text-properties " +
                   language_properties(page.language) + "/></style:style>";
    }
    out += "</office:automatic-styles><office:master-styles>";
    for (const PageStyle& page : pages) {
        std::string suffix = page.language == first ? "" : std::string("_") + to_code(page.language);
        out += "<style:master-page style:name=\"" + page.name + "\"";
        if (page.name != "Standard") out += " style:display-name=\"Second Language\"";
        out += " style:page-layout-name=\"A4\">";
        out += "<style:header><text:p text:style-name=\"Header" + suffix + "\">";
        bool after_space = true;
        append_text(out, page.header, after_space);
        out += "</text:p></style:header><style:footer><text:p text:style-name=\"Footer" + suffix + "\">";
        after_space = true;
        append_text(out, "Page ", after_space);
        out += "<text:page-number text:select-page=\"current\">1</text:page-number>";
        append_text(out, std::string(" ") + of_word(page.language) + " ", after_space);
        out += "<text:page-count>1</text:page-count></text:p></style:footer></style:master-page>";
    }
    out += "</office:master-styles></office:document-styles>";
    return out;
}

std::string meta_part(std::string_view title, Language language) {
    std::string out(xml_declaration);
    out.append("<office:document-meta").append(office_namespaces).append("><office:meta>");
    out += "<meta:generator>moudesk/" MOUDESK_VERSION "</meta:generator>";
    out += "<dc:title>" + xml_escape(title) + "</dc:title>";
    out += std::string("<dc:language>") + (language == Language::fr ? "fr-FR" : "en-GB") + "</dc:language>";
    out += "</office:meta></office:document-meta>";
    return out;
}

std::string manifest_part() {
    std::string out(xml_declaration);
    out +=
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
        "manifest:version=\"1.2\">"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
        " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>";
    for (const char* part : {"content.xml", "styles.xml", "meta.xml"})
        out +=
            std::string("<manifest:file-entry manifest:full-path=\"") + part + "\" manifest:media-type=\"text/xml\"/>";
    return out + "</manifest:manifest>";
}

}  // namespace

std::string render_odt(const Document& doc) {
    if (doc.languages.empty()) throw Error(ErrorCategory::internal, "ODT: the document has no language");
    // A bilingual layout with one language degrades to the single layout rather than failing.
    const Layout layout = doc.languages.size() >= 2 ? doc.layout : Layout::single;
    const Language first = doc.languages[0];

    std::vector<PageStyle> pages;
    if (layout == Layout::side_by_side) {
        pages.push_back({"Standard", first, running_header(doc, std::nullopt)});
    } else {
        pages.push_back({"Standard", first, running_header(doc, 0)});
        if (layout == Layout::sequence)
            pages.push_back({std::string(second_master_page), doc.languages[1], running_header(doc, 1)});
    }

    ZipPackage zip;
    // Readers identify an ODF package by this first entry, uncompressed, at a fixed offset.
    zip.add("mimetype", "application/vnd.oasis.opendocument.text", ZipPackage::Compression::store);
    zip.add("META-INF/manifest.xml", manifest_part());
    zip.add("content.xml", content_part(doc, layout));
    zip.add("styles.xml", styles_part(pages));
    zip.add("meta.xml", meta_part(title_of(doc, 0), first));
    return zip.bytes();
}

}  // namespace moudesk::render
