// The .moudraft file: reading with every problem reported at once, and writing.

#include <algorithm>
#include <sstream>

#include "moudesk/content/xml.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::drafting {

namespace {

constexpr int draft_format_version = 1;

class DraftReader {
public:
    DraftReader(std::string_view xml, const std::string& name) : xml_(xml), name_(name) {}

    Draft read() {
        doc_ = content::xml::Document::parse(std::string(xml_), name_, problems_);
        if (!doc_) fail();
        pugi::xml_node root = doc_->root();
        if (std::string_view(root.name()) != "moudraft") {
            problems_.error({name_, 1, 1}, "not a moudesk draft: the root element must be <moudraft>");
            fail();
        }
        int version = root.attribute("version").as_int(0);
        if (version > draft_format_version)
            problems_.error(at(root), "this draft was written by a newer moudesk (format version " +
                                          std::to_string(version) + "); this one reads version " +
                                          std::to_string(draft_format_version));

        Draft d;
        read_instrument(root, d);
        read_languages(root, d);
        if (auto level = root.child("level")) {
            auto parsed = level_from_code(trimmed(level));
            if (parsed)
                d.level = *parsed;
            else
                problems_.error(at(level),
                                "unknown partnership level “" + trimmed(level) +
                                    "” (coexistence, communication, coordination, collaboration, integration)");
        }
        for (auto p : root.child("parties").children("party")) d.parties.push_back(read_party(p));
        for (auto e : root.child("elements").children("element")) d.elements.push_back(read_element(e));
        for (auto v : root.child("values").children("value")) read_value(v, d);
        fail_if_errors();
        return d;
    }

private:
    SourceLocation at(pugi::xml_node node) const { return doc_->where(node); }

    static std::string trimmed(pugi::xml_node node) { return collapse_spaces(node.text().as_string()); }

    std::optional<Language> lang_of(pugi::xml_node node) {
        auto attr = node.attribute("lang");
        if (!attr) return std::nullopt;
        auto l = language_from_code(attr.as_string());
        if (!l) problems_.error(at(node), std::string("unknown language “") + attr.as_string() + "” (en or fr)");
        return l;
    }

    void read_localized(pugi::xml_node parent, const char* child, Localized& into) {
        for (auto n : parent.children(child)) {
            auto l = lang_of(n);
            std::string text = clean_text(n.text().as_string());
            if (l)
                into[*l] = text;
            else
                into.en = into.fr = text;
        }
    }

    void read_instrument(pugi::xml_node root, Draft& d) {
        auto node = root.child("instrument");
        if (!node) {
            problems_.error(at(root), "missing <instrument> (mou, moa or addendum)");
            return;
        }
        auto instrument = instrument_from_code(trimmed(node));
        if (!instrument) {
            problems_.error(at(node), "unknown instrument “" + trimmed(node) + "” (mou, moa or addendum)");
            return;
        }
        d.instrument = *instrument;
        if (auto base = node.attribute("base")) {
            auto b = instrument_from_code(base.as_string());
            if (!b || *b == Instrument::addendum)
                problems_.error(at(node),
                                std::string("an addendum amends an mou or an moa, not “") + base.as_string() + "”");
            else
                d.base_instrument = *b;
        }
    }

    void read_languages(pugi::xml_node root, Draft& d) {
        auto node = root.child("languages");
        if (!node) return;  // English alone
        d.languages.clear();
        std::istringstream words(node.text().as_string());
        for (std::string code; words >> code;) {
            auto l = language_from_code(code);
            if (!l)
                problems_.error(at(node), "unknown language “" + code + "” (en or fr)");
            else if (std::find(d.languages.begin(), d.languages.end(), *l) != d.languages.end())
                problems_.error(at(node), "language “" + code + "” is listed twice");
            else
                d.languages.push_back(*l);
        }
        if (d.languages.empty()) {
            problems_.error(at(node), "<languages> lists no language");
            d.languages = {Language::en};
        }
        std::string layout = node.attribute("layout").as_string(d.languages.size() == 1 ? "single" : "side-by-side");
        if (layout == "single")
            d.layout = Layout::single;
        else if (layout == "side-by-side")
            d.layout = Layout::side_by_side;
        else if (layout == "sequence")
            d.layout = Layout::sequence;
        else
            problems_.error(at(node), "unknown layout “" + layout + "” (single, side-by-side or sequence)");
        if (d.languages.size() == 1 && d.layout != Layout::single)
            problems_.error(at(node), "layout “" + layout + "” needs two languages");
        if (d.languages.size() == 2 && d.layout == Layout::single)
            problems_.error(at(node), "two languages need the layout side-by-side or sequence");
    }

    Party read_party(pugi::xml_node node) {
        Party p;
        p.kind = node.attribute("kind").as_string();
        if (!is_party_kind(p.kind)) {
            std::string kinds;
            for (const char* k : party_kinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
            problems_.error(at(node), "unknown party kind “" + p.kind + "” (" + kinds + ")");
        }
        p.country = clean_text(node.attribute("country").as_string());
        read_localized(node, "name", p.name);
        if (!p.name.has(Language::en) && !p.name.has(Language::fr)) problems_.error(at(node), "a party has no <name>");
        p.short_name = clean_text(node.child("short-name").text().as_string());
        if (auto s = node.child("signatory")) {
            p.signatory.name = clean_text(s.child("name").text().as_string());
            read_localized(s, "title", p.signatory.title);
            p.signatory.place = clean_text(s.attribute("place").as_string());
            p.signatory.date = clean_text(s.attribute("date").as_string());
        }
        return p;
    }

    ElementChoice read_element(pugi::xml_node node) {
        ElementChoice e;
        e.slug = node.attribute("slug").as_string();
        if (e.slug.empty()) problems_.error(at(node), "an <element> has no slug");
        if (auto level = node.attribute("level")) {
            e.level = level_from_code(level.as_string());
            if (!e.level)
                problems_.error(at(node), std::string("unknown partnership level “") + level.as_string() + "”");
        }
        for (auto c : node.children("clause")) e.clauses.push_back(c.attribute("id").as_string());
        return e;
    }

    void read_value(pugi::xml_node node, Draft& d) {
        std::string field = node.attribute("field").as_string();
        if (field.empty()) {
            problems_.error(at(node), "a <value> has no field attribute");
            return;
        }
        d.values.push_back({field, lang_of(node), clean_text(node.text().as_string())});
    }

    void fail_if_errors() {
        if (problems_.has_errors()) fail();
    }
    [[noreturn]] void fail() { throw Error(ErrorCategory::bad_input, problems_.to_string()); }

    std::string_view xml_;
    std::string name_;
    Problems problems_;
    std::unique_ptr<content::xml::Document> doc_;
};

void add_localized(pugi::xml_node parent, const char* name, const Localized& text) {
    if (text.en == text.fr && !text.en.empty()) {
        parent.append_child(name).text().set(text.en.c_str());
        return;
    }
    for (Language l : all_languages) {
        if (!text.has(l)) continue;
        auto n = parent.append_child(name);
        n.append_attribute("lang").set_value(to_code(l));
        n.text().set(text[l].c_str());
    }
}

}  // namespace

Draft parse_draft(std::string_view xml, const std::string& name) {
    return DraftReader(xml, name).read();
}

Draft read_draft(const std::filesystem::path& path) {
    std::string xml = read_file(path);
    return parse_draft(xml, path.string());
}

std::string serialize_draft(const Draft& d) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    auto root = doc.append_child("moudraft");
    root.append_attribute("version").set_value(draft_format_version);

    auto instrument = root.append_child("instrument");
    instrument.text().set(to_code(d.instrument));
    if (d.instrument == Instrument::addendum) instrument.append_attribute("base").set_value(to_code(d.base_instrument));

    std::string codes;
    for (Language l : d.languages) codes += (codes.empty() ? "" : " ") + std::string(to_code(l));
    auto languages = root.append_child("languages");
    languages.append_attribute("layout").set_value(to_code(d.languages.size() == 1 ? Layout::single : d.layout));
    languages.text().set(codes.c_str());
    root.append_child("level").text().set(to_code(d.level));

    auto parties = root.append_child("parties");
    for (const auto& p : d.parties) {
        auto node = parties.append_child("party");
        node.append_attribute("kind").set_value(p.kind.c_str());
        if (!p.country.empty()) node.append_attribute("country").set_value(clean_text(p.country).c_str());
        Localized name{clean_text(p.name.en), clean_text(p.name.fr)};
        add_localized(node, "name", name);
        if (!p.short_name.empty()) node.append_child("short-name").text().set(clean_text(p.short_name).c_str());
        auto s = node.append_child("signatory");
        if (!p.signatory.place.empty()) s.append_attribute("place").set_value(clean_text(p.signatory.place).c_str());
        if (!p.signatory.date.empty()) s.append_attribute("date").set_value(clean_text(p.signatory.date).c_str());
        s.append_child("name").text().set(clean_text(p.signatory.name).c_str());
        add_localized(s, "title", Localized{clean_text(p.signatory.title.en), clean_text(p.signatory.title.fr)});
    }

    auto elements = root.append_child("elements");
    for (const auto& e : d.elements) {
        auto node = elements.append_child("element");
        node.append_attribute("slug").set_value(e.slug.c_str());
        if (e.level) node.append_attribute("level").set_value(to_code(*e.level));
        for (const auto& c : e.clauses) node.append_child("clause").append_attribute("id").set_value(c.c_str());
    }

    auto values = root.append_child("values");
    for (const auto& v : d.values) {
        auto node = values.append_child("value");
        node.append_attribute("field").set_value(v.field.c_str());
        if (v.language) node.append_attribute("lang").set_value(to_code(*v.language));
        node.text().set(clean_text(v.value).c_str());
    }

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

void save_draft(const Draft& draft, const std::filesystem::path& path) {
    write_file_atomically(path, serialize_draft(draft));
}

}  // namespace moudesk::drafting
