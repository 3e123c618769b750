#include "drafting_labels.h"

#include <wx/intl.h>

namespace moudesk::gui {

wxString instrument_label(Instrument instrument) {
    switch (instrument) {
        case Instrument::mou: return _("Memorandum of Understanding (MOU, non-binding)");
        case Instrument::moa: return _("Memorandum of Agreement (MOA, binding)");
        case Instrument::addendum: return _("Addendum");
    }
    return {};
}

wxString language_label(Language language) {
    return language == Language::en ? _("English") : _("French");
}

wxString level_label(PartnershipLevel level) {
    switch (level) {
        case PartnershipLevel::coexistence: return _("Coexistence");
        case PartnershipLevel::communication: return _("Communication");
        case PartnershipLevel::coordination: return _("Coordination");
        case PartnershipLevel::collaboration: return _("Collaboration");
        case PartnershipLevel::integration: return _("Integration");
    }
    return {};
}

const std::vector<PartnershipLevel>& all_levels() {
    static const std::vector<PartnershipLevel> levels{PartnershipLevel::coexistence, PartnershipLevel::communication,
                                                      PartnershipLevel::coordination, PartnershipLevel::collaboration,
                                                      PartnershipLevel::integration};
    return levels;
}

wxString party_kind_label(std::string_view kind) {
    if (kind == "customs") return _("Customs");
    if (kind == "police") return _("Police");
    if (kind == "gendarmerie") return _("Gendarmerie");
    if (kind == "border-guard") return _("Border guard");
    if (kind == "coast-guard") return _("Coast guard");
    if (kind == "financial-intelligence-unit") return _("Financial intelligence unit");
    if (kind == "prosecution") return _("Prosecution service");
    if (kind == "ministry") return _("Ministry");
    if (kind == "other") return _("Other agency");
    return wxString::FromUTF8(kind.data(), kind.size());
}

const std::vector<InstrumentChoice>& instrument_choices() {
    static const std::vector<InstrumentChoice> choices{{Instrument::mou, Instrument::mou},
                                                       {Instrument::moa, Instrument::mou},
                                                       {Instrument::addendum, Instrument::mou},
                                                       {Instrument::addendum, Instrument::moa}};
    return choices;
}

wxString instrument_choice_label(const InstrumentChoice& choice) {
    switch (choice.instrument) {
        case Instrument::mou: return _("Memorandum of Understanding (MOU)");
        case Instrument::moa: return _("Memorandum of Agreement (MOA)");
        case Instrument::addendum: break;
    }
    return choice.base_instrument == Instrument::moa ? _("Addendum to an MOA") : _("Addendum to an MOU");
}

int instrument_choice_index(Instrument instrument, Instrument base_instrument) {
    const auto& choices = instrument_choices();
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i].instrument == instrument &&
            (instrument != Instrument::addendum || choices[i].base_instrument == base_instrument))
            return static_cast<int>(i);
    return 0;
}

const std::vector<LanguageChoice>& language_choices() {
    using drafting::Layout;
    static const std::vector<LanguageChoice> choices{{{Language::en}, Layout::single},
                                                     {{Language::fr}, Layout::single},
                                                     {{Language::en, Language::fr}, Layout::side_by_side},
                                                     {{Language::en, Language::fr}, Layout::sequence},
                                                     {{Language::fr, Language::en}, Layout::side_by_side},
                                                     {{Language::fr, Language::en}, Layout::sequence}};
    return choices;
}

wxString language_choice_label(const LanguageChoice& choice) {
    if (choice.languages.size() == 1) return language_label(choice.languages.front());
    const wxString first = language_label(choice.languages[0]);
    const wxString second = language_label(choice.languages[1]);
    // TRANSLATORS: "English + French side by side": two languages in two columns.
    if (choice.layout == drafting::Layout::side_by_side)
        return wxString::Format(_("%s + %s side by side"), first, second);
    // TRANSLATORS: "English + French in sequence": the whole text in one language, then in the other.
    return wxString::Format(_("%s + %s in sequence"), first, second);
}

int language_choice_index(const std::vector<Language>& languages, drafting::Layout layout) {
    const auto& choices = language_choices();
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i].languages == languages && (languages.size() == 1 || choices[i].layout == layout))
            return static_cast<int>(i);
    return -1;
}

}  // namespace moudesk::gui
