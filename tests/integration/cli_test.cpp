// moudesk-cli as a user meets it: exit codes, messages that name the file and line, and no
// half-written or overwritten files when something is wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using moudesk::test::run;

namespace {

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / (std::string("cli-") + info->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    test::Run cli(std::vector<std::string> args) {
        args.insert(args.begin(), MOUDESK_CLI);
        return run(args);
    }
    fs::path new_draft(const std::string& instrument = "mou") {
        fs::path p = dir / (instrument + ".moudraft");
        auto r = cli({"draft", "new", "--instrument", instrument, "-o", p.string()});
        EXPECT_EQ(r.code, 0) << r.err;
        return p;
    }
    fs::path dir;
};

TEST_F(Cli, TheBundledLibraryChecksClean) {
    auto r = cli({"library", "check"});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.err.find("24 key elements"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("probing 15 of 15 cooperation elements"), std::string::npos) << r.err;
}

TEST_F(Cli, ABrokenQuestionnaireIsReportedWithFileAndLine) {
    std::string xml = read_file(content::bundled_data_dir() / "diagnostic" / "questionnaire.xml");
    const std::string from = "elements=\"public-communication\"";
    const auto at = xml.find(from);
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, from.size(), "elements=\"public-relations\"");
    const fs::path file = dir / "questionnaire.xml";
    write_file_atomically(file, xml);
    const int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    auto r = cli({"library", "check", "--questionnaire", file.string()});
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find(file.string() + ":" + std::to_string(line) + ":"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("unknown key element 'public-relations'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'public-communication' (Public communication) is probed by no question"), std::string::npos)
        << r.out;
}

TEST_F(Cli, ABrokenLibraryFileIsReportedWithFileAndLine) {
    fs::path lib = dir / "clauses";
    fs::copy(content::bundled_data_dir() / "clauses", lib);
    std::string xml = read_file(lib / "costs.xml");
    xml.replace(xml.find("</clause>"), 9, "</clase>");
    write_file_atomically(lib / "costs.xml", xml);
    auto r = cli({"library", "check", "--library", lib.string(), "--templates",
                  (content::bundled_data_dir() / "templates").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find((lib / "costs.xml").string() + ":"), std::string::npos) << r.out;
    // The rest of the library still loads: drafts can be made without the broken element.
    auto listed = cli({"library", "list", "--library", lib.string()});
    EXPECT_EQ(listed.code, 0);
    EXPECT_NE(listed.out.find("information-exchange.general"), std::string::npos);
    EXPECT_NE(listed.err.find("has problems"), std::string::npos);
}

TEST_F(Cli, LibraryListShowsElementsClausesAndRelations) {
    auto r = cli({"library", "list"});
    ASSERT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("information-exchange  [cooperation"), std::string::npos);
    EXPECT_NE(r.out.find("requires: data-protection.general"), std::string::npos);
    EXPECT_NE(r.out.find("excludes: legal-status.binding"), std::string::npos);
}

TEST_F(Cli, NewDraftsAreCleanForEveryInstrument) {
    for (const char* instrument : {"mou", "moa", "addendum"}) {
        fs::path p = new_draft(instrument);
        auto r = cli({"draft", "lint", p.string()});
        EXPECT_EQ(r.code, 0) << instrument << ":\n" << r.out << r.err;
        EXPECT_EQ(r.out, "") << instrument << ": lint should find nothing in the example";
    }
}

TEST_F(Cli, NewRefusesToOverwriteWithoutForce) {
    fs::path p = new_draft();
    write_file_atomically(p, "mine");
    auto r = cli({"draft", "new", "-o", p.string()});
    EXPECT_EQ(r.code, 5);
    EXPECT_EQ(read_file(p), "mine");
    EXPECT_EQ(cli({"draft", "new", "-o", p.string(), "--force"}).code, 0);
}

TEST_F(Cli, AMalformedDraftIsBadInputNamingFileAndLine) {
    fs::path p = dir / "bad.moudraft";
    write_file_atomically(p, "<moudraft version=\"1\">\n<instrument>mou</instrument>\n<parties>\n</moudraft>\n");
    auto r = cli({"draft", "render", p.string(), "-o", (dir / "out.docx").string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find(p.string() + ":4:"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.docx"));
}

TEST_F(Cli, MissingValuesAreAllListedAndNothingIsWrittenUnlessForced) {
    fs::path p = new_draft();
    std::string xml = read_file(p);
    // Drop every value: each field must be reported, with where it is used.
    auto start = xml.find("<values>");
    auto end = xml.find("</values>");
    ASSERT_NE(start, std::string::npos);
    xml.replace(start, end + 9 - start, "<values/>");
    write_file_atomically(p, xml);
    fs::path out = dir / "out.pdf";
    auto r = cli({"draft", "render", p.string(), "-o", out.string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(fs::exists(out));
    std::size_t missing = 0;
    for (auto pos = r.err.find("has no value"); pos != std::string::npos; pos = r.err.find("has no value", pos + 1))
        ++missing;
    EXPECT_GT(missing, 10u) << r.err;
    EXPECT_NE(r.err.find("used in Article"), std::string::npos);
    auto forced = cli({"draft", "render", p.string(), "-o", out.string(), "--force"});
    EXPECT_EQ(forced.code, 0) << forced.err;
    EXPECT_TRUE(fs::exists(out));
}

TEST_F(Cli, AnUnknownFormatIsAUsageError) {
    fs::path p = new_draft();
    auto r = cli({"draft", "render", p.string(), "-o", (dir / "out.rtf").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(".docx"), std::string::npos);
    EXPECT_EQ(cli({"draft", "frobnicate"}).code, 2);
}

TEST_F(Cli, AnUnwritableOutputIsAnEnvironmentErrorAndLeavesNothing) {
    fs::path p = new_draft();
    fs::path out = dir / "no-such-folder" / "out.docx";
    auto r = cli({"draft", "render", p.string(), "-o", out.string()});
    EXPECT_EQ(r.code, 5);
    EXPECT_NE(r.err.find(out.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out.parent_path()));
}

TEST_F(Cli, RenderingOverAnExistingDocumentReplacesIt) {
    fs::path p = new_draft();
    fs::path out = dir / "out.txt";
    write_file_atomically(out, "old");
    ASSERT_EQ(cli({"draft", "render", p.string(), "-o", out.string()}).code, 0);
    EXPECT_NE(read_file(out).find("Article 1"), std::string::npos);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << "left behind: " << entry.path();
}

TEST_F(Cli, HelpDocumentsTheExitCodes) {
    auto r = cli({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
    EXPECT_NE(r.out.find("5  environment"), std::string::npos);
}

}  // namespace
