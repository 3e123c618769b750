#include "new_draft_dialog.h"

#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/radiobox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "drafting_labels.h"

namespace moudesk::gui {

NewDraftDialog::NewDraftDialog(wxWindow* parent, const NewDraftSettings& initial)
    : wxDialog(parent, wxID_ANY, _("New draft")) {
    auto* top = new wxBoxSizer(wxVERTICAL);

    wxArrayString instruments;
    for (Instrument i : {Instrument::mou, Instrument::moa, Instrument::addendum}) instruments.Add(instrument_label(i));
    instrument_ = new wxRadioBox(this, wxID_ANY, _("Instrument"), wxDefaultPosition, wxDefaultSize, instruments, 1,
                                 wxRA_SPECIFY_COLS);
    instrument_->SetSelection(static_cast<int>(initial.instrument));
    top->Add(instrument_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    wxArrayString bases;
    bases.Add(_("a Memorandum of Understanding (non-binding wording)"));
    bases.Add(_("a Memorandum of Agreement (binding wording)"));
    base_ = new wxRadioBox(this, wxID_ANY, _("The addendum amends"), wxDefaultPosition, wxDefaultSize, bases, 1,
                           wxRA_SPECIFY_COLS);
    base_->SetSelection(initial.base_instrument == Instrument::moa ? 1 : 0);
    top->Add(base_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    wxArrayString languages;
    for (const auto& choice : language_choices()) languages.Add(language_choice_label(choice));
    languages_ = new wxRadioBox(this, wxID_ANY, _("Languages"), wxDefaultPosition, wxDefaultSize, languages, 1,
                                wxRA_SPECIFY_COLS);
    int lang = language_choice_index(initial.languages, initial.layout);
    languages_->SetSelection(lang < 0 ? 0 : lang);
    top->Add(languages_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    note_ = new wxStaticText(this, wxID_ANY, wxString());
    note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    top->Add(note_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel(_("&Create"));

    instrument_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { update(); });
    update();
    SetSizerAndFit(top);
    instrument_->SetFocus();
}

void NewDraftDialog::update() {
    base_->Enable(instrument_->GetSelection() == static_cast<int>(Instrument::addendum));
    note_->SetLabel(
        _("The new draft starts with the final provisions of the instrument, two parties to fill in "
          "(a customs and a police agency) and the partnership level \"Communication\". Add the "
          "cooperation elements in the Key elements tab."));
    note_->Wrap(FromDIP(420));
    if (GetSizer()) Fit();
}

NewDraftSettings NewDraftDialog::settings() const {
    NewDraftSettings s;
    s.instrument = static_cast<Instrument>(instrument_->GetSelection());
    s.base_instrument = base_->GetSelection() == 1 ? Instrument::moa : Instrument::mou;
    const auto& choices = language_choices();
    int lang = languages_->GetSelection();
    const LanguageChoice& choice = choices[lang >= 0 && lang < static_cast<int>(choices.size()) ? lang : 0];
    s.languages = choice.languages;
    s.layout = choice.layout;
    return s;
}

}  // namespace moudesk::gui
