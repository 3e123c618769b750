#pragma once
/// @brief The dialog that adds or edits one party of a draft: its names in English and French,
/// short name, kind, country, and its signatory (name, titles, place and date of signature).

#include <wx/dialog.h>

#include "moudesk/drafting/draft.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace moudesk::gui {

class PartyDialog : public wxDialog {
public:
    /// `title`: "Add party" or "Edit party".
    PartyDialog(wxWindow* parent, const wxString& title, const drafting::Party& party);

    /// The party as entered (valid once the dialog returned wxID_OK).
    drafting::Party party() const;

    /// What is wrong with the entered values (empty when they are acceptable); also used by the
    /// OK button, which keeps the dialog open and shows the problem.
    wxString problem() const;

private:
    void on_ok();
    void update_date_note();

    wxTextCtrl* name_en_ = nullptr;
    wxTextCtrl* name_fr_ = nullptr;
    wxTextCtrl* short_name_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* country_ = nullptr;
    wxTextCtrl* signatory_ = nullptr;
    wxTextCtrl* title_en_ = nullptr;
    wxTextCtrl* title_fr_ = nullptr;
    wxTextCtrl* place_ = nullptr;
    wxTextCtrl* date_ = nullptr;
    wxStaticText* date_note_ = nullptr;
    wxStaticText* problem_ = nullptr;
    std::string unknown_kind_;  ///< a kind not in party_kinds, kept as the last choice
};

}  // namespace moudesk::gui
