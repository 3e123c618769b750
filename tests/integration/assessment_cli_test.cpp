// The diagnostic from the command line: an assessment answered question by question, its gaps
// read against the register, and the loop closed with an addendum or an action plan.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "moudesk/core/file.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using moudesk::test::run;
using nlohmann::json;

namespace {

class AssessmentCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / (std::string("assessment-") + info->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = (dir / "register.sqlite").string();
        // An MOU in force since 2025 whose commitments are overdue, without information exchange.
        fs::path draft = dir / "mou.moudraft";
        EXPECT_EQ(run({MOUDESK_CLI, "draft", "new", "-o", draft.string()}).code, 0);
        EXPECT_EQ(cli({"agreement", "register-draft", draft.string(), "--reference", "MOU/2025/1"}).code, 0);
        EXPECT_EQ(cli({"agreement", "set-status", "1", "signed", "--on", "2025-01-10"}).code, 0);
        EXPECT_EQ(cli({"agreement", "set-status", "1", "in-force", "--on", "2025-02-01"}).code, 0);
        EXPECT_EQ(cli({"agreement", "element", "1", "information-exchange", "--remove"}).code, 0);
        EXPECT_EQ(
            cli({"assessment", "new", "--title", "Valmont 2026", "--country", "Valmont", "--date", "2026-06-01"}).code,
            0);
    }
    test::Run cli(std::vector<std::string> args) {
        args.insert(args.begin(), MOUDESK_CLI);
        args.push_back("--db");
        args.push_back(db);
        return run(args);
    }
    fs::path dir;
    std::string db;
};

TEST_F(AssessmentCli, AnswersGiveScoresPerArea) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "gov.steering-body", "yes", "--evidence", "minutes 2026"}).code, 0);
    ASSERT_EQ(cli({"assessment", "answer", "1", "gov.regular-meetings", "no"}).code, 0);
    EXPECT_EQ(cli({"assessment", "answer", "1", "no.such-question", "yes"}).code, 3);
    EXPECT_EQ(cli({"assessment", "answer", "1", "gov.regular-meetings", "perhaps"}).code, 3);
    json shown = json::parse(cli({"assessment", "show", "1", "--json"}).out);
    json governance;
    for (const auto& area : shown["areas"])
        if (area["area"] == "governance") governance = area;
    ASSERT_FALSE(governance.is_null());
    EXPECT_EQ(governance["answered"], 2);
    // gov.steering-body weighs 2: (2 × 1 + 1 × 0) / 3.
    EXPECT_NEAR(governance["score"].get<double>(), 2.0 / 3.0, 1e-9);
}

TEST_F(AssessmentCli, GapsAreClassifiedFromTheRegister) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "intel.formal-channel", "no"}).code, 0);
    ASSERT_EQ(cli({"assessment", "answer", "1", "people.liaison-officers", "partly"}).code, 0);
    auto r = cli({"assessment", "gaps", "1", "--json", "--today", "2026-06-01"});
    ASSERT_EQ(r.code, 0) << r.err;
    json gaps = json::parse(r.out);
    ASSERT_EQ(gaps.size(), 2u);
    std::map<std::string, std::string> kinds;
    for (const auto& g : gaps)
        for (const auto& e : g["elements"]) kinds[e["element"]] = e["classification"];
    EXPECT_EQ(kinds["information-exchange"], "no-agreement");  // removed from the agreement
    EXPECT_EQ(kinds["liaison-officers"], "not-implemented");   // covered, its actions overdue
    EXPECT_FALSE(gaps[0]["solutions"].empty());
}

TEST_F(AssessmentCli, AnAddendumAddsTheMissingElementsToTheAgreement) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "intel.formal-channel", "no"}).code, 0);
    fs::path addendum = dir / "addendum.moudraft";
    auto r = cli({"addendum", "--agreement", "1", "--assessment", "1", "-o", addendum.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("information-exchange"), std::string::npos) << r.out;
    std::string xml = read_file(addendum);
    EXPECT_NE(xml.find(">addendum</instrument>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("information-exchange"), std::string::npos);
    // It renders (missing signature details are marked, not fatal with --force).
    EXPECT_EQ(
        run({MOUDESK_CLI, "draft", "render", addendum.string(), "-o", (dir / "addendum.txt").string(), "--force"}).code,
        0);
}

TEST_F(AssessmentCli, AnActionPlanAddsOneActionPerGap) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "intel.formal-channel", "no"}).code, 0);
    ASSERT_EQ(cli({"assessment", "answer", "1", "risk.joint-analysis", "partly"}).code, 0);
    int before = static_cast<int>(json::parse(cli({"action", "list", "--agreement", "1", "--json"}).out).size());
    auto r = cli({"assessment", "action-plan", "1", "--agreement", "1", "--due-days", "30"});
    ASSERT_EQ(r.code, 0) << r.err;
    json after = json::parse(cli({"action", "list", "--agreement", "1", "--json"}).out);
    EXPECT_EQ(static_cast<int>(after.size()), before + 2);
}

TEST_F(AssessmentCli, AReassessmentIsComparedWithTheFirst) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "intel.formal-channel", "no"}).code, 0);
    ASSERT_EQ(cli({"assessment", "new", "--from", "1", "--title", "Valmont 2027", "--date", "2027-06-01"}).code, 0);
    ASSERT_EQ(cli({"assessment", "answer", "2", "intel.formal-channel", "yes"}).code, 0);
    json c = json::parse(cli({"assessment", "compare", "1", "2", "--json"}).out);
    EXPECT_EQ(c["improved"], 1);
    EXPECT_EQ(c["worsened"], 0);
    ASSERT_EQ(c["answers"].size(), 1u);
    EXPECT_EQ(c["answers"][0]["question"], "intel.formal-channel");
}

TEST_F(AssessmentCli, TheReportIsWrittenInEachFormat) {
    ASSERT_EQ(cli({"assessment", "answer", "1", "intel.formal-channel", "no"}).code, 0);
    for (const char* ext : {".docx", ".pdf", ".html"}) {
        fs::path out = dir / (std::string("report") + ext);
        auto r = cli({"assessment", "report", "1", "-o", out.string(), "--language", "fr"});
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_GT(fs::file_size(out), 1000u) << out;
    }
    EXPECT_EQ(cli({"assessment", "report", "1", "-o", (dir / "report.odt").string()}).code, 3);
}

TEST_F(AssessmentCli, TheCoverageMatrixShowsOverdueCells) {
    json m = json::parse(cli({"coverage", "--json"}).out);
    ASSERT_EQ(m["agreements"].size(), 1u);
    const json& cells = m["agreements"][0]["cells"];
    EXPECT_EQ(cells["information-exchange"], "not-covered");
    EXPECT_EQ(cells["liaison-officers"], "covered-overdue");
}

}  // namespace
