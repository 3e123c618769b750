#include "moudesk/tracking/table_export.h"

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/module.h"
#include "moudesk/tracking/date.h"
#include "table_cells.h"
#include "xlsx_module.h"

namespace moudesk::tracking {

namespace fs = std::filesystem;

namespace {

using detail::in_quotes;
using detail::parse_number;
using detail::where;

// The register hands over tables it built itself: a wrong shape or a malformed date or number is
// a bug there, reported before anything is written. Rows are counted from 1, the header not
// included.
void check(const Table& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.size() != table.columns.size())
            throw Error(ErrorCategory::internal, "table " + in_quotes(table.name) + ": row " + std::to_string(r + 1) +
                                                     " has " + std::to_string(row.size()) + " cells, " +
                                                     std::to_string(table.columns.size()) + " columns expected");
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string& cell = row[c];
            if (cell.empty()) continue;
            switch (table.columns[c].kind) {
                case Column::Kind::text: break;
                case Column::Kind::date:
                    if (cell.size() != 10 || !Date::parse(cell))
                        throw Error(ErrorCategory::internal,
                                    where(table, r, c) + ": " + in_quotes(cell) + " is not a date YYYY-MM-DD");
                    break;
                case Column::Kind::number:
                    if (!parse_number(cell))
                        throw Error(ErrorCategory::internal,
                                    where(table, r, c) + ": " + in_quotes(cell) + " is not a decimal number");
                    break;
            }
        }
    }
}

// --- CSV ---------------------------------------------------------------------------------------

// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
bool looks_like_formula(std::string_view s) {
    return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

void append_field(std::string& out, std::string_view value, bool is_text) {
    std::string field = is_text && looks_like_formula(value) ? "'" + std::string(value) : std::string(value);
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char ch : field) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
}

}  // namespace

std::string to_csv(const Table& table) {
    check(table);
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c > 0) out += ',';
        append_field(out, table.columns[c].title, true);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) out += ',';
            append_field(out, row[c], table.columns[c].kind == Column::Kind::text);
        }
        out += "\r\n";
    }
    return out;
}

void write_csv(const fs::path& path, const Table& table) {
    write_file_atomically(path, to_csv(table));
}

void write_xlsx(const fs::path& path, const std::vector<Table>& sheets) {
    for (const Table& t : sheets) check(t);
    // A failed load throws out of the initialiser, so the next export tries again.
    static const XlsxModule& xlsx = module_table<XlsxModule>("moudesk-xlsx", "moudesk_xlsx_module");
    xlsx.write_xlsx(path, sheets);
}

}  // namespace moudesk::tracking
