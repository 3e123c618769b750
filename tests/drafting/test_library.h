#pragma once
// A small clause library built in memory, so the drafting tests do not depend on the XML loader
// or on the wording of the bundled library.

#include <string>

#include "moudesk/content/library.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::test {

using content::Inline;

inline Inline make(Inline::Kind kind, std::string ref = {}, std::string words = {}) {
    Inline i;
    i.kind = kind;
    i.ref = std::move(ref);
    i.text = std::move(words);
    return i;
}
inline Inline text(std::string s) {
    return make(Inline::Kind::text, {}, std::move(s));
}
inline Inline parties(bool cap = false, std::string form = {}) {
    Inline i = make(Inline::Kind::parties);
    i.capitalized = cap;
    i.form = std::move(form);
    return i;
}
inline Inline instrument(bool cap = false, std::string form = {}) {
    Inline i = make(Inline::Kind::instrument);
    i.capitalized = cap;
    i.form = std::move(form);
    return i;
}
inline Inline wording(std::string mou, std::string moa) {
    Inline i = make(Inline::Kind::wording);
    i.mou = std::move(mou);
    i.moa = std::move(moa);
    return i;
}
inline Inline field(std::string id) {
    return make(Inline::Kind::field, std::move(id));
}
inline Inline ref(std::string clause) {
    return make(Inline::Kind::clause_ref, std::move(clause));
}
inline Inline term(std::string id, std::string words = {}) {
    return make(Inline::Kind::term, std::move(id), std::move(words));
}
inline Inline party_list() {
    return make(Inline::Kind::party_list);
}

inline content::Block para(content::RichText en, content::RichText fr) {
    return {content::Block::Kind::paragraph, {std::move(en), std::move(fr)}, {}};
}
inline content::Block item(content::RichText en, content::RichText fr) {
    return {content::Block::Kind::item, {std::move(en), std::move(fr)}, {}};
}

inline content::Clause clause(std::string id, std::string element, Localized title,
                              std::vector<content::Variant> variants, bool is_default = true) {
    content::Clause c;
    c.id = std::move(id);
    c.element = std::move(element);
    c.title = std::move(title);
    c.is_default = is_default;
    c.instruments = {Instrument::mou, Instrument::moa, Instrument::addendum};
    c.variants = std::move(variants);
    return c;
}

inline content::Variant variant(std::optional<PartnershipLevel> level, std::vector<content::Block> blocks) {
    content::Variant v;
    v.level = level;
    v.blocks = std::move(blocks);
    return v;
}

// Elements: purpose-and-scope, definitions (final) in part "general"; information-exchange,
// data-protection (cooperation); legal-status (final, binding and non-binding clauses).
inline content::Library test_library() {
    using content::ElementGroup;
    using content::FieldType;
    content::Library lib;
    auto element = [&](std::string slug, ElementGroup g, std::string en, std::string fr) {
        content::KeyElement e;
        e.slug = std::move(slug);
        e.group = g;
        e.title = {std::move(en), std::move(fr)};
        lib.elements.push_back(std::move(e));
    };
    element("information-exchange", ElementGroup::cooperation, "Information exchange", "Échange d'informations");
    element("data-protection", ElementGroup::cooperation, "Data protection", "Protection des données");
    element("purpose-and-scope", ElementGroup::final_provision, "Purpose and scope", "Objet et champ d'application");
    element("definitions", ElementGroup::final_provision, "Definitions", "Définitions");
    element("legal-status", ElementGroup::final_provision, "Legal status", "Statut juridique");

    lib.fields.push_back({"response-days",
                          FieldType::integer,
                          false,
                          1,
                          90,
                          {"Response time (days)", "Délai de réponse (jours)"},
                          {"15", "15"},
                          {}});
    lib.fields.push_back({"signature-place",
                          FieldType::text,
                          true,
                          {},
                          {},
                          {"Place of signature", "Lieu de signature"},
                          {"Vienna", "Vienne"},
                          {}});
    lib.fields.push_back({"signature-date",
                          FieldType::date,
                          false,
                          {},
                          {},
                          {"Date of signature", "Date de signature"},
                          {"2027-03-01", "2027-03-01"},
                          {}});

    lib.terms.push_back({"personal-data",
                         {"personal data", "données à caractère personnel"},
                         {"information about an identified person", "toute information sur une personne identifiée"},
                         {}});
    lib.terms.push_back({"information",
                         {"information", "information"},
                         {"any data held by an agency", "toute donnée détenue par un service"},
                         {}});
    lib.terms.push_back({"unused-term", {"unused", "inutilisé"}, {"never used", "jamais utilisé"}, {}});

    lib.clauses.push_back(clause(
        "purpose-and-scope.general", "purpose-and-scope", {"Purpose", "Objet"},
        {variant(std::nullopt,
                 {para({instrument(true), text(" sets out how "), parties(), text(" cooperate.")},
                       {instrument(true), text(" définit la coopération "), parties(false, "de"), text(".")})})}));
    lib.clauses.push_back(
        clause("definitions.terms", "definitions", {"Definitions", "Définitions"},
               {variant(std::nullopt, {para({text("For the purposes of "), instrument(), text(":")},
                                            {text("Aux fins "), instrument(false, "de"), text(" :")})})}));
    content::Clause exchange = clause(
        "information-exchange.general", "information-exchange", {"Exchange of information", "Échange d'informations"},
        {variant(PartnershipLevel::communication,
                 {para({parties(true), text(" "), wording("will", "shall"), text(" exchange "), term("information"),
                        text(" on request.")},
                       {parties(true), text(" "), wording("échangeront", "échangent"), text(" des "),
                        term("information", "informations"), text(" sur demande.")})}),
         variant(PartnershipLevel::collaboration,
                 {para({parties(true), text(" "), wording("will", "shall"), text(" exchange "), term("information"),
                        text(" within "), field("response-days"), text(" days, protecting "), term("personal-data"),
                        text(" as set out in "), ref("data-protection.general"), text(".")},
                       {parties(true), text(" "), wording("échangeront", "échangent"), text(" des "),
                        term("information", "informations"), text(" dans un délai de "), field("response-days"),
                        text(" jours, en protégeant les "), term("personal-data"), text(" conformément à l'"),
                        ref("data-protection.general"), text(".")}),
                  item({text("spontaneously;")}, {text("spontanément ;")}),
                  item({text("on request.")}, {text("sur demande.")}),
                  para({text("Requests go through the focal points.")},
                       {text("Les demandes passent par les points focaux.")})})});
    exchange.requires_ = {"data-protection.general"};
    lib.clauses.push_back(exchange);
    lib.clauses.push_back(clause(
        "data-protection.general", "data-protection", {"Data protection", "Protection des données"},
        {variant(PartnershipLevel::communication,
                 {para({parties(true), text(" protect data.")}, {parties(true), text(" protègent les données.")})}),
         variant(PartnershipLevel::integration,
                 {para({text("Joint data rules apply.")}, {text("Des règles communes s'appliquent.")})})}));
    content::Clause non_binding =
        clause("legal-status.non-binding", "legal-status", {"Legal status", "Statut juridique"},
               {variant(std::nullopt, {para({instrument(true), text(" is not legally binding.")},
                                            {instrument(true), text(" n'est pas juridiquement contraignant.")})})});
    non_binding.instruments = {Instrument::mou};
    non_binding.excludes = {"legal-status.binding"};
    lib.clauses.push_back(non_binding);
    content::Clause binding =
        clause("legal-status.binding", "legal-status", {"Legal status", "Statut juridique"},
               {variant(std::nullopt, {para({instrument(true), text(" binds "), parties(), text(".")},
                                            {instrument(true), text(" lie "), parties(), text(".")})})});
    binding.instruments = {Instrument::moa};
    binding.excludes = {"legal-status.non-binding"};
    lib.clauses.push_back(binding);

    for (Instrument i : {Instrument::mou, Instrument::moa, Instrument::addendum}) {
        content::Template t;
        t.id = to_code(i);
        t.instrument = i;
        t.title = {{text("Memorandum between "), party_list()}, {text("Mémorandum entre "), party_list()}};
        t.numbering = {{"Article {n}", "Article {n}"}, "{n}.", "({a})"};
        t.preamble = {para({party_list(), text(",")}, {party_list(), text(",")})};
        t.parts = {
            {"general", {"General provisions", "Dispositions générales"}, {"purpose-and-scope", "definitions"}, false},
            {"cooperation", {"Areas of cooperation", "Domaines de coopération"}, {}, true},
            {"final", {"Final provisions", "Dispositions finales"}, {"legal-status"}, false}};
        t.signature_intro = {
            {text("Signed at "), field("signature-place"), text(" on "), field("signature-date"), text(".")},
            {text("Signé à "), field("signature-place"), text(" le "), field("signature-date"), text(".")}};
        t.labels_en = {"For", "Name", "Title", "Place", "Date"};
        t.labels_fr = {"Pour", "Nom", "Fonction", "Lieu", "Date"};
        lib.templates.push_back(std::move(t));
    }
    return lib;
}

// Two parties, English, MOU, every element chosen, every field filled.
inline drafting::Draft test_draft(Instrument instrument = Instrument::mou) {
    drafting::Draft d;
    d.instrument = instrument;
    d.level = PartnershipLevel::collaboration;
    drafting::Party customs;
    customs.kind = "customs";
    customs.name = {"Customs of Valmont", "Douanes du Valmont"};
    customs.signatory.name = "Élise Marchand";
    drafting::Party police;
    police.kind = "police";
    police.name = {"Police of Valmont", "Police du Valmont"};
    police.signatory.name = "Karim Benali";
    d.parties = {customs, police};
    for (const char* slug : {"purpose-and-scope", "definitions", "information-exchange", "legal-status"})
        d.elements.push_back({slug, std::nullopt, {}});
    d.values = {{"response-days", std::nullopt, "10"},
                {"signature-place", Language::en, "Vienna"},
                {"signature-place", Language::fr, "Vienne"},
                {"signature-date", std::nullopt, "2027-03-01"}};
    return d;
}

}  // namespace moudesk::test
