// Comparing two assembled versions of a draft.
//
// Three levels, one algorithm: units (clauses by id, template text by alignment), blocks inside a
// unit, and words inside a block are all aligned with Myers' O(ND) diff in linear space, run on
// integer keys. Text is compared by its words only: white space never makes a difference, and a
// cross-reference compares as the clause it points to, so an article that only got a new number
// (and the references that follow it) is "renumbered", not "changed".

#include "moudesk/drafting/compare.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"

namespace moudesk::drafting {

namespace {

// ---- characters ---------------------------------------------------------------------------

// The code point at s[i]; `len` gets its byte length. An invalid byte counts as one character of
// its own, so a broken sequence never swallows the bytes after it.
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    len = 1;
    if (b < 0x80) return b;
    std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0xFFFD;
    char32_t cp = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (c & 0x3F);
    }
    len = n;
    return cp;
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// ASCII, Latin-1, general, Arabic and CJK punctuation: each mark is a token of its own, so a
// changed comma does not mark the word before it as changed.
bool is_punctuation(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
               (cp >= 0x7B && cp <= 0x7E);
    return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x2030 && cp <= 0x205E) || cp == 0x060C || cp == 0x061B || cp == 0x061F ||
           (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 || (cp >= 0x3001 && cp <= 0x3003) ||
           (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

// At most `max` code points of `text`, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max) {
    std::size_t count = 0;
    for (std::size_t i = 0, len = 1; i < text.size(); i += len) {
        code_point_at(text, i, len);
        if (++count > max) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
    }
    return std::string(text);
}

// ---- tokens -------------------------------------------------------------------------------

// Strings to small integers, so the diff compares ints. One interner per comparison: equal
// strings in either version get the same id.
class Interner {
public:
    int id(const std::string& s) { return ids_.try_emplace(s, static_cast<int>(ids_.size())).first->second; }

private:
    std::unordered_map<std::string, int> ids_;
};

struct Token {
    std::string key;    // what is compared: the word, the mark, or "\x01ref:<clause>"
    std::string text;   // what is shown: the key's text with its following white space
    bool open = false;  // a word that the next word character continues
};

// Splits text into tokens: words with their following white space, punctuation marks as tokens
// of their own; white space before the first token is kept with it.
class Tokenizer {
public:
    void text(std::string_view s) {
        for (std::size_t i = 0, len = 1; i < s.size(); i += len) {
            char32_t cp = code_point_at(s, i, len);
            std::string_view c = s.substr(i, len);
            if (is_space(cp)) {
                if (tokens_.empty()) {
                    leading_.append(c);
                } else {
                    tokens_.back().text.append(c);
                    tokens_.back().open = false;
                }
            } else if (!is_punctuation(cp) && !tokens_.empty() && tokens_.back().open) {
                tokens_.back().key.append(c);
                tokens_.back().text.append(c);
            } else {
                push(std::string(c), std::string(c), !is_punctuation(cp));
            }
        }
    }

    // A token that is compared by `key` whatever its text (a cross-reference).
    void atom(std::string key, std::string_view text) { push("\x01" + std::move(key), std::string(text), false); }

    std::vector<Token> take() {
        if (tokens_.empty() && !leading_.empty()) push({}, {}, false);  // white space alone
        return std::move(tokens_);
    }

private:
    void push(std::string key, std::string text, bool open) {
        tokens_.push_back({std::move(key), std::move(leading_) + text, open});
        leading_.clear();
    }

    std::vector<Token> tokens_;
    std::string leading_;
};

// ---- Myers' diff --------------------------------------------------------------------------

enum class Step { same, inserted, deleted };

struct Edit {
    Step step;
    int a;  // index in the first sequence (same, deleted)
    int b;  // index in the second sequence (same, inserted)
};

// Myers' O(ND) algorithm with the linear-space refinement: find the middle snake of the edit
// graph by running the forward and backward searches at once, then split the problem there and
// recurse. Common prefixes and suffixes are stripped first, which is most of the work for a
// clause where a few words changed.
class Differ {
public:
    Differ(const std::vector<int>& a, const std::vector<int>& b) : a_(a), b_(b) {}

    std::vector<Edit> run() {
        diff(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
        return std::move(out_);
    }

private:
    void diff(int a0, int a1, int b0, int b1) {
        int prefix = 0;
        while (a0 + prefix < a1 && b0 + prefix < b1 && a_[a0 + prefix] == b_[b0 + prefix]) ++prefix;
        for (int k = 0; k < prefix; ++k) out_.push_back({Step::same, a0 + k, b0 + k});
        a0 += prefix;
        b0 += prefix;
        int suffix = 0;
        while (a1 - suffix > a0 && b1 - suffix > b0 && a_[a1 - suffix - 1] == b_[b1 - suffix - 1]) ++suffix;
        a1 -= suffix;
        b1 -= suffix;

        if (a0 == a1) {
            for (int j = b0; j < b1; ++j) out_.push_back({Step::inserted, -1, j});
        } else if (b0 == b1) {
            for (int i = a0; i < a1; ++i) out_.push_back({Step::deleted, i, -1});
        } else if (auto split = middle(a0, a1, b0, b1)) {
            diff(a0, a0 + split->first, b0, b0 + split->second);
            diff(a0 + split->first, a1, b0 + split->second, b1);
        } else {
            for (int i = a0; i < a1; ++i) out_.push_back({Step::deleted, i, -1});
            for (int j = b0; j < b1; ++j) out_.push_back({Step::inserted, -1, j});
        }

        for (int k = 0; k < suffix; ++k) out_.push_back({Step::same, a1 + k, b1 + k});
    }

    // Where the forward and backward D-paths of a[a0,a1) × b[b0,b1) meet, relative to (a0, b0).
    std::optional<std::pair<int, int>> middle(int a0, int a1, int b0, int b1) {
        const int n = a1 - a0, m = b1 - b0;
        const int max_d = (n + m + 1) / 2;
        const int offset = max_d + 1;
        const int size = 2 * max_d + 3;
        forward_.assign(static_cast<std::size_t>(size), -1);
        backward_.assign(static_cast<std::size_t>(size), -1);
        forward_[static_cast<std::size_t>(offset + 1)] = 0;
        backward_[static_cast<std::size_t>(offset + 1)] = 0;
        auto v = [](std::vector<int>& vec, int k) -> int& { return vec[static_cast<std::size_t>(k)]; };
        const int delta = n - m;
        // With an odd delta the forward path is the one that can overlap the backward one.
        const bool front = delta % 2 != 0;
        int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
        for (int d = 0; d < max_d; ++d) {
            for (int k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
                const int k1_offset = offset + k1;
                int x1 = (k1 == -d || (k1 != d && v(forward_, k1_offset - 1) < v(forward_, k1_offset + 1)))
                             ? v(forward_, k1_offset + 1)
                             : v(forward_, k1_offset - 1) + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) ++x1, ++y1;
                v(forward_, k1_offset) = x1;
                if (x1 > n) {
                    k1_end += 2;  // ran off the right of the graph
                } else if (y1 > m) {
                    k1_start += 2;  // ran off the bottom
                } else if (front) {
                    const int k2_offset = offset + delta - k1;
                    if (k2_offset >= 0 && k2_offset < size && v(backward_, k2_offset) != -1 &&
                        x1 >= n - v(backward_, k2_offset))
                        return std::make_pair(x1, y1);
                }
            }
            for (int k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
                const int k2_offset = offset + k2;
                int x2 = (k2 == -d || (k2 != d && v(backward_, k2_offset - 1) < v(backward_, k2_offset + 1)))
                             ? v(backward_, k2_offset + 1)
                             : v(backward_, k2_offset - 1) + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && a_[a1 - x2 - 1] == b_[b1 - y2 - 1]) ++x2, ++y2;
                v(backward_, k2_offset) = x2;
                if (x2 > n) {
                    k2_end += 2;
                } else if (y2 > m) {
                    k2_start += 2;
                } else if (!front) {
                    const int k1_offset = offset + delta - k2;
                    if (k1_offset >= 0 && k1_offset < size && v(forward_, k1_offset) != -1) {
                        const int x1 = v(forward_, k1_offset);
                        const int y1 = offset + x1 - k1_offset;
                        if (x1 >= n - x2) return std::make_pair(x1, y1);
                    }
                }
            }
        }
        return std::nullopt;
    }

    const std::vector<int>& a_;
    const std::vector<int>& b_;
    std::vector<Edit> out_;
    std::vector<int> forward_, backward_;  // reused by every middle(): no allocation per split
};

std::vector<Edit> myers(const std::vector<int>& a, const std::vector<int>& b) {
    return Differ(a, b).run();
}

std::vector<int> keys_of(const std::vector<Token>& tokens, Interner& interner) {
    std::vector<int> keys;
    keys.reserve(tokens.size());
    for (const Token& t : tokens) keys.push_back(interner.id(t.key));
    return keys;
}

void append_op(std::vector<WordOp>& ops, WordOp::Kind kind, const std::string& text) {
    if (text.empty()) return;
    if (!ops.empty() && ops.back().kind == kind)
        ops.back().text += text;
    else
        ops.push_back({kind, text});
}

// The word ops of two token lists: within each stretch between unchanged words, the deleted
// words come first, then the inserted ones. Unchanged words show the later version's spacing.
std::vector<WordOp> word_ops(const std::vector<Token>& a, const std::vector<Token>& b, Interner& interner) {
    std::vector<WordOp> ops;
    std::string deleted, inserted;
    auto flush = [&] {
        append_op(ops, WordOp::Kind::deleted, deleted);
        append_op(ops, WordOp::Kind::inserted, inserted);
        deleted.clear();
        inserted.clear();
    };
    for (const Edit& e : myers(keys_of(a, interner), keys_of(b, interner))) {
        switch (e.step) {
            case Step::same:
                flush();
                append_op(ops, WordOp::Kind::same, b[static_cast<std::size_t>(e.b)].text);
                break;
            case Step::deleted: deleted += a[static_cast<std::size_t>(e.a)].text; break;
            case Step::inserted: inserted += b[static_cast<std::size_t>(e.b)].text; break;
        }
    }
    flush();
    return ops;
}

// ---- alignment ----------------------------------------------------------------------------

struct Pair {
    int before = -1;  // -1: only in the later version
    int after = -1;   // -1: only in the earlier version
};

// Aligns two sequences by key. Between two equal elements, an element that changed shows as a
// deletion and an insertion; those of the same kind are paired in order (a changed paragraph),
// the rest stay deleted or inserted. A deleted element comes before the insertions that follow it
// in the earlier version, so removed text is shown where it was.
std::vector<Pair> align(const std::vector<int>& before_keys, const std::vector<int>& after_keys,
                        const std::vector<int>& before_kinds, const std::vector<int>& after_kinds) {
    std::vector<Pair> out;
    std::vector<int> deleted, inserted;
    auto flush = [&] {
        // Pairs never cross: an insertion pairs with a deletion after the previous pair's.
        std::vector<int> partner(inserted.size(), -1);
        std::vector<bool> taken(deleted.size(), false);
        std::size_t from = 0;
        for (std::size_t j = 0; j < inserted.size(); ++j)
            for (std::size_t i = from; i < deleted.size(); ++i)
                if (before_kinds[static_cast<std::size_t>(deleted[i])] ==
                    after_kinds[static_cast<std::size_t>(inserted[j])]) {
                    taken[i] = true;
                    partner[j] = static_cast<int>(i);
                    from = i + 1;
                    break;
                }
        std::size_t next_deleted = 0;
        for (std::size_t j = 0; j < inserted.size(); ++j) {
            if (partner[j] >= 0) {
                for (; next_deleted < static_cast<std::size_t>(partner[j]); ++next_deleted)
                    if (!taken[next_deleted]) out.push_back({deleted[next_deleted], -1});
                out.push_back({deleted[static_cast<std::size_t>(partner[j])], inserted[j]});
                next_deleted = static_cast<std::size_t>(partner[j]) + 1;
            } else {
                out.push_back({-1, inserted[j]});
            }
        }
        for (; next_deleted < deleted.size(); ++next_deleted)
            if (!taken[next_deleted]) out.push_back({deleted[next_deleted], -1});
        deleted.clear();
        inserted.clear();
    };
    for (const Edit& e : myers(before_keys, after_keys)) {
        switch (e.step) {
            case Step::same:
                flush();
                out.push_back({e.a, e.b});
                break;
            case Step::deleted: deleted.push_back(e.a); break;
            case Step::inserted: inserted.push_back(e.b); break;
        }
    }
    flush();
    return out;
}

// ---- the documents ------------------------------------------------------------------------

// One row of one version, in the compared languages.
struct RowText {
    BlockKind kind = BlockKind::paragraph;
    std::vector<std::string> labels;         // per compared language
    std::vector<std::string> texts;          // per compared language, as shown
    std::vector<std::vector<Token>> tokens;  // per compared language
    int key = 0;                             // kind and words in every compared language
};

// The text of a signature block as the DOCX writer prints it: heading, then "label: value".
std::string signature_text(const Block& b) {
    std::string out;
    for (const SignatureCell& party : b.signatures) {
        if (!out.empty()) out += "\n";
        out += party.heading;
        for (const auto& line : party.lines) {
            out += "\n";
            if (!line.label.empty()) out += line.label + ": ";
            out += line.value;
        }
    }
    return out;
}

// A unit of one version: the rows of one clause, or one row of template text.
struct Unit {
    std::string clause_id;
    std::vector<std::size_t> rows;
};

class Version {
public:
    Version(const Document& doc, const std::vector<Language>& languages, Interner& interner)
        : doc_(doc), languages_(languages), interner_(interner) {
        // References compare as the clause they point to, whatever number they quote.
        for (const Row& row : doc.rows)
            for (const Block& b : row.cells)
                if (!b.anchor.empty() && !b.clause_id.empty()) clause_at_.emplace(b.anchor, b.clause_id);
        std::map<std::string, std::size_t> unit_of;
        for (std::size_t r = 0; r < doc.rows.size(); ++r) {
            const std::string id = clause_id(doc.rows[r]);
            if (id.empty()) {
                units_.push_back({{}, {r}});
                continue;
            }
            auto [found, fresh] = unit_of.try_emplace(id, units_.size());
            if (fresh) units_.push_back({id, {}});
            units_[found->second].rows.push_back(r);
        }
        for (const Row& row : doc.rows) rows_.push_back(row_text(row));
    }

    const Document& document() const { return doc_; }
    const std::vector<Unit>& units() const { return units_; }
    const RowText& row(std::size_t r) const { return rows_[r]; }

    // The cell of row `r` in `language`, or nullptr when the version lacks it.
    const Block* cell(std::size_t r, Language language) const {
        int col = doc_.column_of(language);
        const Row& row = doc_.rows[r];
        if (col < 0 || static_cast<std::size_t>(col) >= row.cells.size()) return nullptr;
        return &row.cells[static_cast<std::size_t>(col)];
    }

private:
    static std::string clause_id(const Row& row) {
        for (const Block& b : row.cells)
            if (!b.clause_id.empty()) return b.clause_id;
        return {};
    }

    RowText row_text(const Row& row) {
        RowText out;
        out.kind = row.kind;
        std::string key(1, static_cast<char>('A' + static_cast<int>(row.kind)));
        for (Language language : languages_) {
            int col = doc_.column_of(language);
            const Block* b = col >= 0 && static_cast<std::size_t>(col) < row.cells.size()
                                 ? &row.cells[static_cast<std::size_t>(col)]
                                 : nullptr;
            Tokenizer tokenizer;
            std::string text;
            if (b && b->kind == BlockKind::signatures) {
                text = signature_text(*b);
                tokenizer.text(text);
            } else if (b) {
                for (const Span& span : b->spans) {
                    text += span.text;
                    auto target = span.style == Span::Style::reference ? clause_at_.find(span.link) : clause_at_.end();
                    if (target != clause_at_.end())
                        tokenizer.atom("ref:" + target->second, span.text);
                    else
                        tokenizer.text(span.text);
                }
            }
            out.labels.push_back(b ? b->label : std::string());
            out.texts.push_back(std::move(text));
            out.tokens.push_back(tokenizer.take());
            key += '\x1F';
            for (const Token& t : out.tokens.back()) key += std::to_string(interner_.id(t.key)) + ",";
        }
        out.key = interner_.id(key);
        return out;
    }

    const Document& doc_;
    const std::vector<Language>& languages_;
    Interner& interner_;
    std::map<std::string, std::string> clause_at_;  // anchor → clause id
    std::vector<Unit> units_;
    std::vector<RowText> rows_;
};

BlockChange block_only(const RowText& row, BlockChange::Kind change) {
    BlockChange out;
    out.change = change;
    out.kind = row.kind;
    const auto op = change == BlockChange::Kind::inserted ? WordOp::Kind::inserted : WordOp::Kind::deleted;
    for (std::size_t l = 0; l < row.texts.size(); ++l) {
        BlockText t;
        (change == BlockChange::Kind::inserted ? t.label_after : t.label_before) = row.labels[l];
        append_op(t.ops, op, row.texts[l]);
        out.per_language.push_back(std::move(t));
    }
    return out;
}

// A block in both versions. `references` is set when its text differs only in the numbers its
// cross-references quote.
BlockChange block_both(const RowText& a, const RowText& b, Interner& interner, bool& references) {
    BlockChange out;
    out.kind = b.kind;
    bool label_changed = false;
    for (std::size_t l = 0; l < b.texts.size(); ++l) {
        BlockText t;
        t.label_before = a.labels[l];
        t.label_after = b.labels[l];
        // An article's number is numbering, not text; a paragraph's "1." appears when a second
        // paragraph does, which is a change of the clause.
        if (t.label_before != t.label_after && b.kind != BlockKind::article) label_changed = true;
        if (a.key == b.key) {
            if (a.texts[l] != b.texts[l] && a.tokens[l].size() == b.tokens[l].size()) {
                for (std::size_t k = 0; k < a.tokens[l].size(); ++k)
                    if (a.tokens[l][k].key.starts_with('\x01') && a.tokens[l][k].text != b.tokens[l][k].text)
                        references = true;
            }
            append_op(t.ops, WordOp::Kind::same, b.texts[l]);
        } else {
            t.ops = word_ops(a.tokens[l], b.tokens[l], interner);
        }
        out.per_language.push_back(std::move(t));
    }
    out.change = a.key != b.key || label_changed ? BlockChange::Kind::changed : BlockChange::Kind::same;
    return out;
}

Localized localized_text(const Version& v, std::size_t r, bool signatures_as_text) {
    Localized out;
    for (Language language : v.document().languages)
        if (const Block* b = v.cell(r, language))
            out[language] =
                signatures_as_text && b->kind == BlockKind::signatures ? signature_text(*b) : b->plain_text();
    return out;
}

Localized localized_label(const Version& v, std::size_t r) {
    Localized out;
    for (Language language : v.document().languages)
        if (const Block* b = v.cell(r, language)) out[language] = b->label;
    return out;
}

// Fills the unit's title and article labels from its article heading (clauses) or its text.
void describe(ClauseChange& c, const Version* before, const Unit* bu, const Version* after, const Unit* au) {
    auto article_row = [](const Version& v, const Unit& u) -> std::optional<std::size_t> {
        for (std::size_t r : u.rows)
            if (v.document().rows[r].kind == BlockKind::article) return r;
        return std::nullopt;
    };
    const Version& v = after ? *after : *before;
    const Unit& u = au ? *au : *bu;
    c.unit = v.document().rows[u.rows.front()].kind;
    if (c.clause_id.empty()) {
        Localized text = localized_text(v, u.rows.front(), false);
        for (Language l : all_languages) text[l] = shorten(collapse_spaces(text[l]), 80);
        c.title = text;
        return;
    }
    if (bu)
        if (auto r = article_row(*before, *bu)) {
            c.label_before = localized_label(*before, *r);
            c.title = localized_text(*before, *r, false);
        }
    if (au)
        if (auto r = article_row(*after, *au)) {
            c.label_after = localized_label(*after, *r);
            Localized title = localized_text(*after, *r, false);
            for (Language l : all_languages)
                if (title.has(l)) c.title[l] = title[l];
        }
}

ClauseChange compare_units(const Version& before, const Unit* bu, const Version& after, const Unit* au,
                           Interner& interner) {
    ClauseChange c;
    c.clause_id = au ? au->clause_id : bu->clause_id;
    describe(c, bu ? &before : nullptr, bu, au ? &after : nullptr, au);
    if (!bu) {
        c.kind = ClauseChange::Kind::added;
        for (std::size_t r : au->rows) c.blocks.push_back(block_only(after.row(r), BlockChange::Kind::inserted));
        return c;
    }
    if (!au) {
        c.kind = ClauseChange::Kind::removed;
        for (std::size_t r : bu->rows) c.blocks.push_back(block_only(before.row(r), BlockChange::Kind::deleted));
        return c;
    }
    std::vector<int> bk, ak, bkind, akind;
    for (std::size_t r : bu->rows) {
        bk.push_back(before.row(r).key);
        bkind.push_back(static_cast<int>(before.row(r).kind));
    }
    for (std::size_t r : au->rows) {
        ak.push_back(after.row(r).key);
        akind.push_back(static_cast<int>(after.row(r).kind));
    }
    bool changed = false, references = false, article_number = false;
    for (const Pair& p : align(bk, ak, bkind, akind)) {
        if (p.before < 0) {
            c.blocks.push_back(
                block_only(after.row(au->rows[static_cast<std::size_t>(p.after)]), BlockChange::Kind::inserted));
            changed = true;
        } else if (p.after < 0) {
            c.blocks.push_back(
                block_only(before.row(bu->rows[static_cast<std::size_t>(p.before)]), BlockChange::Kind::deleted));
            changed = true;
        } else {
            const RowText& a = before.row(bu->rows[static_cast<std::size_t>(p.before)]);
            const RowText& b = after.row(au->rows[static_cast<std::size_t>(p.after)]);
            c.blocks.push_back(block_both(a, b, interner, references));
            if (c.blocks.back().change != BlockChange::Kind::same) changed = true;
            if (b.kind == BlockKind::article)
                for (const BlockText& t : c.blocks.back().per_language)
                    if (t.label_before != t.label_after) article_number = true;
        }
    }
    c.references_renumbered = references;
    c.kind = changed                        ? ClauseChange::Kind::changed
             : references || article_number ? ClauseChange::Kind::renumbered
                                            : ClauseChange::Kind::unchanged;
    return c;
}

}  // namespace

// ---- public -------------------------------------------------------------------------------

std::string BlockText::after() const {
    std::string out;
    for (const WordOp& op : ops)
        if (op.kind != WordOp::Kind::deleted) out += op.text;
    return out;
}

std::string BlockText::before() const {
    std::string out;
    for (const WordOp& op : ops)
        if (op.kind != WordOp::Kind::inserted) out += op.text;
    return out;
}

namespace {
int count_clauses(const Comparison& c, ClauseChange::Kind kind) {
    return static_cast<int>(std::count_if(c.changes.begin(), c.changes.end(), [&](const ClauseChange& u) {
        return !u.is_template_text() && u.kind == kind;
    }));
}
}  // namespace

int Comparison::added() const {
    return count_clauses(*this, ClauseChange::Kind::added);
}
int Comparison::removed() const {
    return count_clauses(*this, ClauseChange::Kind::removed);
}
int Comparison::changed() const {
    return count_clauses(*this, ClauseChange::Kind::changed);
}
int Comparison::renumbered() const {
    return count_clauses(*this, ClauseChange::Kind::renumbered);
}
int Comparison::unchanged() const {
    return count_clauses(*this, ClauseChange::Kind::unchanged);
}

int Comparison::template_changes() const {
    return static_cast<int>(std::count_if(changes.begin(), changes.end(), [](const ClauseChange& u) {
        return u.is_template_text() && u.kind != ClauseChange::Kind::unchanged;
    }));
}

bool Comparison::identical() const {
    return only_before.empty() && only_after.empty() &&
           std::all_of(changes.begin(), changes.end(),
                       [](const ClauseChange& u) { return u.kind == ClauseChange::Kind::unchanged; });
}

int Comparison::column_of(Language language) const {
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (languages[i] == language) return static_cast<int>(i);
    return -1;
}

const char* to_code(ClauseChange::Kind kind) {
    switch (kind) {
        case ClauseChange::Kind::added: return "added";
        case ClauseChange::Kind::removed: return "removed";
        case ClauseChange::Kind::changed: return "changed";
        case ClauseChange::Kind::renumbered: return "renumbered";
        case ClauseChange::Kind::unchanged: return "unchanged";
    }
    return "unchanged";
}

std::vector<WordOp> diff_words(std::string_view before, std::string_view after) {
    Interner interner;
    Tokenizer a, b;
    a.text(before);
    b.text(after);
    return word_ops(a.take(), b.take(), interner);
}

Comparison compare(const Document& before, const Document& after) {
    Comparison out;
    for (Language l : after.languages) (before.column_of(l) >= 0 ? out.languages : out.only_after).push_back(l);
    for (Language l : before.languages)
        if (after.column_of(l) < 0) out.only_before.push_back(l);

    Interner interner;
    Version b(before, out.languages, interner);
    Version a(after, out.languages, interner);

    // Which unit of the later version each unit of the earlier one became: clauses by id,
    // template text by aligning the template rows of both versions by kind and text.
    std::vector<int> match(b.units().size(), -1);
    std::map<std::string, std::size_t> after_clause;
    std::vector<std::size_t> bt, at;  // template units
    for (std::size_t u = 0; u < a.units().size(); ++u) {
        if (a.units()[u].clause_id.empty())
            at.push_back(u);
        else
            after_clause.emplace(a.units()[u].clause_id, u);
    }
    for (std::size_t u = 0; u < b.units().size(); ++u) {
        const Unit& unit = b.units()[u];
        if (unit.clause_id.empty()) {
            bt.push_back(u);
        } else if (auto found = after_clause.find(unit.clause_id); found != after_clause.end()) {
            match[u] = static_cast<int>(found->second);
        }
    }
    std::vector<int> bk, ak, bkind, akind;
    for (std::size_t u : bt) {
        const RowText& row = b.row(b.units()[u].rows.front());
        bk.push_back(row.key);
        bkind.push_back(static_cast<int>(row.kind));
    }
    for (std::size_t u : at) {
        const RowText& row = a.row(a.units()[u].rows.front());
        ak.push_back(row.key);
        akind.push_back(static_cast<int>(row.kind));
    }
    for (const Pair& p : align(bk, ak, bkind, akind))
        if (p.before >= 0 && p.after >= 0) {
            match[bt[static_cast<std::size_t>(p.before)]] = static_cast<int>(at[static_cast<std::size_t>(p.after)]);
        }

    // Removed units go after the nearest earlier unit that is still there, in their old order.
    std::vector<std::vector<std::size_t>> removed_after(a.units().size() + 1);  // [0]: at the start
    int anchor = -1;
    for (std::size_t u = 0; u < b.units().size(); ++u) {
        if (match[u] >= 0)
            anchor = match[u];
        else
            removed_after[static_cast<std::size_t>(anchor + 1)].push_back(u);
    }
    std::vector<int> before_of(a.units().size(), -1);
    for (std::size_t u = 0; u < b.units().size(); ++u)
        if (match[u] >= 0) before_of[static_cast<std::size_t>(match[u])] = static_cast<int>(u);

    auto emit_removed = [&](std::size_t slot) {
        for (std::size_t u : removed_after[slot])
            out.changes.push_back(compare_units(b, &b.units()[u], a, nullptr, interner));
    };
    emit_removed(0);
    for (std::size_t u = 0; u < a.units().size(); ++u) {
        const Unit* old = before_of[u] >= 0 ? &b.units()[static_cast<std::size_t>(before_of[u])] : nullptr;
        out.changes.push_back(compare_units(b, old, a, &a.units()[u], interner));
        emit_removed(u + 1);
    }
    return out;
}

// ---- the report ---------------------------------------------------------------------------

namespace {

// Splits text into words, each with its following white space.
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    bool in_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
        if (in_space && !space) {
            out.push_back(text.substr(start, i - start));
            start = i;
        }
        in_space = space;
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

// Unchanged text around a change: this many words on each side, the rest elided.
constexpr std::size_t context_words = 8;

std::string one_line(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += " / ";
        else
            out += c;
    }
    return out;
}

// "[-old-]" or "{+new+}", with the trailing white space outside the marks.
void append_marked(std::string& out, std::string_view text, std::string_view open, std::string_view close) {
    std::size_t end = text.find_last_not_of(" \t\n");
    if (end == std::string_view::npos) {
        out.append(text);
        return;
    }
    out.append(open).append(text.substr(0, end + 1)).append(close).append(text.substr(end + 1));
}

std::string wdiff(const std::vector<WordOp>& ops) {
    std::string out;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const WordOp& op = ops[i];
        switch (op.kind) {
            case WordOp::Kind::deleted: append_marked(out, op.text, "[-", "-]"); break;
            case WordOp::Kind::inserted: append_marked(out, op.text, "{+", "+}"); break;
            case WordOp::Kind::same: {
                auto words = words_of(op.text);
                const bool first = i == 0, last = i + 1 == ops.size();
                const std::size_t keep = (first ? 0 : context_words) + (last ? 0 : context_words);
                if (words.size() <= keep + 2) {
                    out += op.text;
                    break;
                }
                if (!first)
                    for (std::size_t k = 0; k < context_words; ++k) out.append(words[k]);
                out += "… ";
                if (!last)
                    for (std::size_t k = words.size() - context_words; k < words.size(); ++k) out.append(words[k]);
                break;
            }
        }
    }
    return one_line(out);
}

std::string unit_name(const ClauseChange& c, Language language) {
    if (c.is_template_text()) {
        switch (c.unit) {
            case BlockKind::title: return "title";
            case BlockKind::preamble: return "preamble";
            case BlockKind::part: return "part heading “" + c.title[language] + "”";
            case BlockKind::signature_intro: return "signature intro";
            case BlockKind::signatures: return "signatures";
            default: return "template text";
        }
    }
    std::string label;
    const std::string& before = c.label_before[language];
    const std::string& after = c.label_after[language];
    if (c.kind == ClauseChange::Kind::removed || after.empty())
        label = before;
    else if (before.empty() || before == after)
        label = after;
    else
        label = before + " → " + after;
    std::string out = label;
    if (!c.title[language].empty()) out += (out.empty() ? "" : " ") + c.title[language];
    return out + " [" + c.clause_id + "]";
}

std::string block_line(const BlockChange& b, std::size_t col) {
    const BlockText& t = b.per_language[col];
    std::string label;
    if (b.kind == BlockKind::article || b.change == BlockChange::Kind::inserted) {
        label = t.label_after.empty() ? t.label_before : t.label_after;
    } else if (b.change == BlockChange::Kind::deleted) {
        label = t.label_before;
    } else if (t.label_before == t.label_after) {
        label = t.label_after;
    } else {
        if (!t.label_before.empty()) label += "[-" + t.label_before + "-]";
        if (!t.label_after.empty()) label += "{+" + t.label_after + "+}";
    }
    std::string text;
    switch (b.change) {
        case BlockChange::Kind::inserted:
            return "{+" + one_line((label.empty() ? "" : label + " ") + collapse_spaces(t.after())) + "+}";
        case BlockChange::Kind::deleted:
            return "[-" + one_line((label.empty() ? "" : label + " ") + collapse_spaces(t.before())) + "-]";
        default: text = wdiff(t.ops);
    }
    return label.empty() ? text : label + " " + text;
}

}  // namespace

std::string summarize(const Comparison& comparison, Language language) {
    const int col = comparison.column_of(language);
    if (col < 0)
        throw Error(ErrorCategory::bad_input, std::string("the two versions are not both in ") + to_code(language) +
                                                  ": cannot compare them in it");
    auto list = [](const std::vector<Language>& languages) {
        std::string out;
        for (Language l : languages) out += std::string(out.empty() ? "" : ", ") + to_code(l);
        return out;
    };
    std::string out;
    const int clauses = comparison.added() + comparison.changed() + comparison.renumbered() + comparison.unchanged();
    if (comparison.identical()) {
        out += "The two versions are identical (" + std::to_string(clauses) + " clauses, compared in " +
               list(comparison.languages) + ").\n";
        return out;
    }
    out += "Clauses: " + std::to_string(comparison.added()) + " added, " + std::to_string(comparison.removed()) +
           " removed, " + std::to_string(comparison.changed()) + " changed, " +
           std::to_string(comparison.renumbered()) + " renumbered, " + std::to_string(comparison.unchanged()) +
           " unchanged.\n";
    out += "Template text: " + std::to_string(comparison.template_changes()) + " changed.\n";
    out += "Compared in: " + list(comparison.languages) + ".\n";
    if (!comparison.only_before.empty())
        out += "Only in the earlier version: " + list(comparison.only_before) + " (not compared).\n";
    if (!comparison.only_after.empty())
        out += "Only in the later version: " + list(comparison.only_after) + " (not compared).\n";

    for (const ClauseChange& c : comparison.changes) {
        if (c.kind == ClauseChange::Kind::unchanged) continue;
        std::string kind = to_code(c.kind);
        kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
        out += "\n" + kind + ": " + unit_name(c, language);
        if (c.kind == ClauseChange::Kind::renumbered && c.references_renumbered)
            out += " (cross-references renumbered)";
        out += "\n";
        if (c.kind != ClauseChange::Kind::changed) continue;
        for (const BlockChange& b : c.blocks)
            if (b.change != BlockChange::Kind::same)
                out += "    " + block_line(b, static_cast<std::size_t>(col)) + "\n";
    }
    return out;
}

}  // namespace moudesk::drafting
