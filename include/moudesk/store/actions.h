#pragma once
/// @brief The actions that implement agreements: created from commitments or by hand, followed
/// to completion; completing a recurring action schedules the next one. Every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

struct ActionFilter {
    std::optional<Id> agreement;
    std::optional<tracking::ActionStatus> status;
    bool overdue = false;  ///< open and due before `today`
    tracking::Date today = tracking::Date::today();
    std::optional<Id> owner_party;
    std::string element;  ///< key element slug, or empty
    int limit = 10000;
};

class Actions {
public:
    explicit Actions(Database& db) : db_(db) {}

    /// Adds an action (by hand or from a commitment). Throws Error(bad_input) for an unknown
    /// agreement, an empty title or an owner that is not one of the agreement's parties.
    Id add(ActionRecord action);
    /// Throws Error(bad_input) when there is no action `id`.
    ActionRecord get(Id id);
    /// Ordered by due date (undated last), then id.
    std::vector<ActionRecord> list(const ActionFilter& filter);
    /// Saves title, owner, due date, recurrence, status, notes and evidence; audited per field.
    /// A changed due date or recurrence starts a recurring series again from the new due date.
    void update(const ActionRecord& action);
    /// Marks the action done on `on` with `evidence` appended to its evidence. For a recurring
    /// action, creates the next occurrence and returns its id.
    std::optional<Id> complete(Id id, tracking::Date on, const std::string& evidence);
    /// Attaches a file reference (the file itself stays where it is).
    Id add_evidence_file(Id action, const std::string& path, const std::string& description);

private:
    Database& db_;
};

}  // namespace moudesk::store
