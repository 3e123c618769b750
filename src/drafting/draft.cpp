#include "moudesk/drafting/draft.h"

#include <algorithm>

namespace moudesk::drafting {

bool is_party_kind(std::string_view kind) {
    return std::any_of(std::begin(party_kinds), std::end(party_kinds), [&](const char* k) { return kind == k; });
}

const std::string& Party::name_in(Language language) const {
    if (name.has(language)) return name[language];
    return name[language == Language::en ? Language::fr : Language::en];
}

bool Draft::binding() const {
    return instrument == Instrument::moa || (instrument == Instrument::addendum && base_instrument == Instrument::moa);
}

const std::string* Draft::value(std::string_view field, Language language) const {
    const std::string* neutral = nullptr;
    for (const auto& v : values) {
        if (v.field != field) continue;
        if (v.language == language) return &v.value;
        if (!v.language) neutral = &v.value;
    }
    return neutral;
}

void Draft::set_value(const std::string& field, std::optional<Language> language, const std::string& value) {
    auto it = std::find_if(values.begin(), values.end(),
                           [&](const FieldValue& v) { return v.field == field && v.language == language; });
    if (value.empty()) {
        if (it != values.end()) values.erase(it);
    } else if (it != values.end()) {
        it->value = value;
    } else {
        values.push_back({field, language, value});
    }
}

bool Draft::has_element(std::string_view slug) const {
    return std::any_of(elements.begin(), elements.end(), [&](const ElementChoice& e) { return e.slug == slug; });
}

}  // namespace moudesk::drafting
