#include "moudesk/store/coverage.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace moudesk::store {

using tracking::Date;

namespace {

constexpr const char* open_statuses = "('not-started', 'in-progress', 'blocked')";

// The bit of each element in agreement.element_mask, or -1 when it has none (never recorded, or
// past the 63 bits of the mask: then the element rows are read instead).
std::vector<int> bits_of(Database& db, const std::vector<std::string>& elements) {
    std::vector<int> bits;
    SQLite::Statement st(db.sql(), "SELECT bit FROM element_bit WHERE slug = ?");
    for (const auto& e : elements) {
        st.bind(1, e);
        bits.push_back(st.executeStep() && st.getColumn(0).getInt() < 63 ? st.getColumn(0).getInt() : -1);
        st.reset();
    }
    return bits;
}

std::unordered_set<Id> agreements_with(Database& db, const std::string& sql, const std::string& element,
                                       const std::string& today) {
    std::unordered_set<Id> ids;
    SQLite::Statement st(db.sql(), sql);
    st.bind(1, element);
    if (st.getBindParameterCount() >= 2) st.bind(2, today);
    while (st.executeStep()) ids.insert(st.getColumn(0).getInt64());
    return ids;
}

}  // namespace

CoverageMatrix coverage_matrix(Database& db, const std::vector<std::string>& elements, Date today, bool in_force_only) {
    CoverageMatrix m;
    m.elements = elements;
    std::vector<int> bits = bits_of(db, elements);
    std::unordered_map<Id, std::size_t> row_of;
    SQLite::Statement st(db.sql(), std::string("SELECT id, reference, status, element_mask FROM agreement") +
                                       (in_force_only ? " WHERE status = 'in-force'" : ""));
    while (st.executeStep()) {
        CoverageMatrix::Row row;
        row.agreement = st.getColumn(0).getInt64();
        row.reference = st.getColumn(1).getString();
        row.status = st.getColumn(2).getString();
        auto mask = static_cast<std::uint64_t>(st.getColumn(3).getInt64());
        row.cells.resize(elements.size(), CoverageMatrix::not_covered);
        for (std::size_t i = 0; i < elements.size(); ++i)
            if (bits[i] >= 0 && (mask >> bits[i]) & 1U) row.cells[i] = CoverageMatrix::covered;
        row_of.emplace(row.agreement, m.rows.size());
        m.rows.push_back(std::move(row));
    }
    // Sorted here rather than by SQL: walking the reference index means a random table read per
    // row, the table scan reads pages in order.
    std::sort(m.rows.begin(), m.rows.end(), [](const auto& x, const auto& y) { return x.reference < y.reference; });
    row_of.clear();
    for (std::size_t i = 0; i < m.rows.size(); ++i) row_of.emplace(m.rows[i].agreement, i);
    std::unordered_map<std::string, std::size_t> column_of;
    for (std::size_t i = 0; i < elements.size(); ++i) column_of.emplace(elements[i], i);
    // Elements without a bit: read their rows.
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (bits[i] >= 0) continue;
        SQLite::Statement rows(db.sql(), "SELECT agreement_id FROM agreement_element WHERE element = ?");
        rows.bind(1, elements[i]);
        while (rows.executeStep())
            if (auto it = row_of.find(rows.getColumn(0).getInt64()); it != row_of.end())
                m.rows[it->second].cells[i] = CoverageMatrix::covered;
    }
    // Overdue actions are few and sit in the partial index of open actions.
    SQLite::Statement overdue(db.sql(), std::string("SELECT agreement_id, element FROM action WHERE status IN ") +
                                            open_statuses + " AND due_date < ?");
    overdue.bind(1, today.iso());
    while (overdue.executeStep()) {
        auto row = row_of.find(overdue.getColumn(0).getInt64());
        auto column = column_of.find(overdue.getColumn(1).getString());
        if (row == row_of.end() || column == column_of.end()) continue;
        auto& cell = m.rows[row->second].cells[column->second];
        if (cell == CoverageMatrix::covered) cell = CoverageMatrix::covered_overdue;
    }
    return m;
}

diagnostic::RegisterCoverage register_coverage(Database& db, const std::vector<std::string>& elements, Date today,
                                               int shown) {
    diagnostic::RegisterCoverage coverage;
    CoverageMatrix m = coverage_matrix(db, elements, today, true);
    std::string day = today.iso();
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const std::string& element = elements[i];
        auto done = agreements_with(
            db, "SELECT DISTINCT agreement_id FROM action WHERE element = ? AND status = 'done'", element, day);
        auto overdue = agreements_with(db,
                                       std::string("SELECT DISTINCT agreement_id FROM action WHERE element = ? AND "
                                                   "status IN ") +
                                           open_statuses + " AND due_date < ?",
                                       element, day);
        diagnostic::ElementInRegister& in = coverage[element];
        std::vector<diagnostic::AgreementCoverage> all;
        for (const auto& row : m.rows) {
            if (row.cells[i] == CoverageMatrix::not_covered) continue;
            ++in.agreements;
            bool is_done = done.count(row.agreement) > 0, is_overdue = overdue.count(row.agreement) > 0;
            if (is_done && !is_overdue) ++in.implemented;
            if (static_cast<int>(all.size()) < shown * 4)
                all.push_back({row.agreement, row.reference, row.status, is_done ? 1 : 0, is_overdue ? 1 : 0, 0});
        }
        std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
            return diagnostic::implemented(a) > diagnostic::implemented(b);
        });
        if (static_cast<int>(all.size()) > shown) all.resize(static_cast<std::size_t>(shown));
        // Exact action counts for the agreements shown.
        SQLite::Statement counts(db.sql(), std::string("SELECT sum(status = 'done'), sum(status IN ") + open_statuses +
                                               " AND due_date < ?3), sum(status IN " + open_statuses +
                                               " AND (due_date IS NULL OR due_date >= ?3)) FROM action "
                                               "WHERE agreement_id = ?1 AND element = ?2");
        for (auto& a : all) {
            counts.bind(1, static_cast<int64_t>(a.agreement));
            counts.bind(2, element);
            counts.bind(3, day);
            if (counts.executeStep()) {
                a.actions_done = counts.getColumn(0).getInt();
                a.actions_overdue = counts.getColumn(1).getInt();
                a.actions_open = counts.getColumn(2).getInt();
            }
            counts.reset();
        }
        in.shown = std::move(all);
    }
    return coverage;
}

}  // namespace moudesk::store
