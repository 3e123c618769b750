// Text extraction for the detector: plain text (with encoding repair), DOCX and ODT through
// moudesk::zip and the pugixml adapter, PDF through poppler-cpp in the moudesk-pdf-text module.
#include "moudesk/diagnostic/agreement_text.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "moudesk/content/xml.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/module.h"
#include "moudesk/core/text.h"
#include "moudesk/zip/zip_package.h"
#include "pdf_text_module.h"

namespace moudesk::diagnostic {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const fs::path& path, const std::string& message) {
    throw Error(ErrorCategory::bad_input, path.string() + ": " + message);
}

// Windows-1252 is what "Latin-1" text files written on Windows really are: it puts ’ “ ” – — œ
// in 0x80–0x9F, where ISO 8859-1 has unused control codes.
std::string from_windows_1252(std::string_view s) {
    static constexpr char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                          0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        append_utf8(out, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
    }
    return out;
}

std::string from_utf16(std::string_view s, bool little_endian) {
    std::string out;
    auto unit = [&](std::size_t i) -> char16_t {
        auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return static_cast<char16_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
    };
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < s.size()) {
            char32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// ---- zip (DOCX, ODT) -------------------------------------------------------------------------

// The entry `name` of the zip archive in `bytes`; `what` names the format in errors.
std::string zip_entry(const fs::path& path, const std::string& bytes, const char* entry, const char* what) {
    std::optional<std::string> data;
    try {
        data = read_zip_entry(bytes, entry);
    } catch (const Error& e) {
        bad(path, std::string("not a readable ") + what + " file (" + e.what() + ")");
    }
    if (!data) bad(path, std::string("not a ") + what + " file (it has no " + entry + ")");
    return std::move(*data);
}

std::unique_ptr<content::xml::Document> parse_xml(const fs::path& path, std::string bytes, const char* entry) {
    Problems problems;
    auto doc = content::xml::Document::parse(std::move(bytes), path.string() + ":" + entry, problems);
    if (!doc) throw Error(ErrorCategory::bad_input, problems.to_string());
    return doc;
}

// Paragraph text collected from a document tree; a paragraph inside another (a text box in a
// paragraph) becomes a paragraph of its own.
class Paragraphs {
public:
    std::string& current() { return stack_.back(); }
    void open() { stack_.emplace_back(); }
    void close() {
        std::string text = std::move(stack_.back());
        stack_.pop_back();
        out_.push_back(std::move(text));
    }
    bool inside() const { return !stack_.empty(); }
    std::string joined() const {
        std::string text;
        for (const auto& p : out_) {
            if (!text.empty()) text += "\n\n";
            text += p;
        }
        return text;
    }

private:
    std::vector<std::string> stack_;
    std::vector<std::string> out_;
};

void walk_docx(pugi::xml_node node, Paragraphs& paras) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "w:p") {
            paras.open();
            walk_docx(child, paras);
            paras.close();
        } else if (name == "w:t") {
            if (paras.inside()) paras.current() += child.text().get();
        } else if (name == "w:tab" || name == "w:ptab") {
            if (paras.inside()) paras.current() += '\t';
        } else if (name == "w:br" || name == "w:cr") {
            if (paras.inside()) paras.current() += '\n';
        } else if (name == "w:noBreakHyphen") {
            if (paras.inside()) paras.current() += '-';
        } else if (name == "w:del" || name == "w:delText" || name == "w:instrText" || name == "w:pPr" ||
                   name == "w:rPr" || name == "w:sectPr" || name == "mc:Fallback" || name == "w:softHyphen" ||
                   name == "w:moveFrom") {
            // Deleted text, field codes, properties, and the fallback copy of text boxes.
        } else {
            walk_docx(child, paras);
        }
    }
}

// ODF collapses runs of white space in paragraph text; text:s stands for the extra spaces.
void append_odf_chars(std::string& out, std::string_view chars) {
    for (char c : chars) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

void walk_odt(pugi::xml_node node, Paragraphs& paras) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (paras.inside()) append_odf_chars(paras.current(), child.value());
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "text:p" || name == "text:h") {
            paras.open();
            walk_odt(child, paras);
            paras.close();
        } else if (name == "text:s") {
            int n = child.attribute("text:c").as_int(1);
            if (paras.inside()) paras.current().append(static_cast<std::size_t>(std::clamp(n, 1, 1000)), ' ');
        } else if (name == "text:tab") {
            if (paras.inside()) paras.current() += '\t';
        } else if (name == "text:line-break") {
            if (paras.inside()) paras.current() += '\n';
        } else if (name == "text:tracked-changes" || name == "text:note" || name == "office:annotation" ||
                   name == "text:sequence-decls" || name == "text:variable-decls" || name == "office:forms") {
            // Deleted text of tracked changes, footnotes, comments, declarations.
        } else {
            walk_odt(child, paras);
        }
    }
}

std::string docx_text(const fs::path& path) {
    auto doc = parse_xml(path, zip_entry(path, read_file(path), "word/document.xml", "DOCX"), "word/document.xml");
    pugi::xml_node body = doc->root().child("w:body");
    if (!body) bad(path, "word/document.xml has no w:body");
    Paragraphs paras;
    walk_docx(body, paras);
    return paras.joined();
}

std::string odt_text(const fs::path& path) {
    auto doc = parse_xml(path, zip_entry(path, read_file(path), "content.xml", "ODT"), "content.xml");
    pugi::xml_node text = doc->root().child("office:body").child("office:text");
    if (!text) bad(path, "content.xml has no office:text (is it a text document?)");
    Paragraphs paras;
    walk_odt(text, paras);
    return paras.joined();
}

// ---- PDF ---------------------------------------------------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(collapse_spaces(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

// A line with its numbers blanked out, so "Page 3 of 30" and "Page 4 of 30" compare equal.
std::string furniture_key(const std::string& line) {
    std::string key;
    for (char c : line) key += (c >= '0' && c <= '9') ? '#' : c;
    return key;
}

bool only_page_number(const std::string& line) {
    std::string key = fold_case(furniture_key(line));
    for (const char* prefix : {"page ", "p. ", "seite "})
        if (key.starts_with(prefix)) key.erase(0, std::string_view(prefix).size());
    std::erase_if(key, [](char c) { return c == '#' || c == ' ' || c == '-' || c == '/' || c == '.'; });
    for (const char* word : {"of", "sur", "de"})
        if (key == word) key.clear();
    return key.empty() && !line.empty();
}

// Running headers and footers repeat at the top or bottom of most pages; page numbers stand
// alone there. Both would otherwise cut the sentences that run from one page to the next.
std::string join_pages(std::vector<std::vector<std::string>> pages) {
    std::map<std::string, int> edge_count;
    auto edges = [](const std::vector<std::string>& lines) {
        std::vector<std::size_t> at;
        std::vector<std::size_t> filled;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (!lines[i].empty()) filled.push_back(i);
        for (std::size_t k = 0; k < filled.size() && k < 2; ++k) at.push_back(filled[k]);
        for (std::size_t k = filled.size() >= 2 ? filled.size() - 2 : 0; k < filled.size(); ++k)
            at.push_back(filled[k]);
        std::sort(at.begin(), at.end());
        at.erase(std::unique(at.begin(), at.end()), at.end());
        return at;
    };
    for (const auto& lines : pages) {
        std::vector<std::string> seen;
        for (std::size_t i : edges(lines)) {
            std::string key = furniture_key(lines[i]);
            if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
                seen.push_back(key);
                ++edge_count[key];
            }
        }
    }
    const int repeated = std::max(3, static_cast<int>(pages.size()) / 2);
    std::string text;
    for (auto& lines : pages) {
        std::vector<bool> furniture(lines.size(), false);
        for (std::size_t i : edges(lines)) {
            const std::string& line = lines[i];
            furniture[i] = only_page_number(line) ||
                           (pages.size() >= 3 && edge_count[furniture_key(line)] >= repeated && line.size() < 120);
        }
        // Pages follow on without a blank line, since a sentence may run from one page to the
        // next; blank lines inside a page still separate paragraphs.
        std::size_t first = 0, last = lines.size();
        while (first < last && (lines[first].empty() || furniture[first])) ++first;
        while (last > first && (lines[last - 1].empty() || furniture[last - 1])) --last;
        for (std::size_t i = first; i < last; ++i) {
            if (furniture[i]) continue;
            text += lines[i];
            text += '\n';
        }
    }
    return text;
}

const PdfTextModule& pdf_module() {
    // A failed load throws out of the initialiser, so the next call tries again.
    static const PdfTextModule& table = module_table<PdfTextModule>("moudesk-pdf-text", "moudesk_pdf_text_module");
    return table;
}

std::string pdf_text(const fs::path& path) {
    std::string bytes = read_file(path);
    if (!bytes.starts_with("%PDF-") && bytes.find("%PDF-") > 1024) bad(path, "not a PDF file");
    std::vector<std::vector<std::string>> pages;
    bool any_text = false;
    for (const std::string& text : pdf_module().page_texts(bytes, path)) {
        if (text.find_first_not_of(" \n\t") != std::string::npos) any_text = true;
        pages.push_back(lines_of(text));
    }
    if (!any_text) bad(path, "the PDF has no text to read (a scanned image?); run it through OCR first");
    return join_pages(std::move(pages));
}

}  // namespace

AgreementFormat agreement_format(const fs::path& path) {
    std::string ext = fold_case(path.extension().string());
    if (ext == ".txt" || ext == ".text") return AgreementFormat::text;
    if (ext == ".docx") return AgreementFormat::docx;
    if (ext == ".odt") return AgreementFormat::odt;
    if (ext == ".pdf") return AgreementFormat::pdf;
    bad(path, "unsupported kind of file '" + path.extension().string() +
                  "'; moudesk reads agreements in .txt, .docx, .odt and .pdf (save a .doc or .rtf as .docx)");
}

std::string decode_plain_text(std::string_view bytes, const std::string& name) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string text;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        text = from_utf16(bytes.substr(2), bytes[0] == '\xFF');
    } else if (bytes.find('\0') != std::string_view::npos) {
        throw Error(ErrorCategory::bad_input, name + ": not a text file (it contains binary data)");
    } else if (is_valid_utf8(bytes)) {
        text = std::string(bytes);
    } else {
        text = from_windows_1252(bytes);
    }
    return clean_text(text);
}

std::string extract_text(const fs::path& path) {
    AgreementFormat format = agreement_format(path);
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw Error(ErrorCategory::environment, "cannot read " + path.string() + ": it is a folder");
    switch (format) {
        case AgreementFormat::text: return decode_plain_text(read_file(path), path.string());
        case AgreementFormat::docx: return clean_text(docx_text(path));
        case AgreementFormat::odt: return clean_text(odt_text(path));
        case AgreementFormat::pdf: return pdf_text(path);
    }
    throw Error(ErrorCategory::internal, "unknown agreement format");
}

}  // namespace moudesk::diagnostic
