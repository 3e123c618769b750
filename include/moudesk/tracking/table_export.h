#pragma once
/// @brief Register tables (agreements, actions, deadlines) as CSV and XLSX for spreadsheets.

#include <filesystem>
#include <string>
#include <vector>

namespace moudesk::tracking {

/// One column of a table: its heading and what its cells hold.
struct Column {
    enum class Kind {
        text,    ///< any UTF-8 text
        date,    ///< "YYYY-MM-DD" or empty
        number,  ///< decimal text ("12", "-3.5") or empty
    };
    std::string title;
    Kind kind = Kind::text;
};

/// A table as the register hands it over: every row has one cell per column.
struct Table {
    std::string name;  ///< the sheet name in XLSX
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
};

/// The table as CSV (RFC 4180): UTF-8 with a byte order mark (so spreadsheets read accents right),
/// CRLF line ends, a header row of the column titles, fields with a comma, quote, CR or LF quoted.
/// Formula injection is defused: a text cell or title starting with = + - @, tab or CR gets a
/// leading apostrophe ('=SUM(A1) is shown as text, not run); date and number cells are written as
/// they are. Throws Error(internal) naming the table and row when a row has the wrong number of
/// cells or a date or number cell is malformed.
std::string to_csv(const Table& table);

/// to_csv() written atomically. Throws Error(environment) naming the path when it cannot be
/// written; an existing file is then untouched.
void write_csv(const std::filesystem::path& path, const Table& table);

/// One sheet per table: a bold, frozen header row with an autofilter; text cells as strings (never
/// formulas), date cells as dates shown yyyy-mm-dd, number cells as numbers, empty cells blank.
/// Sheet names are made valid for Excel: [ ] : * ? / \ become _, at most 31 characters, unique
/// ("Actions", "Actions (2)"), never empty. The workbook is written to a temporary file beside
/// `path` and renamed over it only once complete. Throws Error(internal) for malformed tables (as
/// to_csv), Error(bad_input) naming the cell for text longer than a cell holds (32,767
/// characters), Error(environment) naming the path when it cannot be written; an existing file is
/// then untouched.
void write_xlsx(const std::filesystem::path& path, const std::vector<Table>& sheets);

}  // namespace moudesk::tracking
