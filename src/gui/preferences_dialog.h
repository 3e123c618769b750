#pragma once
/// @brief Tools ▸ Preferences: the interface language (System, English, Français), which takes
/// effect when moudesk is restarted.

#include <wx/dialog.h>

#include "settings.h"

class wxRadioBox;

namespace moudesk::gui {

class PreferencesDialog : public wxDialog {
public:
    /// Starts with the language currently saved in the settings.
    explicit PreferencesDialog(wxWindow* parent);

    InterfaceLanguage language() const;
    void set_language(InterfaceLanguage language);
    /// Saves the choice in the settings; true when it differs from what was saved before.
    bool apply();

private:
    wxRadioBox* language_ = nullptr;
};

}  // namespace moudesk::gui
