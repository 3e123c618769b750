// load_library(): reads the clause library and the templates, validates each file against its
// schema, builds the model and checks what a schema cannot (references, duplicates, cycles,
// languages). Every problem names file:line:column; a broken file is left out, the rest loads.

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <future>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/content/schema_validator.h"
#include "moudesk/content/xml.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"

namespace moudesk::content {
namespace {

namespace fs = std::filesystem;
using xml::Document;

constexpr std::array<Instrument, 3> all_instruments{Instrument::mou, Instrument::moa, Instrument::addendum};

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) words.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

std::string in_quotes(std::string_view id) {
    return "'" + std::string(id) + "'";
}

std::string lang_tag(std::string_view element, Language language) {
    return "<" + std::string(element) + " lang=\"" + to_code(language) + "\">";
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Text inside markup: runs of white space become one space (XML is wrapped freely), but a
// space next to markup is kept: "between <party-list/> on" must not become "between<…>on".
void normalize_spaces(RichText& text) {
    // In place: every clause's text passes through here, so no second vector and no new strings.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        Inline& piece = text[i];
        if (piece.kind == Inline::Kind::text) {
            std::string& s = piece.text;
            std::size_t w = 0;
            for (std::size_t r = 0; r < s.size(); ++r) {
                if (!is_space(s[r]))
                    s[w++] = s[r];
                else if (w == 0 || s[w - 1] != ' ')
                    s[w++] = ' ';
            }
            s.resize(w);
            if (kept > 0 && text[kept - 1].kind == Inline::Kind::text) {
                // Adjacent text and CDATA pieces are one run of text.
                std::string& before = text[kept - 1].text;
                std::string_view after = s;
                if (!before.empty() && before.back() == ' ' && !after.empty() && after.front() == ' ')
                    after.remove_prefix(1);
                before += after;
                continue;
            }
        }
        if (kept != i) text[kept] = std::move(piece);
        ++kept;
    }
    text.resize(kept);
    if (!text.empty() && text.front().kind == Inline::Kind::text && !text.front().text.empty() &&
        text.front().text.front() == ' ')
        text.front().text.erase(0, 1);
    if (!text.empty() && text.back().kind == Inline::Kind::text && !text.back().text.empty() &&
        text.back().text.back() == ' ')
        text.back().text.pop_back();
    std::erase_if(text, [](const Inline& piece) { return piece.kind == Inline::Kind::text && piece.text.empty(); });
}

bool is_date(std::string_view value) {
    if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (value[i] < '0' || value[i] > '9') return false;
    const int month = (value[5] - '0') * 10 + (value[6] - '0');
    const int day = (value[8] - '0') * 10 + (value[9] - '0');
    const int year = std::stoi(std::string(value.substr(0, 4)));
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days[static_cast<std::size_t>(month - 1)]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::optional<long long> parse_integer(std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// A reference from text or a commitment to a field, term or clause, checked once all is loaded.
struct Reference {
    Inline::Kind kind;
    std::string id;
    SourceLocation where;
    std::string owner;        // "clause 'x'" or "template 'mou'", for messages
    std::string clause;       // the clause it is in, "" in a template
    std::string element;      // that clause's element slug, "" in a template
    bool recurrence = false;  // every="field:<id>": the field counts months
};

// What the checks need to know about a clause beyond the model.
struct ClauseInfo {
    SourceLocation requires_where;
    SourceLocation excludes_where;
};

struct Definition {
    std::string element;  // "" when shared (fields.xml, terms.xml)
    std::string file;
    SourceLocation where;
};

struct Validators {
    fs::path dir;
    std::map<std::string, std::unique_ptr<SchemaValidator>> loaded;
    std::set<std::string> failed;

    // The validator for `xsd`, compiled on first use; nullptr (and one error) if it cannot be.
    const SchemaValidator* get(const std::string& xsd, Problems& problems) {
        if (auto it = loaded.find(xsd); it != loaded.end()) return it->second.get();
        if (failed.contains(xsd)) return nullptr;
        try {
            auto validator = std::make_unique<SchemaValidator>(dir / xsd);
            return loaded.emplace(xsd, std::move(validator)).first->second.get();
        } catch (const Error& e) {
            problems.error({(dir / xsd).string(), 0, 0},
                           std::string(e.what()) + " (files it governs are loaded without validation)");
            failed.insert(xsd);
            return nullptr;
        }
    }
};

class Loader {
public:
    Loader(Problems& problems, fs::path schemas, bool validate) : problems_(problems), validate_(validate) {
        validators_.dir = std::move(schemas);
    }

    Library load(const fs::path& clauses_dir, const fs::path& templates_dir);

private:
    // Reads, parses and validates one file; nullptr when it is broken (problems reported).
    std::unique_ptr<Document> open(const fs::path& path, const std::string& xsd, std::string_view root);
    // Validates a parsed file (nullptr: it did not parse); nullptr when it is broken.
    std::unique_ptr<Document> check(std::unique_ptr<Document> doc, const std::string& xsd, std::string_view root);
    void load_element_files(const fs::path& clauses_dir, const std::vector<std::string>& names);

    void load_catalogue(const Document& doc);
    void load_fields_file(const Document& doc);
    void load_terms_file(const Document& doc);
    void load_element_file(const Document& doc, const fs::path& path);
    void load_template(const Document& doc, const fs::path& path);

    void read_field(const Document& doc, pugi::xml_node node, const std::string& element);
    void read_term(const Document& doc, pugi::xml_node node, const std::string& element);
    void read_clause(const Document& doc, pugi::xml_node node, const std::string& element);

    // The children `name` of `parent`, one per language; a second one in a language is an error.
    Localized read_localized(const Document& doc, pugi::xml_node parent, const char* name);
    // Reports each language `text` lacks, at the first `name` child (or `parent`).
    void require_languages(const Localized& text, const Document& doc, pugi::xml_node parent, const char* name,
                           const std::string& owner);
    LocalizedRichText read_texts(const Document& doc, pugi::xml_node parent, const Reference& owner);
    RichText read_rich(const Document& doc, pugi::xml_node text, const Reference& owner);
    // <para> and <list> children of `parent`, in order.
    std::vector<Block> read_blocks(const Document& doc, pugi::xml_node parent, const Reference& owner);

    void check_element_coverage();
    void check_clause_references();
    void check_cycles();
    void check_text_references();
    void check_templates();

    std::vector<std::string> requires_closure(const Clause& clause) const;
    bool from_broken_file(std::string_view clause_id) const {
        return broken_elements_.contains(std::string(clause_id.substr(0, clause_id.find('.'))));
    }

    Problems& problems_;
    Validators validators_;
    bool validate_;
    Library lib_;
    std::vector<ClauseInfo> clause_info_;                  // parallel to lib_.clauses
    std::map<std::string, SourceLocation> element_files_;  // slug → root of its clauses file
    std::map<std::string, Definition> field_defs_, term_defs_;
    struct CommitmentSeen {
        std::string clause;
        std::size_t variant;
        SourceLocation where;
    };
    std::map<std::string, CommitmentSeen> commitment_ids_;
    std::map<std::string, SourceLocation> catalogue_where_;  // slug → <element> in catalogue
    std::vector<Reference> references_;
    std::set<std::string> broken_elements_;  // slugs whose clause file is broken
    bool catalogue_ok_ = false;
    bool fields_ok_ = true;
    bool terms_ok_ = true;
    // Per template: where each part's <elements> is, for coverage messages.
    struct TemplateInfo {
        std::map<std::string, SourceLocation> listed;  // slug → where listed
    };
    std::vector<TemplateInfo> template_info_;  // parallel to lib_.templates
};

std::unique_ptr<Document> Loader::open(const fs::path& path, const std::string& xsd, std::string_view root) {
    return check(Document::load(path, problems_), xsd, root);
}

std::unique_ptr<Document> Loader::check(std::unique_ptr<Document> doc, const std::string& xsd, std::string_view root) {
    if (!doc) return nullptr;
    if (const SchemaValidator* validator = validate_ ? validators_.get(xsd, problems_) : nullptr) {
        if (!validator->validate(doc->bytes(), doc->file(), problems_)) return nullptr;
    } else if (std::string_view(doc->root().name()) != root) {
        // Without a schema at least make sure the file is what we take it for.
        problems_.error(doc->where(doc->root()), "expected <" + std::string(root) + "> as the root element");
        return nullptr;
    }
    return doc;
}

Localized Loader::read_localized(const Document& doc, pugi::xml_node parent, const char* name) {
    Localized out;
    for (pugi::xml_node child : parent.children(name)) {
        const auto language = language_from_code(child.attribute("lang").value());
        if (!language) {
            problems_.error(doc.where(child, "lang"), std::string("<") + name + "> needs lang=\"en\" or lang=\"fr\"");
            continue;
        }
        if (out.has(*language)) {
            problems_.error(doc.where(child), "a second " + lang_tag(name, *language));
            continue;
        }
        out[*language] = collapse_spaces(child.child_value());
    }
    return out;
}

void Loader::require_languages(const Localized& text, const Document& doc, pugi::xml_node parent, const char* name,
                               const std::string& owner) {
    for (Language language : all_languages) {
        if (text.has(language)) continue;
        const pugi::xml_node first = parent.child(name);
        problems_.error(doc.where(first ? first : parent), owner + ": no " + lang_tag(name, language));
    }
}

RichText Loader::read_rich(const Document& doc, pugi::xml_node text, const Reference& owner) {
    RichText out;
    out.reserve(static_cast<std::size_t>(std::distance(text.begin(), text.end())));
    for (pugi::xml_node child : text.children()) {
        Inline piece;
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            piece.text = child.value();
            out.push_back(std::move(piece));
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = child.name();
        // Only references are checked after loading: they alone carry where they are written.
        auto remember = [&](Inline::Kind kind, const std::string& id) {
            Reference ref = owner;
            ref.kind = kind;
            ref.id = id;
            ref.where = doc.where(child);
            references_.push_back(std::move(ref));
        };
        if (name == "parties" || name == "instrument") {
            piece.kind = name == "parties" ? Inline::Kind::parties : Inline::Kind::instrument;
            piece.capitalized = child.attribute("cap").as_bool();
            piece.form = child.attribute("form").value();
        } else if (name == "w") {
            piece.kind = Inline::Kind::wording;
            piece.mou = child.attribute("mou").value();
            piece.moa = child.attribute("moa").value();
        } else if (name == "field") {
            piece.kind = Inline::Kind::field;
            piece.ref = child.attribute("ref").value();
            remember(piece.kind, piece.ref);
        } else if (name == "ref") {
            piece.kind = Inline::Kind::clause_ref;
            piece.ref = child.attribute("clause").value();
            remember(piece.kind, piece.ref);
        } else if (name == "term") {
            piece.kind = Inline::Kind::term;
            piece.ref = child.attribute("ref").value();
            piece.text = collapse_spaces(child.child_value());
            remember(piece.kind, piece.ref);
        } else if (name == "party") {
            piece.kind = Inline::Kind::party;
            piece.party_index = child.attribute("index").as_int();
            if (piece.party_index < 1) {
                problems_.error(doc.where(child, "index"), owner.owner + ": <party index> counts from 1");
                continue;
            }
        } else if (name == "party-list") {
            piece.kind = Inline::Kind::party_list;
        } else {
            problems_.error(doc.where(child), owner.owner + ": unknown markup <" + std::string(name) + ">");
            continue;
        }
        out.push_back(std::move(piece));
    }
    normalize_spaces(out);
    return out;
}

LocalizedRichText Loader::read_texts(const Document& doc, pugi::xml_node parent, const Reference& owner) {
    LocalizedRichText out;
    std::array<bool, 2> seen{false, false};
    for (pugi::xml_node text : parent.children("text")) {
        const auto language = language_from_code(text.attribute("lang").value());
        if (!language) {
            problems_.error(doc.where(text, "lang"), owner.owner + ": <text> needs lang=\"en\" or lang=\"fr\"");
            continue;
        }
        auto& was_seen = seen[static_cast<std::size_t>(*language)];
        if (was_seen) {
            problems_.error(doc.where(text), owner.owner + ": a second " + lang_tag("text", *language));
            continue;
        }
        was_seen = true;
        out[*language] = read_rich(doc, text, owner);
    }
    for (Language language : all_languages) {
        if (out.has(language)) continue;
        const pugi::xml_node first = parent.child("text");
        problems_.error(doc.where(first ? first : parent),
                        owner.owner + ": <" + std::string(parent.name()) + "> has no " + lang_tag("text", language));
    }
    return out;
}

std::vector<Block> Loader::read_blocks(const Document& doc, pugi::xml_node parent, const Reference& owner) {
    std::vector<Block> blocks;
    for (pugi::xml_node child : parent.children()) {
        const std::string_view name = child.name();
        if (name == "para") {
            blocks.push_back({Block::Kind::paragraph, read_texts(doc, child, owner), doc.where(child)});
        } else if (name == "list") {
            if (blocks.empty()) problems_.error(doc.where(child), owner.owner + ": a <list> must follow a <para>");
            for (pugi::xml_node item : child.children("item"))
                blocks.push_back({Block::Kind::item, read_texts(doc, item, owner), doc.where(item)});
        }
    }
    return blocks;
}

void Loader::load_catalogue(const Document& doc) {
    for (pugi::xml_node node : doc.root().children("element")) {
        KeyElement element;
        element.slug = node.attribute("slug").value();
        element.where = doc.where(node);
        const std::string owner = "key element " + in_quotes(element.slug);
        if (const auto it = catalogue_where_.find(element.slug); it != catalogue_where_.end()) {
            problems_.error(doc.where(node, "slug"), "duplicate key element " + in_quotes(element.slug) +
                                                         " (first at " + to_string(it->second) + ")");
            continue;
        }
        catalogue_where_[element.slug] = element.where;
        const std::string_view group = node.attribute("group").value();
        if (group == "final")
            element.group = ElementGroup::final_provision;
        else if (group != "cooperation")
            problems_.error(doc.where(node, "group"), owner + ": group must be cooperation or final");
        element.section = node.attribute("section").value();
        element.title = read_localized(doc, node, "title");
        require_languages(element.title, doc, node, "title", owner);
        element.description = read_localized(doc, node, "description");
        require_languages(element.description, doc, node, "description", owner);
        std::array<bool, 2> seen{false, false};
        for (pugi::xml_node patterns : node.children("patterns")) {
            const auto language = language_from_code(patterns.attribute("lang").value());
            if (!language) continue;  // the schema says which
            if (seen[static_cast<std::size_t>(*language)]) {
                problems_.error(doc.where(patterns), owner + ": a second " + lang_tag("patterns", *language));
                continue;
            }
            seen[static_cast<std::size_t>(*language)] = true;
            auto& list = *language == Language::en ? element.patterns_en : element.patterns_fr;
            for (pugi::xml_node pattern : patterns.children("pattern")) {
                std::string text = collapse_spaces(pattern.child_value());
                if (text.empty())
                    problems_.error(doc.where(pattern), owner + ": empty <pattern>");
                else
                    list.push_back(std::move(text));
            }
        }
        for (Language language : all_languages)
            if (!seen[static_cast<std::size_t>(language)])
                problems_.error(element.where, owner + ": no " + lang_tag("patterns", language));
        lib_.elements.push_back(std::move(element));
    }
}

void Loader::read_field(const Document& doc, pugi::xml_node node, const std::string& element) {
    Field field;
    field.id = node.attribute("id").value();
    field.where = doc.where(node);
    const std::string owner = "field " + in_quotes(field.id);
    if (const auto it = field_defs_.find(field.id); it != field_defs_.end()) {
        problems_.error(doc.where(node, "id"), "duplicate field id " + in_quotes(field.id) + " (first at " +
                                                   to_string(it->second.where) + ")");
        return;
    }
    field_defs_[field.id] = {element, doc.file(), field.where};

    const std::string_view type = node.attribute("type").value();
    if (type == "date")
        field.type = FieldType::date;
    else if (type == "integer")
        field.type = FieldType::integer;
    else if (type != "text")
        problems_.error(doc.where(node, "type"), owner + ": type must be text, date or integer");
    field.localized = node.attribute("localized").as_bool();
    if (field.localized && field.type != FieldType::text)
        problems_.error(doc.where(node, "localized"), owner + ": only a text field can be localized");
    for (const char* bound : {"min", "max"}) {
        const pugi::xml_attribute attribute = node.attribute(bound);
        if (!attribute) continue;
        if (field.type != FieldType::integer) {
            problems_.error(doc.where(node, bound), owner + ": " + bound + " applies to integer fields only");
            continue;
        }
        const auto value = parse_integer(attribute.value());
        if (!value) {
            problems_.error(doc.where(node, bound), owner + ": " + bound + " is not an integer");
            continue;
        }
        (std::string_view(bound) == "min" ? field.min : field.max) = value;
    }
    if (field.min && field.max && *field.min > *field.max)
        problems_.error(doc.where(node, "min"), owner + ": min is greater than max");

    field.label = read_localized(doc, node, "label");
    require_languages(field.label, doc, node, "label", owner);

    // A localised field has one example per language; another has one value for both.
    for (pugi::xml_node example : node.children("example")) {
        const std::string value = collapse_spaces(example.child_value());
        const auto language = language_from_code(example.attribute("lang").value());
        if (field.localized) {
            if (!language) {
                problems_.error(doc.where(example), owner + ": a localized field gives each <example> a lang");
            } else if (field.example.has(*language)) {
                problems_.error(doc.where(example), owner + ": a second " + lang_tag("example", *language));
            } else {
                field.example[*language] = value;
            }
            continue;
        }
        if (!field.example.en.empty()) {
            problems_.warning(doc.where(example), owner + ": not localized, so only the first <example> is used");
            continue;
        }
        field.example.en = field.example.fr = value;
        const SourceLocation where = doc.where(example);
        if (field.type == FieldType::integer) {
            const auto number = parse_integer(value);
            if (!number)
                problems_.error(where, owner + ": example " + in_quotes(value) + " is not an integer");
            else if ((field.min && *number < *field.min) || (field.max && *number > *field.max))
                problems_.error(where, owner + ": example " + value + " is out of range [" +
                                           (field.min ? std::to_string(*field.min) : "") + ", " +
                                           (field.max ? std::to_string(*field.max) : "") + "]");
        } else if (field.type == FieldType::date && !is_date(value)) {
            problems_.error(where, owner + ": example " + in_quotes(value) + " is not a date YYYY-MM-DD");
        }
    }
    if (field.localized) require_languages(field.example, doc, node, "example", owner);
    lib_.fields.push_back(std::move(field));
}

void Loader::read_term(const Document& doc, pugi::xml_node node, const std::string& element) {
    Term term;
    term.id = node.attribute("id").value();
    term.where = doc.where(node);
    const std::string owner = "term " + in_quotes(term.id);
    if (const auto it = term_defs_.find(term.id); it != term_defs_.end()) {
        problems_.error(doc.where(node, "id"),
                        "duplicate term id " + in_quotes(term.id) + " (first at " + to_string(it->second.where) + ")");
        return;
    }
    term_defs_[term.id] = {element, doc.file(), term.where};
    term.name = read_localized(doc, node, "name");
    require_languages(term.name, doc, node, "name", owner);
    term.definition = read_localized(doc, node, "definition");
    require_languages(term.definition, doc, node, "definition", owner);
    lib_.terms.push_back(std::move(term));
}

void Loader::load_fields_file(const Document& doc) {
    for (pugi::xml_node node : doc.root().children("field")) read_field(doc, node, "");
}

void Loader::load_terms_file(const Document& doc) {
    for (pugi::xml_node node : doc.root().children("term")) read_term(doc, node, "");
}

void Loader::read_clause(const Document& doc, pugi::xml_node node, const std::string& element) {
    Clause clause;
    clause.id = node.attribute("id").value();
    clause.element = element;
    clause.where = doc.where(node);
    const std::string owner = "clause " + in_quotes(clause.id);
    if (const auto* first = lib_.find_clause(clause.id)) {
        problems_.error(doc.where(node, "id"),
                        "duplicate clause id " + in_quotes(clause.id) + " (first at " + to_string(first->where) + ")");
        return;
    }
    if (!clause.id.starts_with(element + "."))
        problems_.error(doc.where(node, "id"),
                        owner + ": the id must start with its key element, as in " + in_quotes(element + ".<name>"));

    clause.is_default = node.attribute("default").as_bool();
    if (const pugi::xml_attribute instruments = node.attribute("instruments")) {
        for (const std::string& code : split_words(instruments.value())) {
            const auto instrument = instrument_from_code(code);
            if (!instrument)
                problems_.error(doc.where(node, "instruments"), owner + ": unknown instrument " + in_quotes(code));
            else if (!clause.fits(*instrument))
                clause.instruments.push_back(*instrument);
        }
    }
    if (clause.instruments.empty()) clause.instruments.assign(all_instruments.begin(), all_instruments.end());
    clause.requires_ = split_words(node.attribute("requires").value());
    clause.excludes = split_words(node.attribute("excludes").value());

    clause.title = read_localized(doc, node, "title");
    require_languages(clause.title, doc, node, "title", owner);
    clause.guidance = read_localized(doc, node, "guidance");
    require_languages(clause.guidance, doc, node, "guidance", owner);

    Reference context{Inline::Kind::text, "", {}, owner, clause.id, element};
    bool unlevelled = false;
    for (pugi::xml_node node_variant : node.children("variant")) {
        Variant variant;
        variant.where = doc.where(node_variant);
        if (const pugi::xml_attribute level = node_variant.attribute("level")) {
            variant.level = level_from_code(level.value());
            if (!variant.level) {
                problems_.error(doc.where(node_variant, "level"),
                                owner + ": unknown level " + in_quotes(level.value()));
                continue;
            }
            for (const Variant& other : clause.variants) {
                if (other.level == variant.level) {
                    problems_.error(doc.where(node_variant, "level"), owner + ": level " + in_quotes(level.value()) +
                                                                          " is used twice (first at " +
                                                                          to_string(other.where) + ")");
                    break;
                }
            }
        } else {
            unlevelled = true;
        }
        variant.blocks = read_blocks(doc, node_variant, context);
        for (pugi::xml_node node_commitment : node_variant.children("commitment")) {
            Commitment commitment;
            commitment.id = node_commitment.attribute("id").value();
            commitment.party = node_commitment.attribute("party").value();
            commitment.due = node_commitment.attribute("due").value();
            commitment.every = node_commitment.attribute("every").value();
            commitment.where = doc.where(node_commitment);
            const std::string what = "commitment " + in_quotes(commitment.id);
            // Commitment ids become action ids in the register: unique across the library, but
            // the variants of one clause may each state the same commitment at their level.
            const auto variant_index = clause.variants.size();
            if (const auto [it, added] =
                    commitment_ids_.emplace(commitment.id, CommitmentSeen{clause.id, variant_index, commitment.where});
                !added && (it->second.clause != clause.id || it->second.variant == variant_index))
                problems_.error(doc.where(node_commitment, "id"), "duplicate commitment id " +
                                                                      in_quotes(commitment.id) + " (first at " +
                                                                      to_string(it->second.where) + ")");
            if (commitment.every.starts_with("field:")) {
                Reference ref = context;
                ref.kind = Inline::Kind::field;
                ref.id = commitment.every.substr(6);
                ref.where = doc.where(node_commitment, "every");
                ref.owner = owner + ", " + what + ",";
                ref.recurrence = true;
                references_.push_back(std::move(ref));
            }
            commitment.text = read_localized(doc, node_commitment, "text");
            require_languages(commitment.text, doc, node_commitment, "text", owner + ", " + what);
            variant.commitments.push_back(std::move(commitment));
        }
        clause.variants.push_back(std::move(variant));
    }
    if (clause.variants.empty())
        problems_.error(clause.where, owner + ": no <variant>");
    else if (unlevelled && clause.variants.size() > 1)
        problems_.error(clause.where, owner + ": only a single variant may leave out its level");

    clause_info_.push_back({doc.where(node, "requires"), doc.where(node, "excludes")});
    lib_.clauses.push_back(std::move(clause));
}

void Loader::load_element_file(const Document& doc, const fs::path& path) {
    const pugi::xml_node root = doc.root();
    const std::string slug = root.attribute("element").value();
    if (catalogue_ok_ && !catalogue_where_.contains(slug))
        problems_.error(doc.where(root, "element"),
                        "unknown key element " + in_quotes(slug) + " (not in catalogue.xml)");
    if (path.stem().string() != slug)
        problems_.error(doc.where(root, "element"), "the clauses of key element " + in_quotes(slug) + " belong in " +
                                                        slug + ".xml, not " + path.filename().string());
    if (const auto it = element_files_.find(slug); it != element_files_.end()) {
        problems_.error(doc.where(root, "element"), "key element " + in_quotes(slug) + " already has its clauses in " +
                                                        it->second.file + "; this file is left out");
        return;
    }
    element_files_[slug] = doc.where(root);
    for (pugi::xml_node child : root.children()) {
        const std::string_view name = child.name();
        if (name == "field")
            read_field(doc, child, slug);
        else if (name == "term")
            read_term(doc, child, slug);
        else if (name == "clause")
            read_clause(doc, child, slug);
    }
}

void Loader::load_element_files(const fs::path& clauses_dir, const std::vector<std::string>& names) {
    // Reading and parsing the files is about a third of loading: a second thread does it a file
    // ahead of this one, which builds the clauses. Problems keep the order of the files.
    struct Parsed {
        std::unique_ptr<Document> doc;
        Problems problems;
    };
    std::vector<std::promise<Parsed>> parsed(names.size());
    std::vector<std::future<Parsed>> ready;
    ready.reserve(names.size());
    for (auto& promise : parsed) ready.push_back(promise.get_future());
    std::jthread reader([&] {
        for (std::size_t i = 0; i < names.size(); ++i) {
            try {
                Parsed file;
                file.doc = Document::load(clauses_dir / names[i], file.problems);
                parsed[i].set_value(std::move(file));
            } catch (...) {
                parsed[i].set_exception(std::current_exception());
            }
        }
    });
    for (std::size_t i = 0; i < names.size(); ++i) {
        const fs::path path = clauses_dir / names[i];
        Parsed file = ready[i].get();
        problems_.append(file.problems);
        if (auto doc = check(std::move(file.doc), "clauses.xsd", "clauses"))
            load_element_file(*doc, path);
        else
            broken_elements_.insert(path.stem().string());
    }
}

void Loader::load_template(const Document& doc, const fs::path& path) {
    const pugi::xml_node root = doc.root();
    Template tpl;
    tpl.id = root.attribute("id").value();
    tpl.where = doc.where(root);
    const std::string owner = "template " + in_quotes(tpl.id);
    if (path.stem().string() != tpl.id)
        problems_.error(doc.where(root, "id"),
                        owner + " belongs in " + tpl.id + ".xml, not " + path.filename().string());
    const auto instrument = instrument_from_code(root.attribute("instrument").value());
    if (!instrument) {
        problems_.error(doc.where(root, "instrument"),
                        owner + ": unknown instrument " + in_quotes(root.attribute("instrument").value()));
        return;
    }
    tpl.instrument = *instrument;
    // A template named after an instrument must be that instrument's.
    if (const auto named = instrument_from_code(tpl.id); named && *named != *instrument)
        problems_.error(doc.where(root, "instrument"),
                        owner + " is for instrument " + in_quotes(to_code(*instrument)) + ", not " + in_quotes(tpl.id));
    for (const Template& other : lib_.templates)
        if (other.instrument == tpl.instrument)
            problems_.warning(doc.where(root, "instrument"),
                              owner + ": instrument " + in_quotes(to_code(tpl.instrument)) + " already has template " +
                                  in_quotes(other.id) + ", which is used");

    Reference context{Inline::Kind::text, "", {}, owner, "", ""};
    tpl.name = read_localized(doc, root, "name");
    require_languages(tpl.name, doc, root, "name", owner);
    tpl.title = read_texts(doc, root.child("title"), context);
    const pugi::xml_node numbering = root.child("numbering");
    tpl.numbering.article.en = numbering.attribute("article-en").value();
    tpl.numbering.article.fr = numbering.attribute("article-fr").value();
    tpl.numbering.paragraph = numbering.attribute("paragraph").value();
    tpl.numbering.item = numbering.attribute("item").value();
    tpl.preamble = read_blocks(doc, root.child("preamble"), context);

    TemplateInfo info;
    for (pugi::xml_node node : root.children("part")) {
        Part part;
        part.id = node.attribute("id").value();
        const std::string what = owner + ", part " + in_quotes(part.id);
        part.heading = read_localized(doc, node, "heading");
        require_languages(part.heading, doc, node, "heading", what);
        const pugi::xml_node elements = node.child("elements");
        const SourceLocation where = doc.where(elements ? elements : node);
        part.rest_of_cooperation = std::string_view(elements.attribute("group").value()) == "cooperation";
        for (const std::string& slug : split_words(elements.child_value())) {
            if (catalogue_ok_ && !catalogue_where_.contains(slug)) {
                problems_.error(where, what + ": unknown key element " + in_quotes(slug));
                continue;
            }
            if (const auto it = info.listed.find(slug); it != info.listed.end()) {
                problems_.error(where, what + ": key element " + in_quotes(slug) + " is already listed at " +
                                           to_string(it->second));
                continue;
            }
            info.listed.emplace(slug, where);
            part.elements.push_back(slug);
        }
        if (part.elements.empty() && !part.rest_of_cooperation) problems_.error(where, what + ": lists no key element");
        tpl.parts.push_back(std::move(part));
    }

    const pugi::xml_node signatures = root.child("signatures");
    tpl.signature_intro = read_texts(doc, signatures.child("intro"), context);
    std::array<bool, 2> seen{false, false};
    for (pugi::xml_node labels : signatures.children("labels")) {
        const auto language = language_from_code(labels.attribute("lang").value());
        if (!language) continue;  // the schema says which
        if (seen[static_cast<std::size_t>(*language)]) {
            problems_.error(doc.where(labels), owner + ": a second " + lang_tag("labels", *language));
            continue;
        }
        seen[static_cast<std::size_t>(*language)] = true;
        SignatureLabels& out = *language == Language::en ? tpl.labels_en : tpl.labels_fr;
        out = {labels.attribute("for").value(), labels.attribute("name").value(), labels.attribute("title").value(),
               labels.attribute("place").value(), labels.attribute("date").value()};
    }
    for (Language language : all_languages)
        if (!seen[static_cast<std::size_t>(language)])
            problems_.error(doc.where(signatures ? signatures : root), owner + ": no " + lang_tag("labels", language));

    lib_.templates.push_back(std::move(tpl));
    template_info_.push_back(std::move(info));
}

void Loader::check_element_coverage() {
    for (const KeyElement& element : lib_.elements) {
        const auto clauses = lib_.clauses_of(element.slug);
        if (clauses.empty()) {
            if (!broken_elements_.contains(element.slug))
                problems_.error(element.where, "key element " + in_quotes(element.slug) +
                                                   " has no clause (expected in " + element.slug + ".xml)");
            continue;
        }
        for (const Clause* clause : clauses) {
            if (element.group != ElementGroup::cooperation) continue;
            std::set<PartnershipLevel> levels;
            for (const Variant& variant : clause->variants)
                if (variant.level) levels.insert(*variant.level);
            if (levels.size() < 2)
                problems_.warning(clause->where, "clause " + in_quotes(clause->id) + " of cooperation element " +
                                                     in_quotes(element.slug) +
                                                     " has variants for fewer than two levels");
        }
        // The drafting falls back on the default clauses: each instrument some clause fits
        // should have one.
        for (Instrument instrument : all_instruments) {
            bool fits = false;
            bool has_default = false;
            for (const Clause* clause : clauses) {
                fits = fits || clause->fits(instrument);
                has_default = has_default || (clause->is_default && clause->fits(instrument));
            }
            if (fits && !has_default)
                problems_.warning(element.where, "key element " + in_quotes(element.slug) +
                                                     " has no default clause for instrument " +
                                                     in_quotes(to_code(instrument)));
        }
    }
}

std::vector<std::string> Loader::requires_closure(const Clause& clause) const {
    std::vector<std::string> closure;
    std::vector<const Clause*> pending{&clause};
    while (!pending.empty()) {
        const Clause* current = pending.back();
        pending.pop_back();
        for (const std::string& id : current->requires_) {
            if (std::find(closure.begin(), closure.end(), id) != closure.end()) continue;
            closure.push_back(id);
            if (const Clause* next = lib_.find_clause(id)) pending.push_back(next);
        }
    }
    return closure;
}

void Loader::check_clause_references() {
    for (std::size_t i = 0; i < lib_.clauses.size(); ++i) {
        const Clause& clause = lib_.clauses[i];
        const ClauseInfo& info = clause_info_[i];
        const std::string owner = "clause " + in_quotes(clause.id);
        for (const std::string& id : clause.requires_)
            if (!lib_.find_clause(id) && !from_broken_file(id))
                problems_.error(info.requires_where, owner + " requires unknown clause " + in_quotes(id));
        for (const std::string& id : clause.excludes)
            if (!lib_.find_clause(id) && !from_broken_file(id))
                problems_.error(info.excludes_where, owner + " excludes unknown clause " + in_quotes(id));
        // A clause may not bring in what it rules out, nor what rules it out.
        for (const std::string& id : requires_closure(clause)) {
            if (std::find(clause.excludes.begin(), clause.excludes.end(), id) != clause.excludes.end())
                problems_.error(info.excludes_where, owner + " both requires and excludes " + in_quotes(id));
            const Clause* required = lib_.find_clause(id);
            if (required && id != clause.id &&
                std::find(required->excludes.begin(), required->excludes.end(), clause.id) != required->excludes.end())
                problems_.error(info.requires_where, owner + " requires " + in_quotes(id) + ", which excludes it");
        }
    }
}

void Loader::check_cycles() {
    enum class Mark { none, active, done };
    std::map<std::string, Mark> marks;
    std::vector<std::string> path;
    std::set<std::vector<std::string>> reported;

    auto index_of = [&](const std::string& id) {
        for (std::size_t i = 0; i < lib_.clauses.size(); ++i)
            if (lib_.clauses[i].id == id) return i;
        return lib_.clauses.size();
    };

    auto visit = [&](auto&& self, const Clause& clause) -> void {
        marks[clause.id] = Mark::active;
        path.push_back(clause.id);
        for (const std::string& id : clause.requires_) {
            const Clause* next = lib_.find_clause(id);
            if (!next) continue;
            const Mark mark = marks[id];
            if (mark == Mark::active) {
                // The cycle is the tail of the path from `id`; start it at its first clause in
                // library order so each cycle is reported once, the same way every time.
                std::vector<std::string> cycle(std::find(path.begin(), path.end(), id), path.end());
                const auto first = std::min_element(cycle.begin(), cycle.end(), [&](const auto& a, const auto& b) {
                    return index_of(a) < index_of(b);
                });
                std::rotate(cycle.begin(), first, cycle.end());
                if (!reported.insert(cycle).second) continue;
                std::string text;
                for (const std::string& step : cycle) text += step + " -> ";
                text += cycle.front();
                const std::size_t at = index_of(cycle.front());
                problems_.error(clause_info_[at].requires_where, "cyclic requires: " + text);
            } else if (mark == Mark::none) {
                self(self, *next);
            }
        }
        path.pop_back();
        marks[clause.id] = Mark::done;
    };
    for (const Clause& clause : lib_.clauses)
        if (marks[clause.id] == Mark::none) visit(visit, clause);
}

void Loader::check_text_references() {
    std::map<std::string, std::vector<std::string>> closures;
    for (const Reference& ref : references_) {
        switch (ref.kind) {
            case Inline::Kind::field: {
                const Field* field = lib_.find_field(ref.id);
                if (!field) {
                    if (fields_ok_)
                        problems_.error(ref.where, ref.owner + " uses undefined field " + in_quotes(ref.id));
                    break;
                }
                if (ref.recurrence && field->type != FieldType::integer)
                    problems_.error(ref.where, ref.owner + " counts months with " + in_quotes(ref.id) +
                                                   ", which is not an integer field");
                const Definition& def = field_defs_.at(ref.id);
                if (!def.element.empty() && def.element != ref.element)
                    problems_.warning(ref.where, ref.owner + " uses field " + in_quotes(ref.id) + ", defined in " +
                                                     def.file + " for its own clauses; move it to fields.xml");
                break;
            }
            case Inline::Kind::term: {
                if (!lib_.find_term(ref.id)) {
                    if (terms_ok_) problems_.error(ref.where, ref.owner + " uses undefined term " + in_quotes(ref.id));
                    break;
                }
                const Definition& def = term_defs_.at(ref.id);
                if (!def.element.empty() && def.element != ref.element)
                    problems_.warning(ref.where, ref.owner + " uses term " + in_quotes(ref.id) + ", defined in " +
                                                     def.file + " for its own clauses; move it to terms.xml");
                break;
            }
            case Inline::Kind::clause_ref: {
                if (!lib_.find_clause(ref.id)) {
                    if (!from_broken_file(ref.id))
                        problems_.error(ref.where, ref.owner + " refers to unknown clause " + in_quotes(ref.id));
                    break;
                }
                if (ref.clause.empty() || ref.clause == ref.id) break;
                // The article referred to is in the draft only if the clause requires it.
                auto it = closures.find(ref.clause);
                if (it == closures.end())
                    it = closures.emplace(ref.clause, requires_closure(*lib_.find_clause(ref.clause))).first;
                if (std::find(it->second.begin(), it->second.end(), ref.id) == it->second.end())
                    problems_.warning(ref.where, ref.owner + " refers to clause " + in_quotes(ref.id) +
                                                     ", which it does not require: the article may be missing");
                break;
            }
            default: break;
        }
    }
}

void Loader::check_templates() {
    for (std::size_t i = 0; i < lib_.templates.size(); ++i) {
        const Template& tpl = lib_.templates[i];
        const bool has_rest =
            std::any_of(tpl.parts.begin(), tpl.parts.end(), [](const Part& p) { return p.rest_of_cooperation; });
        for (const KeyElement& element : lib_.elements) {
            if (template_info_[i].listed.contains(element.slug)) continue;
            if (element.group == ElementGroup::cooperation && has_rest) continue;
            problems_.warning(tpl.where, "template " + in_quotes(tpl.id) + " places key element " +
                                             in_quotes(element.slug) + " in no part: drafts leave it out");
        }
    }
}

Library Loader::load(const fs::path& clauses_dir, const fs::path& templates_dir) {
    // The catalogue first: the other files are checked against it.
    const fs::path catalogue = clauses_dir / "catalogue.xml";
    if (!fs::exists(catalogue)) {
        problems_.error({catalogue.string(), 0, 0}, "missing: the catalogue of key elements");
    } else if (auto doc = open(catalogue, "catalogue.xsd", "catalogue")) {
        catalogue_ok_ = true;
        load_catalogue(*doc);
    }
    // Shared fields and terms are optional files.
    if (const fs::path fields = clauses_dir / "fields.xml"; fs::exists(fields)) {
        auto doc = open(fields, "fields.xsd", "fields");
        fields_ok_ = doc != nullptr;
        if (doc) load_fields_file(*doc);
    }
    if (const fs::path terms = clauses_dir / "terms.xml"; fs::exists(terms)) {
        auto doc = open(terms, "terms.xsd", "terms");
        terms_ok_ = doc != nullptr;
        if (doc) load_terms_file(*doc);
    }

    // Element files in catalogue order, then any others by name: lib_.clauses is grouped by
    // element in the order articles come.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(clauses_dir)) {
        const fs::path& path = entry.path();
        const std::string name = path.filename().string();
        if (!entry.is_regular_file() || path.extension() != ".xml") continue;
        if (name == "catalogue.xml" || name == "fields.xml" || name == "terms.xml") continue;
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    std::vector<std::string> ordered;
    for (const KeyElement& element : lib_.elements)
        if (std::find(names.begin(), names.end(), element.slug + ".xml") != names.end())
            ordered.push_back(element.slug + ".xml");
    for (const std::string& name : names)
        if (std::find(ordered.begin(), ordered.end(), name) == ordered.end()) ordered.push_back(name);
    load_element_files(clauses_dir, ordered);

    std::error_code ec;
    if (!fs::is_directory(templates_dir, ec)) {
        problems_.error({templates_dir.string(), 0, 0}, "missing: the folder of templates");
    } else {
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(templates_dir))
            if (entry.is_regular_file() && entry.path().extension() == ".xml") paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        std::set<Instrument> broken;
        for (const fs::path& path : paths) {
            if (auto doc = open(path, "template.xsd", "template"))
                load_template(*doc, path);
            else if (const auto named = instrument_from_code(path.stem().string()))
                broken.insert(*named);
        }
        for (Instrument instrument : all_instruments)
            if (!lib_.find_template(instrument) && !broken.contains(instrument))
                problems_.error({(templates_dir / (std::string(to_code(instrument)) + ".xml")).string(), 0, 0},
                                std::string("missing: no template for instrument ") + in_quotes(to_code(instrument)));
    }

    check_element_coverage();
    check_clause_references();
    check_cycles();
    check_text_references();
    check_templates();
    return std::move(lib_);
}

}  // namespace

Library load_library(const fs::path& clauses_dir, const fs::path& templates_dir, Problems& problems,
                     SchemaCheck schema_check) {
    std::error_code ec;
    if (!fs::is_directory(clauses_dir, ec))
        throw Error(ErrorCategory::environment, clauses_dir.string() + ": not a readable folder");
    try {
        Loader loader(problems, bundled_data_dir() / "schemas", schema_check == SchemaCheck::full);
        return loader.load(clauses_dir, templates_dir);
    } catch (const fs::filesystem_error& e) {
        throw Error(ErrorCategory::environment, e.what());
    }
}

}  // namespace moudesk::content
