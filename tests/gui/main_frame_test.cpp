// The main window: pages, menus and accelerators, recent files, layout kept between runs,
// closing, exceptions from handlers, the French interface, help and preferences.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <wx/accel.h>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/weakref.h>

#include "agreements_page.h"
#include "app.h"
#include "dashboard_page.h"
#include "diagnostic_page.h"
#include "drafting_page.h"
#include "gui_test_support.h"
#include "library_page.h"
#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/drafting/editor.h"
#include "preferences_dialog.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;

// The accelerator of menu item `id` as "Ctrl+O", or "" when it has none.
std::string accel_of(wxFrame& frame, int id) {
    wxMenuItem* item = frame.GetMenuBar()->FindItem(id);
    if (!item) return "(no item)";
    std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
    return accel ? from_wx(accel->ToRawString()) : std::string();
}

// A page that can refuse to close, as a page with unsaved work does when the user says Cancel.
class RefusingPage : public Page {
public:
    explicit RefusingPage(wxWindow* parent) : Page(parent, wxID_ANY) {}
    wxString page_name() const override { return "Refusing"; }
    bool confirm_close() override {
        ++asked;
        return allow;
    }
    bool allow = false;
    int asked = 0;
};

// A draft file the Drafting page can open.
fs::path example_draft_file(const std::string& name) {
    Problems problems;
    const fs::path data = content::bundled_data_dir();
    const content::Library library = content::load_library(data / "clauses", data / "templates", problems);
    const drafting::Draft draft =
        drafting::example_draft(library, Instrument::mou, {Language::en, Language::fr}, drafting::Layout::side_by_side);
    const fs::path path = output_dir() / name;
    drafting::save_draft(draft, path);
    return path;
}

TEST(MainFrame, ShowsTheDraftingAndLibraryPagesInTheSidebar) {
    MainFrame& frame = main_frame();
    ASSERT_TRUE(frame.IsShown());
    ASSERT_EQ(frame.pages().size(), 5u);
    EXPECT_EQ(frame.pages()[0], &frame.drafting_page());
    EXPECT_EQ(frame.pages()[1], &frame.library_page());
    EXPECT_EQ(frame.pages()[2], &frame.agreements_page());
    EXPECT_EQ(frame.pages()[3], &frame.dashboard_page());
    EXPECT_EQ(frame.pages()[4], &frame.diagnostic_page());
    EXPECT_EQ(frame.drafting_page().page_name(), "Drafting");
    EXPECT_EQ(frame.library_page().page_name(), "Library");
    ASSERT_NE(frame.GetStatusBar(), nullptr);
    EXPECT_EQ(frame.GetStatusBar()->GetFieldsCount(), 2);
    EXPECT_TRUE(frame.GetStatusBar()->GetStatusText(1).StartsWith("Library: "))
        << frame.GetStatusBar()->GetStatusText(1);
    // The bundled library loads: 24 key elements.
    EXPECT_EQ(frame.context().library.elements.size(), 24u);
    EXPECT_FALSE(frame.context().data_dir.empty());
    EXPECT_TRUE(fs::is_directory(frame.context().data_dir));
    // The register: store::default_database_path(), in the same data folder; opened at startup.
    EXPECT_EQ(frame.context().db_path, frame.context().data_dir / "register.sqlite");
    EXPECT_NE(frame.context().register_db, nullptr);
    EXPECT_EQ(fs::status(frame.context().data_dir).permissions() & fs::perms::all, fs::perms::owner_all);
}

TEST(MainFrame, ViewMenuSwitchesPages) {
    MainFrame& frame = main_frame();
    ASSERT_TRUE(frame.ProcessCommand(ID_PAGE_LIBRARY));
    EXPECT_EQ(frame.current_page(), &frame.library_page());
    EXPECT_TRUE(frame.GetMenuBar()->IsChecked(ID_PAGE_LIBRARY));
    EXPECT_TRUE(frame.GetTitle().StartsWith("Library")) << frame.GetTitle();
    ASSERT_TRUE(frame.ProcessCommand(ID_PAGE_DRAFTING));
    EXPECT_EQ(frame.current_page(), &frame.drafting_page());
    EXPECT_TRUE(frame.GetMenuBar()->IsChecked(ID_PAGE_DRAFTING));
    EXPECT_EQ(accel_of(frame, ID_PAGE_DRAFTING), "Ctrl+1");
    EXPECT_EQ(accel_of(frame, ID_PAGE_LIBRARY), "Ctrl+2");
}

TEST(MainFrame, MenusHoldTheStockItemsWithStandardAccelerators) {
    MainFrame& frame = main_frame();
    EXPECT_EQ(accel_of(frame, wxID_NEW), "Ctrl+N");
    EXPECT_EQ(accel_of(frame, wxID_OPEN), "Ctrl+O");
    EXPECT_EQ(accel_of(frame, wxID_SAVE), "Ctrl+S");
    EXPECT_EQ(accel_of(frame, wxID_SAVEAS), "Ctrl+Shift+S");
    EXPECT_EQ(accel_of(frame, ID_EXPORT), "Ctrl+E");
    EXPECT_EQ(accel_of(frame, wxID_CLOSE), "Ctrl+W");
    EXPECT_EQ(accel_of(frame, wxID_EXIT), "Ctrl+Q");
    EXPECT_EQ(accel_of(frame, wxID_UNDO), "Ctrl+Z");
    EXPECT_EQ(accel_of(frame, wxID_REDO), "Ctrl+Shift+Z");
    EXPECT_EQ(accel_of(frame, wxID_FIND), "Ctrl+F");
    EXPECT_EQ(accel_of(frame, wxID_HELP), "F1");
    EXPECT_EQ(accel_of(frame, wxID_PREFERENCES), "Ctrl+,");
    EXPECT_EQ(accel_of(frame, wxID_ABOUT), "");
    wxMenuBar* bar = frame.GetMenuBar();
    ASSERT_EQ(bar->GetMenuCount(), 6u);
    EXPECT_EQ(bar->GetMenuLabelText(0), "File");
    EXPECT_EQ(bar->GetMenuLabelText(1), "Edit");
    EXPECT_EQ(bar->GetMenuLabelText(2), "View");
    EXPECT_EQ(bar->GetMenuLabelText(3), "Register");
    EXPECT_EQ(bar->GetMenuLabelText(4), "Tools");
    EXPECT_EQ(bar->GetMenuLabelText(5), "Help");
    EXPECT_NE(bar->GetMenu(0)->FindItem("Open Recent"), wxNOT_FOUND);
}

TEST(MainFrame, FindShowsTheLibraryAndFocusesItsSearch) {
    MainFrame& frame = main_frame();
    frame.ProcessCommand(ID_PAGE_DRAFTING);
    ASSERT_TRUE(frame.ProcessCommand(wxID_FIND));
    pump();
    EXPECT_EQ(frame.current_page(), &frame.library_page());
    wxWindow* focus = wxWindow::FindFocus();
    wxSearchCtrl* search = frame.library_page().search_box();
    if (focus) {
        EXPECT_TRUE(focus == search || search->IsDescendant(focus))
            << "focus is on " << focus->GetClassInfo()->GetClassName();
    }
    frame.ProcessCommand(ID_PAGE_DRAFTING);
}

TEST(MainFrame, UndoIsOffOnAPageThatHasNoUndo) {
    MainFrame& frame = main_frame();
    frame.ProcessCommand(ID_PAGE_LIBRARY);
    wxUpdateUIEvent event(wxID_UNDO);
    event.SetEventObject(&frame);
    frame.HandleWindowEvent(event);
    EXPECT_TRUE(event.GetSetEnabled());
    EXPECT_FALSE(event.GetEnabled());
    frame.ProcessCommand(ID_PAGE_DRAFTING);
}

TEST(MainFrame, RecentFilesRoundTripThroughTheSettings) {
    const fs::path first = output_dir() / "recent-first.moudraft";
    const fs::path second = output_dir() / "recent-second.moudraft";
    {
        auto frame = make_frame();
        while (frame->recent_files().GetCount() > 0) frame->recent_files().RemoveFileFromHistory(0);
        frame->recent_files().AddFileToHistory(to_wx(first));
        frame->recent_files().AddFileToHistory(to_wx(second));
        frame->save_settings();
    }
    EXPECT_EQ(from_wx(wxConfigBase::Get()->Read("/RecentFiles/file1")), second.string());
    auto frame = make_frame();
    ASSERT_EQ(frame->recent_files().GetCount(), 2u);
    EXPECT_EQ(from_wx(frame->recent_files().GetHistoryFile(0)), second.string());
    EXPECT_EQ(from_wx(frame->recent_files().GetHistoryFile(1)), first.string());
    // And they are in the File ▸ Open Recent menu.
    wxMenuItem* recent =
        frame->GetMenuBar()->GetMenu(0)->FindItem(frame->GetMenuBar()->GetMenu(0)->FindItem("Open Recent"));
    ASSERT_NE(recent, nullptr);
    ASSERT_NE(recent->GetSubMenu(), nullptr);
    EXPECT_EQ(recent->GetSubMenu()->GetMenuItemCount(), 2u);
    while (frame->recent_files().GetCount() > 0) frame->recent_files().RemoveFileFromHistory(0);
    frame->save_settings();
}

TEST(MainFrame, ARecentFileOpensOnTheDraftingPage) {
    const fs::path draft = example_draft_file("recent-example.moudraft");
    auto frame = make_frame();
    frame->ProcessCommand(ID_PAGE_LIBRARY);
    frame->recent_files().AddFileToHistory(to_wx(draft));
    {
        DialogAnswer answer(wxID_NO);
        ErrorRecorder errors;
        ASSERT_TRUE(frame->ProcessCommand(wxID_FILE1));
        pump();
        EXPECT_TRUE(errors.reports().empty()) << from_wx(errors.reports().front().full_text());
    }
    EXPECT_EQ(frame->current_page(), &frame->drafting_page());
    ASSERT_GE(frame->recent_files().GetCount(), 1u);
    EXPECT_EQ(from_wx(frame->recent_files().GetHistoryFile(0)), draft.string());
}

TEST(MainFrame, ARecentFileThatIsGoneIsReportedAndLeavesTheList) {
    const fs::path gone = output_dir() / "no-such-draft.moudraft";
    fs::remove(gone);
    auto frame = make_frame();
    frame->recent_files().AddFileToHistory(to_wx(gone));
    {
        DialogAnswer answer(wxID_OK);
        ErrorRecorder errors;
        frame->ProcessCommand(wxID_FILE1);
        pump();
        EXPECT_FALSE(errors.reports().empty() && answer.dialogs().empty()) << "the missing file was not reported";
    }
    for (std::size_t i = 0; i < frame->recent_files().GetCount(); ++i)
        EXPECT_NE(from_wx(frame->recent_files().GetHistoryFile(i)), gone.string());
    EXPECT_TRUE(frame->IsShown());
}

TEST(MainFrame, SizePageAndSidebarAreKeptBetweenRuns) {
    wxSize size;
    {
        auto frame = make_frame();
        frame->SetSize(wxSize(1010, 690));
        frame->ProcessCommand(ID_PAGE_LIBRARY);
        if (auto* splitter = dynamic_cast<wxSplitterWindow*>(frame->page_parent()->GetParent()))
            splitter->SetSashPosition(frame->FromDIP(210));
        pump();
        size = frame->GetSize();
    }  // destroyed: the settings are written
    auto frame = make_frame();
    EXPECT_EQ(frame->GetSize(), size);
    EXPECT_EQ(frame->current_page(), &frame->library_page());
    if (auto* splitter = dynamic_cast<wxSplitterWindow*>(frame->page_parent()->GetParent())) {
        EXPECT_EQ(splitter->GetSashPosition(), frame->FromDIP(210));
    }
    frame->ProcessCommand(ID_PAGE_DRAFTING);
    frame->SetSize(frame->FromDIP(wxSize(1280, 820)));
}

TEST(MainFrame, CloseAsksEveryPageAndCancelKeepsTheWindow) {
    MainFrame* frame = make_frame().release();  // Close() destroys it
    wxWeakRef<MainFrame> alive(frame);
    auto* refusing = new RefusingPage(frame->page_parent());
    frame->add_page(refusing, ID_FIRST_FREE + 1, wxART_WARNING, "refusing");  // adding a page is one line
    EXPECT_EQ(frame->pages().size(), 6u);
    EXPECT_EQ(accel_of(*frame, ID_FIRST_FREE + 1), "Ctrl+6");

    frame->Close();
    pump();
    ASSERT_TRUE(alive);
    EXPECT_EQ(refusing->asked, 1);
    EXPECT_TRUE(frame->IsShown());
    EXPECT_EQ(frame->current_page(), refusing);  // the page that said no is shown

    refusing->allow = true;
    frame->ProcessCommand(wxID_EXIT);  // File ▸ Quit closes the same way
    pump(200);
    EXPECT_FALSE(alive);
    // The refusing page must not come back as the current page of the next window.
    write_string("/MainFrame/Page", "drafting");
}

TEST(MainFrame, AnExceptionInAHandlerIsReportedAndTheApplicationKeepsRunning) {
    MainFrame& frame = main_frame();
    const int id = ID_FIRST_FREE + 50;
    wxMenu* help = frame.GetMenuBar()->GetMenu(4);
    help->Append(id, "Fail");
    auto throwing = [](wxCommandEvent&) {
        throw Error(ErrorCategory::environment, "cannot write /nowhere/agreement.docx: disk full");
    };
    frame.Bind(wxEVT_MENU, throwing, id);
    {
        // A menu command, as a click delivers it: wxWidgets catches the exception and hands it to
        // App::OnExceptionInMainLoop, which reports it.
        ErrorRecorder errors;
        EXPECT_NO_THROW(frame.ProcessCommand(id));
        ASSERT_EQ(errors.reports().size(), 1u);
        const ErrorReport& report = errors.reports().front();
        EXPECT_EQ(report.category, ErrorCategory::environment);
        EXPECT_TRUE(report.details.Contains("disk full"));
        EXPECT_TRUE(report.advice.Contains("could not be read or written")) << report.advice;
    }
    {
        // Without a recorder the user sees the error dialog.
        DialogAnswer answer(wxID_OK);
        frame.ProcessCommand(id);
        ASSERT_EQ(answer.dialogs().size(), 1u);
        EXPECT_EQ(answer.dialogs().front().message, "The last action failed.");
        EXPECT_TRUE(answer.dialogs().front().extended.Contains("disk full"));
    }
    frame.Unbind(wxEVT_MENU, throwing, id);
    // guarded() names what failed.
    frame.Bind(wxEVT_MENU,
               guarded(&frame, "export the agreement", [](wxCommandEvent&) { throw std::runtime_error("unexpected"); }),
               id);
    {
        ErrorRecorder errors;
        frame.ProcessCommand(id);
        ASSERT_EQ(errors.reports().size(), 1u);
        EXPECT_EQ(errors.reports().front().summary, "Could not export the agreement.");
        EXPECT_TRUE(errors.reports().front().advice.Contains("bug")) << errors.reports().front().advice;
    }
    help->Destroy(id);
    // Still running: the window answers commands.
    EXPECT_TRUE(frame.IsShown());
    EXPECT_TRUE(frame.ProcessCommand(ID_PAGE_LIBRARY));
    EXPECT_EQ(frame.current_page(), &frame.library_page());
    frame.ProcessCommand(ID_PAGE_DRAFTING);
}

TEST(MainFrame, ErrorReportsNameTheCategory) {
    auto report = [](ErrorCategory category) {
        return describe_exception(std::make_exception_ptr(Error(category, "x.moudraft:3:7: bad")), "open the draft");
    };
    EXPECT_EQ(report(ErrorCategory::bad_input).summary, "Could not open the draft.");
    EXPECT_TRUE(report(ErrorCategory::bad_input).advice.Contains("not valid"));
    EXPECT_TRUE(report(ErrorCategory::bad_content).advice.Contains("clause library"));
    EXPECT_TRUE(report(ErrorCategory::environment).advice.Contains("disk"));
    EXPECT_TRUE(report(ErrorCategory::internal).advice.Contains("bug"));
    EXPECT_EQ(report(ErrorCategory::bad_input).details, "x.moudraft:3:7: bad");
    EXPECT_TRUE(describe_exception(std::make_exception_ptr(std::bad_alloc()), "").advice.Contains("memory"));
}

TEST(MainFrame, HelpListsTheKeyboardShortcuts) {
    MainFrame& frame = main_frame();
    const std::string html = frame.help_html();
    for (const char* keys : {"Ctrl+O", "Ctrl+S", "Ctrl+E", "Ctrl+F", "Ctrl+1", "Ctrl+2", "F1"})
        EXPECT_NE(html.find(keys), std::string::npos) << keys;
    ASSERT_TRUE(frame.ProcessCommand(wxID_HELP));
    pump();
    wxFrame* help = frame.show_help();
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->IsShown());
    screenshot(help, "help");
    help->Close();
    pump();
    EXPECT_FALSE(help->IsShown());
    EXPECT_EQ(frame.show_help(), help);  // the same window, shown again
    EXPECT_TRUE(help->IsShown());
    help->Close();
    pump();
}

TEST(MainFrame, PreferencesKeepTheInterfaceLanguage) {
    {
        PreferencesDialog dialog(&main_frame());
        EXPECT_EQ(dialog.language(), InterfaceLanguage::system);
        dialog.set_language(InterfaceLanguage::fr);
        EXPECT_TRUE(dialog.apply());
    }
    EXPECT_EQ(interface_language_setting(), InterfaceLanguage::fr);
    {
        PreferencesDialog dialog(&main_frame());
        EXPECT_EQ(dialog.language(), InterfaceLanguage::fr);
        screenshot(&dialog, "preferences");
        dialog.set_language(InterfaceLanguage::system);
        dialog.apply();
    }
    EXPECT_EQ(interface_language_setting(), InterfaceLanguage::system);
}

TEST(MainFrame, TheFrenchInterfaceIsTranslated) {
    auto* app = dynamic_cast<App*>(wxTheApp);
    ASSERT_NE(app, nullptr);
    app->init_language(InterfaceLanguage::fr);
    {
        auto frame = make_frame();
        EXPECT_EQ(frame->GetMenuBar()->GetMenuLabelText(0), "Fichier");
        EXPECT_EQ(frame->library_page().page_name(), wxString::FromUTF8("Bibliothèque"));
        EXPECT_EQ(content_language(), Language::fr);
        frame->ProcessCommand(ID_PAGE_LIBRARY);
        frame->library_page().select_clause("information-exchange.general");
        pump();
        screenshot(frame.get(), "main-window-fr");
        frame->ProcessCommand(ID_PAGE_DRAFTING);
    }
    app->init_language(InterfaceLanguage::en);
    EXPECT_EQ(content_language(), Language::en);
}

TEST(MainFrame, TheToolkitRunsWithoutOpenGL) {
    // App() asks GTK not to open OpenGL (GDK_GL=disable, taken out of the environment again once
    // GTK has started): moudesk draws nothing with it, and Mesa's driver (with llvmpipe, libLLVM)
    // would stay resident, ~50 MiB.
    if (const char* gl = std::getenv("GDK_GL")) GTEST_SKIP() << "GDK_GL is set in the environment: " << gl;
    main_frame();
    std::ifstream maps("/proc/self/maps");
    ASSERT_TRUE(maps.is_open());
    for (std::string line; std::getline(maps, line);) {
        EXPECT_EQ(line.find("libGLX_mesa"), std::string::npos) << line;
        EXPECT_EQ(line.find("_dri.so"), std::string::npos) << line;
        EXPECT_EQ(line.find("libLLVM"), std::string::npos) << line;
    }
}

TEST(MainFrame, Screenshot) {
    MainFrame& frame = main_frame();
    frame.ProcessCommand(ID_PAGE_DRAFTING);
    const fs::path png = screenshot(&frame, "main-window");
    EXPECT_TRUE(fs::exists(png));
    EXPECT_GT(colour_count(png), 8) << "the screenshot looks blank: " << png;
}

}  // namespace
}  // namespace moudesk::gui::test

// --- loading in the background ------------------------------------------------------------

namespace moudesk::gui::test {
namespace {

// Pumps events until `frame` has finished loading (at most 20 s); false if it has not.
bool pump_until_loaded(MainFrame& frame) {
    for (int i = 0; i < 400 && !frame.loaded(); ++i) pump(50);
    return frame.loaded();
}

TEST(MainFrameLoading, TheWindowShowsAtOnceAndIsUsableOnceTheLibraryIsLoaded) {
    AppOptions options;
    options.db_path = fresh_register("background-loading");
    auto frame = std::make_unique<MainFrame>(options);
    frame->Show();
    // Before any event is handled the loading cannot be over: the window says what it does, and
    // no page is built yet.
    EXPECT_FALSE(frame->loaded());
    EXPECT_EQ(frame->GetStatusBar()->GetStatusText(1), "Loading the clause library…");
    EXPECT_EQ(frame->current_page(), nullptr);
    wxUpdateUIEvent save(wxID_SAVE);
    save.SetEventObject(frame.get());
    frame->HandleWindowEvent(save);
    EXPECT_FALSE(save.GetEnabled());  // the draft's commands wait for the library

    ASSERT_TRUE(pump_until_loaded(*frame));
    pump();
    EXPECT_TRUE(frame->GetStatusBar()->GetStatusText(1).StartsWith("Library: "))
        << frame->GetStatusBar()->GetStatusText(1);
    EXPECT_FALSE(frame->context().library.clauses.empty());
    EXPECT_FALSE(frame->context().questionnaire.areas.empty());
    EXPECT_NE(frame->context().register_db, nullptr);
    ASSERT_NE(frame->current_page(), nullptr);
    EXPECT_TRUE(frame->current_page()->IsShown());

    // Every page works: each is built when first shown.
    frame->ProcessCommand(ID_PAGE_LIBRARY);
    EXPECT_EQ(frame->current_page(), &frame->library_page());
    EXPECT_GT(frame->library_page().visible_elements(), 0);
    frame->ProcessCommand(ID_PAGE_DRAFTING);
    EXPECT_EQ(frame->current_page(), &frame->drafting_page());
    EXPECT_FALSE(frame->drafting_page().testing().editor().assembly().document.rows.empty());
    frame->ProcessCommand(ID_PAGE_DIAGNOSTIC);
    EXPECT_EQ(frame->current_page(), &frame->diagnostic_page());
    pump();
    screenshot(frame.get(), "main-window-after-loading");
}

TEST(MainFrameLoading, ALibraryAndARegisterThatCannotBeLoadedAreReportedOnceLoadingEnds) {
    const fs::path db = fresh_register("background-not-a-database");
    write_file_atomically(db, std::string(4096, 'x'));
    AppOptions options;
    options.clauses_dir = output_dir() / "no-such-library-background";
    fs::remove_all(options.clauses_dir);
    options.db_path = db;
    ErrorRecorder errors;
    auto frame = std::make_unique<MainFrame>(options);
    frame->Show();
    ASSERT_TRUE(pump_until_loaded(*frame));
    pump();
    // The library's problem in the status bar (and on the Library page), the register's in the
    // error report, as when they were loaded before the window showed.
    EXPECT_TRUE(frame->GetStatusBar()->GetStatusText(1).Contains("problem")) << frame->GetStatusBar()->GetStatusText(1);
    EXPECT_FALSE(frame->context().library_problems.empty());
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(errors.reports()[0].summary.Contains("Could not open the agreements register"))
        << errors.reports()[0].summary;
    EXPECT_EQ(frame->context().register_db, nullptr);
    EXPECT_FALSE(frame->context().register_problem.empty());
    // The application runs on.
    frame->ProcessCommand(ID_PAGE_LIBRARY);
    EXPECT_EQ(frame->current_page(), &frame->library_page());
    EXPECT_EQ(frame->library_page().visible_elements(), 0);
}

}  // namespace
}  // namespace moudesk::gui::test
