#pragma once
/// @brief Small layout helpers of the drafting workspace: placing a splitter's sash once the
/// window has its real size (the position given to Split*() is applied while the splitter is
/// still tiny, and gravity then scales it wrongly), and explanatory text that wraps to the width
/// it is given instead of being clipped.

#include <memory>

#include <wx/splitter.h>
#include <wx/stattext.h>

namespace moudesk::gui {

/// Puts the sash at `fraction` of the splitter's width (vertical split) or height (horizontal)
/// the first time the splitter is laid out at a useful size; later the user's choice stays.
inline void place_sash_when_sized(wxSplitterWindow* splitter, double fraction) {
    auto placed = std::make_shared<bool>(false);
    splitter->Bind(wxEVT_SIZE, [splitter, fraction, placed](wxSizeEvent& event) {
        event.Skip();
        const wxSize size = event.GetSize();
        const int extent = splitter->GetSplitMode() == wxSPLIT_VERTICAL ? size.x : size.y;
        if (*placed || extent < splitter->FromDIP(100)) return;
        *placed = true;
        splitter->CallAfter([splitter, fraction] {
            const wxSize now = splitter->GetClientSize();
            const int length = splitter->GetSplitMode() == wxSPLIT_VERTICAL ? now.x : now.y;
            splitter->SetSashPosition(static_cast<int>(length * fraction));
        });
    });
}

/// A static text that re-wraps its label whenever its width changes. Put it in a sizer with
/// wxEXPAND so it gets the width of its column.
inline wxStaticText* wrapping_text(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    label->SetMinSize(wxSize(label->FromDIP(100), -1));
    auto width = std::make_shared<int>(0);
    auto original = std::make_shared<wxString>(text);
    label->Bind(wxEVT_SIZE, [label, width, original](wxSizeEvent& event) {
        event.Skip();
        const int w = event.GetSize().x;
        if (w <= 0 || w == *width) return;
        *width = w;
        label->CallAfter([label, w, original] {
            label->SetLabel(*original);
            label->Wrap(w);
            const int lines = static_cast<int>(label->GetLabel().Freq('\n')) + 1;
            const int height = lines * label->GetCharHeight() + label->FromDIP(2);
            if (label->GetMinSize().y != height) {
                label->SetMinSize(wxSize(label->FromDIP(100), height));
                if (wxWindow* holder = label->GetParent()) holder->Layout();
            }
        });
    });
    return label;
}

}  // namespace moudesk::gui
