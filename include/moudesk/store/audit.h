#pragma once
/// @brief The audit trail: every change to the register, with time, user, field, old and new
/// value. Append-only: the database refuses to change or delete its rows.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

class AuditTrail {
public:
    explicit AuditTrail(Database& db) : db_(db) {}
    /// Records one change by the database's user, now, to `entity` `entity_id` belonging to
    /// `agreement` (0: none). Call inside the change's transaction.
    void record(std::string_view entity, Id entity_id, Id agreement, std::string_view field,
                const std::optional<std::string>& old_value, const std::optional<std::string>& new_value);
    /// The history of one entity, oldest first.
    std::vector<AuditEntry> history(std::string_view entity, Id entity_id);
    /// The history of an agreement and everything in it (parties, contacts, actions), oldest first.
    std::vector<AuditEntry> agreement_history(Id agreement);
    std::vector<AuditEntry> recent(int limit);

private:
    Database& db_;
};

}  // namespace moudesk::store
