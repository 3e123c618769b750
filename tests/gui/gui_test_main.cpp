// The GUI tests' main: the moudesk application started as the real one is (settings, interface
// language), in a fresh settings and data folder under the build folder, then every test.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>

#include "app.h"
#include "gui_test_support.h"

namespace {

namespace fs = std::filesystem;

// The application as the tests need it: no command line, no main window of its own.
class TestApp : public moudesk::gui::App {
public:
    bool OnInit() override {
        init_settings();
        init_language(moudesk::gui::InterfaceLanguage::en);
        return true;
    }
};

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);

    // Never the user's own settings: a fresh home for the run, inside the build folder.
    const fs::path run = MOUDESK_GUI_TEST_DIR;
    fs::remove_all(run / "config");
    fs::remove_all(run / "data");
    fs::create_directories(run);
    setenv("XDG_CONFIG_HOME", (run / "config").c_str(), 1);
    setenv("XDG_DATA_HOME", (run / "data").c_str(), 1);
    unsetenv("MOUDESK_DATA_DIR");
    if (const char* shots = std::getenv("MOUDESK_SCREENSHOT_DIR"); !shots || !*shots)
        setenv("MOUDESK_SCREENSHOT_DIR", (run / "screenshots").c_str(), 1);

    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv)) {
        std::cerr << "moudesk_gui_tests: cannot start wxWidgets (no display? run under xvfb-run)\n";
        return 2;
    }
    if (!wxTheApp->CallOnInit()) {
        std::cerr << "moudesk_gui_tests: the application did not start\n";
        wxEntryCleanup();
        return 2;
    }
    int result = 0;
    {
        // An active event loop, as in the running application, so Pending()/Dispatch() work.
        wxGUIEventLoop loop;
        wxEventLoopActivator activate(&loop);
        moudesk::gui::test::install_hooks();
        result = RUN_ALL_TESTS();
        moudesk::gui::test::shut_down();
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
