#include "moudesk/store/search.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

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
    // FTS5 walks the newest matches first without ranking every one; only the rows visited get
    // their bm25 score, and the best of them are kept. (Ranking every match of a word found in
    // all 100,000 agreements takes seconds; "rowid IN (newest matches)" made SQLite worse still.)
    SQLite::Statement st(db.sql(),
                         "SELECT s.rowid, s.agreement, a.reference, s.title, "
                         "snippet(search_index, -1, '[', ']', '…', 12), bm25(search_index) "
                         "FROM search_index s JOIN agreement a ON a.id = s.agreement "
                         "WHERE search_index MATCH ?1 ORDER BY s.rowid DESC LIMIT ?2");
    st.bind(1, query);
    st.bind(2, limit * 4);
    static const char* kinds[] = {"agreement", "party", "document", "action"};
    std::vector<std::pair<double, SearchHit>> scored;
    while (st.executeStep()) {
        SearchHit h;
        std::int64_t rowid = st.getColumn(0).getInt64();
        h.kind = kinds[rowid % 4];
        h.ref = rowid / 4;
        h.agreement = st.getColumn(1).getInt64();
        h.reference = st.getColumn(2).getString();
        h.title = st.getColumn(3).getString();
        h.snippet = st.getColumn(4).getString();
        scored.emplace_back(st.getColumn(5).getDouble(), std::move(h));
    }
    // bm25: lower is better.
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<SearchHit> hits;
    for (auto& [score, hit] : scored) {
        if (static_cast<int>(hits.size()) == limit) break;
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace moudesk::store
