#pragma once
/// @brief A screen of the main window (Drafting, Library, later Agreements and Diagnostic).
///
/// The main frame shows one page at a time. Menu and update-UI events (wxID_NEW, wxID_OPEN,
/// wxID_SAVE, wxID_SAVEAS, ID_EXPORT, wxID_CLOSE, wxID_UNDO, wxID_REDO, wxID_FIND …) are offered
/// to the current page first, then handled by the frame; a page binds only what it supports.

#include <wx/panel.h>

namespace moudesk::gui {

/// Menu command ids of our own (stock ids are used wherever wxWidgets has one).
enum CommandId {
    ID_EXPORT = wxID_HIGHEST + 1,
    ID_PAGE_DRAFTING,
    ID_PAGE_LIBRARY,
    ID_PAGE_AGREEMENTS,
    ID_PAGE_DIAGNOSTIC,
    ID_PREFERENCES_LANGUAGE,
    ID_OPEN_EXPORTED,
    ID_PAGE_DASHBOARD,
    ID_REGISTER_DRAFT,                  ///< File ▸ Register this draft (the Drafting page handles it)
    ID_EXPORT_REGISTER,                 ///< Register ▸ Export the register (register_tasks.h)
    ID_EXPORT_DEADLINES,                ///< Register ▸ Export the deadlines to a calendar
    ID_BACKUP_REGISTER,                 ///< Register ▸ Back up the register
    ID_DEMO_DATA,                       ///< Register ▸ Add demo data
    ID_FIRST_FREE = wxID_HIGHEST + 100  ///< pages number their private ids from here
};

class Page : public wxPanel {
public:
    using wxPanel::wxPanel;
    /// The page's name in the navigation, translated ("Drafting").
    virtual wxString page_name() const = 0;
    /// Called when the page becomes the visible one.
    virtual void page_shown() {}
    /// Asks the user about unsaved work before the window closes; false keeps the window open.
    virtual bool confirm_close() { return true; }
};

}  // namespace moudesk::gui
