#include "moudesk/store/search.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <vector>

#include "internal.h"

namespace moudesk::store {

namespace {

// The ranking function's name in SQL: moudesk_rank(search_index), registered on every connection.
constexpr const char* rank_function = "moudesk_rank";

// The columns of search_index (src/store/schema.cpp): agreement (not indexed), title, body. A word
// in the title (an agreement or action title, a party name, a version label) weighs three times a
// word in the body (the reference, a party's short name and country, a text, notes).
constexpr double column_weight[] = {0.0, 3.0, 1.0};
constexpr int weighted_columns = sizeof(column_weight) / sizeof(column_weight[0]);
// BM25's saturation of the term frequency (k1) and length normalisation (b), its usual values.
constexpr double k1 = 1.2;
constexpr double b = 0.75;

// The average length in tokens of each column over the whole index, read once per query: FTS5
// stores the totals, so this costs one record, not a scan.
struct AverageLengths {
    double of[weighted_columns] = {1.0, 1.0, 1.0};
};

// moudesk_rank(search_index): a BM25-style score without the per-word IDF, higher is better. For
// each word and column, the occurrences in the row saturate (k1) and are normalised by the
// column's length against its average (b), then weighted by column. Every hit of the query
// contains every word, so the IDF would only weigh the words against each other; computing it
// costs a walk over each word's whole list of rows (xQueryPhrase), which is what made bm25() slow
// on a large register. This score reads only the row being ranked.
void rank_row(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
    int rc = SQLITE_OK;
    auto* averages = static_cast<AverageLengths*>(api->xGetAuxdata(fts, 0));
    if (!averages) {
        auto* fresh = new AverageLengths;
        sqlite3_int64 rows = 0;
        rc = api->xRowCount(fts, &rows);
        for (int c = 0; rc == SQLITE_OK && c < weighted_columns && c < api->xColumnCount(fts); ++c) {
            sqlite3_int64 tokens = 0;
            rc = api->xColumnTotalSize(fts, c, &tokens);
            if (rc == SQLITE_OK && rows > 0 && tokens > 0) fresh->of[c] = static_cast<double>(tokens) / rows;
        }
        if (rc != SQLITE_OK) {
            delete fresh;
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        rc = api->xSetAuxdata(fts, fresh, [](void* p) { delete static_cast<AverageLengths*>(p); });
        if (rc != SQLITE_OK) {  // xSetAuxdata has deleted it
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        averages = fresh;
    }

    const int phrases = api->xPhraseCount(fts);
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    // Occurrences of each word (phrase) in each column.
    std::vector<int> counts(static_cast<std::size_t>(phrases) * weighted_columns, 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        if (phrase >= 0 && phrase < phrases && column >= 0 && column < weighted_columns)
            ++counts[static_cast<std::size_t>(phrase) * weighted_columns + static_cast<std::size_t>(column)];
    }
    double score = 0;
    for (int c = 0; c < weighted_columns; ++c) {
        if (column_weight[c] == 0) continue;
        int length = -1;  // read only for a column that has a hit
        for (int p = 0; p < phrases; ++p) {
            int tf = counts[static_cast<std::size_t>(p) * weighted_columns + static_cast<std::size_t>(c)];
            if (tf == 0) continue;
            if (length < 0) {
                rc = api->xColumnSize(fts, c, &length);
                if (rc != SQLITE_OK) {
                    sqlite3_result_error_code(ctx, rc);
                    return;
                }
            }
            double norm = 1 - b + b * length / averages->of[c];
            score += column_weight[c] * tf * (k1 + 1) / (tf + k1 * norm);
        }
    }
    sqlite3_result_double(ctx, score);
}

}  // namespace

namespace detail {

void register_search_functions(SQLite::Database& sql) {
    // FTS5 hands out its API through a pointer-passing SQL function (sqlite.org/fts5.html,
    // "Extending FTS5").
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(sql.getHandle(), "SELECT fts5(?1)", -1, &st, nullptr);
    fts5_api* api = nullptr;
    if (rc == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) throw SQLite::Exception(sql.getHandle(), rc);
    if (!api || api->iVersion < 2) throw SQLite::Exception("SQLite was built without FTS5", SQLITE_ERROR);
    rc = api->xCreateFunction(api, rank_function, nullptr, rank_row, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception("cannot register the search ranking", rc);
}

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
    // a score, and the best of them are kept. (Ranking every match of a word found in all 100,000
    // agreements takes seconds; "rowid IN (newest matches)" made SQLite worse still.) The score is
    // moudesk_rank() (above), not bm25(): bm25's IDF walks every match of every word, 158,000 rows
    // for "officers*" on a 100,000-agreement register, to weigh words that every hit contains anyway.
    SQLite::Statement st(db.sql(),
                         "SELECT s.rowid, s.agreement, a.reference, s.title, "
                         "snippet(search_index, -1, '[', ']', '…', 12), moudesk_rank(search_index) "
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
    // Higher is better; equal scores keep FTS5's order, newest first.
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<SearchHit> hits;
    for (auto& [score, hit] : scored) {
        if (static_cast<int>(hits.size()) == limit) break;
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace moudesk::store
