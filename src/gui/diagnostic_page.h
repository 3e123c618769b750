#pragma once
/// @brief The Diagnostic page: assessments of a country's customs–police cooperation. Above, the
/// assessment worked on (new, re-assess from the chosen one, its scope); below, in tabs, the
/// questionnaire as a form (questionnaire_panel.h), the results — scores, gaps, comparison with
/// the previous assessment (results_panel.h) — and the coverage of the key elements by the
/// agreements of the register (coverage_grid.h). From the gaps: an addendum draft opened in the
/// drafting workspace, or an action plan added to an agreement; from an existing agreement's
/// file: its key elements recognised and recorded in the register (detect_dialog.h).
///
/// Assessments live in the register's database: without the register, the page says why and
/// shows nothing else. A questionnaire that could not be loaded is listed with its problems, as
/// the Library page lists the library's.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "moudesk/diagnostic/assessment.h"
#include "moudesk/diagnostic/gaps.h"
#include "moudesk/store/assessments.h"
#include "page.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace moudesk::gui {

class CoverageGrid;
class QuestionnairePanel;
class ResultsPanel;

class DiagnosticPage : public Page {
public:
    enum Tab { questionnaire_tab, results_tab, coverage_tab };

    DiagnosticPage(wxWindow* parent, AppContext& context);
    ~DiagnosticPage() override;

    wxString page_name() const override;
    void page_shown() override;
    /// Saves notes and evidence still being typed; false (the window stays) when that failed.
    bool confirm_close() override;

    /// The register changed elsewhere: gaps and coverage are read again (now if shown).
    void register_changed();

    // --- assessments ------------------------------------------------------------------------
    /// The New assessment form (title, country, agencies, assessors, date); the new assessment
    /// is then chosen. nullopt when cancelled.
    std::optional<store::Id> new_assessment();
    /// Re-assess: a copy of the chosen assessment (its answers included), with a new title and
    /// date, linked to it for the comparison; then chosen.
    std::optional<store::Id> reassess();
    /// The scope form of the chosen assessment; true when saved.
    bool edit_scope();
    /// Chooses assessment `id` (after saving what is being typed); false when there is none.
    bool select_assessment(store::Id id);
    std::optional<store::Id> selected_assessment() const;
    /// The chosen assessment as stored (null: none), and the one it re-assesses (null: none).
    const diagnostic::Assessment* assessment() const { return current_ ? &*current_ : nullptr; }
    const diagnostic::Assessment* previous() const { return previous_ ? &*previous_ : nullptr; }
    const std::vector<store::AssessmentRow>& assessment_rows() const { return rows_; }

    // --- views ------------------------------------------------------------------------------
    void show_tab(Tab tab);
    /// Scores, gaps (reading the register) and comparison, now.
    void refresh_results();
    /// The coverage matrix, read from the register now.
    void refresh_coverage();
    /// Shows question `id` on the Questionnaire tab; false when the questionnaire has none.
    bool show_question(const std::string& id);
    /// The gaps of the chosen assessment with what the register says today.
    std::vector<diagnostic::Gap> current_gaps();

    // --- what closes the gaps ---------------------------------------------------------------
    /// "Draft an addendum…": asks which agreement, then opens the addendum adding the key
    /// elements the gaps need and that agreement lacks in the drafting workspace, unsaved.
    bool draft_addendum();
    /// "Action plan…": asks the agreement, the due date (in days) and the owner party, then adds
    /// one action per gap in one transaction. Returns how many were added.
    int action_plan();
    /// "Import an agreement…": a file dialog, then import_file().
    bool import_agreement();
    /// Reads the agreement in `path` (TXT, DOCX, ODT, PDF), recognises its key elements and lets
    /// the user confirm them and choose the agreement to record them on; true when recorded.
    bool import_file(const std::filesystem::path& path);
    /// "Export report…": a file dialog, then export_report_to().
    bool export_report();
    /// Writes the assessment report of the chosen assessment (DOCX, PDF or HTML by extension).
    bool export_report_to(const std::filesystem::path& path);

    // For tests.
    wxChoice* assessment_choice() const { return choice_; }
    wxNotebook* notebook() const { return notebook_; }
    QuestionnairePanel* questionnaire_panel() const { return questionnaire_; }
    ResultsPanel* results_panel() const { return results_; }
    CoverageGrid* coverage_grid() const { return coverage_; }
    wxCheckBox* all_agreements_box() const { return all_agreements_; }
    wxStaticText* scope_label() const { return scope_; }
    wxListCtrl* problem_list() const { return problems_; }
    /// The message shown instead of the page when the register or the questionnaire is missing.
    wxString unavailable_text() const;

private:
    void build();
    void fill_choice();
    void load_assessment(std::optional<store::Id> id);
    void update_scope();
    void update_buttons();
    bool save_answer(const diagnostic::QuestionAnswer& answer);
    std::vector<std::string> probed_elements() const;
    std::vector<store::AgreementRow> all_agreements();

    AppContext& context_;
    std::vector<store::AssessmentRow> rows_;
    std::optional<diagnostic::Assessment> current_;
    std::optional<diagnostic::Assessment> previous_;
    bool results_stale_ = true;
    bool coverage_stale_ = true;

    wxStaticText* unavailable_ = nullptr;
    wxWindow* content_ = nullptr;
    wxChoice* choice_ = nullptr;
    wxButton* reassess_ = nullptr;
    wxButton* scope_button_ = nullptr;
    wxStaticText* scope_ = nullptr;
    wxNotebook* notebook_ = nullptr;
    QuestionnairePanel* questionnaire_ = nullptr;
    ResultsPanel* results_ = nullptr;
    wxWindow* coverage_page_ = nullptr;
    CoverageGrid* coverage_ = nullptr;
    wxCheckBox* all_agreements_ = nullptr;
    wxStaticText* coverage_count_ = nullptr;
    wxButton* addendum_ = nullptr;
    wxButton* plan_ = nullptr;
    wxButton* export_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxStaticText* problems_heading_ = nullptr;
};

}  // namespace moudesk::gui
