#include "moudesk/drafting/assembler.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

namespace {

// The cells of every row of `kind`, in the column of `language`, as plain text.
std::vector<std::string> texts(const Document& doc, BlockKind kind, Language language = Language::en) {
    std::vector<std::string> out;
    int col = doc.column_of(language);
    for (const auto& row : doc.rows)
        if (row.kind == kind)
            out.push_back(row.cells[static_cast<std::size_t>(col)].label + "|" +
                          row.cells[static_cast<std::size_t>(col)].plain_text());
    return out;
}

std::string all_text(const Document& doc, Language language = Language::en) {
    std::string out;
    int col = doc.column_of(language);
    for (const auto& row : doc.rows) out += row.cells[static_cast<std::size_t>(col)].plain_text() + "\n";
    return out;
}

const Finding* find_kind(const Assembly& a, Finding::Kind kind, std::string_view field = {}) {
    for (const auto& f : a.findings)
        if (f.kind == kind && (field.empty() || f.field == field)) return &f;
    return nullptr;
}

}  // namespace

class AssemblerTest : public ::testing::Test {
protected:
    content::Library lib = test::test_library();
    Draft draft = test::test_draft();
};

TEST_F(AssemblerTest, ACompleteDraftAssemblesWithoutFindings) {
    Assembly a = assemble(lib, draft);
    for (const auto& f : a.findings) ADD_FAILURE() << to_string(f);
    EXPECT_FALSE(a.has_errors());
}

TEST_F(AssemblerTest, RequiredClausesAreAddedWithTheReason) {
    Assembly a = assemble(lib, draft);
    const ChosenClause* dp = a.find("data-protection.general");
    ASSERT_NE(dp, nullptr) << "information exchange requires data protection";
    EXPECT_EQ(dp->reason, "required by information-exchange.general");
    EXPECT_EQ(a.find("information-exchange.general")->reason, "chosen");
}

TEST_F(AssemblerTest, ArticlesFollowTheTemplatePartsAndAreNumberedInOrder) {
    Assembly a = assemble(lib, draft);
    std::vector<std::string> ids;
    for (const auto& c : a.clauses) ids.push_back(c.clause->id + "@" + std::to_string(c.article));
    EXPECT_EQ(ids, (std::vector<std::string>{"purpose-and-scope.general@1", "definitions.terms@2",
                                             "information-exchange.general@3", "data-protection.general@4",
                                             "legal-status.non-binding@5"}));
    EXPECT_EQ(texts(a.document, BlockKind::part),
              (std::vector<std::string>{"|General provisions", "|Areas of cooperation", "|Final provisions"}));
    auto articles = texts(a.document, BlockKind::article);
    ASSERT_EQ(articles.size(), 5u);
    EXPECT_EQ(articles[2], "Article 3|Exchange of information");
}

TEST_F(AssemblerTest, CrossReferencesPointToTheFinalArticleNumberInEveryLanguage) {
    draft.languages = {Language::en, Language::fr};
    draft.layout = Layout::side_by_side;
    Assembly a = assemble(lib, draft);
    std::string en = all_text(a.document, Language::en);
    std::string fr = all_text(a.document, Language::fr);
    EXPECT_NE(en.find("as set out in Article 4."), std::string::npos) << en;
    EXPECT_NE(fr.find("conformément à l'article 4."), std::string::npos) << fr;
    // The reference span links to the article's anchor.
    bool linked = false;
    for (const auto& row : a.document.rows)
        for (const auto& span : row.cells[0].spans)
            if (span.style == Span::Style::reference) linked = span.link == "article-4";
    EXPECT_TRUE(linked);
}

TEST_F(AssemblerTest, DefinitionsListOnlyTheTermsUsedInOrderOfFirstUse) {
    Assembly a = assemble(lib, draft);
    EXPECT_EQ(a.terms, (std::vector<std::string>{"information", "personal-data"}));
    auto items = texts(a.document, BlockKind::item);
    ASSERT_GE(items.size(), 2u);
    EXPECT_EQ(items[0], "(a)|“information” means any data held by an agency;");
    EXPECT_EQ(items[1], "(b)|“personal data” means information about an identified person.");
}

TEST_F(AssemblerTest, ParagraphsAreNumberedOnlyWhenAnArticleHasSeveral) {
    Assembly a = assemble(lib, draft);
    auto paragraphs = texts(a.document, BlockKind::paragraph);
    // Article 1 has one paragraph: no number. Article 3 has two: 1. and 2., with items between.
    EXPECT_EQ(paragraphs[0].substr(0, 1), "|");
    auto numbered =
        std::count_if(paragraphs.begin(), paragraphs.end(), [](const std::string& p) { return p[0] != '|'; });
    EXPECT_EQ(numbered, 2);
    auto items = texts(a.document, BlockKind::item);
    EXPECT_NE(std::find(items.begin(), items.end(), "(a)|spontaneously;"), items.end());
    EXPECT_NE(std::find(items.begin(), items.end(), "(b)|on request."), items.end());
}

TEST_F(AssemblerTest, MouAndMoaWordingComeFromTheSameText) {
    std::string mou = all_text(assemble(lib, draft).document);
    EXPECT_NE(mou.find("The Participants will exchange information"), std::string::npos) << mou;
    EXPECT_NE(mou.find("This Memorandum of Understanding is not legally binding."), std::string::npos);

    Draft moa = test::test_draft(Instrument::moa);
    std::string text = all_text(assemble(lib, moa).document);
    EXPECT_NE(text.find("The Parties shall exchange information"), std::string::npos) << text;
    EXPECT_NE(text.find("This Memorandum of Agreement binds the Parties."), std::string::npos);

    moa.languages = {Language::fr};
    std::string fr = all_text(assemble(lib, moa).document, Language::fr);
    EXPECT_NE(fr.find("Les Parties échangent des informations"), std::string::npos) << fr;
    EXPECT_NE(fr.find("Le présent mémorandum d'accord définit la coopération des Parties."), std::string::npos) << fr;
    EXPECT_NE(fr.find("Aux fins du présent mémorandum d'accord :"), std::string::npos) << fr;
}

TEST_F(AssemblerTest, AnAddendumToAnMoaUsesBindingWording) {
    Draft d = test::test_draft(Instrument::addendum);
    d.elements = {{"information-exchange", std::nullopt, {}}};
    d.base_instrument = Instrument::moa;
    std::string text = all_text(assemble(lib, d).document);
    EXPECT_NE(text.find("The Parties shall exchange"), std::string::npos) << text;
}

TEST_F(AssemblerTest, TheVariantFollowsThePartnershipLevel) {
    draft.level = PartnershipLevel::communication;
    EXPECT_EQ(all_text(assemble(lib, draft).document).find("within 10 days"), std::string::npos);
    draft.level = PartnershipLevel::integration;
    EXPECT_NE(all_text(assemble(lib, draft).document).find("within 10 days"), std::string::npos);
    // An element can have its own level.
    draft.elements[2].level = PartnershipLevel::communication;
    EXPECT_EQ(all_text(assemble(lib, draft).document).find("within 10 days"), std::string::npos);
}

TEST_F(AssemblerTest, ExcludedClausesAreRefusedWithTheReason) {
    draft.elements[3].clauses = {"legal-status.non-binding", "legal-status.binding"};
    Assembly a = assemble(lib, draft);
    ASSERT_TRUE(a.has_errors());
    bool excluded = std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& x) {
        return x.kind == Finding::Kind::conflict &&
               x.message.find("“legal-status.non-binding” (Legal status) excludes “legal-status.binding”") !=
                   std::string::npos;
    });
    EXPECT_TRUE(excluded);
    // The binding clause also does not fit an MOU.
    bool misfit = std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& x) {
        return x.message.find("does not fit a memorandum of understanding") != std::string::npos;
    });
    EXPECT_TRUE(misfit);
}

TEST_F(AssemblerTest, EveryMissingOrInvalidValueIsReportedAtOnceWithWhereItIsUsed) {
    draft.values = {{"response-days", std::nullopt, "ninety"}, {"signature-date", std::nullopt, "2027-02-30"}};
    Assembly a = assemble(lib, draft);
    const Finding* days = find_kind(a, Finding::Kind::invalid_field, "response-days");
    ASSERT_NE(days, nullptr);
    EXPECT_NE(days->message.find("not a whole number; used in Article 3"), std::string::npos) << days->message;
    const Finding* date = find_kind(a, Finding::Kind::invalid_field, "signature-date");
    ASSERT_NE(date, nullptr);
    EXPECT_NE(date->message.find("not a date"), std::string::npos);
    const Finding* place = find_kind(a, Finding::Kind::missing_field, "signature-place");
    ASSERT_NE(place, nullptr);
    EXPECT_NE(place->message.find("used in signatures"), std::string::npos) << place->message;
    // The document is still built, with the gaps marked.
    EXPECT_NE(all_text(a.document).find("[Response time (days)]"), std::string::npos);
}

TEST_F(AssemblerTest, OutOfRangeIntegersAreInvalid) {
    draft.set_value("response-days", std::nullopt, "365");
    Assembly a = assemble(lib, draft);
    const Finding* f = find_kind(a, Finding::Kind::invalid_field, "response-days");
    ASSERT_NE(f, nullptr);
    EXPECT_NE(f->message.find("above the maximum 90"), std::string::npos);
}

TEST_F(AssemblerTest, ALocalizedValueMissingInOneLanguageIsNamed) {
    draft.languages = {Language::en, Language::fr};
    draft.set_value("signature-place", Language::fr, "");
    Assembly a = assemble(lib, draft);
    const Finding* f = find_kind(a, Finding::Kind::missing_field, "signature-place");
    ASSERT_NE(f, nullptr);
    EXPECT_NE(f->message.find("in French"), std::string::npos) << f->message;
}

TEST_F(AssemblerTest, UnknownElementsAndTooFewPartiesAreErrors) {
    draft.elements.push_back({"telepathy", std::nullopt, {}});
    draft.parties.pop_back();
    Assembly a = assemble(lib, draft);
    EXPECT_NE(find_kind(a, Finding::Kind::unknown_element), nullptr);
    EXPECT_NE(find_kind(a, Finding::Kind::parties), nullptr);
}

TEST_F(AssemblerTest, SignaturesHaveOneCellPerPartyPerLanguage) {
    draft.languages = {Language::en, Language::fr};
    draft.parties[1].signatory.date = "2027-04-01";
    Assembly a = assemble(lib, draft);
    const Row& row = a.document.rows.back();
    ASSERT_EQ(row.kind, BlockKind::signatures);
    ASSERT_EQ(row.cells.size(), 2u);
    ASSERT_EQ(row.cells[1].signatures.size(), 2u);
    EXPECT_EQ(row.cells[1].signatures[0].heading, "Pour Douanes du Valmont");
    auto date_of = [](const SignatureCell& c) {
        for (const auto& l : c.lines)
            if (l.label == "Date" || l.label == "Date\u00A0") return l.value;
        return std::string();
    };
    EXPECT_EQ(date_of(row.cells[0].signatures[0]), "1 March 2027");
    EXPECT_EQ(date_of(row.cells[1].signatures[0]), "1er mars 2027");
    EXPECT_EQ(date_of(row.cells[1].signatures[1]), "1er avril 2027");
}

TEST_F(AssemblerTest, TheTitleNamesThePartiesAndFillsTheDocumentTitle) {
    Assembly a = assemble(lib, draft);
    EXPECT_EQ(a.document.title.en, "Memorandum between Customs of Valmont and Police of Valmont");
}

TEST(FormatDate, EnglishFrenchAndInvalidDates) {
    EXPECT_EQ(format_date("2028-02-29", Language::en), "29 February 2028");
    EXPECT_EQ(format_date("2027-08-01", Language::fr), "1er août 2027");
    EXPECT_FALSE(format_date("2027-02-29", Language::en));
    EXPECT_FALSE(format_date("1900-02-29", Language::en));
    EXPECT_TRUE(format_date("2000-02-29", Language::en));
    EXPECT_FALSE(format_date("2027-13-01", Language::en));
    EXPECT_FALSE(format_date("27-1-1", Language::en));
}
