#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "moudesk/content/library.h"

namespace moudesk::content {
namespace {

template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, std::string_view key, Key T::*member) {
    for (const T& item : items)
        if (item.*member == key) return &item;
    return nullptr;
}

void add_once(std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Calls `visit` on every inline of the clause's paragraphs and items, variant by variant, English
// before French.
template <typename Visit>
void for_each_inline(const Clause& clause, Visit visit) {
    for (const Variant& variant : clause.variants)
        for (const Block& block : variant.blocks)
            for (Language language : all_languages)
                for (const Inline& piece : block.text[language]) visit(piece);
}

}  // namespace

bool Clause::fits(Instrument instrument) const {
    return std::find(instruments.begin(), instruments.end(), instrument) != instruments.end();
}

const Variant& Clause::variant_for(PartnershipLevel level) const {
    if (variants.empty()) throw Error(ErrorCategory::internal, "clause " + id + " has no variant");
    const Variant* best = nullptr;    // highest level not above `level`
    const Variant* lowest = nullptr;  // fallback when all are above
    for (const Variant& variant : variants) {
        if (!variant.level) return variant;  // a final provision's only variant
        if (*variant.level <= level && (!best || *variant.level > *best->level)) best = &variant;
        if (!lowest || *variant.level < *lowest->level) lowest = &variant;
    }
    return best ? *best : *lowest;
}

std::vector<std::string> Clause::fields_used() const {
    std::vector<std::string> ids;
    for (const Variant& variant : variants) {
        for (const Block& block : variant.blocks)
            for (Language language : all_languages)
                for (const Inline& piece : block.text[language])
                    if (piece.kind == Inline::Kind::field) add_once(ids, piece.ref);
        // A recurrence counted by a field needs the field's value too.
        for (const Commitment& commitment : variant.commitments)
            if (commitment.every.starts_with("field:")) add_once(ids, commitment.every.substr(6));
    }
    return ids;
}

std::vector<std::string> Clause::terms_used() const {
    std::vector<std::string> ids;
    for_each_inline(*this, [&](const Inline& piece) {
        if (piece.kind == Inline::Kind::term) add_once(ids, piece.ref);
    });
    return ids;
}

const KeyElement* Library::find_element(std::string_view slug) const {
    return find_by(elements, slug, &KeyElement::slug);
}
const Clause* Library::find_clause(std::string_view id) const {
    return find_by(clauses, id, &Clause::id);
}
const Field* Library::find_field(std::string_view id) const {
    return find_by(fields, id, &Field::id);
}
const Term* Library::find_term(std::string_view id) const {
    return find_by(terms, id, &Term::id);
}

const Template* Library::find_template(Instrument instrument) const {
    for (const Template& t : templates)
        if (t.instrument == instrument) return &t;
    return nullptr;
}

std::vector<const Clause*> Library::clauses_of(std::string_view slug) const {
    std::vector<const Clause*> out;
    for (const Clause& clause : clauses)
        if (clause.element == slug) out.push_back(&clause);
    return out;
}

std::filesystem::path bundled_data_dir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("MOUDESK_DATA_DIR"); env && *env) return fs::path(env);
    // An installed (or relocated) moudesk: <prefix>/bin/moudesk next to <prefix>/share/moudesk.
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = (exe.parent_path() / ".." / "share" / "moudesk").lexically_normal();
        if (fs::is_directory(installed / "clauses", ec)) return installed;
    }
    return fs::path(MOUDESK_SOURCE_DATA_DIR);
}

}  // namespace moudesk::content
