#include "agreement_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "agreement_labels.h"
#include "drafting_labels.h"
#include "error_reporting.h"
#include "moudesk/core/text.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/writer.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/register_draft.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

FormAnswer& form_answer() {
    static FormAnswer instance;
    return instance;
}

std::string clean(const wxString& text) {
    return collapse_spaces(from_wx(text));
}

}  // namespace

FormAnswer set_form_answer(FormAnswer answer) {
    FormAnswer old = std::move(form_answer());
    form_answer() = std::move(answer);
    return old;
}

FormDialog::FormDialog(wxWindow* parent, const wxString& title, const wxString& intro)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    if (!intro.empty()) {
        auto* text = new wxStaticText(this, wxID_ANY, intro);
        text->Wrap(FromDIP(460));
        top->Add(text, 0, wxALL, FromDIP(10));
    }
    grid_ = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid_->AddGrowableCol(1, 1);
    top->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    problem_label_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_label_->SetForegroundColour(wxColour(0xA0, 0x00, 0x00));
    problem_label_->Hide();
    top->Add(problem_label_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    if (wxSizer* buttons = CreateSeparatedButtonSizer(wxOK | wxCANCEL))
        top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(top);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent& event) {
            if (try_apply()) event.Skip();  // closes with wxID_OK
        },
        wxID_OK);
}

wxTextCtrl* FormDialog::add_text(const std::string& key, const wxString& label, const wxString& value,
                                 const wxString& hint, bool multiline) {
    grid_->Add(new wxStaticText(this, wxID_ANY, label), 0, (multiline ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL),
               FromDIP(3));
    auto* text =
        new wxTextCtrl(this, wxID_ANY, value, wxDefaultPosition,
                       multiline ? FromDIP(wxSize(360, 80)) : FromDIP(wxSize(360, -1)), multiline ? wxTE_MULTILINE : 0);
    if (!hint.empty()) text->SetHint(hint);
    text->SetName(key);
    grid_->Add(text, 1, wxEXPAND);
    if (multiline) grid_->AddGrowableRow(grid_->GetEffectiveRowsCount() - 1, 1);
    fields_[key] = text;
    return text;
}

wxChoice* FormDialog::add_choice(const std::string& key, const wxString& label, const wxArrayString& choices,
                                 int selection) {
    grid_->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices);
    if (selection >= 0 && selection < static_cast<int>(choices.size())) choice->SetSelection(selection);
    choice->SetName(key);
    grid_->Add(choice, 1, wxEXPAND);
    fields_[key] = choice;
    return choice;
}

wxCheckBox* FormDialog::add_check(const std::string& key, const wxString& label, bool value) {
    grid_->AddSpacer(0);
    auto* check = new wxCheckBox(this, wxID_ANY, label);
    check->SetValue(value);
    check->SetName(key);
    grid_->Add(check, 1, wxEXPAND);
    fields_[key] = check;
    return check;
}

void FormDialog::on_ok(std::function<wxString()> apply, const wxString& attempted) {
    apply_ = std::move(apply);
    attempted_ = attempted;
}

bool FormDialog::try_apply() {
    if (!apply_) return true;
    wxString problem;
    try {
        problem = apply_();
    } catch (...) {
        problem = describe_current_exception(attempted_).full_text();
    }
    if (problem.empty()) return true;
    show_problem(problem);
    return false;
}

void FormDialog::show_problem(const wxString& text) {
    problem_ = text;
    problem_label_->SetLabel(text);
    problem_label_->Wrap(std::max(GetClientSize().x - FromDIP(20), FromDIP(360)));
    problem_label_->Show(!text.empty());
    Layout();
    GetSizer()->SetSizeHints(this);
}

int FormDialog::run() {
    if (!laid_out_) {
        laid_out_ = true;
        GetSizer()->SetSizeHints(this);
        CentreOnParent();
    }
    if (form_answer()) {
        const int answer = form_answer()(*this);
        if (answer != wxID_OK) return answer;
        if (try_apply()) return wxID_OK;
        ErrorReport report;
        report.attempted = attempted_;
        report.summary = problem_;
        report_error(GetParent(), report);
        return wxID_CANCEL;
    }
    return ShowModal();
}

wxString FormDialog::text(const std::string& key) const {
    const auto it = fields_.find(key);
    if (it == fields_.end()) return wxString();
    if (auto* text = dynamic_cast<wxTextCtrl*>(it->second)) return text->GetValue();
    if (auto* choice = dynamic_cast<wxChoice*>(it->second)) return choice->GetStringSelection();
    return wxString();
}

int FormDialog::choice(const std::string& key) const {
    const auto it = fields_.find(key);
    auto* choice = it == fields_.end() ? nullptr : dynamic_cast<wxChoice*>(it->second);
    return choice ? choice->GetSelection() : wxNOT_FOUND;
}

bool FormDialog::checked(const std::string& key) const {
    const auto it = fields_.find(key);
    auto* check = it == fields_.end() ? nullptr : dynamic_cast<wxCheckBox*>(it->second);
    return check && check->GetValue();
}

void FormDialog::set_text(const std::string& key, const wxString& value) {
    const auto it = fields_.find(key);
    if (it == fields_.end()) return;
    if (auto* text = dynamic_cast<wxTextCtrl*>(it->second)) text->ChangeValue(value);
}

void FormDialog::set_choice(const std::string& key, int selection) {
    const auto it = fields_.find(key);
    if (it == fields_.end()) return;
    if (auto* choice = dynamic_cast<wxChoice*>(it->second)) choice->SetSelection(selection);
}

void FormDialog::set_checked(const std::string& key, bool value) {
    const auto it = fields_.find(key);
    if (it == fields_.end()) return;
    if (auto* check = dynamic_cast<wxCheckBox*>(it->second)) check->SetValue(value);
}

// --- entering agreements -------------------------------------------------------------------

std::optional<store::Id> ask_new_agreement(wxWindow* parent, AppContext& context) {
    if (!context.register_db) return std::nullopt;
    FormDialog form(parent, _("New agreement"),
                    _("Record an agreement in the register. Dates, contacts, key elements and actions are added "
                      "afterwards on its tabs."));
    form.add_text("reference", _("&Reference:"), wxString(), _("e.g. MOU/2027/004"));
    form.add_text("title", _("&Title:"));
    wxArrayString instruments;
    for (const char* code : store::register_instruments) instruments.Add(register_instrument_label(code));
    form.add_choice("instrument", _("&Instrument:"), instruments, 0);
    wxArrayString levels;
    levels.Add(_("(not stated)"));
    for (PartnershipLevel level : all_levels()) levels.Add(level_label(level));
    form.add_choice("level", _("Partnership &level:"), levels, 0);
    wxArrayString languages;
    languages.Add(_("English"));
    languages.Add(_("French"));
    languages.Add(_("English and French"));
    form.add_choice("languages", _("Lan&guages:"), languages, 0);
    form.add_text("party1", _("First &party:"), wxString(), _("e.g. Customs Administration of …"));
    form.add_text("party2", _("Second p&arty:"), wxString(), _("e.g. National Police of …"));

    std::optional<store::Id> id;
    form.on_ok(
        [&]() -> wxString {
            store::AgreementRecord record;
            record.reference = clean(form.text("reference"));
            record.title = clean(form.text("title"));
            const int instrument = form.choice("instrument");
            if (instrument >= 0) record.instrument = store::register_instruments[instrument];
            const int level = form.choice("level");
            if (level > 0) record.level = to_code(all_levels()[static_cast<std::size_t>(level - 1)]);
            switch (form.choice("languages")) {
                case 1: record.languages = {"fr"}; break;
                case 2: record.languages = {"en", "fr"}; break;
                default: record.languages = {"en"}; break;
            }
            for (const char* key : {"party1", "party2"}) {
                const std::string name = clean(form.text(key));
                if (name.empty()) continue;
                store::PartyRecord party;
                party.name = name;
                record.parties.push_back(party);
            }
            store::Agreements agreements(*context.register_db);
            const std::vector<std::string> problems = agreements.check(record);
            if (!problems.empty()) {
                wxString text;
                for (const std::string& p : problems) text << "• " << to_wx(p) << "\n";
                return text.Trim();
            }
            id = agreements.add(record);
            return wxString();
        },
        _("add the agreement"));
    if (form.run() != wxID_OK) return std::nullopt;
    return id;
}

std::optional<store::Id> ask_register_draft(wxWindow* parent, AppContext& context, const drafting::Draft& draft,
                                            const drafting::Document& document) {
    if (!context.register_db) {
        ErrorReport report;
        report.summary = _("The agreements register is not open.");
        report.advice = context.register_problem;
        report_error(parent, report);
        return std::nullopt;
    }
    store::AgreementRecord proposed = store::agreement_from_draft(context.library, draft, std::string());
    // The parties a new draft starts with and nobody filled in are not parties yet.
    std::erase_if(proposed.parties, [](const store::PartyRecord& p) { return p.name.empty() && p.short_name.empty(); });
    FormDialog form(parent, _("Register this draft"),
                    _("The draft becomes an agreement of the register, with this text as its first version. Its "
                      "parties, instrument, level and languages are taken from the draft."));
    form.add_text("reference", _("&Reference:"), wxString(), _("e.g. MOU/2027/004"));
    form.add_text("title", _("&Title:"), to_wx(proposed.title));
    form.add_text("label", _("&Version note:"), _("Registered from the drafting workspace"));

    std::optional<store::Id> id;
    form.on_ok(
        [&]() -> wxString {
            store::AgreementRecord record = proposed;
            record.reference = clean(form.text("reference"));
            record.title = clean(form.text("title"));
            store::Agreements agreements(*context.register_db);
            const std::vector<std::string> problems = agreements.check(record);
            if (!problems.empty()) {
                wxString text;
                for (const std::string& p : problems) text << "• " << to_wx(p) << "\n";
                return text.Trim();
            }
            store::WriteTransaction transaction(*context.register_db);
            const store::Id added = agreements.add(record);
            agreements.add_version(added, drafting::serialize_draft(draft), render::render_text(document),
                                   clean(form.text("label")));
            transaction.commit();
            id = added;
            return wxString();
        },
        _("register the draft"));
    if (form.run() != wxID_OK) return std::nullopt;
    return id;
}

}  // namespace moudesk::gui
