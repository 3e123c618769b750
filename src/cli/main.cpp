// moudesk-cli: the command-line front end. Parses arguments, calls the core, prints results;
// one top-level catch turns any error into a message on stderr and a documented exit code.
#include <SQLiteCpp/Exception.h>

#include "cli_common.h"

using namespace moudesk;
using namespace moudesk::cli;

namespace {

int exit_for(ErrorCategory c) {
    switch (c) {
        case ErrorCategory::bad_input: return bad_input;
        case ErrorCategory::bad_content: return bad_content;
        case ErrorCategory::environment: return environment;
        case ErrorCategory::internal: return internal;
    }
    return internal;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"moudesk-cli — draft, keep and check customs–police cooperation agreements"};
    app.footer(exit_codes_help);
    app.set_version_flag("--version", std::string("moudesk-cli ") + MOUDESK_VERSION);
    app.require_subcommand(1);

    Run run;
    add_library_commands(app, run);
    add_draft_commands(app, run);
    add_register_commands(app, run);
    add_export_commands(app, run);
    add_assessment_commands(app, run);
    add_detect_command(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? ok : usage;
    }
    if (!run) return usage;

    try {
        return run();
    } catch (const Error& e) {
        std::string what = e.what();
        std::cerr << "error (" << to_string(e.category()) << "): " << what << (what.ends_with('\n') ? "" : "\n");
        return exit_for(e.category());
    } catch (const SQLite::Exception& e) {
        // The disk, the file or another program refused: say so with SQLite's words.
        std::cerr << "error (environment): the register database: " << e.what() << "\n";
        return environment;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return internal;
    }
}
