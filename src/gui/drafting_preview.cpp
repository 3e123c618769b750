#include "drafting_preview.h"

#include <algorithm>

#include <wx/artprov.h>
#include <wx/html/htmlwin.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "drafting_layout.h"
#include "moudesk/render/writer.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

enum Icon { icon_error, icon_warning };

// The preview's links are in-page references to articles; anything else is not followed.
class PreviewWindow : public wxHtmlWindow {
public:
    using wxHtmlWindow::wxHtmlWindow;
    void OnLinkClicked(const wxHtmlLinkInfo& link) override {
        if (link.GetHref().StartsWith("#")) ScrollToAnchor(link.GetHref().Mid(1));
    }
    bool scroll_to(const wxString& anchor) { return ScrollToAnchor(anchor); }
};

}  // namespace

PreviewPane::PreviewPane(wxWindow* parent, DraftingHost& host,
                         std::function<void(const drafting::Finding&, bool)> go_to)
    : wxPanel(parent, wxID_ANY), host_(host), go_to_(std::move(go_to)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split_->SetMinimumPaneSize(FromDIP(60));

    html_ = new PreviewWindow(split_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    html_->SetName("preview");
    html_->SetBorders(FromDIP(10));
    // wxHtmlWindow's default heading sizes suit a web page, not a preview beside the editors.
    static const int font_sizes[7] = {7, 8, 10, 11, 12, 13, 15};
    // A serif face, as the exported documents use.
    const wxString serif = wxFont(wxFontInfo(10).Family(wxFONTFAMILY_ROMAN)).GetFaceName();
    html_->SetFonts(serif, wxString(), font_sizes);

    auto* lower = new wxPanel(split_);
    auto* lower_sizer = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(lower, wxID_ANY, wxString());
    lower_sizer->Add(summary_, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(4));
    list_ = new wxListCtrl(lower, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_NO_HEADER);
    list_->SetName("findings");
    const wxSize icon_size = FromDIP(wxSize(16, 16));
    auto* icons = new wxImageList(icon_size.x, icon_size.y, true, 2);
    icons->Add(wxArtProvider::GetBitmap(wxART_ERROR, wxART_LIST, icon_size));
    icons->Add(wxArtProvider::GetBitmap(wxART_WARNING, wxART_LIST, icon_size));
    list_->AssignImageList(icons, wxIMAGE_LIST_SMALL);
    list_->AppendColumn(_("Finding"), wxLIST_FORMAT_LEFT, FromDIP(600));
    lower_sizer->Add(list_, 1, wxEXPAND);
    lower->SetSizer(lower_sizer);

    split_->SplitHorizontally(html_, lower, -FromDIP(170));
    split_->SetSashGravity(0.8);
    place_sash_when_sized(split_, 0.75);
    top->Add(split_, 1, wxEXPAND);
    SetSizer(top);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        if (filling_) return;
        // The list shows one line of each finding; the status bar the whole of the chosen one.
        const auto& findings = host_.editor().findings();
        if (event.GetIndex() >= 0 && static_cast<std::size_t>(event.GetIndex()) < findings.size())
            host_.status(to_wx(findings[static_cast<std::size_t>(event.GetIndex())].message));
        chosen(event.GetIndex(), false);
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { chosen(event.GetIndex(), true); });
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        list_->SetColumnWidth(0, std::max(list_->GetClientSize().x - 4, FromDIP(200)));
        event.Skip();
    });
}

namespace {

// wxHtmlWindow ignores the page's CSS and centres table cells vertically: side by side, a
// paragraph would then float beside a longer translation. The attribute it does read puts each
// cell at the top, as browsers show the page.
void align_cells_to_top(std::string& page) {
    static const std::string cell = "<td ";
    static const std::string top = "<td valign=\"top\" ";
    for (std::size_t at = page.find(cell); at != std::string::npos; at = page.find(cell, at + top.size()))
        page.replace(at, cell.size(), top);
}

}  // namespace

void PreviewPane::refresh_preview(bool force) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::string page = render::render_html(host_.editor().assembly().document);
    align_cells_to_top(page);
    const auto rendered = clock::now();
    render_time_ = std::chrono::duration_cast<std::chrono::microseconds>(rendered - start);
    if (page == shown_page_ && !force) {
        layout_time_ = std::chrono::microseconds(0);
        return;  // laying out the same page again costs as much as a new one
    }

    int x = 0, y = 0;
    html_->GetViewStart(&x, &y);
    html_->Freeze();
    html_->SetPage(to_wx(page));
    html_->Scroll(x, y);
    html_->Thaw();
    shown_page_ = std::move(page);
    const auto shown = clock::now();
    layout_time_ = std::chrono::duration_cast<std::chrono::microseconds>(shown - rendered);
}

void PreviewPane::refresh_findings() {
    const auto& findings = host_.editor().findings();
    filling_ = true;
    long keep = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    list_->Freeze();
    list_->DeleteAllItems();
    std::size_t errors = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        errors += f.severity == Severity::error;
        list_->InsertItem(static_cast<long>(i), to_wx(f.message),
                          f.severity == Severity::error ? icon_error : icon_warning);
    }
    if (keep >= 0 && keep < list_->GetItemCount())
        list_->SetItemState(keep, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
    list_->Thaw();
    filling_ = false;

    const std::size_t warnings = findings.size() - errors;
    if (findings.empty()) {
        summary_->SetLabel(_("No problems found: the agreement is complete."));
    } else {
        summary_->SetLabel(
            wxString::Format(_("%s, %s — select one to go to what it is about:"),
                             wxString::Format(wxPLURAL("%zu error", "%zu errors", errors), errors),
                             wxString::Format(wxPLURAL("%zu warning", "%zu warnings", warnings), warnings)));
    }
}

bool PreviewPane::show_article(int article) {
    if (article <= 0) return false;
    // The writer's anchors: "article-N" (the first language's copy in a sequence).
    return static_cast<PreviewWindow*>(html_)->scroll_to(wxString::Format("article-%d", article));
}

void PreviewPane::chosen(long index, bool focus) {
    const auto& findings = host_.editor().findings();
    if (index < 0 || static_cast<std::size_t>(index) >= findings.size()) return;
    const drafting::Finding finding = findings[static_cast<std::size_t>(index)];
    go_to_(finding, focus);
}

}  // namespace moudesk::gui
