#include "main_frame.h"

#include <algorithm>
#include <memory>
#include <system_error>

#include <malloc.h>

#include <wx/aboutdlg.h>
#include <wx/filedlg.h>
#include <wx/html/htmlwin.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include "agreements_page.h"
#include "app.h"
#include "dashboard_page.h"
#include "diagnostic_page.h"
#include "drafting_page.h"
#include "error_reporting.h"
#include "library_page.h"
#include "library_view.h"
#include "moudesk/core/text.h"
#include "preferences_dialog.h"
#include "register_tasks.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {
namespace fs = std::filesystem;

namespace {

constexpr int default_sidebar_width = 160;
constexpr int sidebar_icon_size = 24;

// Commands about the draft: when the current page does not handle one, the Drafting page gets it.
bool is_file_command(int id) {
    return id == wxID_NEW || id == wxID_OPEN || id == wxID_SAVE || id == wxID_SAVEAS || id == ID_EXPORT ||
           id == wxID_CLOSE || id == ID_REGISTER_DRAFT;
}

// Of those, the ones that show the Drafting page first (the user sees what they act on).
bool shows_drafting(int id) {
    return id == wxID_NEW || id == wxID_OPEN || id == wxID_CLOSE || id == ID_EXPORT || id == ID_REGISTER_DRAFT;
}

std::string esc(const wxString& text) {
    return xml_escape(from_wx(text));
}

}  // namespace

void resolve_folders(AppContext& context, const AppOptions& options) {
    const fs::path bundled = content::bundled_data_dir();
    context.clauses_dir = options.clauses_dir.empty() ? bundled / "clauses" : options.clauses_dir;
    if (!options.templates_dir.empty()) {
        context.templates_dir = options.templates_dir;
    } else {
        std::error_code ec;
        const fs::path beside = (context.clauses_dir / ".." / "templates").lexically_normal();
        context.templates_dir =
            !options.clauses_dir.empty() && fs::is_directory(beside, ec) ? beside : bundled / "templates";
    }
    try {
        if (options.data_dir.empty()) {
            context.data_dir = user_data_dir();
        } else {
            context.data_dir = options.data_dir;
            fs::create_directories(context.data_dir);
        }
    } catch (const std::exception& e) {
        // Autosave and the register need it; the library does not. Say so and go on.
        context.data_dir = options.data_dir;
        context.library_problems.warning({}, std::string("the data folder cannot be created: ") + e.what());
    }
    if (!options.db_path.empty())
        context.db_path = options.db_path;
    else if (!options.data_dir.empty())
        context.db_path = options.data_dir / "register.sqlite";
    else
        context.db_path = store::default_database_path();
}

void load_content(AppContext& context, const AppOptions& options) {
    try {
        context.library = content::load_library(context.clauses_dir, context.templates_dir, context.library_problems);
    } catch (const std::exception& e) {
        context.library_problems.error({context.clauses_dir.string(), 0, 0}, e.what());
    }
    // The questionnaire, checked against the library: what loads is used, the rest is listed on
    // the Diagnostic page.
    context.questionnaire_path =
        options.questionnaire.empty() ? diagnostic::bundled_questionnaire_path() : options.questionnaire;
    try {
        context.questionnaire = diagnostic::load_questionnaire(context.questionnaire_path,
                                                               context.questionnaire_problems, &context.library);
    } catch (const std::exception& e) {
        context.questionnaire = {};
        context.questionnaire_problems.error({context.questionnaire_path.string(), 0, 0}, e.what());
    }
}

void load_context(AppContext& context, const AppOptions& options) {
    resolve_folders(context, options);
    load_content(context, options);
}

std::exception_ptr open_register_database(AppContext& context, std::function<void(const std::string&)> on_wait) {
    context.register_db.reset();
    store::OpenOptions options;
    options.on_wait = std::move(on_wait);
    try {
        std::error_code ec;
        if (context.db_path.has_parent_path()) fs::create_directories(context.db_path.parent_path(), ec);
        context.register_db = store::Database::open(context.db_path, options);
        return nullptr;
    } catch (...) {
        return std::current_exception();
    }
}

std::optional<ErrorReport> register_failure(AppContext& context, std::exception_ptr error) {
    context.register_problem.clear();
    if (!error) return std::nullopt;
    ErrorReport report =
        describe_exception(error, wxString::Format(_("open the agreements register %s"), to_wx(context.db_path)));
    report.advice += "\n\n" + wxString(_("moudesk runs without it: drafting and the library work; the Agreements and "
                                         "Dashboard pages stay empty until the register can be opened (see --db)."));
    context.register_problem = report.details.empty() ? report.advice : report.details;
    return report;
}

std::optional<ErrorReport> open_register(AppContext& context, std::function<void(const std::string&)> on_wait) {
    return register_failure(context, open_register_database(context, std::move(on_wait)));
}

MainFrame::MainFrame(const AppOptions& options)
    : wxFrame(nullptr, wxID_ANY, "moudesk", wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE, "MainFrame") {
    report_startup_phase("frame-created");
    resolve_folders(context_, options);
    context_.recent_files = &recent_;
    context_.show_status = [this](const wxString& text) { set_status(text); };

    CreateStatusBar(2);
    const int widths[] = {-1, FromDIP(380)};
    GetStatusBar()->SetStatusWidths(2, widths);
    // A click on the library summary shows the Library page (where its problems are listed).
    GetStatusBar()->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        wxRect field;
        if (loaded_ && GetStatusBar()->GetFieldRect(1, field) && field.Contains(event.GetPosition()))
            show_page(&library_page());
        event.Skip();
    });

    build_menus();
    build_layout();
    load_recent_files(recent_);  // fills File ▸ Open Recent too

    context_.register_changed = [this] {
        if (dashboard_) dashboard_->register_changed();
        if (agreements_ && current_page() != agreements_) agreements_->register_changed();
        if (diagnostic_) diagnostic_->register_changed();
    };
    context_.show_agreement = [this](std::int64_t agreement, std::int64_t action) {
        AgreementsPage& page = agreements_page();
        show_page(&page);
        page.select_agreement(agreement, action);
    };
    context_.open_new_draft = [this](const drafting::Draft& draft, const wxString& note) {
        DraftingPage& page = drafting_page();
        show_page(&page);
        return page.start_new_draft(draft, note);
    };

    // The screens, in sidebar order, each built when first shown. Later screens add themselves
    // here, one line each.
    add_page([this] { return drafting_ = new DraftingPage(page_parent(), context_); }, _("Drafting"), ID_PAGE_DRAFTING,
             wxART_EDIT, "drafting");
    add_page([this] { return library_ = new LibraryPage(page_parent(), context_); }, _("Library"), ID_PAGE_LIBRARY,
             wxART_HELP_BOOK, "library");
    add_page([this] { return agreements_ = new AgreementsPage(page_parent(), context_); }, _("Agreements"),
             ID_PAGE_AGREEMENTS, wxART_REPORT_VIEW, "agreements");
    add_page([this] { return dashboard_ = new DashboardPage(page_parent(), context_); }, _("Dashboard"),
             ID_PAGE_DASHBOARD, wxART_LIST_VIEW, "dashboard");
    add_page([this] { return diagnostic_ = new DiagnosticPage(page_parent(), context_); }, _("Diagnostic"),
             ID_PAGE_DIAGNOSTIC, wxART_TIP, "diagnostic");
    report_startup_phase("menus-layout");

    // The page shown last time, once the loading is over; meanwhile its place says what is going on.
    const wxString key = read_string("/MainFrame/Page", "drafting");
    const auto it = std::find(page_keys_.begin(), page_keys_.end(), key);
    wanted_page_ = it != page_keys_.end() ? static_cast<std::size_t>(it - page_keys_.begin()) : 0;
    book_->ChangeSelection(wanted_page_);
    sidebar_->Select(static_cast<long>(wanted_page_));
    sidebar_->Disable();
    loading_panel_ = book_->GetPage(wanted_page_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* label = new wxStaticText(loading_panel_, wxID_ANY, _("Loading the clause library…"));
    sizer->AddStretchSpacer();
    sizer->Add(label, 0, wxALIGN_CENTER_HORIZONTAL);
    sizer->AddStretchSpacer();
    loading_panel_->SetSizer(sizer);
    SetStatusText(_("Loading the clause library…"), 1);
    SetTitle(wxString::Format(_("%s — moudesk"), page_names_[wanted_page_]));

    SetMinSize(FromDIP(wxSize(640, 420)));
    restore_geometry();

    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    start_loading(options);
}

MainFrame::~MainFrame() {
    if (loader_.joinable()) loader_.join();
    save_settings();
    // The pages refer to context_, a member destroyed before wxFrame destroys its children:
    // destroy them now, while it is still there.
    delete help_;  // a child top-level window: gone now, not at the next idle time
    help_ = nullptr;
    pages_.clear();
    drafting_ = nullptr;
    library_ = nullptr;
    agreements_ = nullptr;
    dashboard_ = nullptr;
    diagnostic_ = nullptr;
    context_.register_changed = nullptr;
    context_.show_agreement = nullptr;
    context_.open_new_draft = nullptr;
    splitter_->Destroy();
    splitter_ = nullptr;
    context_.show_status = nullptr;
}

void MainFrame::start_loading(const AppOptions& options) {
    // Made here, in the GUI thread: translating is not for the loading thread.
    auto done = guarded(this, _("load the clause library"), [this] { finish_loading(); });
    const wxString waiting = _("Waiting for another program using the register…");
    loader_ = std::thread([this, options, done, waiting] {
        try {
            load_content(context_, options);
        } catch (const std::exception& e) {
            context_.library_problems.error({context_.clauses_dir.string(), 0, 0}, e.what());
        }
        // A program holding the register makes us wait: say so.
        register_error_ = open_register_database(
            context_, [this, waiting](const std::string&) { CallAfter([this, waiting] { set_status(waiting); }); });
        // What loading freed (the parsed and validated XML files) stays resident in the loading
        // threads' malloc arenas, which the GUI thread does not allocate from: 2–3 MiB for the
        // rest of the run. Given back here (every arena, ~1 ms), off the GUI thread.
        malloc_trim(0);
        load_done_ = true;
        CallAfter(done);
    });
}

void MainFrame::wait_until_loaded() {
    finish_loading();
}

void MainFrame::finish_loading() {
    if (loaded_) return;
    if (loader_.joinable()) loader_.join();
    loaded_ = true;
    report_startup_phase("loaded");
    update_library_status();
    if (const std::optional<ErrorReport> report = register_failure(context_, register_error_)) {
        // Over the window; the application runs on without the register.
        CallAfter([this, report = *report] { report_error(this, report); });
    }
    if (GetStatusBar() && GetStatusBar()->GetStatusText(0) == _("Waiting for another program using the register…"))
        set_status(wxString());
    sidebar_->Enable();
    show_page_at(wanted_page_);
    report_startup_phase("first-page-built");
    // The Drafting page holds the draft: built now whatever page shows, as it offers to recover
    // the autosave of a session that ended without saving.
    drafting_page();
    std::vector<std::function<void()>> actions;
    actions.swap(after_loading_);
    for (auto& action : actions) action();
}

void MainFrame::when_loaded(std::function<void()> action) {
    if (loaded_)
        action();
    else
        after_loading_.push_back(std::move(action));
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New Draft...\tCtrl+N"), _("Start a new draft agreement"));
    file->Append(wxID_OPEN, _("&Open...\tCtrl+O"), _("Open a draft agreement (.moudraft)"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &Recent"), _("Drafts opened or saved lately"));
    recent_.UseMenu(recent);
    file->AppendSeparator();
    file->Append(wxID_SAVE, _("&Save\tCtrl+S"), _("Save the draft"));
    file->Append(wxID_SAVEAS, _("Save &As...\tCtrl+Shift+S"), _("Save the draft under a new name"));
    file->Append(ID_EXPORT, _("&Export...\tCtrl+E"), _("Write the agreement as DOCX, ODT, PDF, HTML or text"));
    file->Append(ID_REGISTER_DRAFT, _("Re&gister this Draft..."),
                 _("Record the draft in the agreements register, with its text as the first version"));
    file->AppendSeparator();
    file->Append(wxID_CLOSE, _("&Close\tCtrl+W"), _("Close the draft"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Quit moudesk"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"), _("Undo the last change to the draft"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"), _("Redo the change undone last"));
    edit->AppendSeparator();
    edit->Append(wxID_FIND, _("&Find in Library...\tCtrl+F"), _("Search the clause library"));

    view_menu_ = new wxMenu;  // the pages add themselves

    // The register's long work; each runs behind a progress dialog with Cancel.
    auto* register_menu = new wxMenu;
    register_menu->Append(ID_EXPORT_REGISTER, _("E&xport the Register...\tCtrl+Shift+E"),
                          _("The register and the action plan as an XLSX workbook, or the register as CSV"));
    register_menu->Append(ID_EXPORT_DEADLINES, _("Export &Deadlines to a Calendar..."),
                          _("Overdue and coming actions, reviews, expiries and notice days as an iCalendar file"));
    register_menu->AppendSeparator();
    register_menu->Append(ID_BACKUP_REGISTER, _("&Back up the Register..."),
                          _("A copy of the whole register in one file, safe while moudesk runs"));
    register_menu->Append(ID_DEMO_DATA, _("Add De&mo Data..."),
                          _("Generated agreements, actions and history to try moudesk with"));

    auto* tools = new wxMenu;
    tools->Append(wxID_PREFERENCES, _("&Preferences...\tCtrl+,"), _("Interface language"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("&Help\tF1"), _("What moudesk does and its keyboard shortcuts"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About moudesk"), _("Version and licences"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view_menu_, _("&View"));
    bar->Append(register_menu, _("&Register"));
    bar->Append(tools, _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_open, this, wxID_OPEN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::on_find, this, wxID_FIND);
    Bind(wxEVT_MENU, &MainFrame::on_preferences, this, wxID_PREFERENCES);
    Bind(wxEVT_MENU, &MainFrame::on_help, this, wxID_HELP);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::on_recent, this, wxID_FILE1, wxID_FILE9);
    // Undo and Redo belong to a page; when the current page does not answer for them, they are off.
    Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_unhandled, this, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_unhandled, this, wxID_REDO);
    // Register commands need the register open (it opens while the library loads).
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { export_register(this, context()); }, ID_EXPORT_REGISTER);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { export_deadlines(this, context()); }, ID_EXPORT_DEADLINES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { back_up_register(this, context()); }, ID_BACKUP_REGISTER);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { add_demo_data(this, context()); }, ID_DEMO_DATA);
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(loaded_ && context_.register_db != nullptr); },
        ID_EXPORT_REGISTER, ID_DEMO_DATA);
}

void MainFrame::build_layout() {
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetMinimumPaneSize(FromDIP(90));
    sidebar_ = new wxListView(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL | wxBORDER_NONE);
    sidebar_->AppendColumn(wxEmptyString);
    const wxSize icon = FromDIP(wxSize(sidebar_icon_size, sidebar_icon_size));
    sidebar_->AssignImageList(new wxImageList(icon.x, icon.y, true), wxIMAGE_LIST_SMALL);
    wxFont font = sidebar_->GetFont();
    font.SetFractionalPointSize(font.GetFractionalPointSize() * 1.15);
    sidebar_->SetFont(font);
    book_ = new wxSimplebook(splitter_);
    splitter_->SplitVertically(sidebar_, book_, FromDIP(read_int("/MainFrame/Sidebar", default_sidebar_width)));

    sidebar_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const long i = event.GetIndex();
        if (loaded_ && i >= 0 && static_cast<std::size_t>(i) < pages_.size()) show_page_at(static_cast<std::size_t>(i));
    });
    sidebar_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        sidebar_->SetColumnWidth(0, std::max(sidebar_->GetClientSize().x, FromDIP(40)));
        event.Skip();
    });
}

void MainFrame::add_page(Page* page, int command_id, const wxArtID& icon, const wxString& key) {
    add_slot(page, nullptr, page->page_name(), command_id, icon, key);
}

void MainFrame::add_page(std::function<Page*()> create, const wxString& name, int command_id, const wxArtID& icon,
                         const wxString& key) {
    add_slot(nullptr, std::move(create), name, command_id, icon, key);
}

void MainFrame::add_slot(Page* page, std::function<Page*()> create, const wxString& name, int command_id,
                         const wxArtID& icon, const wxString& key) {
    const std::size_t index = pages_.size();
    pages_.push_back(page);
    page_factories_.push_back(std::move(create));
    page_names_.push_back(name);
    page_commands_.push_back(command_id);
    page_keys_.push_back(key);
    // A page not built yet has an empty panel in its place.
    book_->AddPage(page ? static_cast<wxWindow*>(page) : new wxPanel(book_), name);

    int image = -1;
    if (wxImageList* images = sidebar_->GetImageList(wxIMAGE_LIST_SMALL)) {
        int w = 0, h = 0;
        images->GetSize(0, w, h);
        const wxBitmap bitmap = wxArtProvider::GetBitmap(icon, wxART_OTHER, wxSize(w, h));
        if (bitmap.IsOk()) image = images->Add(bitmap);
    }
    sidebar_->InsertItem(static_cast<long>(index), name, image);

    wxString label = name;
    if (index < 9) label << wxString::Format("\tCtrl+%d", static_cast<int>(index) + 1);
    view_menu_->AppendRadioItem(command_id, label, wxString::Format(_("Show the %s page"), name));
    Bind(wxEVT_MENU, &MainFrame::on_page_command, this, command_id);
    Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_page_command, this, command_id);
}

Page* MainFrame::page_at(std::size_t index) {
    if (index >= pages_.size()) return nullptr;
    if (!pages_[index]) {
        wait_until_loaded();  // may build it: it can be the first page shown
        if (pages_[index]) return pages_[index];
        Page* page = page_factories_[index]();
        page_factories_[index] = nullptr;
        pages_[index] = page;
        // In place of its empty panel, keeping the selection.
        // wxSimplebook does not move its selection when a page is inserted before it: the
        // selection is set again explicitly afterwards.
        wxWindow* placeholder = book_->GetPage(index);
        const int selection = book_->GetSelection();
        book_->InsertPage(index, page, page_names_[index], false);
        book_->RemovePage(index + 1);
        if (selection != wxNOT_FOUND && book_->GetSelection() != selection)
            book_->ChangeSelection(static_cast<std::size_t>(selection));
        page->Show(selection == static_cast<int>(index));
        if (placeholder == loading_panel_) loading_panel_ = nullptr;
        placeholder->Destroy();
    }
    return pages_[index];
}

const std::vector<Page*>& MainFrame::pages() {
    for (std::size_t i = 0; i < pages_.size(); ++i) page_at(i);
    return pages_;
}

DraftingPage& MainFrame::drafting_page() {
    page_by_key("drafting");
    return *drafting_;
}
LibraryPage& MainFrame::library_page() {
    page_by_key("library");
    return *library_;
}
AgreementsPage& MainFrame::agreements_page() {
    page_by_key("agreements");
    return *agreements_;
}
DashboardPage& MainFrame::dashboard_page() {
    page_by_key("dashboard");
    return *dashboard_;
}
DiagnosticPage& MainFrame::diagnostic_page() {
    page_by_key("diagnostic");
    return *diagnostic_;
}

Page* MainFrame::page_by_key(const wxString& key) {
    const auto it = std::find(page_keys_.begin(), page_keys_.end(), key);
    return it == page_keys_.end() ? nullptr : page_at(static_cast<std::size_t>(it - page_keys_.begin()));
}

wxWindow* MainFrame::page_parent() const {
    return book_;
}

int MainFrame::page_index(const Page* page) const {
    const auto it = std::find(pages_.begin(), pages_.end(), page);
    return it == pages_.end() ? -1 : static_cast<int>(it - pages_.begin());
}

Page* MainFrame::current_page() const {
    const int i = book_ ? book_->GetSelection() : wxNOT_FOUND;
    return i >= 0 && static_cast<std::size_t>(i) < pages_.size() ? pages_[static_cast<std::size_t>(i)] : nullptr;
}

void MainFrame::show_page(Page* page) {
    const int i = page_index(page);
    if (i >= 0) show_page_at(static_cast<std::size_t>(i));
}

void MainFrame::show_page_at(std::size_t index) {
    if (index >= pages_.size() || switching_) return;
    Page* page = page_at(index);
    const int i = static_cast<int>(index);
    switching_ = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{switching_};
    if (book_->GetSelection() != i) book_->ChangeSelection(static_cast<std::size_t>(i));
    if (!sidebar_->IsSelected(i)) {
        sidebar_->Select(i);  // sends a selection event, which comes back here and stops
        sidebar_->Focus(i);
    }
    if (wxMenuItem* item = view_menu_->FindItem(page_commands_[static_cast<std::size_t>(i)])) item->Check(true);
    SetTitle(wxString::Format(_("%s — moudesk"), page->page_name()));  // the page may name what it shows
    page->page_shown();
}

bool MainFrame::TryBefore(wxEvent& event) {
    const wxEventType type = event.GetEventType();
    if (!routing_ && (type == wxEVT_MENU || type == wxEVT_UPDATE_UI)) {
        // Offers the event to one page only (no propagation back to this frame).
        auto offer = [&](Page* page) {
            routing_ = true;
            struct Reset {
                bool& flag;
                ~Reset() { flag = false; }
            } reset{routing_};
            return page->ProcessWindowEventLocally(event);
        };
        // Events that come from inside a page have been through it already.
        auto from = [&](Page* page) {
            auto* origin = wxDynamicCast(event.GetEventObject(), wxWindow);
            return origin && (origin == page || page->IsDescendant(origin));
        };
        Page* page = current_page();
        if (page && !from(page) && offer(page)) return true;
        // While the library loads, what needs it waits (menus are off, but a shortcut may come).
        if (!loaded_ && type == wxEVT_UPDATE_UI &&
            (is_file_command(event.GetId()) || event.GetId() == wxID_FIND || event.GetId() == wxID_UNDO ||
             event.GetId() == wxID_REDO)) {
            static_cast<wxUpdateUIEvent&>(event).Enable(false);
            return true;
        }
        if (type == wxEVT_MENU && is_file_command(event.GetId()) && (!loaded_ || !drafting_)) {
            drafting_page();  // built now: the command is for it
            page = current_page();
        }
        if (drafting_ && page != drafting_ && is_file_command(event.GetId()) && !from(drafting_)) {
            if (type == wxEVT_MENU && shows_drafting(event.GetId())) show_page(drafting_);
            if (offer(drafting_)) return true;
        }
    }
    return wxFrame::TryBefore(event);
}

void MainFrame::on_page_command(wxCommandEvent& event) {
    for (std::size_t i = 0; i < page_commands_.size(); ++i)
        if (page_commands_[i] == event.GetId()) show_page_at(i);
}

void MainFrame::on_update_page_command(wxUpdateUIEvent& event) {
    const int i = book_ ? book_->GetSelection() : wxNOT_FOUND;
    event.Enable(loaded_);
    event.Check(i >= 0 && page_commands_[static_cast<std::size_t>(i)] == event.GetId());
}

void MainFrame::on_update_unhandled(wxUpdateUIEvent& event) {
    event.Enable(false);
}

bool MainFrame::open_draft(const wxString& path) {
    DraftingPage& page = drafting_page();
    show_page(&page);
    bool opened = false;
    try {
        opened = page.open_file(path);
    } catch (...) {
        report_current_exception(this, _("open the draft"));
    }
    if (opened) {
        recent_.AddFileToHistory(path);
        save_recent_files(recent_);
    }
    return opened;
}

void MainFrame::on_open(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open a draft agreement"), wxEmptyString, wxEmptyString,
                        _("moudesk drafts (*.moudraft)|*.moudraft|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_draft(dialog.GetPath());
}

void MainFrame::on_recent(wxCommandEvent& event) {
    const auto i = static_cast<std::size_t>(event.GetId() - wxID_FILE1);
    if (i >= recent_.GetCount()) return;
    const wxString path = recent_.GetHistoryFile(i);
    if (!open_draft(path) && !wxFileExists(path)) {
        // The file is gone: it leaves the list (the Drafting page has said it cannot be read).
        recent_.RemoveFileFromHistory(i);
        save_recent_files(recent_);
    }
}

void MainFrame::on_find(wxCommandEvent&) {
    LibraryPage& page = library_page();
    show_page(&page);
    page.focus_search();
}

void MainFrame::on_preferences(wxCommandEvent&) {
    PreferencesDialog dialog(this);
    if (dialog.ShowModal() == wxID_OK && dialog.apply())
        set_status(_("The new interface language takes effect when moudesk is restarted."));
}

void MainFrame::set_status(const wxString& text) {
    if (GetStatusBar()) SetStatusText(text, 0);
}

void MainFrame::update_library_status() {
    const int problems = static_cast<int>(context_.library_problems.size());
    if (problems > 0) {
        SetStatusText(wxString::Format(
                          wxPLURAL("Library: %d problem — see Library", "Library: %d problems — see Library", problems),
                          problems),
                      1);
    } else {
        SetStatusText(wxString::Format(_("Library: %d key elements, %d clauses"),
                                       static_cast<int>(context_.library.elements.size()),
                                       static_cast<int>(context_.library.clauses.size())),
                      1);
    }
}

bool MainFrame::confirm_close_pages() {
    for (Page* page : pages_) {
        if (page && !page->confirm_close()) {
            show_page(page);
            return false;
        }
    }
    return true;
}

// Size, position and maximized state are kept by hand rather than by wxPersistenceManager, whose
// destroy handler outlives an explicit unregistration and then fires on a deleted object.
void MainFrame::restore_geometry() {
    const int width = read_int("/MainFrame/Width", 0);
    const int height = read_int("/MainFrame/Height", 0);
    if (width <= 0 || height <= 0) {
        SetSize(FromDIP(wxSize(1280, 820)));
        Centre();
        return;
    }
    const int x = read_int("/MainFrame/X", wxDefaultCoord);
    const int y = read_int("/MainFrame/Y", wxDefaultCoord);
    SetSize(x, y, width, height);
    if (read_int("/MainFrame/Maximized", 0) != 0) Maximize();
}

void MainFrame::save_geometry() {
    write_int("/MainFrame/Maximized", IsMaximized() ? 1 : 0);
    if (IsMaximized() || IsIconized()) return;  // keep the normal size for the next start
    const wxRect r = GetRect();
    write_int("/MainFrame/X", r.x);
    write_int("/MainFrame/Y", r.y);
    write_int("/MainFrame/Width", r.width);
    write_int("/MainFrame/Height", r.height);
}

void MainFrame::save_settings() {
    if (!splitter_) return;
    save_geometry();
    if (const int i = page_index(current_page()); i >= 0)
        write_string("/MainFrame/Page", page_keys_[static_cast<std::size_t>(i)]);
    if (splitter_->IsSplit()) write_int("/MainFrame/Sidebar", ToDIP(splitter_->GetSashPosition()));
    save_recent_files(recent_);
    flush_settings();
}

void MainFrame::on_close(wxCloseEvent& event) {
    bool confirmed = true;
    try {
        confirmed = confirm_close_pages();
    } catch (...) {
        report_current_exception(this, _("check for unsaved work"));
        confirmed = !event.CanVeto();
    }
    if (!confirmed && event.CanVeto()) {
        event.Veto();
        return;
    }
    save_settings();
    Destroy();
}

std::string MainFrame::help_html() const {
    std::string out = "<html><body bgcolor=\"#ffffff\">";
    out += "<h2>" + esc(_("moudesk help")) + "</h2><p>" +
           esc(_("moudesk helps legal officers of customs administrations and police forces draft cooperation "
                 "agreements (memoranda of understanding and of agreement) from a bilingual clause library.")) +
           "</p>";
    out += "<h3>" + esc(_("Screens")) + "</h3><ul>";
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        wxString what;
        const wxString& key = page_keys_[i];
        if (key == "drafting")
            what =
                _("choose the parties, the partnership level and the key elements, fill in the fields, see the "
                  "agreement as it will read, then export it as DOCX, ODT, PDF, HTML or text.");
        else if (key == "library")
            what =
                _("read every key element and clause in English and French, with the guidance for the legal "
                  "officer, and the problems found in the library files.");
        else if (key == "agreements")
            what =
                _("the register of agreements: filter and search them, follow their status and public-law dates, "
                  "parties and contacts, key elements, actions, versions and history.");
        else if (key == "dashboard")
            what =
                _("the register at a glance: agreements by status, actions by status, overdue and upcoming deadlines.");
        else if (key == "diagnostic")
            what =
                _("assess a country's customs–police cooperation question by question, see the scores per area, the "
                  "gaps and what the register says about them, the coverage of the key elements by the agreements "
                  "in force; draft an addendum or an action plan that closes the gaps; recognise the key elements of "
                  "an existing agreement.");
        out += "<li><b>" + esc(page_names_[i]) + "</b>";
        if (i < 9) out += " (Ctrl+" + std::to_string(i + 1) + ")";
        if (!what.empty()) out += ": " + esc(what);
        out += "</li>";
    }
    out += "</ul>";

    out += "<h3>" + esc(_("Keyboard shortcuts")) + "</h3>";
    out += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr bgcolor=\"#e8eef6\"><td><b>" + esc(_("Keys")) +
           "</b></td><td><b>" + esc(_("Command")) + "</b></td><td><b>" + esc(_("Menu")) + "</b></td></tr>";
    if (wxMenuBar* bar = GetMenuBar()) {
        for (std::size_t m = 0; m < bar->GetMenuCount(); ++m) {
            const wxString menu_label = wxMenuItem::GetLabelText(bar->GetMenuLabel(m));
            for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems()) {
                if (item->IsSeparator() || item->IsSubMenu()) continue;
                std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
                if (!accel) continue;
                out += "<tr><td nowrap><tt>" + esc(accel->ToString()) + "</tt></td><td>" +
                       esc(item->GetItemLabelText()) + "</td><td>" + esc(menu_label) + "</td></tr>";
            }
        }
    }
    out += "</table>";

    out += "<h3>" + esc(_("Where moudesk keeps things")) + "</h3><table cellpadding=\"2\">";
    auto row = [&](const wxString& label, const fs::path& path) {
        out += "<tr><td valign=\"top\"><b>" + esc(label) + "</b></td><td><tt>" + xml_escape(path.string()) +
               "</tt></td></tr>";
    };
    row(_("Clause library"), context_.clauses_dir);
    row(_("Templates"), context_.templates_dir);
    row(_("Your data (autosave)"), context_.data_dir);
    row(_("Agreements register"), context_.db_path);
    row(_("Settings"), config_file());
    out += "</table>";

    out += "<h3>" + esc(_("Command line")) +
           "</h3><p><tt>moudesk [--library DIR] [--templates DIR] [--db FILE] "
           "[--lang en|fr] [FILE.moudraft]</tt></p><p>" +
           esc(_("moudesk --help lists the options. moudesk-cli checks the library, and drafts and renders "
                 "agreements from scripts.")) +
           "</p>";
    const fs::path readme = content::bundled_data_dir() / "README.md";
    std::error_code ec;
    if (fs::is_regular_file(readme, ec)) {
        out += "<p><a href=\"open:" + xml_escape(readme.string()) + "\">" + esc(_("Open the README")) + "</a></p>";
    }
    return out + "</body></html>";
}

wxFrame* MainFrame::show_help() {
    if (!help_) {
        help_ = new wxFrame(this, wxID_ANY, _("moudesk help"), wxDefaultPosition, FromDIP(wxSize(720, 640)),
                            wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT);
        auto* html = new wxHtmlWindow(help_, wxID_ANY);
        html->SetBorders(FromDIP(8));
        html->Bind(wxEVT_HTML_LINK_CLICKED, [this](wxHtmlLinkEvent& event) {
            wxString path;
            if (event.GetLinkInfo().GetHref().StartsWith("open:", &path)) wxLaunchDefaultApplication(path);
        });
        // Closing the help window hides it; it is there again, at once, on the next F1.
        help_->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
            if (event.CanVeto()) {
                help_->Hide();
                event.Veto();
            } else {
                event.Skip();
            }
        });
        help_->Bind(wxEVT_DESTROY, [this](wxWindowDestroyEvent& event) {
            if (event.GetEventObject() == help_) help_ = nullptr;
            event.Skip();
        });
    }
    if (auto* html = dynamic_cast<wxHtmlWindow*>(help_->GetChildren().GetFirst()->GetData()))
        html->SetPage(to_wx(help_html()));
    help_->Show();
    help_->Raise();
    return help_;
}

void MainFrame::on_help(wxCommandEvent&) {
    show_help();
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("moudesk");
    info.SetVersion(MOUDESK_VERSION);
    info.SetDescription(
        _("Draft, keep and check customs–police cooperation agreements (MOU and MOA) from a "
          "bilingual English–French clause library."));
    info.SetCopyright(_("Copyright © the moudesk authors"));
    info.SetLicence(
        _("moudesk is distributed under the licence stated in its source distribution.\n\n"
          "It is built on:\n"
          "  wxWidgets: wxWindows Library Licence 3.1\n"
          "  SQLiteCpp: MIT licence (SQLite itself is in the public domain)\n"
          "  pugixml: MIT licence\n"
          "  minizip (zlib): zlib licence\n"
          "  cairo: GNU LGPL 2.1 or Mozilla Public Licence 1.1\n"
          "  Pango: GNU LGPL 2.1 or later\n"
          "  libxml2: MIT licence\n"
          "  CLI11: 3-clause BSD licence (the moudesk-cli command line)"));
    wxAboutBox(info, this);
}

}  // namespace moudesk::gui
