#include "agreement_detail.h"

#include <algorithm>
#include <iterator>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include "agreement_dialog.h"
#include "agreement_labels.h"
#include "drafting_labels.h"
#include "error_reporting.h"
#include "moudesk/core/text.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/compare.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/audit.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {
using tracking::DateField;

namespace {

const wxColour overdue_colour(0xA0, 0x00, 0x00);
const wxColour warning_colour(0x9A, 0x5B, 0x00);

std::string clean(const wxString& text) {
    return collapse_spaces(from_wx(text));
}

wxListCtrl* make_list(wxWindow* parent, const std::vector<std::pair<wxString, int>>& columns, const char* name) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list->SetName(name);
    for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

// A bold label, sized for its text in bold (also when the text changes).
wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    label->SetMinSize(wxDefaultSize);  // the sizer asks the best size, which follows font and text
    return label;
}

// "2026-11-30T03:05:00Z" as "2026-11-30 03:05 UTC".
wxString time_text(const std::string& at) {
    if (at.size() == 20 && at[10] == 'T' && at[19] == 'Z')
        return to_wx(at.substr(0, 10) + " " + at.substr(11, 5) + " UTC");
    return to_wx(at);
}

long selected_row(const wxListCtrl* list) {
    return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void select_row(wxListCtrl* list, long row) {
    if (row < 0 || row >= list->GetItemCount()) return;
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(row);
}

wxString lines(const std::vector<std::string>& problems) {
    wxString text;
    for (const std::string& p : problems) text << "• " << to_wx(capitalize_first(p)) << "\n";
    return text.Trim();
}

// A row of buttons under a list; the buttons are appended to `group` (and `all`).
wxBoxSizer* button_row(wxWindow* parent, std::vector<wxButton*>& group, std::vector<wxButton*>& all,
                       const std::vector<std::pair<wxString, std::function<void()>>>& buttons) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& [label, handler] : buttons) {
        auto* button = new wxButton(parent, wxID_ANY, label);
        button->Bind(wxEVT_BUTTON, [handler](wxCommandEvent&) { handler(); });
        row->Add(button, 0, wxRIGHT, parent->FromDIP(6));
        group.push_back(button);
        all.push_back(button);
    }
    return row;
}

wxArrayString party_kind_choices() {
    wxArrayString kinds;
    for (const char* kind : drafting::party_kinds) kinds.Add(party_kind_label(kind));
    return kinds;
}

int party_kind_index(const std::string& kind) {
    int i = 0;
    for (const char* k : drafting::party_kinds) {
        if (kind == k) return i;
        ++i;
    }
    return i - 1;  // other
}

}  // namespace

AgreementDetail::AgreementDetail(wxWindow* parent, AppContext& context, std::function<void()> changed)
    : wxPanel(parent, wxID_ANY), context_(context), changed_(std::move(changed)) {
    SetName("agreement-detail");
    auto* top = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.1f));
    top->Add(heading_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    notebook_ = new wxNotebook(this, wxID_ANY);
    notebook_->SetName("agreement-tabs");
    notebook_->AddPage(build_summary(notebook_), _("Summary and dates"));
    notebook_->AddPage(build_parties(notebook_), _("Parties and contacts"));
    notebook_->AddPage(build_elements(notebook_), _("Key elements"));
    notebook_->AddPage(build_actions(notebook_), _("Actions"));
    notebook_->AddPage(build_documents(notebook_), _("Documents and versions"));
    notebook_->AddPage(build_history(notebook_), _("History"));
    top->Add(notebook_, 1, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(top);
    show(std::nullopt);
}

// --- building the tabs ----------------------------------------------------------------------

wxWindow* AgreementDetail::build_summary(wxWindow* parent) {
    auto* page = new wxScrolledWindow(parent, wxID_ANY);
    page->SetScrollRate(0, FromDIP(10));
    summary_page_ = page;
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The status, what the dates make of it, and the change of status.
    auto* status_row = new wxBoxSizer(wxHORIZONTAL);
    status_ = heading(page, wxString());
    status_row->Add(status_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    change_status_ = new wxButton(page, wxID_ANY, _("Change &status..."));
    change_status_->SetToolTip(_("Record a new status (only those the lifecycle allows), with its date and reason"));
    change_status_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_status(); });
    all_buttons_.push_back(change_status_);
    status_row->Add(change_status_, 0, wxALIGN_CENTER_VERTICAL);
    status_row->AddStretchSpacer();
    // Save and Revert at the top, where they stay in sight however the tab is scrolled.
    save_ = new wxButton(page, wxID_ANY, _("Save changes"));
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_summary(); });
    revert_ = new wxButton(page, wxID_ANY, _("Revert"));
    revert_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { revert_summary(); });
    status_row->Add(save_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    status_row->Add(revert_, 0, wxALIGN_CENTER_VERTICAL);
    all_buttons_.push_back(save_);
    all_buttons_.push_back(revert_);
    top->Add(status_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    standing_ = new wxStaticText(page, wxID_ANY, wxString());
    top->Add(standing_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    problems_ = new wxStaticText(page, wxID_ANY, wxString());
    problems_->SetForegroundColour(overdue_colour);
    top->Add(problems_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    auto add_text = [&](wxFlexGridSizer* grid, const std::string& key, const wxString& label, const wxString& hint,
                        int width) {
        grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* text = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(width, -1)));
        text->SetName(key);
        if (!hint.empty()) text->SetHint(hint);
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (!filling_) set_dirty(true);
        });
        grid->Add(text, 1, wxEXPAND);
        fields_[key] = text;
        return text;
    };

    // The agreement.
    auto* general = new wxFlexGridSizer(4, FromDIP(6), FromDIP(10));
    general->AddGrowableCol(1, 2);
    general->AddGrowableCol(3, 1);
    add_text(general, "reference", _("Reference:"), _("e.g. MOU/2027/004"), 160);
    general->Add(new wxStaticText(page, wxID_ANY, _("Instrument:")), 0, wxALIGN_CENTER_VERTICAL);
    instrument_ = new wxChoice(page, wxID_ANY);
    instrument_->SetName("instrument");
    for (const char* code : store::register_instruments) instrument_->Append(register_instrument_label(code));
    general->Add(instrument_, 1, wxEXPAND);
    add_text(general, "title", _("Title:"), wxString(), 300);
    general->Add(new wxStaticText(page, wxID_ANY, _("Partnership level:")), 0, wxALIGN_CENTER_VERTICAL);
    level_ = new wxChoice(page, wxID_ANY);
    level_->SetName("level");
    level_->Append(_("(not stated)"));
    for (PartnershipLevel level : all_levels()) level_->Append(level_label(level));
    general->Add(level_, 1, wxEXPAND);
    general->Add(new wxStaticText(page, wxID_ANY, _("Languages:")), 0, wxALIGN_CENTER_VERTICAL);
    languages_ = new wxStaticText(page, wxID_ANY, wxString());
    general->Add(languages_, 0, wxALIGN_CENTER_VERTICAL);
    for (wxChoice* choice : {instrument_, level_})
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { set_dirty(true); });
    top->Add(general, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    auto* dates_heading = heading(page, _("Public-law dates"));
    top->Add(dates_heading, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    auto* dates = new wxFlexGridSizer(4, FromDIP(6), FromDIP(10));
    dates->AddGrowableCol(1, 1);
    dates->AddGrowableCol(3, 1);
    const wxString date_hint = _("YYYY-MM-DD");
    const wxString duration_hint = _("e.g. P5Y, P6M, P30D");
    add_text(dates, "signature", _("Signature:"), date_hint, 120);
    add_text(dates, "entry-into-force", _("Entry into force:"), date_hint, 120);
    add_text(dates, "last-notification", _("Last notification:"), date_hint, 120);
    add_text(dates, "days-after-notification", _("In force days after it:"), _("number of days"), 120)
        ->SetToolTip(_("When the agreement enters into force a number of days after the last notification, "
                       "instead of on a fixed date"));
    add_text(dates, "duration", _("Duration:"), duration_hint, 120);
    dates->AddSpacer(0);
    indefinite_ = new wxCheckBox(page, wxID_ANY, _("Concluded for an indefinite period"));
    indefinite_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { set_dirty(true); });
    dates->Add(indefinite_, 0, wxALIGN_CENTER_VERTICAL);
    add_text(dates, "expiry", _("Expiry (if stated):"), date_hint, 120)
        ->SetToolTip(_("The first day the agreement no longer has effect; leave empty to compute it from the entry "
                       "into force and the duration"));
    add_text(dates, "tacit-renewal", _("Tacit renewal for:"), duration_hint, 120);
    add_text(dates, "notice-period", _("Notice period:"), duration_hint, 120);
    add_text(dates, "next-review", _("Next review:"), date_hint, 120);
    top->Add(dates, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    computed_ = new wxStaticText(page, wxID_ANY, wxString());
    top->Add(computed_, 0, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(top);
    return page;
}

wxWindow* AgreementDetail::build_parties(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    // The parties on the left, the selected party's contacts on the right.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    parties_ = make_list(page,
                         {{_("Name"), 250},
                          {_("Short name"), 100},
                          {_("Kind"), 100},
                          {_("Country"), 70},
                          {_("Role"), 70},
                          {_("Signatory"), 200}},
                         "parties");
    left->Add(parties_, 1, wxEXPAND | wxALL, FromDIP(4));
    left->Add(button_row(page, party_buttons_, all_buttons_,
                         {{_("Add party..."), [this] { add_party(); }},
                          {_("Edit..."), [this] { edit_party(); }},
                          {_("Remove"), [this] { remove_party(); }},
                          {_("Move up"), [this] { move_party(-1); }},
                          {_("Move down"), [this] { move_party(+1); }}}),
              0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    top->Add(left, 3, wxEXPAND);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(heading(page, _("Contacts of the selected party")), 0, wxLEFT | wxTOP, FromDIP(4));
    contacts_ =
        make_list(page, {{_("Role"), 90}, {_("Name"), 150}, {_("Function"), 130}, {_("Email"), 170}, {_("Phone"), 110}},
                  "contacts");
    right->Add(contacts_, 1, wxEXPAND | wxALL, FromDIP(4));
    right->Add(button_row(page, contact_buttons_, all_buttons_,
                          {{_("Add contact..."), [this] { add_contact(); }},
                           {_("Remove contact"), [this] { remove_contact(); }}}),
               0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    top->Add(right, 2, wxEXPAND);
    page->SetSizer(top);
    parties_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        fill_contacts();
        update_buttons();
    });
    parties_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        fill_contacts();
        update_buttons();
    });
    parties_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit_party(); });
    contacts_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    return page;
}

wxWindow* AgreementDetail::build_elements(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(page, wxID_ANY,
                                  _("The key elements the agreement covers: from its registered draft, detected in its "
                                    "text, or added by hand."));
    top->Add(note, 0, wxALL, FromDIP(6));
    elements_ = make_list(page, {{_("Key element"), 360}, {_("Source"), 180}, {_("Confidence"), 100}}, "elements");
    top->Add(elements_, 1, wxEXPAND | wxALL, FromDIP(4));
    top->Add(
        button_row(page, element_buttons_, all_buttons_,
                   {{_("Add key element..."), [this] { add_element(); }}, {_("Remove"), [this] { remove_element(); }}}),
        0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    page->SetSizer(top);
    elements_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    return page;
}

wxWindow* AgreementDetail::build_actions(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* top = new wxBoxSizer(wxVERTICAL);
    actions_ = make_list(page,
                         {{_("Action"), 340},
                          {_("Owner"), 170},
                          {_("Due"), 95},
                          {_("Status"), 110},
                          {_("Done on"), 95},
                          {_("Evidence"), 220}},
                         "actions");
    top->Add(actions_, 1, wxEXPAND | wxALL, FromDIP(4));
    top->Add(button_row(page, action_buttons_, all_buttons_,
                        {{_("Add action..."), [this] { add_action(); }},
                         {_("Mark done..."), [this] { complete_action(); }},
                         {_("Change status..."), [this] { change_action_status(); }},
                         {_("Attach evidence file..."), [this] { attach_evidence(); }},
                         {_("Open evidence..."), [this] { open_evidence(); }}}),
             0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    page->SetSizer(top);
    actions_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    actions_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { complete_action(); });
    return page;
}

wxWindow* AgreementDetail::build_documents(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* top = new wxBoxSizer(wxVERTICAL);
    versions_ =
        make_list(page, {{_("Version"), 70}, {_("Saved on"), 170}, {_("By"), 110}, {_("Note"), 420}}, "versions");
    top->Add(versions_, 2, wxEXPAND | wxALL, FromDIP(4));
    top->Add(button_row(page, version_buttons_, all_buttons_, {{_("Compare..."), [this] { compare_versions(); }}}), 0,
             wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    version_text_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    version_text_->SetName("version-text");
    top->Add(version_text_, 3, wxEXPAND | wxALL, FromDIP(4));
    page->SetSizer(top);
    versions_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const long row = event.GetIndex();
        if (!id_ || row < 0 || static_cast<std::size_t>(row) >= version_records_.size()) return;
        try {
            store::Agreements agreements(*context_.register_db);
            const store::DocumentVersion v =
                agreements.version(*id_, version_records_[static_cast<std::size_t>(row)].version);
            version_text_->ChangeValue(to_wx(v.rendered_text));
        } catch (...) {
            report_current_exception(this, _("read the version"));
        }
    });
    return page;
}

wxWindow* AgreementDetail::build_history(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading(page, _("Changes of status")), 0, wxLEFT | wxTOP, FromDIP(6));
    transitions_ = make_list(
        page, {{_("Date"), 95}, {_("From"), 140}, {_("To"), 140}, {_("By"), 110}, {_("Reason"), 420}}, "transitions");
    top->Add(transitions_, 1, wxEXPAND | wxALL, FromDIP(4));
    top->Add(heading(page, _("Audit trail: every change, with its old and new value")), 0, wxLEFT | wxTOP, FromDIP(6));
    audit_ = make_list(page,
                       {{_("When"), 165},
                        {_("User"), 100},
                        {_("What"), 90},
                        {_("Field"), 140},
                        {_("Old value"), 200},
                        {_("New value"), 200}},
                       "audit");
    top->Add(audit_, 2, wxEXPAND | wxALL, FromDIP(4));
    page->SetSizer(top);
    return page;
}

// --- showing an agreement -----------------------------------------------------------------

void AgreementDetail::show(std::optional<store::Id> id) {
    id_ = id;
    record_ = store::AgreementRecord{};
    record_.languages.clear();
    action_records_.clear();
    version_records_.clear();
    if (id_ && context_.register_db) {
        try {
            store::Agreements agreements(*context_.register_db);
            record_ = agreements.get(*id_);
        } catch (...) {
            report_current_exception(this, _("read the agreement"));
            id_.reset();
            record_ = store::AgreementRecord{};
        }
    }
    if (id_)
        heading_->SetLabel(to_wx(record_.reference) + wxString::FromUTF8(" — ") + to_wx(record_.title));
    else if (!context_.register_db)
        heading_->SetLabel(_("The agreements register is not open."));
    else
        heading_->SetLabel(_("Select an agreement in the list to see it here."));
    fill_summary();
    fill_parties();
    fill_elements();
    fill_actions();
    fill_documents();
    fill_history();
    set_dirty(false);
    Layout();
}

void AgreementDetail::reload() {
    const long party = selected_row(parties_);
    const long action = selected_row(actions_);
    show(id_);
    select_row(parties_, party);
    fill_contacts();
    select_row(actions_, action);
    update_buttons();
}

void AgreementDetail::written() {
    reload();
    if (changed_) changed_();
}

wxTextCtrl* AgreementDetail::summary_field(const std::string& key) const {
    const auto it = fields_.find(key);
    return it == fields_.end() ? nullptr : it->second;
}

wxString AgreementDetail::status_text() const {
    return status_->GetLabel();
}
wxString AgreementDetail::standing_text() const {
    return standing_->GetLabel();
}
wxString AgreementDetail::summary_problems() const {
    return problems_->GetLabel();
}

void AgreementDetail::fill_summary() {
    filling_ = true;
    const tracking::AgreementDates& d = record_.dates;
    auto set = [&](const char* key, const wxString& value) { fields_[key]->ChangeValue(value); };
    set("reference", to_wx(record_.reference));
    set("title", to_wx(record_.title));
    set("signature", date_text(d.signature));
    set("entry-into-force", date_text(d.entry_into_force));
    set("last-notification", date_text(d.last_notification));
    set("days-after-notification",
        d.days_after_last_notification ? wxString::Format("%d", *d.days_after_last_notification) : wxString());
    set("duration", d.duration ? to_wx(d.duration->iso()) : wxString());
    set("expiry", date_text(d.expiry));
    set("tacit-renewal", d.tacit_renewal ? to_wx(d.tacit_renewal->iso()) : wxString());
    set("notice-period", d.notice_period ? to_wx(d.notice_period->iso()) : wxString());
    set("next-review", date_text(d.next_review));
    indefinite_->SetValue(d.indefinite);
    int instrument = 0;
    for (const char* code : store::register_instruments) {
        if (record_.instrument == code) break;
        ++instrument;
    }
    instrument_->SetSelection(id_ ? std::min(instrument, static_cast<int>(instrument_->GetCount()) - 1) : wxNOT_FOUND);
    int level = 0;
    if (auto l = level_from_code(record_.level)) level = static_cast<int>(*l);
    level_->SetSelection(id_ ? level : wxNOT_FOUND);
    wxString languages;
    for (const std::string& code : record_.languages) {
        if (!languages.empty()) languages << ", ";
        if (auto l = language_from_code(code))
            languages << language_label(*l);
        else
            languages << to_wx(code);
    }
    languages_->SetLabel(languages);
    problems_->SetLabel(wxString());
    problems_->Hide();
    filling_ = false;
    fill_standing();
}

void AgreementDetail::fill_standing() {
    if (!id_) {
        status_->SetLabel(wxString());
        standing_->SetLabel(wxString());
        computed_->SetLabel(wxString());
        return;
    }
    const tracking::Date today = tracking::Date::today();
    const tracking::Standing s = tracking::standing(record_.status, record_.dates, today, 0);
    status_->SetLabel(wxString::Format(_("Status: %s"), status_label(record_.status)));
    wxString standing;
    bool alarming = false;
    if (s.computed) {
        standing << wxString::Format(_("Now %s according to its dates (recorded: %s)."), status_label(s.status),
                                     status_label(record_.status))
                 << "\n";
        alarming = true;
    }
    if (s.due_for_review && s.next_review) {
        standing << wxString::Format(_("Due for review since %s."), to_wx(s.next_review->iso())) << "\n";
        alarming = true;
    }
    if (!s.missing.empty()) {
        wxString missing;
        for (DateField f : s.missing) {
            if (!missing.empty()) missing << ", ";
            missing << date_field_label(f);
        }
        standing << wxString::Format(_("Missing for this status: %s."), missing);
        alarming = true;
    }
    if (standing.empty()) standing = _("The dates recorded are complete for this status.");
    standing_->SetLabel(standing.Trim());
    standing_->SetForegroundColour(alarming ? warning_colour : GetForegroundColour());
    wxString computed;
    computed << _("Entry into force:") << " "
             << (s.entry_into_force ? to_wx(s.entry_into_force->iso()) : wxString::FromUTF8("—")) << "    "
             << _("Current expiry:") << " "
             << (s.expiry ? to_wx(s.expiry->iso())
                          : (record_.dates.indefinite ? wxString(_("none (indefinite)")) : wxString::FromUTF8("—")))
             << "    " << _("Last day for notice:") << " "
             << (s.notice_deadline ? to_wx(s.notice_deadline->iso()) : wxString::FromUTF8("—"));
    computed_->SetLabel(computed);
    change_status_->Enable(!tracking::allowed_next(record_.status).empty());
    summary_page_->Layout();
    summary_page_->FitInside();
}

void AgreementDetail::fill_parties() {
    parties_->DeleteAllItems();
    for (std::size_t i = 0; i < record_.parties.size(); ++i) {
        const store::PartyRecord& p = record_.parties[i];
        const long row = parties_->InsertItem(static_cast<long>(i), to_wx(p.name));
        parties_->SetItem(row, 1, to_wx(p.short_name));
        parties_->SetItem(row, 2, party_kind_label(p.kind));
        parties_->SetItem(row, 3, to_wx(p.country));
        parties_->SetItem(row, 4, party_role_label(p.role));
        wxString signatory = to_wx(p.signatory_name);
        if (!p.signatory_title.empty()) signatory << (signatory.empty() ? "" : ", ") << to_wx(p.signatory_title);
        parties_->SetItem(row, 5, signatory);
    }
    fill_contacts();
}

void AgreementDetail::fill_contacts() {
    contacts_->DeleteAllItems();
    if (const store::PartyRecord* party = selected_party()) {
        for (std::size_t i = 0; i < party->contacts.size(); ++i) {
            const store::Contact& c = party->contacts[i];
            const long row = contacts_->InsertItem(static_cast<long>(i), contact_role_label(c.role));
            contacts_->SetItem(row, 1, to_wx(c.name));
            contacts_->SetItem(row, 2, to_wx(c.function));
            contacts_->SetItem(row, 3, to_wx(c.email));
            contacts_->SetItem(row, 4, to_wx(c.phone));
        }
    }
    update_buttons();
}

void AgreementDetail::fill_elements() {
    elements_->DeleteAllItems();
    for (std::size_t i = 0; i < record_.elements.size(); ++i) {
        const store::ElementCoverage& e = record_.elements[i];
        const long row = elements_->InsertItem(static_cast<long>(i), element_title(context_.library, e.element));
        elements_->SetItem(row, 1, element_source_label(e.source));
        elements_->SetItem(
            row, 2, e.confidence ? wxString::Format("%d %%", static_cast<int>(*e.confidence * 100 + 0.5)) : wxString());
    }
}

wxString AgreementDetail::party_label(const std::optional<store::Id>& party) const {
    if (!party) return _("jointly");
    for (const store::PartyRecord& p : record_.parties)
        if (p.id == *party) return to_wx(p.short_name.empty() ? p.name : p.short_name);
    return wxString();
}

void AgreementDetail::fill_actions() {
    actions_->DeleteAllItems();
    action_records_.clear();
    if (!id_ || !context_.register_db) return;
    try {
        store::ActionFilter filter;
        filter.agreement = *id_;
        action_records_ = store::Actions(*context_.register_db).list(filter);
    } catch (...) {
        report_current_exception(this, _("read the actions"));
    }
    const tracking::Date today = tracking::Date::today();
    for (std::size_t i = 0; i < action_records_.size(); ++i) {
        const store::ActionRecord& a = action_records_[i];
        const long row = actions_->InsertItem(static_cast<long>(i), to_wx(a.title));
        wxString owner = party_label(a.owner_party);
        if (!a.owner_person.empty()) owner << (owner.empty() ? "" : ", ") << to_wx(a.owner_person);
        actions_->SetItem(row, 1, owner);
        actions_->SetItem(row, 2, date_text(a.due));
        actions_->SetItem(row, 3, action_status_label(a.status));
        actions_->SetItem(row, 4, date_text(a.completed_on));
        actions_->SetItem(row, 5, to_wx(a.evidence));
        actions_->SetItemData(row, static_cast<long>(i));
        if (tracking::is_open(a.status) && a.due && *a.due < today) actions_->SetItemTextColour(row, overdue_colour);
    }
}

void AgreementDetail::fill_documents() {
    versions_->DeleteAllItems();
    version_text_->ChangeValue(wxString());
    if (!id_ || !context_.register_db) return;
    try {
        version_records_ = store::Agreements(*context_.register_db).versions(*id_);
    } catch (...) {
        report_current_exception(this, _("read the document versions"));
    }
    for (std::size_t i = 0; i < version_records_.size(); ++i) {
        const store::DocumentVersion& v = version_records_[i];
        const long row = versions_->InsertItem(static_cast<long>(i), wxString::Format("%d", v.version));
        versions_->SetItem(row, 1, time_text(v.saved_at));
        versions_->SetItem(row, 2, to_wx(v.saved_by));
        versions_->SetItem(row, 3, to_wx(v.label));
    }
    if (!version_records_.empty()) select_row(versions_, static_cast<long>(version_records_.size()) - 1);
}

void AgreementDetail::fill_history() {
    transitions_->DeleteAllItems();
    audit_->DeleteAllItems();
    if (!id_ || !context_.register_db) return;
    try {
        const std::vector<store::Transition> transitions = store::Agreements(*context_.register_db).transitions(*id_);
        for (std::size_t i = 0; i < transitions.size(); ++i) {
            const store::Transition& t = transitions[i];
            const long row = transitions_->InsertItem(static_cast<long>(i), to_wx(t.on.iso()));
            transitions_->SetItem(row, 1, status_label(t.from));
            transitions_->SetItem(row, 2, status_label(t.to));
            transitions_->SetItem(row, 3, to_wx(t.by));
            transitions_->SetItem(row, 4, to_wx(t.reason));
        }
        const std::vector<store::AuditEntry> entries = store::AuditTrail(*context_.register_db).agreement_history(*id_);
        // Newest first: what changed last is what the user looks for.
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const store::AuditEntry& e = entries[entries.size() - 1 - i];
            const long row = audit_->InsertItem(static_cast<long>(i), time_text(e.at));
            audit_->SetItem(row, 1, to_wx(e.user));
            audit_->SetItem(row, 2, to_wx(e.entity));
            audit_->SetItem(row, 3, to_wx(e.field));
            audit_->SetItem(row, 4, e.old_value ? to_wx(*e.old_value) : wxString());
            audit_->SetItem(row, 5, e.new_value ? to_wx(*e.new_value) : wxString());
        }
    } catch (...) {
        report_current_exception(this, _("read the history"));
    }
}

void AgreementDetail::set_dirty(bool dirty) {
    dirty_ = dirty && id_.has_value();
    update_buttons();
}

void AgreementDetail::update_buttons() {
    const bool open = id_.has_value() && context_.register_db;
    for (wxButton* b : all_buttons_) b->Enable(open);
    for (auto& [key, field] : fields_) field->Enable(open);
    instrument_->Enable(open);
    level_->Enable(open);
    indefinite_->Enable(open);
    if (!open) return;
    change_status_->Enable(!tracking::allowed_next(record_.status).empty());
    save_->Enable(dirty_);
    revert_->Enable(dirty_);
    const bool party = selected_party() != nullptr;
    for (std::size_t i = 1; i < party_buttons_.size(); ++i) party_buttons_[i]->Enable(party);
    contact_buttons_[0]->Enable(party);
    contact_buttons_[1]->Enable(selected_row(contacts_) >= 0);
    element_buttons_[1]->Enable(selected_row(elements_) >= 0);
    const store::ActionRecord* action = selected_action();
    action_buttons_[1]->Enable(action && tracking::is_open(action->status));
    action_buttons_[2]->Enable(action != nullptr);
    action_buttons_[3]->Enable(action != nullptr);
    action_buttons_[4]->Enable(action != nullptr);
    version_buttons_[0]->Enable(version_records_.size() >= 2);
}

const store::PartyRecord* AgreementDetail::selected_party() const {
    const long row = selected_row(parties_);
    return row >= 0 && static_cast<std::size_t>(row) < record_.parties.size() ? &record_.parties[row] : nullptr;
}

const store::ActionRecord* AgreementDetail::selected_action() const {
    const long row = selected_row(actions_);
    return row >= 0 && static_cast<std::size_t>(row) < action_records_.size() ? &action_records_[row] : nullptr;
}

// --- summary -------------------------------------------------------------------------------

bool AgreementDetail::save_summary() {
    if (!id_ || !context_.register_db) return false;
    store::AgreementRecord r = record_;
    std::vector<std::string> problems;
    auto field = [&](const char* key) { return fields_[key]->GetValue(); };
    auto date = [&](const char* key, const wxString& name) {
        bool ok = true;
        auto value = parse_date_text(field(key), ok);
        if (!ok)
            problems.push_back(
                from_wx(wxString::Format(_("%s: \"%s\" is not a date (YYYY-MM-DD)."), name, field(key))));
        return value;
    };
    auto duration = [&](const char* key, const wxString& name) {
        bool ok = true;
        auto value = parse_duration_text(field(key), ok);
        if (!ok)
            problems.push_back(from_wx(wxString::Format(
                _("%s: \"%s\" is not a duration (P5Y for five years, P6M, P30D)."), name, field(key))));
        return value;
    };
    r.reference = clean(field("reference"));
    r.title = clean(field("title"));
    if (const int i = instrument_->GetSelection(); i >= 0) r.instrument = store::register_instruments[i];
    const int level = level_->GetSelection();
    r.level = level > 0 ? to_code(all_levels()[static_cast<std::size_t>(level - 1)]) : std::string();
    r.dates.signature = date("signature", _("Signature"));
    r.dates.entry_into_force = date("entry-into-force", _("Entry into force"));
    r.dates.last_notification = date("last-notification", _("Last notification"));
    r.dates.duration = duration("duration", _("Duration"));
    r.dates.expiry = date("expiry", _("Expiry"));
    r.dates.tacit_renewal = duration("tacit-renewal", _("Tacit renewal"));
    r.dates.notice_period = duration("notice-period", _("Notice period"));
    r.dates.next_review = date("next-review", _("Next review"));
    r.dates.indefinite = indefinite_->GetValue();
    const std::string days = clean(field("days-after-notification"));
    r.dates.days_after_last_notification.reset();
    if (!days.empty()) {
        if (days.find_first_not_of("0123456789") != std::string::npos || days.size() > 5)
            problems.push_back(
                from_wx(wxString::Format(_("In force days after it: \"%s\" is not a number of days."), to_wx(days))));
        else
            r.dates.days_after_last_notification = std::stoi(days);
    }
    try {
        if (problems.empty()) problems = store::Agreements(*context_.register_db).check(r);
        if (!problems.empty()) {
            problems_->SetLabel(lines(problems));
            problems_->Show();
            summary_page_->Layout();
            summary_page_->FitInside();
            return false;
        }
        store::Agreements(*context_.register_db).update(r);
    } catch (...) {
        const ErrorReport report = describe_current_exception(_("save the agreement"));
        problems_->SetLabel(report.summary + "\n" + report.details);
        problems_->Show();
        summary_page_->Layout();
        report_error(this, report);
        return false;  // what was typed stays in the fields
    }
    if (context_.show_status) context_.show_status(wxString::Format(_("Saved %s."), to_wx(r.reference)));
    written();
    return true;
}

void AgreementDetail::revert_summary() {
    fill_summary();
    set_dirty(false);
}

void AgreementDetail::change_status() {
    if (!id_ || !context_.register_db) return;
    const std::vector<tracking::Status>& next = tracking::allowed_next(record_.status);
    if (next.empty()) return;
    FormDialog form(
        this, _("Change status"),
        wxString::Format(_("%s is %s. It can become:"), to_wx(record_.reference), status_label(record_.status)));
    wxArrayString choices;
    for (tracking::Status s : next) choices.Add(status_label(s));
    form.add_choice("status", _("New &status:"), choices, 0);
    form.add_text("date", _("&Date:"), to_wx(tracking::Date::today().iso()), _("YYYY-MM-DD"));
    form.add_text("reason", _("&Reason:"), wxString(), _("e.g. signed at the joint committee"), true);
    int created = 0;
    form.on_ok(
        [&]() -> wxString {
            const int i = form.choice("status");
            if (i < 0) return _("Choose the new status.");
            bool ok = true;
            const auto on = parse_date_text(form.text("date"), ok);
            if (!ok || !on) return _("Enter the date of the change as YYYY-MM-DD.");
            created = store::Agreements(*context_.register_db)
                          .set_status(*id_, next[static_cast<std::size_t>(i)], *on, clean(form.text("reason")),
                                      &context_.library);
            return wxString();
        },
        _("change the status"));
    if (form.run() != wxID_OK) return;
    if (context_.show_status) {
        wxString text =
            wxString::Format(_("%s is now %s."), to_wx(record_.reference),
                             status_label(next[static_cast<std::size_t>(std::max(0, form.choice("status")))]));
        if (created > 0)
            text << " "
                 << wxString::Format(wxPLURAL("%d action created from its commitments.",
                                              "%d actions created from its commitments.", created),
                                     created);
        context_.show_status(text);
    }
    written();
}

// --- parties and contacts -----------------------------------------------------------------

namespace {

void party_fields(FormDialog& form, const store::PartyRecord& p) {
    form.add_text("name", _("&Name:"), to_wx(p.name));
    form.add_text("short", _("S&hort name:"), to_wx(p.short_name), _("e.g. Customs"));
    form.add_choice("kind", _("&Kind:"), party_kind_choices(), party_kind_index(p.kind));
    form.add_text("country", _("&Country:"), to_wx(p.country), _("ISO code or name"));
    wxArrayString roles;
    roles.Add(party_role_label("party"));
    roles.Add(party_role_label("observer"));
    form.add_choice("role", _("&Role:"), roles, p.role == "observer" ? 1 : 0);
    form.add_text("signatory", _("Signatory &name:"), to_wx(p.signatory_name));
    form.add_text("signatory-title", _("Signatory &title:"), to_wx(p.signatory_title));
}

void read_party(const FormDialog& form, store::PartyRecord& p) {
    p.name = clean(form.text("name"));
    p.short_name = clean(form.text("short"));
    const int kind = form.choice("kind");
    p.kind = kind >= 0 ? drafting::party_kinds[kind] : "other";
    p.country = clean(form.text("country"));
    p.role = form.choice("role") == 1 ? "observer" : "party";
    p.signatory_name = clean(form.text("signatory"));
    p.signatory_title = clean(form.text("signatory-title"));
}

}  // namespace

void AgreementDetail::add_party() {
    if (!id_ || !context_.register_db) return;
    FormDialog form(this, _("Add party"));
    party_fields(form, store::PartyRecord{});
    form.on_ok(
        [&]() -> wxString {
            store::PartyRecord p;
            read_party(form, p);
            if (p.name.empty()) return _("Enter the party's name.");
            store::Agreements(*context_.register_db).add_party(*id_, p);
            return wxString();
        },
        _("add the party"));
    if (form.run() != wxID_OK) return;
    written();
    select_row(parties_, parties_->GetItemCount() - 1);
}

void AgreementDetail::edit_party() {
    const store::PartyRecord* selected = selected_party();
    if (!id_ || !selected || !context_.register_db) return;
    store::PartyRecord p = *selected;
    FormDialog form(this, _("Edit party"));
    party_fields(form, p);
    form.on_ok(
        [&]() -> wxString {
            read_party(form, p);
            if (p.name.empty()) return _("Enter the party's name.");
            store::Agreements(*context_.register_db).update_party(*id_, p);
            return wxString();
        },
        _("change the party"));
    if (form.run() == wxID_OK) written();
}

void AgreementDetail::remove_party() {
    const store::PartyRecord* p = selected_party();
    if (!id_ || !p || !context_.register_db) return;
    wxMessageDialog ask(this, wxString::Format(_("Remove %s from %s?"), to_wx(p->name), to_wx(record_.reference)),
                        _("moudesk"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Remove"), _("Cancel"));
    if (ask.ShowModal() != wxID_YES) return;
    try {
        store::Agreements(*context_.register_db).remove_party(*id_, p->id);
    } catch (...) {
        report_current_exception(this, _("remove the party"));
        return;
    }
    written();
}

void AgreementDetail::move_party(int step) {
    const store::PartyRecord* p = selected_party();
    if (!id_ || !p || !context_.register_db) return;
    const long row = selected_row(parties_);
    try {
        store::Agreements(*context_.register_db).move_party(*id_, p->id, step);
    } catch (...) {
        report_current_exception(this, _("move the party"));
        return;
    }
    written();
    select_row(parties_, std::clamp(row + step, 0L, static_cast<long>(parties_->GetItemCount()) - 1));
    fill_contacts();
}

void AgreementDetail::add_contact() {
    const store::PartyRecord* p = selected_party();
    if (!id_ || !p || !context_.register_db) return;
    const store::Id party = p->id;
    const long row = selected_row(parties_);
    FormDialog form(this,
                    wxString::Format(_("Add a contact to %s"), to_wx(p->short_name.empty() ? p->name : p->short_name)));
    wxArrayString roles;
    roles.Add(contact_role_label("focal-point"));
    roles.Add(contact_role_label("contact"));
    form.add_choice("role", _("&Role:"), roles, 0);
    form.add_text("name", _("&Name:"));
    form.add_text("function", _("&Function:"));
    form.add_text("email", _("&Email:"));
    form.add_text("phone", _("&Phone:"));
    form.on_ok(
        [&]() -> wxString {
            store::Contact c;
            c.role = form.choice("role") == 1 ? "contact" : "focal-point";
            c.name = clean(form.text("name"));
            c.function = clean(form.text("function"));
            c.email = clean(form.text("email"));
            c.phone = clean(form.text("phone"));
            if (c.name.empty()) return _("Enter the contact's name.");
            store::Agreements(*context_.register_db).add_contact(*id_, party, c);
            return wxString();
        },
        _("add the contact"));
    if (form.run() != wxID_OK) return;
    written();
    select_row(parties_, row);
    fill_contacts();
}

void AgreementDetail::remove_contact() {
    const store::PartyRecord* p = selected_party();
    const long row = selected_row(contacts_);
    if (!id_ || !p || row < 0 || static_cast<std::size_t>(row) >= p->contacts.size()) return;
    const long party_row = selected_row(parties_);
    try {
        store::Agreements(*context_.register_db).remove_contact(*id_, p->contacts[row].id);
    } catch (...) {
        report_current_exception(this, _("remove the contact"));
        return;
    }
    written();
    select_row(parties_, party_row);
    fill_contacts();
}

// --- key elements --------------------------------------------------------------------------

void AgreementDetail::add_element() {
    if (!id_ || !context_.register_db) return;
    std::vector<std::string> slugs;
    wxArrayString titles;
    for (const content::KeyElement& e : context_.library.elements) {
        const bool covered = std::any_of(record_.elements.begin(), record_.elements.end(),
                                         [&](const store::ElementCoverage& c) { return c.element == e.slug; });
        if (covered) continue;
        slugs.push_back(e.slug);
        titles.Add(element_title(context_.library, e.slug));
    }
    if (slugs.empty()) {
        if (context_.show_status)
            context_.show_status(_("The agreement already covers every key element of the library."));
        return;
    }
    FormDialog form(this, _("Add key element"), _("A key element the agreement covers, recorded by hand."));
    form.add_choice("element", _("&Key element:"), titles, 0);
    form.on_ok(
        [&]() -> wxString {
            const int i = form.choice("element");
            if (i < 0) return _("Choose a key element.");
            store::ElementCoverage coverage;
            coverage.element = slugs[static_cast<std::size_t>(i)];
            coverage.source = "manual";
            store::Agreements(*context_.register_db).set_element(*id_, coverage);
            return wxString();
        },
        _("add the key element"));
    if (form.run() == wxID_OK) written();
}

void AgreementDetail::remove_element() {
    const long row = selected_row(elements_);
    if (!id_ || row < 0 || static_cast<std::size_t>(row) >= record_.elements.size()) return;
    const store::ElementCoverage& e = record_.elements[row];
    if (e.source != "manual") {
        wxMessageDialog ask(
            this,
            wxString::Format(_("%s was recorded %s. Remove it anyway?"), element_title(context_.library, e.element),
                             element_source_label(e.source)),
            _("moudesk"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Remove"), _("Cancel"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    try {
        store::Agreements(*context_.register_db).remove_element(*id_, e.element);
    } catch (...) {
        report_current_exception(this, _("remove the key element"));
        return;
    }
    written();
}

// --- actions -------------------------------------------------------------------------------

void AgreementDetail::add_action() {
    if (!id_ || !context_.register_db) return;
    FormDialog form(this, _("Add action"), _("Something a party has to do to implement the agreement."));
    form.add_text("title", _("&Action:"));
    wxArrayString owners;
    owners.Add(_("the parties jointly"));
    for (const store::PartyRecord& p : record_.parties) owners.Add(to_wx(p.short_name.empty() ? p.name : p.short_name));
    form.add_choice("owner", _("&Owner:"), owners, 0);
    form.add_text("person", _("&Person:"), wxString(), _("who follows it up (optional)"));
    form.add_text("due", _("&Due:"), wxString(), _("YYYY-MM-DD (optional)"));
    form.add_text("recurrence", _("&Repeats every:"), wxString(), _("e.g. P6M (optional)"));
    form.add_text("notes", _("N&otes:"), wxString(), wxString(), true);
    store::Id added = 0;
    form.on_ok(
        [&]() -> wxString {
            store::ActionRecord a;
            a.agreement = *id_;
            a.title = clean(form.text("title"));
            if (a.title.empty()) return _("Enter what has to be done.");
            const int owner = form.choice("owner");
            if (owner > 0 && static_cast<std::size_t>(owner) <= record_.parties.size())
                a.owner_party = record_.parties[static_cast<std::size_t>(owner - 1)].id;
            a.owner_person = clean(form.text("person"));
            bool ok = true;
            a.due = parse_date_text(form.text("due"), ok);
            if (!ok) return _("Enter the due date as YYYY-MM-DD, or leave it empty.");
            a.recurrence = parse_duration_text(form.text("recurrence"), ok);
            if (!ok) return _("Enter the recurrence as P6M (six months), P1Y …, or leave it empty.");
            if (a.recurrence && !a.due) return _("A recurring action needs its first due date.");
            if (a.recurrence) a.series_start = a.due;
            a.notes = from_wx(form.text("notes"));
            added = store::Actions(*context_.register_db).add(a);
            return wxString();
        },
        _("add the action"));
    if (form.run() != wxID_OK) return;
    written();
    select_action(added);
}

void AgreementDetail::complete_action() {
    const store::ActionRecord* a = selected_action();
    if (!id_ || !a || !context_.register_db || !tracking::is_open(a->status)) return;
    const store::Id action = a->id;
    FormDialog form(this, _("Mark the action done"), to_wx(a->title));
    form.add_text("date", _("Done &on:"), to_wx(tracking::Date::today().iso()), _("YYYY-MM-DD"));
    form.add_text("evidence", _("&Evidence:"), wxString(), _("what shows it was done: a letter, minutes, a report"),
                  true);
    std::optional<store::Id> next;
    form.on_ok(
        [&]() -> wxString {
            bool ok = true;
            const auto on = parse_date_text(form.text("date"), ok);
            if (!ok || !on) return _("Enter the date it was done as YYYY-MM-DD.");
            next = store::Actions(*context_.register_db).complete(action, *on, clean(form.text("evidence")));
            return wxString();
        },
        _("mark the action done"));
    if (form.run() != wxID_OK) return;
    if (context_.show_status)
        context_.show_status(next ? wxString(_("Action done; the next occurrence is scheduled."))
                                  : wxString(_("Action done.")));
    written();
    select_action(action);
}

void AgreementDetail::attach_evidence() {
    if (!id_ || !selected_action() || !context_.register_db) return;
    wxFileDialog dialog(this, _("Attach a file as evidence"), wxString(), wxString(), wxFileSelectorDefaultWildcardStr,
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    const wxString description =
        wxGetTextFromUser(_("What does this file show? (the minutes of a meeting, a signed report…)"),
                          _("Attach a file as evidence"), wxFileName(dialog.GetPath()).GetFullName(), this);
    attach_evidence_file(path_from_wx(dialog.GetPath()), description);
}

bool AgreementDetail::attach_evidence_file(const std::filesystem::path& file, const wxString& description) {
    const store::ActionRecord* a = selected_action();
    if (!id_ || !a || !context_.register_db) return false;
    const store::Id action = a->id;
    try {
        // The register keeps where the file is, not the file: store it where the unit keeps its records.
        store::Actions(*context_.register_db)
            .add_evidence_file(action, file.string(), from_wx(description.Strip(wxString::both)));
    } catch (...) {
        report_current_exception(this, _("attach the evidence file"));
        return false;
    }
    if (context_.show_status) context_.show_status(wxString::Format(_("Attached %s to the action."), to_wx(file)));
    written();
    select_action(action);
    return true;
}

void AgreementDetail::open_evidence() {
    const store::ActionRecord* a = selected_action();
    if (!id_ || !a || !context_.register_db) return;
    std::vector<store::EvidenceFile> files;
    try {
        files = store::Actions(*context_.register_db).get(a->id).files;
    } catch (...) {
        report_current_exception(this, _("read the evidence files"));
        return;
    }
    if (files.empty()) {
        wxMessageBox(_("No file is attached to this action. Use “Attach evidence file…” to add one."),
                     _("Open evidence"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    int chosen = 0;
    if (files.size() > 1) {
        wxArrayString choices;
        for (const auto& f : files)
            choices.Add(f.description.empty() ? to_wx(f.path) : to_wx(f.description) + " — " + to_wx(f.path));
        chosen = wxGetSingleChoiceIndex(_("Which file?"), _("Open evidence"), choices, 0, this);
        if (chosen < 0) return;
    }
    const std::filesystem::path path(files[static_cast<std::size_t>(chosen)].path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        report_error(this, {_("open the evidence file"), wxString::Format(_("Could not open %s."), to_wx(path)),
                            _("The file is no longer where it was attached from: it was moved or deleted. Attach it "
                              "again from where it is now."),
                            to_wx(path), ErrorCategory::environment});
        return;
    }
    if (!wxLaunchDefaultApplication(to_wx(path)))
        report_error(
            this, {_("open the evidence file"), wxString::Format(_("Could not open %s."), to_wx(path)),
                   _("No program on this computer opens this kind of file."), to_wx(path), ErrorCategory::environment});
}

void AgreementDetail::change_action_status() {
    const store::ActionRecord* selected = selected_action();
    if (!id_ || !selected || !context_.register_db) return;
    store::ActionRecord a = *selected;
    FormDialog form(this, _("Change the action's status"), to_wx(a.title));
    static const tracking::ActionStatus statuses[] = {
        tracking::ActionStatus::not_started, tracking::ActionStatus::in_progress, tracking::ActionStatus::done,
        tracking::ActionStatus::blocked, tracking::ActionStatus::not_applicable};
    wxArrayString labels;
    int current = 0;
    for (std::size_t i = 0; i < std::size(statuses); ++i) {
        labels.Add(action_status_label(statuses[i]));
        if (statuses[i] == a.status) current = static_cast<int>(i);
    }
    form.add_choice("status", _("&Status:"), labels, current);
    form.add_text("notes", _("N&otes:"), to_wx(a.notes), wxString(), true);
    form.on_ok(
        [&]() -> wxString {
            const int i = form.choice("status");
            if (i < 0) return _("Choose a status.");
            a.status = statuses[i];
            if (a.status == tracking::ActionStatus::done && !a.completed_on) a.completed_on = tracking::Date::today();
            a.notes = from_wx(form.text("notes"));
            store::Actions(*context_.register_db).update(a);
            return wxString();
        },
        _("change the action"));
    if (form.run() != wxID_OK) return;
    written();
    select_action(a.id);
}

bool AgreementDetail::select_action(store::Id action) {
    for (std::size_t i = 0; i < action_records_.size(); ++i) {
        if (action_records_[i].id != action) continue;
        notebook_->SetSelection(actions_tab);
        for (long row = 0; row < actions_->GetItemCount(); ++row) actions_->SetItemState(row, 0, wxLIST_STATE_SELECTED);
        select_row(actions_, static_cast<long>(i));
        update_buttons();
        return true;
    }
    return false;
}

// --- versions ------------------------------------------------------------------------------

void AgreementDetail::compare_versions() {
    if (!id_ || version_records_.size() < 2 || !context_.register_db) return;
    wxArrayString choices;
    for (const store::DocumentVersion& v : version_records_) {
        wxString label = wxString::Format(_("Version %d"), v.version);
        if (!v.label.empty()) label << wxString::FromUTF8(" — ") << to_wx(v.label);
        choices.Add(label);
    }
    const int last = static_cast<int>(choices.size()) - 1;
    FormDialog form(this, _("Compare two versions"));
    form.add_choice("before", _("&Earlier version:"), choices, last - 1);
    form.add_choice("after", _("&Later version:"), choices, last);
    std::string report;
    form.on_ok(
        [&]() -> wxString {
            const int before = form.choice("before");
            const int after = form.choice("after");
            if (before < 0 || after < 0 || before == after) return _("Choose two different versions.");
            store::Agreements agreements(*context_.register_db);
            auto document = [&](int index) {
                const store::DocumentVersion v =
                    agreements.version(*id_, version_records_[static_cast<std::size_t>(index)].version);
                const drafting::Draft draft =
                    drafting::parse_draft(v.draft, record_.reference + " version " + std::to_string(v.version));
                return drafting::assemble(context_.library, draft).document;
            };
            const drafting::Comparison comparison = drafting::compare(document(before), document(after));
            const Language language = comparison.languages.empty() ? Language::en
                                      : std::find(comparison.languages.begin(), comparison.languages.end(),
                                                  content_language()) != comparison.languages.end()
                                          ? content_language()
                                          : comparison.languages.front();
            report = comparison.languages.empty() ? std::string() : drafting::summarize(comparison, language);
            return wxString();
        },
        _("compare the versions"));
    if (form.run() != wxID_OK) return;
    notebook_->SetSelection(documents_tab);
    version_text_->ChangeValue(to_wx(report));
}

}  // namespace moudesk::gui
