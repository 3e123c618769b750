#include "moudesk/core/language.h"
#include "moudesk/core/instrument.h"

namespace moudesk {

const char* to_code(Language language) {
    return language == Language::en ? "en" : "fr";
}

std::optional<Language> language_from_code(std::string_view code) {
    if (code == "en") return Language::en;
    if (code == "fr") return Language::fr;
    return std::nullopt;
}

const char* to_code(Instrument instrument) {
    switch (instrument) {
        case Instrument::mou: return "mou";
        case Instrument::moa: return "moa";
        case Instrument::addendum: return "addendum";
    }
    return "mou";
}

std::optional<Instrument> instrument_from_code(std::string_view code) {
    if (code == "mou") return Instrument::mou;
    if (code == "moa") return Instrument::moa;
    if (code == "addendum") return Instrument::addendum;
    return std::nullopt;
}

const char* to_code(PartnershipLevel level) {
    switch (level) {
        case PartnershipLevel::coexistence: return "coexistence";
        case PartnershipLevel::communication: return "communication";
        case PartnershipLevel::coordination: return "coordination";
        case PartnershipLevel::collaboration: return "collaboration";
        case PartnershipLevel::integration: return "integration";
    }
    return "communication";
}

std::optional<PartnershipLevel> level_from_code(std::string_view code) {
    for (int i = 1; i <= 5; ++i) {
        auto level = static_cast<PartnershipLevel>(i);
        if (code == to_code(level)) return level;
    }
    return std::nullopt;
}

}  // namespace moudesk
