// The example drafts (MOU, MOA, addendum; en, fr, en+fr) rendered by moudesk-cli in every
// format and read back by real readers: LibreOffice (DOCX, ODT), pandoc (DOCX, HTML) and
// pdftotext (PDF). Checks: every article heading present and in order, every cross-reference
// naming the right article, party names with hostile characters intact.
#include <gtest/gtest.h>

#include <filesystem>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::drafting;
using moudesk::test::normalize_space;
using moudesk::test::run;

namespace {

// & < > " ' , a control character (dropped by moudesk), Arabic and an emoji.
const std::string hostile_en =
    "Customs & Excise <Border> \"Directorate\" 'Sud' \x01\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 of "
    "Valmont \xF0\x9F\x9B\x83";
const std::string hostile_fr =
    "Douanes & Accises <Frontière> \"Direction\" 'Sud' \x01\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 du "
    "Valmont \xF0\x9F\x9B\x83";

std::string without_control(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\x01'), s.end());
    return s;
}

const content::Library& library() {
    static const content::Library lib = [] {
        Problems problems;
        fs::path data = content::bundled_data_dir();
        content::Library l = content::load_library(data / "clauses", data / "templates", problems);
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return l;
    }();
    return lib;
}

struct Case {
    const char* instrument;
    const char* language;
};

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    std::string lang = info.param.language;
    std::replace(lang.begin(), lang.end(), '+', '_');
    return std::string(info.param.instrument) + "_" + lang;
}

// What the text must contain: for each language, the article headings in order, and the
// cross-references with the words before them.
struct Expected {
    std::vector<std::vector<std::pair<std::string, std::string>>> headings;  // per language: label, title
    std::vector<std::string> references;                                     // "… à l'article 4"
};

Expected expected_from(const Assembly& a) {
    Expected e;
    const Document& doc = a.document;
    e.headings.resize(doc.languages.size());
    for (const auto& row : doc.rows) {
        for (std::size_t col = 0; col < row.cells.size(); ++col) {
            const Block& b = row.cells[col];
            if (row.kind == BlockKind::article) e.headings[col].push_back({b.label, normalize_space(b.plain_text())});
            std::string before;
            for (const auto& span : b.spans) {
                if (span.style == Span::Style::reference) {
                    // The last few words before the reference, and the reference itself.
                    std::string tail = before.size() > 24 ? before.substr(before.size() - 24) : before;
                    auto cut = tail.find(' ');
                    if (before.size() > 24 && cut != std::string::npos) tail = tail.substr(cut + 1);
                    e.references.push_back(normalize_space(tail + span.text));
                }
                before += span.text;
            }
        }
    }
    return e;
}

// Finds each heading of one language in order: the label, then the title right after it.
void expect_headings_in_order(const std::string& text, const std::vector<std::pair<std::string, std::string>>& headings,
                              const std::string& reader) {
    std::size_t cursor = 0;
    for (const auto& [label, title] : headings) {
        bool found = false;
        for (std::size_t pos = text.find(label, cursor); pos != std::string::npos; pos = text.find(label, pos + 1)) {
            std::size_t after = pos + label.size();
            if (after < text.size() && std::isdigit(static_cast<unsigned char>(text[after])))
                continue;  // Article 1 vs 12
            std::size_t t = text.find(title, after);
            if (t != std::string::npos && t - after <= 8) {  // separated by a space, a dash or a tab
                cursor = t + title.size();
                found = true;
                break;
            }
        }
        EXPECT_TRUE(found) << reader << ": heading “" << label << " " << title << "” missing or out of order";
        if (!found) return;
    }
}

class Readback : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        for (const char* tool : {"soffice", "pandoc", "pdftotext"})
            ASSERT_TRUE(test::on_path(tool)) << tool << " is needed: run scripts/install-deps.sh";
        dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / ("readback-" + case_name({GetParam(), 0}));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }

    fs::path dir;
};

TEST_P(Readback, EveryReaderSeesTheArticlesReferencesAndPartyNames) {
    const Case& c = GetParam();
    fs::path draft_path = dir / "agreement.moudraft";
    auto made = run({MOUDESK_CLI, "draft", "new", "--instrument", c.instrument, "--language", c.language, "-o",
                     draft_path.string()});
    ASSERT_EQ(made.code, 0) << made.err;

    // The first party gets a hostile name, in both languages.
    Draft draft = read_draft(draft_path);
    draft.parties[0].name = {hostile_en, hostile_fr};
    save_draft(draft, draft_path);

    auto lint = run({MOUDESK_CLI, "draft", "lint", draft_path.string()});
    EXPECT_EQ(lint.code, 0) << lint.out << lint.err;

    Assembly assembly = assemble(library(), read_draft(draft_path));
    ASSERT_FALSE(assembly.has_errors());
    Expected expected = expected_from(assembly);
    ASSERT_FALSE(expected.headings.front().empty());

    for (const char* ext : {"docx", "odt", "pdf", "html", "txt"}) {
        // Different stems, so LibreOffice's .txt outputs do not overwrite each other.
        fs::path out = dir / (std::string("agreement-") + ext + "." + ext);
        auto r = run({MOUDESK_CLI, "draft", "render", draft_path.string(), "-o", out.string()});
        ASSERT_EQ(r.code, 0) << ext << ": " << r.err;
    }

    std::vector<std::pair<std::string, std::string>> readings;  // reader, text
    fs::path lo = dir / "libreoffice";
    auto converted = run({"soffice", "-env:UserInstallation=file://" + (dir / "lo-profile").string(), "--headless",
                          "--convert-to", "txt:Text (encoded):UTF8", "--outdir", lo.string(),
                          (dir / "agreement-docx.docx").string(), (dir / "agreement-odt.odt").string()},
                         240);
    ASSERT_EQ(converted.code, 0) << converted.err;
    readings.push_back({"LibreOffice (docx)", read_file(lo / "agreement-docx.txt")});
    readings.push_back({"LibreOffice (odt)", read_file(lo / "agreement-odt.txt")});
    auto pandoc_docx = run({"pandoc", "-t", "plain", "--wrap=none", (dir / "agreement-docx.docx").string()});
    ASSERT_EQ(pandoc_docx.code, 0) << pandoc_docx.err;
    readings.push_back({"pandoc (docx)", pandoc_docx.out});
    auto pandoc_html =
        run({"pandoc", "-f", "html", "-t", "plain", "--wrap=none", (dir / "agreement-html.html").string()});
    ASSERT_EQ(pandoc_html.code, 0) << pandoc_html.err;
    readings.push_back({"pandoc (html)", pandoc_html.out});
    auto pdf = run({"pdftotext", "-enc", "UTF-8", (dir / "agreement-pdf.pdf").string(), "-"});
    ASSERT_EQ(pdf.code, 0) << pdf.err;
    readings.push_back({"pdftotext (pdf)", pdf.out});
    readings.push_back({"text file", read_file(dir / "agreement-txt.txt")});

    const bool english = std::string(c.language).find("en") != std::string::npos;
    const bool french = std::string(c.language).find("fr") != std::string::npos;
    for (const auto& [reader, raw] : readings) {
        SCOPED_TRACE(reader);
        std::string text = normalize_space(raw);
        for (const auto& headings : expected.headings) expect_headings_in_order(text, headings, reader);
        // pdftotext and the text file wrap lines; everything else must keep the sentence whole.
        for (const auto& ref : expected.references)
            EXPECT_NE(text.find(ref), std::string::npos) << reader << ": cross-reference “" << ref << "” not found";
        if (reader == "pdftotext (pdf)") {
            // Glyph order of right-to-left text and emoji without a font are the PDF viewer's business.
            if (english) {
                EXPECT_NE(text.find("Customs & Excise <Border> \"Directorate\" 'Sud'"), std::string::npos);
            }
            if (french) {
                EXPECT_NE(text.find("Douanes & Accises <Frontière> \"Direction\" 'Sud'"), std::string::npos);
            }
            continue;
        }
        if (english) {
            EXPECT_NE(text.find(normalize_space(without_control(hostile_en))), std::string::npos) << reader;
        }
        if (french) {
            EXPECT_NE(text.find(normalize_space(without_control(hostile_fr))), std::string::npos) << reader;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Examples, Readback,
                         ::testing::Values(Case{"mou", "en"}, Case{"mou", "fr"}, Case{"mou", "en+fr"},
                                           Case{"moa", "en"}, Case{"moa", "fr"}, Case{"moa", "en+fr"},
                                           Case{"addendum", "en"}, Case{"addendum", "fr"}, Case{"addendum", "en+fr"}),
                         case_name);

}  // namespace
