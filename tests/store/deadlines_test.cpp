#include "moudesk/store/deadlines.h"

#include <gtest/gtest.h>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "store_test_support.h"

using namespace store_test;
using tracking::Date;
using tracking::Status;

namespace {

// Computed expiries and notice deadlines are derived on every write from the real date, so the
// register is built around today.
class DeadlinesTest : public ::testing::Test {
protected:
    void SetUp() override {
        AgreementRecord fixed = sample("MOU/fixed", "Fixed term");
        fixed.status = Status::in_force;
        fixed.dates.entry_into_force = subtract(today, p("P1Y"));
        fixed.dates.expiry = today.add_days(20);
        fixed.dates.next_review = today.add_days(-2);
        fixed_id = agreements.add(fixed);

        AgreementRecord renewing = sample("MOU/renewing", "Renewing");
        renewing.status = Status::in_force;
        renewing.dates.entry_into_force = subtract(today, p("P6M"));
        renewing.dates.duration = p("P1Y");
        renewing.dates.tacit_renewal = p("P1Y");
        renewing.dates.notice_period = p("P5M");
        renewing_id = agreements.add(renewing);

        AgreementRecord suspended = renewing;
        suspended.reference = "MOU/suspended";
        suspended.title = "Suspended";
        suspended.status = Status::suspended;
        suspended.dates.next_review = today.add_days(30);
        suspended_id = agreements.add(suspended);

        // Neither a draft nor an ended agreement has deadlines of its own.
        AgreementRecord draft = sample("MOU/draft", "Draft");
        draft.dates.entry_into_force = subtract(today, p("P1Y"));
        draft.dates.expiry = today.add_days(10);
        draft.dates.next_review = today.add_days(3);
        agreements.add(draft);
        AgreementRecord ended = draft;
        ended.reference = "MOU/terminated";
        ended.status = Status::terminated;
        agreements.add(ended);

        AgreementRecord r = agreements.get(fixed_id);
        police = r.parties[1].id;
        add_action("ten days late", today.add_days(-10), tracking::ActionStatus::not_started);
        add_action("three days late", today.add_days(-3), tracking::ActionStatus::blocked, police, "Sgt Faye");
        add_action("done late", today.add_days(-5), tracking::ActionStatus::done);
        add_action("dropped", today.add_days(-5), tracking::ActionStatus::not_applicable);
        add_action("due today", today, tracking::ActionStatus::in_progress);
        add_action("next week", today.add_days(7), tracking::ActionStatus::not_started);
        add_action("far away", today.add_days(200), tracking::ActionStatus::not_started);
        add_action("undated", std::nullopt, tracking::ActionStatus::not_started);
    }

    void add_action(const std::string& title, std::optional<Date> due, tracking::ActionStatus status,
                    std::optional<Id> owner = std::nullopt, const std::string& person = "") {
        ActionRecord a;
        a.agreement = fixed_id;
        a.title = title;
        a.due = due;
        a.status = status;
        a.owner_party = owner;
        a.owner_person = person;
        actions.add(a);
    }

    const Date today = Date::today();
    std::unique_ptr<Database> db = memory_db();
    Agreements agreements{*db};
    Actions actions{*db};
    Id fixed_id = 0, renewing_id = 0, suspended_id = 0, police = 0;
};

std::string describe(const Deadline& x) {
    return std::string(to_code(x.kind)) + " " + x.reference + " " + x.title;
}

}  // namespace

TEST_F(DeadlinesTest, OverdueFirstThenByDateWithinTheHorizon) {
    auto list = deadlines(*db, today, 60);
    std::vector<std::string> got;
    for (const auto& x : list) got.push_back(describe(x));
    // The renewing agreements' notice deadline is about a month away (expiry in six months − five).
    const Date notice = subtract(add(subtract(today, p("P6M")), p("P1Y")), p("P5M"));
    ASSERT_LE(notice, today.add_days(60));
    ASSERT_GE(notice, today.add_days(20));
    std::vector<std::string> expected = {
        "action MOU/fixed ten days late", "action MOU/fixed three days late", "review MOU/fixed Fixed term",
        "action MOU/fixed due today",     "action MOU/fixed next week",       "expiry MOU/fixed Fixed term",
    };
    // The notice deadlines of the in-force and the suspended agreement, and the review of the
    // suspended one, go where their dates put them.
    // On the same day, kinds come in the order action, review, expiry, notice.
    std::vector<std::pair<Date, std::string>> later = {{today.add_days(30), "review MOU/suspended Suspended"},
                                                       {notice, "notice MOU/renewing Renewing"},
                                                       {notice, "notice MOU/suspended Suspended"}};
    // Merge by date into the expected list (expiry is at +20 days).
    std::vector<std::pair<Date, std::string>> upcoming = {
        {today, expected[3]}, {today.add_days(7), expected[4]}, {today.add_days(20), expected[5]}};
    upcoming.insert(upcoming.end(), later.begin(), later.end());
    std::stable_sort(upcoming.begin(), upcoming.end(), [](auto& a, auto& b) { return a.first < b.first; });
    expected.resize(3);
    for (auto& [date, text] : upcoming) expected.push_back(text);
    EXPECT_EQ(got, expected);

    ASSERT_GE(list.size(), 3u);
    EXPECT_TRUE(list[0].overdue);
    EXPECT_TRUE(list[1].overdue);
    EXPECT_TRUE(list[2].overdue);
    for (std::size_t i = 3; i < list.size(); ++i) EXPECT_FALSE(list[i].overdue) << describe(list[i]);
    EXPECT_EQ(list[0].date, today.add_days(-10));
    EXPECT_EQ(list[1].owner, "Police Sgt Faye");
    EXPECT_EQ(list[1].agreement, fixed_id);
    EXPECT_GT(list[1].action, 0);
    EXPECT_EQ(list[2].action, 0);
    EXPECT_EQ(list[2].date, today.add_days(-2));
}

TEST_F(DeadlinesTest, TheHorizonIsRespected) {
    std::vector<std::string> got;
    for (const auto& x : deadlines(*db, today, 0)) got.push_back(describe(x));
    EXPECT_EQ(got, (std::vector<std::string>{"action MOU/fixed ten days late", "action MOU/fixed three days late",
                                             "review MOU/fixed Fixed term", "action MOU/fixed due today"}));
    auto all = deadlines(*db, today, 400);
    auto has = [&](const std::string& text) {
        return std::any_of(all.begin(), all.end(), [&](const Deadline& x) { return describe(x) == text; });
    };
    EXPECT_TRUE(has("action MOU/fixed far away"));
    EXPECT_TRUE(has("expiry MOU/renewing Renewing"));
    EXPECT_TRUE(has("expiry MOU/suspended Suspended"));
    EXPECT_FALSE(has("action MOU/fixed undated"));
    EXPECT_FALSE(has("action MOU/fixed done late"));
    EXPECT_FALSE(has("action MOU/fixed dropped"));
    for (const auto& x : all) {
        EXPECT_NE(x.reference, "MOU/draft") << describe(x);
        EXPECT_NE(x.reference, "MOU/terminated") << describe(x);
    }
    EXPECT_EQ(deadlines(*db, today, 400, 1).size(), 4u);  // at most one of each kind
}

TEST_F(DeadlinesTest, KindCodes) {
    EXPECT_STREQ(to_code(Deadline::Kind::action), "action");
    EXPECT_STREQ(to_code(Deadline::Kind::review), "review");
    EXPECT_STREQ(to_code(Deadline::Kind::expiry), "expiry");
    EXPECT_STREQ(to_code(Deadline::Kind::notice), "notice");
}
