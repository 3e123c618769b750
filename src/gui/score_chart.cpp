#include "score_chart.h"

#include <algorithm>
#include <cmath>

#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

namespace moudesk::gui {

ScoreChart::ScoreChart(wxWindow* parent, const wxString& title) : wxPanel(parent, wxID_ANY), title_(title) {
    SetName("score-chart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &ScoreChart::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

void ScoreChart::set_rows(std::vector<Row> rows) {
    rows_ = std::move(rows);
    InvalidateBestSize();
    Refresh();
}

wxString ScoreChart::score_text(const std::optional<double>& score) {
    if (!score) return _("not assessed");
    return wxString::Format(_("%d %%"), static_cast<int>(std::lround(*score * 100)));
}

wxColour ScoreChart::score_colour(double score) {
    if (score < 0.4) return wxColour(0xD0, 0x5A, 0x4E);
    if (score < 0.7) return wxColour(0xE3, 0xA7, 0x3B);
    return wxColour(0x5C, 0xA8, 0x5C);
}

wxSize ScoreChart::DoGetBestSize() const {
    const int line = GetCharHeight();
    const int rows = static_cast<int>(std::max<std::size_t>(rows_.size(), 1));
    return wxSize(FromDIP(420),
                  (title_.empty() ? 0 : line + FromDIP(8)) + rows * (line + FromDIP(12)) + FromDIP(24) + line);
}

void ScoreChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    dc.SetFont(GetFont());
    dc.SetTextForeground(text);

    const wxSize size = GetClientSize();
    const int margin = FromDIP(8);
    const int line = dc.GetCharHeight();
    int y = margin;
    if (!title_.empty()) {
        dc.SetFont(GetFont().Bold());
        dc.DrawText(title_, margin, y);
        dc.SetFont(GetFont());
        y += line + FromDIP(8);
    }
    if (rows_.empty()) {
        dc.SetTextForeground(grey);
        dc.DrawText(_("Nothing to show."), margin, y);
        return;
    }

    // Labels on the left as wide as the widest (up to half the width, then cut with "…"), the
    // bars from 0 to 100 %, the value after the bar's full length so it never overlaps.
    const wxFont bold = GetFont().Bold();
    int label_width = 0;
    int value_width = dc.GetTextExtent(score_text(std::nullopt)).x;
    for (const Row& row : rows_) {
        dc.SetFont(row.overall ? bold : GetFont());
        label_width = std::max(label_width, dc.GetTextExtent(row.label).x);
        value_width = std::max(value_width, dc.GetTextExtent(score_text(1.0)).x);
    }
    dc.SetFont(GetFont());
    label_width = std::min(label_width, size.x / 2);
    const int bar_left = margin + label_width + FromDIP(10);
    const int bar_space = std::max(size.x - bar_left - value_width - FromDIP(10) - margin, FromDIP(40));
    const int row_height = line + FromDIP(12);

    // The 0, 50 and 100 % marks.
    const int axis_top = y;
    for (const Row& row : rows_) {
        if (row.overall) y += FromDIP(8);
        y += row_height;
    }
    const int axis_bottom = y;
    dc.SetPen(wxPen(background.ChangeLightness(85), 1, wxPENSTYLE_DOT));
    for (int tick = 0; tick <= 100; tick += 25) {
        const int x = bar_left + bar_space * tick / 100;
        dc.DrawLine(x, axis_top, x, axis_bottom);
    }
    dc.SetTextForeground(grey);
    for (int tick = 0; tick <= 100; tick += 50) {
        const wxString label = wxString::Format(_("%d %%"), tick);
        const int x = bar_left + bar_space * tick / 100 - dc.GetTextExtent(label).x / 2;
        dc.DrawText(label, std::max(x, bar_left - FromDIP(4)), axis_bottom + FromDIP(2));
    }

    y = axis_top;
    for (const Row& row : rows_) {
        if (row.overall) {
            dc.SetPen(wxPen(grey));
            dc.DrawLine(margin, y + FromDIP(3), size.x - margin, y + FromDIP(3));
            y += FromDIP(8);
        }
        dc.SetFont(row.overall ? bold : GetFont());
        dc.SetTextForeground(text);
        wxString label = row.label;
        if (dc.GetTextExtent(label).x > label_width) {
            while (label.length() > 1 && dc.GetTextExtent(label + "…").x > label_width) label.RemoveLast();
            label += "…";
        }
        const int text_y = y + (row_height - line) / 2;
        dc.DrawText(label, margin, text_y);
        const wxRect track(bar_left, y + FromDIP(4), bar_space, row_height - FromDIP(8));
        dc.SetPen(wxPen(background.ChangeLightness(80)));
        dc.SetBrush(wxBrush(background.ChangeLightness(96)));
        dc.DrawRectangle(track);
        if (row.score) {
            const int width = static_cast<int>(std::lround(bar_space * std::clamp(*row.score, 0.0, 1.0)));
            if (width > 0) {
                const wxColour colour = score_colour(*row.score);
                dc.SetPen(wxPen(colour.ChangeLightness(80)));
                dc.SetBrush(wxBrush(colour));
                dc.DrawRectangle(wxRect(track.x, track.y, width, track.height));
            }
            dc.DrawText(score_text(row.score), bar_left + bar_space + FromDIP(8), text_y);
        } else {
            dc.SetTextForeground(grey);
            dc.SetFont(dc.GetFont().Italic());
            dc.DrawText(score_text(row.score), bar_left + bar_space + FromDIP(8), text_y);
        }
        if (row.previous) {
            // The earlier score: a dark tick across the track.
            const int x = bar_left + static_cast<int>(std::lround(bar_space * std::clamp(*row.previous, 0.0, 1.0)));
            dc.SetPen(wxPen(text, FromDIP(2)));
            dc.DrawLine(x, track.y - FromDIP(2), x, track.GetBottom() + FromDIP(3));
        }
        y += row_height;
    }
}

}  // namespace moudesk::gui
