#include "party_dialog.h"

#include <iterator>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "drafting_labels.h"
#include "moudesk/drafting/assembler.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

wxTextCtrl* add_row(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const std::string& value,
                    const wxString& hint = {}) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* text = new wxTextCtrl(parent, wxID_ANY, to_wx(value));
    if (!hint.empty()) text->SetHint(hint);
    grid->Add(text, 1, wxEXPAND);
    return text;
}

std::string trimmed(const wxTextCtrl* text) {
    wxString s = text->GetValue();
    s.Trim(true).Trim(false);
    return from_wx(s);
}

}  // namespace

PartyDialog::PartyDialog(wxWindow* parent, const wxString& title, const drafting::Party& party)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* agency_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Agency"));
    wxWindow* agency = agency_box->GetStaticBox();
    auto* agency_grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    agency_grid->AddGrowableCol(1, 1);
    name_en_ = add_row(agency, agency_grid, _("Name in &English:"), party.name.en,
                       _("e.g. General Directorate of Customs of …"));
    name_fr_ = add_row(agency, agency_grid, _("Name in &French:"), party.name.fr,
                       _("e.g. Direction générale des douanes de …"));
    short_name_ = add_row(agency, agency_grid, _("&Short name:"), party.short_name, _("e.g. Customs"));

    agency_grid->Add(new wxStaticText(agency, wxID_ANY, _("&Kind:")), 0, wxALIGN_CENTER_VERTICAL);
    kind_ = new wxChoice(agency, wxID_ANY);
    int selection = wxNOT_FOUND;
    for (const char* kind : drafting::party_kinds) {
        int at = kind_->Append(party_kind_label(kind));
        if (party.kind == kind) selection = at;
    }
    if (selection == wxNOT_FOUND && !party.kind.empty()) {
        // A kind this version does not know (from a newer file): keep it selectable as it is.
        unknown_kind_ = party.kind;
        selection = kind_->Append(to_wx(party.kind));
    }
    kind_->SetSelection(selection);
    agency_grid->Add(kind_, 1, wxEXPAND);
    country_ = add_row(agency, agency_grid, _("&Country:"), party.country, _("name or ISO 3166 code"));
    agency_box->Add(agency_grid, 1, wxEXPAND | wxALL, FromDIP(8));
    top->Add(agency_box, 0, wxEXPAND | wxALL, FromDIP(10));

    auto* signatory_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Signatory"));
    wxWindow* sign = signatory_box->GetStaticBox();
    auto* sign_grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    sign_grid->AddGrowableCol(1, 1);
    signatory_ = add_row(sign, sign_grid, _("Na&me:"), party.signatory.name);
    title_en_ = add_row(sign, sign_grid, _("&Title in English:"), party.signatory.title.en,
                        _("e.g. Director-General of Customs"));
    title_fr_ = add_row(sign, sign_grid, _("T&itle in French:"), party.signatory.title.fr,
                        _("e.g. Directeur général des douanes"));
    place_ = add_row(sign, sign_grid, _("&Place of signature:"), party.signatory.place,
                     _("empty: the agreement's place of signature"));
    date_ = add_row(sign, sign_grid, _("&Date of signature:"), party.signatory.date,
                    _("YYYY-MM-DD; empty: the agreement's date"));
    sign_grid->AddSpacer(0);
    date_note_ = new wxStaticText(sign, wxID_ANY, wxString());
    date_note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sign_grid->Add(date_note_, 1, wxEXPAND);
    signatory_box->Add(sign_grid, 1, wxEXPAND | wxALL, FromDIP(8));
    top->Add(signatory_box, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(*wxRED);
    top->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top);
    SetMinSize(wxSize(FromDIP(520), GetSize().y));
    SetSize(wxSize(FromDIP(560), GetSize().y));

    date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_date_note(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { on_ok(); }, wxID_OK);
    update_date_note();
    name_en_->SetFocus();
}

drafting::Party PartyDialog::party() const {
    drafting::Party p;
    p.name.en = trimmed(name_en_);
    p.name.fr = trimmed(name_fr_);
    p.short_name = trimmed(short_name_);
    int k = kind_->GetSelection();
    if (k >= 0 && k < static_cast<int>(std::size(drafting::party_kinds)))
        p.kind = drafting::party_kinds[k];
    else if (k >= 0)
        p.kind = unknown_kind_;
    p.country = trimmed(country_);
    p.signatory.name = trimmed(signatory_);
    p.signatory.title.en = trimmed(title_en_);
    p.signatory.title.fr = trimmed(title_fr_);
    p.signatory.place = trimmed(place_);
    p.signatory.date = trimmed(date_);
    return p;
}

wxString PartyDialog::problem() const {
    drafting::Party p = party();
    if (p.name.en.empty() && p.name.fr.empty()) return _("Enter the party's name in English, in French or both.");
    if (p.kind.empty()) return _("Choose what kind of agency the party is.");
    if (!p.signatory.date.empty() && !drafting::format_date(p.signatory.date, Language::en))
        return _("The date of signature must be a real date written YYYY-MM-DD (for example 2027-03-01), or empty.");
    return {};
}

void PartyDialog::on_ok() {
    wxString why = problem();
    if (why.empty()) {
        EndModal(wxID_OK);
        return;
    }
    problem_->SetLabel(why);
    problem_->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
    Fit();
    drafting::Party p = party();
    if (p.name.en.empty() && p.name.fr.empty())
        name_en_->SetFocus();
    else if (p.kind.empty())
        kind_->SetFocus();
    else
        date_->SetFocus();
}

void PartyDialog::update_date_note() {
    std::string date = trimmed(date_);
    if (date.empty()) {
        date_note_->SetLabel(_("The party signs on the agreement's date of signature."));
    } else if (auto formatted = drafting::format_date(date, content_language())) {
        date_note_->SetLabel(to_wx(*formatted));
    } else {
        date_note_->SetLabel(_("Not a date yet: write YYYY-MM-DD."));
    }
}

}  // namespace moudesk::gui
