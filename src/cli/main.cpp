// moudesk-cli: the command-line front end. Parses arguments, calls the core, prints results;
// one top-level catch turns any error into a message on stderr and a documented exit code.
#include <SQLiteCpp/Exception.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

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

// A command runs briefly and allocates a few megabytes in small pieces (the clause library alone
// is a hundred thousand strings): taken 4 KiB page by page, that is some 1,500 page faults, about
// a sixth of a draft render. So the heap is reserved in one 16 MiB piece that the kernel may back
// with 2 MiB pages (transparent huge pages, where enabled), and the library loader's second thread
// shares it (one arena). Peak memory stays about the same (10.8 MiB rendering the full MOU).
void prepare_heap() {
    constexpr std::size_t huge_page = 2u << 20;
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);  // the document being written, too, comes from the heap
    // More than the heap has left: it grows by this and the pad, which stays after the free.
    void* first = std::malloc(1 << 20);
    const auto start = (reinterpret_cast<std::uintptr_t>(first) + huge_page - 1) & ~(huge_page - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(huge_page - 1);
    // Only when the heap is where malloc took from (not under a sanitizer's allocator).
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
    std::free(first);
}

}  // namespace

int main(int argc, char** argv) {
    prepare_heap();
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
