#include "drafting_preview.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include <wx/artprov.h>
#include <wx/dcclient.h>
#include <wx/html/htmlcell.h>
#include <wx/html/htmlwin.h>
#include <wx/html/winpars.h>
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
//
// The page is shown piece by piece: the body of the HTML writer's page is cut into pieces (one
// per paragraph row side by side, one per top-level block otherwise), each piece is parsed into
// its own cell tree, and the trees are kept keyed by their HTML. After a change only the pieces
// whose HTML changed are parsed again (parsing is what costs: wxHtmlWindow measures every word
// then); the others are linked into the new page as they are, already laid out at the current
// width (a container cell lays itself out again only when its width changes).
class PreviewWindow : public wxHtmlWindow {
public:
    using wxHtmlWindow::wxHtmlWindow;

    ~PreviewWindow() override { clear_cache(); }

    void OnLinkClicked(const wxHtmlLinkInfo& link) override {
        if (link.GetHref().StartsWith("#")) ScrollToAnchor(link.GetHref().Mid(1));
    }
    bool scroll_to(const wxString& anchor) { return ScrollToAnchor(anchor); }

    /// Shows `pieces` (HTML fragments, in order), parsing only those not shown before; returns
    /// how many were parsed.
    std::size_t show_pieces(const std::vector<std::string>& pieces) {
        // The cells of the page on display, by their HTML, to be taken again in order.
        std::unordered_multimap<std::string, wxHtmlContainerCell*> reusable;
        reusable.reserve(shown_.size());
        for (auto& [html, cell] : shown_) reusable.emplace(std::move(html), cell);
        shown_.clear();
        if (m_Cell) detach_children(*m_Cell);

        auto* root = new wxHtmlContainerCell(nullptr);
        std::size_t parsed = 0;
        std::optional<wxClientDC> dc;
        for (const std::string& html : pieces) {
            wxHtmlContainerCell* cell = nullptr;
            if (auto it = reusable.find(html); it != reusable.end()) {
                cell = it->second;
                reusable.erase(it);
            } else {
                if (!dc) {
                    dc.emplace(this);
                    dc->SetMapMode(wxMM_TEXT);
                    double scale = 1.0;
#ifndef wxHAVE_DPI_INDEPENDENT_PIXELS
                    scale = GetContentScaleFactor();
#endif
                    m_Parser->SetDC(&*dc, scale, 1.0);
                }
                cell = static_cast<wxHtmlContainerCell*>(m_Parser->Parse(to_wx(html)));
                ++parsed;
            }
            cell->SetNext(nullptr);
            root->InsertCell(cell);
            shown_.emplace_back(html, cell);
        }
        if (dc) m_Parser->SetDC(nullptr);
        for (auto& [html, cell] : reusable) delete cell;  // pieces no longer on the page

        // As wxHtmlWindow::SetPage does, without parsing the whole page again.
        wxDELETE(m_selection);  // it points into cells about to go
        delete m_Cell;
        m_Cell = root;
        m_Cell->SetIndent(m_Borders, wxHTML_INDENT_ALL, wxHTML_UNITS_PIXELS);
        m_Cell->SetAlignHor(wxHTML_ALIGN_CENTER);
        SetBackgroundColour(*wxWHITE);
        CreateLayout();
        Refresh();
        return parsed;
    }

private:
    // The root's children are the cached pieces: the root lets go of them before it is deleted.
    static void detach_children(wxHtmlContainerCell& root) {
        while (wxHtmlCell* child = root.GetFirstChild()) {
            root.Detach(child);
            child->SetNext(nullptr);
        }
    }
    void clear_cache() {
        if (m_Cell) detach_children(*m_Cell);
        for (auto& [html, cell] : shown_) delete cell;
        shown_.clear();
    }

    std::vector<std::pair<std::string, wxHtmlContainerCell*>> shown_;  ///< the pieces on display, in order
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
// cell at the top, as browsers show the page; the language columns get half the width each, so
// that they line up from one piece of the page to the next. One pass over the page.
void align_cells_to_top(std::string& page) {
    static const std::string cell = "<td ";
    static const std::string column = "<td lang=";
    static const std::string top = "<td valign=\"top\" ";
    static const std::string half = "<td valign=\"top\" width=\"50%\" lang=";
    std::string out;
    out.reserve(page.size() + page.size() / 16);
    std::size_t from = 0;
    for (std::size_t at = page.find(cell); at != std::string::npos; at = page.find(cell, from)) {
        out.append(page, from, at - from);
        const bool is_column = page.compare(at, column.size(), column) == 0;
        out += is_column ? half : top;
        from = at + (is_column ? column.size() : cell.size());
    }
    out.append(page, from, std::string::npos);
    page = std::move(out);
}

// The body of the HTML writer's page in pieces that can be parsed on their own: side by side,
// each row of the table (a paragraph and its translation) as a table of its own; otherwise each
// line of the body (the writer puts every block on a line of its own).
std::vector<std::string> split_page(const std::string& page) {
    std::vector<std::string> pieces;
    std::size_t body = page.find("<body>");
    body = body == std::string::npos ? 0 : body + 6;
    std::size_t end = page.rfind("</body>");
    if (end == std::string::npos || end < body) end = page.size();
    static const std::string table = "<table class=\"side-by-side\">";
    static const std::string piece_table =
        "<table class=\"side-by-side\" width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">";
    std::size_t at = body;
    while (at < end) {
        std::size_t eol = page.find('\n', at);
        if (eol == std::string::npos || eol > end) eol = end;
        if (page.compare(at, table.size(), table) == 0) {
            // Rows up to the table's end; a row starts with "<tr>" and ends with "</tr>" lines.
            const std::size_t close = page.find("</table>\n</body>", at);
            std::size_t table_end = close == std::string::npos || close > end ? end : close;
            for (std::size_t row = page.find("<tr>", at); row != std::string::npos && row < table_end;) {
                std::size_t row_end = page.find("</tr>\n", row);
                if (row_end == std::string::npos || row_end > table_end)
                    row_end = table_end;
                else
                    row_end += 6;
                pieces.push_back(piece_table + page.substr(row, row_end - row) + "</table>");
                row = page.find("<tr>", row_end);
            }
            at = table_end + 9;  // after "</table>\n"
            continue;
        }
        if (eol > at) pieces.push_back(page.substr(at, eol - at));
        at = eol + 1;
    }
    return pieces;
}

}  // namespace

void PreviewPane::refresh_preview(bool force) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::string page = render::render_html(host_.editor().assembly().document);
    const auto rendered = clock::now();
    align_cells_to_top(page);
    render_time_ = std::chrono::duration_cast<std::chrono::microseconds>(rendered - start);
    if (page == shown_page_ && !force) {
        layout_time_ = std::chrono::microseconds(0);
        return;
    }

    auto* window = static_cast<PreviewWindow*>(html_);
    int x = 0, y = 0;
    window->GetViewStart(&x, &y);
    window->Freeze();
    if (force) window->show_pieces({});  // everything parsed again
    parsed_pieces_ = window->show_pieces(split_page(page));
    window->Scroll(x, y);
    window->Thaw();
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
