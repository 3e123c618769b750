#pragma once
/// @brief The one exception family of moudesk, and the problems list used to report
/// everything that is wrong at once.

#include <stdexcept>
#include <string>
#include <vector>

namespace moudesk {

/// What kind of failure an error is; front ends map it to a message style and exit code.
enum class ErrorCategory {
    bad_input,    ///< the user's file or value is wrong (draft, field value, command line)
    bad_content,  ///< the clause library or a template is wrong
    environment,  ///< the machine refused: file not found, disk full, permission
    internal      ///< a bug in moudesk
};

/// Returns "bad input", "bad content", "environment" or "internal".
const char* to_string(ErrorCategory category);

class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, const std::string& message) : std::runtime_error(message), category_(category) {}
    ErrorCategory category() const { return category_; }

private:
    ErrorCategory category_;
};

/// Where a problem is: a file and a 1-based line and column (0 when unknown).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// "file:line:column" (parts that are unknown are left out).
std::string to_string(const SourceLocation& where);

enum class Severity { error, warning };

/// One problem found in content or input, with where it is.
struct Problem {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
};

/// "file:line:column: error: message".
std::string to_string(const Problem& problem);

/// Collects problems so a check can report all of them at once.
class Problems {
public:
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);
    void add(Problem problem) { items_.push_back(std::move(problem)); }
    void append(const Problems& other);

    const std::vector<Problem>& items() const { return items_; }
    bool has_errors() const;
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }

    /// One problem per line, as to_string(Problem).
    std::string to_string() const;

private:
    std::vector<Problem> items_;
};

}  // namespace moudesk
