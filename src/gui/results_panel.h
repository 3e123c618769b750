#pragma once
/// @brief The results of an assessment on the Diagnostic page: the scores per area and overall
/// as a chart (the previous assessment's scores marked on it), the comparison with the assessment
/// it re-assesses (answers better and worse), and the gaps — each "no" or "partly" with what the
/// register says about every key element it probes and the question's solutions.

#include <optional>
#include <vector>

#include <wx/panel.h>

#include "app_context.h"
#include "moudesk/diagnostic/assessment.h"
#include "moudesk/diagnostic/gaps.h"

class wxHtmlWindow;
class wxHtmlLinkEvent;
class wxStaticText;

namespace moudesk::gui {

class ScoreChart;

class ResultsPanel : public wxPanel {
public:
    ResultsPanel(wxWindow* parent, const AppContext& context);

    /// Shows the results of `assessment` (null: none), its gaps, and the comparison with
    /// `previous` (null: it re-assesses none).
    void show(const diagnostic::Assessment* assessment, const diagnostic::Assessment* previous,
              std::vector<diagnostic::Gap> gaps);

    /// How a gap's key element stands in the register, in words.
    static wxString gap_kind_label(diagnostic::GapKind kind);
    static wxColour gap_kind_colour(diagnostic::GapKind kind);

    // For tests.
    ScoreChart* chart() const { return chart_; }
    const diagnostic::Scores& scores() const { return scores_; }
    const std::vector<diagnostic::Gap>& gaps() const { return gaps_; }
    const std::optional<diagnostic::Comparison>& comparison() const { return comparison_; }
    wxStaticText* overall_label() const { return overall_; }
    /// The HTML of the gaps and of the comparison.
    const wxString& gaps_source() const { return gaps_source_; }
    const wxString& comparison_source() const { return comparison_source_; }

private:
    void show_gaps();
    void show_comparison(const diagnostic::Assessment* assessment, const diagnostic::Assessment* previous);
    void on_link(wxHtmlLinkEvent& event);

    const AppContext& context_;
    diagnostic::Scores scores_;
    std::vector<diagnostic::Gap> gaps_;
    std::optional<diagnostic::Comparison> comparison_;
    wxString gaps_source_;
    wxString comparison_source_;

    ScoreChart* chart_ = nullptr;
    wxStaticText* overall_ = nullptr;
    wxStaticText* chart_note_ = nullptr;
    wxHtmlWindow* comparison_view_ = nullptr;
    wxHtmlWindow* gaps_view_ = nullptr;
};

}  // namespace moudesk::gui
