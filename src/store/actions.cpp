#include "moudesk/store/actions.h"

#include <SQLiteCpp/Statement.h>

#include "internal.h"
#include "moudesk/core/error.h"
#include "moudesk/store/audit.h"

namespace moudesk::store {

using namespace detail;
using tracking::Date;

namespace {

constexpr const char* select_action =
    "SELECT id, agreement_id, commitment, clause, element, title, owner_party_id, owner_person, due_date, "
    "recurrence, series_start, occurrence, status, notes, evidence, completed_on, created_at, updated_at "
    "FROM action ";

ActionRecord read_action(SQLite::Statement& st) {
    ActionRecord a;
    a.id = st.getColumn(0).getInt64();
    a.agreement = st.getColumn(1).getInt64();
    a.commitment = st.getColumn(2).getString();
    a.clause = st.getColumn(3).getString();
    a.element = st.getColumn(4).getString();
    a.title = st.getColumn(5).getString();
    if (!st.getColumn(6).isNull()) a.owner_party = st.getColumn(6).getInt64();
    a.owner_person = st.getColumn(7).getString();
    a.due = date_of(text_or_null(st, 8));
    a.recurrence = duration_of(text_or_null(st, 9));
    a.series_start = date_of(text_or_null(st, 10));
    a.occurrence = st.getColumn(11).getInt();
    a.status =
        tracking::action_status_from_code(st.getColumn(12).getString()).value_or(tracking::ActionStatus::not_started);
    a.notes = st.getColumn(13).getString();
    a.evidence = st.getColumn(14).getString();
    a.completed_on = date_of(text_or_null(st, 15));
    a.created_at = st.getColumn(16).getString();
    a.updated_at = st.getColumn(17).getString();
    return a;
}

struct Field {
    const char* field;
    const char* column;
    std::optional<std::string> value;
};

std::vector<Field> editable_fields(const ActionRecord& a) {
    return {
        {"title", "title", a.title},
        {"owner-party", "owner_party_id", a.owner_party ? std::optional(std::to_string(*a.owner_party)) : std::nullopt},
        {"owner-person", "owner_person", a.owner_person},
        {"due", "due_date", iso_of(a.due)},
        {"recurrence", "recurrence", iso_of(a.recurrence)},
        {"status", "status", std::string(tracking::to_code(a.status))},
        {"notes", "notes", a.notes},
        {"evidence", "evidence", a.evidence},
        {"completed-on", "completed_on", iso_of(a.completed_on)},
    };
}

void check_action(Database& db, const ActionRecord& a) {
    std::vector<std::string> problems;
    if (a.title.find_first_not_of(" \t") == std::string::npos) problems.push_back("the action has no title");
    if (a.recurrence && a.recurrence->empty()) problems.push_back("a recurrence must be longer than zero days");
    if (a.recurrence && !a.due) problems.push_back("a recurring action needs a first due date");
    if (a.owner_party) {
        SQLite::Statement st(db.sql(), "SELECT 1 FROM party WHERE id = ? AND agreement_id = ?");
        st.bind(1, static_cast<int64_t>(*a.owner_party));
        st.bind(2, static_cast<int64_t>(a.agreement));
        if (!st.executeStep())
            problems.push_back("party " + std::to_string(*a.owner_party) + " is not a party to agreement " +
                               std::to_string(a.agreement));
    }
    if (!problems.empty()) {
        std::string message = "the action cannot be saved:";
        for (const auto& p : problems) message += "\n  - " + p;
        throw Error(ErrorCategory::bad_input, message);
    }
}

}  // namespace

namespace detail {

std::optional<Date> date_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return Date::parse(*text);
}

std::optional<tracking::Duration> duration_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return tracking::Duration::parse(*text);
}

void require_agreement(Database& db, Id id) {
    SQLite::Statement st(db.sql(), "SELECT 1 FROM agreement WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep()) throw Error(ErrorCategory::bad_input, "there is no agreement with id " + std::to_string(id));
}

Id insert_action(Database& db, ActionRecord& a) {
    check_action(db, a);
    SQLite::Statement st(
        db.sql(),
        "INSERT INTO action(agreement_id, commitment, clause, element, title, owner_party_id, "
        "owner_person, due_date, recurrence, series_start, occurrence, status, notes, evidence, "
        "completed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::string now = now_utc();
    st.bind(1, static_cast<int64_t>(a.agreement));
    st.bind(2, a.commitment);
    st.bind(3, a.clause);
    st.bind(4, a.element);
    st.bind(5, a.title);
    if (a.owner_party)
        st.bind(6, static_cast<int64_t>(*a.owner_party));
    else
        st.bind(6);
    st.bind(7, a.owner_person);
    bind_text(st, 8, iso_of(a.due));
    bind_text(st, 9, iso_of(a.recurrence));
    bind_text(st, 10, iso_of(a.recurrence ? (a.series_start ? a.series_start : a.due) : std::nullopt));
    st.bind(11, a.occurrence);
    st.bind(12, tracking::to_code(a.status));
    st.bind(13, a.notes);
    st.bind(14, a.evidence);
    bind_text(st, 15, iso_of(a.completed_on));
    st.bind(16, now);
    st.bind(17, now);
    st.exec();
    a.id = db.sql().getLastInsertRowid();
    AuditTrail(db).record("action", a.id, a.agreement, "created", std::nullopt, a.title);
    return a.id;
}

}  // namespace detail

Id Actions::add(ActionRecord action) {
    WriteTransaction tx(db_);
    require_agreement(db_, action.agreement);
    Id id = insert_action(db_, action);
    tx.commit();
    return id;
}

ActionRecord Actions::get(Id id) {
    SQLite::Statement st(db_.sql(), std::string(select_action) + "WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep()) throw Error(ErrorCategory::bad_input, "there is no action with id " + std::to_string(id));
    ActionRecord a = read_action(st);
    SQLite::Statement files(
        db_.sql(), "SELECT id, path, description, added_at FROM evidence_file WHERE action_id = ? ORDER BY id");
    files.bind(1, static_cast<int64_t>(id));
    while (files.executeStep())
        a.files.push_back({files.getColumn(0).getInt64(), files.getColumn(1).getString(),
                           files.getColumn(2).getString(), files.getColumn(3).getString()});
    return a;
}

std::vector<ActionRecord> Actions::list(const ActionFilter& f) {
    std::string sql = select_action;
    std::vector<std::string> terms;
    if (f.agreement) terms.push_back("agreement_id = " + std::to_string(*f.agreement));
    if (f.status) terms.push_back(std::string("status = '") + tracking::to_code(*f.status) + "'");
    if (f.overdue) terms.push_back("status IN ('not-started', 'in-progress', 'blocked') AND due_date < :today");
    if (f.owner_party) terms.push_back("owner_party_id = " + std::to_string(*f.owner_party));
    if (!f.element.empty()) terms.push_back("element = :element");
    for (std::size_t i = 0; i < terms.size(); ++i) sql += (i == 0 ? "WHERE " : " AND ") + terms[i];
    sql += " ORDER BY due_date IS NULL, due_date, id LIMIT " + std::to_string(f.limit);
    SQLite::Statement st(db_.sql(), sql);
    if (f.overdue) st.bind(":today", f.today.iso());
    if (!f.element.empty()) st.bind(":element", f.element);
    std::vector<ActionRecord> out;
    while (st.executeStep()) out.push_back(read_action(st));
    return out;
}

void Actions::update(const ActionRecord& changed) {
    WriteTransaction tx(db_);
    ActionRecord before = get(changed.id);
    ActionRecord next = changed;
    next.agreement = before.agreement;  // an action stays with its agreement
    check_action(db_, next);
    auto old_fields = editable_fields(before);
    auto new_fields = editable_fields(next);
    AuditTrail audit(db_);
    bool any = false;
    for (std::size_t i = 0; i < new_fields.size(); ++i) {
        if (old_fields[i].value == new_fields[i].value) continue;
        SQLite::Statement st(db_.sql(), std::string("UPDATE action SET ") + new_fields[i].column + " = ? WHERE id = ?");
        bind_text(st, 1, new_fields[i].value);
        st.bind(2, static_cast<int64_t>(next.id));
        st.exec();
        audit.record("action", next.id, next.agreement, new_fields[i].field, old_fields[i].value, new_fields[i].value);
        any = true;
    }
    if (next.due != before.due || next.recurrence != before.recurrence) {
        // A new due date or recurrence starts the series again from the due date now set: counting
        // on from the old start would put the next occurrence where the user no longer wants it.
        SQLite::Statement st(db_.sql(), "UPDATE action SET series_start = ?, occurrence = 0 WHERE id = ?");
        bind_text(st, 1, iso_of(next.recurrence ? next.due : std::nullopt));
        st.bind(2, static_cast<int64_t>(next.id));
        st.exec();
    }
    if (any) {
        SQLite::Statement st(db_.sql(), "UPDATE action SET updated_at = ? WHERE id = ?");
        st.bind(1, now_utc());
        st.bind(2, static_cast<int64_t>(next.id));
        st.exec();
    }
    tx.commit();
}

std::optional<Id> Actions::complete(Id id, Date on, const std::string& evidence) {
    WriteTransaction tx(db_);
    ActionRecord a = get(id);
    if (a.status == tracking::ActionStatus::done)
        throw Error(ErrorCategory::bad_input, "action " + std::to_string(id) + " is already done");
    ActionRecord done = a;
    done.status = tracking::ActionStatus::done;
    done.completed_on = on;
    if (!evidence.empty()) done.evidence = a.evidence.empty() ? evidence : a.evidence + "\n" + evidence;
    update(done);  // nested: update's own transaction is not started while one is open
    std::optional<Id> next_id;
    if (a.recurrence && a.due) {
        ActionRecord next = a;
        next.id = 0;
        next.series_start = a.series_start ? a.series_start : a.due;
        next.occurrence = a.occurrence + 1;
        next.due = tracking::next_due(*next.series_start, *a.recurrence, a.occurrence);
        next.status = tracking::ActionStatus::not_started;
        next.evidence.clear();
        next.completed_on.reset();
        next.notes = a.notes;
        next_id = insert_action(db_, next);
    }
    tx.commit();
    return next_id;
}

Id Actions::add_evidence_file(Id action, const std::string& path, const std::string& description) {
    if (path.empty()) throw Error(ErrorCategory::bad_input, "the evidence file has no path");
    WriteTransaction tx(db_);
    ActionRecord a = get(action);
    SQLite::Statement st(db_.sql(),
                         "INSERT INTO evidence_file(action_id, path, description, added_at) VALUES (?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(action));
    st.bind(2, path);
    st.bind(3, description);
    st.bind(4, now_utc());
    st.exec();
    Id id = db_.sql().getLastInsertRowid();
    AuditTrail(db_).record("action", action, a.agreement, "evidence file", std::nullopt, path);
    tx.commit();
    return id;
}

}  // namespace moudesk::store
