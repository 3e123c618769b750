// moudesk-cli draft new|lint|render|compare.
#include "cli_common.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/compare.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/comparison.h"
#include "moudesk/render/writer.h"

namespace moudesk::cli {

namespace {

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
    const content::Library& lib = keep_until_exit(lib_opts.load());
    drafting::Draft d = drafting::read_draft(file);
    const drafting::Assembly& a = keep_until_exit(drafting::assemble(lib, d));
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

int draft_compare(const LibraryOptions& lib_opts, const std::string& before_file, const std::string& after_file,
                  const std::string& language, const std::string& output) {
    content::Library lib = lib_opts.load();
    drafting::Draft before = drafting::read_draft(before_file), after = drafting::read_draft(after_file);
    drafting::Comparison c =
        drafting::compare(drafting::assemble(lib, before).document, drafting::assemble(lib, after).document);
    if (c.languages.empty()) {
        std::cerr << "error: " << before_file << " and " << after_file << " share no language\n";
        return bad_input;
    }
    Language l = c.languages.front();
    if (!language.empty()) {
        auto chosen = language_from_code(language);
        if (!chosen || c.column_of(*chosen) < 0) {
            std::cerr << "error: --language must be a language both drafts have\n";
            return usage;
        }
        l = *chosen;
    }
    std::cout << drafting::summarize(c, l);
    if (!output.empty()) {
        render::ComparisonInfo info;
        info.before_title = before_file;
        info.after_title = after_file;
        render::render_comparison_docx(c, l, output, info);
        std::cout << "wrote " << output << " (tracked changes)\n";
    }
    return c.identical() ? ok : problems_found;
}

}  // namespace

void add_draft_commands(CLI::App& app, Run& run) {
    static LibraryOptions lib_opts;
    static NewOptions new_opts;
    static std::string draft_file, output;
    static bool force = false;

    auto* draft = app.add_subcommand("draft", "Create, lint, render and compare drafts (.moudraft)");
    draft->require_subcommand(1);
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
    draft_new_cmd->callback([&run] { run = [] { return draft_new(lib_opts, new_opts); }; });

    auto* lint_cmd = draft->add_subcommand("lint", "Report problems in a draft");
    lint_cmd->add_option("file", draft_file, "The .moudraft file")->required();
    lib_opts.add_to(lint_cmd);
    lint_cmd->callback([&run] { run = [] { return draft_lint(lib_opts, draft_file); }; });

    auto* render_cmd = draft->add_subcommand("render", "Render a draft to .docx, .odt, .pdf, .html or .txt");
    render_cmd->add_option("file", draft_file, "The .moudraft file")->required();
    render_cmd->add_option("-o,--output", output, "The document to write; the extension chooses the format")
        ->required();
    render_cmd->add_flag("--force", force, "Render even with errors, marking missing values as [label]");
    lib_opts.add_to(render_cmd);
    render_cmd->callback([&run] { run = [] { return draft_render(lib_opts, draft_file, output, force); }; });

    static std::string other_file, language;
    auto* compare_cmd = draft->add_subcommand(
        "compare",
        "Compare two versions of a draft: clauses added, removed, changed, word by word (exit 1 if they differ)");
    compare_cmd->add_option("before", draft_file, "The earlier .moudraft")->required();
    compare_cmd->add_option("after", other_file, "The later .moudraft")->required();
    compare_cmd->add_option("--language", language, "The language to compare (default: the first both have)");
    compare_cmd->add_option("-o,--output", output, "Also write a .docx with the changes as tracked revisions");
    lib_opts.add_to(compare_cmd);
    compare_cmd->callback(
        [&run] { run = [] { return draft_compare(lib_opts, draft_file, other_file, language, output); }; });
}

}  // namespace moudesk::cli
