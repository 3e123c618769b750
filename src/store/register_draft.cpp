#include "moudesk/store/register_draft.h"

#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/store/agreements.h"

namespace moudesk::store {

AgreementRecord agreement_from_draft(const content::Library& library, const drafting::Draft& draft,
                                     const std::string& reference) {
    drafting::Assembly assembly = drafting::assemble(library, draft);
    Language first = draft.languages.empty() ? Language::en : draft.languages.front();
    AgreementRecord r;
    r.reference = reference;
    r.title = assembly.document.title[first];
    if (r.title.empty()) r.title = reference;
    r.instrument = to_code(draft.instrument);
    r.level = to_code(draft.level);
    r.languages.clear();
    for (Language l : draft.languages) r.languages.push_back(to_code(l));
    for (const drafting::Party& p : draft.parties) {
        if (p.name_in(first).empty()) continue;  // a placeholder the legal officer has not filled in
        PartyRecord party;
        party.name = p.name_in(first);
        party.short_name = p.short_name;
        party.kind = p.kind.empty() ? "other" : p.kind;
        party.country = p.country;
        party.signatory_name = p.signatory.name;
        party.signatory_title = p.signatory.title[first];
        r.parties.push_back(std::move(party));
    }
    for (const drafting::ElementChoice& e : draft.elements) r.elements.push_back({e.slug, "draft", {}});
    return r;
}

Id register_draft(Database& db, const content::Library& library, const drafting::Draft& draft,
                  const std::string& reference, const std::string& rendered_text, const std::string& label) {
    WriteTransaction tx(db);
    Agreements agreements(db);
    Id id = agreements.add(agreement_from_draft(library, draft, reference));
    agreements.add_version(id, drafting::serialize_draft(draft), rendered_text, label);
    tx.commit();
    return id;
}

diagnostic::AddendumBasis addendum_basis(Database& db, Id agreement) {
    Agreements agreements(db);
    AgreementRecord r = agreements.get(agreement);
    diagnostic::AddendumBasis basis;
    basis.base_title = r.title;
    if (r.dates.signature) basis.base_signature_date = r.dates.signature->iso();
    basis.base_instrument = r.instrument == "moa" ? Instrument::moa : Instrument::mou;
    if (auto level = level_from_code(r.level)) basis.level = *level;
    auto versions = agreements.versions(agreement);
    if (!versions.empty()) {
        drafting::Draft latest =
            drafting::parse_draft(agreements.version(agreement, versions.back().version).draft,
                                  r.reference + " version " + std::to_string(versions.back().version));
        basis.languages = latest.languages;
        basis.parties = latest.parties;
        basis.level = latest.level;
        if (latest.instrument != Instrument::addendum) basis.base_instrument = latest.instrument;
        return basis;
    }
    basis.languages.clear();
    for (const auto& code : r.languages)
        if (auto l = language_from_code(code)) basis.languages.push_back(*l);
    if (basis.languages.empty()) basis.languages = {Language::en};
    for (const PartyRecord& p : r.parties) {
        drafting::Party party;
        party.name.en = p.name;
        party.short_name = p.short_name;
        party.kind = p.kind;
        party.country = p.country;
        party.signatory.name = p.signatory_name;
        party.signatory.title.en = p.signatory_title;
        basis.parties.push_back(std::move(party));
    }
    return basis;
}

}  // namespace moudesk::store
