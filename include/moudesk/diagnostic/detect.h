#pragma once
/// @brief Recognising key elements in the text of an existing agreement: sentences, language,
/// pattern matching (clauses/catalogue.xml), negation, and a confidence per element.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/language.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::diagnostic {

/// One sentence of an agreement as the detector reads it: a sentence of running text, a
/// heading, or a list item.
struct Sentence {
    std::string text;                     ///< white space collapsed, line-end hyphenation undone
    bool heading = false;                 ///< a title line such as "Article 5 – Exchange of information"
    bool list_item = false;               ///< starts with a bullet or a number: "•", "(a)", "1.", "iv)"
    bool under_negative_lead_in = false;  ///< a list item under "The following are excluded:"
};

/// Splits an agreement's text into sentences, headings and list items. Copes with abbreviations
/// ("Art.", "No.", "e.g.", "M."), numbered paragraphs ("1.", "2.1", "(a)", "IV."), headings
/// without full stops, lines wrapped inside sentences (text from PDFs), hyphenation at line ends,
/// bullets and page numbers.
std::vector<Sentence> split_sentences(std::string_view text);

/// The language of `text` from its function words ("the", "shall" / « le », « les »); English
/// when there is no evidence either way.
Language detect_language(std::string_view text);

/// A key element recognised in an agreement.
struct Detection {
    std::string element;                ///< key element slug
    double confidence = 0;              ///< 0–1; reported elements have at least Detector::threshold
    std::vector<std::string> evidence;  ///< the sentences that show it, in text order, each once
    std::vector<std::string> negated;   ///< sentences that match but say it is not covered
    std::vector<std::string> patterns;  ///< the catalogue patterns found in the evidence
    bool in_heading = false;            ///< some evidence is a heading
};

/// Everything the detector found in one text, reported or not.
struct Examination {
    Language language = Language::en;  ///< the main language of the text (or the one given)
    std::size_t sentences = 0;
    /// Every key element with at least one match (positive or negated), in catalogue order.
    std::vector<Detection> elements;
};

/// The recognition patterns of a library, compiled once; then detect() on any number of texts.
/// Thread-safe for concurrent detect() calls.
///
/// A pattern is a phrase matched on whole words in any inflection ("exchange of information"
/// finds "exchanges of information"), with "word*" for any word starting with "word" and a lone
/// "*" for one or two words; or parts joined by " + " that must occur within twelve words of one
/// sentence, each part offering alternatives joined by "|" ("disagreement*|dispute* +
/// resolv*|settl*"); "heading: …" restricts a pattern to a heading that names the element.
/// clauses/catalogue.xml explains how each form weighs.
class Detector {
public:
    /// Elements below this confidence are not reported: a single generic one-word match
    /// ("annex", "dispute") in one sentence stays under it, one specific phrase passes.
    static constexpr double threshold = 0.5;

    /// Compiles the patterns of every key element in `library` (both languages).
    explicit Detector(const content::Library& library);
    ~Detector();
    Detector(Detector&&) noexcept;
    Detector& operator=(Detector&&) noexcept;

    /// The key elements `text` covers, in catalogue order, with confidence ≥ threshold.
    /// `language` forces the patterns used; by default each sentence uses its own language,
    /// falling back to the text's main language.
    std::vector<Detection> detect(std::string_view text, std::optional<Language> language = std::nullopt) const;

    /// Like detect(), but keeps elements below the threshold and those only negated.
    Examination examine(std::string_view text, std::optional<Language> language = std::nullopt) const;

private:
    struct Compiled;
    std::unique_ptr<Compiled> compiled_;
};

/// Detector(library).detect(text, language): for one text. Compile a Detector to check many.
std::vector<Detection> detect(const content::Library& library, std::string_view text,
                              std::optional<Language> language = std::nullopt);

}  // namespace moudesk::diagnostic
