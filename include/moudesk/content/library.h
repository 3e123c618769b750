#pragma once
/// @brief The clause library in memory: key elements, clauses with their variants and
/// commitments, fields, terms and templates. Format: clauses/README.md, templates/README.md.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"

namespace moudesk::content {

/// One piece of inline markup inside a <text> element.
struct Inline {
    enum class Kind {
        text,        ///< literal characters in `text`
        parties,     ///< <parties/>: the Participants / the Parties
        instrument,  ///< <instrument/>: this Memorandum of …
        wording,     ///< <w mou="…" moa="…"/>
        field,       ///< <field ref="…"/>
        clause_ref,  ///< <ref clause="…"/>
        term,        ///< <term ref="…">optional wording</term>
        party,       ///< <party index="N"/>
        party_list   ///< <party-list/>
    };
    Kind kind = Kind::text;
    std::string text;          ///< text: the characters; term: the given wording (may be empty)
    std::string mou;           ///< wording: non-binding form
    std::string moa;           ///< wording: binding form
    std::string ref;           ///< field id, clause id or term id
    bool capitalized = false;  ///< parties / instrument: cap="true"
    std::string form;          ///< parties / instrument: "", "de" or "a" (French contractions)
    int party_index = 0;       ///< party: 1-based
};

using RichText = std::vector<Inline>;

/// Rich text in each language; a missing language is empty.
struct LocalizedRichText {
    RichText en;
    RichText fr;
    const RichText& operator[](Language l) const { return l == Language::en ? en : fr; }
    RichText& operator[](Language l) { return l == Language::en ? en : fr; }
    bool has(Language l) const { return !(*this)[l].empty(); }
};

/// A numbered paragraph, or a list item under the paragraph before it.
struct Block {
    enum class Kind { paragraph, item };
    Kind kind = Kind::paragraph;
    LocalizedRichText text;
    SourceLocation where;
};

/// What a clause obliges once the agreement is in force; becomes an action in the register.
struct Commitment {
    std::string id;
    std::string party;  ///< "each", "joint" or a party kind
    std::string due;    ///< ISO 8601 duration after entry into force, e.g. "P30D"
    std::string every;  ///< "" (once), an ISO 8601 duration, or "field:<id>" (months)
    Localized text;
    SourceLocation where;
};

struct Variant {
    std::optional<PartnershipLevel> level;  ///< nullopt: the one variant of a final provision
    std::vector<Block> blocks;
    std::vector<Commitment> commitments;
    SourceLocation where;
};

struct Clause {
    std::string id;       ///< "<element>.<name>"
    std::string element;  ///< key element slug
    Localized title;
    Localized guidance;
    bool is_default = false;
    std::vector<Instrument> instruments;  ///< never empty after loading
    std::vector<std::string> requires_;   ///< clause ids
    std::vector<std::string> excludes;    ///< clause ids
    std::vector<Variant> variants;
    SourceLocation where;

    bool fits(Instrument instrument) const;
    /// The variant a draft at `level` gets: the highest not above it, else the lowest.
    const Variant& variant_for(PartnershipLevel level) const;
    /// Ids of the fields its text uses, each once, in order of first use.
    std::vector<std::string> fields_used() const;
    /// Ids of the terms its text uses, each once, in order of first use.
    std::vector<std::string> terms_used() const;
};

enum class ElementGroup { cooperation, final_provision };

struct KeyElement {
    std::string slug;
    ElementGroup group = ElementGroup::cooperation;
    std::string section;  ///< handbook section, e.g. "III.a"
    Localized title;
    Localized description;
    std::vector<std::string> patterns_en;
    std::vector<std::string> patterns_fr;
    SourceLocation where;

    const std::vector<std::string>& patterns(Language l) const { return l == Language::en ? patterns_en : patterns_fr; }
};

enum class FieldType { text, date, integer };

struct Field {
    std::string id;
    FieldType type = FieldType::text;
    bool localized = false;
    std::optional<long long> min;
    std::optional<long long> max;
    Localized label;
    Localized example;  ///< a non-localised example is stored in both languages
    SourceLocation where;
};

struct Term {
    std::string id;
    Localized name;
    Localized definition;
    SourceLocation where;
};

struct Numbering {
    Localized article;      ///< e.g. "Article {n}"
    std::string paragraph;  ///< e.g. "{n}."
    std::string item;       ///< e.g. "({a})"
};

struct Part {
    std::string id;
    Localized heading;
    std::vector<std::string> elements;  ///< slugs in order
    bool rest_of_cooperation = false;   ///< group="cooperation"
};

struct SignatureLabels {
    std::string for_party, name, title, place, date;
};

struct Template {
    std::string id;
    Instrument instrument = Instrument::mou;
    Localized name;
    LocalizedRichText title;
    Numbering numbering;
    std::vector<Block> preamble;
    std::vector<Part> parts;
    LocalizedRichText signature_intro;
    SignatureLabels labels_en;
    SignatureLabels labels_fr;
    SourceLocation where;

    const SignatureLabels& labels(Language l) const { return l == Language::en ? labels_en : labels_fr; }
};

/// The whole library. Lookups return nullptr when nothing has that id.
struct Library {
    std::vector<KeyElement> elements;  ///< catalogue order
    std::vector<Clause> clauses;       ///< grouped by element, in file order
    std::vector<Field> fields;
    std::vector<Term> terms;
    std::vector<Template> templates;

    const KeyElement* find_element(std::string_view slug) const;
    const Clause* find_clause(std::string_view id) const;
    const Field* find_field(std::string_view id) const;
    const Term* find_term(std::string_view id) const;
    /// The template for an instrument (the first one found).
    const Template* find_template(Instrument instrument) const;
    std::vector<const Clause*> clauses_of(std::string_view slug) const;
};

/// Where the bundled library, templates, schemas and diagnostic live: $MOUDESK_DATA_DIR if set,
/// else <exe>/../share/moudesk if it exists, else the source tree moudesk was built from.
std::filesystem::path bundled_data_dir();

/// Whether loading validates every file against its XSD. Validation costs about half the load
/// time; the semantic checks run either way.
enum class SchemaCheck {
    full,  ///< validate against schemas/ (library check, the desktop application)
    quick  ///< well-formedness and root element only (commands that just use the library)
};

/// Loads the library from `clauses_dir` and `templates_dir`. Validates each file against its
/// schema (unless `schema_check` is quick), then checks references (unknown slugs, fields, terms, clauses), duplicate
/// ids, cyclic requires and missing languages. Every problem goes to `problems` with file:line:column; a broken file is
/// left out and the rest is still loaded. Throws only when `clauses_dir` is not a readable folder.
Library load_library(const std::filesystem::path& clauses_dir, const std::filesystem::path& templates_dir,
                     Problems& problems, SchemaCheck schema_check = SchemaCheck::full);

}  // namespace moudesk::content
