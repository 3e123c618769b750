// Our documents as real readers see them: pdftotext for PDF, pandoc for HTML. Each test skips
// when its reader is not installed. Outputs stay under the build folder for a person to open.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

namespace fs = std::filesystem;
using drafting::Layout;

fs::path output_path(const std::string& name) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "reader";
    fs::create_directories(dir);
    return dir / name;
}

bool on_path(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string quoted(const fs::path& path) {
    std::string out = "'";
    for (char c : path.string()) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// Standard output of a shell command; fails the test when it exits non-zero.
std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "cannot run " << command;
        return out;
    }
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    int status = ::pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    return out;
}

std::string pdftotext(const fs::path& pdf, bool layout = true) {
    return run(std::string("pdftotext ") + (layout ? "-layout " : "") + quoted(pdf) + " -");
}

// Runs of white space (line ends included) as one space: wrapping must not decide a match.
std::string flat(const std::string& text) {
    return collapse_spaces(text);
}

bool has_arabic_letter(const std::string& text) {
    // U+0600-U+06FF, or the presentation forms a PDF may map glyphs back to (U+FB50-U+FEFF).
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
        if (b0 >= 0xD8 && b0 <= 0xDB) return true;
        if (b0 == 0xEF && b1 >= 0xAD && b1 <= 0xBB) return true;
    }
    return false;
}

std::size_t position(const std::string& text, const std::string& needle, std::size_t from = 0) {
    return text.find(needle, from);
}

class PdfReader : public ::testing::Test {
protected:
    void SetUp() override {
        if (!on_path("pdftotext")) GTEST_SKIP() << "pdftotext not on PATH";
    }
};

TEST_F(PdfReader, SingleLanguageReadsBackInOrder) {
    fs::path pdf = output_path("sample-single.pdf");
    write_document(test::sample_document(Layout::single), Format::pdf, pdf);
    std::string text = pdftotext(pdf);

    std::size_t a1 = position(text, "Article 1");
    std::size_t purpose = position(text, "Purpose");
    std::size_t a2 = position(text, "Article 2");
    ASSERT_NE(a1, std::string::npos) << text;
    ASSERT_NE(a2, std::string::npos) << text;
    EXPECT_LT(a1, purpose);
    EXPECT_LT(purpose, a2);
    EXPECT_NE(text.find("1.   This Memorandum sets out how the Participants cooperate."), std::string::npos) << text;
    EXPECT_NE(text.find("[Response time (days)]"), std::string::npos);
    EXPECT_NE(text.find("Page 1 of 1"), std::string::npos);

    // The hostile party name: Latin part intact, Arabic letters there, control character gone.
    const std::string latin = "Customs & Excise <Border> \"Directorate\" 'Sud'";
    EXPECT_NE(flat(text).find(latin), std::string::npos) << text;
    EXPECT_TRUE(has_arabic_letter(text));
    EXPECT_EQ(text.find('\x01'), std::string::npos);
    EXPECT_NE(text.find("Name: Amal Haddad"), std::string::npos);
    EXPECT_NE(text.find("Name: Jean Dupont"), std::string::npos);

    if (on_path("pdfinfo")) {
        std::string info = run("pdfinfo " + quoted(pdf));
        EXPECT_NE(info.find("Title:           Memorandum of Understanding between " + latin), std::string::npos)
            << info;
        EXPECT_NE(info.find("Page size:       595.28 x 841.89 pts (A4)"), std::string::npos) << info;
    }
}

TEST_F(PdfReader, SideBySideKeepsRowsLevel) {
    fs::path pdf = output_path("sample-side-by-side.pdf");
    write_document(test::sample_document(Layout::side_by_side), Format::pdf, pdf);
    std::string text = pdftotext(pdf);
    // Each article heading sits on one line with its translation.
    EXPECT_TRUE(std::regex_search(text, std::regex("Article 1 +Article 1"))) << text;
    EXPECT_TRUE(std::regex_search(text, std::regex("Purpose +Objet"))) << text;
    EXPECT_TRUE(std::regex_search(text, std::regex("General provisions +Dispositions générales"))) << text;
    EXPECT_LT(position(text, "Article 1"), position(text, "Article 2"));
    EXPECT_NE(text.find("Page 1 of 1"), std::string::npos);
    EXPECT_TRUE(has_arabic_letter(text));
}

TEST_F(PdfReader, SequenceGivesTheSecondLanguageItsOwnPages) {
    fs::path pdf = output_path("sample-sequence.pdf");
    write_document(test::sample_document(Layout::sequence), Format::pdf, pdf);
    std::string first = run("pdftotext -layout -f 1 -l 1 " + quoted(pdf) + " -");
    std::string second = run("pdftotext -layout -f 2 -l 2 " + quoted(pdf) + " -");
    EXPECT_NE(first.find("General provisions"), std::string::npos);
    EXPECT_EQ(first.find("Dispositions générales"), std::string::npos);
    EXPECT_NE(second.find("Dispositions générales"), std::string::npos);
    EXPECT_NE(first.find("Page 1 of 2"), std::string::npos);
    EXPECT_NE(second.find("Page 2 of 2"), std::string::npos);
}

TEST_F(PdfReader, ManyArticlesComeOutInOrderAcrossPages) {
    drafting::Document doc = test::sample_document(Layout::single);
    std::string text_of_paragraph;
    for (int i = 0; i < 8; ++i) text_of_paragraph += "Each Participant designates a contact point for requests. ";
    auto signature_rows = std::vector<drafting::Row>(doc.rows.end() - 2, doc.rows.end());
    doc.rows.erase(doc.rows.end() - 2, doc.rows.end());
    for (int n = 3; n <= 30; ++n) {
        std::string label = "Article " + std::to_string(n);
        doc.rows.push_back({drafting::BlockKind::article,
                            {test::make_block(drafting::BlockKind::article, label, "Heading " + std::to_string(n),
                                              "article-" + std::to_string(n))}});
        doc.rows.push_back({drafting::BlockKind::paragraph,
                            {test::make_block(drafting::BlockKind::paragraph, "", text_of_paragraph)}});
    }
    doc.rows.insert(doc.rows.end(), signature_rows.begin(), signature_rows.end());
    fs::path pdf = output_path("many-articles.pdf");
    write_document(doc, Format::pdf, pdf);
    std::string text = pdftotext(pdf);

    std::size_t at = 0;
    for (int n = 1; n <= 30; ++n) {
        // "Article 3" must not be found inside "Article 30": match the whole label on its line.
        std::smatch match;
        std::string rest = text.substr(at);
        ASSERT_TRUE(std::regex_search(rest, match, std::regex("Article " + std::to_string(n) + "\\b")))
            << "Article " << n << " missing or out of order";
        at += static_cast<std::size_t>(match.position(0)) + match.length(0);
    }
    EXPECT_NE(text.find("Page 1 of"), std::string::npos);
    EXPECT_NE(text.find("Page 2 of"), std::string::npos);
    // A heading is never the last thing on a page: the line after "Article N" is its title.
    EXPECT_FALSE(std::regex_search(text, std::regex("Article \\d+\\s*\\n\\s*Page \\d+ of")));
}

TEST_F(PdfReader, TenThousandCharacterNameWrapsOverManyLines) {
    drafting::Document doc = test::sample_document(Layout::single);
    std::string name;
    for (int i = 0; i < 1000; ++i) name += "Abcdefghij";
    doc.rows.back().cells[0].signatures[0].heading = "For " + name;
    fs::path pdf = output_path("long-name.pdf");
    write_document(doc, Format::pdf, pdf);

    EXPECT_EQ(run("pdfinfo " + quoted(pdf) + " >/dev/null 2>&1; echo $?"), "0\n") << "pdfinfo accepts the file";
    // Without -layout: the tiny running header would otherwise set the character grid.
    std::string text = pdftotext(pdf, false);
    std::size_t lines = 0;
    std::string joined;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        std::string line = text.substr(start, end - start);
        if (line.find("Abcdefghij") == std::string::npos || line.find("Memorandum") != std::string::npos) continue;
        ++lines;
        joined += line;
    }
    EXPECT_GT(lines, 20u);
    EXPECT_NE(joined.find(name), std::string::npos) << "every character of the name is there, no hyphen added";
}

class HtmlReader : public ::testing::Test {
protected:
    void SetUp() override {
        if (!on_path("pandoc")) GTEST_SKIP() << "pandoc not on PATH";
    }
};

TEST_F(HtmlReader, PandocReadsTheSingleLanguagePage) {
    fs::path html = output_path("sample-single.html");
    write_document(test::sample_document(Layout::single), Format::html, html);
    std::string text = run("pandoc -f html -t plain --wrap=none " + quoted(html));
    std::size_t a1 = text.find("Article 1");
    std::size_t a2 = text.find("Article 2");
    ASSERT_NE(a1, std::string::npos) << text;
    ASSERT_NE(a2, std::string::npos) << text;
    EXPECT_LT(a1, a2);
    EXPECT_NE(text.find("Customs & Excise <Border> \"Directorate\" 'Sud'"), std::string::npos) << text;
    EXPECT_NE(text.find("\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83"), std::string::npos);
    EXPECT_NE(text.find("[Response time (days)]"), std::string::npos);
    EXPECT_NE(text.find("This Memorandum sets out how the Participants cooperate."), std::string::npos);
    EXPECT_EQ(text.find('\x01'), std::string::npos);
}

TEST_F(HtmlReader, PandocSeesLinksToArticleAnchors) {
    fs::path html = output_path("sample-sequence.html");
    write_document(test::sample_document(Layout::sequence), Format::html, html);
    std::string native = run("pandoc -f html -t native " + quoted(html));
    EXPECT_NE(native.find("\"#article-1\""), std::string::npos) << native;
    EXPECT_NE(native.find("\"#fr-article-1\""), std::string::npos);
    EXPECT_NE(native.find("\"article-1\""), std::string::npos) << "the target id exists";
    EXPECT_NE(native.find("\"fr-article-1\""), std::string::npos);
}

TEST_F(HtmlReader, PandocReadsSideBySideAsATable) {
    fs::path html = output_path("sample-side-by-side.html");
    write_document(test::sample_document(Layout::side_by_side), Format::html, html);
    std::string text = run("pandoc -f html -t plain --wrap=none " + quoted(html));
    EXPECT_NE(text.find("General provisions"), std::string::npos) << text;
    EXPECT_NE(text.find("Dispositions générales"), std::string::npos) << text;
    EXPECT_NE(text.find("Article 2"), std::string::npos);
}

}  // namespace
}  // namespace moudesk::render
