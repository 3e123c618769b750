// Lint: what a careful reviewer of a draft would point out before it goes to negotiation.
#include <algorithm>
#include <cctype>
#include <set>

#include "moudesk/core/text.h"
#include "moudesk/drafting/assembler.h"

namespace moudesk::drafting {

namespace {

// A phrase that signals binding (or non-binding) wording. Words are written in lower case and
// compared with the text after fold_case(), unless `exact`, which keeps capitals (the
// designation "Parties" versus "parties" in general).
struct Phrase {
    std::vector<std::string> words;
    bool exact = false;
    bool negatable = false;  // "not legally binding" does not count as binding wording
};

const std::vector<Phrase>& binding_phrases(Language l) {
    static const std::vector<Phrase> en{{{"shall"}},
                                        {{"must"}},
                                        {{"legally", "binding"}, false, true},
                                        {{"undertake", "to"}},
                                        {{"undertakes", "to"}},
                                        {{"are", "obliged"}, false, true},
                                        {{"Parties"}, true},
                                        {{"Party"}, true}};
    static const std::vector<Phrase> fr{{{"doivent"}},
                                        {{"doit"}},
                                        {{"sont", "tenues"}},
                                        {{"est", "tenue"}},
                                        {{"s'engagent", "à"}},
                                        {{"juridiquement", "contraignant"}, false, true},
                                        {{"juridiquement", "contraignants"}, false, true},
                                        {{"Parties"}, true},
                                        {{"Partie"}, true}};
    return l == Language::en ? en : fr;
}

const std::vector<Phrase>& non_binding_phrases(Language l) {
    static const std::vector<Phrase> en{{{"will", "endeavour"}}, {{"endeavour", "to"}}, {{"not", "legally", "binding"}},
                                        {{"non-binding"}},       {{"best", "efforts"}}, {{"Participants"}, true},
                                        {{"Participant"}, true}};
    static const std::vector<Phrase> fr{{{"s'efforceront"}},       {{"s'efforcent"}},
                                        {{"non", "contraignant"}}, {{"pas", "juridiquement", "contraignant"}},
                                        {{"Participants"}, true},  {{"Participant"}, true}};
    return l == Language::en ? en : fr;
}

bool is_negation(const std::string& folded) {
    static const std::set<std::string> words{"not", "no", "non",   "neither", "nor", "without", "never", "pas",
                                             "ne",  "n'", "aucun", "aucune",  "ni",  "sans",    "jamais"};
    return words.count(folded) > 0;
}

// Splits into words: letters, digits, and the apostrophes and hyphens inside a word.
std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool letter = std::isalnum(c) || c >= 0x80;
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
            if (c2 == 0x99) {  // ’ counts as an apostrophe
                word += '\'';
                i += 2;
                continue;
            }
            if (c2 >= 0x98 && c2 <= 0x9D) {  // other curly quotes end a word
                flush();
                i += 2;
                continue;
            }
        }
        if (c == 0xC2 && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) == 0xAB || static_cast<unsigned char>(text[i + 1]) == 0xBB ||
             static_cast<unsigned char>(text[i + 1]) == 0xA0)) {  // « » and no-break space
            flush();
            ++i;
            continue;
        }
        if (letter)
            word += static_cast<char>(c);
        else if ((c == '\'' || c == '-') && !word.empty())
            word += static_cast<char>(c);
        else
            flush();
    }
    flush();
    // "n'" stays a word of its own so negations are seen: n'est → n' est
    std::vector<std::string> out;
    for (auto& w : words) {
        if (w.size() > 2 && (w[0] == 'n' || w[0] == 'N') && w[1] == '\'') {
            out.push_back(w.substr(0, 2));
            out.push_back(w.substr(2));
        } else {
            out.push_back(std::move(w));
        }
    }
    return out;
}

// The first phrase of `phrases` found in `words`, or nullptr.
const Phrase* find_phrase(const std::vector<std::string>& words, const std::vector<std::string>& folded,
                          const std::vector<Phrase>& phrases) {
    for (const auto& phrase : phrases) {
        const std::size_t n = phrase.words.size();
        for (std::size_t i = 0; i + n <= words.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k)
                match = phrase.exact ? words[i + k] == phrase.words[k] : folded[i + k] == phrase.words[k];
            if (!match) continue;
            if (phrase.negatable) {
                bool negated = false;
                for (std::size_t back = 1; back <= 3 && back <= i; ++back)
                    negated = negated || is_negation(folded[i - back]);
                if (negated) continue;
            }
            return &phrase;
        }
    }
    return nullptr;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

const char* language_name(Language l) {
    return l == Language::en ? "English" : "French";
}

void check_wording(const Draft& draft, const Assembly& assembly, std::vector<Finding>& findings) {
    const Document& doc = assembly.document;
    const bool binding = draft.binding();
    std::set<std::string> reported;  // clause|language|phrase, once each
    std::string place = "the preamble";
    for (const auto& row : doc.rows) {
        if (row.kind == BlockKind::article) place = row.cells.front().label;
        if (row.kind == BlockKind::signature_intro) place = "the signature block";
        if (row.kind != BlockKind::paragraph && row.kind != BlockKind::item && row.kind != BlockKind::preamble &&
            row.kind != BlockKind::signature_intro)
            continue;
        for (std::size_t col = 0; col < row.cells.size(); ++col) {
            Language l = doc.languages[col];
            const Block& block = row.cells[col];
            // Only the text the library and the user wrote: party names are names, not wording.
            std::string text;
            for (const auto& span : block.spans)
                if (span.style == Span::Style::plain || span.style == Span::Style::field) text += span.text + " ";
            auto words = split_words(text);
            std::vector<std::string> folded;
            folded.reserve(words.size());
            for (const auto& w : words) folded.push_back(fold_case(w));
            const Phrase* p = find_phrase(words, folded, binding ? non_binding_phrases(l) : binding_phrases(l));
            if (!p) continue;
            std::string key = block.clause_id + "|" + to_code(l) + "|" + join(p->words);
            if (!reported.insert(key).second) continue;
            std::string what =
                binding ? "non-binding wording in a binding instrument" : "binding wording in a non-binding instrument";
            std::string phrase = l == Language::en ? "“" + join(p->words) + "”" : "« " + join(p->words) + " »";
            std::string element;
            if (const auto* c = assembly.find(block.clause_id)) element = c->clause->element;
            findings.push_back({Severity::warning,
                                Finding::Kind::wording,
                                place + " (" + language_name(l) + "): " + phrase + " is " + what,
                                {},
                                block.clause_id,
                                element});
        }
    }
}

void check_unused_values(const content::Library& library, const Draft& draft, const Assembly& assembly,
                         std::vector<Finding>& findings) {
    std::set<std::string> reported;
    for (const auto& v : draft.values) {
        if (!reported.insert(v.field).second) continue;
        bool used = std::any_of(assembly.fields.begin(), assembly.fields.end(),
                                [&](const FieldUse& u) { return u.field->id == v.field; });
        if (used) continue;
        if (!library.find_field(v.field))
            findings.push_back({Severity::warning,
                                Finding::Kind::unused_field,
                                "the draft has a value for “" + v.field + "”, which is not a field of the library",
                                v.field,
                                {},
                                {}});
        else
            findings.push_back({Severity::warning,
                                Finding::Kind::unused_field,
                                "the value of field “" + v.field + "” is not used by any chosen clause",
                                v.field,
                                {},
                                {}});
    }
}

void check_languages(const Draft& draft, const Assembly& assembly, std::vector<Finding>& findings) {
    for (const auto& chosen : assembly.clauses) {
        const content::Clause& c = *chosen.clause;
        for (Language l : draft.languages) {
            bool complete = c.title.has(l);
            for (const auto& b : chosen.variant->blocks) complete = complete && b.text.has(l);
            if (!complete)
                findings.push_back({Severity::error,
                                    Finding::Kind::missing_language,
                                    "Article " + std::to_string(chosen.article) + ": clause “" + c.id + "” has no " +
                                        language_name(l) + " text",
                                    {},
                                    c.id,
                                    c.element});
        }
    }
}

}  // namespace

std::vector<Finding> lint(const content::Library& library, const Draft& draft, const Assembly& assembly) {
    std::vector<Finding> findings = assembly.findings;
    check_languages(draft, assembly, findings);
    check_wording(draft, assembly, findings);
    check_unused_values(library, draft, assembly, findings);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    return findings;
}

}  // namespace moudesk::drafting
