#include "app.h"

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

#include <langinfo.h>
#include <system_error>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/translation.h>

#include "moudesk/core/text.h"

#include "error_reporting.h"
#include "wx_text.h"

namespace moudesk::gui {
namespace fs = std::filesystem;

fs::path locale_dir() {
    if (const char* env = std::getenv("MOUDESK_LOCALE_DIR"); env && *env) return fs::path(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = (exe.parent_path() / ".." / "share" / "locale").lexically_normal();
        if (fs::exists(installed / "fr" / "LC_MESSAGES" / "moudesk.mo", ec)) return installed;
    }
    return fs::path(MOUDESK_BUILD_LOCALE_DIR);
}

namespace {
long long wall_clock_ns() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}
}  // namespace

void report_startup_phase(const char* what) {
    static const bool enabled = std::getenv("MOUDESK_REPORT_STARTUP") != nullptr;
    if (enabled) std::printf("phase %s %lld\n", what, wall_clock_ns());
}

App::App() {
    report_startup_phase("app-created");
    // Only the character type: numbers and dates keep the C conventions the core relies on.
    std::setlocale(LC_CTYPE, "");
    const char* codeset = nl_langinfo(CODESET);
    if (!codeset || std::strcmp(codeset, "UTF-8") != 0) {
        if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    // GTK 3 on X11 opens OpenGL as it opens the display, to choose GL-capable visuals for a
    // GtkGLArea; moudesk draws nothing with OpenGL. Mesa's driver then stays loaded for
    // nothing: with llvmpipe (no GPU, Xvfb) libLLVM alone is 44 MiB resident, the driver and
    // its allocations ~10 MiB more, and loading it costs startup time. GDK_GL=disable skips it;
    // GTK reads it once, while it initializes (a value the user set is left alone).
    if (!std::getenv("GDK_GL")) gl_disabled_here_ = setenv("GDK_GL", "disable", 0) == 0;
}

bool App::Initialize(int& argc, wxChar** argv) {
    const bool started = wxApp::Initialize(argc, argv);
    // Not passed on to the programs moudesk starts (an exported file's viewer may use OpenGL).
    if (gl_disabled_here_) unsetenv("GDK_GL");
    gl_disabled_here_ = false;
    return started;
}

void App::init_settings() {
    SetAppName("moudesk");
    install_config(config_file());
}

void App::init_language(InterfaceLanguage language) {
    static bool lookup_added = false;
    if (!lookup_added) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(to_wx(locale_dir()));
        lookup_added = true;
    }
    auto* translations = new wxTranslations;
    switch (language) {
        case InterfaceLanguage::en: translations->SetLanguage(wxLANGUAGE_ENGLISH_US); break;
        case InterfaceLanguage::fr: translations->SetLanguage(wxLANGUAGE_FRENCH); break;
        case InterfaceLanguage::system: translations->SetLanguage(wxLANGUAGE_DEFAULT); break;
    }
    wxTranslations::Set(translations);  // takes ownership, deletes the previous one
    translations->AddStdCatalog();      // wxWidgets' own strings, when its catalogue is installed
    translations->AddCatalog("moudesk", wxLANGUAGE_ENGLISH_US);
}

bool App::OnInit() {
    report_startup_phase("toolkit-ready");
    init_settings();
    init_language(interface_language_setting());
    if (!wxApp::OnInit()) return false;  // parses the command line
    if (language_override_) init_language(*language_override_);

    report_startup_phase("settings-language-cmdline");
    auto* frame = new MainFrame(options_);
    SetTopWindow(frame);
    frame->Show();
    report_startup_phase("frame-shown");
    if (std::getenv("MOUDESK_REPORT_STARTUP")) {
        // For bench/gui_startup.sh: once the window is shown and the first events are handled,
        // print the wall clock; once the loading is over and the first page is built, the wall
        // clock again and the peak memory, then quit.
        frame->CallAfter([frame] {
            frame->Update();
            std::printf("shown-at-ns %lld\n", wall_clock_ns());
            std::fflush(stdout);
            frame->when_loaded([frame] {
                frame->CallAfter([frame] {
                    frame->Update();
                    const long long ready = wall_clock_ns();
                    std::string peak;
                    std::ifstream status("/proc/self/status");
                    for (std::string line; std::getline(status, line);)
                        if (line.rfind("VmHWM:", 0) == 0) peak = line.substr(6);
                    std::printf("ready-at-ns %lld peak-rss %s\n", ready, collapse_spaces(peak).c_str());
                    std::fflush(stdout);
                    frame->Close(true);
                });
            });
        });
    }
    if (!options_.draft.empty()) {
        const wxString path = to_wx(options_.draft);
        frame->when_loaded([frame, path] { frame->open_draft(path); });
    }
    return true;
}

int App::OnExit() {
    if (wxConfigBase* config = wxConfigBase::Get(false)) config->Flush();
    return wxApp::OnExit();
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.SetLogo(wxString::Format(_("moudesk %s: draft customs-police cooperation agreements."), MOUDESK_VERSION));
    parser.AddOption(wxEmptyString, "library", _("clause library folder (default: the bundled library)"));
    parser.AddOption(
        wxEmptyString, "templates",
        _("templates folder (default: ../templates beside --library if it exists, else the bundled ones)"));
    parser.AddOption(wxEmptyString, "db",
                     _("agreements register database (default: register.sqlite in the data folder)"));
    parser.AddOption(wxEmptyString, "lang", _("interface language for this run: en or fr (default: the Preferences)"));
    parser.AddParam(_("draft.moudraft"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    auto absolute = [](const wxString& value) {
        std::error_code ec;
        const fs::path path = path_from_wx(value);
        const fs::path full = fs::absolute(path, ec);
        return ec ? path : full;
    };
    wxString value;
    if (parser.Found("library", &value)) options_.clauses_dir = absolute(value);
    if (parser.Found("templates", &value)) options_.templates_dir = absolute(value);
    if (parser.Found("db", &value)) options_.db_path = absolute(value);
    if (parser.Found("lang", &value)) {
        const auto language = interface_language_from_code(from_wx(value));
        if (!language || *language == InterfaceLanguage::system) {
            const std::string message = from_wx(wxString::Format(_("--lang must be en or fr, not \"%s\"."), value));
            std::fprintf(stderr, "moudesk: %s\n", message.c_str());
            std::exit(2);
        }
        language_override_ = *language;
    }
    if (parser.GetParamCount() > 0) options_.draft = absolute(parser.GetParam(0));
    return true;
}

bool App::OnCmdLineHelp(wxCmdLineParser& parser) {
    parser.Usage();
    std::exit(0);
}

bool App::OnCmdLineError(wxCmdLineParser& parser) {
    parser.Usage();
    std::exit(2);
}

bool App::OnExceptionInMainLoop() {
    report_current_exception(GetTopWindow(), wxString());
    return true;  // keep running: the windows and what was typed in them are still there
}

void App::OnUnhandledException() {
    report_current_exception(nullptr, wxString());
}

}  // namespace moudesk::gui
