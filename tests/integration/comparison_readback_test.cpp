// The tracked-changes comparison read back by LibreOffice: two versions of the bundled MOU example
// (a field value, a removed element and a party name changed), compared and written as DOCX, then
// converted by soffice to flat ODT and to text. LibreOffice must keep the revisions: insertion and
// deletion regions in text:tracked-changes, the deleted words inside deletions, the inserted words
// inside insertions; accepting every revision must read as the later version.

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/compare.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/comparison.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::drafting;
using moudesk::test::normalize_space;
using moudesk::test::run;

namespace {

const content::Library& library() {
    static const content::Library lib = [] {
        Problems problems;
        fs::path data = content::bundled_data_dir();
        content::Library l = content::load_library(data / "clauses", data / "templates", problems);
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return l;
    }();
    return lib;
}

// Unchanged in both versions: must come through whole.
const std::string hostile_customs = "Customs & Excise <Border> \"Directorate\" 'Sud' الجمارك of Valmont 🛃";
// The later version renames the police: the new words are an insertion.
const std::string hostile_police = "Police <Nord> & \"Sud\" الشرطة of Valmont 🚓";

// What LibreOffice kept: the text inside insertion and deletion regions, and the text as it reads
// with every revision accepted. Handles both ways ODF stores a deletion: between change-start and
// change-end in the body (LibreOffice 7+), or inside the region with a text:change mark.
struct Revisions {
    std::size_t insertions = 0, deletions = 0;
    std::string inserted, deleted, accepted;
};

Revisions read_revisions(const pugi::xml_document& fodt) {
    Revisions out;
    pugi::xml_node text = fodt.document_element().child("office:body").child("office:text");
    std::map<std::string, std::string> kind;  // change id → "insertion" / "deletion"
    std::map<std::string, pugi::xml_node> region;
    for (pugi::xml_node r : text.child("text:tracked-changes").children("text:changed-region")) {
        std::string id = r.attribute("text:id").value();
        if (id.empty()) id = r.attribute("xml:id").value();
        if (r.child("text:insertion")) kind[id] = "insertion", ++out.insertions;
        if (r.child("text:deletion")) kind[id] = "deletion", ++out.deletions;
        region[id] = r;
    }
    std::set<std::string> open;
    // Appends to the accepted text and to every open region's text.
    auto add = [&](const std::string& s) {
        bool in_deletion = false;
        for (const std::string& id : open) {
            (kind[id] == "deletion" ? out.deleted : out.inserted) += s;
            in_deletion = in_deletion || kind[id] == "deletion";
        }
        if (!in_deletion) out.accepted += s;
    };
    std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
        for (pugi::xml_node c : n.children()) {
            std::string_view name = c.name();
            if (name == "text:tracked-changes") continue;
            if (c.type() == pugi::node_pcdata) {
                add(c.value());
            } else if (name == "text:change-start") {
                open.insert(c.attribute("text:change-id").value());
            } else if (name == "text:change-end") {
                open.erase(c.attribute("text:change-id").value());
            } else if (name == "text:change") {
                // Old style: the deleted paragraphs live in the region.
                pugi::xml_node deletion = region[c.attribute("text:change-id").value()].child("text:deletion");
                for (pugi::xml_node p : deletion.children())
                    if (std::string_view(p.name()) != "office:change-info")
                        out.deleted += p.text().get() + std::string(" ");
            } else if (name == "text:tab" || name == "text:line-break" || name == "text:s") {
                add(" ");
            } else {
                walk(c);
                if (name == "text:p" || name == "text:h") add(" ");
            }
        }
    };
    walk(text);
    out.inserted = normalize_space(out.inserted);
    out.deleted = normalize_space(out.deleted);
    out.accepted = normalize_space(out.accepted);
    return out;
}

std::string row_text(const Block& b) {
    if (b.kind != BlockKind::signatures) return normalize_space(b.label + " " + b.plain_text());
    std::string out;
    for (const auto& party : b.signatures) {
        out += party.heading + " ";
        for (const auto& line : party.lines) out += (line.label.empty() ? "" : line.label + ": ") + line.value + " ";
    }
    return normalize_space(out);
}

}  // namespace

TEST(ComparisonReadback, LibreOfficeKeepsTheRevisions) {
    ASSERT_TRUE(test::on_path("soffice")) << "soffice is needed: run scripts/install-deps.sh";
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "comparison-readback";
    fs::remove_all(dir);
    fs::create_directories(dir);

    Draft before = example_draft(library(), Instrument::mou, {Language::en}, Layout::single);
    before.parties[0].name = {hostile_customs, hostile_customs};
    before.set_value("data-protection-breach-hours", std::nullopt, "72");
    Draft after = before;
    after.set_value("data-protection-breach-hours", std::nullopt, "24");
    after.parties[1].name = {hostile_police, hostile_police};
    // Drop a cooperation element in the middle: a removed clause and renumbered ones after it.
    ASSERT_GE(after.elements.size(), 4u);
    after.elements.erase(after.elements.begin() + static_cast<std::ptrdiff_t>(after.elements.size() / 2));

    Assembly a = assemble(library(), before), b = assemble(library(), after);
    ASSERT_FALSE(a.has_errors());
    ASSERT_FALSE(b.has_errors());
    Comparison c = compare(a.document, b.document);
    ASSERT_GE(c.changed(), 1) << summarize(c, Language::en);
    ASSERT_GE(c.removed(), 1) << summarize(c, Language::en);
    ASSERT_GE(c.template_changes(), 1) << summarize(c, Language::en);

    fs::path docx = dir / "comparison.docx";
    render::render_comparison_docx(c, Language::en, docx, {"moudesk", "2026-11-30T00:00:00Z", "v1", "v2"});
    const std::string profile = "-env:UserInstallation=file://" + (dir / "lo-profile").string();
    auto fodt =
        run({"soffice", profile, "--headless", "--convert-to", "fodt", "--outdir", dir.string(), docx.string()}, 240);
    ASSERT_EQ(fodt.code, 0) << fodt.err;
    auto txt = run({"soffice", profile, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                    dir.string(), docx.string()},
                   240);
    ASSERT_EQ(txt.code, 0) << txt.err;

    pugi::xml_document doc;
    std::string bytes = read_file(dir / "comparison.fodt");
    ASSERT_TRUE(doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata));
    Revisions revisions = read_revisions(doc);
    EXPECT_GE(revisions.insertions, 1u);
    EXPECT_GE(revisions.deletions, 1u);

    // Every word we inserted or deleted is inside a region of that kind.
    for (const ClauseChange& unit : c.changes)
        for (const BlockChange& block : unit.blocks)
            for (const WordOp& op : block.per_language[0].ops) {
                std::string words = normalize_space(op.text);
                if (words.empty() || op.kind == WordOp::Kind::same) continue;
                const std::string& region = op.kind == WordOp::Kind::inserted ? revisions.inserted : revisions.deleted;
                EXPECT_NE(region.find(words), std::string::npos)
                    << (op.kind == WordOp::Kind::inserted ? "inserted" : "deleted") << " “" << words
                    << "” not in a LibreOffice region";
            }
    EXPECT_NE(revisions.deleted.find("72"), std::string::npos);
    EXPECT_NE(revisions.inserted.find("24"), std::string::npos);
    EXPECT_NE(revisions.inserted.find("<Nord> & \"Sud\" الشرطة"), std::string::npos) << revisions.inserted;
    EXPECT_EQ(revisions.inserted.find(hostile_customs), std::string::npos) << "unchanged text is not a revision";

    // With every revision accepted, the document reads as the later version, row by row.
    std::size_t cursor = 0;
    for (const Row& row : b.document.rows) {
        std::string expected = row_text(row.cells[0]);
        std::size_t at = revisions.accepted.find(expected, cursor);
        EXPECT_NE(at, std::string::npos) << "“" << expected << "” missing or out of order";
        if (at != std::string::npos) cursor = at + expected.size();
    }

    // The text export shows the agreement: every article heading in order, the names intact.
    std::string text = normalize_space(read_file(dir / "comparison.txt"));
    cursor = 0;
    for (const Row& row : b.document.rows) {
        if (row.kind != BlockKind::article) continue;
        std::string heading = row_text(row.cells[0]);
        std::size_t at = text.find(heading, cursor);
        EXPECT_NE(at, std::string::npos) << "heading “" << heading << "” missing or out of order";
        if (at != std::string::npos) cursor = at + heading.size();
    }
    EXPECT_NE(text.find(normalize_space(hostile_customs)), std::string::npos);
    EXPECT_NE(text.find("الشرطة"), std::string::npos);
}
