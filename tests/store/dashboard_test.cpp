#include "moudesk/store/dashboard.h"

#include <gtest/gtest.h>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "store_test_support.h"

using namespace store_test;
using tracking::ActionStatus;
using tracking::Date;
using tracking::Status;

namespace {

int count_of(const std::vector<std::pair<std::string, int>>& counts, const std::string& code) {
    for (const auto& [c, n] : counts)
        if (c == code) return n;
    ADD_FAILURE() << "no count for " << code;
    return -1;
}

}  // namespace

TEST(Dashboard, AnEmptyRegisterCountsZeroForEveryStatus) {
    auto db = memory_db();
    Dashboard board = dashboard(*db, Date::today(), 30);
    EXPECT_EQ(board.agreements, 0);
    EXPECT_EQ(board.agreements_by_status.size(), tracking::all_statuses().size());
    EXPECT_EQ(board.actions_by_status.size(), 5u);
    for (const auto& [code, n] : board.agreements_by_status) EXPECT_EQ(n, 0) << code;
    for (const auto& [code, n] : board.actions_by_status) EXPECT_EQ(n, 0) << code;
    EXPECT_EQ(
        board.overdue_actions + board.upcoming_actions + board.reviews_due + board.expiring + board.notice_deadlines,
        0);
}

TEST(Dashboard, CountsAgreementsActionsAndWhatComesUp) {
    auto db = memory_db();
    Agreements agreements(*db);
    Actions actions(*db);
    const Date today = Date::today();

    AgreementRecord fixed = sample("MOU/fixed");
    fixed.status = Status::in_force;
    fixed.dates.entry_into_force = subtract(today, p("P1Y"));
    fixed.dates.expiry = today.add_days(20);
    fixed.dates.next_review = today.add_days(-2);
    Id fixed_id = agreements.add(fixed);

    AgreementRecord renewing = sample("MOU/renewing");
    renewing.status = Status::in_force;
    renewing.dates.entry_into_force = subtract(today, p("P6M"));
    renewing.dates.duration = p("P1Y");
    renewing.dates.tacit_renewal = p("P1Y");
    renewing.dates.notice_period = p("P5M");
    agreements.add(renewing);
    AgreementRecord suspended = renewing;
    suspended.reference = "MOU/suspended";
    suspended.status = Status::suspended;
    suspended.dates.next_review = today.add_days(10);
    agreements.add(suspended);

    AgreementRecord draft = sample("MOU/draft");
    draft.dates.next_review = today.add_days(3);
    draft.dates.entry_into_force = subtract(today, p("P1Y"));
    draft.dates.expiry = today.add_days(10);
    agreements.add(draft);
    AgreementRecord signed_ = sample("MOU/signed");
    signed_.status = Status::signed_;
    agreements.add(signed_);
    AgreementRecord ended = draft;
    ended.reference = "MOU/terminated";
    ended.status = Status::terminated;
    agreements.add(ended);

    auto action = [&](const std::string& title, std::optional<Date> due, ActionStatus status) {
        ActionRecord a;
        a.agreement = fixed_id;
        a.title = title;
        a.due = due;
        a.status = status;
        actions.add(a);
    };
    action("late", today.add_days(-10), ActionStatus::not_started);
    action("late, blocked", today.add_days(-1), ActionStatus::blocked);
    action("done late", today.add_days(-5), ActionStatus::done);
    action("dropped", today.add_days(-5), ActionStatus::not_applicable);
    action("today", today, ActionStatus::in_progress);
    action("soon", today.add_days(30), ActionStatus::not_started);
    action("later", today.add_days(31), ActionStatus::not_started);
    action("undated", std::nullopt, ActionStatus::not_started);

    Dashboard board = dashboard(*db, today, 30);
    EXPECT_EQ(board.agreements, 6);
    EXPECT_EQ(count_of(board.agreements_by_status, "in-force"), 2);
    EXPECT_EQ(count_of(board.agreements_by_status, "suspended"), 1);
    EXPECT_EQ(count_of(board.agreements_by_status, "draft"), 1);
    EXPECT_EQ(count_of(board.agreements_by_status, "signed"), 1);
    EXPECT_EQ(count_of(board.agreements_by_status, "terminated"), 1);
    EXPECT_EQ(count_of(board.agreements_by_status, "expired"), 0);
    EXPECT_EQ(board.agreements_by_status.front().first, "draft");  // lifecycle order
    EXPECT_EQ(count_of(board.actions_by_status, "not-started"), 4);
    EXPECT_EQ(count_of(board.actions_by_status, "blocked"), 1);
    EXPECT_EQ(count_of(board.actions_by_status, "in-progress"), 1);
    EXPECT_EQ(count_of(board.actions_by_status, "done"), 1);
    EXPECT_EQ(count_of(board.actions_by_status, "not-applicable"), 1);
    EXPECT_EQ(board.overdue_actions, 2);
    EXPECT_EQ(board.upcoming_actions, 2);  // today and in 30 days
    EXPECT_EQ(board.reviews_due, 2);       // the overdue one and the suspended agreement's; not the draft's
    EXPECT_EQ(board.expiring, 1);          // not the draft's nor the terminated one's
    // The notice deadlines (about a month away) of the in-force and the suspended agreement.
    const Date notice = subtract(add(subtract(today, p("P6M")), p("P1Y")), p("P5M"));
    EXPECT_EQ(dashboard(*db, today, days_between(today, notice)).notice_deadlines, 2);
    EXPECT_EQ(dashboard(*db, today, days_between(today, notice) - 1).notice_deadlines, 0);
}
