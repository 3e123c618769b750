#include "moudesk/store/deadlines.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace moudesk::store {

using tracking::Date;

namespace {

constexpr const char* active = "a.status IN ('signed', 'in-force', 'suspended')";

void collect(Database& db, const std::string& sql, Deadline::Kind kind, Date today, Date until, int limit,
             std::vector<Deadline>& out) {
    SQLite::Statement st(db.sql(), sql + " LIMIT ?");
    st.bind(1, today.iso());
    st.bind(2, until.iso());
    st.bind(3, limit);
    while (st.executeStep()) {
        Deadline d;
        d.kind = kind;
        d.date = Date::parse(st.getColumn(0).getString()).value_or(today);
        d.agreement = st.getColumn(1).getInt64();
        d.reference = st.getColumn(2).getString();
        d.title = st.getColumn(3).getString();
        d.action = st.getColumn(4).getInt64();
        d.owner = st.getColumn(5).getString();
        d.overdue = d.date < today;
        out.push_back(std::move(d));
    }
}

}  // namespace

const char* to_code(Deadline::Kind kind) {
    switch (kind) {
        case Deadline::Kind::action: return "action";
        case Deadline::Kind::review: return "review";
        case Deadline::Kind::expiry: return "expiry";
        case Deadline::Kind::notice: return "notice";
    }
    return "action";
}

std::vector<Deadline> deadlines(Database& db, Date today, int within_days, int limit) {
    Date until = today.add_days(within_days);
    std::vector<Deadline> out;
    // ?1 today, ?2 the horizon. Open actions use the partial index on due dates.
    collect(db,
            "SELECT x.due_date, a.id, a.reference, x.title, x.id, "
            "trim(coalesce(nullif(p.short_name, ''), p.name, '') || ' ' || x.owner_person) "
            "FROM action x JOIN agreement a ON a.id = x.agreement_id LEFT JOIN party p ON p.id = x.owner_party_id "
            "WHERE x.status IN ('not-started', 'in-progress', 'blocked') AND x.due_date <= ?2 "
            "ORDER BY x.due_date, x.id",
            Deadline::Kind::action, today, until, limit, out);
    collect(db,
            std::string("SELECT a.next_review, a.id, a.reference, a.title, 0, '' FROM agreement a "
                        "WHERE a.next_review <= ?2 AND ") +
                active + " ORDER BY a.next_review, a.id",
            Deadline::Kind::review, today, until, limit, out);
    collect(db,
            std::string("SELECT a.computed_expiry, a.id, a.reference, a.title, 0, '' FROM agreement a "
                        "WHERE a.computed_expiry BETWEEN ?1 AND ?2 AND ") +
                active + " ORDER BY a.computed_expiry, a.id",
            Deadline::Kind::expiry, today, until, limit, out);
    collect(db,
            std::string("SELECT a.computed_notice_deadline, a.id, a.reference, a.title, 0, '' FROM agreement a "
                        "WHERE a.computed_notice_deadline BETWEEN ?1 AND ?2 AND ") +
                active + " ORDER BY a.computed_notice_deadline, a.id",
            Deadline::Kind::notice, today, until, limit, out);
    std::stable_sort(out.begin(), out.end(), [](const Deadline& x, const Deadline& y) {
        if (x.overdue != y.overdue) return x.overdue;
        return x.date < y.date;
    });
    return out;
}

}  // namespace moudesk::store
