#include "moudesk/tracking/commitments.h"

#include <array>
#include <charconv>

#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::tracking {

namespace {

constexpr std::array<std::pair<ActionStatus, const char*>, 5> action_codes{{
    {ActionStatus::not_started, "not-started"},
    {ActionStatus::in_progress, "in-progress"},
    {ActionStatus::done, "done"},
    {ActionStatus::blocked, "blocked"},
    {ActionStatus::not_applicable, "not-applicable"},
}};

// "field:<id>" recurrences are a number of months held by a draft value.
std::optional<Duration> recurrence_of(const content::Commitment& commitment, const drafting::Draft& draft,
                                      Language language, std::string& note) {
    if (commitment.every.empty()) return std::nullopt;
    constexpr std::string_view prefix = "field:";
    if (!commitment.every.starts_with(prefix)) return Duration::parse(commitment.every);
    std::string field = commitment.every.substr(prefix.size());
    const std::string* value = draft.value(field, language);
    int months = 0;
    if (value) {
        auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), months);
        if (ec != std::errc() || end != value->data() + value->size() || months <= 0) value = nullptr;
    }
    if (!value) {
        note = "the interval field '" + field + "' has no valid value: the action is created once";
        return std::nullopt;
    }
    return Duration{.months = months};
}

Language other(Language language) {
    return language == Language::en ? Language::fr : Language::en;
}

}  // namespace

const char* to_code(ActionStatus status) {
    for (auto& [s, code] : action_codes)
        if (s == status) return code;
    return "not-started";
}

std::optional<ActionStatus> action_status_from_code(std::string_view code) {
    for (auto& [s, c] : action_codes)
        if (code == c) return s;
    return std::nullopt;
}

bool is_open(ActionStatus status) {
    return status == ActionStatus::not_started || status == ActionStatus::in_progress ||
           status == ActionStatus::blocked;
}

std::vector<PlannedAction> plan_actions(const content::Library& library, const drafting::Draft& draft,
                                        Date entry_into_force, Language language) {
    drafting::Assembly assembly = drafting::assemble(library, draft);
    std::vector<PlannedAction> plan;
    for (const drafting::ChosenClause& chosen : assembly.clauses) {
        for (const content::Commitment& commitment : chosen.variant->commitments) {
            PlannedAction base;
            base.commitment = commitment.id;
            base.clause = chosen.clause->id;
            base.element = chosen.clause->element;
            base.title = commitment.text.has(language) ? commitment.text[language] : commitment.text[other(language)];
            std::optional<Duration> due = Duration::parse(commitment.due);
            base.due = due ? add(entry_into_force, *due) : entry_into_force;
            base.recurrence = recurrence_of(commitment, draft, language, base.note);

            std::vector<int> owners;
            for (int i = 0; i < static_cast<int>(draft.parties.size()); ++i) {
                const std::string& kind = draft.parties[static_cast<std::size_t>(i)].kind;
                if (commitment.party == "each" || commitment.party == kind) owners.push_back(i);
            }
            if (commitment.party == "joint" || owners.empty()) owners = {-1};
            for (int owner : owners) {
                PlannedAction action = base;
                action.party = owner;
                plan.push_back(std::move(action));
            }
        }
    }
    return plan;
}

Date next_due(Date series_start, Duration every, int n) {
    return occurrence(series_start, every, n + 1);
}

}  // namespace moudesk::tracking
