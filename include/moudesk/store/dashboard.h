#pragma once
/// @brief The figures of the Dashboard: agreements by status, actions by status, what is
/// overdue and what comes up within the horizon.
#include <string>
#include <utility>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/tracking/date.h"

namespace moudesk::store {

struct Dashboard {
    int agreements = 0;
    std::vector<std::pair<std::string, int>> agreements_by_status;  ///< status code, count; every status
    std::vector<std::pair<std::string, int>> actions_by_status;     ///< action status code, count; every status
    int overdue_actions = 0;
    int upcoming_actions = 0;  ///< open, due from today to the horizon
    int reviews_due = 0;       ///< next review on or before the horizon (active agreements)
    int expiring = 0;          ///< current expiry from today to the horizon
    int notice_deadlines = 0;  ///< last day to give notice from today to the horizon
};

Dashboard dashboard(Database& db, tracking::Date today, int within_days);

}  // namespace moudesk::store
