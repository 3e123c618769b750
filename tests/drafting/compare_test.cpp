// Comparing versions: drafts assembled from the in-memory test library that differ by an element,
// a field value, a level or a party name, and documents built by hand for the corner cases.

#include "moudesk/drafting/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/drafting/assembler.h"
#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

namespace {

using K = WordOp::Kind;

WordOp same(std::string text) {
    return {K::same, std::move(text)};
}
WordOp ins(std::string text) {
    return {K::inserted, std::move(text)};
}
WordOp del(std::string text) {
    return {K::deleted, std::move(text)};
}

std::string show(const std::vector<WordOp>& ops) {
    std::string out;
    for (const WordOp& op : ops)
        out += std::string(op.kind == K::same ? "=" : op.kind == K::inserted ? "+" : "-") + "«" + op.text + "» ";
    return out;
}

std::string text_of(const std::vector<WordOp>& ops, bool after) {
    std::string out;
    for (const WordOp& op : ops)
        if (op.kind == K::same || (op.kind == K::inserted) == after) out += op.text;
    return out;
}

const ClauseChange* find_clause(const Comparison& c, std::string_view id) {
    for (const ClauseChange& u : c.changes)
        if (u.clause_id == id) return &u;
    return nullptr;
}

const ClauseChange* find_template(const Comparison& c, BlockKind kind, std::size_t nth = 0) {
    for (const ClauseChange& u : c.changes)
        if (u.is_template_text() && u.unit == kind && nth-- == 0) return &u;
    return nullptr;
}

// "kind:clause id or unit kind" for every unit, in order.
std::vector<std::string> outline(const Comparison& c) {
    std::vector<std::string> out;
    for (const ClauseChange& u : c.changes) {
        std::string what = u.clause_id;
        if (u.is_template_text()) {
            switch (u.unit) {
                case BlockKind::title: what = "title"; break;
                case BlockKind::preamble: what = "preamble"; break;
                case BlockKind::part: what = "part " + u.title.en; break;
                case BlockKind::signature_intro: what = "signature-intro"; break;
                case BlockKind::signatures: what = "signatures"; break;
                default: what = "?";
            }
        }
        out.push_back(std::string(to_code(u.kind)) + ":" + what);
    }
    return out;
}

class CompareTest : public ::testing::Test {
protected:
    Document assembled(const Draft& d) {
        Assembly a = assemble(lib, d);
        for (const auto& f : a.findings)
            if (f.severity == Severity::error) ADD_FAILURE() << to_string(f);
        return a.document;
    }

    content::Library lib = test::test_library();
    Draft draft = test::test_draft();
};

}  // namespace

// ---- word diff ------------------------------------------------------------------------------

TEST(DiffWords, ReplacedWordsAreDeletedThenInsertedBetweenUnchangedText) {
    auto ops = diff_words("The Participants will exchange information on request.",
                          "The Participants will exchange information within 10 days.");
    EXPECT_EQ(ops, (std::vector<WordOp>{same("The Participants will exchange information "), del("on request"),
                                        ins("within 10 days"), same(".")}))
        << show(ops);
}

TEST(DiffWords, PunctuationIsATokenOfItsOwn) {
    auto ops = diff_words("data, on request", "data; on request");
    EXPECT_EQ(ops, (std::vector<WordOp>{same("data"), del(", "), ins("; "), same("on request")})) << show(ops);
    // A changed word keeps the punctuation after it unchanged.
    ops = diff_words("within 10 days.", "within 15 days.");
    EXPECT_EQ(ops, (std::vector<WordOp>{same("within "), del("10 "), ins("15 "), same("days.")})) << show(ops);
}

TEST(DiffWords, WhiteSpaceAloneIsNoChange) {
    auto ops = diff_words("shall  exchange\ninformation ", " shall exchange information");
    EXPECT_EQ(ops, (std::vector<WordOp>{same(" shall exchange information")})) << show(ops);
    EXPECT_TRUE(diff_words("", "").empty());
    EXPECT_EQ(diff_words("", "new words"), (std::vector<WordOp>{ins("new words")}));
    EXPECT_EQ(diff_words("old words", ""), (std::vector<WordOp>{del("old words")}));
}

TEST(DiffWords, HostileTextArabicAndEmojiAreTokenizedWithoutBreakingCharacters) {
    // Arabic comma (U+060C) and semicolon (U+061B) are punctuation; the emoji is a word.
    auto ops = diff_words("الجمارك، 🛃 <a&b>", "الجمارك؛ 🛃 <a&c>");
    EXPECT_EQ(
        ops, (std::vector<WordOp>{same("الجمارك"), del("، "), ins("؛ "), same("🛃 <a&"), del("b"), ins("c"), same(">")}))
        << show(ops);
    // Invalid UTF-8 is kept byte for byte, one character per bad byte.
    ops = diff_words("a \xFF\xFE b", "a \xFF b");
    EXPECT_EQ(text_of(ops, false), "a \xFF\xFE b");
    EXPECT_EQ(text_of(ops, true), "a \xFF b");
}

// The number of unchanged tokens must be the length of a longest common subsequence.
TEST(DiffWords, TheDiffIsMinimalOnRandomTexts) {
    std::mt19937 random(20261130);
    const char* vocabulary[] = {"a", "b", "c", "d", ",", "."};
    for (int round = 0; round < 300; ++round) {
        auto make = [&] {
            std::vector<std::string> words(random() % 30);
            for (auto& w : words) w = vocabulary[random() % 6];
            return words;
        };
        std::vector<std::string> a = make(), b = make();
        auto join = [](const std::vector<std::string>& words) {
            std::string out;
            for (const auto& w : words) out += w + " ";
            return out;
        };
        std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
        for (std::size_t i = a.size(); i-- > 0;)
            for (std::size_t j = b.size(); j-- > 0;)
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        auto ops = diff_words(join(a), join(b));
        ASSERT_EQ(text_of(ops, false), join(a));
        ASSERT_EQ(text_of(ops, true), join(b));
        std::size_t unchanged = 0;
        for (const WordOp& op : ops)
            if (op.kind == K::same)
                for (char ch : op.text) unchanged += ch == ' ';
        ASSERT_EQ(unchanged, static_cast<std::size_t>(lcs[0][0])) << join(a) << "→ " << join(b);
        for (std::size_t k = 1; k < ops.size(); ++k) ASSERT_NE(ops[k].kind, ops[k - 1].kind) << "ops are merged";
    }
}

TEST(DiffWords, ALongClauseWithScatteredChangesAndARewrittenOne) {
    std::string before, edited, rewritten;
    for (int i = 0; i < 2000; ++i) {
        std::string w = "word" + std::to_string(i % 97);
        before += w + (i % 13 == 0 ? ", " : " ");
        edited += (i % 100 == 50 ? "changed" + std::to_string(i) : w) + (i % 13 == 0 ? ", " : " ");
        rewritten += "other" + std::to_string(i % 89) + " ";
    }
    auto ops = diff_words(before, edited);
    EXPECT_EQ(text_of(ops, false), before);
    EXPECT_EQ(text_of(ops, true), edited);
    EXPECT_EQ(std::count_if(ops.begin(), ops.end(), [](const WordOp& op) { return op.kind == K::inserted; }), 20);
    // Nothing in common: the worst case for Myers (D = N + M), still linear in memory.
    ops = diff_words(before, rewritten);
    EXPECT_EQ(ops, (std::vector<WordOp>{del(before), ins(rewritten)}));
}

// ---- versions of an assembled draft ---------------------------------------------------------

TEST_F(CompareTest, TheSameDraftTwiceIsIdentical) {
    Comparison c = compare(assembled(draft), assembled(draft));
    EXPECT_TRUE(c.identical());
    EXPECT_EQ(c.unchanged(), 5);
    EXPECT_EQ(c.added() + c.removed() + c.changed() + c.renumbered() + c.template_changes(), 0);
    EXPECT_EQ(c.languages, std::vector<Language>{Language::en});
    EXPECT_EQ(summarize(c, Language::en), "The two versions are identical (5 clauses, compared in en).\n");
}

TEST_F(CompareTest, AnAddedElementAddsItsClausesAndRenumbersTheOnesAfter) {
    Draft before = draft;
    before.elements.erase(before.elements.begin() + 2);  // information-exchange (and the data protection it requires)
    Comparison c = compare(assembled(before), assembled(draft));
    EXPECT_EQ(
        outline(c),
        (std::vector<std::string>{
            "unchanged:title", "unchanged:preamble", "unchanged:part General provisions",
            "unchanged:purpose-and-scope.general", "changed:definitions.terms", "added:part Areas of cooperation",
            "added:information-exchange.general", "added:data-protection.general", "unchanged:part Final provisions",
            "renumbered:legal-status.non-binding", "unchanged:signature-intro", "unchanged:signatures"}));
    EXPECT_EQ(c.added(), 2);
    EXPECT_EQ(c.renumbered(), 1);
    EXPECT_EQ(c.template_changes(), 1);  // the part heading
    EXPECT_FALSE(c.identical());

    const ClauseChange* added = find_clause(c, "information-exchange.general");
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->label_after.en, "Article 3");
    EXPECT_EQ(added->title.en, "Exchange of information");
    for (const BlockChange& b : added->blocks) {
        EXPECT_EQ(b.change, BlockChange::Kind::inserted);
        ASSERT_EQ(b.per_language.size(), 1u);
        ASSERT_EQ(b.per_language[0].ops.size(), 1u);
        EXPECT_EQ(b.per_language[0].ops[0].kind, K::inserted);
    }
    const ClauseChange* moved = find_clause(c, "legal-status.non-binding");
    EXPECT_EQ(moved->label_before.en, "Article 3");
    EXPECT_EQ(moved->label_after.en, "Article 5");
    EXPECT_FALSE(moved->references_renumbered);
    for (const BlockChange& b : moved->blocks) EXPECT_EQ(b.change, BlockChange::Kind::same);

    // The definitions gain the terms the new clauses use: a changed last item, two inserted ones.
    const ClauseChange* definitions = find_clause(c, "definitions.terms");
    ASSERT_NE(definitions, nullptr);
    std::string report = summarize(c, Language::en);
    EXPECT_NE(report.find("Clauses: 2 added, 0 removed, 1 changed, 1 renumbered, 1 unchanged.\n"), std::string::npos)
        << report;
    EXPECT_NE(report.find("\nAdded: Article 3 Exchange of information [information-exchange.general]\n"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("\nRenumbered: Article 3 → Article 5 Legal status [legal-status.non-binding]\n"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("\nAdded: part heading “Areas of cooperation”\n"), std::string::npos) << report;
}

TEST_F(CompareTest, ARemovedElementStaysWhereItWasAndReferencesFollowTheNewNumbers) {
    Draft after = draft;
    after.elements.erase(after.elements.begin());  // purpose-and-scope
    Comparison c = compare(assembled(draft), assembled(after));
    EXPECT_EQ(outline(c),
              (std::vector<std::string>{"unchanged:title", "unchanged:preamble", "unchanged:part General provisions",
                                        "removed:purpose-and-scope.general", "renumbered:definitions.terms",
                                        "unchanged:part Areas of cooperation",
                                        "renumbered:information-exchange.general", "renumbered:data-protection.general",
                                        "unchanged:part Final provisions", "renumbered:legal-status.non-binding",
                                        "unchanged:signature-intro", "unchanged:signatures"}));
    EXPECT_EQ(c.removed(), 1);
    EXPECT_EQ(c.changed(), 0) << "renumbering is not a change of text";

    const ClauseChange* removed = find_clause(c, "purpose-and-scope.general");
    EXPECT_EQ(removed->label_before.en, "Article 1");
    EXPECT_TRUE(removed->label_after.en.empty());
    for (const BlockChange& b : removed->blocks) EXPECT_EQ(b.change, BlockChange::Kind::deleted);

    // "as set out in Article 4" became "… Article 3": the reference follows data protection.
    const ClauseChange* exchange = find_clause(c, "information-exchange.general");
    EXPECT_TRUE(exchange->references_renumbered);
    EXPECT_EQ(exchange->label_before.en, "Article 3");
    EXPECT_EQ(exchange->label_after.en, "Article 2");
    ASSERT_GE(exchange->blocks.size(), 2u);
    EXPECT_EQ(exchange->blocks[1].change, BlockChange::Kind::same);
    EXPECT_EQ(exchange->blocks[1].per_language[0].after(),
              "The Participants will exchange information within 10 days, protecting personal data as set out in "
              "Article 3.");
    EXPECT_FALSE(find_clause(c, "data-protection.general")->references_renumbered);

    std::string report = summarize(c, Language::en);
    EXPECT_NE(report.find("\nRemoved: Article 1 Purpose [purpose-and-scope.general]\n"), std::string::npos) << report;
    EXPECT_NE(report.find("\nRenumbered: Article 3 → Article 2 Exchange of information "
                          "[information-exchange.general] (cross-references renumbered)\n"),
              std::string::npos)
        << report;
}

TEST_F(CompareTest, AChangedFieldValueGivesTheExactWordsInEveryLanguage) {
    draft.languages = {Language::en, Language::fr};
    draft.layout = Layout::side_by_side;
    Draft after = draft;
    after.set_value("response-days", std::nullopt, "20");
    Comparison c = compare(assembled(draft), assembled(after));
    EXPECT_EQ(c.changed(), 1);
    EXPECT_EQ(c.unchanged(), 4);
    EXPECT_EQ(c.template_changes(), 0);
    EXPECT_EQ(c.languages, (std::vector<Language>{Language::en, Language::fr}));

    const ClauseChange* exchange = find_clause(c, "information-exchange.general");
    ASSERT_NE(exchange, nullptr);
    EXPECT_EQ(exchange->kind, ClauseChange::Kind::changed);
    ASSERT_EQ(exchange->blocks.size(), 5u);  // heading, paragraph 1, two items, paragraph 2
    EXPECT_EQ(exchange->blocks[0].change, BlockChange::Kind::same);
    const BlockChange& paragraph = exchange->blocks[1];
    EXPECT_EQ(paragraph.change, BlockChange::Kind::changed);
    EXPECT_EQ(paragraph.per_language[0].label_after, "1.");
    EXPECT_EQ(paragraph.per_language[0].ops,
              (std::vector<WordOp>{same("The Participants will exchange information within "), del("10 "), ins("20 "),
                                   same("days, protecting personal data as set out in Article 4.")}))
        << show(paragraph.per_language[0].ops);
    const auto& fr = paragraph.per_language[1].ops;
    ASSERT_EQ(fr.size(), 4u) << show(fr);
    EXPECT_EQ(fr[1], del("10 "));
    EXPECT_EQ(fr[2], ins("20 "));
    EXPECT_NE(fr[3].text.find("jours"), std::string::npos);
    for (std::size_t k = 2; k < 5; ++k) EXPECT_EQ(exchange->blocks[k].change, BlockChange::Kind::same);

    std::string report = summarize(c, Language::en);
    EXPECT_NE(report.find("\nChanged: Article 3 Exchange of information [information-exchange.general]\n    1. The "
                          "Participants will exchange information within [-10-] {+20+} days, protecting personal data "
                          "as set out in Article 4.\n"),
              std::string::npos)
        << report;
    EXPECT_NE(summarize(c, Language::fr).find("[-10-] {+20+} jours"), std::string::npos);
}

TEST_F(CompareTest, AnotherLevelChangesTheVariantParagraphByParagraph) {
    Draft before = draft;
    before.level = PartnershipLevel::communication;
    Comparison c = compare(assembled(before), assembled(draft));
    const ClauseChange* exchange = find_clause(c, "information-exchange.general");
    ASSERT_NE(exchange, nullptr);
    EXPECT_EQ(exchange->kind, ClauseChange::Kind::changed);
    std::vector<BlockChange::Kind> kinds;
    for (const BlockChange& b : exchange->blocks) kinds.push_back(b.change);
    EXPECT_EQ(kinds, (std::vector<BlockChange::Kind>{BlockChange::Kind::same, BlockChange::Kind::changed,
                                                     BlockChange::Kind::inserted, BlockChange::Kind::inserted,
                                                     BlockChange::Kind::inserted}));
    const BlockText& first = exchange->blocks[1].per_language[0];
    EXPECT_EQ(first.label_before, "");
    EXPECT_EQ(first.label_after, "1.");
    EXPECT_EQ(first.ops,
              (std::vector<WordOp>{same("The Participants will exchange information "), del("on request"),
                                   ins("within 10 days, protecting personal data as set out in Article 4"), same(".")}))
        << show(first.ops);
    EXPECT_EQ(exchange->blocks[2].per_language[0].label_after, "(a)");
    EXPECT_EQ(exchange->blocks[2].per_language[0].after(), "spontaneously;");
}

TEST_F(CompareTest, APartyNameChangesTheTemplateTextOnly) {
    Draft after = draft;
    after.parties[0].name.en = "Customs & <Excise> of Valmont";
    Comparison c = compare(assembled(draft), assembled(after));
    EXPECT_EQ(c.unchanged(), 5);
    EXPECT_EQ(c.template_changes(), 3);  // title, preamble, signatures
    const ClauseChange* title = find_template(c, BlockKind::title);
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->kind, ClauseChange::Kind::changed);
    ASSERT_EQ(title->blocks.size(), 1u);
    EXPECT_EQ(title->blocks[0].per_language[0].ops,
              (std::vector<WordOp>{same("Memorandum between Customs "), ins("& <Excise> "),
                                   same("of Valmont and Police of Valmont")}))
        << show(title->blocks[0].per_language[0].ops);
    EXPECT_EQ(find_template(c, BlockKind::signatures)->kind, ClauseChange::Kind::changed);
    EXPECT_EQ(find_template(c, BlockKind::signature_intro)->kind, ClauseChange::Kind::unchanged);
    EXPECT_NE(summarize(c, Language::en)
                  .find("\nChanged: title\n    Memorandum between Customs {+& <Excise>+} of Valmont and Police of "
                        "Valmont\n"),
              std::string::npos);
}

TEST_F(CompareTest, HostilePartyNamesCompareWordByWord) {
    const std::string hostile = "Customs & Excise <Border> \"Directorate\" 'Sud' الجمارك، of ";
    draft.parties[0].name.en = hostile + "Valmont 🛃";
    Draft after = draft;
    after.parties[0].name.en = hostile + "Elmont 🛃";
    Comparison c = compare(assembled(draft), assembled(after));
    const auto& ops = find_template(c, BlockKind::title)->blocks[0].per_language[0].ops;
    EXPECT_EQ(ops, (std::vector<WordOp>{same("Memorandum between " + hostile), del("Valmont "), ins("Elmont "),
                                        same("🛃 and Police of Valmont")}))
        << show(ops);
    EXPECT_NE(summarize(c, Language::en).find("'Sud' الجمارك، of [-Valmont-] {+Elmont+} 🛃"), std::string::npos);
}

TEST_F(CompareTest, ALanguageInOneVersionOnlyIsReportedNotCompared) {
    Draft after = draft;
    after.languages = {Language::en, Language::fr};
    after.layout = Layout::sequence;
    Comparison c = compare(assembled(draft), assembled(after));
    EXPECT_EQ(c.languages, std::vector<Language>{Language::en});
    EXPECT_EQ(c.only_after, std::vector<Language>{Language::fr});
    EXPECT_TRUE(c.only_before.empty());
    EXPECT_EQ(c.unchanged(), 5);
    EXPECT_EQ(c.template_changes(), 0);
    EXPECT_FALSE(c.identical()) << "a new language is a difference";
    for (const ClauseChange& u : c.changes)
        for (const BlockChange& b : u.blocks) EXPECT_EQ(b.per_language.size(), 1u);
    EXPECT_NE(summarize(c, Language::en).find("Only in the later version: fr (not compared).\n"), std::string::npos);
    EXPECT_THROW(summarize(c, Language::fr), Error);

    Comparison back = compare(assembled(after), assembled(draft));
    EXPECT_EQ(back.only_before, std::vector<Language>{Language::fr});
}

// ---- documents built by hand ----------------------------------------------------------------

namespace {

Block block(BlockKind kind, std::string text, std::string clause_id = {}, std::string label = {}) {
    Block b;
    b.kind = kind;
    b.label = std::move(label);
    b.clause_id = std::move(clause_id);
    b.spans.push_back({std::move(text), Span::Style::plain, {}});
    return b;
}

Row row(Block b) {
    Row r;
    r.kind = b.kind;
    r.cells.push_back(std::move(b));
    return r;
}

}  // namespace

TEST(CompareDocuments, TemplateTextIsAlignedByKindAndText) {
    Document before;
    before.languages = {Language::en};
    before.rows = {row(block(BlockKind::title, "Agreement")), row(block(BlockKind::preamble, "Whereas A,")),
                   row(block(BlockKind::article, "Scope", "scope", "Article 1")),
                   row(block(BlockKind::paragraph, "It applies.", "scope"))};
    Document after = before;
    after.rows.insert(after.rows.begin() + 1, row(block(BlockKind::preamble, "Whereas B,")));
    after.rows[2].cells[0].spans[0].text = "Whereas  A,";  // white space only: unchanged
    Comparison c = compare(before, after);
    EXPECT_EQ(outline(c),
              (std::vector<std::string>{"unchanged:title", "added:preamble", "unchanged:preamble", "unchanged:scope"}));
    EXPECT_EQ(c.changes[1].title.en, "Whereas B,");
}

TEST(CompareDocuments, RowsWithMissingCellsAndUnknownReferencesDoNotThrow) {
    Document before;
    before.languages = {Language::en, Language::fr};
    Row odd;
    odd.kind = BlockKind::paragraph;
    odd.cells.push_back(block(BlockKind::paragraph, "only English", "c"));
    before.rows.push_back(odd);
    Document after = before;
    Block ref = block(BlockKind::paragraph, "see ", "c");
    ref.spans.push_back({"Article 9", Span::Style::reference, "article-9"});
    after.rows[0].cells[0] = ref;
    Comparison c = compare(before, after);
    ASSERT_EQ(c.changes.size(), 1u);
    EXPECT_EQ(c.changes[0].kind, ClauseChange::Kind::changed);
    EXPECT_EQ(c.changes[0].blocks[0].per_language[1].ops.size(), 0u);  // no French cell in either
    EXPECT_EQ(c.changes[0].blocks[0].per_language[0].after(), "see Article 9");
}

TEST(CompareDocuments, AClauseOnlyMovedIsUnchanged) {
    Document before;
    before.languages = {Language::en};
    before.rows = {row(block(BlockKind::article, "One", "one", "Article 1")),
                   row(block(BlockKind::article, "Two", "two", "Article 2"))};
    Document after = before;
    std::swap(after.rows[0], after.rows[1]);
    Comparison c = compare(before, after);
    // The labels stayed with the clauses: nothing was renumbered, only the order differs.
    EXPECT_EQ(outline(c), (std::vector<std::string>{"unchanged:two", "unchanged:one"}));
    EXPECT_TRUE(c.identical());
}
