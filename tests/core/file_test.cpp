#include "moudesk/core/file.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <unistd.h>
#include <csignal>

#include "moudesk/core/error.h"

namespace fs = std::filesystem;
using namespace moudesk;

namespace {
fs::path out_dir() {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "file_test";
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST(File, WriteThenReadBack) {
    fs::path p = out_dir() / "a.txt";
    write_file_atomically(p, "first");
    write_file_atomically(p, "second");
    EXPECT_EQ(read_file(p), "second");
}

TEST(File, AFailedWriteNamesThePathAndKeepsTheOldFile) {
    fs::path dir = out_dir() / "locked";
    fs::create_directories(dir);
    fs::path p = dir / "keep.txt";
    write_file_atomically(p, "precious");
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
    ::chmod(dir.c_str(), 0555);
    try {
        write_file_atomically(p, "new");
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos);
    }
    ::chmod(dir.c_str(), 0755);
    EXPECT_EQ(read_file(p), "precious");
}

TEST(File, WritingIntoAMissingFolderFailsWithoutLeavingATemporaryFile) {
    fs::path p = out_dir() / "no-such-folder" / "x.txt";
    EXPECT_THROW(write_file_atomically(p, "x"), Error);
    EXPECT_FALSE(fs::exists(p.parent_path()));
}

TEST(File, AFullDiskIsReportedAndTheOldFileSurvives) {
    // A file-size limit makes write() fail as a full disk does, without needing a full disk.
    fs::path p = out_dir() / "full.txt";
    write_file_atomically(p, "old content");
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{4, 4};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            write_file_atomically(p, "much more than four bytes");
        } catch (const Error& e) {
            bool named = std::string(e.what()).find(p.string()) != std::string::npos;
            ::_exit(named ? 0 : 2);
        }
        ::_exit(1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: no error raised, 2: the message does not name the file";
    EXPECT_EQ(read_file(p), "old content");
    for (const auto& entry : fs::directory_iterator(out_dir()))
        EXPECT_EQ(entry.path().filename().string().find(".full.txt.tmp"), std::string::npos) << entry.path();
}

TEST(File, ReadingAMissingFileNamesIt) {
    try {
        read_file("/no/such/file.moudraft");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("/no/such/file.moudraft"), std::string::npos);
    }
}
