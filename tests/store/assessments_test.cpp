#include "moudesk/store/assessments.h"

#include <gtest/gtest.h>

#include "moudesk/core/error.h"
#include "moudesk/store/audit.h"
#include "store_test_support.h"

using namespace store_test;
using diagnostic::Answer;

namespace {

diagnostic::Assessment sample_assessment() {
    diagnostic::Assessment a;
    a.title = "Ruritania 2027 – « première » évaluation";
    a.country = "Ruritania";
    a.agencies = {"Customs, Excise & Ports", "National Police"};
    a.assessors = {"A. Assessor", "B. Évaluatrice"};
    a.date = d("2027-03-15");
    a.questionnaire_version = "1";
    a.answers = {{"q1", Answer::yes, "minutes seen", "MOU 2019"}, {"q2", Answer::partly, "", ""}};
    return a;
}

TEST(Assessments, AddAndGetKeepEveryField) {
    auto db = Database::open_in_memory();
    Assessments assessments(*db);
    Id id = assessments.add(sample_assessment());
    diagnostic::Assessment a = assessments.get(id);
    EXPECT_EQ(a.title, sample_assessment().title);
    EXPECT_EQ(a.agencies, sample_assessment().agencies);
    EXPECT_EQ(a.assessors, sample_assessment().assessors);
    EXPECT_EQ(a.date, d("2027-03-15"));
    EXPECT_EQ(a.questionnaire_version, "1");
    ASSERT_EQ(a.answers.size(), 2u);
    EXPECT_EQ(a.answer_to("q1"), Answer::yes);
    EXPECT_EQ(a.find("q1")->evidence, "MOU 2019");
    EXPECT_EQ(a.answer_to("q9"), Answer::not_assessed);
}

TEST(Assessments, AnEmptyTitleOrAnUnknownPreviousIsRefused) {
    auto db = Database::open_in_memory();
    auto a = sample_assessment();
    a.title = "  ";
    EXPECT_THROW(Assessments(*db).add(a), Error);
    a = sample_assessment();
    a.previous = 42;
    EXPECT_THROW(Assessments(*db).add(a), Error);
    EXPECT_TRUE(Assessments(*db).list().empty());
}

TEST(Assessments, AnswersReplaceEarlierOnesAndAreAudited) {
    auto db = Database::open_in_memory();
    Assessments assessments(*db);
    Id id = assessments.add(sample_assessment());
    assessments.answer(id, {"q2", Answer::yes, "joint unit set up", ""});
    assessments.answer(id, {"q3", Answer::no, "", ""});
    auto a = assessments.get(id);
    EXPECT_EQ(a.answer_to("q2"), Answer::yes);
    EXPECT_EQ(a.answer_to("q3"), Answer::no);
    auto history = AuditTrail(*db).history("assessment", id);
    ASSERT_GE(history.size(), 4u);  // created, q2, q2 notes, q3
    bool q2_change = false;
    for (const auto& e : history)
        q2_change |= e.field == "q2" && e.old_value == std::optional<std::string>("partly") &&
                     e.new_value == std::optional<std::string>("yes");
    EXPECT_TRUE(q2_change);
}

TEST(Assessments, AReassessmentStartsFromACopyAndLinksBack) {
    auto db = Database::open_in_memory();
    Assessments assessments(*db);
    Id first = assessments.add(sample_assessment());
    Id second = assessments.reassess(first, d("2028-03-15"), "Ruritania 2028");
    auto a = assessments.get(second);
    EXPECT_EQ(a.previous, first);
    EXPECT_EQ(a.title, "Ruritania 2028");
    EXPECT_EQ(a.date, d("2028-03-15"));
    EXPECT_EQ(a.answer_to("q1"), Answer::yes);
    assessments.answer(second, {"q1", Answer::no, "", ""});
    EXPECT_EQ(assessments.get(first).answer_to("q1"), Answer::yes);  // the earlier one is untouched
    auto rows = assessments.list();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, second);  // newest first
    EXPECT_EQ(rows[1].answered, 2);
}

TEST(Assessments, ScopeChangesAreAuditedPerField) {
    auto db = Database::open_in_memory();
    Assessments assessments(*db);
    Id id = assessments.add(sample_assessment());
    auto a = assessments.get(id);
    a.country = "Ruritanie";
    assessments.update_scope(a);
    EXPECT_EQ(assessments.get(id).country, "Ruritanie");
    auto history = AuditTrail(*db).history("assessment", id);
    EXPECT_EQ(history.back().field, "country");
    EXPECT_EQ(history.back().old_value, std::optional<std::string>("Ruritania"));
}

}  // namespace
