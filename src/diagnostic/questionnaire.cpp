// load_questionnaire(): reads diagnostic/questionnaire.xml, validates it against
// schemas/diagnostic.xsd, builds the model and checks what the schema cannot (unique ids, both
// languages, known element slugs, coverage of the cooperation elements, weights). Every problem
// names file:line:column; a question with any problem is left out, the rest loads.

#include "moudesk/diagnostic/questionnaire.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "moudesk/content/library.h"
#include "moudesk/content/schema_validator.h"
#include "moudesk/content/xml.h"
#include "moudesk/core/text.h"

namespace moudesk::diagnostic {

const Question* Questionnaire::find(std::string_view id) const {
    for (const Area& area : areas)
        for (const Question& question : area.questions)
            if (question.id == id) return &question;
    return nullptr;
}

const Area* Questionnaire::find_area(std::string_view id) const {
    for (const Area& area : areas)
        if (area.id == id) return &area;
    return nullptr;
}

std::vector<const Question*> Questionnaire::questions() const {
    std::vector<const Question*> out;
    for (const Area& area : areas)
        for (const Question& question : area.questions) out.push_back(&question);
    return out;
}

std::vector<const Question*> Questionnaire::probing(std::string_view slug) const {
    std::vector<const Question*> out;
    for (const Area& area : areas)
        for (const Question& question : area.questions)
            if (std::find(question.elements.begin(), question.elements.end(), slug) != question.elements.end())
                out.push_back(&question);
    return out;
}

std::filesystem::path bundled_questionnaire_path() {
    return content::bundled_data_dir() / "diagnostic" / "questionnaire.xml";
}

namespace {

namespace fs = std::filesystem;
using content::xml::Document;

std::string in_quotes(std::string_view id) {
    return "'" + std::string(id) + "'";
}

std::string lang_tag(std::string_view element, Language language) {
    return "<" + std::string(element) + " lang=\"" + to_code(language) + "\">";
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
        std::size_t j = i;
        while (j < text.size() && !(text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
        if (j > i) words.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

// The next sibling that is an element: pcdata between elements is kept (parse_ws_pcdata).
pugi::xml_node next_element(pugi::xml_node node) {
    for (pugi::xml_node next = node.next_sibling(); next; next = next.next_sibling())
        if (next.type() == pugi::node_element) return next;
    return {};
}

class Reader {
public:
    // `validated`: the file went through the schema, so what it checks (structure, counts,
    // types) is not reported a second time.
    Reader(const Document& doc, Problems& problems, const content::Library* library, bool validated)
        : doc_(doc), problems_(problems), library_(library), validated_(validated) {}

    // Lines libxml2 found schema violations on; a question spanning one of them is left out.
    void set_schema_error_lines(std::set<int> lines) { schema_error_lines_ = std::move(lines); }

    Questionnaire read();

private:
    std::size_t errors() const {
        return static_cast<std::size_t>(std::count_if(problems_.items().begin(), problems_.items().end(),
                                                      [](const Problem& p) { return p.severity == Severity::error; }));
    }

    // The children `name` of `parent`, one per language; a second one in a language is an error.
    Localized read_localized(pugi::xml_node parent, const char* name, const std::string& owner);
    // Reports each language `text` lacks, at the first `name` child (or `parent`).
    void require_languages(const Localized& text, pugi::xml_node parent, const char* name, const std::string& owner);
    // <weakness> or <solution> children: one sentence each, in both languages.
    std::vector<Localized> read_sentences(pugi::xml_node question, const char* name, const std::string& owner);

    void read_area(pugi::xml_node node, Questionnaire& out);
    // The question, or nullopt when it has any problem (all of them reported).
    std::optional<Question> read_question(pugi::xml_node node, const std::string& area);
    std::vector<std::string> read_elements(pugi::xml_node node, const std::string& owner);
    double read_weight(pugi::xml_node node, const std::string& owner);

    // Where `slug` is written inside the elements="…" attribute of `node`; the attribute when
    // it cannot be found there.
    SourceLocation where_slug(pugi::xml_node node, std::string_view slug) const;
    // Whether libxml2 reported a violation between the start of `node` and the next element
    // after it (its children start in that span, and libxml2 reports an element at its start).
    bool schema_error_within(pugi::xml_node node) const;

    void check_coverage(pugi::xml_node root);

    const Document& doc_;
    Problems& problems_;
    const content::Library* library_;
    bool validated_;
    std::set<int> schema_error_lines_;
    std::map<std::string, SourceLocation> area_ids_, question_ids_;
    // Slugs probed by any question read, also one left out for another problem: a question
    // with a missing translation should not also make its elements look unprobed.
    std::set<std::string> probed_;
};

Localized Reader::read_localized(pugi::xml_node parent, const char* name, const std::string& owner) {
    Localized out;
    for (pugi::xml_node child : parent.children(name)) {
        const auto language = language_from_code(child.attribute("lang").value());
        if (!language) {
            if (!validated_)
                problems_.error(doc_.where(child, "lang"), owner + ": <" + name + "> needs lang=\"en\" or lang=\"fr\"");
            continue;
        }
        if (out.has(*language)) {
            problems_.error(doc_.where(child), owner + ": a second " + lang_tag(name, *language));
            continue;
        }
        out[*language] = collapse_spaces(child.child_value());
    }
    require_languages(out, parent, name, owner);
    return out;
}

void Reader::require_languages(const Localized& text, pugi::xml_node parent, const char* name,
                               const std::string& owner) {
    for (Language language : all_languages) {
        if (text.has(language)) continue;
        const pugi::xml_node first = parent.child(name);
        problems_.error(doc_.where(first ? first : parent), owner + ": no " + lang_tag(name, language));
    }
}

std::vector<Localized> Reader::read_sentences(pugi::xml_node question, const char* name, const std::string& owner) {
    std::vector<Localized> out;
    int index = 0;
    for (pugi::xml_node node : question.children(name))
        out.push_back(read_localized(node, "text", owner + ", <" + name + "> " + std::to_string(++index)));
    // The schema asks for 2 to 4; without it (schema unreadable), at least make sure there is one.
    if (out.empty() && !validated_) problems_.error(doc_.where(question), owner + ": no <" + std::string(name) + ">");
    return out;
}

SourceLocation Reader::where_slug(pugi::xml_node node, std::string_view slug) const {
    const SourceLocation attribute = doc_.where(node, "elements");
    const std::string_view bytes = doc_.bytes();
    // Back from line and column (code points) to a byte offset.
    std::size_t at = doc_.map().line_start(attribute.line);
    for (int column = 1; column < attribute.column && at < bytes.size(); ++column) {
        ++at;
        while (at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0) == 0x80) ++at;
    }
    const std::size_t quote = bytes.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return attribute;
    const std::size_t end = bytes.find(bytes[quote], quote + 1);
    if (end == std::string_view::npos) return attribute;
    const std::string_view value = bytes.substr(quote + 1, end - quote - 1);
    for (std::size_t from = 0; (from = value.find(slug, from)) != std::string_view::npos; ++from) {
        const bool starts = from == 0 || value[from - 1] == ' ' || value[from - 1] == '\t' || value[from - 1] == '\n';
        const std::size_t after = from + slug.size();
        const bool ends = after == value.size() || value[after] == ' ' || value[after] == '\t' || value[after] == '\n';
        if (starts && ends) return doc_.map().at(doc_.file(), quote + 1 + from);
    }
    return attribute;
}

bool Reader::schema_error_within(pugi::xml_node node) const {
    if (schema_error_lines_.empty()) return false;
    const int first = doc_.where(node).line;
    int last = INT_MAX;
    for (pugi::xml_node up = node; up; up = up.parent()) {
        if (const pugi::xml_node next = next_element(up)) {
            last = doc_.where(next).line - 1;
            break;
        }
    }
    const auto it = schema_error_lines_.lower_bound(first);
    return it != schema_error_lines_.end() && *it <= std::max(first, last);
}

std::vector<std::string> Reader::read_elements(pugi::xml_node node, const std::string& owner) {
    std::vector<std::string> elements;
    const pugi::xml_attribute attribute = node.attribute("elements");
    const std::vector<std::string> slugs = split_words(attribute.value());
    if (slugs.empty()) {
        if (!validated_)
            problems_.error(doc_.where(node, "elements"), owner + ": elements=\"…\" names no key element to probe");
        return elements;
    }
    for (const std::string& slug : slugs) {
        if (std::find(elements.begin(), elements.end(), slug) != elements.end()) {
            problems_.error(where_slug(node, slug), owner + ": key element " + in_quotes(slug) + " listed twice");
            continue;
        }
        if (library_ && !library_->find_element(slug)) {
            problems_.error(where_slug(node, slug),
                            owner + ": unknown key element " + in_quotes(slug) + " (not in the catalogue)");
            continue;
        }
        elements.push_back(slug);
        probed_.insert(slug);
    }
    return elements;
}

double Reader::read_weight(pugi::xml_node node, const std::string& owner) {
    const pugi::xml_attribute attribute = node.attribute("weight");
    if (!attribute) return 1.0;
    const std::string text = collapse_spaces(attribute.value());
    double weight = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), weight);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(weight)) {
        if (!validated_)
            problems_.error(doc_.where(node, "weight"), owner + ": weight " + in_quotes(text) + " is not a number");
        return 1.0;
    }
    if (weight <= 0)
        problems_.error(doc_.where(node, "weight"),
                        owner + ": weight " + in_quotes(text) + " must be above 0 (1 is the usual weight)");
    return weight;
}

std::optional<Question> Reader::read_question(pugi::xml_node node, const std::string& area) {
    const std::size_t errors_before = errors();
    Question q;
    q.id = collapse_spaces(node.attribute("id").value());
    q.area = area;
    q.where = doc_.where(node);
    const std::string owner = "question " + in_quotes(q.id);
    if (q.id.empty()) {
        if (!validated_) problems_.error(q.where, "a question without an id");
    } else if (const auto [it, added] = question_ids_.emplace(q.id, q.where); !added) {
        problems_.error(doc_.where(node, "id"), "duplicate question id " + in_quotes(q.id) + " (first at line " +
                                                    std::to_string(it->second.line) + ")");
    }
    q.elements = read_elements(node, owner);
    q.text = read_localized(node, "text", owner);
    q.weaknesses = read_sentences(node, "weakness", owner);
    q.solutions = read_sentences(node, "solution", owner);
    q.evidence = read_localized(node, "evidence", owner);
    q.weight = read_weight(node, owner);
    if (errors() != errors_before || schema_error_within(node)) return std::nullopt;
    return q;
}

void Reader::read_area(pugi::xml_node node, Questionnaire& out) {
    Area area;
    area.id = collapse_spaces(node.attribute("id").value());
    const SourceLocation where = doc_.where(node);
    const std::string owner = "area " + in_quotes(area.id);
    bool keep = true;
    if (area.id.empty()) {
        if (!validated_) problems_.error(where, "an area without an id");
        keep = false;
    } else if (const auto [it, added] = area_ids_.emplace(area.id, where); !added) {
        // Its questions are still checked, but not merged into the first area of that id.
        problems_.error(doc_.where(node, "id"), "duplicate area id " + in_quotes(area.id) + " (first at line " +
                                                    std::to_string(it->second.line) + ")");
        keep = false;
    }
    area.title = read_localized(node, "title", owner);
    area.description = read_localized(node, "description", owner);
    for (pugi::xml_node question : node.children("question"))
        if (auto q = read_question(question, area.id)) area.questions.push_back(std::move(*q));
    if (!node.child("question") && !validated_) problems_.error(where, owner + ": no <question>");
    if (keep) out.areas.push_back(std::move(area));
}

void Reader::check_coverage(pugi::xml_node root) {
    if (!library_) return;
    for (const content::KeyElement& element : library_->elements) {
        if (element.group != content::ElementGroup::cooperation || probed_.contains(element.slug)) continue;
        problems_.error(doc_.where(root), "cooperation element " + in_quotes(element.slug) + " (" + element.title.en +
                                              ") is probed by no question");
    }
}

Questionnaire Reader::read() {
    Questionnaire out;
    const pugi::xml_node root = doc_.root();
    out.version = collapse_spaces(root.attribute("version").value());
    if (out.version.empty() && !validated_) problems_.error(doc_.where(root), "<questionnaire> needs a version=\"…\"");
    for (pugi::xml_node area : root.children("area")) read_area(area, out);
    if (!root.child("area") && !validated_) problems_.error(doc_.where(root), "the questionnaire has no <area>");
    check_coverage(root);
    return out;
}

}  // namespace

Questionnaire load_questionnaire(const std::filesystem::path& file, Problems& problems,
                                 const content::Library* library) {
    const auto doc = Document::load(file, problems);
    if (!doc) return {};

    // Schema violations are reported, then the file is still read so that every other problem
    // shows up in the same run; questions the schema rejected are left out.
    Problems schema_problems;
    const fs::path xsd = content::bundled_data_dir() / "schemas" / "diagnostic.xsd";
    bool validated = false;
    try {
        const content::SchemaValidator validator(xsd);
        validator.validate(doc->bytes(), doc->file(), schema_problems);
        validated = true;
    } catch (const Error& e) {
        problems.error({xsd.string(), 0, 0}, std::string(e.what()) + " (the questionnaire is checked without it)");
    }
    problems.append(schema_problems);
    if (std::string_view(doc->root().name()) != "questionnaire") {
        // libxml2 has already said so when it validated; say it once.
        if (!validated || !schema_problems.has_errors())
            problems.error(doc->where(doc->root()), "expected <questionnaire> as the root element");
        return {};
    }

    std::set<int> lines;
    for (const Problem& problem : schema_problems.items())
        if (problem.severity == Severity::error) lines.insert(problem.where.line);
    Reader reader(*doc, problems, library, validated);
    reader.set_schema_error_lines(std::move(lines));
    return reader.read();
}

}  // namespace moudesk::diagnostic
