#pragma once
/// @brief A draft agreement: what the legal officer chose (instrument, languages, parties,
/// partnership level, key elements, field values). Saved as a `.moudraft` file.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"
#include "moudesk/drafting/document.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::drafting {

struct Signatory {
    std::string name;
    Localized title;    ///< "Director-General" / « Directeur général »
    std::string place;  ///< empty: the signature-place field
    std::string date;   ///< YYYY-MM-DD; empty: the signature-date field
};

/// The kinds of agency a party can be.
inline constexpr const char* party_kinds[] = {"customs",      "police",      "gendarmerie",
                                              "border-guard", "coast-guard", "financial-intelligence-unit",
                                              "prosecution",  "ministry",    "other"};

bool is_party_kind(std::string_view kind);

struct Party {
    Localized name;          ///< full name per language; a missing language falls back to the other
    std::string short_name;  ///< e.g. "Customs"
    std::string kind;        ///< one of party_kinds
    std::string country;     ///< ISO 3166 code or name
    Signatory signatory;

    /// The name in `language`, or in the other language when that one is empty.
    const std::string& name_in(Language language) const;
};

/// A chosen key element: its slug, optionally the variant level and explicit clauses.
struct ElementChoice {
    std::string slug;
    std::optional<PartnershipLevel> level;  ///< nullopt: the draft's level
    std::vector<std::string> clauses;       ///< explicit clause ids; empty: the default clauses
};

/// A field value, for one language or (language nullopt) for all.
struct FieldValue {
    std::string field;
    std::optional<Language> language;
    std::string value;
};

struct Draft {
    Instrument instrument = Instrument::mou;
    Instrument base_instrument = Instrument::mou;  ///< addendum: the instrument it amends
    std::vector<Language> languages{Language::en};
    Layout layout = Layout::single;
    PartnershipLevel level = PartnershipLevel::communication;
    std::vector<Party> parties;
    std::vector<ElementChoice> elements;
    std::vector<FieldValue> values;

    /// Whether the wording is binding: an MOA, or an addendum to an MOA.
    bool binding() const;
    /// The value for `field` in `language`, falling back to the all-languages value; nullptr if none.
    const std::string* value(std::string_view field, Language language) const;
    /// Sets (or with an empty value, removes) a value.
    void set_value(const std::string& field, std::optional<Language> language, const std::string& value);
    bool has_element(std::string_view slug) const;
};

/// Parses a .moudraft document. `name` is used in messages (usually the file path). Throws
/// Error(bad_input) listing every problem as name:line:column: message.
Draft parse_draft(std::string_view xml, const std::string& name);
/// Reads and parses a .moudraft file. Throws Error(environment) when it cannot be read.
Draft read_draft(const std::filesystem::path& path);
/// The .moudraft XML for `draft`.
std::string serialize_draft(const Draft& draft);
/// Writes a .moudraft file atomically.
void save_draft(const Draft& draft, const std::filesystem::path& path);

/// A new, empty draft as the desktop application starts one: every final provision that has a
/// default clause for the instrument, no cooperation element yet, two parties of kind customs and
/// police to fill in, the level "communication".
Draft blank_draft(const content::Library& library, Instrument instrument, Instrument base_instrument,
                  std::vector<Language> languages, Layout layout);

/// A complete example draft: every key element that fits the instrument, two realistic parties,
/// the level "collaboration", and every field the chosen clauses and template use filled from the
/// library's examples. For an addendum: the cooperation elements a typical first MOU lacks.
Draft example_draft(const content::Library& library, Instrument instrument, std::vector<Language> languages,
                    Layout layout);

}  // namespace moudesk::drafting
