#pragma once
/// @brief What every screen of the desktop application shares: the clause library (with the
/// problems found loading it), the folders in use, recent files and the status bar.

#include <filesystem>
#include <functional>

#include <wx/filehistory.h>
#include <wx/string.h>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"

namespace moudesk::gui {

struct AppContext {
    content::Library library;
    Problems library_problems;            ///< from loading; a broken file is left out, the rest is used
    std::filesystem::path clauses_dir;    ///< --library, or the bundled clauses/
    std::filesystem::path templates_dir;  ///< beside --library, or the bundled templates/
    std::filesystem::path data_dir;       ///< $XDG_DATA_HOME/moudesk: autosave, database
    std::filesystem::path db_path;        ///< --db, or data_dir/moudesk.sqlite (used by the register)
    wxFileHistory* recent_files = nullptr;
    std::function<void(const wxString&)> show_status;  ///< text in the status bar
};

}  // namespace moudesk::gui
