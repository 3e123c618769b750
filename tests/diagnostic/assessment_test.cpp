#include "moudesk/diagnostic/assessment.h"

#include <gtest/gtest.h>

#include "diagnostic_fixture.h"

using namespace diagnostic_test;

namespace {

TEST(Score, WeighsAnswersAndLeavesOutNotApplicableAndNotAssessed) {
    auto q = small_questionnaire();
    // legal: yes (weight 2) + no (weight 1) = 2/3; info: partly + not applicable = 0.5/1.
    auto a = answered({{"legal.agreement", Answer::yes},
                       {"legal.roles", Answer::no},
                       {"info.channel", Answer::partly},
                       {"info.feedback", Answer::not_applicable}});
    Scores s = score(q, a);
    ASSERT_EQ(s.areas.size(), 2u);
    EXPECT_NEAR(*s.areas[0].score.value, 2.0 / 3.0, 1e-9);
    EXPECT_EQ(s.areas[0].score.answered, 2);
    EXPECT_NEAR(*s.areas[1].score.value, 0.5, 1e-9);
    EXPECT_EQ(s.areas[1].score.answered, 1);
    EXPECT_EQ(s.areas[1].score.total, 2);
    EXPECT_NEAR(*s.overall.value, 2.5 / 4.0, 1e-9);
}

TEST(Score, AnAreaWithNothingAnsweredHasNoScore) {
    auto s = score(small_questionnaire(), answered({{"legal.agreement", Answer::no}}));
    EXPECT_EQ(s.areas[0].score.value, 0.0);
    EXPECT_FALSE(s.areas[1].score.value.has_value());
    EXPECT_FALSE(score(small_questionnaire(), answered({})).overall.value.has_value());
}

TEST(Compare, ListsChangedAnswersWithTheirDirectionAndAreaScores) {
    auto q = small_questionnaire();
    auto before =
        answered({{"legal.agreement", Answer::no}, {"info.channel", Answer::yes}, {"legal.roles", Answer::yes}});
    auto after = answered(
        {{"legal.agreement", Answer::partly}, {"info.channel", Answer::no}, {"legal.roles", Answer::not_applicable}});
    Comparison c = compare(q, before, after);
    ASSERT_EQ(c.answers.size(), 3u);
    EXPECT_EQ(c.answers[0].question, "legal.agreement");  // questionnaire order
    EXPECT_EQ(c.answers[0].direction, 1);
    EXPECT_EQ(c.answers[1].question, "legal.roles");
    EXPECT_EQ(c.answers[1].direction, 0);  // to not applicable: neither better nor worse
    EXPECT_EQ(c.answers[2].direction, -1);
    EXPECT_EQ(c.improved(), 1);
    EXPECT_EQ(c.worsened(), 1);
    ASSERT_EQ(c.areas.size(), 2u);
    EXPECT_NEAR(*c.areas[0].before, 1.0 / 3.0, 1e-9);
    EXPECT_NEAR(*c.areas[0].after, 0.5, 1e-9);
}

TEST(Answer, CodesRoundTrip) {
    for (auto a : {Answer::yes, Answer::partly, Answer::no, Answer::not_applicable, Answer::not_assessed})
        EXPECT_EQ(answer_from_code(to_code(a)), a);
    EXPECT_FALSE(answer_from_code("maybe"));
    EXPECT_TRUE(is_gap(Answer::partly));
    EXPECT_FALSE(is_gap(Answer::not_assessed));
}

TEST(Reassessment, CopiesScopeAndAnswersAndLinksBack) {
    auto a = answered({{"legal.agreement", Answer::no}});
    a.country = "Ruritania";
    Assessment next = reassessment_of(a, tracking::Date::from_ymd(2028, 3, 1));
    EXPECT_EQ(next.id, 0);
    EXPECT_EQ(next.previous, 7);
    EXPECT_EQ(next.country, "Ruritania");
    EXPECT_EQ(next.answer_to("legal.agreement"), Answer::no);
    EXPECT_EQ(next.date, tracking::Date::from_ymd(2028, 3, 1));
}

}  // namespace
