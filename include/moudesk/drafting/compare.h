#pragma once
/// @brief Comparing two versions of an agreement: which clauses were added, removed, changed or
/// only renumbered, with a word-level diff of the changed text in every shared language.
///
/// Both versions are assembled Documents. Clauses are matched by Block::clause_id, so a clause
/// that moved or got a new article number is still the same clause. Template text (title,
/// preamble, part headings, signature intro, signatures) has no clause id; it is matched by
/// kind and text, and compared as units of its own.

#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/language.h"
#include "moudesk/drafting/document.h"

namespace moudesk::drafting {

/// One step of a word diff. Consecutive steps of the same kind are merged; in a replacement the
/// deleted text comes before the inserted text.
struct WordOp {
    enum class Kind { same, inserted, deleted };
    Kind kind = Kind::same;
    std::string text;  ///< words with their following white space, as in the document

    bool operator==(const WordOp&) const = default;
};

/// One block (row) of a compared unit, in one language.
struct BlockText {
    std::string label_before;  ///< "Article 3", "2.", "(b)"; empty when none or absent
    std::string label_after;
    std::vector<WordOp> ops;  ///< the text; `same` only when the block did not change

    /// The text as it reads in the later version (same + inserted).
    std::string after() const;
    /// The text as it read in the earlier version (same + deleted; white space as in the later).
    std::string before() const;
};

/// One block of a compared unit, in every compared language.
struct BlockChange {
    enum class Kind {
        same,      ///< same text (an article heading whose number changed is still `same`)
        inserted,  ///< only in the later version
        deleted,   ///< only in the earlier version
        changed    ///< in both, with different text or a different paragraph/item label
    };
    Kind change = Kind::same;
    BlockKind kind = BlockKind::paragraph;
    std::vector<BlockText> per_language;  ///< one per Comparison::languages, same order
};

/// A clause (or a unit of template text) and what happened to it.
struct ClauseChange {
    enum class Kind {
        added,
        removed,
        changed,
        renumbered,  ///< only its article number or the numbers its cross-references quote changed
        unchanged
    };
    Kind kind = Kind::unchanged;
    std::string clause_id;                ///< empty for template text
    BlockKind unit = BlockKind::article;  ///< template text: the kind of its block (title, part, …)
    Localized title;                     ///< clause title (article heading text); for template text its text, shortened
    Localized label_before;              ///< "Article 3"; empty when added or for template text
    Localized label_after;               ///< "Article 4"; empty when removed or for template text
    bool references_renumbered = false;  ///< a cross-reference now quotes another article number
    std::vector<BlockChange> blocks;     ///< in document order, removed blocks where they were

    bool is_template_text() const { return clause_id.empty(); }
};

/// Two versions compared: the later version's order, removed units where they were.
struct Comparison {
    std::vector<Language> languages;    ///< compared: in both versions, in the later version's order
    std::vector<Language> only_before;  ///< languages the earlier version has and the later lacks
    std::vector<Language> only_after;   ///< languages the later version added
    std::vector<ClauseChange> changes;

    /// Counts of clauses (units with a clause id) of each kind.
    int added() const;
    int removed() const;
    int changed() const;
    int renumbered() const;
    int unchanged() const;
    /// Units of template text (title, preamble, parts, signatures) that are not unchanged.
    int template_changes() const;
    /// No clause or template text added, removed, changed or renumbered, and the same languages.
    bool identical() const;
    /// Index of `language` in `languages`, or -1.
    int column_of(Language language) const;
};

/// "added", "removed", "changed", "renumbered", "unchanged" (stable, for --json and tests).
const char* to_code(ClauseChange::Kind kind);

/// Compares two assembled versions of a draft. Never throws for odd documents: rows with fewer
/// cells than languages compare as empty text.
Comparison compare(const Document& before, const Document& after);

/// The word diff of two texts: words with their following white space, punctuation as tokens of
/// its own; white space alone never makes a difference. Myers' O(ND) algorithm in linear space.
std::vector<WordOp> diff_words(std::string_view before, std::string_view after);

/// A plain-text report for the command line: the counts, then each added, removed, changed and
/// renumbered clause with its article label and title, changed text wdiff-style
/// ("[-old-]{+new+}", long unchanged stretches elided). Throws Error(bad_input) when `language`
/// is not one of the compared languages.
std::string summarize(const Comparison& comparison, Language language);

}  // namespace moudesk::drafting
