#pragma once
/// @brief What is due: overdue and upcoming actions, reviews, expiries, and the last days to
/// give notice before a tacit renewal.
#include <string>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

struct Deadline {
    enum class Kind { action, review, expiry, notice };
    Kind kind = Kind::action;
    tracking::Date date;
    bool overdue = false;
    Id agreement = 0;
    std::string reference;  ///< the agreement's reference
    std::string title;      ///< the action's title, or the agreement's title
    Id action = 0;          ///< for actions
    std::string owner;      ///< for actions: the owner party's short name or name, and person
};

/// "action", "review", "expiry", "notice".
const char* to_code(Deadline::Kind kind);

/// Deadlines from the start of time up to `today + within_days`, overdue first, by date. Only
/// agreements that are signed, in force or suspended have reviews, expiries and notice
/// deadlines. At most `limit` of each kind.
std::vector<Deadline> deadlines(Database& db, tracking::Date today, int within_days, int limit = 1000);

}  // namespace moudesk::store
