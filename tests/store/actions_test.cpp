#include "moudesk/store/actions.h"

#include <gtest/gtest.h>

#include "moudesk/core/error.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/audit.h"
#include "store_test_support.h"

using namespace store_test;
using tracking::ActionStatus;

namespace {

class ActionsTest : public ::testing::Test {
protected:
    void SetUp() override {
        AgreementRecord r = sample("MOU/1");
        agreement = agreements.add(r);
        AgreementRecord g = agreements.get(agreement);
        customs = g.parties[0].id;
        police = g.parties[1].id;
        other = agreements.add(sample("MOU/2"));
        other_party = agreements.get(other).parties[0].id;
    }

    ActionRecord action(const std::string& title, std::optional<tracking::Date> due = std::nullopt) {
        ActionRecord a;
        a.agreement = agreement;
        a.title = title;
        a.due = due;
        return a;
    }

    std::vector<std::string> titles(const ActionFilter& filter) {
        std::vector<std::string> out;
        for (const auto& a : actions.list(filter)) out.push_back(a.title);
        return out;
    }

    std::unique_ptr<Database> db = memory_db();
    Agreements agreements{*db};
    Actions actions{*db};
    Id agreement = 0, other = 0, customs = 0, police = 0, other_party = 0;
};

using V = std::vector<std::string>;

}  // namespace

TEST_F(ActionsTest, AddAndGetRoundTrip) {
    ActionRecord a = action("Designate a focal point", d("2026-03-02"));
    a.commitment = "annexes.contact-lists";
    a.clause = "annexes.standard";
    a.element = "annexes";
    a.owner_party = police;
    a.owner_person = "Lt Diallo";
    a.recurrence = p("P6M");
    a.notes = "see the annex";
    a.status = ActionStatus::in_progress;
    Id id = actions.add(a);
    ActionRecord g = actions.get(id);
    EXPECT_EQ(g.id, id);
    EXPECT_EQ(g.agreement, agreement);
    EXPECT_EQ(g.commitment, a.commitment);
    EXPECT_EQ(g.clause, a.clause);
    EXPECT_EQ(g.element, a.element);
    EXPECT_EQ(g.title, a.title);
    EXPECT_EQ(g.owner_party, police);
    EXPECT_EQ(g.owner_person, "Lt Diallo");
    EXPECT_EQ(g.due, d("2026-03-02"));
    EXPECT_EQ(g.recurrence, p("P6M"));
    EXPECT_EQ(g.series_start, d("2026-03-02"));  // the first due date of the series
    EXPECT_EQ(g.occurrence, 0);
    EXPECT_EQ(g.status, ActionStatus::in_progress);
    EXPECT_EQ(g.notes, "see the annex");
    EXPECT_TRUE(g.evidence.empty());
    EXPECT_EQ(g.completed_on, std::nullopt);
    EXPECT_FALSE(g.created_at.empty());
    auto history = AuditTrail(*db).history("action", id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].field, "created");
    EXPECT_THROW(actions.get(id + 100), Error);
}

TEST_F(ActionsTest, AddRefusesBadActions) {
    auto refused = [&](ActionRecord a, const std::string& expected) {
        try {
            actions.add(a);
            ADD_FAILURE() << "added: " << expected;
        } catch (const Error& e) {
            EXPECT_EQ(e.category(), ErrorCategory::bad_input);
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    };
    refused(action("  "), "no title");
    ActionRecord foreign = action("Meet");
    foreign.owner_party = other_party;  // a party of another agreement
    refused(foreign, "is not a party to agreement");
    ActionRecord nowhere = action("Meet");
    nowhere.agreement = 999;
    refused(nowhere, "no agreement");
    ActionRecord undated = action("Report");
    undated.recurrence = p("P1M");
    refused(undated, "needs a first due date");
    ActionRecord zero = action("Report", d("2026-01-01"));
    zero.recurrence = p("P0D");
    refused(zero, "longer than zero days");
    EXPECT_TRUE(actions.list({}).empty());
    EXPECT_TRUE(AuditTrail(*db).history("action", 1).empty());
}

TEST_F(ActionsTest, ListFilters) {
    const auto today = d("2026-06-15");
    ActionRecord late = action("late", d("2026-06-01"));
    late.element = "information-exchange";
    late.owner_party = customs;
    actions.add(late);
    ActionRecord due_today = action("due today", d("2026-06-15"));
    actions.add(due_today);
    ActionRecord later = action("later", d("2026-07-01"));
    later.element = "information-exchange";
    later.owner_party = police;
    later.status = ActionStatus::in_progress;
    actions.add(later);
    ActionRecord done_late = action("done late", d("2026-05-01"));
    done_late.status = ActionStatus::done;
    actions.add(done_late);
    ActionRecord blocked = action("blocked", d("2026-01-01"));
    blocked.status = ActionStatus::blocked;
    actions.add(blocked);
    ActionRecord dropped = action("dropped", d("2026-01-01"));
    dropped.status = ActionStatus::not_applicable;
    actions.add(dropped);
    actions.add(action("undated"));
    ActionRecord elsewhere = action("elsewhere", d("2026-02-01"));
    elsewhere.agreement = other;
    actions.add(elsewhere);

    EXPECT_EQ(titles({}), (V{"blocked", "dropped", "elsewhere", "done late", "late", "due today", "later", "undated"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.agreement = other; })), (V{"elsewhere"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) {
                  f.agreement = agreement;
                  f.overdue = true;
                  f.today = today;
              })),
              (V{"blocked", "late"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) {
                  f.overdue = true;
                  f.today = today;
              })),
              (V{"blocked", "elsewhere", "late"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.status = ActionStatus::done; })), (V{"done late"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.status = ActionStatus::in_progress; })), (V{"later"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.owner_party = police; })), (V{"later"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.element = "information-exchange"; })), (V{"late", "later"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.element = "' OR 1=1 --"; })), V{});
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) {
                  f.status = ActionStatus::not_started;
                  f.overdue = true;
                  f.today = today;
              })),
              (V{"elsewhere", "late"}));
    EXPECT_EQ(titles(with<ActionFilter>([&](auto& f) { f.limit = 2; })), (V{"blocked", "dropped"}));
}

TEST_F(ActionsTest, UpdateIsAuditedPerField) {
    Id id = actions.add(action("Draft the protocol", d("2026-04-01")));
    ActionRecord a = actions.get(id);
    a.title = "Draft and sign the protocol";
    a.owner_party = customs;
    a.due = d("2026-05-01");
    a.status = ActionStatus::in_progress;
    a.notes = "first meeting held";
    a.agreement = other;  // ignored: an action stays with its agreement
    actions.update(a);
    ActionRecord g = actions.get(id);
    EXPECT_EQ(g.title, "Draft and sign the protocol");
    EXPECT_EQ(g.owner_party, customs);
    EXPECT_EQ(g.due, d("2026-05-01"));
    EXPECT_EQ(g.status, ActionStatus::in_progress);
    EXPECT_EQ(g.agreement, agreement);
    auto history = AuditTrail(*db).history("action", id);
    ASSERT_EQ(history.size(), 6u);
    EXPECT_EQ(history[1].field, "title");
    EXPECT_EQ(history[1].old_value, "Draft the protocol");
    EXPECT_EQ(history[1].new_value, "Draft and sign the protocol");
    EXPECT_EQ(history[2].field, "owner-party");
    EXPECT_EQ(history[2].old_value, std::nullopt);
    EXPECT_EQ(history[2].new_value, std::to_string(customs));
    EXPECT_EQ(history[3].field, "due");
    EXPECT_EQ(history[3].old_value, "2026-04-01");
    EXPECT_EQ(history[4].field, "status");
    EXPECT_EQ(history[4].new_value, "in-progress");
    EXPECT_EQ(history[5].field, "notes");

    // No change, nothing recorded.
    actions.update(actions.get(id));
    EXPECT_EQ(AuditTrail(*db).history("action", id).size(), 6u);

    // Refused whole.
    a = actions.get(id);
    a.title = "";
    a.notes = "changed";
    EXPECT_THROW(actions.update(a), Error);
    a = actions.get(id);
    a.owner_party = other_party;
    EXPECT_THROW(actions.update(a), Error);
    EXPECT_EQ(actions.get(id).notes, "first meeting held");
    a.id = 999;
    EXPECT_THROW(actions.update(a), Error);
}

TEST_F(ActionsTest, CompletingARecurringActionKeepsMonthEndAnchors) {
    ActionRecord monthly = action("Monthly report", d("2027-01-31"));
    monthly.recurrence = p("P1M");
    monthly.owner_party = police;
    monthly.owner_person = "Sgt Faye";
    monthly.element = "information-exchange";
    monthly.notes = "send to both focal points";
    Id id = actions.add(monthly);

    std::vector<std::string> dues;
    Id current = id;
    for (int i = 0; i < 4; ++i) {
        std::optional<Id> next =
            actions.complete(current, d("2027-01-31").add_days(30 * i), "report " + std::to_string(i));
        ASSERT_TRUE(next);
        ActionRecord n = actions.get(*next);
        dues.push_back(n.due->iso());
        EXPECT_EQ(n.series_start, d("2027-01-31"));
        EXPECT_EQ(n.occurrence, i + 1);
        EXPECT_EQ(n.status, ActionStatus::not_started);
        EXPECT_EQ(n.owner_party, police);
        EXPECT_EQ(n.owner_person, "Sgt Faye");
        EXPECT_EQ(n.element, "information-exchange");
        EXPECT_EQ(n.recurrence, p("P1M"));
        EXPECT_EQ(n.notes, "send to both focal points");
        EXPECT_TRUE(n.evidence.empty());
        EXPECT_EQ(n.completed_on, std::nullopt);
        current = *next;
    }
    EXPECT_EQ(dues, (V{"2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"}));

    ActionRecord first = actions.get(id);
    EXPECT_EQ(first.status, ActionStatus::done);
    EXPECT_EQ(first.completed_on, d("2027-01-31"));
    EXPECT_EQ(first.evidence, "report 0");

    // A leap year: 31 January 2028 + 1 month is 29 February.
    ActionRecord leap = action("Leap", d("2028-01-31"));
    leap.recurrence = p("P1M");
    auto next = actions.complete(actions.add(leap), d("2028-02-01"), "");
    ASSERT_TRUE(next);
    EXPECT_EQ(actions.get(*next).due, d("2028-02-29"));
    next = actions.complete(*next, d("2028-03-01"), "");
    EXPECT_EQ(actions.get(*next).due, d("2028-03-31"));
}

TEST_F(ActionsTest, CompletingTwiceIsRefusedAndEvidenceIsAppended) {
    ActionRecord a = action("Exchange contact lists", d("2026-03-01"));
    a.evidence = "letter of 2026-02-20";
    Id id = actions.add(a);
    EXPECT_EQ(actions.complete(id, d("2026-02-28"), "list received 2026-02-28"), std::nullopt);  // once: no next
    ActionRecord g = actions.get(id);
    EXPECT_EQ(g.status, ActionStatus::done);
    EXPECT_EQ(g.completed_on, d("2026-02-28"));
    EXPECT_EQ(g.evidence, "letter of 2026-02-20\nlist received 2026-02-28");
    auto audit_before = AuditTrail(*db).history("action", id).size();
    try {
        actions.complete(id, d("2026-03-01"), "again");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        EXPECT_NE(std::string(e.what()).find("already done"), std::string::npos) << e.what();
    }
    EXPECT_EQ(actions.get(id).evidence, "letter of 2026-02-20\nlist received 2026-02-28");
    EXPECT_EQ(AuditTrail(*db).history("action", id).size(), audit_before);
    EXPECT_THROW(actions.complete(999, d("2026-03-01"), ""), Error);

    // Completing a recurring action twice does not schedule two next ones.
    ActionRecord r = action("Quarterly meeting", d("2026-03-31"));
    r.recurrence = p("P3M");
    Id rid = actions.add(r);
    ASSERT_TRUE(actions.complete(rid, d("2026-03-30"), ""));
    EXPECT_THROW(actions.complete(rid, d("2026-03-30"), ""), Error);
    ActionFilter filter;
    filter.agreement = agreement;
    EXPECT_EQ(actions.list(filter).size(), 3u);
}

TEST_F(ActionsTest, EvidenceFiles) {
    Id id = actions.add(action("Training", d("2026-09-01")));
    Id f1 = actions.add_evidence_file(id, "/srv/evidence/attendance list.pdf", "attendance");
    Id f2 = actions.add_evidence_file(id, "C:\\Evidence\\photos – été.zip", "");
    EXPECT_NE(f1, f2);
    ActionRecord g = actions.get(id);
    ASSERT_EQ(g.files.size(), 2u);
    EXPECT_EQ(g.files[0].id, f1);
    EXPECT_EQ(g.files[0].path, "/srv/evidence/attendance list.pdf");
    EXPECT_EQ(g.files[0].description, "attendance");
    EXPECT_FALSE(g.files[0].added_at.empty());
    EXPECT_EQ(g.files[1].path, "C:\\Evidence\\photos – été.zip");
    EXPECT_THROW(actions.add_evidence_file(id, "", "no path"), Error);
    EXPECT_THROW(actions.add_evidence_file(999, "/x", ""), Error);
    auto history = AuditTrail(*db).history("action", id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1].field, "evidence file");
    EXPECT_EQ(history[1].new_value, "/srv/evidence/attendance list.pdf");
    // The list does not read the files.
    EXPECT_TRUE(actions.list({}).front().files.empty());
}

TEST_F(ActionsTest, ChangingTheDueDateOrRecurrenceStartsTheSeriesAgain) {
    ActionRecord monthly = action("Monthly report", d("2027-01-31"));
    monthly.recurrence = p("P1M");
    auto second = actions.complete(actions.add(monthly), d("2027-01-31"), "");
    ASSERT_TRUE(second);
    ActionRecord a = actions.get(*second);
    EXPECT_EQ(a.due, d("2027-02-28"));
    EXPECT_EQ(a.occurrence, 1);
    // Quarterly from now on: the next one is three months after this one, not the fourth
    // quarter counted from January.
    a.recurrence = p("P3M");
    actions.update(a);
    a = actions.get(*second);
    EXPECT_EQ(a.series_start, d("2027-02-28"));
    EXPECT_EQ(a.occurrence, 0);
    auto third = actions.complete(*second, d("2027-02-28"), "");
    ASSERT_TRUE(third);
    EXPECT_EQ(actions.get(*third).due, d("2027-05-28"));
    // Moved to the month's end by hand: the series follows the new date, anchors included.
    a = actions.get(*third);
    a.due = d("2027-05-31");
    actions.update(a);
    auto fourth = actions.complete(*third, d("2027-05-31"), "");
    EXPECT_EQ(actions.get(*fourth).due, d("2027-08-31"));
    auto fifth = actions.complete(*fourth, d("2027-08-31"), "");
    EXPECT_EQ(actions.get(*fifth).due, d("2027-11-30"));
    // No longer recurring: nothing follows.
    a = actions.get(*fifth);
    a.recurrence.reset();
    actions.update(a);
    EXPECT_EQ(actions.get(*fifth).series_start, std::nullopt);
    EXPECT_EQ(actions.complete(*fifth, d("2027-11-30"), ""), std::nullopt);
}

TEST_F(ActionsTest, RemovingThePartyLeavesTheActionWithoutOwnerAndSaysSo) {
    ActionRecord a = action("Report", d("2026-09-01"));
    a.owner_party = police;
    Id id = actions.add(a);
    agreements.remove_party(agreement, police);
    EXPECT_EQ(actions.get(id).owner_party, std::nullopt);
    auto history = AuditTrail(*db).history("action", id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].field, "owner-party");
    EXPECT_EQ(history[1].old_value, std::to_string(police));
    EXPECT_EQ(history[1].new_value, std::nullopt);
}
