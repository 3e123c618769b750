// Format codes, format from a file name, dispatch, and write_document's all-or-nothing writes.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/render/writer.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

namespace fs = std::filesystem;
using drafting::Layout;

// A fresh, empty folder for one test under the build's test output folder.
fs::path fresh_folder(const std::string& name) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "writer" / name;
    std::error_code ec;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(Writer, FormatCodes) {
    EXPECT_STREQ(to_code(Format::docx), "docx");
    EXPECT_STREQ(to_code(Format::odt), "odt");
    EXPECT_STREQ(to_code(Format::pdf), "pdf");
    EXPECT_STREQ(to_code(Format::html), "html");
    EXPECT_STREQ(to_code(Format::text), "text");
}

TEST(Writer, FormatFromPath) {
    EXPECT_EQ(format_from_path("mou.docx"), Format::docx);
    EXPECT_EQ(format_from_path("out/mou.odt"), Format::odt);
    EXPECT_EQ(format_from_path("/tmp/Accord final.pdf"), Format::pdf);
    EXPECT_EQ(format_from_path("mou.html"), Format::html);
    EXPECT_EQ(format_from_path("mou.htm"), Format::html);
    EXPECT_EQ(format_from_path("mou.txt"), Format::text);
    EXPECT_EQ(format_from_path("MOU.PDF"), Format::pdf);
    EXPECT_EQ(format_from_path("Mou.Docx"), Format::docx);
    EXPECT_EQ(format_from_path("mou.pdf.bak"), std::nullopt);
    EXPECT_EQ(format_from_path("mou.doc"), std::nullopt);
    EXPECT_EQ(format_from_path("mou"), std::nullopt);
    EXPECT_EQ(format_from_path(".pdf"), std::nullopt) << "a hidden file named .pdf has no extension";
    EXPECT_EQ(format_from_path(""), std::nullopt);
}

TEST(Writer, RenderDispatchesToEachWriter) {
    drafting::Document doc = test::sample_document(Layout::side_by_side);
    EXPECT_EQ(render(doc, Format::text), render_text(doc));
    EXPECT_EQ(render(doc, Format::html), render_html(doc));
    EXPECT_EQ(render(doc, Format::pdf).rfind("%PDF-", 0), 0u);
    EXPECT_EQ(render(doc, Format::docx).rfind("PK", 0), 0u);
    EXPECT_EQ(render(doc, Format::odt).rfind("PK", 0), 0u);
}

TEST(Writer, WritesEachFormatToItsFile) {
    fs::path dir = fresh_folder("formats");
    drafting::Document doc = test::sample_document();
    for (Format format : {Format::pdf, Format::html, Format::text}) {
        fs::path path = dir / (std::string("agreement.") + to_code(format));
        write_document(doc, format, path);
        EXPECT_GT(fs::file_size(path), 100u) << path;
    }
    EXPECT_EQ(read_file(dir / "agreement.text"), render_text(doc));
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"agreement.html", "agreement.pdf", "agreement.text"}))
        << "no temporary file left behind";
}

TEST(Writer, WritingOverAnExistingFileReplacesIt) {
    fs::path dir = fresh_folder("replace");
    fs::path path = dir / "agreement.txt";
    {
        std::ofstream old(path, std::ios::binary);
        old << std::string(100000, 'x');  // longer than the new text: no stale tail may survive
    }
    drafting::Document doc = test::sample_document(Layout::single);
    write_document(doc, Format::text, path);
    EXPECT_EQ(read_file(path), render_text(doc));
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"agreement.txt"});
}

TEST(Writer, MissingFolderIsAnEnvironmentErrorNamingThePath) {
    fs::path dir = fresh_folder("missing");
    fs::path path = dir / "no-such-folder" / "agreement.pdf";
    try {
        write_document(test::sample_document(), Format::pdf, path);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(path));
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(Writer, FolderThatIsAFileIsAnEnvironmentError) {
    // Fails for root too, unlike a read-only folder.
    fs::path dir = fresh_folder("not-a-folder");
    { std::ofstream(dir / "plain-file") << "x"; }
    fs::path path = dir / "plain-file" / "agreement.html";
    try {
        write_document(test::sample_document(), Format::html, path);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"plain-file"});
}

TEST(Writer, ReadOnlyFolderLeavesExistingFileAndNoTemporaryFile) {
    fs::path dir = fresh_folder("read-only");
    fs::path path = dir / "agreement.txt";
    { std::ofstream(path) << "signed version"; }
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    if (::access(dir.c_str(), W_OK) == 0) {
        fs::permissions(dir, fs::perms::owner_all);
        GTEST_SKIP() << "permissions are not enforced for this user (root?)";
    }
    try {
        write_document(test::sample_document(), Format::text, path);
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    }
    fs::permissions(dir, fs::perms::owner_all);
    EXPECT_EQ(read_file(path), "signed version");
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"agreement.txt"});
}

}  // namespace
}  // namespace moudesk::render
