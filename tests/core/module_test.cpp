#include "moudesk/core/module.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "moudesk/core/error.h"

namespace moudesk {
namespace {

// MOUDESK_MODULE_DIR points the loader at the test module's folder for each test.
class ModuleTest : public ::testing::Test {
protected:
    void SetUp() override { setenv("MOUDESK_MODULE_DIR", MOUDESK_TEST_MODULE_DIR, 1); }
    void TearDown() override { unsetenv("MOUDESK_MODULE_DIR"); }
};

TEST_F(ModuleTest, SearchesTheEnvironmentFolderFirstThenTheInstalledAndBuildFolders) {
    auto dirs = module_dirs();
    ASSERT_EQ(dirs.size(), 3u);
    EXPECT_EQ(dirs[0], std::filesystem::path(MOUDESK_TEST_MODULE_DIR));
    EXPECT_EQ(dirs[1].filename(), "moudesk");
    unsetenv("MOUDESK_MODULE_DIR");
    EXPECT_EQ(module_dirs().size(), 2u);
}

TEST_F(ModuleTest, LoadsAModuleAndCallsItsFunction) {
    auto answer = reinterpret_cast<int (*)()>(module_symbol("moudesk-test-module", "moudesk_test_answer"));
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(answer(), 42);
    // The second lookup reuses the open module.
    EXPECT_EQ(reinterpret_cast<int (*)()>(module_symbol("moudesk-test-module", "moudesk_test_answer")), answer);
}

TEST_F(ModuleTest, AMissingModuleNamesEveryFileTried) {
    try {
        module_symbol("moudesk-no-such-module", "anything");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        const std::string what = e.what();
        EXPECT_NE(what.find("moudesk-no-such-module"), std::string::npos);
        EXPECT_NE(what.find(std::string(MOUDESK_TEST_MODULE_DIR) + "/moudesk-no-such-module.so: not there"),
                  std::string::npos)
            << what;
    }
}

TEST_F(ModuleTest, ASymbolTheModuleDoesNotExportIsRefusedByName) {
    try {
        module_symbol("moudesk-test-module", "moudesk_test_hidden");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("has no moudesk_test_hidden"), std::string::npos) << e.what();
    }
}

// The test module's table, as this version and as a later one would declare it.
struct TableOfThisVersion {
    static constexpr int current_version = 1;
    int version;
    int answer;
};
struct TableOfALaterVersion {
    static constexpr int current_version = 2;
    int version;
    int answer;
};

TEST_F(ModuleTest, AnEntryTableIsCheckedAgainstItsVersion) {
    EXPECT_EQ(module_table<TableOfThisVersion>("moudesk-test-module", "moudesk_test_table").answer, 42);
    try {
        module_table<TableOfALaterVersion>("moudesk-test-module", "moudesk_test_table");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("moudesk-test-module belongs to another version"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace moudesk
