#include "moudesk/diagnostic/gaps.h"

#include <gtest/gtest.h>

#include "diagnostic_fixture.h"
#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"

using namespace diagnostic_test;

namespace {

AgreementCoverage agreement(std::int64_t id, int done, int overdue) {
    return {id, "MOU/" + std::to_string(id), "in-force", done, overdue, 0};
}

TEST(Classify, FollowsWhatTheRegisterSays) {
    EXPECT_EQ(classify(ElementInRegister{}), GapKind::no_agreement);
    EXPECT_EQ(classify(ElementInRegister{1, 0, {agreement(1, 0, 2)}}), GapKind::not_implemented);
    EXPECT_EQ(classify(ElementInRegister{2, 1, {agreement(1, 3, 0), agreement(2, 0, 0)}}), GapKind::weak_practice);
    EXPECT_TRUE(implemented(agreement(1, 1, 0)));
    EXPECT_FALSE(implemented(agreement(1, 1, 1)));
    EXPECT_FALSE(implemented(agreement(1, 0, 0)));
}

TEST(Gaps, EveryNoOrPartlyAnswerWithEachElementItProbes) {
    auto q = small_questionnaire();
    auto a = answered({{"legal.agreement", Answer::yes},
                       {"legal.roles", Answer::not_applicable},
                       {"info.channel", Answer::partly},
                       {"info.feedback", Answer::no}});
    RegisterCoverage coverage;
    coverage["information-exchange"] = {1, 0, {agreement(4, 0, 1)}};
    coverage["data-protection"] = {1, 1, {agreement(4, 2, 0)}};
    auto list = gaps(q, a, coverage);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].question->id, "info.channel");
    EXPECT_EQ(list[0].answer, Answer::partly);
    ASSERT_EQ(list[0].elements.size(), 2u);
    EXPECT_EQ(list[0].elements[0].kind, GapKind::not_implemented);
    EXPECT_EQ(list[0].elements[1].kind, GapKind::weak_practice);
    EXPECT_EQ(list[1].question->id, "info.feedback");
    EXPECT_EQ(list[1].elements[0].in_register.shown.front().reference, "MOU/4");
}

TEST(PlanFromGaps, OneActionPerGapFromItsFirstSolution) {
    auto q = small_questionnaire();
    auto list = gaps(q, answered({{"legal.roles", Answer::no}}), {});
    auto plan = plan_from_gaps(list, "Ruritania 2027", Language::fr);
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].title, "Convenir de qui s'en charge");
    EXPECT_EQ(plan[0].element, "roles-and-competences");
    EXPECT_NE(plan[0].notes.find("Ruritania 2027"), std::string::npos);
    EXPECT_NE(plan[0].notes.find("L'écrire"), std::string::npos);
}

class WithBundledLibrary : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        Problems problems;
        library = new content::Library(content::load_library(content::bundled_data_dir() / "clauses",
                                                             content::bundled_data_dir() / "templates", problems,
                                                             content::SchemaCheck::quick));
    }
    static void TearDownTestSuite() { delete library; }
    static content::Library* library;
};
content::Library* WithBundledLibrary::library = nullptr;

TEST_F(WithBundledLibrary, AnAddendumAddsTheGapElementsTheAgreementLacks) {
    auto q = small_questionnaire();
    auto list = gaps(q, answered({{"legal.agreement", Answer::no}, {"info.channel", Answer::no}}), {});
    // The agreement already covers data protection; legal-basis and information exchange are missing.
    auto elements = addendum_elements(*library, list, {"data-protection"});
    EXPECT_EQ(elements, (std::vector<std::string>{"legal-basis", "information-exchange"}));

    AddendumBasis basis;
    basis.base_instrument = Instrument::moa;
    basis.base_title = "Agreement between the Customs and the Police of Ruritania";
    basis.base_signature_date = "2019-05-02";
    basis.languages = {Language::en, Language::fr};
    basis.parties =
        drafting::example_draft(*library, Instrument::moa, {Language::en}, drafting::Layout::single).parties;
    drafting::Draft draft = addendum_draft(*library, basis, elements);
    EXPECT_EQ(draft.instrument, Instrument::addendum);
    EXPECT_TRUE(draft.binding());
    EXPECT_TRUE(draft.has_element("legal-basis"));
    EXPECT_TRUE(draft.has_element("information-exchange"));
    EXPECT_EQ(*draft.value("base-agreement-title", Language::en), basis.base_title);
    // It assembles: the elements' clauses are in the addendum.
    auto assembly = drafting::assemble(*library, draft);
    bool has_exchange = false;
    for (const auto& c : assembly.clauses) has_exchange |= c.clause->element == "information-exchange";
    EXPECT_TRUE(has_exchange);
}

}  // namespace
