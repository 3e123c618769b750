#pragma once
// What every moudesk-cli command shares: exit codes, the clause library and register options,
// and how a command hands its work to main() (parsing first, then one place that runs it and
// turns errors into messages and exit codes).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/store/database.h"

namespace moudesk::cli {

namespace fs = std::filesystem;

// Exit codes, documented in --help.
enum Exit : int {
    ok = 0,
    problems_found = 1,  // library check or lint found errors; render refused an incomplete draft
    usage = 2,           // bad command line
    bad_input = 3,       // the draft file (or another input) is malformed
    bad_content = 4,     // the clause library cannot serve the request
    environment = 5,     // a file could not be read or written
    internal = 70
};

inline constexpr const char* exit_codes_help =
    "Exit codes:\n"
    "  0  success\n"
    "  1  problems found: library check or lint found errors, or render refused a draft with errors\n"
    "  2  bad command line\n"
    "  3  bad input: a draft or other input file is malformed (every problem is listed)\n"
    "  4  bad content: the clause library or a template cannot serve the request\n"
    "  5  environment: a file or folder could not be read or written\n"
    " 70  internal error\n";

/// Moves `value` where it stays until the process ends, never destroyed: a command's model (the
/// clause library, an assembled document: a hundred thousand small allocations) is freed by the
/// exit itself, milliseconds sooner than by its destructors. Held from a static, so leak checkers
/// see it as reachable.
template <class T>
T& keep_until_exit(T value) {
    static auto* kept = new std::vector<std::shared_ptr<void>>;
    kept->push_back(std::make_shared<T>(std::move(value)));
    return *static_cast<T*>(kept->back().get());
}

/// The work of the command the user chose; set by the command's callback during parsing.
using Run = std::function<int()>;

struct LibraryOptions {
    std::string clauses_dir;
    std::string templates_dir;

    void add_to(CLI::App* cmd) {
        cmd->add_option("--library", clauses_dir, "Clause library folder (default: the bundled library)");
        cmd->add_option(
            "--templates", templates_dir,
            "Templates folder (default: ../templates beside --library if it exists, else the bundled ones)");
    }

    std::pair<fs::path, fs::path> paths() const {
        fs::path data = content::bundled_data_dir();
        fs::path clauses = clauses_dir.empty() ? data / "clauses" : fs::path(clauses_dir);
        fs::path templates = templates_dir;
        if (templates.empty()) {
            fs::path beside = clauses / ".." / "templates";
            templates =
                !clauses_dir.empty() && fs::is_directory(beside) ? beside.lexically_normal() : data / "templates";
        }
        return {clauses, templates};
    }

    // Loads the library; problems are reported on stderr but do not stop the work: a broken file
    // is left out and the rest is used. Schema validation is left to `library check`, which keeps
    // drafting commands fast; the semantic checks still run.
    content::Library load() const {
        auto [clauses, templates] = paths();
        Problems problems;
        content::Library lib = content::load_library(clauses, templates, problems, content::SchemaCheck::quick);
        if (problems.has_errors())
            std::cerr << "warning: the clause library in " << clauses.string() << " has problems (" << problems.size()
                      << "); run 'moudesk-cli library check' to see them\n";
        return lib;
    }
};

/// --db FILE, on every register command.
struct RegisterOptions {
    std::string db;

    void add_to(CLI::App* cmd) {
        cmd->add_option("--db", db, "The register database (default: " + store::default_database_path().string() + ")");
    }

    std::unique_ptr<store::Database> open() const {
        store::OpenOptions options;
        options.on_wait = [](const std::string& path) {
            std::cerr << "waiting: another program is writing " << path << "\n";
        };
        return store::Database::open(db.empty() ? store::default_database_path() : fs::path(db), options);
    }
};

void add_library_commands(CLI::App& app, Run& run);
void add_draft_commands(CLI::App& app, Run& run);
void add_register_commands(CLI::App& app, Run& run);
void add_export_commands(CLI::App& app, Run& run);
void add_assessment_commands(CLI::App& app, Run& run);
void add_detect_command(CLI::App& app, Run& run);

}  // namespace moudesk::cli
