#pragma once
/// @brief The moudesk application: settings, interface language, command line, the main window,
/// and the last line of defence against exceptions (reported in a dialog; the application keeps
/// running and nothing typed is lost).

#include <filesystem>
#include <optional>

#include <wx/app.h>

#include "main_frame.h"
#include "settings.h"

class wxCmdLineParser;

namespace moudesk::gui {

/// Where the compiled interface catalogues are: $MOUDESK_LOCALE_DIR if set, else
/// <exe>/../share/locale when moudesk is installed, else <build>/locale.
std::filesystem::path locale_dir();

/// For bench/gui_startup.sh: when $MOUDESK_REPORT_STARTUP is set, prints "phase <what> <wall
/// clock in ns>" on stdout, so the script can tell where the time from process start goes.
void report_startup_phase(const char* what);

class App : public wxApp {
public:
    /// Makes narrow strings UTF-8 for wxWidgets (LC_CTYPE C.UTF-8 when the environment's locale
    /// is not UTF-8, e.g. LANG unset): the sources hold UTF-8 literals such as "—" and "é".
    App();

    /// Starts the toolkit (GTK) without OpenGL: see app.cpp.
    bool Initialize(int& argc, wxChar** argv) override;
    /// Settings, language, command line, then the main window.
    bool OnInit() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    /// --help prints the usage and exits with 0; a bad command line prints it and exits with 2
    /// (as moudesk-cli does).
    bool OnCmdLineHelp(wxCmdLineParser& parser) override;
    bool OnCmdLineError(wxCmdLineParser& parser) override;
    /// Reports the exception that escaped an event handler and keeps running.
    bool OnExceptionInMainLoop() override;
    /// Reports an exception that escaped the main loop (moudesk then ends).
    void OnUnhandledException() override;

    /// wxConfigBase::Get() on settings.h's config_file().
    void init_settings();
    /// Loads the moudesk catalogue (and wxWidgets' own, when installed) for `language` from
    /// locale_dir(). Screens built afterwards use it.
    void init_language(InterfaceLanguage language);

    const AppOptions& options() const { return options_; }

private:
    AppOptions options_;
    std::optional<InterfaceLanguage> language_override_;  ///< --lang
    bool gl_disabled_here_ = false;                       ///< App() set GDK_GL, Initialize() takes it away
};

}  // namespace moudesk::gui
