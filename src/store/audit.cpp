#include "moudesk/store/audit.h"

#include <SQLiteCpp/Statement.h>

namespace moudesk::store {

namespace {

void bind_optional(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

std::vector<AuditEntry> read_entries(SQLite::Statement& st) {
    std::vector<AuditEntry> entries;
    while (st.executeStep()) {
        AuditEntry e;
        e.id = st.getColumn(0).getInt64();
        e.at = st.getColumn(1).getString();
        e.user = st.getColumn(2).getString();
        e.entity = st.getColumn(3).getString();
        e.entity_id = st.getColumn(4).getInt64();
        e.field = st.getColumn(5).getString();
        if (!st.getColumn(6).isNull()) e.old_value = st.getColumn(6).getString();
        if (!st.getColumn(7).isNull()) e.new_value = st.getColumn(7).getString();
        entries.push_back(std::move(e));
    }
    return entries;
}

constexpr const char* columns = "SELECT id, at, user, entity, entity_id, field, old_value, new_value FROM audit ";

}  // namespace

void AuditTrail::record(std::string_view entity, Id entity_id, Id agreement, std::string_view field,
                        const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
    SQLite::Statement st(db_.sql(),
                         "INSERT INTO audit(at, user, entity, entity_id, field, old_value, new_value, agreement) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, now_utc());
    st.bind(2, db_.user());
    st.bind(3, std::string(entity));
    st.bind(4, static_cast<int64_t>(entity_id));
    st.bind(5, std::string(field));
    bind_optional(st, 6, old_value);
    bind_optional(st, 7, new_value);
    if (agreement)
        st.bind(8, static_cast<int64_t>(agreement));
    else
        st.bind(8);
    st.exec();
}

std::vector<AuditEntry> AuditTrail::history(std::string_view entity, Id entity_id) {
    SQLite::Statement st(db_.sql(), std::string(columns) + "WHERE entity = ? AND entity_id = ? ORDER BY id");
    st.bind(1, std::string(entity));
    st.bind(2, static_cast<int64_t>(entity_id));
    return read_entries(st);
}

std::vector<AuditEntry> AuditTrail::agreement_history(Id agreement) {
    SQLite::Statement st(db_.sql(), std::string(columns) + "WHERE agreement = ? ORDER BY id");
    st.bind(1, static_cast<int64_t>(agreement));
    return read_entries(st);
}

std::vector<AuditEntry> AuditTrail::recent(int limit) {
    SQLite::Statement st(db_.sql(), std::string(columns) + "ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    return read_entries(st);
}

}  // namespace moudesk::store
