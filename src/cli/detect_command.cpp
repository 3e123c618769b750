// moudesk-cli detect FILE: which key elements an existing agreement covers, with the evidence.
#include <iomanip>
#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "moudesk/diagnostic/agreement_text.h"
#include "moudesk/diagnostic/detect.h"

namespace moudesk::cli {

namespace {

struct DetectOptions {
    LibraryOptions library;
    std::string file;
    std::string language;
    bool json = false;
    bool show_text = false;
    bool all = false;
    int evidence = 2;
};

int detect_file(const DetectOptions& o) {
    std::optional<Language> language;
    if (!o.language.empty()) {
        language = language_from_code(o.language);
        if (!language) throw Error(ErrorCategory::bad_input, "--language '" + o.language + "': use en or fr");
    }
    const std::string text = diagnostic::extract_text(o.file);
    if (o.show_text) {
        std::cout << text << (text.ends_with('\n') ? "" : "\n");
        return ok;
    }
    const content::Library lib = o.library.load();
    const diagnostic::Detector detector(lib);
    const diagnostic::Examination all = detector.examine(text, language);

    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& d : all.elements) {
            const bool reported = d.confidence >= diagnostic::Detector::threshold;
            if (!reported && !o.all) continue;
            const content::KeyElement* e = lib.find_element(d.element);
            out.push_back({{"element", d.element},
                           {"reported", reported},
                           {"title", e ? e->title[all.language] : std::string()},
                           {"confidence", std::round(d.confidence * 1000) / 1000},
                           {"evidence", d.evidence},
                           {"negated", d.negated},
                           {"patterns", d.patterns},
                           {"in_heading", d.in_heading}});
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return ok;
    }

    std::size_t reported = 0;
    for (const auto& d : all.elements) reported += d.confidence >= diagnostic::Detector::threshold;
    std::cout << o.file << ": " << (all.language == Language::en ? "English" : "French")
              << (language ? "" : " (detected)") << ", " << all.sentences << " sentences; " << reported << " of "
              << lib.elements.size() << " key elements covered\n";
    for (const auto& d : all.elements) {
        if (d.confidence < diagnostic::Detector::threshold) continue;
        const content::KeyElement* e = lib.find_element(d.element);
        std::cout << "\n" << std::fixed << std::setprecision(2) << d.confidence << "  " << d.element;
        if (e) std::cout << " — " << e->title[all.language];
        std::cout << "\n";
        for (std::size_t i = 0; i < d.evidence.size() && static_cast<int>(i) < o.evidence; ++i)
            std::cout << "      " << d.evidence[i] << "\n";
        if (d.evidence.size() > static_cast<std::size_t>(o.evidence))
            std::cout << "      (" << d.evidence.size() - static_cast<std::size_t>(o.evidence) << " more)\n";
    }
    bool first = true;
    for (const auto& d : all.elements) {
        if (d.confidence >= diagnostic::Detector::threshold || d.negated.empty()) continue;
        if (first) std::cout << "\nSaid not to be covered:\n";
        first = false;
        std::cout << "      " << d.element << ": " << d.negated.front() << "\n";
    }
    return ok;
}

}  // namespace

void add_detect_command(CLI::App& app, Run& run) {
    auto opts = std::make_shared<DetectOptions>();
    CLI::App* cmd = app.add_subcommand(
        "detect", "Recognise the key elements an existing agreement covers (.txt, .docx, .odt, .pdf)");
    cmd->add_option("FILE", opts->file, "The agreement")->required();
    cmd->add_flag("--json", opts->json, "Print a JSON array: element, title, confidence, evidence, negated");
    cmd->add_option("--language", opts->language, "Language of the agreement: en or fr (default: detected)");
    cmd->add_flag("--all", opts->all,
                  "Also list elements below the reporting threshold or only said not to be covered (--json)");
    cmd->add_flag("--show-text", opts->show_text,
                  "Print the text read from FILE (to check a PDF's extraction) and stop");
    cmd->add_option("--evidence", opts->evidence, "Evidence sentences shown per element in text output")
        ->capture_default_str();
    opts->library.add_to(cmd);
    cmd->callback([opts, &run] { run = [opts] { return detect_file(*opts); }; });
}

}  // namespace moudesk::cli
