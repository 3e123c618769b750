#pragma once
/// @brief The right side of the drafting workspace: the live preview of the agreement (the
/// HTML writer's page in a wxHtmlWindow, in the draft's languages and layout) above the list of
/// findings (errors and warnings). Choosing a finding asks the page to show what it is about.
///
/// The preview follows every change at once: the page is parsed piece by piece (a paragraph row
/// side by side) and only the pieces whose HTML changed are parsed and measured again.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include <wx/panel.h>

#include "drafting_host.h"

class wxHtmlWindow;
class wxListCtrl;
class wxListEvent;
class wxSplitterWindow;
class wxStaticText;

namespace moudesk::gui {

class PreviewPane : public wxPanel {
public:
    /// `go_to` is called with a finding the user chose; `focus` is true when they activated it
    /// (Enter, double click) and the target should take the keyboard focus.
    PreviewPane(wxWindow* parent, DraftingHost& host, std::function<void(const drafting::Finding&, bool focus)> go_to);

    /// Renders the current document and shows it, keeping the scroll position. Only the pieces
    /// of the page that changed are parsed again (wxHtmlWindow measures every word as it parses);
    /// `force` parses the whole page again.
    void refresh_preview(bool force = false);
    /// Shows the current findings.
    void refresh_findings();
    /// Scrolls the preview to the heading of article `article` (1-based); false if there is none.
    bool show_article(int article);

    wxHtmlWindow* preview() const { return html_; }
    wxListCtrl* findings() const { return list_; }
    wxSplitterWindow* splitter() const { return split_; }

    /// How long the last refresh_preview() took: rendering the HTML, and parsing the changed
    /// pieces and laying the page out; how many pieces it parsed.
    std::chrono::microseconds last_render_time() const { return render_time_; }
    std::chrono::microseconds last_layout_time() const { return layout_time_; }
    std::size_t last_parsed_pieces() const { return parsed_pieces_; }

private:
    void chosen(long index, bool focus);

    DraftingHost& host_;
    std::function<void(const drafting::Finding&, bool)> go_to_;
    wxSplitterWindow* split_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* list_ = nullptr;
    std::chrono::microseconds render_time_{0};
    std::chrono::microseconds layout_time_{0};
    std::size_t parsed_pieces_ = 0;
    bool filling_ = false;
    std::string shown_page_;  ///< the HTML on display
};

}  // namespace moudesk::gui
