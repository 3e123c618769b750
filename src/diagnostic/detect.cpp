// Recognising key elements in agreements: the text is cut into sentences, headings and list
// items; each sentence is reduced to folded, accent-free words and their stems; the catalogue
// patterns (phrases, terms close together in one sentence, heading words) are matched on those
// words; negations scoped over a match move it to `negated`; the confidence of an element grows
// with the distinct patterns, the sentences and the headings that show it.
#include "moudesk/diagnostic/detect.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "moudesk/content/library.h"
#include "moudesk/core/text.h"

namespace moudesk::diagnostic {

namespace {

// ---- characters --------------------------------------------------------------------------------

struct CodePoint {
    char32_t cp;
    std::size_t len;
};

// Lenient UTF-8 decoding: a broken byte reads as U+FFFD and is skipped.
CodePoint decode_at(std::string_view s, std::size_t i) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(s, i, cp);
    return len == 0 ? CodePoint{0xFFFD, 1} : CodePoint{cp, len};
}

bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC || c == 0xB4 || c == '`' || c == 0x2032;
}
bool is_hyphen(char32_t c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}
bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B);
}
bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE00 && c <= 0xFE6F) return false;
    return c != 0xFEFF && c != 0xFFFD && c != 0x2BC;
}
bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool is_lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

// Lower case without accents: what patterns and text are compared on ("Échange" → "echange",
// "œuvre" → "oeuvre").
void append_folded(std::string& out, char32_t c) {
    static constexpr std::string_view latin1 = "aaaaaa?ceeeeiiiidnooooo?ouuuuyt?aaaaaa?ceeeeiiiidnooooo?ouuuuyty";
    static constexpr std::string_view extended_a =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllllnnnnnnnnnoooooo??"
        "rrrrrrssssssssttttttuuuuuu"
        "uuuuuuwwyyyzzzzzzs";
    if (c < 0x80) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c >= 0xC0 && c <= 0xFF) {
        char m = latin1[c - 0xC0];
        if (c == 0xC6 || c == 0xE6)
            out += "ae";
        else if (c == 0xDF)
            out += "ss";
        else if (m != '?')
            out += m;
    } else if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x152 || c == 0x153)
            out += "oe";
        else
            out += extended_a[c - 0x100];
    } else {
        append_utf8(out, c);  // other scripts are kept as they are
    }
}

// Lower case, accents kept; œ, æ and ß spelt out so that each letter folds to one letter.
void append_lower(std::string& out, char32_t c) {
    if (c == 0x152 || c == 0x153) {
        out += "oe";
        return;
    }
    if (c == 0xC6 || c == 0xE6) {
        out += "ae";
        return;
    }
    if (c == 0xDF) {
        out += "ss";
        return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) c += 32;
    // Latin Extended-A pairs: upper case on even code points, except 0x139–0x148 and 0x179–0x17E.
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149 && c != 0x17F && ((c % 2 == 1) == odd_upper)) c += 1;
    append_utf8(out, c);
}

// Whether the accents of a text word fit a pattern word that already matched without accents:
// the text may leave out an accent the pattern has (« echange » for « échange », as in text typed
// without accents or in capitals), but may not add one, so « entre* en vigueur » (the verb) does
// not match « entrée en vigueur » (the noun).
// Only the first `letters` letters are compared when a word matched by its stem ("échangées"
// for "échange").
bool accents_fit(std::string_view pattern, std::string_view text, std::size_t letters = std::string_view::npos) {
    std::size_t i = 0, j = 0;
    for (std::size_t n = 0; n < letters && i < pattern.size() && j < text.size(); ++n) {
        auto [p, plen] = decode_at(pattern, i);
        auto [t, tlen] = decode_at(text, j);
        i += plen;
        j += tlen;
        if (p == t) continue;
        if (t >= 0x80) return false;  // an accent (or letter) the pattern does not have
        std::string folded;
        append_folded(folded, p);
        if (folded.size() != 1 || static_cast<unsigned char>(folded[0]) != t) return false;
    }
    return i >= pattern.size() || letters != std::string_view::npos;
}

// ---- words -------------------------------------------------------------------------------------

// What stands between two words. A pattern's white space also matches a hyphen ("risk-analysis"),
// its apostrophe only an apostrophe (’ and ' alike).
enum class Sep : unsigned char { space, hyphen, apostrophe, slash, comma, colon, semicolon, other };

struct Token {
    std::string word;  // folded, no accents: what lookups compare
    Sep before = Sep::other;
    bool prefix = false;    // pattern words only: written with a trailing '*'
    std::string lower;      // lower case with its accents (ligatures spelt out), for accents_fit()
    bool accented = false;  // `lower` has a letter outside ASCII
    bool gap = false;       // pattern words only: a lone '*', standing for one or two words
    std::string stem;       // `word` without its inflection (see stem()), in the sentence's language
};

Sep classify_gap(bool space, int hyphens, int apostrophes, int slashes, int commas, int colons, int semicolons,
                 int others) {
    if (semicolons) return Sep::semicolon;
    if (colons) return Sep::colon;
    if (others) return Sep::other;
    if (commas) return Sep::comma;
    if (slashes == 1 && !space && !hyphens && !apostrophes) return Sep::slash;
    if (apostrophes && !hyphens && !slashes) return Sep::apostrophe;
    if (hyphens == 1 && !space && !slashes) return Sep::hyphen;
    if (hyphens || slashes) return Sep::other;
    return Sep::space;
}

std::vector<Token> tokenize(std::string_view text, bool wildcards = false) {
    std::vector<Token> tokens;
    bool in_word = false, space = false;
    int hyphens = 0, apostrophes = 0, slashes = 0, commas = 0, colons = 0, semicolons = 0, others = 1;
    for (std::size_t i = 0; i < text.size();) {
        auto [c, len] = decode_at(text, i);
        i += len;
        if (c == 0xAD) continue;  // soft hyphen: inside a word
        if (is_word_char(c)) {
            if (!in_word) {
                Token token;
                token.before = classify_gap(space, hyphens, apostrophes, slashes, commas, colons, semicolons, others);
                tokens.push_back(std::move(token));
                space = false;
                hyphens = apostrophes = slashes = commas = colons = semicolons = others = 0;
                in_word = true;
            }
            append_folded(tokens.back().word, c);
            append_lower(tokens.back().lower, c);
            if (static_cast<unsigned char>(tokens.back().lower.back()) >= 0x80) tokens.back().accented = true;
            continue;
        }
        if (wildcards && c == '*' && in_word) {
            tokens.back().prefix = true;
        } else if (wildcards && c == '*') {
            Token gap;
            gap.gap = true;
            gap.before = Sep::space;
            tokens.push_back(std::move(gap));
            space = false;
            hyphens = apostrophes = slashes = commas = colons = semicolons = others = 0;
        } else if (is_space(c)) {
            space = true;
        } else if (is_hyphen(c)) {
            ++hyphens;
        } else if (is_apostrophe(c)) {
            ++apostrophes;
        } else if (c == '/') {
            ++slashes;
        } else if (c == ',') {
            ++commas;
        } else if (c == ':') {
            ++colons;
        } else if (c == ';') {
            ++semicolons;
        } else {
            ++others;
        }
        in_word = false;
    }
    return tokens;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// ---- inflection ---------------------------------------------------------------------------------

// A light stemmer on folded words: it strips the endings of number, gender and verb inflection,
// so that a pattern written in one form also matches the others ("exchange of information"
// matches "exchanges of information", "shared intelligence" matches "share intelligence";
// « données échangées » matches « données échangé »). It does not reduce derived words to their
// root: "operation" and "operate", « information » and « informer » stay apart.
std::string stem(std::string_view word, Language language) {
    std::string w(word);
    auto ends = [&](std::string_view suffix) { return w.size() > suffix.size() && w.ends_with(suffix); };
    auto cut = [&](std::size_t n) { w.resize(w.size() - n); };
    if (w.size() <= 3 || std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return w;
    if (language == Language::en) {
        if (ends("ies") && w.size() > 4) {
            cut(3);
            w += 'y';
        } else if (ends("sses")) {
            cut(2);
        } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
            cut(1);
        }
        if (ends("ing") && w.size() > 5)
            cut(3);
        else if (ends("ied") && w.size() > 4) {
            cut(3);
            w += 'y';
        } else if (ends("ed") && w.size() > 4)
            cut(2);
        if (ends("e") && w.size() > 3) cut(1);
        if (ends("y") && w.size() > 3) w.back() = 'i';
        // "planned" → "plann" → "plan"
        if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2] &&
            std::string_view("bdgmnprt").find(w.back()) != std::string_view::npos)
            cut(1);
        return w;
    }
    if (ends("aux") && w.size() > 5) {
        cut(2);
        w += 'l';
        return w;
    }
    if (ends("s") || ends("x")) cut(1);
    if (ends("ent") && w.size() > 6)
        cut(3);
    else if ((ends("er") || ends("ez")) && w.size() > 4)
        cut(2);
    else if (ends("ee") && w.size() > 4)
        cut(2);
    else if (ends("e") && w.size() > 3)
        cut(1);
    return w;
}

// ---- language ----------------------------------------------------------------------------------

// Frequent words of each language that the other does not use; folded like the text.
const std::unordered_set<std::string_view>& function_words(Language language) {
    static const std::unordered_set<std::string_view> en{
        "the",  "of", "and", "to", "shall", "will", "this", "that",  "with", "by",
        "for",  "is", "are", "be", "or",    "any",  "each", "which", "its",  "their",
        "from", "on", "at",  "as", "it",    "may",  "not",  "in",    "an",   "other"};
    static const std::unordered_set<std::string_view> fr{
        "le",   "la",  "les", "des", "du", "et",     "est",     "sont",     "pour", "par",  "dans",  "au",   "aux",
        "une",  "un",  "qui", "que", "ou", "sur",    "ce",      "cette",    "ces",  "leur", "leurs", "avec", "etre",
        "peut", "pas", "ne",  "d",   "l",  "chaque", "present", "presente", "de",   "il",   "elles"};
    return language == Language::en ? en : fr;
}

struct LanguageVotes {
    int en = 0, fr = 0;
    void add(const std::vector<Token>& tokens) {
        for (const auto& t : tokens) {
            if (function_words(Language::en).contains(t.word)) ++en;
            if (function_words(Language::fr).contains(t.word)) ++fr;
        }
    }
    Language winner(Language tie) const { return en > fr ? Language::en : fr > en ? Language::fr : tie; }
    // A sentence decides its own language only on clear evidence; short headings do not.
    std::optional<Language> clear() const {
        if (en >= 3 && en > 2 * fr) return Language::en;
        if (fr >= 3 && fr > 2 * en) return Language::fr;
        return std::nullopt;
    }
};

// ---- negation ----------------------------------------------------------------------------------

// Elements whose statements are about the agreement itself, where "not" is the content:
// "this Memorandum is not legally binding" covers the legal status.
bool polarity_neutral(std::string_view slug) {
    return slug == "legal-status";
}

// Confidentiality is mostly written as prohibitions ("officers will not pass any information to
// anyone outside the two offices"): for data protection only a negation of scope ("is outside
// the scope", "does not cover", « ne relève pas ») cancels a match.
bool said_in_prohibitions(std::string_view slug) {
    return slug == "data-protection";
}

struct Clause {
    std::size_t begin, end;
};

// The clause around word `at`: semicolons and contrastive conjunctions bound a negation's scope,
// so "X is excluded; Y will be done" does not negate Y.
Clause clause_around(const std::vector<Token>& t, std::size_t at) {
    auto boundary = [&](std::size_t i) {
        if (t[i].before == Sep::semicolon) return true;
        const std::string& w = t[i].word;
        if (one_of(w, {"but", "however", "whereas", "although", "mais", "toutefois", "cependant", "tandis", "neanmoins",
                       "pourtant"}))
            return true;
        return w == "en" && i + 1 < t.size() && t[i + 1].word == "revanche";
    };
    std::size_t b = at;
    while (b > 0 && !boundary(b)) --b;
    std::size_t e = at + 1;
    while (e < t.size() && !boundary(e)) ++e;
    return {b, e};
}

// Words that turn a negation into a condition or a saving clause: "shall not be passed on
// without consent", "termination does not affect", « ne … qu'avec l'accord ». Such a sentence
// regulates the matter, so it is evidence of coverage.
bool restricts(const std::string& w, Language language) {
    if (language == Language::en)
        return one_of(w, {"without", "unless", "except", "save", "than", "until", "before", "prior", "affect",
                          "affects", "prejudice", "replace", "replaces", "otherwise"});
    return one_of(w, {"sans", "sauf", "avant", "hormis", "excepte", "moins", "atteinte", "prejudice", "autrement"});
}

struct Cues {
    bool strong = false;          // scope negation anywhere in the clause
    std::vector<std::size_t> at;  // positions of ordinary negations
    bool restricted = false;      // a condition or saving word in the clause
    bool conditional = false;     // the clause opens with "where", "if", « lorsque »…
};

// "Where the Committee cannot settle the dispute…", « Lorsqu'une affaire ne relève pas… »: a
// negation inside a condition sets a rule for the matter; it does not exclude it.
bool conditional_word(const std::string& w, Language language) {
    return language == Language::en ? one_of(w, {"where", "if", "whenever", "when", "should"})
                                    : one_of(w, {"lorsque", "lorsqu", "si", "quand"});
}

// "not covered", "does not apply", "no provision": negations about what the agreement covers.
bool scope_word_en(const std::string& w) {
    return one_of(
        w, {"cover",     "covers",    "covered",      "apply",    "applies", "applicable", "address",   "addresses",
            "addressed", "deal",      "deals",        "dealt",    "include", "includes",   "included",  "extend",
            "extends",   "govern",    "governs",      "governed", "concern", "concerns",   "regulate",  "regulated",
            "foreseen",  "envisaged", "contemplated", "part",     "within",  "provision",  "provisions"});
}

bool scope_stem_fr(const std::string& w) {
    for (std::string_view stem : {"relev", "appliqu", "couvr", "couvert", "vis", "prevoi", "prevu", "trait", "concern",
                                  "compren", "compri", "inclu", "regi", "abord", "champ"})
        if (w.starts_with(stem)) return true;
    return false;
}

Cues find_cues(const std::vector<Token>& t, Clause c, Language language) {
    Cues cues;
    for (std::size_t i = c.begin; i < c.end; ++i) {
        const std::string& w = t[i].word;
        auto next = [&](std::size_t k) -> const std::string& {
            static const std::string none;
            return i + k < c.end ? t[i + k].word : none;
        };
        if (restricts(w, language)) cues.restricted = true;
        if (conditional_word(w, language) && cues.at.empty() && !cues.strong) cues.conditional = true;
        if (language == Language::en) {
            if (one_of(w, {"excluded", "exclude", "excludes"})) cues.strong = true;
            if ((w == "outside" || w == "beyond") &&
                (one_of(next(1), {"scope", "ambit", "remit"}) || one_of(next(2), {"scope", "ambit", "remit"}) ||
                 one_of(next(3), {"scope", "ambit", "remit"})))
                cues.strong = true;
            if (one_of(w, {"not", "no", "never", "none", "neither", "nor", "cannot"})) {
                const std::string& n1 = next(1);
                bool quantity = one_of(n1, {"later", "less", "more", "fewer", "longer", "earlier", "sooner",
                                            "exceeding", "only", "limited", "necessarily"}) ||
                                (!n1.empty() && n1[0] >= '0' && n1[0] <= '9');
                bool whether = i >= 2 && t[i - 1].word == "or" && t[i - 2].word == "whether";
                if (quantity || whether) continue;
                // "not covered", "does not apply", "is not part of", "no provision".
                std::size_t k = 1;
                while (one_of(next(k), {"be", "been", "is", "are", "being", "to", "in", "any", "a", "form"}) && k < 3)
                    ++k;
                if (scope_word_en(next(k)) ||
                    (one_of(next(k), {"provide", "provides", "provided"}) && next(k + 1) == "for"))
                    cues.strong = true;
                cues.at.push_back(i);
            }
        } else {
            if (w.starts_with("exclu")) cues.strong = true;
            if ((w == "hors" || w == "dehors") &&
                (one_of(next(1), {"champ", "cadre", "perimetre"}) || one_of(next(2), {"champ", "cadre", "perimetre"}) ||
                 one_of(next(3), {"champ", "cadre", "perimetre"})))
                cues.strong = true;
            if (w == "aucune" && next(1) == "disposition") cues.strong = true;
            if (w == "sans" && next(1) == "objet") cues.strong = true;
            if ((w == "non" || w == "pas") && next(1) == "applicable") cues.strong = true;
            if (w == "ne" || (w == "n" && i + 1 < c.end && t[i + 1].before == Sep::apostrophe)) {
                // « ne … pas/point/aucun/ni/jamais »; « ne … que » restricts instead.
                std::size_t particle = 0;
                bool only = false;
                for (std::size_t k = i + 1; k < c.end && k <= i + 6; ++k) {
                    const std::string& p = t[k].word;
                    if (one_of(p, {"pas", "point", "aucun", "aucune", "jamais", "ni", "nullement", "guere", "rien"})) {
                        particle = k;
                        break;
                    }
                    if (p == "que" || p == "qu") {
                        only = true;
                        break;
                    }
                }
                if (only) {
                    cues.restricted = true;
                    continue;
                }
                if (!particle) continue;
                for (std::size_t k = i + 1; k < c.end && k <= particle + 3; ++k) {
                    if (k > particle && t[k].word == "atteinte") break;
                    if (scope_stem_fr(t[k].word) || (t[k].word == "porte" && k + 1 < c.end && t[k + 1].word == "sur")) {
                        cues.strong = true;
                        break;
                    }
                }
                cues.at.push_back(i);
            } else if (one_of(w, {"aucun", "aucune", "ni", "jamais"})) {
                cues.at.push_back(i);
            }
        }
    }
    return cues;
}

// Whether a negation in the clause scopes over the match at [begin, end).
bool negates(const Cues& cues, std::size_t begin) {
    if (cues.conditional) return false;
    if (cues.strong) return true;
    if (cues.restricted) return false;
    // An ordinary negation scopes over what follows it closely: "will not conduct joint
    // operations", « ne procèdent pas à des opérations conjointes ». After the match it usually
    // governs a restriction ("personal data will not be kept longer…") and is left alone.
    for (std::size_t at : cues.at)
        if (at < begin && begin - at <= 8) return true;
    return false;
}

bool negative_lead_in(const std::vector<Token>& t) {
    if (t.empty()) return false;
    for (Language language : all_languages) {
        Cues cues = find_cues(t, {0, t.size()}, language);
        if (cues.strong || (!cues.at.empty() && !cues.restricted)) return true;
    }
    return false;
}

// ---- sentences ---------------------------------------------------------------------------------

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_roman(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos; });
}
bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "2.1", "A.2.1", "C.12": numbers joined by dots, optionally after one capital letter.
bool is_outline_number(std::string_view s) {
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.') s.remove_prefix(2);
    if (s.empty()) return false;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t dot = s.find('.', start);
        std::string_view part = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
        if (!is_digits(part) || part.size() > 3) return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
        if (start == s.size()) return true;  // "2.1."
    }
    return true;
}

// List markers, by kind, so that a list under a lead-in can be told from the numbered paragraph
// that follows it.
enum class Marker { none, bullet, paren, letter_paren, number, outline, roman_dot };

struct MarkerInfo {
    Marker kind = Marker::none;
    std::size_t length = 0;  // bytes of the marker and the space after it
};

MarkerInfo list_marker(std::string_view line) {
    if (line.empty()) return {};
    auto [c, len] = decode_at(line, 0);
    auto followed_by_space = [&](std::size_t at) { return at < line.size() && (line[at] == ' ' || line[at] == '\t'); };
    static constexpr char32_t bullets[] = {0x2022, 0x25E6, 0x25AA, 0x25AB, 0x2023, 0xB7,   0x2013, 0x2014, '-',
                                           '*',    0x25BA, 0x27A2, 0x2043, 0x25CF, 0x25A0, 0x2219, 0xF0B7, 0x2012};
    if (std::find(std::begin(bullets), std::end(bullets), c) != std::end(bullets) && followed_by_space(len))
        return {Marker::bullet, len + 1};
    std::size_t space = line.find(' ');
    std::string_view head = line.substr(0, space);
    if (space == std::string_view::npos) return {};
    if (head.size() >= 3 && head.front() == '(' && head.back() == ')') {
        std::string_view inner = head.substr(1, head.size() - 2);
        if (is_digits(inner) || is_roman(inner) || (inner.size() == 1 && is_ascii_letter(inner[0])))
            return {Marker::paren, space + 1};
    }
    if (head.size() >= 2 && (head.back() == ')' || head.back() == '.')) {
        std::string_view inner = head.substr(0, head.size() - 1);
        if (inner.size() == 1 && is_ascii_letter(inner[0]) && head.back() == ')')
            return {Marker::letter_paren, space + 1};
        if (is_digits(inner) && inner.size() <= 3) return {Marker::number, space + 1};
        if (is_roman(inner) && head.back() == '.' &&
            std::all_of(inner.begin(), inner.end(), [](char ch) { return ch >= 'A'; }))
            return {Marker::roman_dot, space + 1};
        if (is_roman(inner) && head.back() == ')') return {Marker::letter_paren, space + 1};
    }
    if (head.ends_with("\xC2\xB0") && is_digits(head.substr(0, head.size() - 2)))
        return {Marker::number, space + 1};  // 1°
    if (head.find('.') != std::string_view::npos && is_outline_number(head)) return {Marker::outline, space + 1};
    return {};
}

// Words that open an article or part heading: "Article 5", "Section 2 –", « Chapitre 3 ».
bool starts_with_heading_word(std::string_view line) {
    std::vector<Token> t = tokenize(line.substr(0, std::min<std::size_t>(line.size(), 40)));
    if (t.size() < 2) return false;
    if (!one_of(t[0].word, {"article", "art", "section", "part", "chapter", "chapitre", "titre", "title", "annex",
                            "annexe", "appendix", "schedule", "paragraph", "paragraphe", "partie", "module"}))
        return false;
    const std::string& n = t[1].word;
    return is_digits(n) || is_roman(n) || n.size() == 1 ||
           one_of(n, {"premier", "premiere", "1er", "one", "two", "three", "four", "five", "six", "seven", "eight",
                      "nine", "ten", "unique", "i"});
}

int word_count(std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\t';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

// The first letter of `s`, or 0.
char32_t first_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto [c, len] = decode_at(s, i);
        if (is_word_char(c)) return c;
        i += len;
    }
    return 0;
}

bool all_caps(std::string_view s) {
    int upper = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto [c, len] = decode_at(s, i);
        i += len;
        if (is_lower(c)) return false;
        if (is_upper(c)) ++upper;
    }
    return upper >= 3;
}

bool ends_closed(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'')) s.remove_suffix(1);
    if (s.ends_with("\xC2\xBB") || s.ends_with("\xE2\x80\x9D")) return true;  // » ”
    return !s.empty() && std::string_view(".:;!?").find(s.back()) != std::string_view::npos;
}

// "and", "of the", « de la »: a line ending on one of these continues on the next.
bool ends_with_connector(std::string_view s) {
    std::vector<Token> t = tokenize(s.substr(s.size() > 30 ? s.size() - 30 : 0));
    if (t.empty()) return false;
    if (s.back() == ',' || s.back() == '-' || s.back() == '(') return true;
    return one_of(t.back().word,
                  {"and", "or", "of", "the", "to",  "for", "with", "by", "in",  "on",  "a",    "an", "de",
                   "et",  "ou", "la", "le",  "les", "des", "du",   "au", "aux", "par", "pour", "en", "sur"});
}

// A page number or a running footer ("page 2", "- 2 -", "Page 3 of 30").
bool page_number_line(std::string_view line) {
    std::string key = fold_case(line);
    for (std::string_view prefix : {"page ", "p. ", "seite "})
        if (key.starts_with(prefix)) key.erase(0, prefix.size());
    bool digit = false;
    for (char c : key) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != ' ' && c != '-' && c != '/' && c != '.' && c != 'o' && c != 'f' && c != 's' && c != 'u' &&
                 c != 'r')
            return false;
    }
    return digit && key.size() <= 16;
}

std::string footer_key(std::string_view line) {
    std::string key;
    for (char c : line)
        if (!(c >= '0' && c <= '9') && c != ' ') key += c;
    return key;
}

std::string clean_line(std::string_view raw) {
    std::string line;
    line.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        auto [c, len] = decode_at(raw, i);
        if (c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0x2009 || c == 0x3000)
            line += ' ';
        else if (c == 0xAD || c == 0xFEFF || c == '\r' || c == 0x0C) {
        } else
            line.append(raw.substr(i, len));
        i += len;
    }
    return collapse_spaces(line);
}

// Where a unit of text (a paragraph, list item or heading) comes from.
struct Unit {
    std::string text;
    bool heading = false;
    Marker marker = Marker::none;
};

bool abbreviation(std::string_view word_before_dot) {
    std::string w = fold_case(word_before_dot);
    if (w.find('.') != std::string::npos) return true;  // e.g, i.e, U.S
    static const std::unordered_set<std::string_view> known{
        "art", "arts",   "no",   "nos", "nr",   "cf",   "vol",  "ch",   "chap", "sect", "sec", "para", "paras",
        "p",   "pp",     "mr",   "mrs", "ms",   "dr",   "prof", "st",   "m",    "mm",   "mme", "mlle", "me",
        "vs",  "approx", "incl", "ref", "fig",  "tel",  "dept", "av",   "bd",   "ltd",  "inc", "co",   "corp",
        "jr",  "sr",     "gen",  "col", "lt",   "capt", "sgt",  "insp", "supt", "al",   "seq", "ss",   "n",
        "op",  "cit",    "ibid", "viz", "resp", "min",  "dir",  "doc",  "nb",   "ex",   "env"};
    return known.contains(w);
}

void split_unit(const Unit& unit, std::vector<Sentence>& out) {
    if (unit.heading) {
        out.push_back({unit.text, true, unit.marker != Marker::none, false});
        return;
    }
    const std::string& s = unit.text;
    std::size_t start = 0;
    auto emit = [&](std::size_t end) {
        std::string_view piece = trim(std::string_view(s).substr(start, end - start));
        if (first_letter(piece) != 0) out.push_back({std::string(piece), false, unit.marker != Marker::none, false});
        start = end;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ellipsis = s.compare(i, 3, "\xE2\x80\xA6") == 0;
        if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
        std::size_t j = i + (ellipsis ? 3 : 1);
        while (j < s.size() && (s[j] == '"' || s[j] == ')' || s[j] == '\'' || s[j] == '.')) ++j;
        if (s.compare(j, 3, "\xE2\x80\x9D") == 0 || s.compare(j, 3, "\xE2\x80\x99") == 0) j += 3;  // ” ’
        if (j >= s.size()) break;
        if (s[j] != ' ') continue;
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k >= s.size()) break;
        char32_t next = decode_at(s, k).cp;
        bool opens = is_upper(next) || (next >= '0' && next <= '9') || next == '"' || next == '(' || next == 0xAB ||
                     next == 0x201C || next == 0x2022;
        if (!opens) continue;
        if (c == '.') {
            // The word before the full stop: an abbreviation, an initial or a paragraph number
            // does not end the sentence.
            std::size_t w = i;
            while (w > start && s[w - 1] != ' ' && s[w - 1] != '(') --w;
            std::string_view word = std::string_view(s).substr(w, i - w);
            if (abbreviation(word)) continue;
            std::string_view so_far = trim(std::string_view(s).substr(start, i + 1 - start));
            if (so_far.find(' ') == std::string_view::npos &&
                (list_marker(std::string(so_far) + " x").kind != Marker::none || is_outline_number(so_far)))
                continue;
            if (word.size() == 1 && is_upper(static_cast<unsigned char>(word[0])) && next >= 'A' && next <= 'Z' &&
                w >= 2) {
                // "J. Smith" after a title or another initial.
                std::size_t pw = w - 1;
                while (pw > start && s[pw - 1] != ' ') --pw;
                std::string_view prev = std::string_view(s).substr(pw, w - 1 - pw);
                if (abbreviation(prev.substr(0, prev.empty() ? 0 : prev.size() - (prev.back() == '.' ? 1 : 0))) ||
                    (prev.size() == 2 && prev[1] == '.'))
                    continue;
            }
        }
        emit(j);
    }
    emit(s.size());
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
    // Lines, cleaned, without page numbers and repeated running footers.
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(clean_line(text.substr(start, end - start)));
        start = end + 1;
    }
    std::unordered_map<std::string, int> footers;
    for (const auto& line : lines)
        if (!line.empty() && word_count(line) <= 12) ++footers[footer_key(line)];
    for (auto& line : lines) {
        if (page_number_line(line)) {
            line.clear();
            continue;
        }
        // "Northgate Local Arrangement      page 2": a short line ending in a page number that
        // recurs through the text.
        std::string folded = fold_case(line);
        auto at = folded.rfind("page ");
        if (at != std::string::npos && word_count(line) <= 12 &&
            is_digits(trim(std::string_view(folded).substr(at + 5))) && footers[footer_key(line)] >= 2)
            line.clear();
    }

    std::vector<Unit> units;
    Unit current;
    auto flush = [&] {
        if (!current.text.empty()) units.push_back(std::move(current));
        current = Unit{};
    };
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        if (line.empty()) {
            flush();
            continue;
        }
        MarkerInfo marker = list_marker(line);
        bool keyword = starts_with_heading_word(line);
        bool closed = current.text.empty() || ends_closed(current.text);
        std::string_view body = std::string_view(line).substr(marker.length);
        std::string_view next_line;
        for (std::size_t m = n + 1; m < lines.size(); ++m)
            if (!lines[m].empty()) {
                next_line = lines[m];
                break;
            }
        bool next_blank = n + 1 >= lines.size() || lines[n + 1].empty();
        char32_t next_first = next_line.empty() ? 0 : decode_at(next_line, 0).cp;
        bool next_opens = next_blank || next_line.empty() || is_upper(next_first) ||
                          (next_first >= '0' && next_first <= '9') || list_marker(next_line).kind != Marker::none ||
                          next_first == '(' || next_first == 0xAB || next_first == '"';
        char32_t first = first_letter(body);
        bool short_line = word_count(body) <= 12 && body.size() <= 100;
        bool heading = marker.kind != Marker::bullet && marker.kind != Marker::paren &&
                       marker.kind != Marker::letter_paren && short_line && !ends_closed(line) &&
                       !ends_with_connector(line) && next_opens && (closed || current.heading) &&
                       (is_upper(first) || (first >= '0' && first <= '9') || keyword);
        if (!heading && all_caps(line) && word_count(line) <= 20 && (closed || current.heading) &&
            marker.kind != Marker::bullet)
            heading = true;

        bool starts_new = heading || marker.kind == Marker::bullet || marker.kind == Marker::paren ||
                          ((marker.kind != Marker::none || keyword) && (closed || current.heading));
        // A list item that ended with a full stop is followed by running text, not continued.
        bool after_item = current.marker != Marker::none && current.text.ends_with('.') && is_upper(first_letter(line));
        if (starts_new || current.heading || after_item) flush();
        if (current.text.empty()) {
            current.text = line;
            current.heading = heading;
            current.marker = marker.kind;
        } else {
            // A line wrapped inside a sentence; "infor-" + "mation" is one word.
            std::string& t = current.text;
            bool hyphenated = t.size() >= 2 && t.back() == '-' && is_lower(decode_at(line, 0).cp) &&
                              is_word_char(static_cast<unsigned char>(t[t.size() - 2]));
            if (hyphenated)
                t.pop_back();
            else
                t += ' ';
            t += line;
        }
        if (heading) flush();
    }
    flush();

    std::vector<Sentence> out;
    bool negative = false;
    Marker negative_kind = Marker::none;
    for (const Unit& unit : units) {
        std::size_t first = out.size();
        split_unit(unit, out);
        if (out.size() == first) continue;
        if (negative && unit.marker != Marker::none &&
            (negative_kind == Marker::none || unit.marker == negative_kind)) {
            negative_kind = unit.marker;
            for (std::size_t i = first; i < out.size(); ++i) out[i].under_negative_lead_in = true;
            continue;
        }
        const Sentence& last = out.back();
        negative = !last.heading && last.text.ends_with(':') && negative_lead_in(tokenize(last.text));
        negative_kind = Marker::none;
    }
    return out;
}

Language detect_language(std::string_view text) {
    LanguageVotes votes;
    votes.add(tokenize(text));
    return votes.winner(Language::en);
}

// ---- the detector ------------------------------------------------------------------------------

namespace {

// A catalogue pattern: one phrase, or several parts joined by " + " that must all occur close
// together in one sentence ("pass* on + intelligence"), optionally only in headings
// ("heading: costs"). A part may offer alternative phrases joined by "|"
// ("disagreement*|dispute* + resolv*|settl*").
using Phrase = std::vector<Token>;
struct Pattern {
    std::size_t element = 0;
    std::string text;                        // as written in the catalogue
    std::vector<std::vector<Phrase>> parts;  // the parts, each with its alternative phrases
    bool heading_only = false;
    double weight = 1.0;
};

// One alternative phrase of one part of one pattern.
struct PhraseRef {
    std::size_t pattern, part, alternative;
};

// Where a phrase of a pattern occurs in a sentence: words [begin, end).
struct Hit {
    std::size_t pattern, part, begin, end;
};

struct LanguagePatterns {
    std::vector<Pattern> patterns;
    // Phrases by their first word's stem, and those starting with a prefix word ("exchang*") by
    // its first three letters (shorter prefixes in `short_prefixes`).
    std::unordered_map<std::string, std::vector<PhraseRef>> by_first_stem;
    std::unordered_map<std::string, std::vector<PhraseRef>> by_first_prefix;
    std::vector<PhraseRef> short_prefixes;
};

constexpr std::size_t prefix_key_length = 3;

bool separator_fits(Sep pattern, Sep text) {
    switch (pattern) {
        case Sep::space:
        case Sep::hyphen: return text == Sep::space || text == Sep::hyphen;
        default: return text == pattern;
    }
}

// Whether text word `have` is pattern word `want`: the same word, the same stem (another
// inflection of it), or, for "word*", any word starting with it. A text word may leave out an
// accent of the pattern, not add one.
bool word_fits(const Token& want, const Token& have) {
    if (want.prefix) {
        if (have.word.starts_with(want.word)) return !have.accented || accents_fit(want.lower, have.lower);
        // "commune*" also takes "commun", "contrôles*" "contrôle": a shorter form of the same word.
        if (have.word.size() < prefix_key_length || !want.word.starts_with(have.word) || have.stem != want.stem)
            return false;
        return !have.accented || accents_fit(want.lower, have.lower, have.word.size());
    }
    if (have.word == want.word) return !have.accented || accents_fit(want.lower, have.lower);
    // Another inflection, not a shorter word: "training" does not take "train", nor "planning" "plan".
    if (want.stem.size() < 3 || have.stem != want.stem || have.word.size() + 2 < want.word.size()) return false;
    return !have.accented || accents_fit(want.lower, have.lower, want.stem.size());
}

// The end of phrase `words` (from its k-th word) matched at text word i, or npos.
std::size_t phrase_end(const std::vector<Token>& words, std::size_t k, const std::vector<Token>& t, std::size_t i) {
    constexpr std::size_t no = std::string::npos;
    if (k == words.size()) return i;
    const Token& want = words[k];
    if (want.gap) {
        // One or two words of running text, not across a comma or a stop.
        for (std::size_t skip = 1; skip <= 2 && i + skip <= t.size(); ++skip) {
            if (!separator_fits(Sep::space, t[i + skip - 1].before)) break;
            if (std::size_t end = phrase_end(words, k + 1, t, i + skip); end != no) return end;
        }
        return no;
    }
    if (i >= t.size()) return no;
    const Token& have = t[i];
    if (k > 0 && !separator_fits(want.before, have.before)) return no;
    if (!word_fits(want, have)) return no;
    return phrase_end(words, k + 1, t, i + 1);
}

// `text` cut at every `separator`.
std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
    std::vector<std::string_view> pieces;
    for (std::size_t start = 0;;) {
        std::size_t at = text.find(separator, start);
        pieces.push_back(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
        if (at == std::string_view::npos) return pieces;
        start = at + separator.size();
    }
}

// Whether a phrase ending at word `end` of a heading names what the heading is about: it ends
// the heading or comes before "and", "of", « et », « de »… or punctuation ("Costs and expenses",
// « Objet de l'avenant »), not before another noun ("the customs intelligence centre").
bool names_the_heading(const std::vector<Token>& t, std::size_t end) {
    if (end >= t.size()) return true;
    if (t[end].before != Sep::space && t[end].before != Sep::apostrophe) return true;
    return one_of(t[end].word, {"and", "or", "of", "et", "ou", "de", "du", "des", "d"});
}

// Weights of the evidence (see Detector::threshold): a phrase, or a name (AIRCOP, nCEN), counts
// fully; a single common word ("dispute", "annex", "laboratory", "the media") counts 0.6, because
// it also turns up in passing; a proximity pattern ("pass* on + intelligence") counts 0.8: its
// terms are in one sentence, but not necessarily said of each other.
constexpr double single_word_weight = 0.6;
constexpr double proximity_weight = 0.8;
constexpr double extra_sentence_weight = 0.3;
constexpr int max_extra_sentences = 5;
constexpr double heading_weight = 0.8;
constexpr double steepness = 0.92;
// The phrases of a proximity pattern lie within this many words, first to last.
constexpr std::size_t proximity_span = 12;

double pattern_weight(const Pattern& p) {
    if (p.parts.size() > 1) return proximity_weight;
    const Phrase& words = p.parts.front().front();
    if (p.heading_only) return 1.0;
    // "the media" is one word too.
    bool one_word =
        words.size() == 1 ||
        (words.size() == 2 && one_of(words[0].word, {"the", "a", "an", "le", "la", "les", "l", "un", "une"}));
    if (!one_word) return 1.0;
    bool name = std::any_of(p.text.begin(), p.text.end(),
                            [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
    return name ? 1.0 : single_word_weight;
}

double confidence(double pattern_weights, std::size_t sentences, bool heading) {
    double score = pattern_weights +
                   extra_sentence_weight *
                       static_cast<double>(std::min<std::size_t>(sentences ? sentences - 1 : 0, max_extra_sentences)) +
                   (heading ? heading_weight : 0.0);
    return 1.0 - std::exp(-steepness * score);
}

// Where a proximity pattern occurs in a sentence, from the hits of its parts there: the start of
// its earliest part, or npos. Each part is taken at its hit nearest to a hit of the first part,
// and all of them must lie within proximity_span words.
std::size_t proximity_match(const std::vector<Hit>& hits, std::size_t parts) {
    std::size_t best = std::string::npos;
    for (const Hit& anchor : hits) {
        if (anchor.part != 0) continue;
        std::size_t lo = anchor.begin, hi = anchor.end;
        bool all = true;
        for (std::size_t part = 1; part < parts && all; ++part) {
            const Hit* nearest = nullptr;
            std::size_t distance = 0;
            for (const Hit& h : hits) {
                // Each part needs words of its own: "à la charge" is not both "charge" and "à la charge".
                if (h.part != part || (h.begin < anchor.end && anchor.begin < h.end)) continue;
                std::size_t d = h.begin >= anchor.begin ? h.begin - anchor.begin : anchor.begin - h.begin;
                if (!nearest || d < distance) {
                    nearest = &h;
                    distance = d;
                }
            }
            if (!nearest) {
                all = false;
                break;
            }
            lo = std::min(lo, nearest->begin);
            hi = std::max(hi, nearest->end);
        }
        if (all && hi - lo <= proximity_span) best = std::min(best, lo);
    }
    return best;
}

}  // namespace

struct Detector::Compiled {
    std::vector<std::string> slugs;
    std::array<LanguagePatterns, 2> languages;

    const LanguagePatterns& of(Language l) const { return languages[l == Language::en ? 0 : 1]; }
};

Detector::Detector(const content::Library& library) : compiled_(std::make_unique<Compiled>()) {
    for (std::size_t e = 0; e < library.elements.size(); ++e) {
        const content::KeyElement& element = library.elements[e];
        compiled_->slugs.push_back(element.slug);
        for (Language language : all_languages) {
            LanguagePatterns& lp = compiled_->languages[language == Language::en ? 0 : 1];
            for (const std::string& text : element.patterns(language)) {
                Pattern p;
                p.element = e;
                p.text = text;
                std::string_view body = text;
                if (body.starts_with("heading:")) {
                    p.heading_only = true;
                    body.remove_prefix(8);
                }
                for (std::string_view part : split(body, " + ")) {
                    std::vector<Phrase> alternatives;
                    for (std::string_view alternative : split(part, "|")) {
                        Phrase words = tokenize(alternative, true);
                        for (Token& w : words)
                            if (!w.gap) w.stem = stem(w.word, language);
                        // A phrase needs a word to start with; a gap can only stand between words.
                        while (!words.empty() && words.back().gap) words.pop_back();
                        while (!words.empty() && words.front().gap) words.erase(words.begin());
                        if (!words.empty()) alternatives.push_back(std::move(words));
                    }
                    if (!alternatives.empty()) p.parts.push_back(std::move(alternatives));
                }
                if (p.parts.empty()) continue;
                p.weight = pattern_weight(p);
                std::size_t index = lp.patterns.size();
                for (std::size_t k = 0; k < p.parts.size(); ++k)
                    for (std::size_t a = 0; a < p.parts[k].size(); ++a) {
                        const Token& first = p.parts[k][a].front();
                        PhraseRef ref{index, k, a};
                        if (!first.prefix)
                            lp.by_first_stem[first.stem].push_back(ref);
                        else if (first.word.size() < prefix_key_length)
                            lp.short_prefixes.push_back(ref);
                        else
                            lp.by_first_prefix[first.word.substr(0, prefix_key_length)].push_back(ref);
                    }
                lp.patterns.push_back(std::move(p));
            }
        }
    }
}

Detector::~Detector() = default;
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;

Examination Detector::examine(std::string_view text, std::optional<Language> language) const {
    std::vector<Sentence> sentences = split_sentences(text);
    std::vector<std::vector<Token>> tokens;
    tokens.reserve(sentences.size());
    LanguageVotes document;
    for (const Sentence& s : sentences) {
        tokens.push_back(tokenize(s.text));
        if (!language) document.add(tokens.back());
    }
    Examination result;
    result.language = language ? *language : document.winner(Language::en);
    result.sentences = sentences.size();

    struct Found {
        std::vector<std::size_t> evidence;  // sentence indexes
        std::vector<std::size_t> negated;
        std::vector<std::string> pattern_texts;
        double weights = 0;
        bool heading = false;
    };
    std::vector<Found> found(compiled_->slugs.size());

    std::vector<Hit> hits;
    for (std::size_t n = 0; n < sentences.size(); ++n) {
        std::vector<Token>& t = tokens[n];
        Language lang = result.language;
        if (!language) {
            LanguageVotes votes;
            votes.add(t);
            if (auto clear = votes.clear()) lang = *clear;
        }
        for (Token& token : t) token.stem = stem(token.word, lang);
        const LanguagePatterns& lp = compiled_->of(lang);

        // Every phrase of every pattern found in the sentence.
        hits.clear();
        auto try_phrase = [&](const PhraseRef& phrase, std::size_t at) {
            const Pattern& p = lp.patterns[phrase.pattern];
            if (p.heading_only && !sentences[n].heading) return;
            std::size_t end = phrase_end(p.parts[phrase.part][phrase.alternative], 0, t, at);
            if (end == std::string::npos) return;
            if (p.heading_only && !names_the_heading(t, end)) return;
            hits.push_back({phrase.pattern, phrase.part, at, end});
        };
        for (std::size_t at = 0; at < t.size(); ++at) {
            if (auto it = lp.by_first_stem.find(t[at].stem); it != lp.by_first_stem.end())
                for (const PhraseRef& phrase : it->second) try_phrase(phrase, at);
            if (t[at].word.size() >= prefix_key_length)
                if (auto it = lp.by_first_prefix.find(t[at].word.substr(0, prefix_key_length));
                    it != lp.by_first_prefix.end())
                    for (const PhraseRef& phrase : it->second) try_phrase(phrase, at);
            for (const PhraseRef& phrase : lp.short_prefixes) try_phrase(phrase, at);
        }
        if (hits.empty()) continue;
        std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.pattern < b.pattern; });

        auto record = [&](const Pattern& p, std::size_t at) {
            Found& f = found[p.element];
            bool negative = false;
            const std::string& slug = compiled_->slugs[p.element];
            if (!polarity_neutral(slug)) {
                if (sentences[n].under_negative_lead_in) {
                    negative = true;
                } else {
                    Cues cues = find_cues(t, clause_around(t, at), lang);
                    negative = said_in_prohibitions(slug) ? cues.strong && !cues.conditional : negates(cues, at);
                }
            }
            if (negative) {
                if (f.negated.empty() || f.negated.back() != n) f.negated.push_back(n);
                return;
            }
            if (f.evidence.empty() || f.evidence.back() != n) f.evidence.push_back(n);
            if (sentences[n].heading) f.heading = true;
            if (std::find(f.pattern_texts.begin(), f.pattern_texts.end(), p.text) == f.pattern_texts.end()) {
                f.pattern_texts.push_back(p.text);
                f.weights += p.weight;
            }
        };
        std::vector<Hit> group;
        for (std::size_t i = 0; i < hits.size();) {
            std::size_t j = i;
            while (j < hits.size() && hits[j].pattern == hits[i].pattern) ++j;
            const Pattern& p = lp.patterns[hits[i].pattern];
            if (p.parts.size() == 1) {
                for (std::size_t k = i; k < j; ++k) record(p, hits[k].begin);
            } else {
                group.assign(hits.begin() + static_cast<std::ptrdiff_t>(i),
                             hits.begin() + static_cast<std::ptrdiff_t>(j));
                if (std::size_t at = proximity_match(group, p.parts.size()); at != std::string::npos) record(p, at);
            }
            i = j;
        }
    }

    for (std::size_t e = 0; e < found.size(); ++e) {
        Found& f = found[e];
        if (f.evidence.empty() && f.negated.empty()) continue;
        Detection d;
        d.element = compiled_->slugs[e];
        // The same sentence repeated (a formula in every regional annex) is one piece of evidence.
        std::unordered_set<std::string_view> seen;
        for (std::size_t n : f.evidence)
            if (seen.insert(sentences[n].text).second) d.evidence.push_back(sentences[n].text);
        for (std::size_t n : f.negated)
            if (std::find(f.evidence.begin(), f.evidence.end(), n) == f.evidence.end() &&
                std::find(d.negated.begin(), d.negated.end(), sentences[n].text) == d.negated.end())
                d.negated.push_back(sentences[n].text);
        d.patterns = f.pattern_texts;
        d.in_heading = f.heading;
        d.confidence = d.evidence.empty() ? 0.0 : confidence(f.weights, d.evidence.size(), f.heading);
        result.elements.push_back(std::move(d));
    }
    return result;
}

std::vector<Detection> Detector::detect(std::string_view text, std::optional<Language> language) const {
    Examination all = examine(text, language);
    std::vector<Detection> reported;
    for (auto& d : all.elements)
        if (d.confidence >= threshold) reported.push_back(std::move(d));
    return reported;
}

std::vector<Detection> detect(const content::Library& library, std::string_view text,
                              std::optional<Language> language) {
    return Detector(library).detect(text, language);
}

}  // namespace moudesk::diagnostic
