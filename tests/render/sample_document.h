#pragma once
// A small bilingual Document with hostile text, shared by the writer tests.

#include <string>

#include "moudesk/drafting/document.h"

namespace moudesk::test {

// Party name with every character a writer must escape or survive: XML specials, quotes,
// a control character (dropped by writers), Arabic (right-to-left) and an emoji.
inline const std::string hostile_party_en =
    "Customs & Excise <Border> \"Directorate\" 'Sud' \x01 \xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 "
    "\xF0\x9F\x9B\x83";
// What a reader gets back: the control character is gone.
inline const std::string hostile_party_en_clean =
    "Customs & Excise <Border> \"Directorate\" 'Sud'  \xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 "
    "\xF0\x9F\x9B\x83";

inline drafting::Block make_block(drafting::BlockKind kind, std::string label, std::string text,
                                  std::string anchor = {}) {
    drafting::Block b;
    b.kind = kind;
    b.label = std::move(label);
    b.spans.push_back({std::move(text), drafting::Span::Style::plain, {}});
    b.anchor = std::move(anchor);
    return b;
}

// Two articles, the second referring to the first; a missing field; a signature table.
// `layout` single keeps English only.
inline drafting::Document sample_document(drafting::Layout layout = drafting::Layout::side_by_side) {
    using drafting::BlockKind;
    using drafting::Span;
    drafting::Document doc;
    doc.layout = layout;
    doc.languages = {Language::en};
    if (layout != drafting::Layout::single) doc.languages.push_back(Language::fr);
    doc.title.en = "Memorandum of Understanding between " + hostile_party_en + " and the National Police";
    doc.title.fr = "Mémorandum d'entente entre " + hostile_party_en + " et la Police nationale";

    auto row = [&](BlockKind kind, drafting::Block en, drafting::Block fr) {
        drafting::Row r;
        r.kind = kind;
        r.cells.push_back(std::move(en));
        if (doc.languages.size() == 2) r.cells.push_back(std::move(fr));
        doc.rows.push_back(std::move(r));
    };
    row(BlockKind::title, make_block(BlockKind::title, "", doc.title.en),
        make_block(BlockKind::title, "", doc.title.fr));
    row(BlockKind::preamble,
        make_block(BlockKind::preamble, "", "The Participants, recognising the value of cooperation,"),
        make_block(BlockKind::preamble, "", "Les Participants, reconnaissant l'intérêt de la coopération,"));
    row(BlockKind::part, make_block(BlockKind::part, "", "General provisions"),
        make_block(BlockKind::part, "", "Dispositions générales"));
    row(BlockKind::article, make_block(BlockKind::article, "Article 1", "Purpose", "article-1"),
        make_block(BlockKind::article, "Article 1", "Objet", "article-1"));
    row(BlockKind::paragraph,
        make_block(BlockKind::paragraph, "1.", "This Memorandum sets out how the Participants cooperate."),
        make_block(BlockKind::paragraph, "1.", "Le présent mémorandum définit la coopération des Participants."));
    row(BlockKind::item, make_block(BlockKind::item, "(a)", "intelligence exchange;"),
        make_block(BlockKind::item, "(a)", "l'échange de renseignements ;"));
    row(BlockKind::article, make_block(BlockKind::article, "Article 2", "Exchange of information", "article-2"),
        make_block(BlockKind::article, "Article 2", "Échange d'informations", "article-2"));

    auto with_ref = [](std::string before, std::string ref, std::string missing) {
        drafting::Block b = make_block(BlockKind::paragraph, "", std::move(before));
        b.spans.push_back({std::move(ref), Span::Style::reference, "article-1"});
        b.spans.push_back({" within ", Span::Style::plain, {}});
        b.spans.push_back({std::move(missing), Span::Style::missing_field, {}});
        b.spans.push_back({".", Span::Style::plain, {}});
        return b;
    };
    row(BlockKind::paragraph, with_ref("Requests are answered as set out in ", "Article 1", "[Response time (days)]"),
        with_ref("Les demandes reçoivent une réponse conformément à l'", "article 1", "[Délai de réponse (jours)]"));

    row(BlockKind::signature_intro, make_block(BlockKind::signature_intro, "", "Signed at Vienna on 1 March 2027."),
        make_block(BlockKind::signature_intro, "", "Signé à Vienne le 1er mars 2027."));
    auto signatures = [](const std::string& for_label, const std::string& name_label) {
        drafting::Block b;
        b.kind = BlockKind::signatures;
        b.signatures.push_back(
            {for_label + " " + hostile_party_en, {{name_label, "Amal Haddad"}, {"Date", "1 March 2027"}}});
        b.signatures.push_back(
            {for_label + " the National Police", {{name_label, "Jean Dupont"}, {"Date", "1 March 2027"}}});
        return b;
    };
    row(BlockKind::signatures, signatures("For", "Name"), signatures("Pour", "Nom"));
    return doc;
}

}  // namespace moudesk::test
