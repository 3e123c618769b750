#pragma once
// Running a program from a test: its exit code and what it printed.

#include <string>
#include <vector>

namespace moudesk::test {

struct Run {
    int code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

/// Runs `args` (no shell) and waits; `timeout_seconds` later the program is killed (code -1).
Run run(const std::vector<std::string>& args, int timeout_seconds = 120);

/// Whether `program` is found on PATH.
bool on_path(const std::string& program);

/// Every run of white space as one space, trimmed.
std::string normalize_space(const std::string& text);

}  // namespace moudesk::test
