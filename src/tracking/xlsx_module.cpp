// The moudesk-xlsx module: register tables as an XLSX workbook with libxlsxwriter
// (xlsx_module.h says why it is a module).

#include "xlsx_module.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <random>
#include <set>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/tracking/date.h"
#include "table_cells.h"

namespace moudesk::tracking {

namespace {

namespace fs = std::filesystem;
using detail::in_quotes;
using detail::parse_number;
using detail::where;

struct WorkbookDeleter {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

// Excel's rules for sheet names: no [ ] : * ? / \, no apostrophe first or last, at most 31
// characters (counted in UTF-16 units, so an emoji counts twice), unique ignoring case, and not
// the reserved "History".
std::string valid_sheet_name(std::string_view wanted, std::size_t index, std::set<std::string>& used) {
    std::string base;
    for (char ch : clean_text(wanted)) {
        if (ch == '\n' || ch == '\t') ch = ' ';
        base += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos ? ch : '_';
    }
    while (!base.empty() && (base.front() == '\'' || base.front() == ' ')) base.erase(0, 1);
    while (!base.empty() && (base.back() == '\'' || base.back() == ' ')) base.pop_back();
    if (base.empty()) base = "Sheet" + std::to_string(index + 1);
    if (fold_case(base) == "history") base += "_";

    // Cuts `s` to at most `units` UTF-16 units, at a character boundary.
    auto cut = [](const std::string& s, std::size_t units) {
        std::size_t count = 0, i = 0;
        while (i < s.size()) {
            unsigned char b = static_cast<unsigned char>(s[i]);
            std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
            std::size_t u = len == 4 ? 2 : 1;
            if (count + u > units) break;
            count += u;
            i += len;
        }
        std::string out = s.substr(0, i);
        while (!out.empty() && (out.back() == '\'' || out.back() == ' ')) out.pop_back();
        return out;
    };
    std::string name = cut(base, LXW_SHEETNAME_MAX);
    for (int n = 2; used.count(fold_case(name)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        name = cut(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
    }
    used.insert(fold_case(name));
    return name;
}

// Display width of the widest line, in characters.
double text_width(std::string_view s) {
    std::size_t widest = 0, start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        widest = std::max(widest, count_code_points(s.substr(start, end - start)));
        start = end + 1;
    }
    return static_cast<double>(widest);
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    lxw_format* wrap = nullptr;
};

// Writing a cell fails only for what a sheet cannot hold (a text longer than 32,767 characters,
// more than 1,048,576 rows) or when memory runs out.
void check_cell(lxw_error err, const Table& table, std::size_t row, std::size_t column) {
    if (err == LXW_NO_ERROR) return;
    ErrorCategory category =
        err == LXW_ERROR_MEMORY_MALLOC_FAILED ? ErrorCategory::environment : ErrorCategory::bad_input;
    std::string at = row == 0 ? "table " + in_quotes(table.name) + ", heading of column " + std::to_string(column + 1)
                              : where(table, row - 1, column);
    throw Error(category, "cannot write " + at + " to the spreadsheet: " + lxw_strerror(err));
}

void add_sheet(lxw_workbook* wb, const Table& table, const std::string& name, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws)
        throw Error(ErrorCategory::internal,
                    "cannot add the sheet " + in_quotes(name) + " for table " + in_quotes(table.name));
    const std::size_t ncols = table.columns.size();
    if (ncols > LXW_COL_MAX || table.rows.size() + 1 > LXW_ROW_MAX)
        throw Error(ErrorCategory::bad_input,
                    "table " + in_quotes(table.name) + " has " + std::to_string(table.rows.size()) + " rows and " +
                        std::to_string(ncols) + " columns, more than a spreadsheet holds (1,048,575 by 16,384)");

    std::vector<double> widths(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
        const std::string title = clean_text(table.columns[c].title);
        check_cell(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), title.c_str(), f.header), table, 0, c);
        widths[c] = text_width(title) + 3;  // room for the autofilter button
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < ncols; ++c) {
            const std::string& cell = table.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.empty()) continue;  // blank, not an empty string, so filters and sums see "no value"
            switch (table.columns[c].kind) {
                case Column::Kind::text: {
                    // Written as a string: "=1+1" stays text, it is never a formula.
                    std::string text = clean_text(cell);
                    bool multiline = text.find('\n') != std::string::npos;
                    check_cell(worksheet_write_string(ws, row, col, text.c_str(), multiline ? f.wrap : nullptr), table,
                               r + 1, c);
                    widths[c] = std::max(widths[c], text_width(text) + 1);
                    break;
                }
                case Column::Kind::date: {
                    Date d = *Date::parse(cell);
                    if (d.year() < 1900) {
                        // Spreadsheets count dates from 1900: an earlier one stays readable as text.
                        check_cell(worksheet_write_string(ws, row, col, cell.c_str(), nullptr), table, r + 1, c);
                    } else {
                        lxw_datetime dt = {d.year(), d.month(), d.day(), 0, 0, 0.0};
                        check_cell(worksheet_write_datetime(ws, row, col, &dt, f.date), table, r + 1, c);
                    }
                    widths[c] = std::max(widths[c], 12.0);
                    break;
                }
                case Column::Kind::number:
                    check_cell(worksheet_write_number(ws, row, col, *parse_number(cell), nullptr), table, r + 1, c);
                    widths[c] = std::max(widths[c], static_cast<double>(cell.size()) + 2);
                    break;
            }
        }
    }
    for (std::size_t c = 0; c < ncols; ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        worksheet_set_column(ws, col, col, std::clamp(widths[c], 8.0, 60.0), nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (ncols > 0)
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()), static_cast<lxw_col_t>(ncols - 1));
}

[[noreturn]] void cannot_write(const fs::path& path, const std::string& why) {
    throw Error(ErrorCategory::environment, "cannot write " + path.string() + ": " + why);
}

// The tables are checked by write_xlsx() before they reach the module.
void write_checked(const fs::path& path, const std::vector<Table>& sheets) {
    // libxlsxwriter writes to a file name: reserve a unique temporary name beside the target (this
    // also finds a missing or read-only folder before any work), let it write there, and rename
    // only a complete workbook over the target.
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::random_device rd;
    fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(rd()));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        cannot_write(path, std::string("cannot create a temporary file in its folder: ") + std::strerror(errno));
    ::close(fd);
    struct RemoveTemp {
        const fs::path& tmp;
        bool armed = true;
        ~RemoveTemp() {
            if (armed) ::unlink(tmp.c_str());
        }
    } remove_temp{tmp};

    WorkbookPtr wb(workbook_new(tmp.c_str()));
    if (!wb) cannot_write(path, "out of memory creating the workbook");
    Formats f;
    f.header = workbook_add_format(wb.get());
    format_set_bold(f.header);
    f.date = workbook_add_format(wb.get());
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.wrap = workbook_add_format(wb.get());
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);

    std::set<std::string> used;
    for (std::size_t i = 0; i < sheets.size(); ++i)
        add_sheet(wb.get(), sheets[i], valid_sheet_name(sheets[i].name, i, used), f);
    if (sheets.empty()) {
        // A workbook needs at least one sheet; Excel refuses a file without one.
        if (!workbook_add_worksheet(wb.get(), nullptr)) cannot_write(path, "out of memory adding a sheet");
    }

    errno = 0;
    lxw_error err = workbook_close(wb.release());  // frees the workbook whatever happens
    if (err != LXW_NO_ERROR) {
        std::string why = lxw_strerror(err);
        if (errno != 0) why += std::string(" (") + std::strerror(errno) + ")";
        cannot_write(path, why);
    }
    // libxlsxwriter closed the file but did not flush it to disk.
    fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) cannot_write(path, std::string("cannot reopen the temporary file: ") + std::strerror(errno));
    if (::fsync(fd) != 0) {
        int e = errno;
        ::close(fd);
        cannot_write(path, std::string("flush to disk failed: ") + std::strerror(e));
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        cannot_write(path, std::string("rename failed: ") + std::strerror(errno));
    remove_temp.armed = false;
}

}  // namespace

}  // namespace moudesk::tracking

extern "C" __attribute__((visibility("default"))) const moudesk::tracking::XlsxModule* moudesk_xlsx_module() {
    using namespace moudesk::tracking;
    static const XlsxModule table{XlsxModule::current_version, &write_checked};
    return &table;
}
