#pragma once
/// @brief The main window: menus, a navigation sidebar, one page shown at a time (Drafting,
/// Library, later Agreements and Diagnostic), the status bar, recent files, and the layout
/// remembered between runs.
///
/// The window shows at once: the clause library, the questionnaire and the register are loaded
/// in a background thread meanwhile ("Loading the clause library…" in the status bar, the pages
/// disabled), and each page is built the first time it is shown or asked for. Anything that
/// needs what is loading (a page accessor, open_draft) waits for the loading to finish.
///
/// Menu and update-UI events go to the current page first, then to the frame. File commands the
/// current page does not handle (New, Open, Save, Save As, Export, Close) go to the Drafting page,
/// which owns the draft. Adding a page is one line:
///     add_page(new AgreementsPage(page_parent(), context()), ID_PAGE_AGREEMENTS, wxART_REPORT_VIEW, "agreements");

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
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

/// Fills `context` for `options`: resolve_folders(), then load_content(). Never throws: a library that cannot be read
/// at all, or a data folder that cannot be created, becomes a problem in context.library_problems (a questionnaire that
/// cannot be read, one in context.questionnaire_problems) and the application starts anyway. The register's path is
/// --db, else register.sqlite in options.data_dir when one is given, else store::default_database_path().
void load_context(AppContext& context, const AppOptions& options);
/// The first half of load_context(): the folders and the register's path, the data folder
/// created (quick; a failure becomes a problem in context.library_problems).
void resolve_folders(AppContext& context, const AppOptions& options);
/// The second half: the library and the questionnaire from the folders resolve_folders() set.
/// Touches only context.library, .questionnaire and their problems, and translates nothing, so
/// it may run in another thread while nothing else uses those.
void load_content(AppContext& context, const AppOptions& options);

/// Opens the agreements register at context.db_path into context.register_db. Never throws: when
/// it cannot be opened (newer schema, not a database, permissions) register_db stays null,
/// register_problem says why, and the report for the error dialog is returned.
std::optional<ErrorReport> open_register(AppContext& context, std::function<void(const std::string&)> on_wait);
/// open_register() in two halves: opening (any thread; returns the failure, if any) and the
/// report of a failure (GUI thread: it translates).
std::exception_ptr open_register_database(AppContext& context, std::function<void(const std::string&)> on_wait);
std::optional<ErrorReport> register_failure(AppContext& context, std::exception_ptr error);

class MainFrame : public wxFrame {
public:
    explicit MainFrame(const AppOptions& options);
    ~MainFrame() override;

    /// Adds a screen to the sidebar and the View menu (Ctrl+1 … Ctrl+9 in order); `page` must be
    /// a child of page_parent(); `key` names it in the settings ("drafting").
    void add_page(Page* page, int command_id, const wxArtID& icon, const wxString& key);
    /// The same for a page built by `create` (with page_parent() as its parent) the first time it
    /// is shown or needed, once the loading is over; `name` is its page_name().
    void add_page(std::function<Page*()> create, const wxString& name, int command_id, const wxArtID& icon,
                  const wxString& key);
    wxWindow* page_parent() const;

    /// Every page, each built now if it was not yet.
    const std::vector<Page*>& pages();
    /// The page on display; null while the loading is not over.
    Page* current_page() const;
    /// Shows a page (no-op for a page that was not added).
    void show_page(Page* page);
    /// The pages, each built on first use (after waiting for the loading).
    DraftingPage& drafting_page();
    LibraryPage& library_page();
    AgreementsPage& agreements_page();
    DashboardPage& dashboard_page();
    DiagnosticPage& diagnostic_page();

    /// Whether the library, questionnaire and register are loaded (and the first page shown).
    bool loaded() const { return loaded_; }
    /// Waits for the background loading to end and applies it (shows the page, reports a
    /// register that cannot be opened); returns at once when it is over.
    void wait_until_loaded();
    /// Runs `action` once the loading is over (now if it is).
    void when_loaded(std::function<void()> action);

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
    /// The page at `index`, built now if needed (and the loading waited for); null when out of range.
    Page* page_at(std::size_t index);
    Page* page_by_key(const wxString& key);
    void add_slot(Page* page, std::function<Page*()> create, const wxString& name, int command_id, const wxArtID& icon,
                  const wxString& key);
    void show_page_at(std::size_t index);
    void start_loading(const AppOptions& options);
    void finish_loading();

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
    std::vector<Page*> pages_;                            ///< null: not built yet
    std::vector<std::function<Page*()>> page_factories_;  ///< for pages not built yet
    std::vector<wxString> page_names_;
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

    std::thread loader_;
    std::atomic<bool> load_done_{false};
    std::exception_ptr register_error_;
    bool loaded_ = false;
    std::size_t wanted_page_ = 0;  ///< shown once the loading is over
    std::vector<std::function<void()>> after_loading_;
    wxWindow* loading_panel_ = nullptr;
};

}  // namespace moudesk::gui
