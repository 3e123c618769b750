#include "library_view.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include <wx/intl.h>

#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "wx_text.h"

namespace moudesk::gui {
using content::Clause;
using content::ElementGroup;
using content::Inline;
using content::KeyElement;
using content::Library;
using content::RichText;
using content::Variant;

namespace {

// --- UTF-8 ------------------------------------------------------------------------------------

// Decodes the code point at `i`; returns its length, or 0 for an invalid sequence.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    if ((b & 0xE0) == 0xC0 && cont(1)) {
        cp = (static_cast<char32_t>(b & 0x1F) << 6) | bits(1);
        return 2;
    }
    if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        cp = (static_cast<char32_t>(b & 0x0F) << 12) | (bits(1) << 6) | bits(2);
        return 3;
    }
    if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        cp = (static_cast<char32_t>(b & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
        return 4;
    }
    return 0;
}

// The letters without accent that a lower-case Latin-1 or Latin Extended-A letter stands for;
// nullptr when the code point is not one of them.
const char* unaccented(char32_t cp) {
    switch (cp) {
        case 0xE0:
        case 0xE1:
        case 0xE2:
        case 0xE3:
        case 0xE4:
        case 0xE5: return "a";
        case 0xE6: return "ae";
        case 0xE7: return "c";
        case 0xE8:
        case 0xE9:
        case 0xEA:
        case 0xEB: return "e";
        case 0xEC:
        case 0xED:
        case 0xEE:
        case 0xEF: return "i";
        case 0xF1: return "n";
        case 0xF2:
        case 0xF3:
        case 0xF4:
        case 0xF5:
        case 0xF6:
        case 0xF8: return "o";
        case 0xF9:
        case 0xFA:
        case 0xFB:
        case 0xFC: return "u";
        case 0xFD:
        case 0xFF: return "y";
        case 0xDF: return "ss";
        case 0x152:
        case 0x153: return "oe";
        case 0x2018:
        case 0x2019:
        case 0x02BC: return "'";
        case 0xA0:
        case 0x202F:
        case 0x2009: return " ";
        default: return nullptr;
    }
}

std::string esc(const std::string& text) {
    return xml_escape(text);
}
std::string esc(const wxString& text) {
    return xml_escape(from_wx(text));
}

Language other(Language l) {
    return l == Language::en ? Language::fr : Language::en;
}

// The text in `ui`, or in the other language when that one is empty.
const std::string& in(const Localized& text, Language ui) {
    return text.has(ui) ? text[ui] : text[other(ui)];
}

// --- rich text -------------------------------------------------------------------------------

std::string parties_words(const Inline& piece, Language language) {
    std::string words;
    if (language == Language::en) {
        words = "the Participants/Parties";
    } else if (piece.form == "de") {
        words = "des Participants/Parties";
    } else if (piece.form == "a") {
        words = "aux Participants/Parties";
    } else {
        words = "les Participants/Parties";
    }
    return piece.capitalized ? capitalize_first(words) : words;
}

std::string instrument_words(const Inline& piece, Language language) {
    std::string words;
    if (language == Language::en) {
        words = "this Memorandum/Addendum";
    } else if (piece.form == "de") {
        words = "du présent mémorandum/avenant";
    } else if (piece.form == "a") {
        words = "au présent mémorandum/avenant";
    } else {
        words = "le présent mémorandum/avenant";
    }
    return piece.capitalized ? capitalize_first(words) : words;
}

std::string field_label(const Library& library, const std::string& id, Language language) {
    if (const content::Field* field = library.find_field(id); field && field->label.has(language))
        return field->label[language];
    if (const content::Field* field = library.find_field(id); field && field->label.has(other(language)))
        return field->label[other(language)];
    return id;
}

std::string clause_title(const Library& library, const std::string& id, Language language) {
    if (const Clause* clause = library.find_clause(id)) return in(clause->title, language);
    return id;
}

// The rich text as HTML (`html`) or as plain text.
std::string render_rich(const Library& library, const RichText& text, Language language, bool html) {
    // Colours chosen to stay readable on white and on light themes, and to be told apart.
    static constexpr const char* variable_open = "<font color=\"#1d4f91\">";  // depends on the instrument
    static constexpr const char* field_open = "<span style=\"background-color:#fff0a0\"><font color=\"#6b3d00\">";
    static constexpr const char* field_close = "</font></span>";
    std::string out;
    auto variable = [&](const std::string& words) { out += html ? variable_open + esc(words) + "</font>" : words; };
    for (const Inline& piece : text) {
        switch (piece.kind) {
            case Inline::Kind::text: out += html ? esc(piece.text) : piece.text; break;
            case Inline::Kind::parties: variable(parties_words(piece, language)); break;
            case Inline::Kind::instrument: variable(instrument_words(piece, language)); break;
            case Inline::Kind::wording: variable(piece.mou + "/" + piece.moa); break;
            case Inline::Kind::field: {
                const std::string label = "[" + field_label(library, piece.ref, language) + "]";
                out += html ? field_open + esc(label) + field_close : label;
                break;
            }
            case Inline::Kind::clause_ref: {
                const std::string words = (language == Language::en ? "[Article: " : "[article : ") +
                                          clause_title(library, piece.ref, language) + "]";
                out += html ? "<a href=\"clause:" + esc(piece.ref) + "\">" + esc(words) + "</a>" : words;
                break;
            }
            case Inline::Kind::term: {
                std::string words = piece.text;
                if (words.empty()) {
                    const content::Term* term = library.find_term(piece.ref);
                    words = term ? in(term->name, language) : piece.ref;
                }
                out += html ? "<a href=\"#term-" + esc(piece.ref) + "\">" + esc(words) + "</a>" : words;
                break;
            }
            case Inline::Kind::party: {
                const std::string words =
                    (language == Language::en ? "[party " : "[partie ") + std::to_string(piece.party_index) + "]";
                out += html ? field_open + esc(words) + field_close : words;
                break;
            }
            case Inline::Kind::party_list: {
                const std::string words = language == Language::en ? "[names of the parties]" : "[noms des parties]";
                out += html ? field_open + esc(words) + field_close : words;
                break;
            }
        }
    }
    return out;
}

// --- HTML pieces -----------------------------------------------------------------------------

std::string page_start() {
    return "<html><body bgcolor=\"#ffffff\" text=\"#202020\" link=\"#1a5fb4\">";
}
std::string page_end() {
    return "</body></html>";
}

// A line "label: value" of a facts table.
std::string fact(const wxString& label, const std::string& value_html) {
    return "<tr><td valign=\"top\" nowrap><b>" + esc(label) + "</b></td><td valign=\"top\">" + value_html +
           "</td></tr>";
}

std::string language_header() {
    return "<tr><td width=\"50%\" bgcolor=\"#e8eef6\"><b>" + esc(_("English")) +
           "</b></td><td width=\"50%\" bgcolor=\"#e8eef6\"><b>" + esc(_("French")) + "</b></td></tr>";
}

// Two columns, English and French, of already formed HTML.
std::string side_by_side(const std::string& en, const std::string& fr) {
    return "<tr><td valign=\"top\" width=\"50%\">" + en + "</td><td valign=\"top\" width=\"50%\">" + fr + "</td></tr>";
}

std::string missing_text() {
    return "<font color=\"#a00000\"><i>" + esc(_("(missing)")) + "</i></font>";
}

std::string text_or_missing(const std::string& text) {
    return text.empty() ? missing_text() : esc(text);
}

std::string clause_link(const Library& library, const std::string& id, Language ui) {
    if (!library.find_clause(id)) return "<tt>" + esc(id) + "</tt> " + esc(_("(not in the library)"));
    return "<a href=\"clause:" + esc(id) + "\">" + esc(clause_title(library, id, ui)) +
           "</a> <font color=\"#606060\">(" + esc(id) + ")</font>";
}

std::string clause_links(const Library& library, const std::vector<std::string>& ids, Language ui) {
    if (ids.empty()) return esc(_("none"));
    std::string out;
    for (const std::string& id : ids) {
        if (!out.empty()) out += "<br>";
        out += clause_link(library, id, ui);
    }
    return out;
}

std::string legend() {
    return "<p><font size=\"-1\" color=\"#505050\">" + esc(_("In the texts below:")) +
           " <span style=\"background-color:#fff0a0\"><font color=\"#6b3d00\">[" + esc(_("field")) +
           "]</font></span> " + esc(_("is a value the draft fills in;")) + " <font color=\"#1d4f91\">" +
           esc(_("blue words")) + "</font> " +
           esc(_("depend on the instrument (Memorandum of Understanding / of Agreement);")) + " " +
           esc(_("underlined words are defined terms or references to another article.")) + "</font></p>";
}

// The paragraphs and items of a variant, side by side.
std::string variant_text_table(const Library& library, const Variant& variant) {
    std::string out = "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"0\">" + language_header();
    int paragraph = 0;
    int item = 0;
    for (const content::Block& block : variant.blocks) {
        std::string label;
        std::string indent;
        if (block.kind == content::Block::Kind::paragraph) {
            label = std::to_string(++paragraph) + ".";
            item = 0;
        } else {
            label = std::string("(") + static_cast<char>('a' + std::min(item++, 25)) + ")";
            indent = "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;";
        }
        auto cell = [&](Language language) {
            if (!block.text.has(language)) return indent + label + " " + missing_text();
            return indent + "<b>" + label + "</b> " + render_rich(library, block.text[language], language, true);
        };
        out += side_by_side(cell(Language::en), cell(Language::fr));
    }
    return out + "</table>";
}

wxString every_text(const Library& library, const std::string& every, Language ui);

std::string commitments_table(const Library& library, const Variant& variant, Language ui) {
    std::string out = "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\">";
    out += "<tr bgcolor=\"#e8eef6\"><td><b>" + esc(_("What")) + "</b></td><td><b>" + esc(_("Who")) +
           "</b></td><td><b>" + esc(_("When")) + "</b></td><td><b>" + esc(_("Repeats")) + "</b></td></tr>";
    for (const content::Commitment& c : variant.commitments) {
        out += "<tr><td valign=\"top\">" + text_or_missing(c.text[ui]) + "<br><font color=\"#505050\"><i>" +
               text_or_missing(c.text[other(ui)]) + "</i></font></td>";
        out += "<td valign=\"top\">" + esc(party_name(c.party)) + "</td>";
        out += "<td valign=\"top\">" + esc(wxString::Format(_("%s after entry into force"), duration_text(c.due))) +
               "</td>";
        out += "<td valign=\"top\">" + esc(every_text(library, c.every, ui)) + "</td></tr>";
    }
    return out + "</table>";
}

std::string variant_heading(const Variant& variant) {
    if (!variant.level) return esc(_("Text"));
    return esc(wxString::Format(_("Text at the %s level"), level_label(*variant.level)));
}

std::string variant_section(const Library& library, const Variant& variant, Language ui, std::size_t index) {
    std::string out = "<a name=\"variant-" + std::to_string(index) + "\"></a><h3>" + variant_heading(variant) + "</h3>";
    out += variant_text_table(library, variant);
    if (!variant.commitments.empty()) {
        out += "<h4>" + esc(_("Commitments once in force")) + "</h4>";
        out += commitments_table(library, variant, ui);
    }
    return out;
}

// Parses an ISO 8601 duration of years, months, weeks and days ("P1Y6M"); false if it is not one.
struct Duration {
    long years = 0, months = 0, weeks = 0, days = 0;
    int parts = 0;
};
bool parse_duration(std::string_view iso, Duration& d) {
    if (iso.size() < 3 || iso[0] != 'P') return false;
    long number = -1;
    for (std::size_t i = 1; i < iso.size(); ++i) {
        const char c = iso[i];
        if (c >= '0' && c <= '9') {
            number = (number < 0 ? 0 : number) * 10 + (c - '0');
            if (number > 100000) return false;
            continue;
        }
        if (number < 0) return false;
        switch (c) {
            case 'Y': d.years = number; break;
            case 'M': d.months = number; break;
            case 'W': d.weeks = number; break;
            case 'D': d.days = number; break;
            default: return false;
        }
        ++d.parts;
        number = -1;
    }
    return number < 0 && d.parts > 0;
}

wxString every_text(const Library& library, const std::string& every, Language ui) {
    if (every.empty()) return _("once");
    if (every.starts_with("field:")) {
        return wxString::Format(_("every [%s] months"), to_wx(field_label(library, every.substr(6), ui)));
    }
    Duration d;
    if (parse_duration(every, d) && d.parts == 1) {
        if (d.years == 1) return _("every year");
        if (d.months == 1) return _("every month");
        if (d.weeks == 1) return _("every week");
        if (d.days == 1) return _("every day");
    }
    return wxString::Format(_("every %s"), duration_text(every));
}

std::string title_block(const Localized& title, Language ui) {
    std::string out = "<h2>" + text_or_missing(in(title, ui)) + "</h2>";
    if (title.has(other(ui))) out += "<p><font color=\"#505050\"><i>" + esc(title[other(ui)]) + "</i></font></p>";
    return out;
}

std::string element_link(const KeyElement& element, Language ui) {
    return "<a href=\"element:" + esc(element.slug) + "\">" + esc(in(element.title, ui)) + "</a>";
}

std::string element_list(const Library& library, ElementGroup group, Language ui) {
    std::string out = "<ul>";
    for (const KeyElement& element : library.elements) {
        if (element.group != group) continue;
        out += "<li>" + element_link(element, ui) + " <font color=\"#606060\">(" + esc(element.section) + ") — " +
               esc(wxString::Format(
                   wxPLURAL("%d clause", "%d clauses", static_cast<int>(library.clauses_of(element.slug).size())),
                   static_cast<int>(library.clauses_of(element.slug).size()))) +
               "</font></li>";
    }
    return out + "</ul>";
}

std::string patterns_cell(const std::vector<std::string>& patterns) {
    if (patterns.empty()) return missing_text();
    std::string out;
    for (const std::string& p : patterns) out += "• <tt>" + esc(p) + "</tt><br>";
    return out;
}

}  // namespace

// --- search ----------------------------------------------------------------------------------

std::string search_key(std::string_view text) {
    const std::string folded = fold_case(text);
    std::string out;
    out.reserve(folded.size());
    bool space = true;  // drops leading white space and collapses runs
    for (std::size_t i = 0; i < folded.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(folded, i, cp);
        if (len == 0) {
            out += folded[i++];
            space = false;
            continue;
        }
        const char* plain = unaccented(cp);
        std::string_view piece = plain ? std::string_view(plain) : std::string_view(folded).substr(i, len);
        i += len;
        if (piece == " " || piece == "\t" || piece == "\n" || piece == "\r") {
            if (!space) out += ' ';
            space = true;
            continue;
        }
        out += piece;
        space = false;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string element_search_text(const KeyElement& element) {
    std::string all = element.slug + "\n" + element.section;
    for (Language l : all_languages) all += "\n" + element.title[l] + "\n" + element.description[l];
    for (const std::string& p : element.patterns_en) all += "\n" + p;
    for (const std::string& p : element.patterns_fr) all += "\n" + p;
    return search_key(all);
}

std::string variant_search_text(const Library& library, const Variant& variant) {
    std::string all;
    for (const content::Block& block : variant.blocks)
        for (Language l : all_languages) all += "\n" + plain_text(library, block.text[l], l);
    for (const content::Commitment& c : variant.commitments)
        for (Language l : all_languages) all += "\n" + c.text[l];
    return search_key(all);
}

std::string clause_search_text(const Library& library, const Clause& clause) {
    std::string all = search_key(clause.id);
    for (Language l : all_languages) all += "\n" + search_key(clause.title[l] + "\n" + clause.guidance[l]);
    for (const Variant& variant : clause.variants) all += "\n" + variant_search_text(library, variant);
    return all;
}

bool search_matches(std::string_view haystack, std::string_view query) {
    const std::string key = search_key(query);
    std::size_t start = 0;
    while (start < key.size()) {
        std::size_t end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        if (haystack.find(std::string_view(key).substr(start, end - start)) == std::string_view::npos) return false;
        start = end + 1;
    }
    return true;
}

std::string plain_text(const Library& library, const RichText& text, Language language) {
    return render_rich(library, text, language, false);
}

// --- names -----------------------------------------------------------------------------------

wxString group_name(ElementGroup group) {
    return group == ElementGroup::cooperation ? _("Cooperation elements") : _("Final provisions");
}

wxString instrument_name(Instrument instrument) {
    switch (instrument) {
        case Instrument::mou: return _("MOU");
        case Instrument::moa: return _("MOA");
        case Instrument::addendum: return _("Addendum");
    }
    return wxString();
}

wxString party_name(std::string_view party) {
    if (party == "each") return _("each party");
    if (party == "joint") return _("the parties jointly");
    if (party == "customs") return _("customs");
    if (party == "police") return _("police");
    if (party == "gendarmerie") return _("gendarmerie");
    if (party == "border-guard") return _("border guard");
    if (party == "coast-guard") return _("coast guard");
    if (party == "financial-intelligence-unit") return _("financial intelligence unit");
    if (party == "prosecution") return _("prosecution service");
    if (party == "ministry") return _("ministry");
    if (party == "other") return _("other agency");
    return to_wx(std::string(party));
}

wxString duration_text(std::string_view iso) {
    Duration d;
    if (!parse_duration(iso, d)) return to_wx(std::string(iso));
    std::vector<wxString> parts;
    auto add = [&](long n, const wxString& text) {
        if (n > 0) parts.push_back(text);
    };
    const int y = static_cast<int>(d.years), m = static_cast<int>(d.months), w = static_cast<int>(d.weeks),
              dd = static_cast<int>(d.days);
    add(d.years, wxString::Format(wxPLURAL("%d year", "%d years", y), y));
    add(d.months, wxString::Format(wxPLURAL("%d month", "%d months", m), m));
    add(d.weeks, wxString::Format(wxPLURAL("%d week", "%d weeks", w), w));
    add(d.days, wxString::Format(wxPLURAL("%d day", "%d days", dd), dd));
    if (parts.empty()) return _("immediately");
    wxString text = parts.back();
    for (std::size_t i = parts.size() - 1; i-- > 0;) {
        text = i + 2 == parts.size() ? wxString::Format(_("%s and %s"), parts[i], text) : parts[i] + ", " + text;
    }
    return text;
}

wxString field_type_text(const content::Field& field) {
    switch (field.type) {
        case content::FieldType::date: return _("date");
        case content::FieldType::integer:
            if (field.min && field.max)
                return wxString::Format(_("whole number from %lld to %lld"), *field.min, *field.max);
            if (field.min) return wxString::Format(_("whole number from %lld"), *field.min);
            if (field.max) return wxString::Format(_("whole number up to %lld"), *field.max);
            return _("whole number");
        case content::FieldType::text: break;
    }
    return field.localized ? _("text, per language") : _("text");
}

// --- pages -----------------------------------------------------------------------------------

std::string overview_html(const Library& library, const Problems& problems, const std::filesystem::path& clauses_dir,
                          const std::filesystem::path& templates_dir, Language ui) {
    const auto count = [&](ElementGroup g) {
        return static_cast<int>(std::count_if(library.elements.begin(), library.elements.end(),
                                              [&](const KeyElement& e) { return e.group == g; }));
    };
    const int elements = static_cast<int>(library.elements.size());
    const int clauses = static_cast<int>(library.clauses.size());
    std::string out = page_start() + "<h2>" + esc(_("Clause library")) + "</h2>";
    out += "<p>" + esc(wxString::Format(wxPLURAL("%d key element", "%d key elements", elements), elements)) + " (" +
           esc(wxString::Format(_("%d cooperation elements, %d final provisions"), count(ElementGroup::cooperation),
                                count(ElementGroup::final_provision))) +
           "), " + esc(wxString::Format(wxPLURAL("%d clause", "%d clauses", clauses), clauses)) + ", " +
           esc(wxString::Format(wxPLURAL("%d field", "%d fields", static_cast<int>(library.fields.size())),
                                static_cast<int>(library.fields.size()))) +
           ", " +
           esc(wxString::Format(wxPLURAL("%d defined term", "%d defined terms", static_cast<int>(library.terms.size())),
                                static_cast<int>(library.terms.size()))) +
           ", " +
           esc(wxString::Format(wxPLURAL("%d template", "%d templates", static_cast<int>(library.templates.size())),
                                static_cast<int>(library.templates.size()))) +
           ".</p>";
    out += "<table cellpadding=\"2\">" + fact(_("Clauses folder"), "<tt>" + esc(clauses_dir.string()) + "</tt>") +
           fact(_("Templates folder"), "<tt>" + esc(templates_dir.string()) + "</tt>") + "</table>";
    if (problems.empty()) {
        out +=
            "<p><font color=\"#2e6b30\">" + esc(_("No problems were found when loading the library.")) + "</font></p>";
    } else {
        const int n = static_cast<int>(problems.size());
        out += "<p><font color=\"#a00000\"><b>" +
               esc(wxString::Format(wxPLURAL("%d problem was found when loading the library.",
                                             "%d problems were found when loading the library.", n),
                                    n)) +
               "</b></font> " +
               esc(_("A file with an error is left out; the rest of the library can be used. Select a problem in "
                     "the list below to see where it is.")) +
               "</p>";
    }
    out += "<p>" +
           esc(_("Select a key element, a clause or a variant on the left to read it. The search looks at titles, "
                 "descriptions, guidance and clause texts, in English and in French, ignoring case and accents.")) +
           "</p>";
    for (ElementGroup g : {ElementGroup::cooperation, ElementGroup::final_provision}) {
        out += "<h3><a href=\"group:" + std::string(g == ElementGroup::cooperation ? "cooperation" : "final") + "\">" +
               esc(group_name(g)) + "</a></h3>" + element_list(library, g, ui);
    }
    return out + page_end();
}

std::string group_html(const Library& library, ElementGroup group, Language ui) {
    std::string out = page_start() + "<h2>" + esc(group_name(group)) + "</h2><p>";
    out += esc(group == ElementGroup::cooperation
                   ? _("The cooperation elements are the subjects customs and police can agree to work together on. "
                       "Each has clauses with variants for several partnership levels.")
                   : _("The final provisions make an agreement complete: legal status, costs, disputes, entry into "
                       "force, languages and signatures. Each clause has a single text."));
    out += "</p>" + element_list(library, group, ui);
    return out + page_end();
}

std::string element_html(const Library& library, const KeyElement& element, Language ui) {
    std::string out = page_start() + title_block(element.title, ui);
    out += "<table cellpadding=\"2\">";
    out += fact(_("Identifier"), "<tt>" + esc(element.slug) + "</tt>");
    out += fact(_("Group"),
                "<a href=\"group:" + std::string(element.group == ElementGroup::cooperation ? "cooperation" : "final") +
                    "\">" + esc(group_name(element.group)) + "</a>");
    out += fact(_("Handbook section"), esc(element.section.empty() ? std::string("—") : element.section));
    out += fact(_("File"), "<tt>" + esc(element.where.file) + "</tt>");
    out += "</table>";
    out += "<h3>" + esc(_("Description")) + "</h3>";
    out += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">" + language_header() +
           side_by_side(text_or_missing(element.description.en), text_or_missing(element.description.fr)) + "</table>";
    out += "<h3>" + esc(_("Recognition patterns")) + "</h3><p><font size=\"-1\" color=\"#505050\">" +
           esc(_("Phrases a careful reader takes as evidence that a text covers this key element. They match whole "
                 "words, ignoring case; a word ending in * matches any word that starts with what precedes it.")) +
           "</font></p>";
    out += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">" + language_header() +
           side_by_side(patterns_cell(element.patterns_en), patterns_cell(element.patterns_fr)) + "</table>";
    out += "<h3>" + esc(_("Clauses")) + "</h3>";
    const auto clauses = library.clauses_of(element.slug);
    if (clauses.empty()) {
        out += "<p><font color=\"#a00000\">" +
               esc(_("No clause of this key element could be loaded. If its file has an error, the Problems list "
                     "below says where.")) +
               "</font></p>";
    } else {
        out += "<ul>";
        for (const Clause* clause : clauses) {
            out += "<li>" + clause_link(library, clause->id, ui);
            if (clause->is_default) out += " — <b>" + esc(_("default")) + "</b>";
            std::string levels;
            for (const Variant& v : clause->variants)
                if (v.level) levels += (levels.empty() ? "" : ", ") + esc(level_label(*v.level));
            if (!levels.empty())
                out += "<br><font size=\"-1\" color=\"#505050\">" + esc(_("Levels:")) + " " + levels + "</font>";
            out += "</li>";
        }
        out += "</ul>";
    }
    return out + page_end();
}

std::string clause_html(const Library& library, const Clause& clause, const Variant* only, Language ui) {
    std::string out = page_start() + title_block(clause.title, ui);
    if (only) {
        out += "<p><b>" +
               esc(only->level ? wxString::Format(_("Variant for the %s level"), level_label(*only->level))
                               : wxString(_("The clause's only text"))) +
               "</b></p>";
    }
    out += "<table cellpadding=\"2\">";
    out += fact(_("Identifier"), "<tt>" + esc(clause.id) + "</tt>");
    if (const KeyElement* element = library.find_element(clause.element))
        out += fact(_("Key element"), element_link(*element, ui));
    else
        out += fact(_("Key element"), "<tt>" + esc(clause.element) + "</tt>");
    out += fact(_("Default clause"),
                esc(clause.is_default ? _("yes: chosen when its key element is chosen and the draft names no clause")
                                      : _("no: chosen only by name")));
    std::string instruments;
    for (Instrument i : clause.instruments) instruments += (instruments.empty() ? "" : ", ") + esc(instrument_name(i));
    out += fact(_("Fits"), instruments);
    out += fact(_("Requires"), clause_links(library, clause.requires_, ui));
    out += fact(_("Excludes"), clause_links(library, clause.excludes, ui));
    std::string levels;
    for (const Variant& v : clause.variants) {
        if (!v.level) continue;
        if (!levels.empty()) levels += ", ";
        levels += esc(level_label(*v.level));
    }
    if (!levels.empty()) out += fact(_("Variants"), levels);
    out += "</table>";

    out += "<h3>" + esc(_("Guidance")) + "</h3>";
    out += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">" + language_header() +
           side_by_side(text_or_missing(clause.guidance.en), text_or_missing(clause.guidance.fr)) + "</table>";

    out += legend();
    if (only) {
        out += variant_section(library, *only, ui, 0);
    } else {
        for (std::size_t i = 0; i < clause.variants.size(); ++i)
            out += variant_section(library, clause.variants[i], ui, i);
    }

    const std::vector<std::string> fields = clause.fields_used();
    if (!fields.empty()) {
        out += "<h3>" + esc(_("Fields to fill in")) + "</h3><table cellspacing=\"0\" cellpadding=\"3\" border=\"1\">";
        out += "<tr bgcolor=\"#e8eef6\"><td><b>" + esc(_("Field")) + "</b></td><td><b>" + esc(_("Type")) +
               "</b></td><td><b>" + esc(_("Example")) + "</b></td></tr>";
        for (const std::string& id : fields) {
            const content::Field* field = library.find_field(id);
            if (!field) {
                out += "<tr><td><tt>" + esc(id) + "</tt></td><td colspan=\"2\">" + missing_text() + "</td></tr>";
                continue;
            }
            out += "<tr><td>" + esc(in(field->label, ui)) + "<br><font size=\"-1\" color=\"#606060\">" +
                   esc(field->id) + "</font></td><td>" + esc(field_type_text(*field)) + "</td><td>" +
                   esc(in(field->example, ui)) + "</td></tr>";
        }
        out += "</table>";
    }

    const std::vector<std::string> terms = clause.terms_used();
    if (!terms.empty()) {
        out += "<h3>" + esc(_("Terms used")) + "</h3>";
        out += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">" + language_header();
        for (const std::string& id : terms) {
            const content::Term* term = library.find_term(id);
            auto cell = [&](Language l) {
                if (!term) return "<tt>" + esc(id) + "</tt> " + missing_text();
                return "<b>" + text_or_missing(term->name[l]) + "</b>: " + text_or_missing(term->definition[l]);
            };
            out += "<tr><td valign=\"top\"><a name=\"term-" + esc(id) + "\"></a>" + cell(Language::en) +
                   "</td><td valign=\"top\">" + cell(Language::fr) + "</td></tr>";
        }
        out += "</table>";
    }
    return out + page_end();
}

std::string search_html(const Library& library, const std::string& query,
                        const std::vector<const KeyElement*>& elements, const std::vector<const Clause*>& clauses,
                        Language ui) {
    std::string out = page_start() + "<h2>" + esc(wxString::Format(_("Search: %s"), to_wx(query))) + "</h2>";
    if (elements.empty() && clauses.empty()) {
        out +=
            "<p>" + esc(_("Nothing in the library matches. Check the spelling, or search for fewer words.")) + "</p>";
        return out + page_end();
    }
    const int e = static_cast<int>(elements.size());
    const int c = static_cast<int>(clauses.size());
    out += "<p>" + esc(wxString::Format(wxPLURAL("%d key element", "%d key elements", e), e)) + ", " +
           esc(wxString::Format(wxPLURAL("%d clause", "%d clauses", c), c)) + ". " +
           esc(_("Select one on the left or below to read it.")) + "</p><ul>";
    for (const KeyElement* element : elements) {
        out += "<li>" + element_link(*element, ui) + "<ul>";
        for (const Clause* clause : clauses)
            if (clause->element == element->slug) out += "<li>" + clause_link(library, clause->id, ui) + "</li>";
        out += "</ul></li>";
    }
    return out + "</ul>" + page_end();
}

std::string problem_html(const Problem& problem, Language) {
    std::string out = page_start();
    out += "<h2>" +
           esc(problem.severity == Severity::error ? _("Error in the library") : _("Warning about the library")) +
           "</h2>";
    out += "<p><b>" + esc(problem.message) + "</b></p>";
    out += "<table cellpadding=\"2\">";
    // Name and folder on lines of their own: a long path cannot wrap inside a table cell.
    const std::filesystem::path file(problem.where.file);
    out += fact(_("File"),
                "<tt>" + esc(problem.where.file.empty() ? std::string("—") : file.filename().string()) + "</tt>");
    if (file.has_parent_path()) out += fact(_("Folder"), "<tt>" + esc(file.parent_path().string()) + "</tt>");
    if (problem.where.line > 0) out += fact(_("Line"), std::to_string(problem.where.line));
    if (problem.where.column > 0) out += fact(_("Column"), std::to_string(problem.where.column));
    out += "</table>";
    if (!problem.where.file.empty() && problem.where.line > 0) {
        try {
            const std::string text = read_file(problem.where.file);
            std::vector<std::string> lines;
            std::istringstream in_stream(text);
            for (std::string line; std::getline(in_stream, line);) lines.push_back(line);
            const int first = std::max(1, problem.where.line - 3);
            const int last = std::min(static_cast<int>(lines.size()), problem.where.line + 3);
            if (first <= last) {
                out += "<h3>" + esc(_("In the file")) + "</h3>";
                out += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\" border=\"0\">";
                for (int n = first; n <= last; ++n) {
                    std::string line = lines[static_cast<std::size_t>(n - 1)];
                    if (line.size() > 240) line = line.substr(0, 240) + " …";
                    // Indentation kept (HTML would collapse it); the rest may wrap.
                    std::string shown;
                    std::size_t lead = 0;
                    for (; lead < line.size() && (line[lead] == ' ' || line[lead] == '\t'); ++lead)
                        shown += line[lead] == '\t' ? "&nbsp;&nbsp;&nbsp;&nbsp;" : "&nbsp;";
                    shown += esc(line.substr(lead));
                    const bool here = n == problem.where.line;
                    out += std::string("<tr") + (here ? " bgcolor=\"#ffdcdc\"" : "") +
                           "><td align=\"right\" valign=\"top\" width=\"40\"><font color=\"#707070\"><tt>" +
                           std::to_string(n) + "</tt></font></td><td><tt>" + shown + "</tt></td></tr>";
                }
                out += "</table>";
            }
        } catch (const Error&) {
            out += "<p><i>" + esc(_("The file cannot be read.")) + "</i></p>";
        }
    }
    if (!problem.where.file.empty()) {
        out += "<p><a href=\"open:" + esc(problem.where.file) + "\">" + esc(_("Open the file")) + "</a> — " +
               esc(_("or double-click the problem in the list.")) + "</p>";
    }
    return out + page_end();
}

}  // namespace moudesk::gui
