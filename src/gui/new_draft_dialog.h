#pragma once
/// @brief The dialog that starts a new draft: which instrument (MOU, MOA or an addendum to
/// either) and in which languages (one, or English and French side by side or in sequence).

#include <vector>

#include <wx/dialog.h>

#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"
#include "moudesk/drafting/document.h"

class wxRadioBox;
class wxStaticText;

namespace moudesk::gui {

/// What the New draft dialog asks for.
struct NewDraftSettings {
    Instrument instrument = Instrument::mou;
    Instrument base_instrument = Instrument::mou;  ///< for an addendum: what it amends
    std::vector<Language> languages{Language::en};
    drafting::Layout layout = drafting::Layout::single;
};

class NewDraftDialog : public wxDialog {
public:
    NewDraftDialog(wxWindow* parent, const NewDraftSettings& initial);

    /// The choices made (valid once the dialog returned wxID_OK).
    NewDraftSettings settings() const;

private:
    void update();

    wxRadioBox* instrument_ = nullptr;
    wxRadioBox* base_ = nullptr;
    wxRadioBox* languages_ = nullptr;
    wxStaticText* note_ = nullptr;
};

}  // namespace moudesk::gui
