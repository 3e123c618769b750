#include "moudesk/store/register_export.h"

#include <SQLiteCpp/Statement.h>

namespace moudesk::store {

using tracking::Column;

namespace {

tracking::Table read_table(Database& db, tracking::Table table, const char* sql) {
    SQLite::Statement st(db.sql(), sql);
    const int columns = static_cast<int>(table.columns.size());
    while (st.executeStep()) {
        std::vector<std::string> row;
        row.reserve(table.columns.size());
        for (int i = 0; i < columns; ++i) row.push_back(st.getColumn(i).getString());
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace

tracking::Table register_table(Database& db) {
    tracking::Table table{"Agreements",
                          {{"Reference"},
                           {"Title"},
                           {"Instrument"},
                           {"Status"},
                           {"Parties"},
                           {"Signature", Column::Kind::date},
                           {"Entry into force", Column::Kind::date},
                           {"Expiry", Column::Kind::date},
                           {"Last day for notice", Column::Kind::date},
                           {"Next review", Column::Kind::date},
                           {"Key elements"},
                           {"Open actions", Column::Kind::number}},
                          {}};
    return read_table(
        db, std::move(table),
        "SELECT a.reference, a.title, a.instrument, a.status, "
        "coalesce((SELECT group_concat(name, ' – ') FROM (SELECT name FROM party WHERE agreement_id = a.id "
        "  ORDER BY position)), ''), "
        "coalesce(a.signature_date, ''), coalesce(a.computed_entry_into_force, ''), coalesce(a.computed_expiry, ''), "
        "coalesce(a.computed_notice_deadline, ''), coalesce(a.next_review, ''), "
        "coalesce((SELECT group_concat(element, ', ') FROM agreement_element WHERE agreement_id = a.id), ''), "
        "(SELECT count(*) FROM action x WHERE x.agreement_id = a.id AND x.status IN ('not-started', 'in-progress', "
        "'blocked')) "
        "FROM agreement a ORDER BY a.reference");
}

tracking::Table action_plan_table(Database& db) {
    tracking::Table table{"Action plan",
                          {{"Agreement"},
                           {"Action"},
                           {"Key element"},
                           {"Owner"},
                           {"Person"},
                           {"Due", Column::Kind::date},
                           {"Every"},
                           {"Status"},
                           {"Completed", Column::Kind::date},
                           {"Notes"},
                           {"Evidence"}},
                          {}};
    return read_table(db, std::move(table),
                      "SELECT a.reference, x.title, x.element, coalesce(p.name, 'all parties'), x.owner_person, "
                      "coalesce(x.due_date, ''), coalesce(x.recurrence, ''), x.status, coalesce(x.completed_on, ''), "
                      "x.notes, x.evidence FROM action x JOIN agreement a ON a.id = x.agreement_id "
                      "LEFT JOIN party p ON p.id = x.owner_party_id ORDER BY a.reference, x.due_date, x.id");
}

std::vector<tracking::CalendarEvent> deadline_events(const std::vector<Deadline>& deadlines) {
    std::vector<tracking::CalendarEvent> events;
    for (const Deadline& d : deadlines) {
        tracking::CalendarEvent e;
        e.date = d.date;
        e.categories = {"moudesk", to_code(d.kind)};
        switch (d.kind) {
            case Deadline::Kind::action:
                e.uid = "action-" + std::to_string(d.action) + "@moudesk";
                e.summary = d.reference + ": " + d.title;
                e.description = "Action due under " + d.reference + (d.owner.empty() ? "" : "\nOwner: " + d.owner);
                e.alarm_days_before = 7;
                break;
            case Deadline::Kind::review:
                e.uid = "review-" + std::to_string(d.agreement) + "@moudesk";
                e.summary = "Review of " + d.reference;
                e.description = d.title;
                e.alarm_days_before = 30;
                break;
            case Deadline::Kind::expiry:
                e.uid = "expiry-" + std::to_string(d.agreement) + "@moudesk";
                e.summary = d.reference + " expires";
                e.description = d.title + "\nThe agreement no longer has effect from this day.";
                e.alarm_days_before = 90;
                break;
            case Deadline::Kind::notice:
                e.uid = "notice-" + std::to_string(d.agreement) + "@moudesk";
                e.summary = "Last day to give notice: " + d.reference;
                e.description = d.title + "\nWithout notice by this day the agreement renews tacitly.";
                e.alarm_days_before = 30;
                break;
        }
        events.push_back(std::move(e));
    }
    return events;
}

}  // namespace moudesk::store
