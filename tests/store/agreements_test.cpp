#include "moudesk/store/agreements.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/audit.h"
#include "moudesk/tracking/commitments.h"
#include "store_test_support.h"

using namespace store_test;
using tracking::Status;

namespace {

std::string message_of_add(Agreements& agreements, const AgreementRecord& r) {
    try {
        agreements.add(r);
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        return e.what();
    }
    ADD_FAILURE() << "the agreement was added";
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::string> references_of(const std::vector<AgreementRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.reference);
    return out;
}

// The audit entries of the agreement for `field`, oldest first.
std::vector<AuditEntry> audit_of(Database& db, Id agreement, const std::string& field) {
    std::vector<AuditEntry> out;
    for (auto& e : AuditTrail(db).history("agreement", agreement))
        if (e.field == field) out.push_back(e);
    return out;
}

AgreementRecord full_record() {
    AgreementRecord r = sample("MOA/2027/004", "Coopération douanière – نص عربي");
    r.instrument = "moa";
    r.level = "collaboration";
    r.languages = {"en", "fr", "ar"};
    r.status = Status::in_force;
    r.dates.signature = d("2025-02-10");
    r.dates.entry_into_force = d("2025-03-01");
    r.dates.duration = p("P5Y");
    r.dates.expiry = d("2030-03-01");
    r.dates.tacit_renewal = p("P1Y");
    r.dates.notice_period = p("P3M");
    r.dates.next_review = d("2026-03-01");
    r.parties[0].country = "SN";
    r.parties[0].signatory_name = "Awa Diop";
    r.parties[0].signatory_title = "Directrice générale";
    r.parties[0].contacts.push_back({0, "focal-point", "Moussa Ba", "Head of intelligence", "m.ba@douanes.sn", "+221"});
    r.parties[0].contacts.push_back({0, "contact", "Fatou Sarr", "Analyst", "f.sarr@douanes.sn", ""});
    r.parties[1].role = "observer";
    r.parties[1].country = "Sénégal";
    r.elements = {{"information-exchange", "draft", std::nullopt},
                  {"joint-operations", "detected", 0.75},
                  {"training-and-exchange", "manual", std::nullopt}};
    return r;
}

}  // namespace

TEST(Agreements, AddAndGetRoundTripEveryField) {
    auto db = memory_db();
    Agreements agreements(*db);
    Id base = agreements.add(sample("MOU/2020/001"));
    AgreementRecord r = full_record();
    r.related = base;
    r.relation = "amends";
    Id id = agreements.add(r);
    ASSERT_GT(id, base);

    AgreementRecord g = agreements.get(id);
    EXPECT_EQ(g.id, id);
    EXPECT_EQ(g.reference, r.reference);
    EXPECT_EQ(g.title, r.title);
    EXPECT_EQ(g.instrument, "moa");
    EXPECT_EQ(g.related, base);
    EXPECT_EQ(g.relation, "amends");
    EXPECT_EQ(g.level, "collaboration");
    EXPECT_EQ(g.languages, r.languages);
    EXPECT_EQ(g.status, Status::in_force);
    EXPECT_EQ(g.dates.signature, r.dates.signature);
    EXPECT_EQ(g.dates.entry_into_force, r.dates.entry_into_force);
    EXPECT_EQ(g.dates.days_after_last_notification, std::nullopt);
    EXPECT_EQ(g.dates.last_notification, std::nullopt);
    EXPECT_EQ(g.dates.duration, r.dates.duration);
    EXPECT_FALSE(g.dates.indefinite);
    EXPECT_EQ(g.dates.expiry, r.dates.expiry);
    EXPECT_EQ(g.dates.tacit_renewal, r.dates.tacit_renewal);
    EXPECT_EQ(g.dates.notice_period, r.dates.notice_period);
    EXPECT_EQ(g.dates.next_review, r.dates.next_review);
    EXPECT_FALSE(g.created_at.empty());
    EXPECT_EQ(g.created_at, g.updated_at);

    ASSERT_EQ(g.parties.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const PartyRecord& want = r.parties[i];
        const PartyRecord& got = g.parties[i];
        EXPECT_GT(got.id, 0);
        EXPECT_EQ(got.name, want.name);
        EXPECT_EQ(got.short_name, want.short_name);
        EXPECT_EQ(got.kind, want.kind);
        EXPECT_EQ(got.country, want.country);
        EXPECT_EQ(got.role, want.role);
        EXPECT_EQ(got.signatory_name, want.signatory_name);
        EXPECT_EQ(got.signatory_title, want.signatory_title);
        ASSERT_EQ(got.contacts.size(), want.contacts.size());
        for (std::size_t j = 0; j < want.contacts.size(); ++j) {
            EXPECT_GT(got.contacts[j].id, 0);
            EXPECT_EQ(got.contacts[j].role, want.contacts[j].role);
            EXPECT_EQ(got.contacts[j].name, want.contacts[j].name);
            EXPECT_EQ(got.contacts[j].function, want.contacts[j].function);
            EXPECT_EQ(got.contacts[j].email, want.contacts[j].email);
            EXPECT_EQ(got.contacts[j].phone, want.contacts[j].phone);
        }
    }
    ASSERT_EQ(g.elements.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(g.elements[i].element, r.elements[i].element);
        EXPECT_EQ(g.elements[i].source, r.elements[i].source);
        EXPECT_EQ(g.elements[i].confidence, r.elements[i].confidence);
    }

    // The other shapes of dates: a notification rule, and an indefinite term.
    AgreementRecord rule = sample("MOU/rule");
    rule.dates.days_after_last_notification = 30;
    rule.dates.last_notification = d("2026-01-15");
    rule.relation = "supersedes";
    rule.related = base;
    AgreementRecord got_rule = agreements.get(agreements.add(rule));
    EXPECT_EQ(got_rule.dates.days_after_last_notification, 30);
    EXPECT_EQ(got_rule.dates.last_notification, d("2026-01-15"));
    EXPECT_EQ(got_rule.dates.entry_into_force, std::nullopt);
    EXPECT_EQ(got_rule.relation, "supersedes");
    auto rows =
        agreements.list(with<AgreementFilter>([&](auto& f) { f.text = ""; }), AgreementSort::reference, false, 0, 100);
    auto row = std::find_if(rows.begin(), rows.end(), [](const AgreementRow& x) { return x.reference == "MOU/rule"; });
    ASSERT_NE(row, rows.end());
    EXPECT_EQ(row->entry_into_force, "2026-02-14");  // computed from the rule

    AgreementRecord indefinite = sample("MOU/indefinite");
    indefinite.dates.indefinite = true;
    indefinite.languages = {"fr"};
    AgreementRecord got_indefinite = agreements.get(agreements.add(indefinite));
    EXPECT_TRUE(got_indefinite.dates.indefinite);
    EXPECT_EQ(got_indefinite.languages, std::vector<std::string>{"fr"});
    EXPECT_TRUE(got_indefinite.level.empty());
    EXPECT_FALSE(got_indefinite.related);
    EXPECT_TRUE(got_indefinite.relation.empty());
}

TEST(Agreements, FindAndExists) {
    auto db = memory_db();
    Agreements agreements(*db);
    Id id = agreements.add(sample("MOU/1"));
    EXPECT_EQ(agreements.find("MOU/1"), id);
    EXPECT_EQ(agreements.find("mou/1"), std::nullopt);
    EXPECT_TRUE(agreements.exists(id));
    EXPECT_FALSE(agreements.exists(id + 1));
    try {
        agreements.get(id + 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    }
}

TEST(Agreements, ADuplicateReferenceIsRefused) {
    auto db = memory_db();
    Agreements agreements(*db);
    agreements.add(sample("MOU/2027/004"));
    auto audit_before = AuditTrail(*db).recent(100).size();
    std::string message = message_of_add(agreements, sample("MOU/2027/004", "Another title"));
    EXPECT_TRUE(contains(message, "MOU/2027/004")) << message;
    EXPECT_EQ(agreements.count({}), 1);
    EXPECT_EQ(AuditTrail(*db).recent(100).size(), audit_before);

    // Changing another agreement's reference to it is refused too.
    Id other = agreements.add(sample("MOU/2027/005"));
    AgreementRecord r = agreements.get(other);
    r.reference = "MOU/2027/004";
    EXPECT_THROW(agreements.update(r), Error);
    EXPECT_EQ(agreements.get(other).reference, "MOU/2027/005");
}

TEST(Agreements, CheckListsEveryProblemAtOnce) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r;
    r.reference = "  ";
    r.title = "";
    r.instrument = "treaty";
    r.relation = "replaces";
    r.level = "friendship";
    r.languages = {"english", "fr"};
    r.parties.push_back(party(" ", "", "army"));
    r.parties.back().role = "witness";
    r.parties.back().contacts.push_back({0, "boss", "", "", "", ""});
    r.elements.push_back({"information-exchange", "guess", std::nullopt});
    r.dates.signature = d("2026-05-01");
    r.dates.entry_into_force = d("2026-04-01");
    r.dates.indefinite = true;
    r.dates.duration = p("P5Y");

    auto problems = agreements.check(r);
    std::string all;
    for (const auto& x : problems) all += x + "\n";
    for (const char* expected :
         {"reference is empty", "title is empty", "treaty", "needs both the relation and the agreement", "replaces",
          "friendship", "'english' is not a language code", "party 1 has no name", "unknown kind 'army'",
          "unknown role 'witness'", "a contact has no name", "unknown role 'boss'", "unknown source 'guess'",
          "before the signature date", "indefinite duration but also has a duration"})
        EXPECT_TRUE(contains(all, expected)) << "missing: " << expected << "\nin:\n" << all;

    std::string message = message_of_add(agreements, r);
    for (const auto& x : problems) EXPECT_TRUE(contains(message, x)) << message;
    EXPECT_EQ(agreements.count({}), 0);
    EXPECT_TRUE(AuditTrail(*db).recent(10).empty());

    AgreementRecord unrelated = sample("MOU/9");
    unrelated.related = 999;
    unrelated.relation = "amends";
    EXPECT_TRUE(contains(message_of_add(agreements, unrelated), "no agreement 999"));
    unrelated.languages.clear();
    EXPECT_TRUE(contains(message_of_add(agreements, unrelated), "no language"));
    EXPECT_TRUE(agreements.check(sample("MOU/ok")).empty());
}

TEST(Agreements, UpdateAuditsEachChangedFieldWithOldAndNewValues) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r = sample("MOU/1", "Old title");
    r.dates.entry_into_force = d("2026-01-01");
    Id id = agreements.add(r);
    auto audit_before = AuditTrail(*db).history("agreement", id).size();

    AgreementRecord changed = agreements.get(id);
    changed.title = "New title";
    changed.languages = {"en", "fr"};
    changed.dates.entry_into_force.reset();
    changed.dates.duration = p("P2Y");
    changed.dates.entry_into_force = d("2026-02-01");
    changed.status = Status::terminated;  // ignored: the status changes only through set_status()
    changed.parties.clear();              // ignored too
    agreements.update(changed);

    AgreementRecord g = agreements.get(id);
    EXPECT_EQ(g.title, "New title");
    EXPECT_EQ(g.languages, (std::vector<std::string>{"en", "fr"}));
    EXPECT_EQ(g.dates.duration, p("P2Y"));
    EXPECT_EQ(g.status, Status::draft);
    EXPECT_EQ(g.parties.size(), 2u);

    auto history = AuditTrail(*db).history("agreement", id);
    ASSERT_EQ(history.size(), audit_before + 4);
    auto title = audit_of(*db, id, "title");
    ASSERT_EQ(title.size(), 1u);
    EXPECT_EQ(title[0].old_value, "Old title");
    EXPECT_EQ(title[0].new_value, "New title");
    EXPECT_EQ(title[0].user, "tester");
    auto languages = audit_of(*db, id, "languages");
    ASSERT_EQ(languages.size(), 1u);
    EXPECT_EQ(languages[0].old_value, "en");
    EXPECT_EQ(languages[0].new_value, "en,fr");
    auto duration = audit_of(*db, id, "duration");
    ASSERT_EQ(duration.size(), 1u);
    EXPECT_EQ(duration[0].old_value, std::nullopt);
    EXPECT_EQ(duration[0].new_value, "P2Y");
    auto eif = audit_of(*db, id, "entry-into-force");
    ASSERT_EQ(eif.size(), 1u);
    EXPECT_EQ(eif[0].old_value, "2026-01-01");
    EXPECT_EQ(eif[0].new_value, "2026-02-01");

    // The computed expiry follows the dates.
    auto rows = agreements.list({}, AgreementSort::reference, false, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].expiry, "2028-02-01");

    // Saving without a change records nothing.
    agreements.update(agreements.get(id));
    EXPECT_EQ(AuditTrail(*db).history("agreement", id).size(), history.size());

    // A change that breaks a rule is refused whole.
    AgreementRecord bad = agreements.get(id);
    bad.title = "Another";
    bad.dates.expiry = d("2020-01-01");
    EXPECT_THROW(agreements.update(bad), Error);
    EXPECT_EQ(agreements.get(id).title, "New title");
    EXPECT_THROW(
        {
            AgreementRecord ghost = sample("MOU/ghost");
            ghost.id = 999;
            agreements.update(ghost);
        },
        Error);
}

TEST(Agreements, SetStatusFollowsTheLifecycle) {
    auto db = memory_db();
    Agreements agreements(*db);
    Id id = agreements.add(sample("MOU/1"));
    auto audit_before = AuditTrail(*db).history("agreement", id).size();

    try {
        agreements.set_status(id, Status::in_force, d("2026-01-01"), "too early");
        FAIL() << "a draft entered into force";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        EXPECT_TRUE(contains(e.what(), "must be signed before it enters into force")) << e.what();
        EXPECT_TRUE(contains(e.what(), "MOU/1")) << e.what();
    }
    EXPECT_EQ(agreements.get(id).status, Status::draft);
    EXPECT_TRUE(agreements.transitions(id).empty());
    EXPECT_EQ(AuditTrail(*db).history("agreement", id).size(), audit_before);
    EXPECT_THROW(agreements.set_status(id, Status::draft, d("2026-01-01"), ""), Error);
    EXPECT_THROW(agreements.set_status(999, Status::signed_, d("2026-01-01"), ""), Error);

    EXPECT_EQ(agreements.set_status(id, Status::under_negotiation, d("2025-11-02"), "first round"), 0);
    agreements.set_status(id, Status::signed_, d("2026-01-10"), "signed in Dakar");
    EXPECT_EQ(agreements.get(id).dates.signature, d("2026-01-10"));  // recorded when missing
    agreements.set_status(id, Status::in_force, d("2026-02-01"), "");
    AgreementRecord g = agreements.get(id);
    EXPECT_EQ(g.status, Status::in_force);
    EXPECT_EQ(g.dates.entry_into_force, d("2026-02-01"));
    agreements.set_status(id, Status::suspended, d("2026-06-01"), "audit");
    agreements.set_status(id, Status::in_force, d("2026-07-01"), "audit over");
    EXPECT_EQ(agreements.get(id).dates.entry_into_force, d("2026-02-01"));  // kept, not moved
    agreements.set_status(id, Status::terminated, d("2027-01-01"), "replaced by a treaty");
    try {
        agreements.set_status(id, Status::in_force, d("2027-02-01"), "");
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(contains(e.what(), "terminated cannot change status")) << e.what();
    }

    auto t = agreements.transitions(id);
    ASSERT_EQ(t.size(), 6u);
    EXPECT_EQ(t[0].from, Status::draft);
    EXPECT_EQ(t[0].to, Status::under_negotiation);
    EXPECT_EQ(t[0].on, d("2025-11-02"));
    EXPECT_EQ(t[0].reason, "first round");
    EXPECT_EQ(t[0].by, "tester");
    EXPECT_FALSE(t[0].recorded_at.empty());
    EXPECT_EQ(t[1].to, Status::signed_);
    EXPECT_EQ(t[1].reason, "signed in Dakar");
    EXPECT_EQ(t[3].from, Status::in_force);
    EXPECT_EQ(t[3].to, Status::suspended);
    EXPECT_EQ(t[5].to, Status::terminated);
    EXPECT_EQ(t[5].on, d("2027-01-01"));

    auto status = audit_of(*db, id, "status");
    ASSERT_EQ(status.size(), 6u);
    EXPECT_EQ(status[2].old_value, "signed");
    EXPECT_EQ(status[2].new_value, "in-force");
    auto eif = audit_of(*db, id, "entry-into-force");
    ASSERT_EQ(eif.size(), 1u);
    EXPECT_EQ(eif[0].new_value, "2026-02-01");
}

TEST(Agreements, ADateATransitionRecordsMustAgreeWithTheOthers) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r = sample("MOU/1");
    r.status = Status::signed_;
    r.dates.signature = d("2026-03-10");
    Id id = agreements.add(r);
    auto audit_before = AuditTrail(*db).history("agreement", id).size();
    try {
        agreements.set_status(id, Status::in_force, d("2026-03-01"), "typo in the date");
        FAIL() << "entered into force before its signature";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        EXPECT_TRUE(contains(e.what(), "before the signature date")) << e.what();
    }
    EXPECT_EQ(agreements.get(id).status, Status::signed_);
    EXPECT_EQ(agreements.get(id).dates.entry_into_force, std::nullopt);
    EXPECT_TRUE(agreements.transitions(id).empty());
    EXPECT_EQ(AuditTrail(*db).history("agreement", id).size(), audit_before);
    agreements.set_status(id, Status::in_force, d("2026-03-10"), "");
    EXPECT_EQ(agreements.get(id).dates.entry_into_force, d("2026-03-10"));

    // Signing after a recorded entry into force is refused the same way.
    AgreementRecord early = sample("MOU/2");
    early.dates.entry_into_force = d("2026-01-01");
    Id other = agreements.add(early);
    EXPECT_THROW(agreements.set_status(other, Status::signed_, d("2026-02-01"), ""), Error);
    EXPECT_EQ(agreements.get(other).status, Status::draft);
}

TEST(Agreements, EnteringIntoForceKeepsAGivenEntryIntoForceRule) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r = sample("MOU/1");
    r.status = Status::signed_;
    r.dates.days_after_last_notification = 30;
    r.dates.last_notification = d("2026-03-01");
    Id id = agreements.add(r);
    agreements.set_status(id, Status::in_force, d("2026-03-31"), "");
    AgreementRecord g = agreements.get(id);
    EXPECT_EQ(g.dates.entry_into_force, std::nullopt);  // the rule gives it; no contradiction added
    EXPECT_TRUE(agreements.check(g).empty());
}

class AgreementsWithLibrary : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        Problems problems;
        fs::path data = content::bundled_data_dir();
        library_ = new content::Library(
            content::load_library(data / "clauses", data / "templates", problems, content::SchemaCheck::quick));
        ASSERT_FALSE(problems.has_errors()) << problems.to_string();
    }
    static void TearDownTestSuite() {
        delete library_;
        library_ = nullptr;
    }
    static const content::Library& library() { return *library_; }
    static drafting::Draft draft() {
        return drafting::example_draft(library(), Instrument::mou, {Language::en}, drafting::Layout::single);
    }

private:
    static content::Library* library_;
};

content::Library* AgreementsWithLibrary::library_ = nullptr;

TEST_F(AgreementsWithLibrary, AddVersionNumbersVersionsAndRecordsTheDraftsElements) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r = sample("MOU/1");
    r.elements = {{"information-exchange", "manual", std::nullopt}};
    Id id = agreements.add(r);
    drafting::Draft dr = draft();
    std::string xml = drafting::serialize_draft(dr);
    EXPECT_EQ(agreements.add_version(id, xml, "The text, first version.", "first draft"), 1);
    EXPECT_EQ(agreements.add_version(id, xml, "The text, second version.", ""), 2);
    auto versions = agreements.versions(id);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].version, 1);
    EXPECT_EQ(versions[0].label, "first draft");
    EXPECT_EQ(versions[0].saved_by, "tester");
    EXPECT_TRUE(versions[0].draft.empty());  // lists carry no texts
    EXPECT_EQ(versions[1].version, 2);
    DocumentVersion v1 = agreements.version(id, 1);
    EXPECT_EQ(v1.draft, xml);
    EXPECT_EQ(v1.rendered_text, "The text, first version.");
    EXPECT_THROW(agreements.version(id, 3), Error);
    EXPECT_THROW(agreements.add_version(id, "<not a draft", "", ""), Error);
    EXPECT_THROW(agreements.add_version(999, xml, "", ""), Error);
    EXPECT_EQ(agreements.versions(id).size(), 2u);

    AgreementRecord g = agreements.get(id);
    std::map<std::string, std::string> sources;
    for (const auto& e : g.elements) sources[e.element] = e.source;
    ASSERT_FALSE(dr.elements.empty());
    for (const auto& e : dr.elements) EXPECT_EQ(sources[e.slug], "draft") << e.slug;
    EXPECT_EQ(sources.size(), dr.elements.size() + (dr.has_element("information-exchange") ? 0 : 1));
    EXPECT_EQ(sources["information-exchange"], "draft");

    auto versions_audit = audit_of(*db, id, "version");
    ASSERT_EQ(versions_audit.size(), 2u);
    EXPECT_EQ(versions_audit[0].new_value, "1 first draft");
}

TEST_F(AgreementsWithLibrary, EnteringIntoForceCreatesTheActionsOfTheCommitmentsOnce) {
    auto db = memory_db();
    Agreements agreements(*db);
    Actions actions(*db);
    Id id = agreements.add(sample("MOU/1"));
    drafting::Draft dr = draft();
    agreements.add_version(id, drafting::serialize_draft(dr), "text", "signed text");
    agreements.set_status(id, Status::signed_, d("2026-01-15"), "");

    // Without a library no action is created.
    Id other = agreements.add(sample("MOU/2"));
    agreements.add_version(other, drafting::serialize_draft(dr), "text", "");
    agreements.set_status(other, Status::signed_, d("2026-01-15"), "");
    EXPECT_EQ(agreements.set_status(other, Status::in_force, d("2026-01-31"), ""), 0);
    EXPECT_TRUE(actions.list(actions_of(other)).empty());

    const tracking::Date eif = d("2026-01-31");
    auto plan = tracking::plan_actions(library(), dr, eif, Language::en);
    ASSERT_FALSE(plan.empty());
    int created = agreements.set_status(id, Status::in_force, eif, "", &library());
    EXPECT_EQ(created, static_cast<int>(plan.size()));

    AgreementRecord g = agreements.get(id);
    EXPECT_EQ(g.dates.entry_into_force, eif);
    auto made = actions.list(actions_of(id));
    ASSERT_EQ(made.size(), plan.size());
    std::map<std::string, std::vector<ActionRecord>> by_commitment;
    for (const auto& a : made) by_commitment[a.commitment].push_back(a);

    int each = 0;
    for (const auto& planned : plan) {
        auto& found = by_commitment[planned.commitment];
        auto match = std::find_if(found.begin(), found.end(), [&](const ActionRecord& a) {
            std::optional<Id> owner;
            if (planned.party >= 0) owner = g.parties[static_cast<std::size_t>(planned.party)].id;
            return a.owner_party == owner;
        });
        ASSERT_NE(match, found.end()) << planned.commitment;
        EXPECT_EQ(match->due, planned.due) << planned.commitment;
        EXPECT_EQ(match->clause, planned.clause);
        EXPECT_EQ(match->element, planned.element);
        EXPECT_EQ(match->title, planned.title);
        EXPECT_EQ(match->recurrence, planned.recurrence);
        if (planned.recurrence) {
            EXPECT_EQ(match->series_start, planned.due);
        }
        EXPECT_EQ(match->status, tracking::ActionStatus::not_started);
        if (planned.party >= 0) ++each;
    }
    EXPECT_GT(each, 0) << "the example draft has commitments of each party";

    // A commitment for "each" party: one action per party, due entry into force + its delay (P30D).
    auto& contacts = by_commitment["annexes.contact-lists"];
    if (!contacts.empty()) {
        ASSERT_EQ(contacts.size(), 2u);
        EXPECT_NE(contacts[0].owner_party, contacts[1].owner_party);
        EXPECT_EQ(contacts[0].due, d("2026-03-02"));
    }

    // Suspended and back in force: no second set of actions.
    agreements.set_status(id, Status::suspended, d("2026-05-01"), "");
    EXPECT_EQ(agreements.set_status(id, Status::in_force, d("2026-06-01"), "", &library()), 0);
    EXPECT_EQ(actions.list(actions_of(id)).size(), plan.size());
    EXPECT_EQ(agreements.get(id).dates.entry_into_force, eif);
}

TEST_F(AgreementsWithLibrary, EnteringIntoForceWithoutAStoredVersionCreatesNoAction) {
    auto db = memory_db();
    Agreements agreements(*db);
    AgreementRecord r = sample("MOU/1");
    r.status = Status::signed_;
    Id id = agreements.add(r);
    EXPECT_EQ(agreements.set_status(id, Status::in_force, d("2026-01-31"), "", &library()), 0);
    EXPECT_TRUE(Actions(*db).list(actions_of(id)).empty());
}

TEST(Agreements, PartiesAndContacts) {
    auto db = memory_db();
    Agreements agreements(*db);
    Id id = agreements.add(sample("MOU/1"));
    Id other = agreements.add(sample("MOU/2"));
    PartyRecord gendarmerie = party("Gendarmerie nationale", "GN", "gendarmerie");
    gendarmerie.contacts.push_back({0, "focal-point", "Cdt Ndiaye", "", "", ""});
    Id gn = agreements.add_party(id, gendarmerie);
    AgreementRecord g = agreements.get(id);
    ASSERT_EQ(g.parties.size(), 3u);
    EXPECT_EQ(g.parties[2].id, gn);
    ASSERT_EQ(g.parties[2].contacts.size(), 1u);
    EXPECT_EQ(g.parties[2].contacts[0].name, "Cdt Ndiaye");
    EXPECT_THROW(agreements.add_party(id, party("", "", "police")), Error);
    EXPECT_THROW(agreements.add_party(999, party("X", "", "police")), Error);

    // Change: each field audited.
    PartyRecord changed = g.parties[2];
    changed.short_name = "Gendarmerie";
    changed.signatory_title = "Général";
    agreements.update_party(id, changed);
    auto history = AuditTrail(*db).history("party", gn);
    ASSERT_GE(history.size(), 3u);
    EXPECT_EQ(history[0].field, "created");
    EXPECT_EQ(history[1].field, "short_name");
    EXPECT_EQ(history[1].old_value, "GN");
    EXPECT_EQ(history[1].new_value, "Gendarmerie");
    EXPECT_EQ(history[2].field, "signatory_title");
    EXPECT_EQ(agreements.get(id).parties[2].short_name, "Gendarmerie");
    changed.kind = "navy";
    EXPECT_THROW(agreements.update_party(id, changed), Error);
    EXPECT_THROW(agreements.update_party(other, agreements.get(id).parties[2]), Error);  // not its party

    // Move: up, then past the top does nothing.
    agreements.move_party(id, gn, -1);
    g = agreements.get(id);
    EXPECT_EQ(g.parties[1].id, gn);
    agreements.move_party(id, gn, -1);
    agreements.move_party(id, gn, -1);
    g = agreements.get(id);
    EXPECT_EQ(g.parties[0].id, gn);
    EXPECT_EQ(g.parties[1].short_name, "Customs");
    EXPECT_EQ(g.parties[2].short_name, "Police");
    agreements.move_party(id, g.parties[2].id, +1);
    EXPECT_EQ(agreements.get(id).parties[2].short_name, "Police");
    auto rows = agreements.list(with<AgreementFilter>([&](auto& f) { f.party = "Gendarmerie"; }),
                                AgreementSort::reference, false, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].parties, "Gendarmerie – Customs – Police");

    // Contacts.
    Contact c;
    c.name = "Lt Diallo";
    c.role = "contact";
    c.email = "diallo@gendarmerie.sn";
    Id cid = agreements.add_contact(id, gn, c);
    g = agreements.get(id);
    ASSERT_EQ(g.parties[0].contacts.size(), 2u);
    EXPECT_EQ(g.parties[0].contacts[1].id, cid);
    EXPECT_EQ(g.parties[0].contacts[1].email, "diallo@gendarmerie.sn");
    c.role = "chief";
    EXPECT_THROW(agreements.add_contact(id, gn, c), Error);
    EXPECT_THROW(agreements.add_contact(other, gn, with<Contact>([&](auto& f) { f.name = "X"; })), Error);
    EXPECT_THROW(agreements.remove_contact(other, cid), Error);
    agreements.remove_contact(id, cid);
    EXPECT_EQ(agreements.get(id).parties[0].contacts.size(), 1u);
    auto contact_history = AuditTrail(*db).history("contact", cid);
    ASSERT_EQ(contact_history.size(), 2u);
    EXPECT_EQ(contact_history[1].field, "removed");
    EXPECT_EQ(contact_history[1].old_value, "Lt Diallo");

    // Remove a party: its contacts go with it.
    EXPECT_THROW(agreements.remove_party(other, gn), Error);
    agreements.remove_party(id, gn);
    g = agreements.get(id);
    ASSERT_EQ(g.parties.size(), 2u);
    EXPECT_EQ(db->sql().execAndGet("SELECT count(*) FROM contact").getInt(), 0);
    EXPECT_EQ(AuditTrail(*db).history("party", gn).back().field, "removed");
}

TEST(Agreements, ElementsSetAndRemoved) {
    auto db = memory_db();
    Agreements agreements(*db);
    Id id = agreements.add(sample("MOU/1"));
    agreements.set_element(id, {"joint-operations", "detected", 0.6});
    agreements.set_element(id, {"joint-operations", "manual", std::nullopt});
    auto g = agreements.get(id);
    ASSERT_EQ(g.elements.size(), 1u);
    EXPECT_EQ(g.elements[0].source, "manual");
    EXPECT_EQ(g.elements[0].confidence, std::nullopt);
    EXPECT_THROW(agreements.set_element(id, {"joint-operations", "rumour", std::nullopt}), Error);
    EXPECT_THROW(agreements.set_element(999, {"joint-operations", "manual", std::nullopt}), Error);
    agreements.remove_element(id, "joint-operations");
    agreements.remove_element(id, "never-there");
    EXPECT_TRUE(agreements.get(id).elements.empty());
    auto history = audit_of(*db, id, "element joint-operations");
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].new_value, "detected");
    EXPECT_EQ(history[1].old_value, "detected");
    EXPECT_EQ(history[1].new_value, "manual");
    EXPECT_EQ(history[2].new_value, std::nullopt);
}

TEST(Agreements, ListFiltersSortsAndCounts) {
    auto db = memory_db();
    Agreements agreements(*db);
    auto add = [&](const std::string& ref, const std::string& instrument, Status status, const std::string& party_name,
                   const std::string& element, std::optional<tracking::Date> review, const std::string& title) {
        AgreementRecord r = sample(ref, title);
        r.instrument = instrument;
        r.status = status;
        r.parties[1].name = party_name;
        r.parties[1].short_name = "";
        if (!element.empty()) r.elements.push_back({element, "manual", std::nullopt});
        r.dates.next_review = review;
        if (status != Status::draft) r.dates.entry_into_force = d("2026-01-01");
        return agreements.add(r);
    };
    add("C-3", "mou", Status::in_force, "Police 100% nationale", "information-exchange", d("2026-03-01"),
        "Échange de données");
    add("A-1", "moa", Status::draft, "Police_judiciaire", "joint-operations", std::nullopt, "Opérations conjointes");
    add("B-2", "mou", Status::signed_, "Gendarmerie", "information-exchange", d("2026-09-01"), "Formation");
    add("D-4", "addendum", Status::terminated, "Police", "", d("2026-02-01"), "Avenant");

    auto list = [&](const AgreementFilter& f, AgreementSort sort = AgreementSort::reference, bool desc = false) {
        return references_of(agreements.list(f, sort, desc, 0, 100));
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(list({}), (V{"A-1", "B-2", "C-3", "D-4"}));
    EXPECT_EQ(list({}, AgreementSort::reference, true), (V{"D-4", "C-3", "B-2", "A-1"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.status = "in-force"; })), (V{"C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.instrument = "mou"; })), (V{"B-2", "C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "police"; })),
              (V{"A-1", "C-3", "D-4"}));  // case does not matter (ASCII)
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "100%"; })), (V{"C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "%"; })),
              (V{"C-3"}));  // % is a character, not a wildcard
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "e_j"; })), (V{"A-1"}));  // _ too
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "_"; })), (V{"A-1"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "\\"; })), V{});
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.party = "Customs"; })),
              (V{"A-1", "B-2", "C-3", "D-4"}));  // short names count
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.element = "information-exchange"; })), (V{"B-2", "C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) {
                  f.due_for_review = true;
                  f.review_by = d("2026-06-30");
              })),
              (V{"C-3"}));  // not the terminated one
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) {
                  f.due_for_review = true;
                  f.review_by = d("2026-12-31");
              })),
              (V{"B-2", "C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.text = "donnees"; })), (V{"C-3"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.text = "oper"; })), (V{"A-1"}));
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.text = "   "; })),
              (V{"A-1", "B-2", "C-3", "D-4"}));  // no words: no text filter
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) { f.text = "\"NEAR( * - :"; })), V{});
    EXPECT_EQ(list(with<AgreementFilter>([&](auto& f) {
                  f.instrument = "mou";
                  f.party = "gendarmerie";
              })),
              (V{"B-2"}));
    EXPECT_EQ(list({}, AgreementSort::title), (V{"D-4", "B-2", "A-1", "C-3"}));
    EXPECT_EQ(list({}, AgreementSort::status), (V{"A-1", "C-3", "B-2", "D-4"}));
    EXPECT_EQ(list({}, AgreementSort::instrument), (V{"D-4", "A-1", "C-3", "B-2"}));  // then by id
    EXPECT_EQ(list({}, AgreementSort::next_review), (V{"A-1", "D-4", "C-3", "B-2"}));
    EXPECT_EQ(list({}, AgreementSort::entry_into_force).front(), "A-1");

    auto page = agreements.list({}, AgreementSort::reference, false, 1, 2);
    EXPECT_EQ(references_of(page), (V{"B-2", "C-3"}));
    EXPECT_EQ(page[0].instrument, "mou");
    EXPECT_EQ(page[0].status, "signed");
    EXPECT_EQ(page[0].parties, "Customs – Gendarmerie");
    EXPECT_EQ(page[0].next_review, "2026-09-01");
    EXPECT_EQ(page[1].entry_into_force, "2026-01-01");

    EXPECT_EQ(agreements.count({}), 4);
    EXPECT_EQ(agreements.count(with<AgreementFilter>([&](auto& f) { f.party = "police"; })), 3);
    EXPECT_EQ(agreements.count(with<AgreementFilter>([&](auto& f) { f.text = "donnees"; })), 1);
    EXPECT_EQ(agreements.count(with<AgreementFilter>([&](auto& f) { f.status = "expired"; })), 0);
}

TEST(Agreements, RefreshComputedDatesRollsATacitRenewalForward) {
    auto db = memory_db();
    Agreements agreements(*db);
    const tracking::Date today = tracking::Date::today();
    AgreementRecord r = sample("MOU/renewing");
    r.status = Status::in_force;
    r.dates.entry_into_force = subtract(today, p("P1Y6M"));
    r.dates.duration = p("P2Y");
    r.dates.tacit_renewal = p("P1Y");
    r.dates.notice_period = p("P3M");
    Id id = agreements.add(r);
    AgreementRecord fixed = sample("MOU/fixed");
    fixed.dates.entry_into_force = subtract(today, p("P1Y"));
    fixed.dates.duration = p("P2Y");
    agreements.add(fixed);

    auto expiry_of = [&](const std::string& ref) {
        for (const auto& row : agreements.list({}, AgreementSort::reference, false, 0, 10))
            if (row.reference == ref) return row.expiry;
        return std::string("?");
    };
    const tracking::Date first = add(*r.dates.entry_into_force, p("P2Y"));
    EXPECT_EQ(expiry_of("MOU/renewing"), first.iso());
    EXPECT_EQ(agreements.refresh_computed_dates(today), 0);  // nothing has rolled over yet

    // A year on, the first term is over: the expiry moves by the renewal period.
    EXPECT_EQ(agreements.refresh_computed_dates(first), 1);
    EXPECT_EQ(expiry_of("MOU/renewing"), add(first, p("P1Y")).iso());
    EXPECT_EQ(expiry_of("MOU/fixed"), add(*fixed.dates.entry_into_force, p("P2Y")).iso());
    SQLite::Statement notice(db->sql(), "SELECT computed_notice_deadline FROM agreement WHERE id = ?");
    notice.bind(1, static_cast<int64_t>(id));
    ASSERT_TRUE(notice.executeStep());
    EXPECT_EQ(notice.getColumn(0).getString(), subtract(add(first, p("P1Y")), p("P3M")).iso());
    EXPECT_EQ(agreements.refresh_computed_dates(first), 0);
    // Refreshing is not a change the user made.
    EXPECT_TRUE(audit_of(*db, id, "expiry").empty());
}

TEST(Agreements, HostileTextIsStoredAndReadBackIntact) {
    auto db = memory_db();
    Agreements agreements(*db);
    const std::vector<std::string> texts = {
        "O'Brien \"quoted\" `back` ; DROP TABLE agreement; --",
        "' OR 1=1 --",
        "Robert'); DELETE FROM audit; --",
        "🚓🛃 coopération 🤝",
        "مذكرة تفاهم بين الجمارك والشرطة",
        "100% _match_ \\ backslash",
        "line one\nline two\ttab",
        std::string(5000, 'x'),
    };
    std::vector<Id> ids;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        AgreementRecord r = sample(texts[i].substr(0, 200) + std::to_string(i), texts[i]);
        r.parties[0].name = texts[i];
        r.parties[0].signatory_title = texts[i];
        r.parties[0].contacts.push_back({0, "focal-point", texts[i], texts[i], texts[i], texts[i]});
        r.elements.push_back({texts[i], "manual", std::nullopt});
        ids.push_back(agreements.add(r));
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        AgreementRecord g = agreements.get(ids[i]);
        EXPECT_EQ(g.title, texts[i]);
        EXPECT_EQ(g.reference, texts[i].substr(0, 200) + std::to_string(i));
        EXPECT_EQ(g.parties[0].name, texts[i]);
        EXPECT_EQ(g.parties[0].signatory_title, texts[i]);
        EXPECT_EQ(g.parties[0].contacts[0].phone, texts[i]);
        EXPECT_EQ(g.elements[0].element, texts[i]);
        EXPECT_EQ(agreements.find(g.reference), ids[i]);
        EXPECT_EQ(agreements.count(with<AgreementFilter>(
                      [&](auto& f) { f.party = texts[i].size() > 100 ? texts[i].substr(0, 40) : texts[i]; })),
                  1)
            << texts[i];
    }
    EXPECT_EQ(agreements.count({}), static_cast<int>(texts.size()));
    EXPECT_FALSE(AuditTrail(*db).recent(1).empty());
    EXPECT_EQ(db->integrity_check(), "ok");
}
