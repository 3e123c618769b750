#include "moudesk/store/coverage.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <optional>
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
    // In force only: the index agreement_status_reference_mask holds every column read here, in
    // reference order. Every agreement: a scan of the table, sorted below (walking the reference
    // index would mean a random table read per row).
    SQLite::Statement st(db.sql(), in_force_only ? "SELECT id, reference, status, element_mask FROM agreement "
                                                   "WHERE status = 'in-force' ORDER BY reference"
                                                 : "SELECT id, reference, status, element_mask FROM agreement");
    while (st.executeStep()) {
        CoverageMatrix::Row& row = m.rows.emplace_back();
        row.agreement = st.getColumn(0).getInt64();
        row.reference.assign(static_cast<const char*>(st.getColumn(1).getText()),
                             static_cast<std::size_t>(st.getColumn(1).getBytes()));
        row.status.assign(static_cast<const char*>(st.getColumn(2).getText()),
                          static_cast<std::size_t>(st.getColumn(2).getBytes()));
        auto mask = static_cast<std::uint64_t>(st.getColumn(3).getInt64());
        row.cells.resize(elements.size(), CoverageMatrix::not_covered);
        for (std::size_t i = 0; i < elements.size(); ++i)
            if (bits[i] >= 0 && (mask >> bits[i]) & 1U) row.cells[i] = CoverageMatrix::covered;
    }
    if (!in_force_only)
        std::sort(m.rows.begin(), m.rows.end(), [](const auto& x, const auto& y) { return x.reference < y.reference; });
    // The row of each agreement, by id. Ids are dense in practice, so an array indexed by id (a
    // few hundred kilobytes for 100,000 agreements) answers without hashing or searching; sparse
    // ids fall back to binary search in a sorted array.
    constexpr std::uint32_t no_row = UINT32_MAX;
    Id min_id = 0, max_id = 0;
    for (const auto& row : m.rows) {
        min_id = std::min(min_id, row.agreement);
        max_id = std::max(max_id, row.agreement);
    }
    std::vector<std::uint32_t> row_by_id;
    std::vector<std::pair<Id, std::size_t>> row_of;
    if (min_id >= 0 && static_cast<std::uint64_t>(max_id) <= 8 * static_cast<std::uint64_t>(m.rows.size()) + 4096) {
        row_by_id.assign(static_cast<std::size_t>(max_id) + 1, no_row);
        for (std::size_t i = 0; i < m.rows.size(); ++i)
            row_by_id[static_cast<std::size_t>(m.rows[i].agreement)] = static_cast<std::uint32_t>(i);
    } else {
        row_of.reserve(m.rows.size());
        for (std::size_t i = 0; i < m.rows.size(); ++i) row_of.emplace_back(m.rows[i].agreement, i);
        std::sort(row_of.begin(), row_of.end());
    }
    auto find_row = [&](Id id) -> std::optional<std::size_t> {
        if (!row_by_id.empty()) {
            if (id < 0 || static_cast<std::uint64_t>(id) >= row_by_id.size()) return std::nullopt;
            std::uint32_t row = row_by_id[static_cast<std::size_t>(id)];
            if (row == no_row) return std::nullopt;
            return row;
        }
        auto it = std::lower_bound(row_of.begin(), row_of.end(), std::pair<Id, std::size_t>(id, 0));
        if (it == row_of.end() || it->first != id) return std::nullopt;
        return it->second;
    };
    // Elements without a bit: read their rows.
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (bits[i] >= 0) continue;
        SQLite::Statement rows(db.sql(), "SELECT agreement_id FROM agreement_element WHERE element = ?");
        rows.bind(1, elements[i]);
        while (rows.executeStep())
            if (auto row = find_row(rows.getColumn(0).getInt64())) m.rows[*row].cells[i] = CoverageMatrix::covered;
    }
    // Overdue actions: read from the partial index action_open_due_element alone. They come by due
    // date, so their agreements are in no order: the cells are marked afterwards in row order, which
    // walks the rows once instead of jumping between them.
    std::vector<std::pair<std::size_t, std::size_t>> overdue_cells;
    SQLite::Statement overdue(db.sql(), std::string("SELECT agreement_id, element FROM action WHERE status IN ") +
                                            open_statuses + " AND due_date < ?");
    overdue.bind(1, today.iso());
    while (overdue.executeStep()) {
        auto row = find_row(overdue.getColumn(0).getInt64());
        if (!row) continue;
        const char* element = overdue.getColumn(1).getText();
        auto column = std::find(m.elements.begin(), m.elements.end(), element);
        if (column == m.elements.end()) continue;
        overdue_cells.emplace_back(*row, static_cast<std::size_t>(column - m.elements.begin()));
    }
    std::sort(overdue_cells.begin(), overdue_cells.end());
    for (auto [row, column] : overdue_cells) {
        auto& cell = m.rows[row].cells[column];
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
