#pragma once
/// @brief What the desktop application remembers between runs (wxConfig in
/// $XDG_CONFIG_HOME/moudesk/moudesk.conf) and where it keeps the user's data
/// ($XDG_DATA_HOME/moudesk).
///
/// Keys used, so every screen stays out of the others' way:
///   /Interface/Language            system | en | fr
///   /RecentFiles/file1 …           the Open Recent list (wxFileHistory)
///   /MainFrame/Page, /MainFrame/Sidebar   current page key, sidebar width
///   /MainFrame/X, Y, Width, Height, Maximized   window geometry
///   /Library/…                     the Library page's splitters
///   /Drafting/…                    free for the Drafting page

#include <filesystem>
#include <optional>
#include <string_view>

#include <wx/filehistory.h>
#include <wx/string.h>

#include "moudesk/core/language.h"

namespace moudesk::gui {

/// $XDG_CONFIG_HOME/moudesk/moudesk.conf, or ~/.config/moudesk/moudesk.conf.
std::filesystem::path config_file();

/// $XDG_DATA_HOME/moudesk, or ~/.local/share/moudesk; every folder it creates is 0700. Throws
/// Error(environment) naming the folder when it cannot be created.
std::filesystem::path user_data_dir();

/// Makes wxConfigBase::Get() a wxFileConfig on `file` (its folder is created 0700). Returns
/// false (and keeps an in-memory configuration) when the folder cannot be created.
bool install_config(const std::filesystem::path& file);

/// The interface language the user chose in Preferences.
enum class InterfaceLanguage { system, en, fr };

/// "system", "en" or "fr".
const char* to_code(InterfaceLanguage language);
/// nullopt for anything else.
std::optional<InterfaceLanguage> interface_language_from_code(std::string_view code);

/// /Interface/Language; system when unset or unknown.
InterfaceLanguage interface_language_setting();
void set_interface_language_setting(InterfaceLanguage language);

/// The language the running interface is in (French when the moudesk catalogue in use is the
/// French one, else English). Screens use it to show the library's titles in the user's language.
Language content_language();

/// The Open Recent list, from /RecentFiles.
void load_recent_files(wxFileHistory& history);
/// Writes the Open Recent list to /RecentFiles and flushes the configuration.
void save_recent_files(wxFileHistory& history);

/// Integer and string values under `key` (an absolute path such as "/Library/TreeWidth").
int read_int(const wxString& key, int fallback);
void write_int(const wxString& key, int value);
wxString read_string(const wxString& key, const wxString& fallback = wxString());
void write_string(const wxString& key, const wxString& value);
/// Writes pending changes to disk.
void flush_settings();

}  // namespace moudesk::gui
