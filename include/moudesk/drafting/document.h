#pragma once
/// @brief The format-neutral document the drafting engine produces and every writer renders.
///
/// A document is a list of rows. Each row holds the same block in each of the document's
/// languages (cells[i] is in languages[i]), so a writer can lay the languages out side by side
/// (one table row per document row), one after the other (all rows in the first language, then
/// all rows in the next), or alone (one language).

#include <string>
#include <vector>

#include "moudesk/core/language.h"

namespace moudesk::drafting {

/// A run of text with one style. Writers escape the text; it may hold any Unicode.
struct Span {
    enum class Style {
        plain,
        field,          ///< a value the user filled in
        missing_field,  ///< a field with no value: text is "[label]"; writers highlight it
        term,           ///< a defined term
        reference       ///< a cross-reference to an article; `link` is the target anchor
    };
    std::string text;
    Style style = Style::plain;
    std::string link;
};

/// One party's signature place: "For the …" then label/value lines and room to sign.
struct SignatureCell {
    std::string heading;  ///< "For the Customs Administration of …"
    struct Line {
        std::string label;  ///< "Name"
        std::string value;  ///< "Jane Doe"
    };
    std::vector<Line> lines;
};

enum class BlockKind {
    title,            ///< document title (Word style Title)
    preamble,         ///< an unnumbered preamble paragraph
    part,             ///< a part heading (Heading 1)
    article,          ///< an article heading (Heading 2): label "Article 3", spans the title
    paragraph,        ///< an article paragraph; label "1." or empty when the article has one
    item,             ///< a list item under a paragraph; label "(a)"
    signature_intro,  ///< "Signed at … on …"
    signatures        ///< the signature table: see `signatures`
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string label;                      ///< "Article 3", "2.", "(b)"; empty when none
    std::vector<Span> spans;                ///< the content (for article: its title)
    std::string anchor;                     ///< on article blocks: "article-3", the target of references
    std::string clause_id;                  ///< the clause the block comes from (empty for template text)
    std::vector<SignatureCell> signatures;  ///< kind == signatures: one cell per party

    /// All span texts joined.
    std::string plain_text() const;
};

struct Row {
    BlockKind kind = BlockKind::paragraph;
    std::vector<Block> cells;  ///< one per document language, same order
};

enum class Layout {
    single,        ///< one language
    side_by_side,  ///< two languages in two columns
    sequence       ///< two languages, one after the other
};

/// "single", "side-by-side", "sequence".
const char* to_code(Layout layout);

struct Document {
    std::vector<Language> languages;  ///< one or two
    Layout layout = Layout::single;
    std::vector<Row> rows;
    Localized title;  ///< plain title per language, for headers, footers and metadata

    /// Index of `language` in `languages`, or -1.
    int column_of(Language language) const;
};

}  // namespace moudesk::drafting
