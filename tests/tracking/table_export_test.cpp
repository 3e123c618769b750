// CSV and XLSX exports of register tables: quoting, byte order mark, formula injection defused,
// malformed tables refused; the XLSX is a zip with one worksheet per table, cells of the right
// type, and a failed write leaves an existing file as it was.
#include "moudesk/tracking/table_export.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <regex>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::tracking;
using Kind = Column::Kind;

namespace {

const std::string bom = "\xEF\xBB\xBF";
const std::string arabic = "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83";
const std::string emoji = "\xF0\x9F\x9B\x83";

Table actions() {
    Table t;
    t.name = "Actions";
    t.columns = {{"Action", Kind::text}, {"Due", Kind::date}, {"Budget", Kind::number}};
    t.rows = {{"Exchange liaison officers", "2026-12-31", "1500.5"},
              {"Douanes \"Sud\", <script>; " + arabic + " " + emoji, "", "-3"},
              {"=HYPERLINK(\"http://x\")", "2027-02-28", ""}};
    return t;
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

ErrorCategory category_of(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.category();
    }
    ADD_FAILURE() << "no error";
    return ErrorCategory::bad_input;
}

std::size_t files_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// The names in a zip's central directory, read straight from the file (no zip library needed).
std::vector<std::string> zip_entries(const fs::path& path) {
    std::string z = read_file(path);
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(z[at]) | static_cast<unsigned char>(z[at + 1]) << 8);
    };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    std::size_t end = z.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos || end + 22 > z.size()) {
        ADD_FAILURE() << path << " is not a zip";
        return {};
    }
    std::vector<std::string> names;
    std::size_t at = u32(end + 16);
    for (std::size_t i = 0, n = u16(end + 10); i < n; ++i) {
        if (at + 46 > z.size() || z.compare(at, 4, std::string("PK\x01\x02", 4)) != 0) {
            ADD_FAILURE() << path << ": broken central directory";
            break;
        }
        std::size_t name_len = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32);
        names.push_back(z.substr(at + 46, name_len));
        at += 46 + name_len + extra + comment;
    }
    return names;
}

// One member of the zip, extracted by unzip.
std::string zip_member(const fs::path& path, const std::string& member) {
    std::string command = "unzip -p '" + path.string() + "' '" + member + "'";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
        EXPECT_EQ(::pclose(pipe), 0) << command;
    }
    return out;
}

std::vector<std::string> sheet_names(const std::string& workbook_xml) {
    std::vector<std::string> names;
    std::regex sheet("<sheet name=\"([^\"]*)\"");
    for (std::sregex_iterator it(workbook_xml.begin(), workbook_xml.end(), sheet), end; it != end; ++it)
        names.push_back((*it)[1]);
    return names;
}

// Runs `f` in a child process (optionally as the unprivileged user "nobody", and with a limit on
// file size) and returns: 0 Error(environment) thrown, 1 nothing thrown, 2 another error,
// 3 the setup failed.
int in_child(const std::function<void()>& f, bool as_nobody, rlim_t max_file_size = RLIM_INFINITY) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        if (as_nobody && ::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        if (max_file_size != RLIM_INFINITY) {
            std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, like a full disk
            rlimit limit{max_file_size, max_file_size};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(3);
        }
        int code = 2;
        try {
            f();
            code = 1;
        } catch (const Error& e) {
            code = e.category() == ErrorCategory::environment ? 0 : 2;
        } catch (...) {
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
}

}  // namespace

// --- CSV ---------------------------------------------------------------------------------------

TEST(Csv, ByteOrderMarkHeaderAndCrlf) {
    Table t;
    t.name = "Agreements";
    t.columns = {{"Title", Kind::text}, {"Signed", Kind::date}, {"Parties", Kind::number}};
    t.rows = {{"MOU Valmont", "2026-01-15", "2"}, {"Accord frontière " + arabic + " " + emoji, "", ""}};
    EXPECT_EQ(to_csv(t), bom + "Title,Signed,Parties\r\nMOU Valmont,2026-01-15,2\r\nAccord frontière " + arabic + " " +
                             emoji + ",,\r\n");
}

TEST(Csv, FieldsWithCommaQuoteOrLineBreakAreQuoted) {
    Table t;
    t.name = "T";
    t.columns = {{"a", Kind::text}};
    t.rows = {{"plain"}, {"a,b"}, {"say \"hi\""}, {"two\nlines"}, {"cr\rhere"}, {"semi;colon <tag> 'x'"}, {""}};
    EXPECT_EQ(to_csv(t), bom +
                             "a\r\nplain\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n\"cr\rhere\"\r\n"
                             "semi;colon <tag> 'x'\r\n\r\n");
}

TEST(Csv, FormulaInjectionIsDefusedInTextCellsOnly) {
    Table t;
    t.name = "T";
    t.columns = {{"=title", Kind::text}, {"n", Kind::number}, {"d", Kind::date}};
    t.rows = {{"=1+1", "-3.5", "2026-05-01"},
              {"+33 1 23", "4", ""},
              {"-x", "", ""},
              {"@SUM(A1)", "", ""},
              {"\tcmd", "", ""},
              {"\rcmd", "", ""},
              {"a=b", "", ""},
              {"=cmd|' /C calc'!A0,x", "", ""}};
    EXPECT_EQ(to_csv(t), bom +
                             "'=title,n,d\r\n"
                             "'=1+1,-3.5,2026-05-01\r\n"
                             "'+33 1 23,4,\r\n"
                             "'-x,,\r\n"
                             "'@SUM(A1),,\r\n"
                             "'\tcmd,,\r\n"
                             "\"'\rcmd\",,\r\n"
                             "a=b,,\r\n"
                             "\"'=cmd|' /C calc'!A0,x\",,\r\n");
}

TEST(Csv, WrongRowWidthIsAnInternalErrorNamingTableAndRow) {
    Table t = actions();
    t.rows[1].pop_back();
    std::string message;
    EXPECT_EQ(category_of([&] { to_csv(t); }, &message), ErrorCategory::internal);
    EXPECT_NE(message.find("\"Actions\""), std::string::npos) << message;
    EXPECT_NE(message.find("row 2"), std::string::npos) << message;
}

TEST(Csv, MalformedDatesAndNumbersAreInternalErrors) {
    for (auto [kind, value] : {std::pair{Kind::date, "2026-02-30"},
                               {Kind::date, "31/12/2026"},
                               {Kind::date, "=1+1"},
                               {Kind::number, "1,5"},
                               {Kind::number, "=1+1"},
                               {Kind::number, "12 "},
                               {Kind::number, "inf"}}) {
        Table t;
        t.name = "T";
        t.columns = {{"c", kind}};
        t.rows = {{value}};
        std::string message;
        EXPECT_EQ(category_of([&] { to_csv(t); }, &message), ErrorCategory::internal) << value;
        EXPECT_NE(message.find("row 1"), std::string::npos) << message;
    }
}

TEST(Csv, WriteCsvIsAtomic) {
    fs::path dir = fresh_dir("csv");
    fs::path path = dir / "actions é.csv";
    write_csv(path, actions());
    EXPECT_EQ(read_file(path), to_csv(actions()));
    EXPECT_EQ(files_in(dir), 1u);

    Table broken = actions();
    broken.rows[0].push_back("extra");
    EXPECT_EQ(category_of([&] { write_csv(path, broken); }), ErrorCategory::internal);
    EXPECT_EQ(read_file(path), to_csv(actions()));
    EXPECT_EQ(category_of([&] { write_csv(dir / "missing" / "a.csv", actions()); }), ErrorCategory::environment);
}

// --- XLSX --------------------------------------------------------------------------------------

TEST(Xlsx, OneWorksheetPerTableInAZip) {
    fs::path dir = fresh_dir("xlsx-sheets");
    fs::path path = dir / "register.xlsx";
    Table deadlines = actions();
    deadlines.name = "Deadlines";
    Table empty;
    empty.name = "Empty";
    write_xlsx(path, {actions(), deadlines, empty});
    EXPECT_EQ(files_in(dir), 1u);  // no temporary left beside it

    auto entries = zip_entries(path);
    auto has = [&](const std::string& name) {
        return std::find(entries.begin(), entries.end(), name) != entries.end();
    };
    EXPECT_TRUE(has("xl/workbook.xml"));
    EXPECT_TRUE(has("[Content_Types].xml"));
    for (int i = 1; i <= 3; ++i) EXPECT_TRUE(has("xl/worksheets/sheet" + std::to_string(i) + ".xml")) << i;
    EXPECT_FALSE(has("xl/worksheets/sheet4.xml"));
    EXPECT_EQ(sheet_names(zip_member(path, "xl/workbook.xml")),
              (std::vector<std::string>{"Actions", "Deadlines", "Empty"}));
}

TEST(Xlsx, CellsHaveTheirTypesHeaderIsFrozenWithAutofilter) {
    fs::path dir = fresh_dir("xlsx-cells");
    fs::path path = dir / "actions.xlsx";
    write_xlsx(path, {actions()});
    std::string sheet = zip_member(path, "xl/worksheets/sheet1.xml");
    std::string strings = zip_member(path, "xl/sharedStrings.xml");
    std::string styles = zip_member(path, "xl/styles.xml");

    EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "a text cell became a formula";
    EXPECT_NE(strings.find("<t>=HYPERLINK(\"http://x\")</t>"), std::string::npos) << strings;
    EXPECT_NE(strings.find("Douanes \"Sud\", &lt;script&gt;; " + arabic + " " + emoji), std::string::npos);
    EXPECT_NE(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
              std::string::npos);
    EXPECT_NE(sheet.find("<autoFilter ref=\"A1:C4\"/>"), std::string::npos);
    EXPECT_NE(styles.find("<b/>"), std::string::npos);
    EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
    // 2026-12-31 is day 46387 of the 1900 date system, 2027-02-28 day 46446; the budget a number.
    EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"B2\" s=\"\\d+\"><v>46387</v></c>"))) << sheet;
    EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"B4\" s=\"\\d+\"><v>46446</v></c>")));
    EXPECT_NE(sheet.find("<c r=\"C2\"><v>1500.5</v></c>"), std::string::npos);
    EXPECT_NE(sheet.find("<c r=\"C3\"><v>-3</v></c>"), std::string::npos);
    // Empty cells are left out, not written as empty strings.
    EXPECT_EQ(sheet.find("r=\"B3\""), std::string::npos);
    EXPECT_EQ(sheet.find("r=\"C4\""), std::string::npos);
    // Column widths are set from the content.
    EXPECT_NE(sheet.find("<cols>"), std::string::npos);
}

TEST(Xlsx, SheetNamesAreMadeValidAndUnique) {
    std::vector<Table> tables(7, actions());
    tables[0].name = "Actions: [2026] a/b\\c*d?";
    tables[1].name = "A very long register table name that goes on";
    tables[2].name = "A very long register table name that goes on";
    tables[3].name = "";
    tables[4].name = "actions_ _2026_ a_b_c_d_";  // same as the first once made valid, but for case
    tables[5].name = "'History'";
    tables[6].name = std::string(30, 'x') + emoji;  // 32 UTF-16 units
    fs::path dir = fresh_dir("xlsx-names");
    write_xlsx(dir / "names.xlsx", tables);
    auto names = sheet_names(zip_member(dir / "names.xlsx", "xl/workbook.xml"));
    ASSERT_EQ(names.size(), 7u);
    EXPECT_EQ(names[0], "Actions_ _2026_ a_b_c_d_");
    EXPECT_EQ(names[1], "A very long register table name");
    EXPECT_EQ(names[2], "A very long register table (2)");
    EXPECT_EQ(names[3], "Sheet4");
    EXPECT_EQ(names[4], "actions_ _2026_ a_b_c_d_ (2)");
    EXPECT_EQ(names[5], "History_");
    EXPECT_EQ(names[6], std::string(30, 'x'));
    std::set<std::string> distinct(names.begin(), names.end());
    EXPECT_EQ(distinct.size(), names.size());
}

TEST(Xlsx, NoTablesGivesAWorkbookWithOneEmptySheet) {
    fs::path dir = fresh_dir("xlsx-none");
    write_xlsx(dir / "none.xlsx", {});
    auto entries = zip_entries(dir / "none.xlsx");
    EXPECT_NE(std::find(entries.begin(), entries.end(), "xl/worksheets/sheet1.xml"), entries.end());
}

TEST(Xlsx, MalformedTableIsRefusedBeforeAnythingIsWritten) {
    fs::path dir = fresh_dir("xlsx-malformed");
    fs::path path = dir / "register.xlsx";
    write_file_atomically(path, "old");
    Table broken = actions();
    broken.rows[2].push_back("extra");
    std::string message;
    EXPECT_EQ(category_of([&] { write_xlsx(path, {actions(), broken}); }, &message), ErrorCategory::internal);
    EXPECT_NE(message.find("row 3"), std::string::npos) << message;
    EXPECT_EQ(read_file(path), "old");
    EXPECT_EQ(files_in(dir), 1u);
}

TEST(Xlsx, TextTooLongForACellIsBadInputAndLeavesTheOldFile) {
    fs::path dir = fresh_dir("xlsx-long");
    fs::path path = dir / "register.xlsx";
    write_file_atomically(path, "old");
    Table t = actions();
    t.rows[1][0] = std::string(40000, 'a');
    std::string message;
    EXPECT_EQ(category_of([&] { write_xlsx(path, {t}); }, &message), ErrorCategory::bad_input);
    EXPECT_NE(message.find("row 2"), std::string::npos) << message;
    EXPECT_EQ(read_file(path), "old");
    EXPECT_EQ(files_in(dir), 1u);
}

TEST(Xlsx, MissingFolderIsAnEnvironmentErrorNamingThePath) {
    fs::path dir = fresh_dir("xlsx-missing");
    fs::path path = dir / "no such folder" / "register.xlsx";
    std::string message;
    EXPECT_EQ(category_of([&] { write_xlsx(path, {actions()}); }, &message), ErrorCategory::environment);
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_FALSE(fs::exists(dir / "no such folder"));
}

TEST(Xlsx, ReadOnlyFolderLeavesTheExistingFileUntouched) {
    fs::path dir = fresh_dir("xlsx-readonly");
    fs::path path = dir / "register.xlsx";
    write_file_atomically(path, "old");
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    // Root ignores permissions: the write then runs as "nobody".
    int result = in_child([&] { write_xlsx(path, {actions()}); }, /*as_nobody=*/true);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add);
    if (result == 3) GTEST_SKIP() << "cannot drop privileges here";
    EXPECT_EQ(result, 0) << "expected Error(environment)";
    EXPECT_EQ(read_file(path), "old");
    EXPECT_EQ(files_in(dir), 1u);
}

TEST(Xlsx, FullDiskLeavesTheExistingFileUntouchedAndNoTemporary) {
    // A file-size limit makes every write past 4 KiB fail with EFBIG, as a full disk would.
    fs::path dir = fresh_dir("xlsx-full");
    fs::path path = dir / "register.xlsx";
    write_file_atomically(path, "old");
    Table big = actions();
    for (int i = 0; i < 2000; ++i)
        big.rows.push_back({"Row " + std::to_string(i) + " " + arabic + " " + emoji, "2027-01-01", std::to_string(i)});
    int result = in_child([&] { write_xlsx(path, {big}); }, /*as_nobody=*/false, 4096);
    ASSERT_NE(result, 3) << "cannot set a file size limit";
    EXPECT_EQ(result, 0) << "expected Error(environment)";
    EXPECT_EQ(read_file(path), "old");
    EXPECT_EQ(files_in(dir), 1u);

    // The same table is written fine without the limit.
    write_xlsx(path, {big});
    EXPECT_GT(fs::file_size(path), 4096u);
}
