#include "status_chart.h"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

namespace moudesk::gui {

StatusChart::StatusChart(wxWindow* parent, const wxString& title) : wxPanel(parent, wxID_ANY), title_(title) {
    SetName("status-chart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &StatusChart::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

void StatusChart::set_bars(std::vector<Bar> bars) {
    bars_ = std::move(bars);
    InvalidateBestSize();
    Refresh();
}

wxSize StatusChart::DoGetBestSize() const {
    const int line = GetCharHeight();
    const int rows = static_cast<int>(std::max<std::size_t>(bars_.size(), 1));
    return wxSize(FromDIP(360), (title_.empty() ? 0 : line + FromDIP(8)) + rows * (line + FromDIP(10)) + FromDIP(8));
}

void StatusChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    dc.SetFont(GetFont());
    dc.SetTextForeground(text);

    const wxSize size = GetClientSize();
    const int margin = FromDIP(6);
    const int line = dc.GetCharHeight();
    int y = margin;
    if (!title_.empty()) {
        dc.SetFont(GetFont().Bold());
        dc.DrawText(title_, margin, y);
        dc.SetFont(GetFont());
        y += line + FromDIP(8);
    }
    // Labels on the left, as wide as the widest; counts at the end of each bar.
    int label_width = 0;
    int count_width = 0;
    int most = 0;
    for (const Bar& bar : bars_) {
        label_width = std::max(label_width, dc.GetTextExtent(bar.label).x);
        count_width = std::max(count_width, dc.GetTextExtent(wxString::Format("%d", bar.count)).x);
        most = std::max(most, bar.count);
    }
    const int bar_left = margin + label_width + FromDIP(10);
    const int bar_space = std::max(size.x - bar_left - count_width - FromDIP(8) - margin, FromDIP(10));
    const int row_height = line + FromDIP(10);
    for (const Bar& bar : bars_) {
        dc.SetTextForeground(text);
        dc.DrawText(bar.label, margin, y + (row_height - line) / 2);
        const int width = most > 0 ? static_cast<int>(static_cast<long long>(bar_space) * bar.count / most) : 0;
        const wxRect rect(bar_left, y + FromDIP(3), std::max(width, bar.count > 0 ? FromDIP(2) : 0),
                          row_height - FromDIP(6));
        if (rect.width > 0) {
            dc.SetPen(wxPen(bar.colour.ChangeLightness(80)));
            dc.SetBrush(wxBrush(bar.colour));
            dc.DrawRectangle(rect);
        }
        dc.DrawText(wxString::Format("%d", bar.count), bar_left + rect.width + FromDIP(6), y + (row_height - line) / 2);
        y += row_height;
    }
    if (bars_.empty()) {
        dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        dc.DrawText(_("Nothing to show."), margin, y);
    }
}

}  // namespace moudesk::gui
