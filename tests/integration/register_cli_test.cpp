// The register from the command line, as a liaison unit scripts it: agreements through their
// lifecycle, actions from commitments, deadlines, exports read by real parsers, backup and
// restore, and the refusals that protect saved data.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "moudesk/core/file.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using moudesk::test::run;
using nlohmann::json;

namespace {

class RegisterCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / (std::string("register-") + info->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = (dir / "register.sqlite").string();
    }
    test::Run cli(std::vector<std::string> args) {
        args.insert(args.begin(), MOUDESK_CLI);
        args.push_back("--db");
        args.push_back(db);
        return run(args);
    }
    // A registered example MOU in force since 2027-02-01; returns its id.
    std::string agreement_in_force() {
        fs::path draft = dir / "mou.moudraft";
        auto made = run({MOUDESK_CLI, "draft", "new", "-o", draft.string()});
        EXPECT_EQ(made.code, 0) << made.err;
        auto r = cli({"agreement", "register-draft", draft.string(), "--reference", "MOU/2027/001"});
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_EQ(cli({"agreement", "set-status", "1", "signed", "--on", "2027-01-10"}).code, 0);
        r = cli({"agreement", "set-status", "1", "in-force", "--on", "2027-02-01", "--reason", "notifications done"});
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_NE(r.out.find("actions created"), std::string::npos) << r.out;
        return "1";
    }
    fs::path dir;
    std::string db;
};

TEST_F(RegisterCli, AnAgreementGoesThroughItsLifecycleAndShowsItAsJson) {
    agreement_in_force();
    EXPECT_EQ(cli({"agreement", "set-date", "1", "duration", "P5Y"}).code, 0);
    auto r = cli({"agreement", "show", "1", "--json", "--today", "2028-01-01"});
    ASSERT_EQ(r.code, 0) << r.err;
    json a = json::parse(r.out);
    EXPECT_EQ(a["status"], "in-force");
    EXPECT_EQ(a["dates"]["entry_into_force"], "2027-02-01");
    EXPECT_EQ(a["standing"]["expiry"], "2032-02-01");
    ASSERT_EQ(a["transitions"].size(), 2u);
    EXPECT_EQ(a["transitions"][1]["reason"], "notifications done");
    EXPECT_GT(a["actions"].size(), 10u);
    EXPECT_EQ(a["versions"].size(), 1u);
    // Every commitment due 30 days after entry into force is due on 2027-03-03.
    bool found = false;
    for (const auto& action : a["actions"]) found |= action["due"] == "2027-03-03";
    EXPECT_TRUE(found);
}

TEST_F(RegisterCli, ARefusedTransitionSaysWhyAndChangesNothing) {
    ASSERT_EQ(cli({"agreement", "add", "--reference", "X/1", "--title", "T", "--party", "customs:Customs"}).code, 0);
    auto r = cli({"agreement", "set-status", "1", "in-force"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("signed"), std::string::npos) << r.err;
    json shown = json::parse(cli({"agreement", "show", "1", "--json"}).out);
    EXPECT_EQ(shown["status"], "draft");
    EXPECT_TRUE(shown["transitions"].empty());
}

TEST_F(RegisterCli, CompletingARecurringActionSchedulesTheNextOne) {
    ASSERT_EQ(cli({"agreement", "add", "--reference", "X/1", "--title", "T"}).code, 0);
    ASSERT_EQ(cli({"action", "add", "--agreement", "1", "--title", "Steering committee", "--due", "2027-01-31",
                   "--every", "P1M"})
                  .code,
              0);
    auto r = cli({"action", "done", "1", "--evidence", "minutes", "--on", "2027-01-31"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("due 2027-02-28"), std::string::npos) << r.out;
    json actions = json::parse(cli({"action", "list", "--agreement", "1", "--json"}).out);
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0]["status"], "done");
    EXPECT_EQ(actions[0]["evidence"], "minutes");
}

TEST_F(RegisterCli, DeadlinesListOverdueActionsFirstAndExportToACalendarLibicalReads) {
    agreement_in_force();
    auto r = cli({"deadlines", "--json", "--today", "2027-04-01", "--within", "60"});
    ASSERT_EQ(r.code, 0) << r.err;
    json list = json::parse(r.out);
    ASSERT_FALSE(list.empty());
    EXPECT_TRUE(list[0]["overdue"].get<bool>());
    EXPECT_EQ(list[0]["date"], "2027-03-03");

    fs::path ics = dir / "deadlines.ics";
    r = cli({"export", "ics", "-o", ics.string(), "--within", "3650"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string text = read_file(ics);
    icalcomponent* calendar = icalparser_parse_string(text.c_str());
    ASSERT_NE(calendar, nullptr);
    int events = 0;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
        ++events;
    icalcomponent_free(calendar);
    EXPECT_GT(events, 10);
}

TEST_F(RegisterCli, SearchFindsWordsInTheRegisteredTextWithoutAccents) {
    fs::path draft = dir / "fr.moudraft";
    ASSERT_EQ(run({MOUDESK_CLI, "draft", "new", "--language", "fr", "-o", draft.string()}).code, 0);
    ASSERT_EQ(cli({"agreement", "register-draft", draft.string(), "--reference", "PROT/1"}).code, 0);
    auto r = cli({"search", "donnees caractere", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    json hits = json::parse(r.out);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0]["reference"], "PROT/1");
    EXPECT_EQ(cli({"search", "\"NEAR( *"}).code, 1);  // no hit, no crash
}

TEST_F(RegisterCli, ExportsWriteTheRegisterAndTheActionPlan) {
    agreement_in_force();
    fs::path csv = dir / "actions.csv", xlsx = dir / "register.xlsx";
    ASSERT_EQ(cli({"export", "csv", "--table", "actions", "-o", csv.string()}).code, 0);
    EXPECT_NE(read_file(csv).find("MOU/2027/001,"), std::string::npos);
    ASSERT_EQ(cli({"export", "xlsx", "-o", xlsx.string()}).code, 0);
    EXPECT_GT(fs::file_size(xlsx), 1000u);
}

TEST_F(RegisterCli, BackupAndRestoreBringBackTheRegister) {
    agreement_in_force();
    fs::path backup = dir / "backup.sqlite";
    ASSERT_EQ(cli({"backup", backup.string()}).code, 0);
    ASSERT_EQ(cli({"agreement", "add", "--reference", "LATER/1", "--title", "Added after the backup"}).code, 0);
    ASSERT_EQ(cli({"restore", backup.string()}).code, 0);
    json list = json::parse(cli({"agreement", "list", "--json"}).out);
    EXPECT_EQ(list["total"], 1);
    // A file that is not a backup is refused and the register is left as it was.
    write_file_atomically(dir / "junk.sqlite", "not a database at all");
    EXPECT_EQ(cli({"restore", (dir / "junk.sqlite").string()}).code, 3);
    EXPECT_EQ(json::parse(cli({"agreement", "list", "--json"}).out)["total"], 1);
}

TEST_F(RegisterCli, ADatabaseFromANewerMoudeskIsRefusedAndLeftUntouched) {
    ASSERT_EQ(cli({"agreement", "list"}).code, 0);  // creates it
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    sqlite3_exec(handle, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(handle);
    std::string before = read_file(db);
    auto r = cli({"agreement", "list"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("newer moudesk"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(db), before);
}

TEST_F(RegisterCli, DemoDataFillsARealisticRegister) {
    auto r = cli({"demo-data", "--agreements", "200"});
    ASSERT_EQ(r.code, 0) << r.err;
    json list = json::parse(cli({"agreement", "list", "--json", "--status", "in-force", "--limit", "5"}).out);
    EXPECT_GT(list["total"].get<int>(), 50);
    EXPECT_EQ(list["agreements"].size(), 5u);
    EXPECT_FALSE(json::parse(cli({"deadlines", "--json", "--within", "365"}).out).empty());
}

}  // namespace
