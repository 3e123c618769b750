#pragma once
/// @brief What every screen of the desktop application shares: the clause library and the
/// diagnostic questionnaire (with the problems found loading them), the folders in use, the
/// agreements register, recent files and the status bar.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include <wx/filehistory.h>
#include <wx/string.h>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/diagnostic/questionnaire.h"
#include "moudesk/store/database.h"

namespace moudesk::drafting {
struct Draft;
}

namespace moudesk::gui {

struct AppContext {
    content::Library library;
    Problems library_problems;            ///< from loading; a broken file is left out, the rest is used
    std::filesystem::path clauses_dir;    ///< --library, or the bundled clauses/
    std::filesystem::path templates_dir;  ///< beside --library, or the bundled templates/
    std::filesystem::path data_dir;       ///< $XDG_DATA_HOME/moudesk: autosave, database
    std::filesystem::path db_path;        ///< --db, or store::default_database_path() (the register)
    /// The diagnostic questionnaire, loaded once at startup and checked against the library;
    /// empty (no area) when it could not be read, and then questionnaire_problems says why.
    diagnostic::Questionnaire questionnaire;
    Problems questionnaire_problems;
    std::filesystem::path questionnaire_path;  ///< the bundled diagnostic/questionnaire.xml, or another
    /// The agreements register, opened once at startup; null when it could not be opened, and
    /// then register_problem says why (the Agreements and Dashboard pages show it instead of data).
    std::unique_ptr<store::Database> register_db;
    wxString register_problem;
    wxFileHistory* recent_files = nullptr;
    std::function<void(const wxString&)> show_status;  ///< text in the status bar
    /// A page changed the register: the other pages refresh what they show (set by the frame).
    std::function<void()> register_changed;
    /// Shows the Agreements page with agreement `agreement` selected, and its action `action`
    /// (0: none) on the Actions tab (set by the frame).
    std::function<void(std::int64_t agreement, std::int64_t action)> show_agreement;
    /// Shows the Drafting page with `draft` as a new, unsaved draft (after asking about unsaved
    /// changes to the current one); false when the user kept the current draft (set by the frame).
    std::function<bool(const drafting::Draft& draft, const wxString& note)> open_new_draft;
};

}  // namespace moudesk::gui
