// The Diagnostic page: assessments created and re-assessed through its forms, the questionnaire
// answered through its controls (saved at once), scores that match diagnostic::score, gaps
// classified from the register, the coverage grid's colours, the addendum opened in the drafting
// workspace, the action plan, an agreement imported and its key elements recognised, and a
// questionnaire that cannot be loaded.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "agreement_dialog.h"
#include "agreements_page.h"
#include "app.h"
#include "coverage_grid.h"
#include "detect_dialog.h"
#include "diagnostic_page.h"
#include "drafting_page.h"
#include "gui_test_support.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "moudesk/diagnostic/agreement_text.h"
#include "moudesk/diagnostic/detect.h"
#include "moudesk/drafting/editor.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/assessments.h"
#include "questionnaire_panel.h"
#include "register_fixture.h"
#include "results_panel.h"
#include "score_chart.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;
using diagnostic::Answer;
using diagnostic::GapKind;
using tracking::Date;

class FormAnswers {
public:
    explicit FormAnswers(std::function<int(FormDialog&)> fill) { previous_ = set_form_answer(std::move(fill)); }
    ~FormAnswers() { set_form_answer(std::move(previous_)); }

private:
    FormAnswer previous_;
};

class DetectAnswers {
public:
    explicit DetectAnswers(std::function<int(DetectDialog&)> fill) { previous_ = set_detect_answer(std::move(fill)); }
    ~DetectAnswers() { set_detect_answer(std::move(previous_)); }

private:
    DetectAnswer previous_;
};

// The sample register, and on its agreement in force: information exchange implemented (its
// action done), joint operations covered with an overdue action. Training is covered by none.
struct DiagnosticRegister {
    SampleRegister ids;
    store::Id done_action = 0;
    store::Id overdue_element_action = 0;
};

DiagnosticRegister fill_diagnostic_register(const fs::path& path) {
    DiagnosticRegister r;
    r.ids = fill_sample_register(path);
    auto db = store::Database::open(path);
    store::Agreements agreements(*db);
    store::Actions actions(*db);
    agreements.set_element(r.ids.in_force, {"joint-operations", "manual", std::nullopt});
    store::ActionRecord done;
    done.agreement = r.ids.in_force;
    done.title = "Open the secure channel";
    done.element = "information-exchange";
    done.due = Date::today().add_days(-30);
    r.done_action = actions.add(done);
    actions.complete(r.done_action, Date::today().add_days(-20), "Channel opened, minutes of 3 March");
    store::ActionRecord late;
    late.agreement = r.ids.in_force;
    late.title = "Plan the first joint operation";
    late.element = "joint-operations";
    late.due = Date::today().add_days(-3);
    r.overdue_element_action = actions.add(late);
    return r;
}

struct Fixture {
    explicit Fixture(const std::string& name) {
        path = fresh_register("diagnostic-" + name);
        reg = fill_diagnostic_register(path);
        AppOptions options;
        options.db_path = path;
        options.data_dir = output_dir() / ("diagnostic-data-" + name);
        frame = make_frame(options);
        frame->show_page(&frame->diagnostic_page());
        pump();
    }
    ~Fixture() {
        // An addendum left unsaved is dropped, not offered for recovery to the next window.
        frame->drafting_page().testing().answer_dialogs_with([](const wxString&, long) { return int(wxID_NO); });
        frame->drafting_page().confirm_close();
    }
    DiagnosticPage& page() { return frame->diagnostic_page(); }
    QuestionnairePanel& form() { return *page().questionnaire_panel(); }
    store::Database& db() { return *frame->context().register_db; }
    const diagnostic::Questionnaire& questionnaire() { return frame->context().questionnaire; }

    // A new assessment through the New assessment form.
    store::Id add_assessment(const wxString& title) {
        FormAnswers answers([&](FormDialog& f) {
            f.set_text("title", title);
            f.set_text("country", "Atlantis");
            f.set_text("agencies", "Customs Administration of Atlantis\nNational Police of Atlantis");
            f.set_text("assessors", "Zoé Martin");
            return wxID_OK;
        });
        const std::optional<store::Id> id = page().new_assessment();
        EXPECT_TRUE(id.has_value());
        pump(50);
        return id.value_or(0);
    }

    // Area and question indexes of question `id`.
    std::pair<std::size_t, std::size_t> where(const std::string& id) {
        const auto& areas = questionnaire().areas;
        for (std::size_t a = 0; a < areas.size(); ++a)
            for (std::size_t q = 0; q < areas[a].questions.size(); ++q)
                if (areas[a].questions[q].id == id) return {a, q};
        ADD_FAILURE() << "no question " << id;
        return {0, 0};
    }

    // Shows question `id` as a user does: a click on its area, then on the question.
    void go_to(const std::string& id) {
        const auto [area, question] = where(id);
        form().area_list()->Select(static_cast<long>(area));
        pump(20);
        form().question_list()->Select(static_cast<long>(question));
        pump(20);
        ASSERT_NE(form().question(), nullptr);
        ASSERT_EQ(form().question()->id, id);
    }

    // Clicks answer `answer` of the radio box.
    void click_answer(Answer answer) {
        wxRadioBox* box = form().answer_box();
        box->SetSelection(static_cast<int>(answer));
        wxCommandEvent event(wxEVT_RADIOBOX, box->GetId());
        event.SetEventObject(box);
        event.SetInt(static_cast<int>(answer));
        box->GetEventHandler()->ProcessEvent(event);
        pump(20);
    }

    // The answers the gap tests use.
    void answer_gap_questions() {
        go_to("intel.formal-channel");
        click_answer(Answer::no);
        go_to("ops.joint-operations");
        click_answer(Answer::partly);
        go_to("people.joint-training");
        click_answer(Answer::no);
        go_to("legal.roles-defined");
        click_answer(Answer::yes);
        go_to("gov.steering-body");
        click_answer(Answer::not_applicable);
    }

    fs::path path;
    DiagnosticRegister reg;
    std::unique_ptr<MainFrame> frame;
};

TEST(DiagnosticPage, IsInTheSidebarWithTheQuestionnaireLoaded) {
    Fixture f("sidebar");
    MainFrame& frame = *f.frame;
    ASSERT_EQ(frame.pages().size(), 5u);
    EXPECT_EQ(frame.pages()[4], &f.page());
    EXPECT_EQ(f.page().page_name(), "Diagnostic");
    EXPECT_EQ(frame.current_page(), &f.page());
    EXPECT_FALSE(f.questionnaire().areas.empty());
    EXPECT_TRUE(frame.context().questionnaire_problems.empty()) << frame.context().questionnaire_problems.to_string();
    EXPECT_TRUE(f.page().unavailable_text().empty());
    EXPECT_FALSE(f.page().problem_list()->IsShown());
    // No assessment yet: the form is there, disabled.
    EXPECT_FALSE(f.page().selected_assessment());
    EXPECT_EQ(f.form().area_list()->GetItemCount(), static_cast<int>(f.questionnaire().areas.size()));
    EXPECT_FALSE(f.form().answer_box()->IsEnabled());
}

TEST(DiagnosticPage, AnswersGivenInTheFormAreSavedAtOnce) {
    Fixture f("answers");
    const store::Id id = f.add_assessment("Atlantis 2027");
    ASSERT_NE(id, 0);
    EXPECT_EQ(f.page().selected_assessment(), id);
    EXPECT_EQ(f.page().assessment_choice()->GetStringSelection(), Date::today().iso() + " — Atlantis 2027 (Atlantis)");
    EXPECT_TRUE(f.page().scope_label()->GetLabel().Contains("Zoé Martin")) << f.page().scope_label()->GetLabel();
    EXPECT_TRUE(f.form().answer_box()->IsEnabled());
    // The first question is shown, not assessed.
    const diagnostic::Question* first = f.questionnaire().questions().front();
    ASSERT_EQ(f.form().question(), first);
    EXPECT_EQ(f.form().answer_box()->GetSelection(), static_cast<int>(Answer::not_assessed));
    EXPECT_TRUE(f.form().question_label()->GetLabel().Contains(to_wx(first->text.en.substr(0, 20))));
    EXPECT_TRUE(f.form().guidance_source().Contains("Possible solutions"));

    // A click on "Partly" is stored; so are notes typed, once the question changes.
    f.click_answer(Answer::partly);
    store::Assessments assessments(f.db());
    EXPECT_EQ(assessments.get(id).answer_to(first->id), Answer::partly);
    f.form().notes_box()->SetValue("Signed in 2019, never updated");
    f.form().evidence_box()->SetValue("Copy of the MOU of 2019");
    EXPECT_EQ(assessments.get(id).find(first->id)->notes, "");  // still typing
    ASSERT_TRUE(f.form().next_question());
    const diagnostic::Assessment saved = assessments.get(id);
    const diagnostic::QuestionAnswer* stored = saved.find(first->id);
    ASSERT_NE(stored, nullptr);
    EXPECT_EQ(stored->notes, "Signed in 2019, never updated");
    EXPECT_EQ(stored->evidence, "Copy of the MOU of 2019");
    EXPECT_EQ(stored->answer, Answer::partly);
    EXPECT_TRUE(f.form().notes_box()->IsEmpty());  // the next question's own notes

    // Keys: Alt+N answers no, Page Up goes back.
    wxKeyEvent alt_n(wxEVT_CHAR_HOOK);
    alt_n.m_keyCode = 'N';
    alt_n.m_altDown = true;
    f.form().GetEventHandler()->ProcessEvent(alt_n);
    const std::string second = f.form().question()->id;
    EXPECT_EQ(assessments.get(id).answer_to(second), Answer::no);
    wxKeyEvent page_up(wxEVT_CHAR_HOOK);
    page_up.m_keyCode = WXK_PAGEUP;
    f.form().area_list()->SetFocus();
    f.form().GetEventHandler()->ProcessEvent(page_up);
    EXPECT_EQ(f.form().question(), first);
    EXPECT_EQ(f.form().notes_box()->GetValue(), "Signed in 2019, never updated");
    EXPECT_EQ(f.form().answer_box()->GetSelection(), static_cast<int>(Answer::partly));

    // The area list shows the area's score; the question list its answers.
    const diagnostic::Scores scores = diagnostic::score(f.questionnaire(), assessments.get(id));
    EXPECT_EQ(f.form().area_list()->GetItemText(0, 1), ScoreChart::score_text(scores.areas[0].score.value));
    EXPECT_EQ(f.form().area_list()->GetItemText(0, 1), "25 %");  // partly (weight 2) and no (weight 2)
    EXPECT_EQ(f.form().question_list()->GetItemText(0, 0), "Partly");
    EXPECT_EQ(f.form().area_list()->GetItemText(1, 1), "not assessed");

    // Typing, then leaving the page's window: confirm_close saves it.
    f.form().notes_box()->SetValue("Revised notes");
    EXPECT_TRUE(f.page().confirm_close());
    EXPECT_EQ(assessments.get(id).find(first->id)->notes, "Revised notes");
    screenshot(f.frame.get(), "diagnostic-questionnaire");
}

TEST(DiagnosticPage, ResultsShowTheScoresAndTheGapsClassifiedFromTheRegister) {
    Fixture f("results");
    const store::Id id = f.add_assessment("Atlantis 2027");
    f.answer_gap_questions();
    f.page().show_tab(DiagnosticPage::results_tab);
    pump();
    const diagnostic::Assessment stored = store::Assessments(f.db()).get(id);
    const diagnostic::Scores expected = diagnostic::score(f.questionnaire(), stored);

    // The chart: one bar per area and the overall, with the scores of diagnostic::score.
    ResultsPanel& results = *f.page().results_panel();
    const auto& rows = results.chart()->rows();
    ASSERT_EQ(rows.size(), expected.areas.size() + 1);
    for (std::size_t i = 0; i < expected.areas.size(); ++i)
        EXPECT_EQ(rows[i].score, expected.areas[i].score.value) << i;
    EXPECT_TRUE(rows.back().overall);
    EXPECT_EQ(rows.back().score, expected.overall.value);
    ASSERT_TRUE(expected.overall.value.has_value());
    EXPECT_TRUE(results.overall_label()->GetLabel().Contains(ScoreChart::score_text(expected.overall.value)))
        << results.overall_label()->GetLabel();
    EXPECT_TRUE(results.overall_label()->GetLabel().Contains("4 of 32")) << results.overall_label()->GetLabel();
    // Areas without an answer are "not assessed", not 0 %.
    int not_assessed = 0;
    for (const auto& row : rows) not_assessed += row.score ? 0 : 1;
    EXPECT_GT(not_assessed, 0);

    // Gaps: the three no/partly answers, classified from the register.
    const auto& gaps = results.gaps();
    ASSERT_EQ(gaps.size(), 3u);
    auto kind_of = [&](const std::string& question, const std::string& element) -> std::optional<GapKind> {
        for (const auto& g : gaps)
            if (g.question->id == question)
                for (const auto& e : g.elements)
                    if (e.element == element) return e.kind;
        return std::nullopt;
    };
    EXPECT_EQ(kind_of("intel.formal-channel", "information-exchange"), GapKind::weak_practice);
    EXPECT_EQ(kind_of("ops.joint-operations", "joint-operations"), GapKind::not_implemented);
    EXPECT_EQ(kind_of("people.joint-training", "training-and-exchange"), GapKind::no_agreement);
    const wxString& html = results.gaps_source();
    EXPECT_TRUE(html.Contains("no agreement in force covers it"));
    EXPECT_TRUE(html.Contains("covered on paper, not implemented"));
    EXPECT_TRUE(html.Contains("covered and implemented, practice still weak"));
    EXPECT_TRUE(html.Contains("MOU/2025/001 (1 action overdue)")) << html;
    // With the question's solutions.
    const diagnostic::Question* training = f.questionnaire().find("people.joint-training");
    ASSERT_FALSE(training->solutions.empty());
    EXPECT_TRUE(html.Contains(to_wx(xml_escape(training->solutions.front().en))));
    EXPECT_FALSE(results.comparison().has_value());
    screenshot(f.frame.get(), "diagnostic-results");
}

TEST(DiagnosticPage, TheReportIsExportedAsDocxPdfAndHtml) {
    Fixture f("report");
    f.add_assessment("Atlantis 2027");
    f.answer_gap_questions();
    for (const char* name : {"assessment-report.docx", "assessment-report.pdf", "assessment-report.html"}) {
        const fs::path path = output_dir() / name;
        fs::remove(path);
        EXPECT_TRUE(f.page().export_report_to(path)) << name;
        EXPECT_GT(fs::file_size(path), 1000u) << name;
    }
    const std::string html = read_file(output_dir() / "assessment-report.html");
    EXPECT_NE(html.find("Atlantis 2027"), std::string::npos);
    EXPECT_NE(html.find("MOU/2025/001"), std::string::npos);
    // ODT is not offered for reports: refused and reported, nothing written.
    ErrorRecorder errors;
    EXPECT_FALSE(f.page().export_report_to(output_dir() / "assessment-report.odt"));
    EXPECT_EQ(errors.reports().size(), 1u);
    EXPECT_FALSE(fs::exists(output_dir() / "assessment-report.odt"));
}

TEST(DiagnosticPage, AReassessmentIsComparedWithTheOneItCopies) {
    Fixture f("reassess");
    const store::Id first = f.add_assessment("Atlantis 2026");
    f.answer_gap_questions();
    std::optional<store::Id> second;
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("title", "Atlantis 2027");
            return wxID_OK;
        });
        second = f.page().reassess();
    }
    ASSERT_TRUE(second);
    EXPECT_NE(*second, first);
    EXPECT_EQ(f.page().selected_assessment(), second);
    ASSERT_NE(f.page().previous(), nullptr);
    EXPECT_EQ(f.page().previous()->id, first);
    EXPECT_TRUE(f.page().scope_label()->GetLabel().Contains("Re-assesses: Atlantis 2026"));
    EXPECT_EQ(f.page().assessment_rows().size(), 2u);
    // The copy has the answers; one gets better, one worse.
    f.go_to("people.joint-training");
    EXPECT_EQ(f.form().answer_box()->GetSelection(), static_cast<int>(Answer::no));
    f.click_answer(Answer::yes);
    f.go_to("legal.roles-defined");
    f.click_answer(Answer::partly);
    f.page().show_tab(DiagnosticPage::results_tab);
    pump();
    const auto& comparison = f.page().results_panel()->comparison();
    ASSERT_TRUE(comparison.has_value());
    EXPECT_EQ(comparison->improved(), 1);
    EXPECT_EQ(comparison->worsened(), 1);
    EXPECT_TRUE(f.page().results_panel()->comparison_source().Contains("1 answer better"));
    EXPECT_TRUE(f.page().results_panel()->comparison_source().Contains("1 answer worse"));
    EXPECT_EQ(f.page().results_panel()->gaps().size(), 3u);  // two left, one new
    // The chart marks the earlier scores.
    EXPECT_TRUE(f.page().results_panel()->chart()->rows().back().previous.has_value());
    screenshot(f.frame.get(), "diagnostic-comparison");

    // Back to the first one: the choice lists both, newest first.
    EXPECT_TRUE(f.page().select_assessment(first));
    EXPECT_EQ(f.page().previous(), nullptr);

    // The scope form saves the scope.
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("country", "Atlantide");
            form.set_text("date", "2026-11-30");
            return wxID_OK;
        });
        EXPECT_TRUE(f.page().edit_scope());
    }
    const diagnostic::Assessment a = store::Assessments(f.db()).get(first);
    EXPECT_EQ(a.country, "Atlantide");
    EXPECT_EQ(a.date.iso(), "2026-11-30");
    EXPECT_EQ(a.agencies.size(), 2u);
    // A bad date is refused, nothing saved.
    {
        ErrorRecorder errors;
        FormAnswers answers([](FormDialog& form) {
            form.set_text("date", "30/11/2026");
            return wxID_OK;
        });
        EXPECT_FALSE(f.page().edit_scope());
        ASSERT_EQ(errors.reports().size(), 1u);
        EXPECT_TRUE(errors.reports()[0].summary.Contains("is not a date"));
    }
}

TEST(DiagnosticPage, TheCoverageGridColoursEachElementOfEachAgreement) {
    Fixture f("coverage");
    f.page().show_tab(DiagnosticPage::coverage_tab);
    pump();
    CoverageGrid& grid = *f.page().coverage_grid();
    // In force only: MOU/2025/001.
    ASSERT_EQ(grid.GetNumberRows(), 1);
    EXPECT_EQ(grid.GetRowLabelValue(0), "MOU/2025/001");
    const auto& elements = grid.matrix().elements;
    auto column = [&](const std::string& slug) {
        const auto it = std::find(elements.begin(), elements.end(), slug);
        EXPECT_NE(it, elements.end()) << slug;
        return static_cast<int>(it - elements.begin());
    };
    EXPECT_EQ(grid.GetNumberCols(), 15);
    EXPECT_EQ(grid.GetColLabelValue(column("information-exchange")), "Intelligence and information exchange");
    EXPECT_EQ(grid.GetCellBackgroundColour(0, column("information-exchange")),
              CoverageGrid::cell_colour(store::CoverageMatrix::covered));
    EXPECT_EQ(grid.GetCellBackgroundColour(0, column("joint-operations")),
              CoverageGrid::cell_colour(store::CoverageMatrix::covered_overdue));
    EXPECT_EQ(grid.GetCellBackgroundColour(0, column("training-and-exchange")),
              CoverageGrid::cell_colour(store::CoverageMatrix::not_covered));
    EXPECT_EQ(grid.GetCellValue(0, column("joint-operations")), "!");
    screenshot(f.frame.get(), "diagnostic-coverage");

    // Every agreement: three rows.
    f.page().all_agreements_box()->SetValue(true);
    wxCommandEvent toggled(wxEVT_CHECKBOX, f.page().all_agreements_box()->GetId());
    toggled.SetEventObject(f.page().all_agreements_box());
    toggled.SetInt(1);
    f.page().all_agreements_box()->GetEventHandler()->ProcessEvent(toggled);
    EXPECT_EQ(grid.GetNumberRows(), 3);

    // A double click opens the agreement on the Agreements page.
    const int row = [&] {
        for (int r = 0; r < grid.GetNumberRows(); ++r)
            if (grid.GetRowLabelValue(r) == "MOU/2024/003") return r;
        return -1;
    }();
    ASSERT_GE(row, 0);
    wxGridEvent dclick(grid.GetId(), wxEVT_GRID_CELL_LEFT_DCLICK, &grid, row, 0);
    grid.GetEventHandler()->ProcessEvent(dclick);
    pump();
    EXPECT_EQ(f.frame->current_page(), static_cast<Page*>(&f.frame->agreements_page()));
    EXPECT_EQ(f.frame->agreements_page().selected_agreement(), f.reg.ids.signed_);
}

TEST(DiagnosticPage, AnAddendumWithTheMissingElementsOpensInTheDraftingWorkspace) {
    Fixture f("addendum");
    f.add_assessment("Atlantis 2027");
    f.answer_gap_questions();
    int forms = 0;
    {
        FormAnswers answers([&](FormDialog& form) {
            ++forms;
            // The agreement in force is chosen first.
            EXPECT_TRUE(form.text("agreement").StartsWith("MOU/2025/001")) << form.text("agreement");
            return wxID_OK;
        });
        ASSERT_TRUE(f.page().draft_addendum());
    }
    EXPECT_EQ(forms, 1);
    pump();
    DraftingPage& drafting = f.frame->drafting_page();
    EXPECT_EQ(f.frame->current_page(), static_cast<Page*>(&drafting));
    const drafting::Draft& draft = drafting.testing().editor().draft();
    EXPECT_EQ(draft.instrument, Instrument::addendum);
    EXPECT_TRUE(draft.has_element("training-and-exchange"));
    EXPECT_FALSE(draft.has_element("information-exchange"));  // already covered
    ASSERT_GE(draft.parties.size(), 2u);
    EXPECT_EQ(draft.parties[0].name.en, "Customs Administration of Atlantis");
    screenshot(f.frame.get(), "diagnostic-addendum-draft");
}

TEST(DiagnosticPage, AnActionPlanAddsOneActionPerGapInOneStep) {
    Fixture f("plan");
    f.add_assessment("Atlantis 2027");
    f.answer_gap_questions();
    store::ActionFilter filter;
    filter.agreement = f.reg.ids.in_force;
    const std::size_t before = store::Actions(f.db()).list(filter).size();
    int added = 0;
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("days", "30");
            return wxID_OK;
        });
        added = f.page().action_plan();
    }
    EXPECT_EQ(added, 3);
    const auto actions = store::Actions(f.db()).list(filter);
    ASSERT_EQ(actions.size(), before + 3);
    int planned = 0;
    for (const auto& a : actions)
        if (a.notes.find("Atlantis 2027") != std::string::npos) {
            ++planned;
            EXPECT_EQ(a.due, Date::today().add_days(30));
            EXPECT_TRUE(a.owner_party.has_value());  // the first party by default
        }
    EXPECT_EQ(planned, 3);
    // A wrong number of days: refused, nothing added.
    {
        ErrorRecorder errors;
        FormAnswers answers([](FormDialog& form) {
            form.set_text("days", "soon");
            return wxID_OK;
        });
        EXPECT_EQ(f.page().action_plan(), 0);
        EXPECT_EQ(errors.reports().size(), 1u);
    }
    EXPECT_EQ(store::Actions(f.db()).list(filter).size(), before + 3);
}

TEST(DiagnosticPage, AnImportedAgreementHasItsKeyElementsRecognisedAndRecorded) {
    Fixture f("import");
    const fs::path text = output_dir() / "imported-agreement.txt";
    {
        std::ofstream out(text);
        out << "MEMORANDUM OF UNDERSTANDING BETWEEN THE CUSTOMS ADMINISTRATION AND THE NATIONAL POLICE OF "
               "CÔTE-CLAIRE\n\n"
               "Article 1 – Exchange of information\n\n"
               "The Parties shall exchange information on persons, goods and means of transport suspected of "
               "involvement in smuggling, spontaneously and upon request.\n\n"
               "Article 2 – Joint operations\n\n"
               "The Parties shall plan and conduct joint operations at the border under a joint operational "
               "plan.\n\n"
               "Article 3 – Liaison officers\n\n"
               "This Memorandum does not provide for the exchange of liaison officers.\n";
    }
    const std::vector<diagnostic::Detection> expected =
        diagnostic::detect(f.frame->context().library, diagnostic::extract_text(text));
    ASSERT_FALSE(expected.empty());
    int dialogs = 0;
    {
        DetectAnswers answers([&](DetectDialog& dialog) {
            ++dialogs;
            // What the detector reports is ticked, with its confidence.
            for (const auto& d : expected) EXPECT_TRUE(dialog.is_checked(d.element)) << d.element;
            EXPECT_TRUE(dialog.is_checked("information-exchange"));
            dialog.show_element("information-exchange");
            EXPECT_TRUE(dialog.evidence_source().Contains("<b><u>")) << dialog.evidence_source();
            EXPECT_TRUE(dialog.evidence_source().Contains("Sentences that show it"));
            if (const auto* d = dialog.detection("liaison-officers"); d && !d->negated.empty()) {
                dialog.show_element("liaison-officers");
                EXPECT_TRUE(dialog.evidence_source().Contains("Sentences that say it is not covered"));
            }
            EXPECT_FALSE(dialog.is_checked("training-and-exchange"));
            // The assessor adds what the reading missed and records them on the draft agreement.
            dialog.set_checked("training-and-exchange", true);
            EXPECT_TRUE(dialog.choose_agreement(f.reg.ids.draft));
            dialog.show_element("information-exchange");
            dialog.Show();
            pump(100);
            screenshot(&dialog, "diagnostic-import");
            dialog.Hide();
            return wxID_OK;
        });
        ASSERT_TRUE(f.page().import_file(text));
    }
    EXPECT_EQ(dialogs, 1);
    const store::AgreementRecord record = store::Agreements(f.db()).get(f.reg.ids.draft);
    auto find = [&](const std::string& slug) -> const store::ElementCoverage* {
        for (const auto& e : record.elements)
            if (e.element == slug) return &e;
        return nullptr;
    };
    const store::ElementCoverage* info = find("information-exchange");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->source, "detected");
    ASSERT_TRUE(info->confidence.has_value());
    EXPECT_GE(*info->confidence, diagnostic::Detector::threshold);
    const store::ElementCoverage* training = find("training-and-exchange");
    ASSERT_NE(training, nullptr);
    EXPECT_EQ(training->source, "manual");
    EXPECT_EQ(record.elements.size(), expected.size() + 1);

    // A file that is not an agreement is reported, nothing recorded.
    ErrorRecorder errors;
    const fs::path binary = output_dir() / "not-an-agreement.docx";
    {
        std::ofstream out(binary, std::ios::binary);
        out << "PK\x03\x04 not really a zip";
    }
    EXPECT_FALSE(f.page().import_file(binary));
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(errors.reports()[0].summary.Contains("Could not read the agreement"));
}

TEST(DiagnosticPage, InFrenchTheFormAndItsKeysFollowTheTranslation) {
    auto* app = dynamic_cast<App*>(wxTheApp);
    ASSERT_NE(app, nullptr);
    app->init_language(InterfaceLanguage::fr);
    {
        Fixture f("french");
        EXPECT_EQ(f.page().page_name(), "Diagnostic");
        const store::Id id = f.add_assessment("Atlantide 2027");
        EXPECT_EQ(f.form().answer_box()->GetString(0), "Oui");
        // Alt+O answers « oui » in French.
        wxKeyEvent alt_o(wxEVT_CHAR_HOOK);
        alt_o.m_keyCode = 'O';
        alt_o.m_altDown = true;
        f.form().GetEventHandler()->ProcessEvent(alt_o);
        EXPECT_EQ(store::Assessments(f.db()).get(id).answer_to(f.form().question()->id), Answer::yes);
        EXPECT_TRUE(f.form().guidance_source().Contains("Solutions possibles"));
        pump();
        screenshot(f.frame.get(), "diagnostic-questionnaire-fr");
        f.answer_gap_questions();
        f.page().show_tab(DiagnosticPage::results_tab);
        pump();
        EXPECT_TRUE(f.page().results_panel()->gaps_source().Contains("aucun accord en vigueur ne le couvre"));
        screenshot(f.frame.get(), "diagnostic-results-fr");
    }
    app->init_language(InterfaceLanguage::en);
}

TEST(DiagnosticPage, ABrokenQuestionnaireIsListedWithItsProblems) {
    const fs::path broken = output_dir() / "broken-questionnaire.xml";
    {
        std::ofstream out(broken);
        out << "<?xml version=\"1.0\"?>\n<questionnaire version=\"1\">\n  <area id=\"x\">\n</questionnaire>\n";
    }
    AppOptions options;
    options.db_path = fresh_register("diagnostic-broken");
    options.questionnaire = broken;
    options.data_dir = output_dir() / "diagnostic-data-broken";
    auto frame = make_frame(options);
    frame->show_page(&frame->diagnostic_page());
    pump();
    DiagnosticPage& page = frame->diagnostic_page();
    EXPECT_TRUE(frame->context().questionnaire.areas.empty());
    EXPECT_TRUE(page.unavailable_text().Contains("could not be loaded")) << page.unavailable_text();
    EXPECT_TRUE(page.problem_list()->IsShown());
    EXPECT_GT(page.problem_list()->GetItemCount(), 0);
    EXPECT_TRUE(page.problem_list()->GetItemText(0, 1).Contains("broken-questionnaire.xml"));
    screenshot(frame.get(), "diagnostic-broken-questionnaire");
}

}  // namespace
}  // namespace moudesk::gui::test
