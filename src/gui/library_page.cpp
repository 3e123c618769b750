#include "library_page.h"

#include <filesystem>
#include <optional>

#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>
#include <wx/utils.h>

#include "error_reporting.h"
#include "library_view.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {
using content::Clause;
using content::ElementGroup;
using content::KeyElement;

namespace {
enum NodeKind { group_node, element_node, clause_node, variant_node };
constexpr int default_tree_width = 340;
constexpr int default_problems_height = 150;
}  // namespace

/// What a tree item stands for.
struct LibraryPage::Node : wxTreeItemData {
    Node(NodeKind k, std::string i, std::size_t v = 0) : kind(k), id(std::move(i)), variant(v) {}
    NodeKind kind;
    std::string id;  ///< group: "cooperation"/"final"; element: slug; clause, variant: clause id
    std::size_t variant;
};

LibraryPage::LibraryPage(wxWindow* parent, AppContext& context) : Page(parent, wxID_ANY), context_(context) {
    outer_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    outer_->SetMinimumPaneSize(FromDIP(60));
    outer_->SetSashGravity(1.0);  // the browser grows with the window, the problems keep their height

    inner_ = new wxSplitterWindow(outer_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    inner_->SetMinimumPaneSize(FromDIP(160));
    inner_->SetSashGravity(0.0);

    // Left: search above the tree.
    auto* left = new wxPanel(inner_);
    search_ = new wxSearchCtrl(left, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    search_->SetDescriptiveText(_("Search titles and texts, English and French"));
    search_->ShowCancelButton(true);
    search_->SetToolTip(
        _("Searches key elements, clause titles, guidance and clause texts in English and French, "
          "ignoring case and accents (Ctrl+F)."));
    tree_ = new wxTreeCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_LINES_AT_ROOT | wxTR_SINGLE | wxBORDER_THEME);
    auto* left_sizer = new wxBoxSizer(wxVERTICAL);
    left_sizer->Add(search_, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    left_sizer->Add(tree_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4)));
    left->SetSizer(left_sizer);

    // Right: the selected node.
    view_ = new wxHtmlWindow(inner_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    view_->SetBorders(FromDIP(8));

    // Below: the problems found loading the library.
    problems_panel_ = new wxPanel(outer_);
    problems_heading_ = new wxStaticText(problems_panel_, wxID_ANY, wxEmptyString);
    problems_heading_->SetFont(problems_heading_->GetFont().Bold());
    problems_ = new wxListCtrl(problems_panel_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    problems_->AppendColumn(_("Severity"), wxLIST_FORMAT_LEFT, FromDIP(90));
    problems_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(200));
    problems_->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    problems_->AppendColumn(_("Message"), wxLIST_FORMAT_LEFT, FromDIP(700));
    auto* problems_sizer = new wxBoxSizer(wxVERTICAL);
    problems_sizer->Add(problems_heading_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(6)));
    problems_sizer->Add(problems_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(4)));
    problems_panel_->SetSizer(problems_sizer);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(outer_, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    inner_->SplitVertically(left, view_);
    if (context_.library_problems.empty()) {
        // Nothing to list: no empty pane; the overview says the library loaded cleanly.
        outer_->Initialize(inner_);
        problems_panel_->Hide();
    } else {
        outer_->SplitHorizontally(inner_, problems_panel_);
    }
    // The remembered pane sizes are applied once the page has its real size: a splitter clamps a
    // position that does not fit the (still small) window it has while the frame is built.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        if (panes_sized_) return;
        const wxSize size = GetClientSize();
        const int tree = FromDIP(read_int("/Library/TreeWidth", default_tree_width));
        const int problems = FromDIP(read_int("/Library/ProblemsHeight", default_problems_height));
        if (size.x < tree + inner_->GetMinimumPaneSize() || size.y < problems + 2 * outer_->GetMinimumPaneSize())
            return;
        panes_sized_ = true;
        CallAfter([this, tree, problems] {
            inner_->SetSashPosition(tree);
            if (outer_->IsSplit()) outer_->SetSashPosition(outer_->GetClientSize().y - problems);
        });
    });

    build_index();
    rebuild_tree();
    fill_problems();
    show_overview();

    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &LibraryPage::on_selection, this);
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_search_text(); });
    search_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { set_search(wxString()); });
    search_->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) {
        // Enter: go to the first match.
        wxTreeItemIdValue cookie;
        wxTreeItemId group = tree_->GetFirstChild(tree_->GetRootItem(), cookie);
        for (; group.IsOk(); group = tree_->GetNextChild(tree_->GetRootItem(), cookie)) {
            wxTreeItemIdValue inner_cookie;
            if (wxTreeItemId first = tree_->GetFirstChild(group, inner_cookie); first.IsOk()) {
                tree_->SelectItem(first);
                tree_->SetFocus();
                return;
            }
        }
    });
    // The splitters are remembered when the user moves them (a page never shown has no
    // meaningful positions to save).
    inner_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& event) {
        write_int("/Library/TreeWidth", ToDIP(event.GetSashPosition()));
        event.Skip();
    });
    outer_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& event) {
        const int height = outer_->GetClientSize().y - event.GetSashPosition();
        if (height > 0) write_int("/Library/ProblemsHeight", ToDIP(height));
        event.Skip();
    });
    view_->Bind(wxEVT_HTML_LINK_CLICKED, &LibraryPage::on_link, this);
    problems_->Bind(wxEVT_LIST_ITEM_SELECTED, &LibraryPage::on_problem_selected, this);
    problems_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &LibraryPage::on_problem_activated, this);
}

LibraryPage::~LibraryPage() = default;

wxString LibraryPage::page_name() const {
    return _("Library");
}

void LibraryPage::page_shown() {
    if (!search_->HasFocus()) tree_->SetFocus();
}

void LibraryPage::focus_search() {
    search_->SetFocus();
    search_->SelectAll();
}

void LibraryPage::build_index() {
    const content::Library& library = context_.library;
    index_.elements.clear();
    index_.clauses.clear();
    index_.variants.clear();
    for (const KeyElement& element : library.elements) index_.elements.push_back(element_search_text(element));
    for (const Clause& clause : library.clauses) {
        index_.clauses.push_back(clause_search_text(library, clause));
        std::vector<std::string> keys;
        for (const content::Variant& variant : clause.variants) keys.push_back(variant_search_text(library, variant));
        index_.variants.push_back(std::move(keys));
    }
}

void LibraryPage::rebuild_tree() {
    const content::Library& library = context_.library;
    const Language ui = content_language();
    const std::string query = from_wx(query_);
    const bool filtering = !search_key(query).empty();

    // Keep the selection across the rebuild when it is still shown.
    struct Selected {
        NodeKind kind;
        std::string id;
        std::size_t variant;
    };
    std::optional<Selected> selected;
    if (wxTreeItemId item = tree_->GetSelection(); item.IsOk())
        if (auto* node = dynamic_cast<Node*>(tree_->GetItemData(item)))
            selected = Selected{node->kind, node->id, node->variant};

    rebuilding_ = true;
    tree_->Freeze();
    tree_->DeleteAllItems();
    const wxTreeItemId root = tree_->AddRoot(_("Clause library"));
    wxTreeItemId to_select;
    auto remember = [&](const wxTreeItemId& item, NodeKind kind, const std::string& id, std::size_t variant) {
        if (selected && selected->kind == kind && selected->id == id &&
            (kind != variant_node || selected->variant == variant))
            to_select = item;
    };

    std::vector<const KeyElement*> found_elements;
    std::vector<const Clause*> found_clauses;
    for (ElementGroup group : {ElementGroup::cooperation, ElementGroup::final_provision}) {
        const std::string group_id = group == ElementGroup::cooperation ? "cooperation" : "final";
        const wxTreeItemId group_item =
            tree_->AppendItem(root, group_name(group), -1, -1, new Node(group_node, group_id));
        tree_->SetItemBold(group_item);
        remember(group_item, group_node, group_id, 0);

        for (std::size_t e = 0; e < library.elements.size(); ++e) {
            const KeyElement& element = library.elements[e];
            if (element.group != group) continue;
            const bool element_hit = search_matches(index_.elements[e], query);

            // The clauses (and variants) to show under this element.
            struct Shown {
                std::size_t clause;
                std::vector<std::size_t> variants;
            };
            std::vector<Shown> shown;
            for (std::size_t c = 0; c < library.clauses.size(); ++c) {
                const Clause& clause = library.clauses[c];
                if (clause.element != element.slug) continue;
                if (!element_hit && !search_matches(index_.clauses[c], query)) continue;
                Shown s{c, {}};
                for (std::size_t v = 0; v < clause.variants.size(); ++v)
                    if (!filtering || element_hit || search_matches(index_.variants[c][v], query))
                        s.variants.push_back(v);
                if (s.variants.empty())  // the words are spread over the clause: show it whole
                    for (std::size_t v = 0; v < clause.variants.size(); ++v) s.variants.push_back(v);
                shown.push_back(std::move(s));
            }
            if (!element_hit && shown.empty()) continue;
            found_elements.push_back(&element);
            for (const Shown& shown_clause : shown) found_clauses.push_back(&library.clauses[shown_clause.clause]);

            wxString label =
                to_wx(element.title.has(ui) ? element.title[ui]
                                            : element.title[ui == Language::en ? Language::fr : Language::en]);
            const bool loaded = !library.clauses_of(element.slug).empty();
            if (!loaded) label = wxString::Format(_("%s (no clause loaded)"), label);
            const wxTreeItemId element_item =
                tree_->AppendItem(group_item, label, -1, -1, new Node(element_node, element.slug));
            if (!loaded) tree_->SetItemTextColour(element_item, wxColour(0xA0, 0x00, 0x00));
            remember(element_item, element_node, element.slug, 0);

            for (const Shown& s : shown) {
                const Clause& clause = library.clauses[s.clause];
                wxString title = to_wx(clause.title.has(ui) ? clause.title[ui] : clause.id);
                if (clause.is_default) title = wxString::Format(_("%s (default)"), title);
                const wxTreeItemId clause_item =
                    tree_->AppendItem(element_item, title, -1, -1, new Node(clause_node, clause.id));
                if (clause.is_default) tree_->SetItemBold(clause_item);
                remember(clause_item, clause_node, clause.id, 0);
                // A final provision's single text has no level: the clause node shows it.
                if (clause.variants.size() == 1 && !clause.variants.front().level) continue;
                for (std::size_t v : s.variants) {
                    const content::Variant& variant = clause.variants[v];
                    const wxString level = variant.level ? level_label(*variant.level) : wxString(_("Text"));
                    const wxTreeItemId variant_item =
                        tree_->AppendItem(clause_item, level, -1, -1, new Node(variant_node, clause.id, v));
                    remember(variant_item, variant_node, clause.id, v);
                }
            }
            if (filtering) tree_->ExpandAllChildren(element_item);
        }
        if (filtering && !tree_->ItemHasChildren(group_item)) {
            if (to_select == group_item) to_select = wxTreeItemId();
            tree_->Delete(group_item);  // nothing found in this group
            continue;
        }
        tree_->Expand(group_item);
    }
    if (to_select.IsOk()) {
        tree_->SelectItem(to_select);
        tree_->EnsureVisible(to_select);
    }
    tree_->Thaw();
    rebuilding_ = false;
    // The view shows what the tree shows: the node still selected, else what the search found.
    if (!to_select.IsOk()) {
        if (filtering)
            show_html(search_html(library, query, found_elements, found_clauses, ui));
        else if (selected)
            show_overview();
    }
}

void LibraryPage::fill_problems() {
    problems_->DeleteAllItems();
    const auto& items = context_.library_problems.items();
    const int n = static_cast<int>(items.size());
    problems_heading_->SetLabel(wxString::Format(
        wxPLURAL("Problems found loading the library: %d", "Problems found loading the library: %d", n), n));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Problem& p = items[i];
        const long row =
            problems_->InsertItem(static_cast<long>(i), p.severity == Severity::error ? _("Error") : _("Warning"));
        problems_->SetItem(row, 1, to_wx(std::filesystem::path(p.where.file).filename().string()));
        problems_->SetItem(row, 2, p.where.line > 0 ? wxString::Format("%d", p.where.line) : wxString());
        problems_->SetItem(row, 3, to_wx(p.message));
        problems_->SetItemData(row, static_cast<long>(i));
        if (p.severity == Severity::error) problems_->SetItemTextColour(row, wxColour(0xA0, 0x00, 0x00));
    }
    problems_panel_->Layout();
}

void LibraryPage::show_html(const std::string& html) {
    source_ = html;
    view_->SetPage(to_wx(html));
}

void LibraryPage::show_overview() {
    show_html(overview_html(context_.library, context_.library_problems, context_.clauses_dir, context_.templates_dir,
                            content_language()));
}

void LibraryPage::show_node(const wxTreeItemId& item) {
    auto* node = item.IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(item)) : nullptr;
    if (!node) {
        show_overview();
        return;
    }
    const content::Library& library = context_.library;
    const Language ui = content_language();
    switch (node->kind) {
        case group_node:
            show_html(group_html(library,
                                 node->id == "final" ? ElementGroup::final_provision : ElementGroup::cooperation, ui));
            return;
        case element_node:
            if (const KeyElement* element = library.find_element(node->id))
                show_html(element_html(library, *element, ui));
            return;
        case clause_node:
            if (const Clause* clause = library.find_clause(node->id))
                show_html(clause_html(library, *clause, nullptr, ui));
            return;
        case variant_node:
            if (const Clause* clause = library.find_clause(node->id); clause && node->variant < clause->variants.size())
                show_html(clause_html(library, *clause, &clause->variants[node->variant], ui));
            return;
    }
}

bool LibraryPage::select_where(int kind, const std::string& id, std::size_t variant) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        // Depth-first over the tree for the node.
        std::vector<wxTreeItemId> stack{tree_->GetRootItem()};
        while (!stack.empty()) {
            const wxTreeItemId item = stack.back();
            stack.pop_back();
            if (auto* node = dynamic_cast<Node*>(tree_->GetItemData(item));
                node && node->kind == kind && node->id == id && (kind != variant_node || node->variant == variant)) {
                tree_->EnsureVisible(item);
                if (tree_->GetSelection() == item)
                    show_node(item);
                else
                    tree_->SelectItem(item);
                return true;
            }
            wxTreeItemIdValue cookie;
            for (wxTreeItemId child = tree_->GetFirstChild(item, cookie); child.IsOk();
                 child = tree_->GetNextChild(item, cookie))
                stack.push_back(child);
        }
        if (query_.empty()) return false;
        set_search(wxString());  // hidden by the search: show everything and look again
    }
    return false;
}

bool LibraryPage::select_element(const std::string& slug) {
    return select_where(element_node, slug, 0);
}
bool LibraryPage::select_clause(const std::string& id) {
    return select_where(clause_node, id, 0);
}
bool LibraryPage::select_variant(const std::string& clause_id, std::size_t variant_index) {
    return select_where(variant_node, clause_id, variant_index);
}

void LibraryPage::set_search(const wxString& text) {
    if (search_->GetValue() != text) search_->ChangeValue(text);
    query_ = text;
    rebuild_tree();
}

void LibraryPage::on_search_text() {
    query_ = search_->GetValue();
    rebuild_tree();
}

int LibraryPage::count_nodes(int kind) const {
    int count = 0;
    std::vector<wxTreeItemId> stack{tree_->GetRootItem()};
    while (!stack.empty()) {
        const wxTreeItemId item = stack.back();
        stack.pop_back();
        if (auto* node = dynamic_cast<Node*>(tree_->GetItemData(item)); node && node->kind == kind) ++count;
        wxTreeItemIdValue cookie;
        for (wxTreeItemId child = tree_->GetFirstChild(item, cookie); child.IsOk();
             child = tree_->GetNextChild(item, cookie))
            stack.push_back(child);
    }
    return count;
}

int LibraryPage::visible_elements() const {
    return count_nodes(element_node);
}
int LibraryPage::visible_clauses() const {
    return count_nodes(clause_node);
}

void LibraryPage::show_problem(std::size_t index) {
    const auto& items = context_.library_problems.items();
    if (index >= items.size()) return;
    show_html(problem_html(items[index], content_language()));
}

void LibraryPage::follow_link(const wxString& href) {
    if (href.StartsWith("#")) {
        view_->LoadPage(href);  // an anchor on the page shown: scrolls there
    } else if (wxString rest; href.StartsWith("clause:", &rest)) {
        select_clause(from_wx(rest));
    } else if (href.StartsWith("element:", &rest)) {
        select_element(from_wx(rest));
    } else if (href.StartsWith("group:", &rest)) {
        select_where(group_node, from_wx(rest), 0);
    } else if (href.StartsWith("open:", &rest)) {
        if (!wxLaunchDefaultApplication(rest)) {
            ErrorReport report;
            report.summary = wxString::Format(_("Could not open %s."), rest);
            report.advice =
                _("No application is set up to open this kind of file. Open it from your file manager "
                  "or a text editor.");
            report_error(this, report);
        }
    } else if (href.StartsWith("http:") || href.StartsWith("https:")) {
        wxLaunchDefaultBrowser(href);
    }
}

void LibraryPage::on_selection(wxTreeEvent& event) {
    if (rebuilding_) return;
    show_node(event.GetItem());
}

void LibraryPage::on_link(wxHtmlLinkEvent& event) {
    follow_link(event.GetLinkInfo().GetHref());
}

void LibraryPage::on_problem_selected(wxListEvent& event) {
    show_problem(static_cast<std::size_t>(problems_->GetItemData(event.GetIndex())));
}

void LibraryPage::on_problem_activated(wxListEvent& event) {
    const auto index = static_cast<std::size_t>(problems_->GetItemData(event.GetIndex()));
    show_problem(index);
    const auto& items = context_.library_problems.items();
    if (index < items.size() && !items[index].where.file.empty()) follow_link("open:" + to_wx(items[index].where.file));
}

}  // namespace moudesk::gui
