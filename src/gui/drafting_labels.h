#pragma once
/// @brief Translated names of the drafting vocabulary (instruments, languages, partnership
/// levels, party kinds) for the drafting workspace and its dialogs. Library texts (element
/// titles, field labels, guidance) are shown in settings.h's content_language().

#include <string_view>
#include <vector>

#include <wx/string.h>

#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"
#include "moudesk/drafting/document.h"

namespace moudesk::gui {

/// "Memorandum of Understanding (MOU, non-binding)" and so on.
wxString instrument_label(Instrument instrument);
/// "English", "French".
wxString language_label(Language language);
/// "Coexistence", "Communication", …
wxString level_label(PartnershipLevel level);
/// The five levels, loosest first.
const std::vector<PartnershipLevel>& all_levels();
/// "Customs", "Border guard", … ; the code itself for an unknown kind.
wxString party_kind_label(std::string_view kind);

/// The instrument of a draft as one choice: an MOU, an MOA, an addendum to an MOU or to an MOA.
struct InstrumentChoice {
    Instrument instrument = Instrument::mou;
    Instrument base_instrument = Instrument::mou;  ///< for an addendum
};
/// MOU, MOA, addendum to an MOU, addendum to an MOA.
const std::vector<InstrumentChoice>& instrument_choices();
/// Short: "Memorandum of Understanding (MOU)", "Addendum to an MOA".
wxString instrument_choice_label(const InstrumentChoice& choice);
/// Index in instrument_choices() of the draft's instrument.
int instrument_choice_index(Instrument instrument, Instrument base_instrument);

/// The languages of a draft and how two of them are laid out.
struct LanguageChoice {
    std::vector<Language> languages;
    drafting::Layout layout = drafting::Layout::single;
};
/// English; French; English + French side by side; English + French in sequence; and the same
/// two with French first.
const std::vector<LanguageChoice>& language_choices();
wxString language_choice_label(const LanguageChoice& choice);
/// Index in language_choices() of the given languages and layout; -1 if none matches.
int language_choice_index(const std::vector<Language>& languages, drafting::Layout layout);

}  // namespace moudesk::gui
