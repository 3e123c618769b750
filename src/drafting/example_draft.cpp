// The drafts moudesk starts from: the blank one of the desktop application, and the example of
// `moudesk-cli draft new`, a realistic agreement between two agencies of a fictional country with
// every field filled from the library's examples.
#include <algorithm>

#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::drafting {

namespace {

std::vector<Party> example_parties() {
    Party customs;
    customs.kind = "customs";
    customs.country = "Valmont";
    customs.name = {"General Directorate of Customs of the Republic of Valmont",
                    "Direction générale des douanes de la République du Valmont"};
    customs.short_name = "Customs";
    customs.signatory.name = "Élise Marchand-Ødegaard";
    customs.signatory.title = {"Director-General of Customs", "Directrice générale des douanes"};

    Party police;
    police.kind = "police";
    police.country = "Valmont";
    police.name = {"National Police of the Republic of Valmont", "Police nationale de la République du Valmont"};
    police.short_name = "Police";
    police.signatory.name = "Karim Benali";
    police.signatory.title = {"Chief Commissioner of the National Police",
                              "Commissaire général de la Police nationale"};
    return {customs, police};
}

bool has_default_for(const content::Library& library, const content::KeyElement& e, Instrument instrument) {
    auto clauses = library.clauses_of(e.slug);
    return std::any_of(clauses.begin(), clauses.end(),
                       [&](const content::Clause* c) { return c->is_default && c->fits(instrument); });
}

Draft start(Instrument instrument, Instrument base_instrument, std::vector<Language> languages, Layout layout) {
    Draft d;
    d.instrument = instrument;
    d.base_instrument = base_instrument;
    d.languages = languages.empty() ? std::vector<Language>{Language::en} : std::move(languages);
    d.layout = d.languages.size() == 1 ? Layout::single : layout == Layout::single ? Layout::side_by_side : layout;
    return d;
}

// Cooperation elements a first MOU often leaves out, which an addendum typically adds.
constexpr const char* addendum_elements[] = {"joint-investigations", "systems-access", "resource-sharing",
                                             "international-programmes"};

}  // namespace

Draft blank_draft(const content::Library& library, Instrument instrument, Instrument base_instrument,
                  std::vector<Language> languages, Layout layout) {
    Draft d = start(instrument, base_instrument, std::move(languages), layout);
    d.level = PartnershipLevel::communication;
    for (const char* kind : {"customs", "police"}) {
        Party p;
        p.kind = kind;
        d.parties.push_back(std::move(p));
    }
    for (const auto& e : library.elements)
        if (e.group == content::ElementGroup::final_provision && has_default_for(library, e, instrument))
            d.elements.push_back({e.slug, std::nullopt, {}});
    return d;
}

Draft example_draft(const content::Library& library, Instrument instrument, std::vector<Language> languages,
                    Layout layout) {
    Draft d = start(instrument, Instrument::mou, std::move(languages), layout);
    d.level = PartnershipLevel::collaboration;
    d.parties = example_parties();

    for (const auto& e : library.elements) {
        if (!has_default_for(library, e, instrument)) continue;
        bool cooperation = e.group == content::ElementGroup::cooperation;
        if (instrument == Instrument::addendum && cooperation &&
            std::find_if(std::begin(addendum_elements), std::end(addendum_elements),
                         [&](const char* s) { return e.slug == s; }) == std::end(addendum_elements))
            continue;
        d.elements.push_back({e.slug, std::nullopt, {}});
    }

    // Assemble once to learn which fields the selection uses, then fill them from the examples.
    Assembly first = assemble(library, d);
    for (const auto& use : first.fields) {
        const content::Field& f = *use.field;
        if (f.localized && f.example.en != f.example.fr) {
            for (Language l : d.languages)
                if (f.example.has(l)) d.set_value(f.id, l, f.example[l]);
        } else {
            const std::string& v = f.example.has(Language::en) ? f.example.en : f.example.fr;
            if (!v.empty()) d.set_value(f.id, std::nullopt, v);
        }
    }
    return d;
}

}  // namespace moudesk::drafting
