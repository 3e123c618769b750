// Plain-text writer: wrapping by code points, hanging labels, bilingual layouts.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

using drafting::BlockKind;
using drafting::Layout;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::size_t line_of(const std::vector<std::string>& lines, const std::string& needle, std::size_t from = 0) {
    for (std::size_t i = from; i < lines.size(); ++i)
        if (lines[i].find(needle) != std::string::npos) return i;
    return std::string::npos;
}

TEST(TextWriter, SingleLanguageHasTitlePartsArticlesAndLabels) {
    std::string text = render_text(test::sample_document(Layout::single));
    auto lines = lines_of(text);

    std::size_t title = line_of(lines, "Memorandum of Understanding");
    ASSERT_NE(title, std::string::npos);
    std::size_t rule = title;
    while (rule < lines.size() && lines[rule].find("===") == std::string::npos) ++rule;
    ASSERT_LT(rule, lines.size()) << "title is underlined with '='";

    std::size_t part = line_of(lines, "General provisions");
    ASSERT_NE(part, std::string::npos);
    EXPECT_NE(lines[part + 1].find("------"), std::string::npos);

    std::size_t a1 = line_of(lines, "Article 1");
    std::size_t a2 = line_of(lines, "Article 2");
    ASSERT_NE(a1, std::string::npos);
    ASSERT_NE(a2, std::string::npos);
    EXPECT_LT(a1, a2);
    EXPECT_EQ(lines[a1 + 1], "Purpose");

    EXPECT_NE(text.find("1.  This Memorandum sets out"), std::string::npos);
    EXPECT_NE(text.find("    (a)  intelligence exchange;"), std::string::npos);
    EXPECT_NE(text.find("[Response time (days)]"), std::string::npos);
    EXPECT_EQ(text.find("[en]"), std::string::npos) << "no language tags in a one-language document";
    EXPECT_EQ(text.find("Les Participants"), std::string::npos);
    EXPECT_EQ(text.find('\x01'), std::string::npos) << "control characters are dropped";
    EXPECT_NE(text.find(test::hostile_party_en_clean.substr(0, 40)), std::string::npos);
    EXPECT_EQ(text.back(), '\n');
}

TEST(TextWriter, LinesNeverExceed78CodePointsAndUtf8StaysWhole) {
    drafting::Document doc = test::sample_document(Layout::single);
    // 10,000 characters without a space, two bytes each: wrapping must cut between code points.
    std::string long_name;
    for (int i = 0; i < 5000; ++i) long_name += "\xC3\xA9\xD8\xA8";  // "éب"
    doc.rows.push_back({BlockKind::paragraph, {test::make_block(BlockKind::paragraph, "2.", long_name + " and more")}});
    doc.rows[0].cells[0].spans[0].text = "Memorandum between " + long_name;

    std::string text = render_text(doc);
    EXPECT_EQ(clean_text(text), text) << "valid UTF-8 throughout";
    for (const auto& line : lines_of(text)) EXPECT_LE(count_code_points(line), 78u) << line;
    std::string joined;
    for (const auto& line : lines_of(text))
        for (char c : line)
            if (c != ' ') joined += c;
    EXPECT_NE(joined.find(long_name), std::string::npos) << "no character lost in wrapping";
}

TEST(TextWriter, WrappedParagraphKeepsHangingIndent) {
    drafting::Document doc = test::sample_document(Layout::single);
    std::string words;
    for (int i = 0; i < 40; ++i) words += "cooperation ";
    doc.rows.push_back({BlockKind::paragraph, {test::make_block(BlockKind::paragraph, "3.", words)}});
    auto lines = lines_of(render_text(doc));
    std::size_t first = line_of(lines, "3.  cooperation");
    ASSERT_NE(first, std::string::npos);
    ASSERT_LT(first + 1, lines.size());
    EXPECT_EQ(lines[first + 1].rfind("    cooperation", 0), 0u) << lines[first + 1];
    for (const auto& line : lines) EXPECT_LE(count_code_points(line), 78u);
}

TEST(TextWriter, SideBySideInterleavesTaggedCells) {
    std::string text = render_text(test::sample_document(Layout::side_by_side));
    std::size_t en_part = text.find("[en] General provisions");
    std::size_t fr_part = text.find("[fr] Dispositions générales");
    std::size_t en_article = text.find("[en] Article 1");
    ASSERT_NE(en_part, std::string::npos);
    ASSERT_NE(fr_part, std::string::npos);
    ASSERT_NE(en_article, std::string::npos);
    EXPECT_LT(en_part, fr_part);
    EXPECT_LT(fr_part, en_article) << "each row in both languages before the next row";
    EXPECT_NE(text.find("[fr] 1.  Le présent mémorandum"), std::string::npos);
    EXPECT_NE(text.find("[Délai de réponse (jours)]"), std::string::npos);
    for (const auto& line : lines_of(text)) EXPECT_LE(count_code_points(line), 78u) << line;
}

TEST(TextWriter, SequencePrintsWholeLanguagesInTurn) {
    std::string text = render_text(test::sample_document(Layout::sequence));
    EXPECT_EQ(text.find("[en]"), std::string::npos);
    std::size_t last_en = text.find("Signed at Vienna");
    std::size_t first_fr = text.find("Mémorandum d'entente");
    ASSERT_NE(last_en, std::string::npos);
    ASSERT_NE(first_fr, std::string::npos);
    EXPECT_LT(last_en, first_fr);
}

TEST(TextWriter, SignaturesAreOneBlockPerParty) {
    auto lines = lines_of(render_text(test::sample_document(Layout::single)));
    std::size_t police = line_of(lines, "For the National Police");
    std::size_t customs = line_of(lines, "For Customs & Excise");
    ASSERT_NE(police, std::string::npos);
    ASSERT_NE(customs, std::string::npos);
    EXPECT_LT(customs, police);
    std::size_t amal = line_of(lines, "Name: Amal Haddad");
    std::size_t jean = line_of(lines, "Name: Jean Dupont");
    ASSERT_NE(amal, std::string::npos);
    ASSERT_NE(jean, std::string::npos);
    EXPECT_LT(amal, police) << "each party's lines stay in its own block";
    EXPECT_GT(jean, police);
    EXPECT_NE(line_of(lines, "______"), std::string::npos);
}

TEST(TextWriter, EmptyDocumentIsEmpty) {
    drafting::Document doc;
    doc.languages = {Language::en};
    EXPECT_EQ(render_text(doc), "");
}

}  // namespace
}  // namespace moudesk::render
