#include "settings.h"

#include <cstdlib>
#include <system_error>

#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/translation.h>

#include "moudesk/core/error.h"
#include "wx_text.h"

namespace moudesk::gui {
namespace fs = std::filesystem;

namespace {

fs::path home_dir() {
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home);
    return fs::temp_directory_path();
}

// $name when it is set to an absolute path (the XDG rule), else `fallback` under the home folder.
fs::path xdg_dir(const char* name, const fs::path& fallback) {
    if (const char* value = std::getenv(name); value && *value && fs::path(value).is_absolute()) return fs::path(value);
    return home_dir() / fallback;
}

// Creates `dir` and any missing parent, each new folder readable by its owner only.
void create_private_dirs(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    if (dir.has_parent_path() && dir.parent_path() != dir) create_private_dirs(dir.parent_path());
    if (!fs::create_directory(dir, ec) && !fs::is_directory(dir)) {
        throw Error(ErrorCategory::environment, "cannot create the folder " + dir.string() + ": " + ec.message());
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
}

wxConfigBase& config() {
    return *wxConfigBase::Get();
}

}  // namespace

fs::path config_file() {
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "moudesk" / "moudesk.conf";
}

fs::path user_data_dir() {
    const fs::path dir = xdg_dir("XDG_DATA_HOME", fs::path(".local") / "share") / "moudesk";
    create_private_dirs(dir);
    return dir;
}

bool install_config(const fs::path& file) {
    bool ok = true;
    try {
        create_private_dirs(file.parent_path());
    } catch (const Error&) {
        ok = false;
    }
    auto* cfg = ok ? new wxFileConfig("moudesk", wxEmptyString, to_wx(file), wxEmptyString, wxCONFIG_USE_LOCAL_FILE)
                   : new wxFileConfig("moudesk", wxEmptyString, wxEmptyString, wxEmptyString, 0);
    delete wxConfigBase::Set(cfg);
    return ok;
}

const char* to_code(InterfaceLanguage language) {
    switch (language) {
        case InterfaceLanguage::en: return "en";
        case InterfaceLanguage::fr: return "fr";
        case InterfaceLanguage::system: break;
    }
    return "system";
}

std::optional<InterfaceLanguage> interface_language_from_code(std::string_view code) {
    if (code == "system") return InterfaceLanguage::system;
    if (code == "en") return InterfaceLanguage::en;
    if (code == "fr") return InterfaceLanguage::fr;
    return std::nullopt;
}

InterfaceLanguage interface_language_setting() {
    return interface_language_from_code(from_wx(read_string("/Interface/Language", "system")))
        .value_or(InterfaceLanguage::system);
}

void set_interface_language_setting(InterfaceLanguage language) {
    write_string("/Interface/Language", to_code(language));
    flush_settings();
}

Language content_language() {
    if (wxTranslations* translations = wxTranslations::Get()) {
        const wxString best = translations->GetBestTranslation("moudesk", wxLANGUAGE_ENGLISH_US);
        if (best.StartsWith("fr")) return Language::fr;
    }
    return Language::en;
}

void load_recent_files(wxFileHistory& history) {
    wxConfigBase& cfg = config();
    const wxString old_path = cfg.GetPath();
    cfg.SetPath("/RecentFiles");
    history.Load(cfg);
    cfg.SetPath(old_path);
}

void save_recent_files(wxFileHistory& history) {
    wxConfigBase& cfg = config();
    cfg.DeleteGroup("/RecentFiles");  // a shorter list must not keep the old tail
    const wxString old_path = cfg.GetPath();
    cfg.SetPath("/RecentFiles");
    history.Save(cfg);
    cfg.SetPath(old_path);
    cfg.Flush();
}

int read_int(const wxString& key, int fallback) {
    return static_cast<int>(config().ReadLong(key, fallback));
}
void write_int(const wxString& key, int value) {
    config().Write(key, static_cast<long>(value));
}
wxString read_string(const wxString& key, const wxString& fallback) {
    return config().Read(key, fallback);
}
void write_string(const wxString& key, const wxString& value) {
    config().Write(key, value);
}
void flush_settings() {
    config().Flush();
}

}  // namespace moudesk::gui
