// moudesk-cli: the command-line front end. Parses arguments, calls the core, prints results;
// one top-level catch turns any error into a message on stderr and a documented exit code.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/writer.h"

namespace fs = std::filesystem;
using namespace moudesk;

namespace {

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

constexpr const char* exit_codes_help =
    "Exit codes:\n"
    "  0  success\n"
    "  1  problems found: library check or lint found errors, or render refused a draft with errors\n"
    "  2  bad command line\n"
    "  3  bad input: a draft or other input file is malformed (every problem is listed)\n"
    "  4  bad content: the clause library or a template cannot serve the request\n"
    "  5  environment: a file or folder could not be read or written\n"
    " 70  internal error\n";

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

int library_check(const LibraryOptions& opts) {
    auto [clauses, templates] = opts.paths();
    Problems problems;
    content::Library lib = content::load_library(clauses, templates, problems);
    std::cout << problems.to_string();
    std::size_t errors = 0;
    for (const auto& p : problems.items()) errors += p.severity == Severity::error;
    std::cerr << clauses.string() << ": " << lib.elements.size() << " key elements, " << lib.clauses.size()
              << " clauses, " << lib.fields.size() << " fields, " << lib.terms.size() << " terms, "
              << lib.templates.size() << " templates; " << errors << " errors, " << problems.size() - errors
              << " warnings\n";
    return errors > 0 ? problems_found : ok;
}

int library_list(const LibraryOptions& opts) {
    content::Library lib = opts.load();
    for (const auto& e : lib.elements) {
        std::cout << e.slug << "  [" << (e.group == content::ElementGroup::cooperation ? "cooperation" : "final")
                  << ", handbook " << e.section << "]  " << e.title.en << " / " << e.title.fr << "\n";
        for (const content::Clause* c : lib.clauses_of(e.slug)) {
            std::cout << "  " << c->id << (c->is_default ? " (default)" : "") << "  " << c->title.en << "\n";
            std::string instruments, levels;
            for (auto i : c->instruments) instruments += (instruments.empty() ? "" : ", ") + std::string(to_code(i));
            for (const auto& v : c->variants)
                levels += (levels.empty() ? "" : ", ") + std::string(v.level ? to_code(*v.level) : "single");
            std::cout << "    instruments: " << instruments << "; variants: " << levels << "\n";
            if (!c->requires_.empty()) {
                std::cout << "    requires:";
                for (const auto& r : c->requires_) std::cout << " " << r;
                std::cout << "\n";
            }
            if (!c->excludes.empty()) {
                std::cout << "    excludes:";
                for (const auto& x : c->excludes) std::cout << " " << x;
                std::cout << "\n";
            }
        }
    }
    return ok;
}

struct NewOptions {
    std::string output;
    std::string instrument = "mou";
    std::string language = "en";
    std::string layout = "side-by-side";
    bool force = false;
};

int draft_new(const LibraryOptions& lib_opts, const NewOptions& o) {
    auto instrument = instrument_from_code(o.instrument);
    std::vector<Language> languages;
    if (o.language == "en")
        languages = {Language::en};
    else if (o.language == "fr")
        languages = {Language::fr};
    else if (o.language == "en+fr")
        languages = {Language::en, Language::fr};
    else if (o.language == "fr+en")
        languages = {Language::fr, Language::en};
    auto layout = o.layout == "sequence" ? drafting::Layout::sequence : drafting::Layout::side_by_side;
    if (!instrument || languages.empty()) {
        std::cerr << "error: --instrument is mou, moa or addendum; --language is en, fr, en+fr or fr+en\n";
        return usage;
    }
    if (fs::exists(o.output) && !o.force) {
        std::cerr << "error: " << o.output << " already exists; use --force to replace it\n";
        return environment;
    }
    content::Library lib = lib_opts.load();
    drafting::Draft d = drafting::example_draft(lib, *instrument, languages, layout);
    drafting::save_draft(d, o.output);
    drafting::Assembly a = drafting::assemble(lib, d);
    std::cout << "wrote " << o.output << ": " << to_code(d.instrument) << ", " << o.language << ", "
              << d.elements.size() << " key elements, " << a.clauses.size() << " articles, " << d.values.size()
              << " field values\n";
    return ok;
}

void print_findings(const std::vector<drafting::Finding>& findings, const std::string& file) {
    for (const auto& f : findings) std::cout << file << ": " << drafting::to_string(f) << "\n";
}

int draft_lint(const LibraryOptions& lib_opts, const std::string& file) {
    content::Library lib = lib_opts.load();
    drafting::Draft d = drafting::read_draft(file);
    drafting::Assembly a = drafting::assemble(lib, d);
    auto findings = drafting::lint(lib, d, a);
    print_findings(findings, file);
    std::size_t errors = 0;
    for (const auto& f : findings) errors += f.severity == Severity::error;
    std::cerr << file << ": " << a.clauses.size() << " articles; " << errors << " errors, " << findings.size() - errors
              << " warnings\n";
    return errors > 0 ? problems_found : ok;
}

int draft_render(const LibraryOptions& lib_opts, const std::string& file, const std::string& output, bool force) {
    auto format = render::format_from_path(output);
    if (!format) {
        std::cerr << "error: cannot tell the format of " << output << " (use .docx, .odt, .pdf, .html or .txt)\n";
        return usage;
    }
    content::Library lib = lib_opts.load();
    drafting::Draft d = drafting::read_draft(file);
    drafting::Assembly a = drafting::assemble(lib, d);
    if (a.has_errors()) {
        for (const auto& f : a.findings)
            if (f.severity == Severity::error || !force) std::cerr << file << ": " << drafting::to_string(f) << "\n";
        if (!force) {
            std::cerr << "not rendered: fix the errors above, or use --force to render with the gaps marked\n";
            return problems_found;
        }
    }
    render::write_document(a.document, *format, output);
    std::cout << "wrote " << output << " (" << a.clauses.size() << " articles)\n";
    return ok;
}

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

    LibraryOptions lib_opts;

    auto* library = app.add_subcommand("library", "Check or list the clause library");
    library->require_subcommand(1);
    auto* check = library->add_subcommand("check", "Validate the library; print every problem as file:line:column");
    lib_opts.add_to(check);
    auto* list = library->add_subcommand("list", "List key elements with their clauses and variants");
    lib_opts.add_to(list);

    auto* draft = app.add_subcommand("draft", "Create, lint and render drafts (.moudraft)");
    draft->require_subcommand(1);
    NewOptions new_opts;
    auto* draft_new_cmd = draft->add_subcommand("new", "Write a complete example draft");
    draft_new_cmd->add_option("-o,--output", new_opts.output, "The .moudraft file to write")->required();
    draft_new_cmd->add_option("--instrument", new_opts.instrument, "mou, moa or addendum")
        ->check(CLI::IsMember({"mou", "moa", "addendum"}));
    draft_new_cmd->add_option("--language", new_opts.language, "en, fr, en+fr or fr+en")
        ->check(CLI::IsMember({"en", "fr", "en+fr", "fr+en"}));
    draft_new_cmd->add_option("--layout", new_opts.layout, "two languages: side-by-side or sequence")
        ->check(CLI::IsMember({"side-by-side", "sequence"}));
    draft_new_cmd->add_flag("--force", new_opts.force, "Replace an existing file");
    lib_opts.add_to(draft_new_cmd);

    std::string draft_file;
    auto* lint_cmd = draft->add_subcommand("lint", "Report problems in a draft");
    lint_cmd->add_option("file", draft_file, "The .moudraft file")->required();
    lib_opts.add_to(lint_cmd);

    std::string output;
    bool force = false;
    auto* render_cmd = draft->add_subcommand("render", "Render a draft to .docx, .odt, .pdf, .html or .txt");
    render_cmd->add_option("file", draft_file, "The .moudraft file")->required();
    render_cmd->add_option("-o,--output", output, "The document to write; the extension chooses the format")
        ->required();
    render_cmd->add_flag("--force", force, "Render even with errors, marking missing values as [label]");
    lib_opts.add_to(render_cmd);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? ok : usage;
    }

    try {
        if (check->parsed()) return library_check(lib_opts);
        if (list->parsed()) return library_list(lib_opts);
        if (draft_new_cmd->parsed()) return draft_new(lib_opts, new_opts);
        if (lint_cmd->parsed()) return draft_lint(lib_opts, draft_file);
        if (render_cmd->parsed()) return draft_render(lib_opts, draft_file, output, force);
    } catch (const Error& e) {
        std::string what = e.what();
        std::cerr << "error (" << to_string(e.category()) << "): " << what << (what.ends_with('\n') ? "" : "\n");
        return exit_for(e.category());
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return internal;
    }
    return usage;
}
