#pragma once
/// @brief The small forms of the register (new agreement, change of status, party, contact,
/// action, completion …) as one dialog built from labelled fields, and the two ways an agreement
/// enters the register: the New agreement dialog and "Register this draft".
///
/// A form runs its `apply` step when the user presses OK: the store call happens there, and when
/// it fails (a refused transition, a duplicate reference) the reason is shown inside the dialog,
/// which stays open with everything typed. Tests answer forms with set_form_answer(): the hook
/// gets the built dialog, fills its fields and returns the button, and the apply step runs as
/// for a user (its failure then goes to error_reporting.h, where set_error_sink() records it).

#include <functional>
#include <map>
#include <optional>
#include <string>

#include <wx/arrstr.h>
#include <wx/dialog.h>

#include "app_context.h"
#include "moudesk/store/records.h"

class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace moudesk::drafting {
struct Draft;
struct Document;
}  // namespace moudesk::drafting

namespace moudesk::gui {

class FormDialog : public wxDialog {
public:
    FormDialog(wxWindow* parent, const wxString& title, const wxString& intro = wxString());

    /// A labelled field; `key` names it for the accessors below.
    wxTextCtrl* add_text(const std::string& key, const wxString& label, const wxString& value = wxString(),
                         const wxString& hint = wxString(), bool multiline = false);
    wxChoice* add_choice(const std::string& key, const wxString& label, const wxArrayString& choices,
                         int selection = 0);
    wxCheckBox* add_check(const std::string& key, const wxString& label, bool value = false);

    /// What OK does: returns a problem to show (the dialog stays open), or empty to close. An
    /// exception it throws is shown the same way, as "Could not <attempted>." and its reason.
    void on_ok(std::function<wxString()> apply, const wxString& attempted);

    /// Shows the dialog (or asks the test hook); wxID_OK once `apply` has succeeded.
    int run();

    wxString text(const std::string& key) const;
    int choice(const std::string& key) const;
    bool checked(const std::string& key) const;
    void set_text(const std::string& key, const wxString& value);
    void set_choice(const std::string& key, int selection);
    void set_checked(const std::string& key, bool value);
    /// The problem shown last (empty when none).
    const wxString& problem() const { return problem_; }

private:
    bool try_apply();
    void show_problem(const wxString& text);

    wxFlexGridSizer* grid_ = nullptr;
    wxStaticText* problem_label_ = nullptr;
    std::map<std::string, wxWindow*> fields_;
    std::function<wxString()> apply_;
    wxString attempted_;
    wxString problem_;
    bool laid_out_ = false;
};

/// Answers every form instead of showing it (tests): returns the button; an empty function
/// shows the dialogs again. Returns the hook that was in place.
using FormAnswer = std::function<int(FormDialog&)>;
FormAnswer set_form_answer(FormAnswer answer);

/// The New agreement dialog: reference, title, instrument, level, languages and the first two
/// parties' names. Returns the new agreement's id, or nullopt when cancelled.
std::optional<store::Id> ask_new_agreement(wxWindow* parent, AppContext& context);

/// "Register this draft": asks the reference (and confirms the title), then adds the agreement
/// store::agreement_from_draft() describes with the draft as its first version (the .moudraft XML
/// and the rendered text), in one transaction. Returns the new agreement's id, or nullopt when cancelled or refused.
std::optional<store::Id> ask_register_draft(wxWindow* parent, AppContext& context, const drafting::Draft& draft,
                                            const drafting::Document& document);

}  // namespace moudesk::gui
