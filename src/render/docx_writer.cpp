// DOCX: a WordprocessingML package built as strings and zipped by ZipPackage.
//
// Numbers (article labels, "1.", "(a)") are written as literal text, never as Word list
// numbering: the drafting engine already numbered the document and cross-references quote those
// exact numbers. Element order inside w:rPr, w:pPr, w:tblPr and w:sectPr follows the schema
// sequence, because Word rejects files whose properties are out of order.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "docx_parts.h"
#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"
#include "moudesk/zip/zip_package.h"
#include "running_title.h"

namespace moudesk::render {

// ---- pieces shared with the comparison writer (docx_parts.h) ------------------------------

namespace docx {

namespace {

// "Page N of M" in the section's language.
const char* of_word(Language language) {
    return language == Language::fr ? "sur" : "of";
}

// The code point at s[i] of valid UTF-8 (clean_text output); `len` gets its byte length.
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        len = 1;
        return b;
    }
    len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    char32_t cp = b & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

bool is_hebrew(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F);
}

bool is_right_to_left(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

// Spaces, digits and ASCII punctuation: they join a right-to-left run when it continues after them.
bool is_neutral(char32_t cp) {
    return cp == 0xA0 || (cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
}

struct DirectionRun {
    std::string_view text;
    bool right_to_left = false;
    bool hebrew = false;
};

// Splits text into left-to-right and right-to-left runs, so that w:rtl marks only the Arabic or
// Hebrew words: marking a whole mixed run would reverse its Latin words too.
std::vector<DirectionRun> direction_runs(std::string_view s) {
    std::vector<DirectionRun> runs;
    std::size_t start = 0, rtl_end = 0;
    bool in_rtl = false, hebrew = false;
    auto push = [&](std::size_t from, std::size_t to, bool rtl) {
        if (to > from) runs.push_back({s.substr(from, to - from), rtl, rtl && hebrew});
    };
    for (std::size_t i = 0, len = 1; i < s.size(); i += len) {
        char32_t cp = code_point_at(s, i, len);
        if (is_right_to_left(cp)) {
            if (!in_rtl) {
                push(start, i, false);
                start = i;
                in_rtl = true;
                hebrew = is_hebrew(cp);
            }
            rtl_end = i + len;
        } else if (in_rtl && !is_neutral(cp)) {
            push(start, rtl_end, true);
            start = rtl_end;
            in_rtl = false;
        }
    }
    if (in_rtl) {
        push(start, rtl_end, true);
        start = rtl_end;
    }
    push(start, s.size(), false);
    return runs;
}

// ---- runs ---------------------------------------------------------------------------------
// readers which do not compute fields show.
void append_field(std::string& out, std::string_view instruction, Language language) {
    std::string rpr = std::string("<w:rPr><w:lang w:val=\"") + word_language(language) + "\"/></w:rPr>";
    out.append("<w:r>").append(rpr).append("<w:fldChar w:fldCharType=\"begin\"/></w:r>");
    out.append("<w:r>")
        .append(rpr)
        .append("<w:instrText xml:space=\"preserve\"> ")
        .append(instruction)
        .append(" </w:instrText></w:r>");
    out.append("<w:r>").append(rpr).append("<w:fldChar w:fldCharType=\"separate\"/></w:r>");
    out.append("<w:r>").append(rpr).append("<w:t>1</w:t></w:r>");
    out.append("<w:r>").append(rpr).append("<w:fldChar w:fldCharType=\"end\"/></w:r>");
}

std::string header_part(const Section& section) {
    std::string out(xml_declaration);
    out.append("<w:hdr").append(w_namespaces).append(">");
    open_paragraph(out, "Header");
    append_runs(out, section.header, section.language);
    out += "</w:p></w:hdr>";
    return out;
}

std::string footer_part(const Section& section) {
    std::string out(xml_declaration);
    out.append("<w:ftr").append(w_namespaces).append(">");
    open_paragraph(out, "Footer");
    append_runs(out, "Page ", section.language);
    append_field(out, "PAGE", section.language);
    append_runs(out, std::string(" ") + of_word(section.language) + " ", section.language);
    append_field(out, "NUMPAGES", section.language);
    out += "</w:p></w:ftr>";
    return out;
}

// A paragraph style; `ppr` and `rpr` are the inner elements, already in schema order.
std::string paragraph_style(std::string_view id, std::string_view name, std::string_view ppr, std::string_view rpr,
                            std::string_view next = "Normal") {
    std::string out = "<w:style w:type=\"paragraph\" w:styleId=\"";
    out.append(id).append("\"><w:name w:val=\"").append(name).append("\"/><w:basedOn w:val=\"Normal\"/>");
    out.append("<w:next w:val=\"").append(next).append("\"/><w:qFormat/>");
    if (!ppr.empty()) out.append("<w:pPr>").append(ppr).append("</w:pPr>");
    if (!rpr.empty()) out.append("<w:rPr>").append(rpr).append("</w:rPr>");
    return out + "</w:style>";
}

std::string character_style(std::string_view id, std::string_view name, std::string_view rpr) {
    std::string out = "<w:style w:type=\"character\" w:styleId=\"";
    out.append(id).append("\"><w:name w:val=\"").append(name).append("\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>");
    if (!rpr.empty()) out.append("<w:rPr>").append(rpr).append("</w:rPr>");
    return out + "</w:style>";
}

std::string styles_part(Language language) {
    std::string out(xml_declaration);
    out.append("<w:styles").append(w_namespaces).append(">");
    out +=
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
        " w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
        "<w:lang w:val=\"";
    out += word_language(language);
    out +=
        "\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        "</w:docDefaults>";
    // Word's built-in names ("heading 1", "Title") make the navigation pane and outline work.
    out +=
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        "<w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>";
    out +=
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority "
        "w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";
    out +=
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    out += paragraph_style(
        "Title", "Title",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"480\"/><w:jc w:val=\"center\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>");
    out += paragraph_style(
        "Heading1", "heading 1",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"480\" w:after=\"240\"/><w:jc w:val=\"center\"/>"
        "<w:outlineLvl w:val=\"0\"/>",
        "<w:b/><w:bCs/><w:caps/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
    out += paragraph_style(
        "Heading2", "heading 2",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:jc w:val=\"center\"/>"
        "<w:outlineLvl w:val=\"1\"/>",
        "<w:b/><w:bCs/>");
    // Hanging indents: the literal label sits in the margin, the text after a tab at the indent.
    out += paragraph_style(
        "NumberedParagraph", "Numbered Paragraph",
        "<w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs><w:ind w:left=\"567\" w:hanging=\"567\"/>", "");
    out += paragraph_style(
        "ListItem", "List Item",
        "<w:tabs><w:tab w:val=\"left\" w:pos=\"1134\"/></w:tabs><w:ind w:left=\"1134\" w:hanging=\"567\"/>", "");
    // "Signed at … on …" stays on the page of the signatures it introduces.
    out += paragraph_style("SignatureIntro", "Signature Intro", "<w:keepNext/>", "");
    out += paragraph_style("SignatureHeading", "Signature Heading",
                           "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\"/><w:jc w:val=\"left\"/>",
                           "<w:b/><w:bCs/>", "Signature");
    out += paragraph_style("Signature", "Signature", "<w:keepNext/><w:spacing w:after=\"60\"/><w:jc w:val=\"left\"/>",
                           "", "Signature");
    // An empty paragraph ruled underneath, with room above for the signature itself.
    out += paragraph_style("SignatureLine", "Signature Line",
                           "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"
                           "<w:spacing w:before=\"840\" w:after=\"240\"/><w:ind w:right=\"284\"/>",
                           "");
    out += paragraph_style("Header", "header", "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
                           "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    out += paragraph_style("Footer", "footer", "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
                           "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    // Character styles carry the meaning; a user can restyle every defined term in one place.
    out += character_style("Field", "Field", "");
    out += character_style("MissingField", "Missing Field", "<w:highlight w:val=\"yellow\"/>");
    out += character_style("DefinedTerm", "Defined Term", "");
    // Cross-references stay in the text colour: this is a legal text to print, not a web page.
    out += character_style("CrossReference", "Cross Reference", "");
    out += "</w:styles>";
    return out;
}

std::string settings_part(Language language, bool track_revisions) {
    std::string out(xml_declaration);
    out.append("<w:settings").append(w_namespaces).append(">");
    out += "<w:zoom w:percent=\"100\"/>";
    // Schema order: w:trackRevisions comes between w:zoom and w:defaultTabStop.
    if (track_revisions) out += "<w:trackRevisions/>";
    out +=
        "<w:defaultTabStop w:val=\"567\"/>"
        "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
        "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
        "w:val=\"15\"/>"
        "</w:compat><w:themeFontLang w:val=\"";
    out += word_language(language);
    out += "\"/></w:settings>";
    return out;
}

std::string content_types_part(std::size_t sections) {
    std::string out(xml_declaration);
    out +=
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
    auto override_part = [&](std::string_view part, std::string_view type) {
        out.append("<Override PartName=\"").append(part).append("\" ContentType=\"").append(type).append("\"/>");
    };
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    override_part("/word/document.xml", wml + "document.main+xml");
    override_part("/word/styles.xml", wml + "styles+xml");
    override_part("/word/settings.xml", wml + "settings+xml");
    for (std::size_t n = 1; n <= sections; ++n) {
        override_part("/word/header" + std::to_string(n) + ".xml", wml + "header+xml");
        override_part("/word/footer" + std::to_string(n) + ".xml", wml + "footer+xml");
    }
    override_part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    override_part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return out + "</Types>";
}

constexpr std::string_view relationships_open =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
constexpr std::string_view office_relationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string package_relationships_part() {
    std::string out(xml_declaration);
    out += relationships_open;
    out.append("<Relationship Id=\"rId1\" Type=\"")
        .append(office_relationships)
        .append("officeDocument\" Target=\"word/document.xml\"/>");
    out +=
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
        "core-properties\" Target=\"docProps/core.xml\"/>";
    out.append("<Relationship Id=\"rId3\" Type=\"")
        .append(office_relationships)
        .append("extended-properties\" Target=\"docProps/app.xml\"/>");
    return out + "</Relationships>";
}

std::string document_relationships_part(std::size_t sections) {
    std::string out(xml_declaration);
    out += relationships_open;
    out.append("<Relationship Id=\"rIdStyles\" Type=\"")
        .append(office_relationships)
        .append("styles\" Target=\"styles.xml\"/>");
    out.append("<Relationship Id=\"rIdSettings\" Type=\"")
        .append(office_relationships)
        .append("settings\" Target=\"settings.xml\"/>");
    for (std::size_t n = 1; n <= sections; ++n) {
        std::string s = std::to_string(n);
        out.append("<Relationship Id=\"rIdHeader" + s + "\" Type=\"")
            .append(office_relationships)
            .append("header\" Target=\"header" + s + ".xml\"/>");
        out.append("<Relationship Id=\"rIdFooter" + s + "\" Type=\"")
            .append(office_relationships)
            .append("footer\" Target=\"footer" + s + ".xml\"/>");
    }
    return out + "</Relationships>";
}

std::string core_properties_part(std::string_view title, Language language) {
    std::string out(xml_declaration);
    out +=
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    out += "<dc:title>" + xml_escape(title) + "</dc:title>";
    out += std::string("<dc:language>") + word_language(language) + "</dc:language>";
    return out + "</cp:coreProperties>";
}

std::string app_properties_part() {
    std::string out(xml_declaration);
    out +=
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        "<Application>moudesk " MOUDESK_VERSION "</Application></Properties>";
    return out;
}

}  // namespace

const char* word_language(Language language) {
    return language == Language::fr ? "fr-FR" : "en-GB";
}

// Appends `text` as runs: one per direction, w:br for newlines, w:tab for tabs.
void append_runs(std::string& out, std::string_view text, Language language, const RunFormat& format) {
    std::string clean = clean_text(text);
    for (const DirectionRun& run : direction_runs(clean)) {
        out += "<w:r><w:rPr>";
        if (!format.style.empty()) out.append("<w:rStyle w:val=\"").append(format.style).append("\"/>");
        if (format.highlight) out += "<w:highlight w:val=\"yellow\"/>";
        if (run.right_to_left) out += "<w:rtl/>";
        out.append("<w:lang w:val=\"").append(word_language(language)).append("\"");
        if (run.right_to_left) out.append(" w:bidi=\"").append(run.hebrew ? "he-IL" : "ar-SA").append("\"");
        out += "/></w:rPr>";
        std::string_view t = run.text;
        for (std::size_t p = 0; p < t.size();) {
            std::size_t q = p;
            while (q < t.size() && t[q] != '\n' && t[q] != '\t') ++q;
            // Inside w:del the text is w:delText: Word drops a deleted w:t as corrupt.
            std::string_view element = format.deleted ? "w:delText" : "w:t";
            if (q > p) {
                out.append("<").append(element).append(" xml:space=\"preserve\">");
                append_xml_escaped(out, t.substr(p, q - p));  // already clean
                out.append("</").append(element).append(">");
            }
            if (q < t.size()) out += t[q] == '\n' ? "<w:br/>" : "<w:tab/>";
            p = q + 1;
        }
        out += "</w:r>";
    }
}

// A field (PAGE, NUMPAGES) as complex field characters, with "1" as the cached result that

// Formatting comes from styles only, so a user can restyle the whole agreement in one place.
void open_paragraph(std::string& out, std::string_view style) {
    out += "<w:p>";
    if (!style.empty()) out.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
}

std::string_view block_style(drafting::BlockKind kind, bool labelled) {
    using drafting::BlockKind;
    switch (kind) {
        case BlockKind::title: return "Title";
        case BlockKind::part: return "Heading1";
        case BlockKind::article: return "Heading2";
        case BlockKind::paragraph: return labelled ? "NumberedParagraph" : "";
        case BlockKind::item: return "ListItem";
        case BlockKind::signature_intro: return "SignatureIntro";
        case BlockKind::preamble:
        case BlockKind::signatures: return "";
    }
    return "";
}

std::string section_properties(const Section& section, bool new_page) {
    std::string n = std::to_string(section.number);
    std::string out = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader" + n +
                      "\"/>"
                      "<w:footerReference w:type=\"default\" r:id=\"rIdFooter" +
                      n + "\"/>";
    if (new_page) out += "<w:type w:val=\"nextPage\"/>";
    out += "<w:pgSz w:w=\"" + std::to_string(page_width) + "\" w:h=\"" + std::to_string(page_height) + "\"/>";
    std::string m = std::to_string(page_margin);
    out += "<w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" + m + "\" w:left=\"" + m +
           "\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/><w:cols w:space=\"708\"/>"
           "<w:docGrid w:linePitch=\"360\"/></w:sectPr>";
    return out;
}

// ---- the body -----------------------------------------------------------------------------

std::string package(std::string document_xml, const PackageInfo& info) {
    const std::vector<Section>& sections = info.sections;
    ZipPackage zip;
    zip.add("[Content_Types].xml", content_types_part(sections.size()));
    zip.add("_rels/.rels", package_relationships_part());
    zip.add("word/document.xml", std::move(document_xml));
    zip.add("word/_rels/document.xml.rels", document_relationships_part(sections.size()));
    zip.add("word/styles.xml", styles_part(info.language));
    zip.add("word/settings.xml", settings_part(info.language, info.track_revisions));
    for (const Section& section : sections) {
        zip.add("word/header" + std::to_string(section.number) + ".xml", header_part(section));
        zip.add("word/footer" + std::to_string(section.number) + ".xml", footer_part(section));
    }
    zip.add("docProps/core.xml", core_properties_part(info.title, info.language));
    zip.add("docProps/app.xml", app_properties_part());
    return zip.bytes();
}

}  // namespace docx

// ---- the agreement ------------------------------------------------------------------------

namespace {

using docx::append_runs;
using docx::open_paragraph;
using docx::Section;
using docx::section_properties;
using docx::text_width;
using docx::w_namespaces;
using docx::word_language;
using docx::xml_declaration;
using drafting::Block;
using drafting::BlockKind;
using drafting::Document;
using drafting::Layout;
using drafting::Row;
using drafting::SignatureCell;
using drafting::Span;

// Left and right padding of table cells; the side-by-side gutter is twice this.
constexpr int cell_padding = 142;
// Word cuts bookmark names past 40 characters, which would break the links to them.
constexpr std::size_t max_bookmark_length = 40;

// A borderless table's properties: fixed layout so long words cannot widen a column.
std::string table_properties(int width) {
    std::string out = "<w:tblPr><w:tblW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        out.append("<w:").append(side).append(" w:val=\"none\" w:sz=\"0\" w:space=\"0\" w:color=\"auto\"/>");
    out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>";
    out += "<w:left w:w=\"" + std::to_string(cell_padding) + "\" w:type=\"dxa\"/>";
    out += "<w:right w:w=\"" + std::to_string(cell_padding) + "\" w:type=\"dxa\"/>";
    out +=
        "</w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\""
        " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>";
    return out;
}

std::string cell_properties(int width, int span = 1) {
    std::string out = "<w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
    if (span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
    return out + "</w:tcPr>";
}

class BodyWriter {
public:
    explicit BodyWriter(const Document& document) : document_(document) {}

    std::string& out() { return out_; }

    // One block at the top level: a paragraph, or a table for signatures.
    void block(const Block& b, std::size_t column) {
        if (b.kind == BlockKind::signatures)
            signature_table(b, document_.languages[column]);
        else
            paragraph(b, column);
    }

    // The blocks of one side-by-side cell. Signatures are stacked paragraphs there, not a nested
    // table: a half-page column split per party leaves no room to sign, and pandoc's ODT reader
    // drops nested tables (the ODT writer does the same, so both formats agree). The cell ends
    // with a paragraph, as Word requires.
    void cell(const std::vector<const Block*>& blocks, std::size_t column) {
        bool any = false;
        for (const Block* b : blocks) {
            if (b->kind != BlockKind::signatures) {
                paragraph(*b, column);
                any = true;
                continue;
            }
            for (const SignatureCell& party : b->signatures) {
                signature_paragraphs(party, document_.languages[column]);
                any = true;
            }
        }
        if (!any) out_ += "<w:p/>";
    }

private:
    void paragraph(const Block& b, std::size_t column) {
        Language language = document_.languages[column];
        open_paragraph(out_, docx::block_style(b.kind, !b.label.empty()));
        std::string bookmark;
        int bookmark_id = 0;
        if (!b.anchor.empty()) {
            std::string name = bookmark_name(b.anchor, column);
            // A second block with the same anchor would give Word a duplicate bookmark.
            if (placed_.insert(name).second) {
                bookmark = name;
                bookmark_id = next_bookmark_id_++;
                out_ += "<w:bookmarkStart w:id=\"" + std::to_string(bookmark_id) + "\" w:name=\"" +
                        xml_escape(bookmark) + "\"/>";
            }
        }
        label(b, language);
        for (const Span& span : b.spans) this->span(span, column);
        if (!bookmark.empty()) out_ += "<w:bookmarkEnd w:id=\"" + std::to_string(bookmark_id) + "\"/>";
        out_ += "</w:p>";
    }

    void label(const Block& b, Language language) {
        if (b.label.empty()) return;
        append_runs(out_, b.label, language);
        switch (b.kind) {
            case BlockKind::title:
            case BlockKind::part:
            case BlockKind::article:
                // "Article 3" on one line, its title on the next.
                if (!b.plain_text().empty()) out_ += "<w:r><w:br/></w:r>";
                break;
            case BlockKind::paragraph:
            case BlockKind::item:
                // The styles' hanging indent puts the text after the tab at the indent.
                out_ += "<w:r><w:tab/></w:r>";
                break;
            default: append_runs(out_, " ", language);
        }
    }

    void span(const Span& s, std::size_t column) {
        Language language = document_.languages[column];
        switch (s.style) {
            case Span::Style::plain: append_runs(out_, s.text, language); break;
            case Span::Style::field: append_runs(out_, s.text, language, {"Field"}); break;
            case Span::Style::missing_field: append_runs(out_, s.text, language, {"MissingField", true}); break;
            case Span::Style::term: append_runs(out_, s.text, language, {"DefinedTerm"}); break;
            case Span::Style::reference:
                if (s.link.empty()) {
                    append_runs(out_, s.text, language, {"CrossReference"});
                } else {
                    out_ +=
                        "<w:hyperlink w:anchor=\"" + xml_escape(bookmark_name(s.link, column)) + "\" w:history=\"1\">";
                    append_runs(out_, s.text, language, {"CrossReference"});
                    out_ += "</w:hyperlink>";
                }
                break;
        }
    }

    // Word accepts bookmark names of letters, digits and underscores, starting with a letter, at
    // most 40 long, unique in the document; the same anchor in the second language gets its own
    // name so that its references stay in that language.
    std::string bookmark_name(const std::string& anchor, std::size_t column) {
        auto key = std::make_pair(column, anchor);
        if (auto found = bookmark_names_.find(key); found != bookmark_names_.end()) return found->second;
        std::string base;
        for (char c : anchor) {
            bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            base += alnum ? c : '_';
        }
        if (base.empty() || !((base[0] | 0x20) >= 'a' && (base[0] | 0x20) <= 'z')) base = "a_" + base;
        if (column > 0) base = base + "_" + to_code(document_.languages[column]);
        std::string name = base.substr(0, max_bookmark_length);
        for (int n = 2; used_names_.count(name); ++n) {
            std::string suffix = "_" + std::to_string(n);
            name = base.substr(0, max_bookmark_length - suffix.size()) + suffix;
        }
        used_names_.insert(name);
        bookmark_names_.emplace(key, name);
        return name;
    }

    // A party's signature place: the heading, "Label: value" lines, then a ruled line to sign on.
    void signature_paragraphs(const SignatureCell& party, Language language) {
        open_paragraph(out_, "SignatureHeading");
        append_runs(out_, party.heading, language);
        out_ += "</w:p>";
        for (const auto& line : party.lines) {
            open_paragraph(out_, "Signature");
            if (!line.label.empty()) append_runs(out_, line.label + ": ", language);
            append_runs(out_, line.value, language, {"Field"});
            out_ += "</w:p>";
        }
        out_ += "<w:p><w:pPr><w:pStyle w:val=\"SignatureLine\"/></w:pPr></w:p>";
    }

    // The signatures as a borderless table, one cell per party.
    void signature_table(const Block& b, Language language) {
        if (b.signatures.empty()) return;
        const int n = static_cast<int>(b.signatures.size());
        const int column_width = text_width / n;
        out_ += "<w:tbl>" + table_properties(text_width) + "<w:tblGrid>";
        for (int i = 0; i < n; ++i) out_ += "<w:gridCol w:w=\"" + std::to_string(column_width) + "\"/>";
        // A signature block split over two pages invites disputes about what was signed.
        out_ += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (const SignatureCell& party : b.signatures) {
            out_ += "<w:tc>" + cell_properties(column_width);
            signature_paragraphs(party, language);
            out_ += "</w:tc>";
        }
        out_ += "</w:tr></w:tbl>";
    }

    const Document& document_;
    std::string out_;
    std::map<std::pair<std::size_t, std::string>, std::string> bookmark_names_;
    std::set<std::string> used_names_;
    std::set<std::string> placed_;
    int next_bookmark_id_ = 0;
};

// ---- parts --------------------------------------------------------------------------------

std::string document_part(const Document& doc, Layout layout, const std::vector<Section>& sections) {
    BodyWriter body(doc);
    std::string& out = body.out();
    out += xml_declaration;
    out.append("<w:document").append(w_namespaces).append("><w:body>");

    // Top-level blocks of one language; tells whether the last one was a table.
    auto column_blocks = [&](std::size_t column) {
        bool last_was_table = false;
        for (const Row& row : doc.rows) {
            if (column >= row.cells.size()) continue;
            body.block(row.cells[column], column);
            const Block& b = row.cells[column];
            last_was_table = b.kind == BlockKind::signatures && !b.signatures.empty();
        }
        return last_was_table;
    };

    bool needs_closing_paragraph = false;
    if (layout == Layout::side_by_side) {
        const int half = text_width / 2;
        out += "<w:tbl>" + table_properties(text_width) + "<w:tblGrid>";
        out += "<w:gridCol w:w=\"" + std::to_string(half) + "\"/><w:gridCol w:w=\"" + std::to_string(half) + "\"/>";
        out += "</w:tblGrid>";
        for (const Row& row : doc.rows) {
            // A signature block split over two pages invites disputes about what was signed.
            out += row.kind == BlockKind::signatures ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "<w:tr>";
            if (row.kind == BlockKind::title) {
                // The titles span both columns, one under the other.
                out += "<w:tc>" + cell_properties(text_width, 2);
                std::vector<const Block*> blocks;
                for (std::size_t c = 0; c < 2 && c < row.cells.size(); ++c) blocks.push_back(&row.cells[c]);
                if (blocks.empty()) out += "<w:p/>";
                // Each title keeps its own language.
                for (std::size_t c = 0; c < blocks.size(); ++c) body.cell({blocks[c]}, c);
                out += "</w:tc>";
            } else {
                for (std::size_t c = 0; c < 2; ++c) {
                    out += "<w:tc>" + cell_properties(half);
                    std::vector<const Block*> blocks;
                    if (c < row.cells.size()) blocks.push_back(&row.cells[c]);
                    body.cell(blocks, c);
                    out += "</w:tc>";
                }
            }
            out += "</w:tr>";
        }
        out += "</w:tbl>";
        needs_closing_paragraph = true;
    } else if (layout == Layout::sequence) {
        column_blocks(0);
        // The first section ends here; the second starts on a new page with its own header.
        out += "<w:p><w:pPr>" + section_properties(sections[0], false) + "</w:pPr></w:p>";
        needs_closing_paragraph = column_blocks(1);
    } else {
        needs_closing_paragraph = column_blocks(0);
    }
    // Word expects the body to end with a paragraph, also when the last block is a table.
    if (needs_closing_paragraph || out.ends_with("<w:body>")) out += "<w:p/>";
    out += section_properties(sections.back(), layout == Layout::sequence);
    out += "</w:body></w:document>";
    return std::move(out);
}

}  // namespace

std::string render_docx(const Document& doc) {
    if (doc.languages.empty()) throw Error(ErrorCategory::internal, "DOCX: the document has no language");
    // A bilingual layout with one language degrades to the single layout rather than failing.
    const Layout layout = doc.languages.size() >= 2 ? doc.layout : Layout::single;
    const Language first = doc.languages[0];

    std::vector<Section> sections;
    if (layout == Layout::side_by_side) {
        sections.push_back({first, running_header(doc, std::nullopt), 1});
    } else {
        sections.push_back({first, running_header(doc, 0), 1});
        if (layout == Layout::sequence) sections.push_back({doc.languages[1], running_header(doc, 1), 2});
    }

    return docx::package(document_part(doc, layout, sections), {sections, first, title_of(doc, 0), false});
}

}  // namespace moudesk::render
