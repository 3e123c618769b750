#include "moudesk/drafting/assembler.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "moudesk/core/text.h"

namespace moudesk::drafting {

using content::Clause;
using content::ElementGroup;
using content::Inline;
using content::RichText;

std::string to_string(const Finding& finding) {
    return std::string(finding.severity == Severity::error ? "error: " : "warning: ") + finding.message;
}

const char* to_code(Finding::Kind kind) {
    switch (kind) {
        case Finding::Kind::unknown_element: return "unknown-element";
        case Finding::Kind::conflict: return "conflict";
        case Finding::Kind::missing_field: return "missing-field";
        case Finding::Kind::invalid_field: return "invalid-field";
        case Finding::Kind::unused_field: return "unused-field";
        case Finding::Kind::wording: return "wording";
        case Finding::Kind::missing_language: return "missing-language";
        case Finding::Kind::parties: return "parties";
        case Finding::Kind::structure: return "structure";
    }
    return "structure";
}

bool Assembly::has_errors() const {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

const ChosenClause* Assembly::find(std::string_view clause_id) const {
    for (const auto& c : clauses)
        if (c.clause->id == clause_id) return &c;
    return nullptr;
}

std::optional<std::string> format_date(std::string_view iso, Language language) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        auto [p, ec] = std::from_chars(iso.data() + pos, iso.data() + pos + len, out);
        return ec == std::errc() && p == iso.data() + pos + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    if (y < 1900 || m < 1 || m > 12 || d < 1) return std::nullopt;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    static constexpr const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    static constexpr const char* fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                         "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    if (language == Language::en) return std::to_string(d) + " " + en[m - 1] + " " + std::to_string(y);
    return (d == 1 ? std::string("1er") : std::to_string(d)) + " " + fr[m - 1] + " " + std::to_string(y);
}

namespace {

std::string replace_all(std::string text, std::string_view what, std::string_view with) {
    for (std::size_t pos = 0; (pos = text.find(what, pos)) != std::string::npos; pos += with.size())
        text.replace(pos, what.size(), with);
    return text;
}

// (a), (b) … (z), (aa), (ab) …
std::string item_letters(int index) {
    std::string out;
    for (int n = index; n >= 0; n = n / 26 - 1) out.insert(out.begin(), static_cast<char>('a' + n % 26));
    return out;
}

std::string lower_first_ascii(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// Checks one value against its field's type; returns the problem, or "" when it is valid.
std::string check_value(const content::Field& field, const std::string& value) {
    switch (field.type) {
        case content::FieldType::text: return {};
        case content::FieldType::date:
            if (!format_date(value, Language::en)) return "“" + value + "” is not a date (expected YYYY-MM-DD)";
            return {};
        case content::FieldType::integer: {
            long long n = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || p != value.data() + value.size()) return "“" + value + "” is not a whole number";
            if (field.min && n < *field.min) return value + " is below the minimum " + std::to_string(*field.min);
            if (field.max && n > *field.max) return value + " is above the maximum " + std::to_string(*field.max);
            return {};
        }
    }
    return {};
}

class Assembler {
public:
    Assembler(const content::Library& library, const Draft& draft) : lib_(library), draft_(draft) {}

    Assembly run() {
        languages_ = draft_.languages.empty() ? std::vector<Language>{Language::en} : draft_.languages;
        out_.document.languages = languages_;
        out_.document.layout = languages_.size() == 1            ? Layout::single
                               : draft_.layout == Layout::single ? Layout::side_by_side
                                                                 : draft_.layout;
        template_ = lib_.find_template(draft_.instrument);
        if (!template_) {
            error(Finding::Kind::structure,
                  std::string("the library has no template for the instrument “") + to_code(draft_.instrument) + "”");
            return std::move(out_);
        }
        check_parties();
        select_clauses();
        order_and_number();
        collect_terms();
        build_document();
        check_fields();
        return std::move(out_);
    }

private:
    void error(Finding::Kind kind, std::string message, std::string clause = {}, std::string element = {},
               std::string field = {}) {
        out_.findings.push_back(
            {Severity::error, kind, std::move(message), std::move(field), std::move(clause), std::move(element)});
    }
    void warning(Finding::Kind kind, std::string message, std::string clause = {}, std::string element = {},
                 std::string field = {}) {
        out_.findings.push_back(
            {Severity::warning, kind, std::move(message), std::move(field), std::move(clause), std::move(element)});
    }

    void check_parties() {
        if (draft_.parties.size() < 2)
            error(Finding::Kind::parties,
                  "an agreement needs at least two parties; the draft has " + std::to_string(draft_.parties.size()));
        for (std::size_t i = 0; i < draft_.parties.size(); ++i) {
            const Party& p = draft_.parties[i];
            std::string who = "party " + std::to_string(i + 1);
            if (!p.name.has(Language::en) && !p.name.has(Language::fr))
                error(Finding::Kind::parties, who + " has no name");
            else
                for (Language l : languages_)
                    if (!p.name.has(l))
                        warning(Finding::Kind::parties, who + " (" + p.name_in(l) + ") has no " +
                                                            (l == Language::en ? "English" : "French") +
                                                            " name; the other language is used");
            if (!is_party_kind(p.kind)) error(Finding::Kind::parties, who + " has an unknown kind “" + p.kind + "”");
        }
    }

    // --- selection -------------------------------------------------------------------------

    PartnershipLevel level_for(std::string_view slug) const {
        for (const auto& e : draft_.elements)
            if (e.slug == slug && e.level) return *e.level;
        return draft_.level;
    }

    bool is_selected(std::string_view id) const { return selected_ids_.count(std::string(id)) > 0; }

    void select(const Clause* clause, std::string reason) {
        if (is_selected(clause->id)) return;
        if (!clause->fits(draft_.instrument)) {
            error(Finding::Kind::conflict,
                  "clause “" + clause->id + "” (" + reason + ") does not fit " + instrument_name(), clause->id,
                  clause->element);
        }
        selected_ids_.insert(clause->id);
        selection_.push_back({clause, nullptr, std::move(reason), 0});
    }

    std::string instrument_name() const {
        switch (draft_.instrument) {
            case Instrument::mou: return "a memorandum of understanding";
            case Instrument::moa: return "a memorandum of agreement";
            case Instrument::addendum: return "an addendum";
        }
        return "this instrument";
    }

    void select_clauses() {
        std::set<std::string> seen_elements;
        for (const auto& choice : draft_.elements) {
            if (!seen_elements.insert(choice.slug).second) {
                warning(Finding::Kind::structure, "key element “" + choice.slug + "” is chosen twice", {}, choice.slug);
                continue;
            }
            if (!lib_.find_element(choice.slug)) {
                error(Finding::Kind::unknown_element, "the library has no key element “" + choice.slug + "”", {},
                      choice.slug);
                continue;
            }
            if (!choice.clauses.empty()) {
                for (const auto& id : choice.clauses) {
                    const Clause* c = lib_.find_clause(id);
                    if (!c || c->element != choice.slug) {
                        error(Finding::Kind::unknown_element,
                              "key element “" + choice.slug + "” has no clause “" + id + "”", id, choice.slug);
                        continue;
                    }
                    select(c, "chosen");
                }
                continue;
            }
            bool any = false;
            for (const Clause* c : lib_.clauses_of(choice.slug)) {
                if (c->is_default && c->fits(draft_.instrument)) {
                    select(c, "chosen");
                    any = true;
                }
            }
            if (!any)
                error(Finding::Kind::conflict,
                      "key element “" + choice.slug + "” has no default clause for " + instrument_name(), {},
                      choice.slug);
        }
        // Requirements, transitively: the selection grows while we walk it.
        for (std::size_t i = 0; i < selection_.size(); ++i) {
            const Clause* c = selection_[i].clause;
            for (const auto& req : c->requires_) {
                const Clause* r = lib_.find_clause(req);
                if (!r) {
                    error(Finding::Kind::structure,
                          "clause “" + c->id + "” requires “" + req + "”, which the library lacks", c->id, c->element);
                    continue;
                }
                select(r, "required by " + c->id);
            }
        }
        // Exclusions, each pair once.
        for (std::size_t i = 0; i < selection_.size(); ++i) {
            for (std::size_t j = i + 1; j < selection_.size(); ++j) {
                const Clause* a = selection_[i].clause;
                const Clause* b = selection_[j].clause;
                bool ab = std::find(a->excludes.begin(), a->excludes.end(), b->id) != a->excludes.end();
                bool ba = std::find(b->excludes.begin(), b->excludes.end(), a->id) != b->excludes.end();
                if (ab || ba) {
                    const Clause* who = ab ? a : b;
                    const Clause* whom = ab ? b : a;
                    error(Finding::Kind::conflict,
                          "clause “" + who->id + "” (" + who->title.en + ") excludes “" + whom->id + "” (" +
                              whom->title.en + "); choose one of them",
                          whom->id, whom->element);
                }
            }
        }
        for (auto& s : selection_) s.variant = &s.clause->variant_for(level_for(s.clause->element));
    }

    // --- order and numbering -----------------------------------------------------------------

    struct PartPlan {
        const content::Part* part;
        std::vector<std::size_t> clauses;  // indexes into selection_
    };

    void order_and_number() {
        std::set<std::string> chosen_elements;
        for (const auto& s : selection_) chosen_elements.insert(s.clause->element);
        std::set<std::string> listed;
        for (const auto& part : template_->parts) listed.insert(part.elements.begin(), part.elements.end());

        auto clauses_of_element = [&](const std::string& slug, std::vector<std::size_t>& into) {
            // Library order within an element keeps related clauses together.
            for (const Clause* c : lib_.clauses_of(slug))
                for (std::size_t i = 0; i < selection_.size(); ++i)
                    if (selection_[i].clause == c) into.push_back(i);
        };
        std::set<std::string> placed;
        for (const auto& part : template_->parts) {
            PartPlan plan{&part, {}};
            std::vector<std::string> slugs = part.elements;
            if (part.rest_of_cooperation)
                for (const auto& e : lib_.elements)
                    if (e.group == ElementGroup::cooperation && !listed.count(e.slug)) slugs.push_back(e.slug);
            for (const auto& slug : slugs) {
                if (!chosen_elements.count(slug) || placed.count(slug)) continue;
                placed.insert(slug);
                clauses_of_element(slug, plan.clauses);
            }
            plans_.push_back(std::move(plan));
        }
        for (const auto& slug : chosen_elements) {
            if (placed.count(slug) || plans_.empty()) continue;
            warning(Finding::Kind::structure,
                    "the " + template_->id + " template has no place for key element “" + slug +
                        "”; it is added at the end",
                    {}, slug);
            clauses_of_element(slug, plans_.back().clauses);
        }
        int article = 0;
        for (const auto& plan : plans_)
            for (std::size_t i : plan.clauses) {
                selection_[i].article = ++article;
                out_.clauses.push_back(selection_[i]);
            }
    }

    // --- terms ------------------------------------------------------------------------------

    void note_terms(const RichText& text) {
        for (const auto& in : text)
            if (in.kind == Inline::Kind::term && lib_.find_term(in.ref) &&
                std::find(out_.terms.begin(), out_.terms.end(), in.ref) == out_.terms.end())
                out_.terms.push_back(in.ref);
    }

    void collect_terms() {
        // Order of first use in the document; definitions list what the whole text uses.
        Language l = languages_.front();
        note_terms(template_->title[l]);
        for (const auto& b : template_->preamble) note_terms(b.text[l]);
        for (const auto& c : out_.clauses)
            for (const auto& b : c.variant->blocks) note_terms(b.text[l]);
    }

    // --- text -------------------------------------------------------------------------------

    std::string article_label(int n, Language l) const {
        return replace_all(template_->numbering.article[l], "{n}", std::to_string(n));
    }

    std::string instrument_phrase(Language l, const std::string& form, bool cap) const {
        std::string out;
        if (l == Language::en) {
            switch (draft_.instrument) {
                case Instrument::mou: out = "this Memorandum of Understanding"; break;
                case Instrument::moa: out = "this Memorandum of Agreement"; break;
                case Instrument::addendum: out = "this Addendum"; break;
            }
        } else {
            std::string noun = draft_.instrument == Instrument::mou   ? "mémorandum d'entente"
                               : draft_.instrument == Instrument::moa ? "mémorandum d'accord"
                                                                      : "avenant";
            std::string article = form == "de" ? "du" : form == "a" ? "au" : "le";
            out = article + " présent " + noun;
        }
        return cap ? capitalize_first(out) : out;
    }

    std::string parties_phrase(Language l, const std::string& form, bool cap) const {
        std::string noun = draft_.binding() ? "Parties" : "Participants";
        std::string out;
        if (l == Language::en)
            out = "the " + noun;
        else
            out = (form == "de" ? "des " : form == "a" ? "aux " : "les ") + noun;
        return cap ? capitalize_first(out) : out;
    }

    std::string party_list(Language l) const {
        std::string out;
        const std::size_t n = draft_.parties.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0) out += i + 1 == n ? (l == Language::en ? " and " : " et ") : ", ";
            out += draft_.parties[i].name_in(l);
        }
        return out;
    }

    void note_field_use(const content::Field* field, const std::string& place) {
        auto it =
            std::find_if(out_.fields.begin(), out_.fields.end(), [&](const FieldUse& u) { return u.field == field; });
        if (it == out_.fields.end()) {
            out_.fields.push_back({field, {place}});
        } else if (std::find(it->places.begin(), it->places.end(), place) == it->places.end()) {
            it->places.push_back(place);
        }
    }

    // The value of a field as printed in `l`, or nullopt when missing or invalid.
    std::optional<std::string> field_text(const content::Field& field, Language l) const {
        const std::string* v = draft_.value(field.id, l);
        if (!v || v->empty()) return std::nullopt;
        if (!check_value(field, *v).empty()) return std::nullopt;
        if (field.type == content::FieldType::date) return format_date(*v, l);
        return *v;
    }

    std::vector<Span> render(const RichText& text, Language l, const std::string& place, const std::string& clause_id) {
        std::vector<Span> spans;
        auto plain = [&](std::string s) {
            if (!spans.empty() && spans.back().style == Span::Style::plain)
                spans.back().text += s;
            else
                spans.push_back({std::move(s), Span::Style::plain, {}});
        };
        for (const auto& in : text) {
            switch (in.kind) {
                case Inline::Kind::text: plain(in.text); break;
                case Inline::Kind::parties: plain(parties_phrase(l, in.form, in.capitalized)); break;
                case Inline::Kind::instrument: plain(instrument_phrase(l, in.form, in.capitalized)); break;
                case Inline::Kind::wording: plain(draft_.binding() ? in.moa : in.mou); break;
                case Inline::Kind::party_list: spans.push_back({party_list(l), Span::Style::field, {}}); break;
                case Inline::Kind::party: {
                    if (in.party_index >= 1 && static_cast<std::size_t>(in.party_index) <= draft_.parties.size()) {
                        const Party& p = draft_.parties[static_cast<std::size_t>(in.party_index - 1)];
                        spans.push_back({p.short_name.empty() ? p.name_in(l) : p.short_name, Span::Style::field, {}});
                    } else {
                        spans.push_back(
                            {"[party " + std::to_string(in.party_index) + "]", Span::Style::missing_field, {}});
                        if (l == languages_.front())
                            error(Finding::Kind::parties,
                                  place + " names party " + std::to_string(in.party_index) + ", but the draft has " +
                                      std::to_string(draft_.parties.size()),
                                  clause_id);
                    }
                    break;
                }
                case Inline::Kind::field: {
                    const content::Field* f = lib_.find_field(in.ref);
                    if (!f) {
                        spans.push_back({"[" + in.ref + "]", Span::Style::missing_field, {}});
                        if (l == languages_.front())
                            error(Finding::Kind::structure, place + " uses the undefined field “" + in.ref + "”",
                                  clause_id, {}, in.ref);
                        break;
                    }
                    if (l == languages_.front()) note_field_use(f, place);
                    if (auto value = field_text(*f, l))
                        spans.push_back({*value, Span::Style::field, {}});
                    else
                        spans.push_back(
                            {"[" + (f->label.has(l) ? f->label[l] : f->id) + "]", Span::Style::missing_field, {}});
                    break;
                }
                case Inline::Kind::clause_ref: {
                    const ChosenClause* target = out_.find(in.ref);
                    if (!target) {
                        spans.push_back({"[" + in.ref + "]", Span::Style::missing_field, {}});
                        if (l == languages_.front())
                            error(Finding::Kind::structure,
                                  place + " refers to clause “" + in.ref + "”, which is not in the draft", clause_id);
                        break;
                    }
                    std::string label = article_label(target->article, l);
                    if (l == Language::fr) label = lower_first_ascii(label);  // « conformément à l'article 7 »
                    spans.push_back({label, Span::Style::reference, "article-" + std::to_string(target->article)});
                    break;
                }
                case Inline::Kind::term: {
                    const content::Term* t = lib_.find_term(in.ref);
                    std::string words = !in.text.empty() ? in.text : t ? t->name[l] : in.ref;
                    spans.push_back({words, Span::Style::term, {}});
                    if (!t && l == languages_.front())
                        error(Finding::Kind::structure, place + " uses the undefined term “" + in.ref + "”", clause_id);
                    break;
                }
            }
        }
        return spans;
    }

    // --- document ---------------------------------------------------------------------------

    // Adds one row: `make` builds the block for each language.
    template <class Make>
    void add_row(BlockKind kind, Make make) {
        Row row;
        row.kind = kind;
        for (Language l : languages_) {
            Block b = make(l);
            b.kind = kind;
            row.cells.push_back(std::move(b));
        }
        out_.document.rows.push_back(std::move(row));
    }

    void add_blocks(const std::vector<content::Block>& blocks, BlockKind paragraph_kind, const std::string& place,
                    const std::string& clause_id, bool numbered) {
        int paragraph = 0;
        int item = 0;
        for (const auto& block : blocks) {
            bool is_item = block.kind == content::Block::Kind::item;
            if (is_item)
                ++item;
            else {
                ++paragraph;
                item = 0;
            }
            std::string label;
            if (is_item)
                label = replace_all(template_->numbering.item, "{a}", item_letters(item - 1));
            else if (numbered)
                label = replace_all(template_->numbering.paragraph, "{n}", std::to_string(paragraph));
            add_row(is_item ? BlockKind::item : paragraph_kind, [&](Language l) {
                Block b;
                b.label = label;
                b.clause_id = clause_id;
                b.spans = render(block.text[l], l, place, clause_id);
                return b;
            });
        }
    }

    void add_definitions(const ChosenClause& c, int items_before) {
        for (std::size_t i = 0; i < out_.terms.size(); ++i) {
            const content::Term* term = lib_.find_term(out_.terms[i]);
            bool last = i + 1 == out_.terms.size();
            std::string label =
                replace_all(template_->numbering.item, "{a}", item_letters(items_before + static_cast<int>(i)));
            add_row(BlockKind::item, [&](Language l) {
                Block b;
                b.label = label;
                b.clause_id = c.clause->id;
                std::string end = last ? "." : ";";
                if (l == Language::en) {
                    b.spans.push_back({"“" + term->name.en + "”", Span::Style::term, {}});
                    b.spans.push_back({" means " + term->definition.en + end, Span::Style::plain, {}});
                } else {
                    b.spans.push_back({"« " + term->name.fr + " »", Span::Style::term, {}});
                    b.spans.push_back(
                        {" désigne " + term->definition.fr + (last ? "." : " ;"), Span::Style::plain, {}});
                }
                return b;
            });
        }
    }

    void build_document() {
        Document& doc = out_.document;
        add_row(BlockKind::title, [&](Language l) {
            Block b;
            b.spans = render(template_->title[l], l, "title", {});
            return b;
        });
        for (Language l : languages_)
            doc.title[l] = doc.rows.back().cells[static_cast<std::size_t>(doc.column_of(l))].plain_text();

        add_blocks(template_->preamble, BlockKind::preamble, "preamble", {}, false);

        for (const auto& plan : plans_) {
            if (plan.clauses.empty()) continue;
            add_row(BlockKind::part, [&](Language l) {
                Block b;
                b.spans.push_back({plan.part->heading[l], Span::Style::plain, {}});
                return b;
            });
            for (std::size_t i : plan.clauses) {
                const ChosenClause& c = *out_.find(selection_[i].clause->id);
                std::string place = article_label(c.article, Language::en);
                add_row(BlockKind::article, [&](Language l) {
                    Block b;
                    b.label = article_label(c.article, l);
                    b.anchor = "article-" + std::to_string(c.article);
                    b.clause_id = c.clause->id;
                    b.spans.push_back({c.clause->title[l], Span::Style::plain, {}});
                    return b;
                });
                const auto& blocks = c.variant->blocks;
                int paragraphs =
                    static_cast<int>(std::count_if(blocks.begin(), blocks.end(), [](const content::Block& b) {
                        return b.kind == content::Block::Kind::paragraph;
                    }));
                add_blocks(blocks, BlockKind::paragraph, place, c.clause->id, paragraphs > 1);
                if (c.clause->element == "definitions") {
                    int trailing_items = 0;
                    for (auto it = blocks.rbegin(); it != blocks.rend() && it->kind == content::Block::Kind::item; ++it)
                        ++trailing_items;
                    add_definitions(c, trailing_items);
                    if (out_.terms.empty())
                        warning(Finding::Kind::structure,
                                place + " (definitions) defines no term: no chosen clause uses one", c.clause->id,
                                c.clause->element);
                }
            }
        }

        add_blocks(std::vector<content::Block>{{content::Block::Kind::paragraph, template_->signature_intro, {}}},
                   BlockKind::signature_intro, "signatures", {}, false);
        add_row(BlockKind::signatures, [&](Language l) {
            Block b;
            const content::SignatureLabels& labels = template_->labels(l);
            // Writers print "label: value"; French typography puts a no-break space before the colon.
            auto label = [&](const std::string& text) { return l == Language::fr ? text + "\u00A0" : text; };
            for (const auto& party : draft_.parties) {
                SignatureCell cell;
                cell.heading = labels.for_party + " " + party.name_in(l);
                const auto& s = party.signatory;
                cell.lines.push_back({label(labels.name), s.name});
                cell.lines.push_back(
                    {label(labels.title),
                     s.title.has(l) ? s.title[l] : s.title[l == Language::en ? Language::fr : Language::en]});
                cell.lines.push_back(
                    {label(labels.place), !s.place.empty() ? s.place : signature_default("signature-place", l)});
                std::string date =
                    !s.date.empty() ? format_date(s.date, l).value_or(s.date) : signature_default("signature-date", l);
                cell.lines.push_back({label(labels.date), date});
                b.signatures.push_back(std::move(cell));
            }
            return b;
        });
        for (const auto& party : draft_.parties)
            if (!party.signatory.date.empty() && !format_date(party.signatory.date, Language::en))
                error(Finding::Kind::parties, "the signature date of " + party.name_in(languages_.front()) + " (“" +
                                                  party.signatory.date + "”) is not a date (expected YYYY-MM-DD)");
    }

    // A party without its own place or date of signature signs at the draft's.
    std::string signature_default(const std::string& field_id, Language l) {
        const content::Field* f = lib_.find_field(field_id);
        if (!f) return {};
        if (l == languages_.front()) note_field_use(f, "signatures");
        return field_text(*f, l).value_or("[" + f->label[l] + "]");
    }

    // --- fields -----------------------------------------------------------------------------

    void check_fields() {
        for (const auto& use : out_.fields) {
            const content::Field& f = *use.field;
            std::string where;
            for (const auto& p : use.places) where += (where.empty() ? "" : ", ") + p;
            std::string name = "“" + f.label.en + "” (" + f.id + ")";
            std::vector<Language> missing;
            for (Language l : languages_) {
                const std::string* v = draft_.value(f.id, l);
                if (!v || v->empty()) {
                    missing.push_back(l);
                    continue;
                }
                std::string problem = check_value(f, *v);
                if (!problem.empty()) {
                    error(Finding::Kind::invalid_field, "field " + name + ": " + problem + "; used in " + where, {}, {},
                          f.id);
                    break;
                }
            }
            if (!missing.empty()) {
                std::string langs;
                if (missing.size() < languages_.size())
                    langs = missing.front() == Language::en ? " in English" : " in French";
                error(Finding::Kind::missing_field, "field " + name + " has no value" + langs + "; used in " + where,
                      {}, {}, f.id);
            }
        }
    }

    const content::Library& lib_;
    const Draft& draft_;
    const content::Template* template_ = nullptr;
    std::vector<Language> languages_;
    std::vector<ChosenClause> selection_;
    std::set<std::string> selected_ids_;
    std::vector<PartPlan> plans_;
    Assembly out_;
};

}  // namespace

Assembly assemble(const content::Library& library, const Draft& draft) {
    return Assembler(library, draft).run();
}

}  // namespace moudesk::drafting
