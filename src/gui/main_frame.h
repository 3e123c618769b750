#pragma once
/// @brief The main window: menus, a navigation sidebar, one page shown at a time (Drafting,
/// Library, later Agreements and Diagnostic), the status bar, recent files, and the layout
/// remembered between runs.
///
/// Menu and update-UI events go to the current page first, then to the frame. File commands the
/// current page does not handle (New, Open, Save, Save As, Export, Close) go to the Drafting page,
/// which owns the draft. Adding a page is one line:
///     add_page(new AgreementsPage(page_parent(), context()), ID_PAGE_AGREEMENTS, wxART_REPORT_VIEW, "agreements");

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/artprov.h>
#include <wx/filehistory.h>
#include <wx/frame.h>

#include "app_context.h"
#include "error_reporting.h"
#include "page.h"

class wxListView;
class wxMenu;
class wxSimplebook;
class wxSplitterWindow;

namespace moudesk::gui {

class AgreementsPage;
class DashboardPage;
class DiagnosticPage;
class DraftingPage;
class LibraryPage;

/// What the application starts with (command line, or a test).
struct AppOptions {
    std::filesystem::path clauses_dir;    ///< --library; empty: the bundled clauses/
    std::filesystem::path templates_dir;  ///< --templates; empty: ../templates beside --library, or the bundled ones
    std::filesystem::path db_path;        ///< --db; empty: <data folder>/moudesk.sqlite
    std::filesystem::path data_dir;       ///< empty: $XDG_DATA_HOME/moudesk (created 0700)
    std::filesystem::path draft;          ///< a .moudraft to open once the window shows; may be empty
    std::filesystem::path questionnaire;  ///< empty: the bundled diagnostic/questionnaire.xml
};

/// Fills `context` for `options`: resolves the folders, creates the data folder and loads the
/// library and the diagnostic questionnaire. Never throws: a library that cannot be read at all,
/// or a data folder that cannot be created, becomes a problem in context.library_problems (a
/// questionnaire that cannot be read, one in context.questionnaire_problems) and the application
/// starts anyway.
/// The register's path is --db, else register.sqlite in options.data_dir when one is given, else
/// store::default_database_path().
void load_context(AppContext& context, const AppOptions& options);

/// Opens the agreements register at context.db_path into context.register_db. Never throws: when
/// it cannot be opened (newer schema, not a database, permissions) register_db stays null,
/// register_problem says why, and the report for the error dialog is returned.
std::optional<ErrorReport> open_register(AppContext& context, std::function<void(const std::string&)> on_wait);

class MainFrame : public wxFrame {
public:
    explicit MainFrame(const AppOptions& options);
    ~MainFrame() override;

    /// Adds a screen to the sidebar and the View menu (Ctrl+1 … Ctrl+9 in order); `page` must be
    /// a child of page_parent(); `key` names it in the settings ("drafting").
    void add_page(Page* page, int command_id, const wxArtID& icon, const wxString& key);
    wxWindow* page_parent() const;

    const std::vector<Page*>& pages() const { return pages_; }
    Page* current_page() const;
    /// Shows a page (no-op for a page that was not added).
    void show_page(Page* page);
    DraftingPage& drafting_page() const { return *drafting_; }
    LibraryPage& library_page() const { return *library_; }
    AgreementsPage& agreements_page() const { return *agreements_; }
    DashboardPage& dashboard_page() const { return *dashboard_; }
    DiagnosticPage& diagnostic_page() const { return *diagnostic_; }

    AppContext& context() { return context_; }
    wxFileHistory& recent_files() { return recent_; }

    /// Shows the Drafting page and opens `path` there; a file that opens joins Open Recent.
    bool open_draft(const wxString& path);
    /// Status bar, first field.
    void set_status(const wxString& text);
    /// Asks every page about unsaved work; false when one says keep the window open.
    bool confirm_close_pages();
    /// Writes the current page, sidebar width and recent files to the settings now (also done
    /// when the window closes), the window geometry included.
    void save_settings();
    /// Help ▸ Help: a window with what moudesk does and every keyboard shortcut of the menus.
    wxFrame* show_help();
    /// The help window's HTML (UTF-8).
    std::string help_html() const;

protected:
    bool TryBefore(wxEvent& event) override;

private:
    void restore_geometry();
    void save_geometry();
    void build_menus();
    void build_layout();
    void update_library_status();
    int page_index(const Page* page) const;

    void on_close(wxCloseEvent& event);
    void on_page_command(wxCommandEvent& event);
    void on_open(wxCommandEvent& event);
    void on_recent(wxCommandEvent& event);
    void on_find(wxCommandEvent& event);
    void on_preferences(wxCommandEvent& event);
    void on_help(wxCommandEvent& event);
    void on_about(wxCommandEvent& event);
    void on_update_page_command(wxUpdateUIEvent& event);
    void on_update_unhandled(wxUpdateUIEvent& event);

    AppContext context_;
    wxFileHistory recent_{9, wxID_FILE1};
    std::vector<Page*> pages_;
    std::vector<int> page_commands_;
    std::vector<wxString> page_keys_;
    bool routing_ = false;    ///< an event is being offered to a page by TryBefore
    bool switching_ = false;  ///< show_page() is running

    wxMenu* view_menu_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    wxListView* sidebar_ = nullptr;
    wxSimplebook* book_ = nullptr;
    DraftingPage* drafting_ = nullptr;
    LibraryPage* library_ = nullptr;
    AgreementsPage* agreements_ = nullptr;
    DashboardPage* dashboard_ = nullptr;
    DiagnosticPage* diagnostic_ = nullptr;
    wxFrame* help_ = nullptr;
};

}  // namespace moudesk::gui
