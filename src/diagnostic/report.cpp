#include "moudesk/diagnostic/report.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "moudesk/content/library.h"

namespace moudesk::diagnostic {

namespace {

constexpr std::string_view no_break_space = "\u00A0";

// Text in `language`, else in the other one: a half-translated questionnaire still prints.
const std::string& pick(const Localized& text, Language language) {
    if (text.has(language)) return text[language];
    return text[language == Language::en ? Language::fr : Language::en];
}

// English or French, chosen once per call site.
const char* tr(Language language, const char* en, const char* fr) {
    return language == Language::fr ? fr : en;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (item.empty()) continue;
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// "3 of 4" / "3 sur 4".
std::string count_of(int count, int total, Language language) {
    return std::to_string(count) + " " + tr(language, "of", "sur") + " " + std::to_string(total);
}

// "12 March 2026" / "12 mars 2026": directors read dates, not ISO codes.
std::string long_date(const tracking::Date& date, Language language) {
    static const char* const en[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
    static const char* const fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                     "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    const int m = std::clamp(date.month(), 1, 12) - 1;
    const std::string day = language == Language::fr && date.day() == 1 ? "1er" : std::to_string(date.day());
    return day + " " + (language == Language::fr ? fr[m] : en[m]) + " " + std::to_string(date.year());
}

std::optional<double> percent_of(const Score& score) {
    if (!score.value) return std::nullopt;
    return std::clamp(*score.value, 0.0, 1.0) * 100.0;
}

ReportLabels labels_for(Language l) {
    ReportLabels s;
    s.scope = tr(l, "Scope", "Périmètre");
    s.scores = tr(l, "Scores by area", "Résultats par domaine");
    s.gaps = tr(l, "Gaps", "Lacunes");
    s.matrix = tr(l, "Coverage of key elements by agreements", "Couverture des éléments clés par les accords");
    s.action_plan = tr(l, "Action plan", "Plan d'action");
    s.area = tr(l, "Area", "Domaine");
    s.score = tr(l, "Score", "Résultat");
    s.answered = tr(l, "Questions answered", "Questions évaluées");
    s.question = tr(l, "Question", "Question");
    s.answer = tr(l, "Answer", "Réponse");
    s.overall = tr(l, "Overall", "Ensemble");
    s.not_assessed = tr(l, "not assessed", "non évalué");
    s.weaknesses = tr(l, "Common weaknesses", "Faiblesses fréquentes");
    s.solutions = tr(l, "Possible solutions", "Solutions possibles");
    s.elements = tr(l, "Key element", "Élément clé");
    s.register_state = tr(l, "In the register", "Dans le registre");
    s.agreements = tr(l, "Agreements in force", "Accords en vigueur");
    s.agreement = tr(l, "Agreement", "Accord");
    s.action = tr(l, "Action", "Action");
    s.owner = tr(l, "Owner", "Responsable");
    s.due = tr(l, "Due", "Échéance");
    s.covered = tr(l, "covered", "couvert");
    s.covered_overdue = tr(l, "covered, actions overdue", "couvert, actions en retard");
    s.not_covered = tr(l, "not covered", "non couvert");
    s.legend = tr(l, "Legend", "Légende");
    s.no_gaps = tr(l, "No gaps: no question was answered no or partly.",
                   "Aucune lacune : aucune question n'a reçu la réponse non ou partiellement.");
    s.no_agreements =
        tr(l, "The register holds no agreement to show.", "Le registre ne contient aucun accord à afficher.");
    s.no_actions = tr(l, "No action is planned.", "Aucune action n'est prévue.");
    s.page = tr(l, "Page", "Page");
    s.of = tr(l, "of", "sur");
    s.colon = tr(l, ": ", "\u00A0: ");
    return s;
}

// The agreements covering an element, one line each: "MOU-2021-04: 2 done, 1 overdue, 0 open".
std::string agreements_text(const ElementInRegister& in_register, Language l) {
    if (in_register.agreements == 0 && in_register.shown.empty()) return "—";
    std::vector<std::string> lines;
    for (const AgreementCoverage& a : in_register.shown) {
        std::string line = a.reference.empty() ? "#" + std::to_string(a.agreement) : a.reference;
        line += tr(l, ": ", "\u00A0: ");
        line += std::to_string(a.actions_done) + tr(l, " done, ", " terminées, ");
        line += std::to_string(a.actions_overdue) + tr(l, " overdue, ", " en retard, ");
        line += std::to_string(a.actions_open) + tr(l, " open", " ouvertes");
        lines.push_back(std::move(line));
    }
    const int more = in_register.agreements - static_cast<int>(in_register.shown.size());
    if (more > 0)
        lines.push_back(lines.empty() ? std::to_string(more) + tr(l, " agreements", " accords")
                                      : tr(l, "and ", "et ") + std::to_string(more) + tr(l, " more", " autres"));
    return join(lines, "\n");
}

}  // namespace

std::string answer_label(Answer answer, Language l) {
    switch (answer) {
        case Answer::yes: return tr(l, "yes", "oui");
        case Answer::partly: return tr(l, "partly", "partiellement");
        case Answer::no: return tr(l, "no", "non");
        case Answer::not_applicable: return tr(l, "not applicable", "sans objet");
        case Answer::not_assessed: return tr(l, "not assessed", "non évalué");
    }
    return tr(l, "not assessed", "non évalué");
}

std::string gap_kind_label(GapKind kind, Language l) {
    switch (kind) {
        case GapKind::no_agreement: return tr(l, "no agreement covers it", "aucun accord ne le couvre");
        case GapKind::not_implemented:
            return tr(l, "covered on paper, not implemented", "couvert sur le papier, non mis en œuvre");
        case GapKind::weak_practice:
            return tr(l, "covered and implemented, practice still weak",
                      "couvert et mis en œuvre, pratique encore insuffisante");
    }
    return tr(l, "no agreement covers it", "aucun accord ne le couvre");
}

std::string format_percent(double percent, Language language) {
    const long rounded = std::lround(std::clamp(percent, 0.0, 100.0));
    // French separates the sign; English writes it close.
    return std::to_string(rounded) + (language == Language::fr ? std::string(no_break_space) : std::string()) + "%";
}

Report build_report(const Questionnaire& questionnaire, const content::Library& library, const Assessment& assessment,
                    const std::vector<Gap>& gaps, const ReportMatrix& matrix, const std::vector<ReportAction>& actions,
                    Language l) {
    Report report;
    report.language = l;
    report.labels = labels_for(l);
    report.title = tr(l, "Assessment report", "Rapport d'évaluation");
    report.subtitle = assessment.title;

    auto element_title = [&](const std::string& slug) -> std::string {
        const content::KeyElement* element = library.find_element(slug);
        if (!element) return slug;
        const std::string& title = pick(element->title, l);
        return title.empty() ? slug : title;
    };
    auto area_title = [&](const std::string& id) -> std::string {
        const Area* area = questionnaire.find_area(id);
        if (!area) return id;
        const std::string& title = pick(area->title, l);
        return title.empty() ? id : title;
    };

    // ---- scope ----
    const Scores scores = score(questionnaire, assessment);
    auto add_scope = [&](const char* en, const char* fr, std::string value) {
        if (!value.empty()) report.scope.emplace_back(tr(l, en, fr), std::move(value));
    };
    add_scope("Country", "Pays", assessment.country);
    add_scope("Agencies", "Administrations", join(assessment.agencies, ", "));
    add_scope("Assessors", "Évaluateurs", join(assessment.assessors, ", "));
    add_scope("Date", "Date", long_date(assessment.date, l));
    std::string version =
        assessment.questionnaire_version.empty() ? questionnaire.version : assessment.questionnaire_version;
    add_scope("Questionnaire version", "Version du questionnaire", version);
    add_scope("Questions answered", "Questions évaluées", count_of(scores.overall.answered, scores.overall.total, l));
    if (assessment.previous)
        add_scope("Re-assessment of", "Réévaluation de", "#" + std::to_string(*assessment.previous));

    // ---- scores ----
    for (const AreaScore& a : scores.areas)
        report.area_scores.push_back(
            {area_title(a.area), percent_of(a.score), count_of(a.score.answered, a.score.total, l)});
    report.overall = percent_of(scores.overall);
    report.overall_answered = count_of(scores.overall.answered, scores.overall.total, l);
    {
        std::string d = tr(l, "Bar chart of the scores by area: ", "Diagramme des résultats par domaine : ");
        std::vector<std::string> parts;
        for (const ReportAreaScore& s : report.area_scores)
            parts.push_back(s.area + " " + (s.percent ? format_percent(*s.percent, l) : report.labels.not_assessed));
        d += join(parts, "; ");
        d += std::string("; ") + report.labels.overall + " " +
             (report.overall ? format_percent(*report.overall, l) : report.labels.not_assessed) + ".";
        report.labels.chart_description = std::move(d);
    }

    // ---- gaps ----
    for (const Gap& g : gaps) {
        if (!g.question) continue;
        const Question& q = *g.question;
        ReportGap gap;
        gap.area = area_title(q.area);
        gap.question_id = q.id;
        gap.question = pick(q.text, l);
        gap.answer = g.answer;
        gap.answer_label = answer_label(g.answer, l);
        if (const QuestionAnswer* given = assessment.find(q.id)) gap.notes = given->notes;
        for (const Localized& w : q.weaknesses)
            if (!pick(w, l).empty()) gap.weaknesses.push_back(pick(w, l));
        for (const Localized& s : q.solutions)
            if (!pick(s, l).empty()) gap.solutions.push_back(pick(s, l));
        for (const ElementGap& e : g.elements)
            gap.elements.push_back({e.element, element_title(e.element), e.kind, gap_kind_label(e.kind, l),
                                    agreements_text(e.in_register, l)});
        report.gaps.push_back(std::move(gap));
    }
    if (report.gaps.size() == 1)
        report.gaps_intro =
            tr(l, "1 question was answered no or partly.", "1 question a reçu la réponse non ou partiellement.");
    else if (!report.gaps.empty())
        report.gaps_intro =
            std::to_string(report.gaps.size()) +
            tr(l, " questions were answered no or partly.", " questions ont reçu la réponse non ou partiellement.");

    // ---- matrix ----
    ReportMatrixView& view = report.matrix;
    for (const std::string& slug : matrix.elements) view.elements.push_back(element_title(slug));
    const std::size_t rows = std::min(matrix.agreements.size(), max_matrix_rows);
    for (std::size_t r = 0; r < rows; ++r) {
        view.agreements.push_back(matrix.agreements[r]);
        // Rows are padded or cut to the columns, and unknown codes read as not covered, so a
        // renderer can index without checking.
        std::vector<std::uint8_t> row(view.elements.size(), ReportMatrix::not_covered);
        if (r < matrix.cells.size())
            for (std::size_t c = 0; c < row.size() && c < matrix.cells[r].size(); ++c) {
                const std::uint8_t v = matrix.cells[r][c];
                if (v <= ReportMatrix::covered_overdue) row[c] = v;
            }
        view.cells.push_back(std::move(row));
    }
    const int total = std::max(matrix.agreements_total, static_cast<int>(matrix.agreements.size()));
    view.left_out = total - static_cast<int>(rows);
    if (view.left_out > 0) {
        view.left_out_note =
            std::to_string(view.left_out) +
            (view.left_out == 1 ? tr(l, " more agreement is not shown", " autre accord n'est pas affiché")
                                : tr(l, " more agreements are not shown", " autres accords ne sont pas affichés")) +
            tr(l, " (", " (") + std::to_string(rows) + tr(l, " of ", " sur ") + std::to_string(total) +
            tr(l, " shown).", " affichés).");
    }

    report.actions = actions;
    return report;
}

}  // namespace moudesk::diagnostic
