#pragma once
/// @brief The scores of an assessment as a horizontal bar chart drawn with wxDC: one bar per
/// area from 0 to 100 %, its percentage at the end, "not assessed" written out where no question
/// of the area counts, the overall score last in bold, and — when the assessment re-assesses an
/// earlier one — the earlier score as a thin mark on each bar.

#include <optional>
#include <vector>

#include <wx/panel.h>

namespace moudesk::gui {

class ScoreChart : public wxPanel {
public:
    struct Row {
        wxString label;
        std::optional<double> score;     ///< 0–1; nullopt: not assessed
        std::optional<double> previous;  ///< the earlier assessment's score, if any
        wxString detail;                 ///< e.g. "3 of 4 answered"
        bool overall = false;            ///< drawn bold, after a rule
    };

    explicit ScoreChart(wxWindow* parent, const wxString& title = wxString());

    void set_rows(std::vector<Row> rows);
    const std::vector<Row>& rows() const { return rows_; }
    /// What a score reads as on the chart: "72 %", or "not assessed".
    static wxString score_text(const std::optional<double>& score);
    /// The colour of a bar for `score` (red below 40 %, amber below 70 %, green above).
    static wxColour score_colour(double score);

    wxSize DoGetBestSize() const override;

private:
    void on_paint(wxPaintEvent& event);

    wxString title_;
    std::vector<Row> rows_;
};

}  // namespace moudesk::gui
