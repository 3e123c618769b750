#include "moudesk/store/dashboard.h"

#include <SQLiteCpp/Statement.h>

#include <map>

#include "moudesk/tracking/commitments.h"
#include "moudesk/tracking/lifecycle.h"

namespace moudesk::store {

namespace {

int count(Database& db, const char* sql, const std::string& a, const std::string& b) {
    SQLite::Statement st(db.sql(), sql);
    st.bind(1, a);
    if (st.getBindParameterCount() >= 2) st.bind(2, b);
    st.executeStep();
    return st.getColumn(0).getInt();
}

}  // namespace

Dashboard dashboard(Database& db, tracking::Date today, int within_days) {
    Dashboard d;
    std::string from = today.iso(), until = today.add_days(within_days).iso();
    std::map<std::string, int> by_status;
    SQLite::Statement agreements(db.sql(), "SELECT status, n FROM status_count WHERE entity = 'agreement'");
    while (agreements.executeStep()) {
        by_status[agreements.getColumn(0).getString()] = agreements.getColumn(1).getInt();
        d.agreements += agreements.getColumn(1).getInt();
    }
    for (tracking::Status s : tracking::all_statuses())
        d.agreements_by_status.emplace_back(tracking::to_code(s), by_status[tracking::to_code(s)]);

    std::map<std::string, int> actions;
    SQLite::Statement st(db.sql(), "SELECT status, n FROM status_count WHERE entity = 'action'");
    while (st.executeStep()) actions[st.getColumn(0).getString()] = st.getColumn(1).getInt();
    for (auto s :
         {tracking::ActionStatus::not_started, tracking::ActionStatus::in_progress, tracking::ActionStatus::blocked,
          tracking::ActionStatus::done, tracking::ActionStatus::not_applicable})
        d.actions_by_status.emplace_back(tracking::to_code(s), actions[tracking::to_code(s)]);

    d.overdue_actions = count(db,
                              "SELECT count(*) FROM action WHERE status IN ('not-started', 'in-progress', 'blocked') "
                              "AND due_date < ?1",
                              from, until);
    d.upcoming_actions = count(db,
                               "SELECT count(*) FROM action WHERE status IN ('not-started', 'in-progress', 'blocked') "
                               "AND due_date BETWEEN ?1 AND ?2",
                               from, until);
    d.reviews_due = count(db,
                          "SELECT count(*) FROM agreement WHERE next_review <= ?2 "
                          "AND status IN ('signed', 'in-force', 'suspended')",
                          from, until);
    d.expiring = count(db,
                       "SELECT count(*) FROM agreement WHERE computed_expiry BETWEEN ?1 AND ?2 "
                       "AND status IN ('signed', 'in-force', 'suspended')",
                       from, until);
    d.notice_deadlines = count(db,
                               "SELECT count(*) FROM agreement WHERE computed_notice_deadline BETWEEN ?1 AND ?2 "
                               "AND status IN ('signed', 'in-force', 'suspended')",
                               from, until);
    return d;
}

}  // namespace moudesk::store
