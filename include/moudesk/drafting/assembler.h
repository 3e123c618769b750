#pragma once
/// @brief The drafting engine: from a Draft and the clause library to a numbered Document,
/// with every problem found along the way.

#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/drafting/document.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::drafting {

/// A problem or note about a draft, pointing at what the user must change.
struct Finding {
    enum class Kind {
        unknown_element,   ///< the draft names a key element or clause the library lacks
        conflict,          ///< excluded clauses, or a clause that does not fit the instrument
        missing_field,     ///< a field the selection uses has no value
        invalid_field,     ///< a value of the wrong type or out of range
        unused_field,      ///< a value no chosen clause uses
        wording,           ///< binding wording in an MOU, or non-binding wording in an MOA
        missing_language,  ///< a chosen clause lacks text in a language of the draft
        parties,           ///< too few parties, a party without a name or kind
        structure          ///< something the template cannot place, a dangling reference
    };
    Severity severity = Severity::error;
    Kind kind = Kind::structure;
    std::string message;
    std::string field;    ///< the field at fault, if any
    std::string clause;   ///< the clause at fault, if any
    std::string element;  ///< the key element at fault, if any
};

/// "error: message" or "warning: message".
std::string to_string(const Finding& finding);
/// "missing-field", "conflict", … (stable, for --json and tests).
const char* to_code(Finding::Kind kind);

/// A clause in the assembled agreement and why it is there.
struct ChosenClause {
    const content::Clause* clause = nullptr;
    const content::Variant* variant = nullptr;
    std::string reason;  ///< "chosen" or "required by <clause id>"
    int article = 0;     ///< its article number
};

/// Where a field is used, in the order of first use.
struct FieldUse {
    const content::Field* field = nullptr;
    std::vector<std::string> places;  ///< "title", "preamble", "Article 4", "signatures"
};

struct Assembly {
    Document document;                  ///< always built; missing values show as [label]
    std::vector<ChosenClause> clauses;  ///< in article order
    std::vector<FieldUse> fields;       ///< every field the title, preamble, clauses and signatures use
    std::vector<std::string> terms;     ///< term ids in the definitions, in order of first use
    std::vector<Finding> findings;      ///< errors and warnings, all at once

    bool has_errors() const;
    const ChosenClause* find(std::string_view clause_id) const;
};

/// Assembles `draft` with `library`. Never throws for a bad draft: problems are findings.
Assembly assemble(const content::Library& library, const Draft& draft);

/// Lint: everything assemble() found, plus wording that does not fit the instrument, values no
/// chosen clause uses, and chosen clauses that lack a language of the draft.
std::vector<Finding> lint(const content::Library& library, const Draft& draft, const Assembly& assembly);

/// "1 March 2027" / "1er mars 2027" for a valid YYYY-MM-DD; nullopt if the date is invalid.
std::optional<std::string> format_date(std::string_view iso_date, Language language);

}  // namespace moudesk::drafting
