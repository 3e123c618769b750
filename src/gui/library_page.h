#pragma once
/// @brief The clause library browser: a search box over a tree of key elements → clauses →
/// variants, the selected node in HTML (English and French side by side), and the problems found
/// while loading the library.

#include <string>
#include <vector>

#include "app_context.h"
#include "page.h"

class wxHtmlWindow;
class wxHtmlLinkEvent;
class wxListCtrl;
class wxListEvent;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;
class wxTreeCtrl;
class wxTreeEvent;
class wxTreeItemId;

namespace moudesk::gui {

class LibraryPage : public Page {
public:
    LibraryPage(wxWindow* parent, AppContext& context);
    ~LibraryPage() override;

    wxString page_name() const override;
    void page_shown() override;

    /// Moves the keyboard focus to the search box (Edit ▸ Find).
    void focus_search();
    /// Shows in the tree only what matches `text` (titles, descriptions, patterns, guidance and
    /// clause texts, English and French, ignoring case and accents); empty shows everything.
    void set_search(const wxString& text);
    /// Selects a node and shows it; a node hidden by the search clears the search. False when the
    /// library has no such element, clause or variant.
    bool select_element(const std::string& slug);
    bool select_clause(const std::string& id);
    bool select_variant(const std::string& clause_id, std::size_t variant_index);
    /// Shows problem `index` of AppContext::library_problems in the view.
    void show_problem(std::size_t index);
    /// Shows the library overview.
    void show_overview();
    /// Follows a link of the view ("clause:<id>", "element:<slug>", "group:…", "#anchor", "open:<path>").
    void follow_link(const wxString& href);

    // For the main window and tests.
    wxTreeCtrl* tree() const { return tree_; }
    wxSearchCtrl* search_box() const { return search_; }
    wxHtmlWindow* view() const { return view_; }
    wxListCtrl* problem_list() const { return problems_; }
    /// The HTML the view shows (UTF-8).
    const std::string& view_source() const { return source_; }
    /// The key elements, clauses and variants the tree shows now.
    int visible_elements() const;
    int visible_clauses() const;

private:
    struct Node;
    struct Index {
        std::vector<std::string> elements;               ///< search key per library element
        std::vector<std::string> clauses;                ///< search key per library clause
        std::vector<std::vector<std::string>> variants;  ///< per clause, per variant
    };

    void build_index();
    void rebuild_tree();
    void fill_problems();
    void show_html(const std::string& html);
    void show_node(const wxTreeItemId& item);
    bool select_where(int kind, const std::string& id, std::size_t variant);
    int count_nodes(int kind) const;

    void on_selection(wxTreeEvent& event);
    void on_search_text();
    void on_link(wxHtmlLinkEvent& event);
    void on_problem_selected(wxListEvent& event);
    void on_problem_activated(wxListEvent& event);

    AppContext& context_;
    Index index_;
    wxString query_;
    bool rebuilding_ = false;
    bool panes_sized_ = false;  ///< the remembered splitter positions have been applied
    std::string source_;

    wxSplitterWindow* outer_ = nullptr;  ///< browser above, problems below
    wxSplitterWindow* inner_ = nullptr;  ///< tree left, view right
    wxSearchCtrl* search_ = nullptr;
    wxTreeCtrl* tree_ = nullptr;
    wxHtmlWindow* view_ = nullptr;
    wxStaticText* problems_heading_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxWindow* problems_panel_ = nullptr;
};

}  // namespace moudesk::gui
