#include "moudesk/store/audit.h"

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "store_test_support.h"

using namespace store_test;

TEST(AuditTrail, RowsCannotBeChangedOrDeleted) {
    auto db = memory_db();
    Agreements(*db).add(sample("MOU/1"));
    int rows = db->sql().execAndGet("SELECT count(*) FROM audit").getInt();
    ASSERT_GT(rows, 0);
    try {
        db->sql().exec("UPDATE audit SET user = 'nobody'");
        FAIL() << "the audit trail was changed";
    } catch (const SQLite::Exception& e) {
        EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
    }
    try {
        db->sql().exec("DELETE FROM audit WHERE id = 1");
        FAIL() << "an audit row was deleted";
    } catch (const SQLite::Exception& e) {
        EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
    }
    EXPECT_THROW(db->sql().exec("INSERT OR REPLACE INTO audit(id, at, user, entity, entity_id, field) "
                                "VALUES (1, 'x', 'x', 'x', 0, 'x')"),
                 SQLite::Exception);
    EXPECT_EQ(db->sql().execAndGet("SELECT count(*) FROM audit").getInt(), rows);
    EXPECT_EQ(db->sql().execAndGet("SELECT count(*) FROM audit WHERE user = 'nobody'").getInt(), 0);
    auto history = AuditTrail(*db).history("agreement", 1);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.front().field, "created");
}

TEST(AuditTrail, RecordAndReadBack) {
    auto db = memory_db();
    AuditTrail audit(*db);
    audit.record("assessment", 7, 0, "score", std::nullopt, "3");
    audit.record("assessment", 7, 0, "score", "3", "4");
    audit.record("assessment", 8, 0, "score", "1", std::nullopt);
    auto history = audit.history("assessment", 7);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].entity, "assessment");
    EXPECT_EQ(history[0].entity_id, 7);
    EXPECT_EQ(history[0].field, "score");
    EXPECT_EQ(history[0].old_value, std::nullopt);
    EXPECT_EQ(history[0].new_value, "3");
    EXPECT_EQ(history[0].user, "tester");
    EXPECT_EQ(history[0].at.size(), 20u);
    EXPECT_EQ(history[1].old_value, "3");
    EXPECT_LT(history[0].id, history[1].id);
    auto recent = audit.recent(2);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].entity_id, 8);  // newest first
    EXPECT_EQ(recent[0].new_value, std::nullopt);
    EXPECT_EQ(recent[1].new_value, "4");
    EXPECT_TRUE(audit.history("assessment", 9).empty());
    EXPECT_TRUE(audit.agreement_history(0).empty());  // no agreement: not part of any history
}

TEST(AuditTrail, AgreementHistoryCoversEverythingInIt) {
    auto db = memory_db();
    Agreements agreements(*db);
    Actions actions(*db);
    Id id = agreements.add(sample("MOU/1"));
    Id other = agreements.add(sample("MOU/2"));
    Id party = agreements.get(id).parties[0].id;
    agreements.add_contact(id, party, with<Contact>([&](auto& f) { f.name = "Moussa Ba"; }));
    ActionRecord a;
    a.agreement = id;
    a.title = "Designate a focal point";
    a.due = d("2026-03-01");
    Id action = actions.add(a);
    actions.complete(action, d("2026-02-27"), "letter");
    AgreementRecord r = agreements.get(id);
    r.title = "Renamed";
    agreements.update(r);

    auto history = AuditTrail(*db).agreement_history(id);
    std::vector<std::string> seen;
    for (const auto& e : history) seen.push_back(e.entity + " " + e.field);
    const std::vector<std::string> expected = {"agreement created", "party created",       "party created",
                                               "contact created",   "action created",      "action status",
                                               "action evidence",   "action completed-on", "agreement title"};
    EXPECT_EQ(seen, expected);
    for (std::size_t i = 1; i < history.size(); ++i) EXPECT_LT(history[i - 1].id, history[i].id);
    for (const auto& e : AuditTrail(*db).agreement_history(other)) EXPECT_NE(e.entity_id, action);
    EXPECT_EQ(AuditTrail(*db).history("agreement", id).back().new_value, "Renamed");
    EXPECT_EQ(AuditTrail(*db).recent(1).front().field, "title");
    EXPECT_EQ(AuditTrail(*db).recent(1000).size(), history.size() + AuditTrail(*db).agreement_history(other).size());
}
