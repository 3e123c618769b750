#pragma once
/// @brief A horizontal bar chart drawn with wxDC: one labelled bar per category with its count
/// (the Dashboard's actions by status).

#include <vector>

#include <wx/colour.h>
#include <wx/panel.h>

namespace moudesk::gui {

class StatusChart : public wxPanel {
public:
    struct Bar {
        wxString label;
        int count = 0;
        wxColour colour;
    };

    explicit StatusChart(wxWindow* parent, const wxString& title = wxString());

    void set_bars(std::vector<Bar> bars);
    const std::vector<Bar>& bars() const { return bars_; }
    wxSize DoGetBestSize() const override;

private:
    void on_paint(wxPaintEvent& event);

    wxString title_;
    std::vector<Bar> bars_;
};

}  // namespace moudesk::gui
