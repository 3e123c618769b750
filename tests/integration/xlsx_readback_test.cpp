// The register's XLSX export read back by LibreOffice Calc: a two-sheet workbook with hostile
// text, accents, dates and numbers is converted to CSV (every sheet, text cells quoted), and each
// cell must come back: text byte for byte and as text, dates as dates shown yyyy-mm-dd, numbers as
// numbers, empty cells empty.
#include <gtest/gtest.h>

#include <filesystem>

#include "moudesk/core/file.h"
#include "moudesk/tracking/table_export.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::tracking;
using Kind = Column::Kind;

namespace {

const std::string arabic = "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83";
const std::string emoji = "\xF0\x9F\x9B\x83";

struct Cell {
    std::string text;
    bool quoted = false;  // LibreOffice quotes text cells only, so quoted means "a text cell"
};

// RFC 4180 fields, remembering which were quoted.
std::vector<std::vector<Cell>> parse_csv(const std::string& csv) {
    std::vector<std::vector<Cell>> rows;
    std::vector<Cell> row;
    Cell cell;
    std::size_t i = 0;
    auto end_cell = [&] {
        row.push_back(cell);
        cell = Cell{};
    };
    while (i < csv.size()) {
        char c = csv[i];
        if (c == '"' && cell.text.empty() && !cell.quoted) {
            cell.quoted = true;
            for (++i; i < csv.size(); ++i) {
                if (csv[i] == '"') {
                    if (i + 1 < csv.size() && csv[i + 1] == '"') {
                        cell.text += '"';
                        ++i;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    cell.text += csv[i];
                }
            }
        } else if (c == ',') {
            end_cell();
            ++i;
        } else if (c == '\r' || c == '\n') {
            end_cell();
            rows.push_back(std::move(row));
            row.clear();
            i += (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ? 2 : 1;
        } else {
            cell.text += c;
            ++i;
        }
    }
    if (!cell.text.empty() || cell.quoted || !row.empty()) {
        end_cell();
        rows.push_back(std::move(row));
    }
    return rows;
}

Table agreements() {
    Table t;
    t.name = "Agreements";
    t.columns = {{"Title", Kind::text}, {"Signed", Kind::date}, {"Parties", Kind::number}, {"Notes", Kind::text}};
    t.rows = {
        {"MOU Douanes \"Sud\" & Police <script>alert('x')</script>", "2026-01-15", "2", "a;b,c\\d"},
        {"Accord frontière " + arabic + " " + emoji, "2027-02-28", "-3.25", "first line\nsecond line"},
        {"=HYPERLINK(\"http://evil\")", "", "1500.5", "+33 1 23 45 67 89"},
        {"@SUM(A1:A3)", "1999-12-31", "", "-minus, 'apostrophe' and \ttab"},
        {"'starts with an apostrophe", "2030-06-30", "0", ""},
    };
    return t;
}

Table deadlines() {
    Table t;
    t.name = "Échéances: 2026/27";  // ':' and '/' are not allowed in a sheet name
    t.columns = {{"Action", Kind::text}, {"Due", Kind::date}, {"Days left", Kind::number}};
    t.rows = {{"Échanger les agents de liaison — Ελληνικά", "2026-12-31", "31"},
              {"Réviser l'article 4; \"urgent\"", "2028-02-29", "-12"}};
    return t;
}

void expect_sheet(const std::vector<std::vector<Cell>>& read, const Table& table) {
    ASSERT_EQ(read.size(), table.rows.size() + 1) << table.name;
    ASSERT_EQ(read[0].size(), table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        EXPECT_EQ(read[0][c].text, table.columns[c].title);
        EXPECT_TRUE(read[0][c].quoted) << "heading " << c << " is not text";
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        ASSERT_EQ(read[r + 1].size(), table.columns.size()) << table.name << " row " << r + 1;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            SCOPED_TRACE(table.name + " row " + std::to_string(r + 1) + " column " + table.columns[c].title);
            const std::string& want = table.rows[r][c];
            const Cell& got = read[r + 1][c];
            EXPECT_EQ(got.text, want);
            if (table.columns[c].kind == Kind::text) {
                // An empty text cell is blank, not an empty string.
                EXPECT_EQ(got.quoted, !want.empty()) << "text cell not read as text";
            } else {
                // Unquoted: a number; a date shows as yyyy-mm-dd only if it is a date-formatted number.
                EXPECT_FALSE(got.quoted) << "date or number cell read as text";
            }
        }
    }
}

}  // namespace

TEST(XlsxReadback, LibreOfficeReadsEverySheetBack) {
    ASSERT_TRUE(test::on_path("soffice")) << "soffice is needed: run scripts/install-deps.sh";
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "xlsx-readback";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path xlsx = dir / "register.xlsx";
    const std::vector<Table> tables = {agreements(), deadlines()};
    write_xlsx(xlsx, tables);

    // Filter options: comma, double quote, UTF-8, from line 1, default cell format, language 0,
    // quote all text cells, detect special numbers, raw values not "as shown", values not
    // formulas, keep spaces, every sheet (-1: one file per sheet, "<name>-<sheet>.csv").
    fs::path out = dir / "csv";
    auto converted =
        test::run({"soffice", "-env:UserInstallation=file://" + (dir / "lo-profile").string(), "--headless",
                   "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1",
                   "--outdir", out.string(), xlsx.string()},
                  240);
    ASSERT_EQ(converted.code, 0) << converted.out << converted.err;
    ASSERT_TRUE(fs::exists(out)) << "LibreOffice could not load the workbook (is LibreOffice Calc installed?): "
                                 << converted.out << converted.err;

    const std::vector<std::string> sheet_names = {"Agreements", "Échéances_ 2026_27"};
    for (std::size_t i = 0; i < tables.size(); ++i) {
        fs::path csv = out / ("register-" + sheet_names[i] + ".csv");
        ASSERT_TRUE(fs::exists(csv)) << csv << " missing: " << converted.out;
        expect_sheet(parse_csv(read_file(csv)), tables[i]);
    }
}
