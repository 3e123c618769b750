// The assessment report's model: from a small questionnaire, library and assessment the builder
// fills every section with ready-to-print text — scope, scores as percentages, gaps with their
// weaknesses, solutions and classified elements, the matrix (capped), the action plan — in
// English and in French.

#include "moudesk/diagnostic/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "moudesk/content/library.h"

namespace moudesk::diagnostic {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

content::Library small_library() {
    content::Library lib;
    auto element = [&](std::string slug, std::string en, std::string fr) {
        content::KeyElement e;
        e.slug = std::move(slug);
        e.title = {std::move(en), std::move(fr)};
        lib.elements.push_back(std::move(e));
    };
    element("information-exchange", "Intelligence and information exchange", "Échange de renseignements");
    element("data-protection", "Data protection and confidentiality", "Protection des données");
    element("joint-operations", "Joint operations and interdiction", "Opérations conjointes");
    return lib;
}

Question question(std::string id, std::string area, Localized text, std::vector<std::string> elements,
                  double weight = 1.0) {
    Question q;
    q.id = std::move(id);
    q.area = std::move(area);
    q.text = std::move(text);
    q.elements = std::move(elements);
    q.weight = weight;
    q.weaknesses = {{"Requests go unanswered.", "Les demandes restent sans réponse."}};
    q.solutions = {{"Name a focal point in each agency.", "Désigner un point focal dans chaque administration."},
                   {"Agree time limits for answers.", ""}};  // French missing: falls back to English
    return q;
}

Questionnaire small_questionnaire() {
    Questionnaire q;
    q.version = "3";
    Area info{"information", {"Information", "Information"}, {}, {}};
    info.questions.push_back(question("info.channel", "information",
                                      {"Is there an agreed channel?", "Existe-t-il un canal convenu ?"},
                                      {"information-exchange", "data-protection"}));
    info.questions.push_back(question("info.time", "information",
                                      {"Are requests answered in time?", "Répond-on dans les délais ?"},
                                      {"information-exchange"}));
    Area ops{"operations", {"Operations", "Opérations"}, {}, {}};
    ops.questions.push_back(question("ops.joint", "operations",
                                     {"Are joint operations held?", "Des opérations conjointes ?"},
                                     {"joint-operations", "unknown-element"}));
    Area monitoring{"monitoring", {"Monitoring", "Suivi"}, {}, {}};
    monitoring.questions.push_back(question(
        "mon.review", "monitoring", {"Is the agreement reviewed?", "L'accord est-il revu ?"}, {"data-protection"}));
    q.areas = {info, ops, monitoring};
    return q;
}

Assessment small_assessment() {
    Assessment a;
    a.title = "Ruritania 2026";
    a.country = "Ruritania";
    a.agencies = {"Customs", "Police"};
    a.assessors = {"A. Assessor", "B. Évaluatrice"};
    a.date = tracking::Date::from_ymd(2026, 3, 1);
    a.questionnaire_version = "3";
    a.answers = {{"info.channel", Answer::partly, "Only by e-mail.", ""},
                 {"info.time", Answer::yes, "", ""},
                 {"ops.joint", Answer::no, "", ""},
                 {"mon.review", Answer::not_assessed, "", ""}};
    return a;
}

RegisterCoverage small_coverage() {
    RegisterCoverage coverage;
    // information-exchange: one agreement, its actions done → weak practice.
    coverage["information-exchange"] = {1, 1, {{7, "MOU-2021-04", "in-force", 2, 0, 1}}};
    // data-protection: covered on paper, actions overdue → not implemented; more than shown.
    coverage["data-protection"] = {3, 0, {{8, "MOA-2019-01", "in-force", 0, 2, 0}}};
    return coverage;
}

ReportMatrix small_matrix(int rows, int total) {
    ReportMatrix m;
    m.elements = {"information-exchange", "data-protection", "joint-operations"};
    for (int r = 0; r < rows; ++r) {
        m.agreements.push_back("AGR-" + std::to_string(r + 1));
        m.cells.push_back({1, 2, 0});
    }
    m.agreements_total = total;
    return m;
}

class ReportTest : public ::testing::Test {
protected:
    Report build(Language language, ReportMatrix matrix = small_matrix(2, 2)) {
        const auto found = gaps(questionnaire, assessment, small_coverage());
        return build_report(questionnaire, library, assessment, found, matrix, actions, language);
    }

    content::Library library = small_library();
    Questionnaire questionnaire = small_questionnaire();
    Assessment assessment = small_assessment();
    std::vector<ReportAction> actions{{"MOU-2021-04", "Name focal points", "Customs", "2026-06-30"}};
};

TEST_F(ReportTest, FillsEverySectionInEnglish) {
    const Report r = build(Language::en);
    EXPECT_EQ(r.language, Language::en);
    EXPECT_EQ(r.title, "Assessment report");
    EXPECT_EQ(r.subtitle, "Ruritania 2026");

    // Scope: label/value pairs, lists joined, a readable date, the answered count.
    auto scope_value = [&](const std::string& label) {
        for (const auto& [l, v] : r.scope)
            if (l == label) return v;
        return std::string("(missing)");
    };
    EXPECT_EQ(scope_value("Country"), "Ruritania");
    EXPECT_EQ(scope_value("Agencies"), "Customs, Police");
    EXPECT_EQ(scope_value("Assessors"), "A. Assessor, B. Évaluatrice");
    EXPECT_EQ(scope_value("Date"), "1 March 2026");
    EXPECT_EQ(scope_value("Questionnaire version"), "3");
    EXPECT_EQ(scope_value("Questions answered"), "3 of 4");

    // Scores as percentages; an area with nothing assessed has none.
    ASSERT_EQ(r.area_scores.size(), 3u);
    EXPECT_EQ(r.area_scores[0].area, "Information");
    ASSERT_TRUE(r.area_scores[0].percent);
    EXPECT_DOUBLE_EQ(*r.area_scores[0].percent, 75.0);  // partly + yes
    EXPECT_EQ(r.area_scores[0].answered, "2 of 2");
    ASSERT_TRUE(r.area_scores[1].percent);
    EXPECT_DOUBLE_EQ(*r.area_scores[1].percent, 0.0);
    EXPECT_FALSE(r.area_scores[2].percent);
    ASSERT_TRUE(r.overall);
    EXPECT_DOUBLE_EQ(*r.overall, 50.0);  // 1.5 of 3
    EXPECT_EQ(r.overall_answered, "3 of 4");

    // Gaps: the partly and the no, in questionnaire order.
    ASSERT_EQ(r.gaps.size(), 2u);
    EXPECT_EQ(r.gaps_intro, "2 questions were answered no or partly.");
    const ReportGap& first = r.gaps[0];
    EXPECT_EQ(first.area, "Information");
    EXPECT_EQ(first.question_id, "info.channel");
    EXPECT_EQ(first.question, "Is there an agreed channel?");
    EXPECT_EQ(first.answer, Answer::partly);
    EXPECT_EQ(first.answer_label, "partly");
    EXPECT_EQ(first.notes, "Only by e-mail.");
    EXPECT_THAT(first.weaknesses, ElementsAre("Requests go unanswered."));
    EXPECT_THAT(first.solutions, ElementsAre("Name a focal point in each agency.", "Agree time limits for answers."));
    ASSERT_EQ(first.elements.size(), 2u);
    EXPECT_EQ(first.elements[0].title, "Intelligence and information exchange");
    EXPECT_EQ(first.elements[0].kind, GapKind::weak_practice);
    EXPECT_EQ(first.elements[0].classification, "covered and implemented, practice still weak");
    EXPECT_EQ(first.elements[0].agreements, "MOU-2021-04: 2 done, 0 overdue, 1 open");
    EXPECT_EQ(first.elements[1].classification, "covered on paper, not implemented");
    EXPECT_EQ(first.elements[1].agreements, "MOA-2019-01: 0 done, 2 overdue, 0 open\nand 2 more");

    const ReportGap& second = r.gaps[1];
    EXPECT_EQ(second.answer_label, "no");
    ASSERT_EQ(second.elements.size(), 2u);
    EXPECT_EQ(second.elements[0].classification, "no agreement covers it");
    EXPECT_EQ(second.elements[0].agreements, "—");
    EXPECT_EQ(second.elements[1].title, "unknown-element");  // an unknown slug prints as itself

    // Matrix: element titles as columns, cells as given.
    EXPECT_THAT(r.matrix.elements,
                ElementsAre("Intelligence and information exchange", "Data protection and confidentiality",
                            "Joint operations and interdiction"));
    EXPECT_THAT(r.matrix.agreements, ElementsAre("AGR-1", "AGR-2"));
    EXPECT_THAT(r.matrix.cells[0], ElementsAre(1, 2, 0));
    EXPECT_EQ(r.matrix.left_out, 0);
    EXPECT_TRUE(r.matrix.left_out_note.empty());

    ASSERT_EQ(r.actions.size(), 1u);
    EXPECT_EQ(r.actions[0].action, "Name focal points");

    // Labels the renderers print.
    EXPECT_EQ(r.labels.scores, "Scores by area");
    EXPECT_EQ(r.labels.gaps, "Gaps");
    EXPECT_EQ(r.labels.action_plan, "Action plan");
    EXPECT_EQ(r.labels.colon, ": ");
    EXPECT_THAT(r.labels.chart_description, HasSubstr("Information 75%"));
    EXPECT_THAT(r.labels.chart_description, HasSubstr("Monitoring not assessed"));
}

TEST_F(ReportTest, FrenchLabelsAndFallbacks) {
    const Report r = build(Language::fr);
    EXPECT_EQ(r.title, "Rapport d'évaluation");
    EXPECT_EQ(r.labels.scope, "Périmètre");
    EXPECT_EQ(r.labels.gaps, "Lacunes");
    EXPECT_EQ(r.labels.action_plan, "Plan d'action");
    EXPECT_EQ(r.labels.not_assessed, "non évalué");
    EXPECT_EQ(r.labels.colon, "\u00A0: ");
    EXPECT_EQ(r.scope[0].first, "Pays");
    bool dated = false;
    for (const auto& [label, value] : r.scope)
        if (label == "Date") dated = value == "1er mars 2026";
    EXPECT_TRUE(dated);
    EXPECT_EQ(r.area_scores[1].area, "Opérations");
    EXPECT_EQ(r.area_scores[0].answered, "2 sur 2");

    ASSERT_EQ(r.gaps.size(), 2u);
    EXPECT_EQ(r.gaps_intro, "2 questions ont reçu la réponse non ou partiellement.");
    EXPECT_EQ(r.gaps[0].question, "Existe-t-il un canal convenu ?");
    EXPECT_EQ(r.gaps[0].answer_label, "partiellement");
    EXPECT_EQ(r.gaps[1].answer_label, "non");
    // A solution without French prints in English rather than vanishing.
    EXPECT_THAT(r.gaps[0].solutions,
                ElementsAre("Désigner un point focal dans chaque administration.", "Agree time limits for answers."));
    EXPECT_EQ(r.gaps[0].elements[0].title, "Échange de renseignements");
    EXPECT_EQ(r.gaps[0].elements[0].classification, "couvert et mis en œuvre, pratique encore insuffisante");
    EXPECT_EQ(r.gaps[0].elements[1].classification, "couvert sur le papier, non mis en œuvre");
    EXPECT_EQ(r.gaps[1].elements[0].classification, "aucun accord ne le couvre");
    EXPECT_EQ(r.gaps[0].elements[0].agreements, "MOU-2021-04\u00A0: 2 terminées, 0 en retard, 1 ouvertes");
    EXPECT_EQ(r.matrix.elements[1], "Protection des données");
}

TEST(ReportLabels, AnswersKindsAndPercentages) {
    EXPECT_EQ(answer_label(Answer::yes, Language::en), "yes");
    EXPECT_EQ(answer_label(Answer::partly, Language::en), "partly");
    EXPECT_EQ(answer_label(Answer::no, Language::en), "no");
    EXPECT_EQ(answer_label(Answer::not_applicable, Language::en), "not applicable");
    EXPECT_EQ(answer_label(Answer::not_assessed, Language::en), "not assessed");
    EXPECT_EQ(answer_label(Answer::yes, Language::fr), "oui");
    EXPECT_EQ(answer_label(Answer::partly, Language::fr), "partiellement");
    EXPECT_EQ(answer_label(Answer::no, Language::fr), "non");
    EXPECT_EQ(answer_label(Answer::not_applicable, Language::fr), "sans objet");
    EXPECT_EQ(answer_label(Answer::not_assessed, Language::fr), "non évalué");
    EXPECT_EQ(gap_kind_label(GapKind::no_agreement, Language::fr), "aucun accord ne le couvre");
    EXPECT_EQ(format_percent(72.4, Language::en), "72%");
    EXPECT_EQ(format_percent(72.5, Language::fr), "73\u00A0%");
    EXPECT_EQ(format_percent(140, Language::en), "100%");
    EXPECT_EQ(format_percent(-3, Language::en), "0%");
}

TEST_F(ReportTest, LongMatrixIsCappedAndCounted) {
    Report r = build(Language::en, small_matrix(45, 52));
    EXPECT_EQ(r.matrix.agreements.size(), max_matrix_rows);
    EXPECT_EQ(r.matrix.cells.size(), max_matrix_rows);
    EXPECT_EQ(r.matrix.left_out, 12);
    EXPECT_EQ(r.matrix.left_out_note, "12 more agreements are not shown (40 of 52 shown).");

    // A total smaller than the rows given still counts the rows cut.
    r = build(Language::fr, small_matrix(41, 0));
    EXPECT_EQ(r.matrix.left_out, 1);
    EXPECT_EQ(r.matrix.left_out_note, "1 autre accord n'est pas affiché (40 sur 41 affichés).");
}

TEST_F(ReportTest, RaggedMatrixRowsArePaddedAndBadCodesReadAsNotCovered) {
    ReportMatrix m = small_matrix(3, 3);
    m.cells[0] = {1};
    m.cells[1] = {7, 2, 1, 1, 1};
    m.cells.pop_back();  // the third row has no cells at all
    const Report r = build(Language::en, m);
    EXPECT_THAT(r.matrix.cells[0], ElementsAre(1, 0, 0));
    EXPECT_THAT(r.matrix.cells[1], ElementsAre(0, 2, 1));
    EXPECT_THAT(r.matrix.cells[2], ElementsAre(0, 0, 0));
}

TEST_F(ReportTest, NothingToReportStillBuilds) {
    assessment.answers.clear();
    actions.clear();
    const Report r = build(Language::en, ReportMatrix{});
    EXPECT_TRUE(r.gaps.empty());
    EXPECT_TRUE(r.gaps_intro.empty());
    EXPECT_FALSE(r.overall);
    for (const auto& s : r.area_scores) EXPECT_FALSE(s.percent);
    EXPECT_TRUE(r.matrix.agreements.empty());
    EXPECT_TRUE(r.actions.empty());
    EXPECT_FALSE(r.labels.no_gaps.empty());
    EXPECT_THAT(r.labels.chart_description, HasSubstr("Overall not assessed"));
}

}  // namespace
}  // namespace moudesk::diagnostic
