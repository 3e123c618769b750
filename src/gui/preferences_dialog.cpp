#include "preferences_dialog.h"

#include <iterator>

#include <wx/button.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace moudesk::gui {
namespace {
// Radio box order.
constexpr InterfaceLanguage choices[] = {InterfaceLanguage::system, InterfaceLanguage::en, InterfaceLanguage::fr};
}  // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    // Language names are shown in their own language, so a user who cannot read the current
    // interface still finds theirs.
    const wxString names[] = {_("System language"), "English", wxString::FromUTF8("Français")};
    language_ = new wxRadioBox(this, wxID_ANY, _("Interface language"), wxDefaultPosition, wxDefaultSize,
                               static_cast<int>(std::size(names)), names, 1, wxRA_SPECIFY_COLS);
    auto* note =
        new wxStaticText(this, wxID_ANY, _("A new interface language takes effect when moudesk is restarted."));
    note->Wrap(FromDIP(360));

    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_OK, _("OK")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(language_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizerAndFit(sizer);
    CentreOnParent();

    set_language(interface_language_setting());
}

InterfaceLanguage PreferencesDialog::language() const {
    const int i = language_->GetSelection();
    return i >= 0 && i < static_cast<int>(std::size(choices)) ? choices[i] : InterfaceLanguage::system;
}

void PreferencesDialog::set_language(InterfaceLanguage language) {
    for (std::size_t i = 0; i < std::size(choices); ++i)
        if (choices[i] == language) language_->SetSelection(static_cast<int>(i));
}

bool PreferencesDialog::apply() {
    const bool changed = language() != interface_language_setting();
    set_interface_language_setting(language());
    return changed;
}

}  // namespace moudesk::gui
