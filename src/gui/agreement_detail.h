#pragma once
/// @brief The selected agreement of the Agreements page, in tabs: summary and dates (with the
/// standing computed from them and the change of status), parties and contacts, key elements,
/// actions, documents and versions, history. Every change goes through the store, is reported
/// when refused, and tells the page (which refreshes the list and the Dashboard).

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "app_context.h"
#include "moudesk/store/records.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace moudesk::gui {

class AgreementDetail : public wxPanel {
public:
    enum Tab { summary_tab, parties_tab, elements_tab, actions_tab, documents_tab, history_tab };

    /// `changed` is called after every change written to the register.
    AgreementDetail(wxWindow* parent, AppContext& context, std::function<void()> changed);

    /// Shows agreement `id` (nullopt: nothing selected). Unsaved changes to the summary are
    /// dropped: ask first with has_unsaved_changes().
    void show(std::optional<store::Id> id);
    /// Reads the shown agreement again (after a change elsewhere).
    void reload();
    std::optional<store::Id> agreement() const { return id_; }
    /// The agreement as last read (empty record when none).
    const store::AgreementRecord& record() const { return record_; }
    /// The summary's fields were edited and not saved.
    bool has_unsaved_changes() const { return dirty_; }

    // --- commands: the buttons call these (and so do the tests) ---------------------------
    /// Checks and saves the summary's fields; the problems are shown below them. True when saved.
    bool save_summary();
    /// Puts the recorded values back in the summary's fields.
    void revert_summary();
    /// Asks for the new status (only those the lifecycle allows), its date and the reason.
    void change_status();
    void add_party();
    void edit_party();
    void remove_party();
    void move_party(int step);
    void add_contact();
    void remove_contact();
    void add_element();
    void remove_element();
    void add_action();
    void complete_action();
    void change_action_status();
    /// Asks for a file and what it shows, and attaches it to the selected action as evidence.
    void attach_evidence();
    /// Opens a file attached to the selected action (asks which when there are several).
    void open_evidence();
    /// Attaches `file` (which stays where it is) to the selected action; false (reported) on failure.
    bool attach_evidence_file(const std::filesystem::path& file, const wxString& description);
    void compare_versions();
    /// Shows the Actions tab with action `action` selected; false when the agreement has no such action.
    bool select_action(store::Id action);

    // --- for the page and the tests ---------------------------------------------------------
    wxNotebook* notebook() const { return notebook_; }
    /// A field of the summary tab by key: "reference", "title", "signature", "entry-into-force",
    /// "days-after-notification", "last-notification", "duration", "expiry", "tacit-renewal",
    /// "notice-period", "next-review".
    wxTextCtrl* summary_field(const std::string& key) const;
    wxCheckBox* indefinite_box() const { return indefinite_; }
    /// The status line and the standing below it ("Due for review on …", "Missing: …").
    wxString status_text() const;
    wxString standing_text() const;
    /// The problems shown under the summary's fields.
    wxString summary_problems() const;
    wxListCtrl* parties_list() const { return parties_; }
    wxListCtrl* contacts_list() const { return contacts_; }
    wxListCtrl* elements_list() const { return elements_; }
    wxListCtrl* actions_list() const { return actions_; }
    wxListCtrl* versions_list() const { return versions_; }
    wxTextCtrl* version_text() const { return version_text_; }
    wxListCtrl* transitions_list() const { return transitions_; }
    wxListCtrl* audit_list() const { return audit_; }
    /// The actions the Actions tab lists, in its order.
    const std::vector<store::ActionRecord>& actions() const { return action_records_; }

private:
    wxWindow* build_summary(wxWindow* parent);
    wxWindow* build_parties(wxWindow* parent);
    wxWindow* build_elements(wxWindow* parent);
    wxWindow* build_actions(wxWindow* parent);
    wxWindow* build_documents(wxWindow* parent);
    wxWindow* build_history(wxWindow* parent);

    void fill_summary();
    void fill_standing();
    void fill_parties();
    void fill_contacts();
    void fill_elements();
    void fill_actions();
    void fill_documents();
    void fill_history();
    void update_buttons();
    void set_dirty(bool dirty);
    void written();  ///< after a successful write: reload and tell the page
    const store::PartyRecord* selected_party() const;
    const store::ActionRecord* selected_action() const;
    wxString party_label(const std::optional<store::Id>& party) const;

    AppContext& context_;
    std::function<void()> changed_;
    std::optional<store::Id> id_;
    store::AgreementRecord record_;
    std::vector<store::ActionRecord> action_records_;
    std::vector<store::DocumentVersion> version_records_;
    bool dirty_ = false;
    bool filling_ = false;

    wxStaticText* heading_ = nullptr;
    wxNotebook* notebook_ = nullptr;
    // summary
    std::map<std::string, wxTextCtrl*> fields_;
    wxChoice* instrument_ = nullptr;
    wxChoice* level_ = nullptr;
    wxStaticText* languages_ = nullptr;
    wxCheckBox* indefinite_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText* standing_ = nullptr;
    wxStaticText* computed_ = nullptr;
    wxStaticText* problems_ = nullptr;
    wxButton* change_status_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* revert_ = nullptr;
    wxWindow* summary_page_ = nullptr;
    // tabs
    wxListCtrl* parties_ = nullptr;
    wxListCtrl* contacts_ = nullptr;
    wxListCtrl* elements_ = nullptr;
    wxListCtrl* actions_ = nullptr;
    wxListCtrl* versions_ = nullptr;
    wxTextCtrl* version_text_ = nullptr;
    wxListCtrl* transitions_ = nullptr;
    wxListCtrl* audit_ = nullptr;
    std::vector<wxButton*> party_buttons_, contact_buttons_, element_buttons_, action_buttons_, version_buttons_;
    std::vector<wxButton*> all_buttons_;
};

}  // namespace moudesk::gui
