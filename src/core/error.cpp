#include "moudesk/core/error.h"

namespace moudesk {

const char* to_string(ErrorCategory category) {
    switch (category) {
        case ErrorCategory::bad_input: return "bad input";
        case ErrorCategory::bad_content: return "bad content";
        case ErrorCategory::environment: return "environment";
        case ErrorCategory::internal: return "internal";
    }
    return "internal";
}

std::string to_string(const SourceLocation& where) {
    std::string out = where.file;
    if (where.line > 0) {
        out += ":" + std::to_string(where.line);
        if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    return out;
}

std::string to_string(const Problem& problem) {
    std::string out = to_string(problem.where);
    if (!out.empty()) out += ": ";
    out += problem.severity == Severity::error ? "error: " : "warning: ";
    out += problem.message;
    return out;
}

void Problems::error(SourceLocation where, std::string message) {
    items_.push_back({Severity::error, std::move(where), std::move(message)});
}

void Problems::warning(SourceLocation where, std::string message) {
    items_.push_back({Severity::warning, std::move(where), std::move(message)});
}

void Problems::append(const Problems& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Problems::has_errors() const {
    for (const auto& p : items_)
        if (p.severity == Severity::error) return true;
    return false;
}

std::string Problems::to_string() const {
    std::string out;
    for (const auto& p : items_) out += moudesk::to_string(p) + "\n";
    return out;
}

}  // namespace moudesk
