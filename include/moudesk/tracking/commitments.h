#pragma once
/// @brief Commitments become actions: what a draft's clauses oblige each party to do once the
/// agreement is in force, with due dates computed from the entry into force.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/language.h"
#include "moudesk/tracking/date.h"

namespace moudesk::content {
struct Library;
}
namespace moudesk::drafting {
struct Draft;
}

namespace moudesk::tracking {

enum class ActionStatus { not_started, in_progress, done, blocked, not_applicable };
/// "not-started", "in-progress", "done", "blocked", "not-applicable".
const char* to_code(ActionStatus status);
std::optional<ActionStatus> action_status_from_code(std::string_view code);
/// Whether an action in this status still has to be done (and can be overdue).
bool is_open(ActionStatus status);

/// One action to create from a commitment.
struct PlannedAction {
    std::string commitment;  ///< commitment id in the clause library
    std::string clause;      ///< clause id
    std::string element;     ///< key element slug
    std::string title;       ///< the commitment's text in the chosen language
    int party = -1;          ///< index into draft.parties; -1: the parties jointly
    Date due;
    std::optional<Duration> recurrence;
    std::string note;  ///< why a value is assumed, e.g. an interval field without a value
};

/// The actions the commitments of `draft`'s chosen clauses create when it enters into force on
/// `entry_into_force`. "each" gives one action per party, a party kind one action per party of
/// that kind (jointly when none has it), "joint" one action for all. A recurrence given by a field
/// ("field:<id>", in months) takes the draft's value; without a valid value the action is created
/// once and `note` says which field is missing.
std::vector<PlannedAction> plan_actions(const content::Library& library, const drafting::Draft& draft,
                                        Date entry_into_force, Language language);

/// The due date of the next occurrence after completing occurrence `n` of a series started at
/// `series_start` (due dates count from the start so month ends do not drift).
Date next_due(Date series_start, Duration every, int n);

}  // namespace moudesk::tracking
