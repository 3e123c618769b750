#include <gtest/gtest.h>

#include <algorithm>

#include "moudesk/drafting/assembler.h"
#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

namespace {

std::vector<Finding> findings_of(const std::vector<Finding>& all, Finding::Kind kind) {
    std::vector<Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Finding& f) { return f.kind == kind; });
    return out;
}

}  // namespace

class LintTest : public ::testing::Test {
protected:
    content::Library lib = test::test_library();
    Draft draft = test::test_draft();
    std::vector<Finding> run() { return lint(lib, draft, assemble(lib, draft)); }
};

TEST_F(LintTest, ACleanDraftHasNoFindings) {
    auto findings = run();
    for (const auto& f : findings) ADD_FAILURE() << to_string(f);
}

TEST_F(LintTest, BindingWordingInAnMouIsReportedWithItsArticle) {
    lib.clauses[0].variants[0].blocks[0].text.en.push_back(test::text(" Each side shall report."));
    auto wording = findings_of(run(), Finding::Kind::wording);
    ASSERT_EQ(wording.size(), 1u);
    EXPECT_EQ(wording[0].message, "Article 1 (English): “shall” is binding wording in a non-binding instrument");
    EXPECT_EQ(wording[0].clause, "purpose-and-scope.general");
}

TEST_F(LintTest, NegatedBindingIsNotBindingWording) {
    // The non-binding legal-status clause says "is not legally binding": no finding.
    EXPECT_TRUE(findings_of(run(), Finding::Kind::wording).empty());
}

TEST_F(LintTest, NonBindingWordingInAnMoaIsReported) {
    draft = test::test_draft(Instrument::moa);
    draft.languages = {Language::fr};
    lib.clauses[0].variants[0].blocks[0].text.fr.push_back(test::text(" Les Participants s'efforceront d'agir."));
    auto wording = findings_of(run(), Finding::Kind::wording);
    ASSERT_FALSE(wording.empty());
    EXPECT_NE(wording[0].message.find("Article 1 (French)"), std::string::npos) << wording[0].message;
    EXPECT_NE(wording[0].message.find("non-binding wording in a binding instrument"), std::string::npos);
}

TEST_F(LintTest, UnusedAndUnknownValuesAreWarnings) {
    draft.values.push_back({"mystery", std::nullopt, "42"});
    draft.elements.erase(draft.elements.begin() + 2);  // no information exchange: response-days unused
    auto unused = findings_of(run(), Finding::Kind::unused_field);
    ASSERT_EQ(unused.size(), 2u);
    EXPECT_EQ(unused[0].field, "response-days");
    EXPECT_EQ(unused[0].severity, Severity::warning);
    EXPECT_NE(unused[1].message.find("not a field of the library"), std::string::npos);
}

TEST_F(LintTest, AChosenClauseWithoutTheDraftLanguageIsAnError) {
    draft.languages = {Language::en, Language::fr};
    lib.clauses[0].variants[0].blocks[0].text.fr.clear();
    auto missing = findings_of(run(), Finding::Kind::missing_language);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].message, "Article 1: clause “purpose-and-scope.general” has no French text");
}

TEST_F(LintTest, ErrorsComeBeforeWarnings) {
    draft.values.push_back({"mystery", std::nullopt, "42"});
    draft.parties.pop_back();
    auto findings = run();
    ASSERT_GE(findings.size(), 2u);
    EXPECT_EQ(findings.front().severity, Severity::error);
    EXPECT_EQ(findings.back().severity, Severity::warning);
}
