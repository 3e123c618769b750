#pragma once
/// @brief Pieces the store's repositories share; they run inside the caller's transaction.
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store::detail {

inline void bind_text(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

inline std::optional<std::string> text_or_null(SQLite::Statement& st, int column) {
    if (st.getColumn(column).isNull()) return std::nullopt;
    return st.getColumn(column).getString();
}

inline std::optional<std::string> non_empty(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

template <class T>
std::optional<std::string> iso_of(const std::optional<T>& value) {
    if (!value) return std::nullopt;
    return value->iso();
}

/// Parses an ISO date read from the database; a damaged value reads as no date.
std::optional<tracking::Date> date_of(const std::optional<std::string>& text);
std::optional<tracking::Duration> duration_of(const std::optional<std::string>& text);

/// Registers the search ranking, moudesk_rank(search_index), on the connection (search.cpp): once
/// per connection, when the Database opens it. Throws SQLite::Exception.
void register_search_functions(SQLite::Database& sql);

/// An FTS5 query matching every word the user typed (the last one as a prefix); the words are
/// quoted, so FTS5 syntax in them ("NEAR", "*", quotes) is taken literally.
std::string fts_query(const std::string& words);

/// Inserts an action (audited); fills in its id.
Id insert_action(Database& db, ActionRecord& action);

/// Throws Error(bad_input) when there is no agreement `id`.
void require_agreement(Database& db, Id id);

}  // namespace moudesk::store::detail
