// moudesk-cli assessment …, coverage, addendum: the diagnostic tool on the register.
#include <iomanip>
#include <map>
#include <set>

#include "cli_common.h"
#include "json_output.h"
#include "moudesk/diagnostic/assessment.h"
#include "moudesk/diagnostic/gaps.h"
#include "moudesk/diagnostic/questionnaire.h"
#include "moudesk/diagnostic/report.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/render/writer.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/assessments.h"
#include "moudesk/store/coverage.h"
#include "moudesk/store/register_draft.h"

namespace moudesk::cli {

using nlohmann::json;
using tracking::Date;

namespace {

void print_json(const json& value) {
    std::cout << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

[[noreturn]] void bad(const std::string& message) {
    throw Error(ErrorCategory::bad_input, message);
}

struct DiagnosticOptions {
    RegisterOptions reg;
    LibraryOptions lib;
    std::string questionnaire;

    void add_to(CLI::App* cmd) {
        reg.add_to(cmd);
        lib.add_to(cmd);
        cmd->add_option("--questionnaire", questionnaire, "The questionnaire (default: the bundled one)");
    }

    // The questionnaire, checked against the library; problems are warnings here, as for drafting.
    diagnostic::Questionnaire load(const content::Library& library) const {
        fs::path file = questionnaire.empty() ? diagnostic::bundled_questionnaire_path() : fs::path(questionnaire);
        Problems problems;
        diagnostic::Questionnaire q = diagnostic::load_questionnaire(file, problems, &library);
        if (problems.has_errors())
            std::cerr << "warning: the questionnaire " << file.string() << " has problems (" << problems.size()
                      << "); run 'moudesk-cli library check' to see them\n";
        if (q.areas.empty()) throw Error(ErrorCategory::bad_content, file.string() + ": no question could be loaded");
        return q;
    }
};

Date date_or_today(const std::string& text) {
    if (text.empty()) return Date::today();
    auto d = Date::parse(text);
    if (!d) bad("'" + text + "' is not a date (YYYY-MM-DD)");
    return *d;
}

const char* lang_text(const Localized& l, Language language) {
    return (l.has(language) ? l[language] : l[language == Language::en ? Language::fr : Language::en]).c_str();
}

std::string percent(const std::optional<double>& v) {
    if (!v) return "not assessed";
    std::ostringstream out;
    out << std::fixed << std::setprecision(0) << *v * 100 << " %";
    return out.str();
}

json score_json(const diagnostic::Score& s) {
    return {{"score", s.value ? json(*s.value) : json(nullptr)}, {"answered", s.answered}, {"questions", s.total}};
}

std::vector<std::string> all_elements(const diagnostic::Questionnaire& q) {
    std::vector<std::string> out;
    for (const auto* question : q.questions())
        for (const auto& e : question->elements)
            if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    return out;
}

std::vector<diagnostic::Gap> gaps_of(store::Database& db, const diagnostic::Questionnaire& q,
                                     const diagnostic::Assessment& a, Date today) {
    return diagnostic::gaps(q, a, store::register_coverage(db, all_elements(q), today));
}

// ---- commands ------------------------------------------------------------------------------

struct NewOptions {
    DiagnosticOptions diag;
    std::string title, country, date;
    std::vector<std::string> agencies, assessors;
    store::Id from = 0;
};

int assessment_new(const NewOptions& o) {
    content::Library library = o.diag.lib.load();
    diagnostic::Questionnaire q = o.diag.load(library);
    auto db = o.diag.reg.open();
    store::Assessments assessments(*db);
    store::Id id;
    if (o.from) {
        id = assessments.reassess(o.from, date_or_today(o.date), o.title);
    } else {
        if (o.title.empty()) bad("--title is needed for a new assessment (or --from ID to re-assess)");
        diagnostic::Assessment a;
        a.title = o.title;
        a.country = o.country;
        a.agencies = o.agencies;
        a.assessors = o.assessors;
        a.date = date_or_today(o.date);
        a.questionnaire_version = q.version;
        id = assessments.add(a);
    }
    std::cout << "added assessment " << id << (o.from ? " (a copy of assessment " + std::to_string(o.from) + ")" : "")
              << "\n";
    return ok;
}

int assessment_list(const RegisterOptions& reg, bool as_json) {
    auto db = reg.open();
    auto rows = store::Assessments(*db).list();
    if (as_json) {
        json out = json::array();
        for (const auto& r : rows)
            out.push_back({{"id", r.id},
                           {"title", r.title},
                           {"country", r.country},
                           {"date", r.assessed_on},
                           {"previous", r.previous ? json(*r.previous) : json(nullptr)},
                           {"answered", r.answered}});
        print_json(out);
        return ok;
    }
    for (const auto& r : rows)
        std::cout << std::left << std::setw(6) << r.id << std::setw(12) << r.assessed_on << std::setw(8) << r.answered
                  << r.title << (r.country.empty() ? "" : " (" + r.country + ")") << "\n";
    return ok;
}

int assessment_show(const DiagnosticOptions& o, store::Id id, bool as_json, Language language) {
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    diagnostic::Assessment a = store::Assessments(*db).get(id);
    diagnostic::Scores scores = diagnostic::score(q, a);
    if (as_json) {
        json areas = json::array();
        for (std::size_t i = 0; i < q.areas.size(); ++i) {
            json questions = json::array();
            for (const auto& question : q.areas[i].questions) {
                const diagnostic::QuestionAnswer* answer = a.find(question.id);
                questions.push_back({{"id", question.id},
                                     {"answer", diagnostic::to_code(a.answer_to(question.id))},
                                     {"notes", answer ? answer->notes : ""},
                                     {"evidence", answer ? answer->evidence : ""}});
            }
            json area = score_json(scores.areas[i].score);
            area["area"] = q.areas[i].id;
            area["questions_answers"] = questions;
            areas.push_back(area);
        }
        print_json({{"id", a.id},
                    {"title", a.title},
                    {"country", a.country},
                    {"agencies", a.agencies},
                    {"assessors", a.assessors},
                    {"date", a.date.iso()},
                    {"previous", a.previous ? json(*a.previous) : json(nullptr)},
                    {"overall", score_json(scores.overall)},
                    {"areas", areas}});
        return ok;
    }
    std::cout << a.title << " — " << a.date.iso() << (a.country.empty() ? "" : ", " + a.country) << "\n"
              << "  overall: " << percent(scores.overall.value) << " (" << scores.overall.answered << " of "
              << scores.overall.total << " questions answered)\n";
    for (std::size_t i = 0; i < q.areas.size(); ++i) {
        std::cout << "  " << std::left << std::setw(14) << percent(scores.areas[i].score.value)
                  << lang_text(q.areas[i].title, language) << "\n";
        for (const auto& question : q.areas[i].questions)
            std::cout << "      " << std::setw(15) << diagnostic::to_code(a.answer_to(question.id)) << question.id
                      << "\n";
    }
    return ok;
}

int assessment_answer(const DiagnosticOptions& o, store::Id id, const std::string& question, const std::string& answer,
                      const std::string& notes, const std::string& evidence) {
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    if (!q.find(question)) bad("the questionnaire has no question '" + question + "'");
    auto value = diagnostic::answer_from_code(answer);
    if (!value) bad("unknown answer '" + answer + "' (yes, partly, no, not-applicable, not-assessed)");
    auto db = o.reg.open();
    store::Assessments(*db).answer(id, {question, *value, notes, evidence});
    std::cout << "assessment " << id << ": " << question << " = " << answer << "\n";
    return ok;
}

int assessment_compare(const DiagnosticOptions& o, store::Id before_id, store::Id after_id, bool as_json) {
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    store::Assessments assessments(*db);
    auto c = diagnostic::compare(q, assessments.get(before_id), assessments.get(after_id));
    if (as_json) {
        json answers = json::array(), areas = json::array();
        for (const auto& x : c.answers)
            answers.push_back({{"question", x.question},
                               {"before", diagnostic::to_code(x.before)},
                               {"after", diagnostic::to_code(x.after)},
                               {"direction", x.direction}});
        for (const auto& x : c.areas)
            areas.push_back({{"area", x.area},
                             {"before", x.before ? json(*x.before) : json(nullptr)},
                             {"after", x.after ? json(*x.after) : json(nullptr)}});
        print_json({{"improved", c.improved()}, {"worsened", c.worsened()}, {"answers", answers}, {"areas", areas}});
        return ok;
    }
    std::cout << "overall: " << percent(c.overall_before) << " → " << percent(c.overall_after) << "; " << c.improved()
              << " answers better, " << c.worsened() << " worse\n";
    for (const auto& x : c.areas)
        std::cout << "  " << std::left << std::setw(24) << x.area << percent(x.before) << " → " << percent(x.after)
                  << "\n";
    for (const auto& x : c.answers)
        std::cout << "  "
                  << (x.direction > 0   ? "+ "
                      : x.direction < 0 ? "- "
                                        : "  ")
                  << x.question << ": " << diagnostic::to_code(x.before) << " → " << diagnostic::to_code(x.after)
                  << "\n";
    return ok;
}

int assessment_gaps(const DiagnosticOptions& o, store::Id id, bool as_json, Language language,
                    const std::string& today) {
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    diagnostic::Assessment a = store::Assessments(*db).get(id);
    auto list = gaps_of(*db, q, a, date_or_today(today));
    if (as_json) {
        json out = json::array();
        for (const auto& g : list) {
            json elements = json::array();
            for (const auto& e : g.elements) {
                json agreements = json::array();
                for (const auto& x : e.in_register.shown)
                    agreements.push_back({{"id", x.agreement},
                                          {"reference", x.reference},
                                          {"actions_done", x.actions_done},
                                          {"actions_overdue", x.actions_overdue},
                                          {"actions_open", x.actions_open}});
                elements.push_back({{"element", e.element},
                                    {"classification", diagnostic::to_code(e.kind)},
                                    {"agreements_in_force", e.in_register.agreements},
                                    {"implemented_by", e.in_register.implemented},
                                    {"agreements", agreements}});
            }
            json solutions = json::array();
            for (const auto& s : g.question->solutions) solutions.push_back(lang_text(s, language));
            out.push_back({{"question", g.question->id},
                           {"area", g.question->area},
                           {"text", lang_text(g.question->text, language)},
                           {"answer", diagnostic::to_code(g.answer)},
                           {"elements", elements},
                           {"solutions", solutions}});
        }
        print_json(out);
        return ok;
    }
    for (const auto& g : list) {
        std::cout << g.question->id << " [" << diagnostic::to_code(g.answer) << "] "
                  << lang_text(g.question->text, language) << "\n";
        for (const auto& e : g.elements)
            std::cout << "    " << std::left << std::setw(28) << e.element << diagnostic::to_code(e.kind) << " ("
                      << e.in_register.agreements << " agreements in force, " << e.in_register.implemented
                      << " implemented)\n";
        for (const auto& s : g.question->solutions) std::cout << "    → " << lang_text(s, language) << "\n";
    }
    std::cerr << list.size() << " gaps\n";
    return ok;
}

int assessment_action_plan(const DiagnosticOptions& o, store::Id id, store::Id agreement, int due_days, store::Id owner,
                           Language language) {
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    diagnostic::Assessment a = store::Assessments(*db).get(id);
    auto plan = diagnostic::plan_from_gaps(gaps_of(*db, q, a, Date::today()), a.title, language);
    store::WriteTransaction tx(*db);  // the whole plan or nothing
    store::Actions actions(*db);
    for (const auto& p : plan) {
        store::ActionRecord r;
        r.agreement = agreement;
        r.title = p.title;
        r.element = p.element;
        r.notes = p.notes;
        r.due = Date::today().add_days(due_days);
        if (owner) r.owner_party = owner;
        actions.add(r);
    }
    tx.commit();
    std::cout << "added " << plan.size() << " actions to agreement " << agreement << ", due "
              << Date::today().add_days(due_days).iso() << "\n";
    return ok;
}

int coverage(const DiagnosticOptions& o, bool all, bool as_json) {
    content::Library library = o.lib.load();
    std::vector<std::string> elements;
    for (const auto& e : library.elements)
        if (e.group == content::ElementGroup::cooperation) elements.push_back(e.slug);
    auto db = o.reg.open();
    auto m = store::coverage_matrix(*db, elements, Date::today(), !all);
    static const char* cell_codes[] = {"not-covered", "covered", "covered-overdue"};
    if (as_json) {
        json rows = json::array();
        for (const auto& r : m.rows) {
            json cells = json::object();
            for (std::size_t i = 0; i < m.elements.size(); ++i) cells[m.elements[i]] = cell_codes[r.cells[i]];
            rows.push_back(
                {{"agreement", r.agreement}, {"reference", r.reference}, {"status", r.status}, {"cells", cells}});
        }
        print_json({{"elements", m.elements}, {"agreements", rows}});
        return ok;
    }
    // One character per element: # covered, ! covered with overdue actions, . not covered.
    std::cout << std::left << std::setw(26) << "agreement";
    for (std::size_t i = 0; i < m.elements.size(); ++i) std::cout << static_cast<char>('a' + i);
    std::cout << "\n";
    for (const auto& r : m.rows) {
        std::cout << std::setw(26) << r.reference;
        for (auto c : r.cells) std::cout << (c == 2 ? '!' : c == 1 ? '#' : '.');
        std::cout << "\n";
    }
    for (std::size_t i = 0; i < m.elements.size(); ++i)
        std::cout << static_cast<char>('a' + i) << " = " << m.elements[i] << "\n";
    std::cout << "# covered, ! covered with overdue actions, . not covered\n";
    return ok;
}

int addendum(const DiagnosticOptions& o, store::Id agreement, store::Id assessment, const std::string& output,
             bool force) {
    if (fs::exists(output) && !force) bad(output + " already exists; use --force to replace it");
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    diagnostic::Assessment a = store::Assessments(*db).get(assessment);
    auto list = gaps_of(*db, q, a, Date::today());
    store::AgreementRecord record = store::Agreements(*db).get(agreement);
    std::vector<std::string> covered;
    for (const auto& e : record.elements) covered.push_back(e.element);
    auto elements = diagnostic::addendum_elements(library, list, covered);
    if (elements.empty()) {
        std::cerr << "agreement " << record.reference << " already covers every key element the gaps of assessment "
                  << assessment << " probe; no addendum written\n";
        return problems_found;
    }
    drafting::Draft draft = diagnostic::addendum_draft(library, store::addendum_basis(*db, agreement), elements);
    drafting::save_draft(draft, output);
    std::cout << "wrote " << output << ": an addendum to " << record.reference << " adding";
    for (const auto& e : elements) std::cout << " " << e;
    std::cout << "\n";
    return ok;
}

int assessment_report(const DiagnosticOptions& o, store::Id id, const std::string& output, Language language) {
    auto format = render::format_from_path(output);
    if (!format ||
        (*format != render::Format::docx && *format != render::Format::pdf && *format != render::Format::html))
        bad("cannot tell the report format of " + output + " (use .docx, .pdf or .html)");
    content::Library library = o.lib.load();
    diagnostic::Questionnaire q = o.load(library);
    auto db = o.reg.open();
    diagnostic::Assessment a = store::Assessments(*db).get(id);
    Date today = Date::today();
    auto list = gaps_of(*db, q, a, today);

    std::vector<std::string> elements;
    for (const auto& e : library.elements)
        if (e.group == content::ElementGroup::cooperation) elements.push_back(e.slug);
    store::CoverageMatrix coverage = store::coverage_matrix(*db, elements, today, true);
    diagnostic::ReportMatrix matrix;
    matrix.elements = elements;
    matrix.agreements_total = static_cast<int>(coverage.rows.size());
    for (const auto& row : coverage.rows) {
        if (matrix.agreements.size() >= 40) break;  // the report shows the first rows and says how many are left
        matrix.agreements.push_back(row.reference);
        matrix.cells.push_back(row.cells);
    }

    // The action plan: the open actions of the register that implement a gap's key elements.
    std::vector<diagnostic::ReportAction> plan;
    std::map<store::Id, std::string> references;
    std::set<std::string> seen;
    for (const auto& g : list)
        for (const auto& e : g.elements) {
            if (!seen.insert(e.element).second) continue;
            store::ActionFilter filter;
            filter.element = e.element;
            filter.limit = 20;
            for (const auto& action : store::Actions(*db).list(filter)) {
                if (!tracking::is_open(action.status)) continue;
                auto& reference = references[action.agreement];
                if (reference.empty()) reference = store::Agreements(*db).get(action.agreement).reference;
                plan.push_back({reference, action.title, action.owner_person, action.due ? action.due->iso() : ""});
            }
        }
    diagnostic::Report report = diagnostic::build_report(q, library, a, list, matrix, plan, language);
    render::write_assessment_report(report, *format, output);
    std::cout << "wrote " << output << " (" << list.size() << " gaps, " << plan.size() << " open actions)\n";
    return ok;
}

Language language_option(const std::string& code) {
    auto l = language_from_code(code);
    if (!l) bad("--language is en or fr");
    return *l;
}

}  // namespace

void add_assessment_commands(CLI::App& app, Run& run) {
    static DiagnosticOptions diag;
    static store::Id id = 0, other = 0, agreement = 0, owner = 0;
    static bool as_json = false, all = false, force = false;
    static std::string language = "en", question, answer, notes, evidence, output, today;
    static int due_days = 90;

    auto* assessment = app.add_subcommand("assessment", "Assessments of customs–police cooperation (the diagnostic)");
    assessment->require_subcommand(1);

    static NewOptions new_opts;
    auto* new_cmd = assessment->add_subcommand("new", "Start an assessment, or re-assess from a previous one (--from)");
    new_opts.diag.add_to(new_cmd);
    new_cmd->add_option("--title", new_opts.title, "A title, e.g. 'Ruritania 2027'");
    new_cmd->add_option("--country", new_opts.country, "The country assessed");
    new_cmd->add_option("--agency", new_opts.agencies, "An agency assessed; repeat for each");
    new_cmd->add_option("--assessor", new_opts.assessors, "An assessor; repeat for each");
    new_cmd->add_option("--date", new_opts.date, "The date of the assessment (default today)");
    new_cmd->add_option("--from", new_opts.from, "Start from a copy of this earlier assessment");
    new_cmd->callback([&run] { run = [] { return assessment_new(new_opts); }; });

    auto* list_cmd = assessment->add_subcommand("list", "List assessments, newest first");
    diag.reg.add_to(list_cmd);
    list_cmd->add_flag("--json", as_json, "Print JSON");
    list_cmd->callback([&run] { run = [] { return assessment_list(diag.reg, as_json); }; });

    auto* show_cmd = assessment->add_subcommand("show", "Answers and scores per area");
    diag.add_to(show_cmd);
    show_cmd->add_option("id", id, "The assessment's id")->required();
    show_cmd->add_flag("--json", as_json, "Print JSON");
    show_cmd->add_option("--language", language, "en or fr");
    show_cmd->callback([&run] { run = [] { return assessment_show(diag, id, as_json, language_option(language)); }; });

    auto* answer_cmd = assessment->add_subcommand("answer", "Answer one question");
    diag.add_to(answer_cmd);
    answer_cmd->add_option("id", id, "The assessment's id")->required();
    answer_cmd->add_option("question", question, "The question's id (see assessment show)")->required();
    answer_cmd->add_option("answer", answer, "yes, partly, no, not-applicable or not-assessed")->required();
    answer_cmd->add_option("--notes", notes, "Notes");
    answer_cmd->add_option("--evidence", evidence, "What supports the answer");
    answer_cmd->callback(
        [&run] { run = [] { return assessment_answer(diag, id, question, answer, notes, evidence); }; });

    auto* compare_cmd = assessment->add_subcommand("compare", "Compare two assessments question by question");
    diag.add_to(compare_cmd);
    compare_cmd->add_option("before", id, "The earlier assessment's id")->required();
    compare_cmd->add_option("after", other, "The later assessment's id")->required();
    compare_cmd->add_flag("--json", as_json, "Print JSON");
    compare_cmd->callback([&run] { run = [] { return assessment_compare(diag, id, other, as_json); }; });

    auto* gaps_cmd = assessment->add_subcommand("gaps", "Gaps, with what the register says about each key element");
    diag.add_to(gaps_cmd);
    gaps_cmd->add_option("id", id, "The assessment's id")->required();
    gaps_cmd->add_flag("--json", as_json, "Print JSON");
    gaps_cmd->add_option("--language", language, "en or fr");
    gaps_cmd->add_option("--today", today, "Overdue as on this date (YYYY-MM-DD)");
    gaps_cmd->callback(
        [&run] { run = [] { return assessment_gaps(diag, id, as_json, language_option(language), today); }; });

    auto* plan_cmd =
        assessment->add_subcommand("action-plan", "Add one action per gap to an agreement of the register");
    diag.add_to(plan_cmd);
    plan_cmd->add_option("id", id, "The assessment's id")->required();
    plan_cmd->add_option("--agreement", agreement, "The agreement the actions belong to")->required();
    plan_cmd->add_option("--due-days", due_days, "Due this many days from today (default 90)")
        ->check(CLI::NonNegativeNumber);
    plan_cmd->add_option("--owner", owner, "The owner party's id");
    plan_cmd->add_option("--language", language, "en or fr");
    plan_cmd->callback([&run] {
        run = [] { return assessment_action_plan(diag, id, agreement, due_days, owner, language_option(language)); };
    });

    auto* report_cmd =
        assessment->add_subcommand("report", "The assessment report: scores with a chart, gaps, coverage, plan");
    diag.add_to(report_cmd);
    report_cmd->add_option("id", id, "The assessment's id")->required();
    report_cmd->add_option("-o,--output", output, "The report to write: .docx, .pdf or .html")->required();
    report_cmd->add_option("--language", language, "en or fr");
    report_cmd->callback(
        [&run] { run = [] { return assessment_report(diag, id, output, language_option(language)); }; });

    auto* coverage_cmd = app.add_subcommand("coverage", "Key elements × agreements: covered, overdue, not covered");
    diag.add_to(coverage_cmd);
    coverage_cmd->add_flag("--all", all, "Every agreement, not only those in force");
    coverage_cmd->add_flag("--json", as_json, "Print JSON");
    coverage_cmd->callback([&run] { run = [] { return coverage(diag, all, as_json); }; });

    auto* addendum_cmd =
        app.add_subcommand("addendum", "Write an addendum draft that adds the elements an assessment found missing");
    diag.add_to(addendum_cmd);
    addendum_cmd->add_option("--agreement", agreement, "The agreement to amend")->required();
    addendum_cmd->add_option("--assessment", other, "The assessment whose gaps it closes")->required();
    addendum_cmd->add_option("-o,--output", output, "The .moudraft file to write")->required();
    addendum_cmd->add_flag("--force", force, "Replace an existing file");
    addendum_cmd->callback([&run] { run = [] { return addendum(diag, agreement, other, output, force); }; });
}

}  // namespace moudesk::cli
