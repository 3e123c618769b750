#pragma once
/// @brief Test helpers: a copy of tests/data/library/valid in a fresh folder, edited one way,
/// and lookups of where a piece of text is in a file.

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"

namespace moudesk::content::testing {

inline std::filesystem::path valid_library_dir() {
    return std::filesystem::path(MOUDESK_TEST_DATA_DIR) / "library" / "valid";
}

/// A copy of the valid library under the test output folder, named after the running test.
class LibraryCopy {
public:
    LibraryCopy() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::path(MOUDESK_TEST_OUTPUT_DIR) / "libraries" /
               (std::string(info->test_suite_name()) + "." + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_.parent_path());
        std::filesystem::copy(valid_library_dir(), dir_, std::filesystem::copy_options::recursive);
    }

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path templates() const { return dir_ / "templates"; }
    /// The path a problem names for `name` (the folder as passed, then the file).
    std::string file(const std::string& name) const { return (dir_ / name).string(); }

    /// Replaces the first `from` in `name` by `to`; fails the test when `from` is not there.
    void edit(const std::string& name, std::string_view from, std::string_view to) const {
        std::string text = read_file(dir_ / name);
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << name;
        text.replace(at, from.size(), to);
        write_file_atomically(dir_ / name, text);
    }

    /// 1-based line of the first `needle` in `name`, 0 when absent.
    int line_of(const std::string& name, std::string_view needle) const {
        const std::string text = read_file(dir_ / name);
        const auto at = text.find(needle);
        if (at == std::string::npos) return 0;
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }

    Library load(Problems& problems) const { return load_library(dir_, templates(), problems); }

private:
    std::filesystem::path dir_;
};

/// The first problem whose message contains `text`, or nullptr.
inline const Problem* find_problem(const Problems& problems, std::string_view text) {
    for (const Problem& p : problems.items())
        if (p.message.find(text) != std::string::npos) return &p;
    return nullptr;
}

}  // namespace moudesk::content::testing
