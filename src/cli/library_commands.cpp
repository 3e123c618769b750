// moudesk-cli library check|list.
#include "cli_common.h"
#include "moudesk/diagnostic/questionnaire.h"

namespace moudesk::cli {

namespace {

// The questionnaire `library check` checks: --questionnaire, else the one beside --library
// (../diagnostic/questionnaire.xml, as for templates), else the bundled one.
fs::path questionnaire_path(const std::string& given, const LibraryOptions& opts, const fs::path& clauses) {
    if (!given.empty()) return given;
    if (!opts.clauses_dir.empty()) {
        const fs::path beside = clauses / ".." / "diagnostic" / "questionnaire.xml";
        if (fs::is_regular_file(beside)) return beside.lexically_normal();
    }
    return diagnostic::bundled_questionnaire_path();
}

int library_check(const LibraryOptions& opts, const std::string& questionnaire_file) {
    auto [clauses, templates] = opts.paths();
    Problems problems;
    content::Library lib = content::load_library(clauses, templates, problems);
    // The questionnaire probes the library's key elements; without a catalogue every slug would
    // look unknown, so it is then checked on its own.
    const fs::path questionnaire = questionnaire_path(questionnaire_file, opts, clauses);
    const diagnostic::Questionnaire quest =
        diagnostic::load_questionnaire(questionnaire, problems, lib.elements.empty() ? nullptr : &lib);
    std::cout << problems.to_string();
    std::size_t errors = 0;
    for (const auto& p : problems.items()) errors += p.severity == Severity::error;
    std::size_t cooperation = 0, probed = 0;
    for (const content::KeyElement& e : lib.elements) {
        if (e.group != content::ElementGroup::cooperation) continue;
        ++cooperation;
        probed += !quest.probing(e.slug).empty();
    }
    std::cerr << clauses.string() << ": " << lib.elements.size() << " key elements, " << lib.clauses.size()
              << " clauses, " << lib.fields.size() << " fields, " << lib.terms.size() << " terms, "
              << lib.templates.size() << " templates; " << questionnaire.string() << ": " << quest.areas.size()
              << " areas, " << quest.questions().size() << " questions probing " << probed << " of " << cooperation
              << " cooperation elements; " << errors << " errors, " << problems.size() - errors << " warnings\n";
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

}  // namespace

void add_library_commands(CLI::App& app, Run& run) {
    static LibraryOptions lib_opts;
    static std::string questionnaire_file;
    auto* library = app.add_subcommand("library", "Check or list the clause library");
    library->require_subcommand(1);
    auto* check = library->add_subcommand(
        "check", "Validate the library and the diagnostic questionnaire; print every problem as file:line:column");
    lib_opts.add_to(check);
    check->add_option("--questionnaire", questionnaire_file,
                      "Diagnostic questionnaire to check against the library (default: "
                      "../diagnostic/questionnaire.xml beside --library if it exists, else the bundled one)");
    check->callback([&run] { run = [] { return library_check(lib_opts, questionnaire_file); }; });
    auto* list = library->add_subcommand("list", "List key elements with their clauses and variants");
    lib_opts.add_to(list);
    list->callback([&run] { run = [] { return library_list(lib_opts); }; });
}

}  // namespace moudesk::cli
