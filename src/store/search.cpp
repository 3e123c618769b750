#include "moudesk/store/search.h"

#include <SQLiteCpp/Statement.h>

#include "internal.h"

namespace moudesk::store {

namespace detail {

std::string fts_query(const std::string& words) {
    std::vector<std::string> tokens;
    std::string current;
    for (char c : words) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    std::string query;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string quoted = "\"";
        for (char c : tokens[i]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += '"';
        if (!query.empty()) query += ' ';
        query += quoted;
        if (i + 1 == tokens.size()) query += '*';
    }
    return query;
}

}  // namespace detail

std::vector<SearchHit> search(Database& db, const std::string& words, int limit) {
    std::string query = detail::fts_query(words);
    // The snippet comes from the column that matched best (title or body), so it always shows the
    // words found in [brackets].
    if (query.empty()) return {};
    SQLite::Statement st(db.sql(),
                         "SELECT s.rowid, s.agreement, a.reference, s.title, "
                         "snippet(search_index, -1, '[', ']', '…', 12) "
                         "FROM search_index s JOIN agreement a ON a.id = s.agreement "
                         "WHERE search_index MATCH ?1 AND s.rowid IN (SELECT rowid FROM search_index "
                         "  WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 2000) "
                         "ORDER BY rank LIMIT ?2");
    st.bind(1, query);
    st.bind(2, limit);
    static const char* kinds[] = {"agreement", "party", "document", "action"};
    std::vector<SearchHit> hits;
    while (st.executeStep()) {
        SearchHit h;
        std::int64_t rowid = st.getColumn(0).getInt64();
        h.kind = kinds[rowid % 4];
        h.ref = rowid / 4;
        h.agreement = st.getColumn(1).getInt64();
        h.reference = st.getColumn(2).getString();
        h.title = st.getColumn(3).getString();
        h.snippet = st.getColumn(4).getString();
        hits.push_back(std::move(h));
    }
    return hits;
}

}  // namespace moudesk::store
