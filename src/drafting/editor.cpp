#include "moudesk/drafting/editor.h"

#include <algorithm>
#include <set>

namespace moudesk::drafting {

namespace {

std::set<std::string> conflict_messages(const Assembly& a) {
    std::set<std::string> out;
    for (const auto& f : a.findings)
        if (f.kind == Finding::Kind::conflict && f.severity == Severity::error) out.insert(f.message);
    return out;
}

std::string element_title(const content::Library& library, const std::string& slug) {
    const content::KeyElement* e = library.find_element(slug);
    return e ? e->title.en : slug;
}

}  // namespace

Editor::Editor(const content::Library& library, Draft draft) : library_(library), draft_(std::move(draft)) {
    refresh();
}

void Editor::refresh() {
    assembly_ = assemble(library_, draft_);
    findings_ = lint(library_, draft_, assembly_);
}

void Editor::apply(std::string label, Draft next) {
    undo_.push_back({std::move(label), std::move(draft_), revision_});
    redo_.clear();
    draft_ = std::move(next);
    revision_ = next_revision_++;
    refresh();
}

void Editor::undo() {
    if (undo_.empty()) return;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back({step.label, std::move(draft_), revision_});
    draft_ = std::move(step.before);
    revision_ = step.revision_before;
    refresh();
}

void Editor::redo() {
    if (redo_.empty()) return;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back({step.label, std::move(draft_), revision_});
    draft_ = std::move(step.before);
    revision_ = step.revision_before;
    refresh();
}

void Editor::set_instrument(Instrument instrument, Instrument base_instrument) {
    Draft next = draft_;
    next.instrument = instrument;
    next.base_instrument = base_instrument;
    apply("Change instrument", std::move(next));
}

void Editor::set_languages(std::vector<Language> languages, Layout layout) {
    Draft next = draft_;
    next.languages = std::move(languages);
    next.layout = next.languages.size() == 1 ? Layout::single
                  : layout == Layout::single ? Layout::side_by_side
                                             : layout;
    apply("Change languages", std::move(next));
}

void Editor::set_level(PartnershipLevel level) {
    Draft next = draft_;
    next.level = level;
    apply("Change partnership level", std::move(next));
}

void Editor::add_party(Party party) {
    Draft next = draft_;
    next.parties.push_back(std::move(party));
    apply("Add party", std::move(next));
}

void Editor::update_party(std::size_t index, Party party) {
    if (index >= draft_.parties.size()) return;
    Draft next = draft_;
    next.parties[index] = std::move(party);
    apply("Edit party", std::move(next));
}

void Editor::remove_party(std::size_t index) {
    if (index >= draft_.parties.size()) return;
    Draft next = draft_;
    next.parties.erase(next.parties.begin() + static_cast<std::ptrdiff_t>(index));
    apply("Remove party", std::move(next));
}

void Editor::move_party(std::size_t from, std::size_t to) {
    if (from >= draft_.parties.size() || to >= draft_.parties.size() || from == to) return;
    Draft next = draft_;
    Party p = std::move(next.parties[from]);
    next.parties.erase(next.parties.begin() + static_cast<std::ptrdiff_t>(from));
    next.parties.insert(next.parties.begin() + static_cast<std::ptrdiff_t>(to), std::move(p));
    apply("Move party", std::move(next));
}

Editor::ElementResult Editor::choose_element(const std::string& slug, std::vector<std::string> clauses) {
    ElementResult result;
    Draft next = draft_;
    auto it = std::find_if(next.elements.begin(), next.elements.end(),
                           [&](const ElementChoice& e) { return e.slug == slug; });
    if (it == next.elements.end())
        next.elements.push_back({slug, std::nullopt, std::move(clauses)});
    else
        it->clauses = std::move(clauses);

    Assembly trial = assemble(library_, next);
    std::set<std::string> before = conflict_messages(assembly_);
    for (const auto& message : conflict_messages(trial))
        if (!before.count(message)) result.refusal += (result.refusal.empty() ? "" : "\n") + message;
    for (const auto& f : trial.findings)
        if (f.kind == Finding::Kind::unknown_element && f.element == slug)
            result.refusal += (result.refusal.empty() ? "" : "\n") + f.message;
    if (!result.refusal.empty()) return result;

    for (const auto& c : trial.clauses)
        if (!assembly_.find(c.clause->id)) result.pulled_in.push_back(c.clause->id + ": " + c.reason);
    result.accepted = true;
    apply("Choose " + element_title(library_, slug), std::move(next));
    return result;
}

void Editor::drop_element(const std::string& slug) {
    Draft next = draft_;
    auto it = std::remove_if(next.elements.begin(), next.elements.end(),
                             [&](const ElementChoice& e) { return e.slug == slug; });
    if (it == next.elements.end()) return;
    next.elements.erase(it, next.elements.end());
    apply("Remove " + element_title(library_, slug), std::move(next));
}

void Editor::set_element_level(const std::string& slug, std::optional<PartnershipLevel> level) {
    Draft next = draft_;
    for (auto& e : next.elements)
        if (e.slug == slug) e.level = level;
    apply("Change level of " + element_title(library_, slug), std::move(next));
}

void Editor::set_value(const std::string& field, std::optional<Language> language, const std::string& value) {
    const std::string* current = nullptr;
    for (const auto& v : draft_.values)
        if (v.field == field && v.language == language) current = &v.value;
    if ((current ? *current : std::string()) == value) return;  // no empty undo steps
    Draft next = draft_;
    next.set_value(field, language, value);
    const content::Field* f = library_.find_field(field);
    apply("Edit " + (f ? f->label.en : field), std::move(next));
}

std::optional<std::string> Editor::reason_for(std::string_view clause_id) const {
    if (const ChosenClause* c = assembly_.find(clause_id)) return c->reason;
    return std::nullopt;
}

bool Editor::implied(std::string_view slug) const {
    if (draft_.has_element(slug)) return false;
    return std::any_of(assembly_.clauses.begin(), assembly_.clauses.end(),
                       [&](const ChosenClause& c) { return c.clause->element == slug; });
}

}  // namespace moudesk::drafting
