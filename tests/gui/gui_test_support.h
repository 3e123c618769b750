#pragma once
/// @brief What every GUI test shares: the real main window, an event pump, screenshots, and
/// dialogs and error reports answered or recorded instead of blocking the test.
///
/// The tests run in one process under Xvfb (ctest label "gui"). gui_test_main.cpp starts the
/// application (English interface, settings in a fresh folder under the build folder), answers
/// every modal dialog nobody expected with Cancel and fails the test that opened it, and turns a
/// wxWidgets assertion into a test failure.

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <wx/string.h>
#include <wx/window.h>

#include "error_reporting.h"
#include "main_frame.h"

/// wxString in GoogleTest messages, as text.
inline void PrintTo(const wxString& text, std::ostream* out) {
    *out << '"' << text.utf8_str().data() << '"';
}

namespace moudesk::gui::test {

/// The main window on the bundled library: created on first use, shown, its loading waited for,
/// kept until the end.
MainFrame& main_frame();

/// A new main window for `options` (another library, a data folder), shown, its loading waited
/// for (the register's failure, if any, reported) and pumped. Deleting
/// it destroys the window (and saves its settings, as closing does). To test Close(), release()
/// the pointer first: the window then destroys itself.
std::unique_ptr<MainFrame> make_frame(AppOptions options = {});

/// Processes pending, idle and X events for `ms` milliseconds (at least once).
void pump(int ms = 100);

/// A PNG of what `window` shows on screen, saved as <MOUDESK_SCREENSHOT_DIR>/<name>.png; returns
/// its path. Raises the window, refreshes it and pumps first so the picture is complete.
std::filesystem::path screenshot(wxWindow* window, const std::string& name);

/// How many distinct colours a PNG has (a blank or black picture has one or two).
int colour_count(const std::filesystem::path& png);

/// The test output folder (in the build folder), created.
std::filesystem::path output_dir();

/// A path for a new agreements register, output_dir()/registers/<name>.sqlite, with any earlier
/// file of that name (and its -wal and -shm companions) removed. Pass it as AppOptions::db_path.
std::filesystem::path fresh_register(const std::string& name);

/// A copy of the bundled clauses/ and templates/ in output_dir()/libraries/<name>/, fresh.
/// Returns the folder holding clauses/ and templates/.
std::filesystem::path copy_bundled_library(const std::string& name);

/// Records every error report (error_reporting.h) while it lives, instead of the dialog.
class ErrorRecorder {
public:
    ErrorRecorder();
    ~ErrorRecorder();
    ErrorRecorder(const ErrorRecorder&) = delete;
    ErrorRecorder& operator=(const ErrorRecorder&) = delete;
    const std::vector<ErrorReport>& reports() const { return reports_; }

private:
    std::vector<ErrorReport> reports_;
    ErrorSink previous_;
};

/// A modal dialog a test saw: its title, message and extended message (message dialogs).
struct SeenDialog {
    wxString title;
    wxString message;
    wxString extended;
};

/// While it lives, every modal dialog is answered with `answer` (wxID_OK, wxID_YES, wxID_NO,
/// wxID_CANCEL …) without being shown, and recorded.
class DialogAnswer {
public:
    explicit DialogAnswer(int answer);
    ~DialogAnswer();
    DialogAnswer(const DialogAnswer&) = delete;
    DialogAnswer& operator=(const DialogAnswer&) = delete;
    const std::vector<SeenDialog>& dialogs() const;
};

/// Used by gui_test_main.cpp: installs the modal-dialog hook and the assertion handler, and at
/// the end destroys the windows the tests left.
void install_hooks();
void shut_down();

}  // namespace moudesk::gui::test
