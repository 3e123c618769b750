// The tracked-changes comparison DOCX: drafts from the in-memory test library, compared and
// written; every XML part is parsed with pugixml and the revisions are read back from
// word/document.xml: ids unique, author and date on each, hostile text escaped, and accepting or
// rejecting every revision giving the later or the earlier version's text.

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "../drafting/test_library.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/compare.h"
#include "moudesk/render/comparison.h"
#include "moudesk/zip/zip_package.h"

namespace moudesk::render {
namespace {

namespace fs = std::filesystem;
using drafting::BlockKind;
using drafting::Comparison;
using drafting::Document;
using drafting::Draft;

const ComparisonInfo info{"moudesk", "2026-11-30T00:00:00Z", "Version 1", "Version 2"};

// The parts of a package, parsed; a part that is not well-formed fails the test.
struct Package {
    std::map<std::string, std::unique_ptr<pugi::xml_document>> xml;

    explicit Package(const std::string& bytes) {
        for (const ZipEntry& e : read_zip(bytes)) {
            if (!(e.name.ends_with(".xml") || e.name.ends_with(".rels"))) continue;
            auto doc = std::make_unique<pugi::xml_document>();
            auto result = doc->load_buffer(e.data.data(), e.data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
            EXPECT_TRUE(result) << e.name << ": " << result.description() << " at " << result.offset;
            xml.emplace(e.name, std::move(doc));
        }
    }
    pugi::xml_node root(const std::string& part) const {
        auto found = xml.find(part);
        return found == xml.end() ? pugi::xml_node() : found->second->document_element();
    }
    pugi::xml_node body() const { return root("word/document.xml").child("w:body"); }
};

std::vector<pugi::xml_node> all(pugi::xml_node root, const char* name) {
    std::vector<pugi::xml_node> out;
    for (const auto& x : root.select_nodes((std::string(".//") + name).c_str())) out.push_back(x.node());
    return out;
}

bool inside(pugi::xml_node node, const char* name) {
    for (auto p = node.parent(); p; p = p.parent())
        if (std::string_view(p.name()) == name) return true;
    return false;
}

// A paragraph's mark revision: "ins", "del" or "".
std::string mark_of(pugi::xml_node p) {
    auto rpr = p.child("w:pPr").child("w:rPr");
    return rpr.child("w:ins") ? "ins" : rpr.child("w:del") ? "del" : "";
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The paragraphs as they read when every revision is accepted (or rejected): text of the other
// kind dropped, and a paragraph whose mark is removed joined to the next one.
std::vector<std::string> resolve(const Package& pkg, bool accept) {
    const char* dropped = accept ? "w:del" : "w:ins";
    std::vector<std::string> out;
    std::string pending;
    for (pugi::xml_node p : all(pkg.body(), "w:p")) {
        std::string text = pending;
        for (pugi::xml_node r : all(p, "w:r")) {
            if (inside(r, dropped)) continue;
            for (pugi::xml_node c : r.children()) {
                std::string_view name = c.name();
                if (name == "w:t" || name == "w:delText") text += c.text().get();
                if (name == "w:tab" || name == "w:br") text += " ";
            }
        }
        if (mark_of(p) == (accept ? "del" : "ins")) {
            pending = text;
            continue;
        }
        pending.clear();
        out.push_back(squeeze(text));
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

// The paragraphs of a single-language document as the comparison writes them.
std::vector<std::string> paragraphs_of(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& row : doc.rows) {
        const auto& b = row.cells[0];
        if (b.kind == BlockKind::signatures) {
            for (const auto& party : b.signatures) {
                out.push_back(squeeze(party.heading));
                for (const auto& line : party.lines)
                    out.push_back(squeeze((line.label.empty() ? "" : line.label + ": ") + line.value));
            }
            continue;
        }
        out.push_back(squeeze(b.label + " " + b.plain_text()));
    }
    return out;
}

class ComparisonDocx : public ::testing::Test {
protected:
    Document assembled(const Draft& d) { return drafting::assemble(lib, d).document; }

    content::Library lib = test::test_library();
    Draft draft = test::test_draft();
};

TEST_F(ComparisonDocx, ChangedWordsAreDeletionsAndInsertionsWithUniqueIdsAuthorAndDate) {
    Draft after = draft;
    after.set_value("response-days", std::nullopt, "20");
    Package pkg(render_comparison_docx(drafting::compare(assembled(draft), assembled(after)), Language::en, info));

    auto dels = all(pkg.body(), "w:del");
    auto inss = all(pkg.body(), "w:ins");
    ASSERT_EQ(dels.size(), 1u);
    ASSERT_EQ(inss.size(), 1u);
    EXPECT_EQ(std::string(dels[0].child("w:r").child("w:delText").text().get()), "10 ");
    EXPECT_FALSE(dels[0].child("w:r").child("w:t")) << "deleted text is w:delText";
    EXPECT_EQ(std::string(inss[0].child("w:r").child("w:t").text().get()), "20 ");
    for (pugi::xml_node revision : {dels[0], inss[0]}) {
        EXPECT_STREQ(revision.attribute("w:author").value(), "moudesk");
        EXPECT_STREQ(revision.attribute("w:date").value(), "2026-11-30T00:00:00Z");
    }
    EXPECT_NE(std::string(dels[0].attribute("w:id").value()), inss[0].attribute("w:id").value());
    // The revisions sit in the paragraph between the unchanged words.
    pugi::xml_node p = dels[0].parent();
    EXPECT_STREQ(p.name(), "w:p");
    EXPECT_EQ(dels[0].next_sibling(), inss[0]);
    // Track changes stays on for whoever edits the comparison next.
    EXPECT_TRUE(pkg.root("word/settings.xml").child("w:trackRevisions"));
    std::string header = all(pkg.root("word/header1.xml"), "w:t")[0].text().get();
    EXPECT_EQ(header, "Changes from “Version 1” to “Version 2”");

    EXPECT_EQ(resolve(pkg, true), paragraphs_of(assembled(after)));
    EXPECT_EQ(resolve(pkg, false), paragraphs_of(assembled(draft)));
}

TEST_F(ComparisonDocx, AddedAndRemovedClausesAreWholeWithTheirParagraphMarks) {
    Draft before = draft;
    before.elements.erase(before.elements.begin() + 2);  // information exchange and data protection
    Draft after = draft;
    after.elements.erase(after.elements.begin());  // purpose and scope
    Document a = assembled(before), b = assembled(after);
    Comparison c = drafting::compare(a, b);
    ASSERT_EQ(c.added(), 2);
    ASSERT_EQ(c.removed(), 1);
    Package pkg(render_comparison_docx(c, Language::en, info));

    std::set<std::string> ids;
    std::size_t revisions = 0;
    for (const char* name : {"w:ins", "w:del"})
        for (pugi::xml_node r : all(pkg.body(), name)) {
            ids.insert(r.attribute("w:id").value());
            ++revisions;
        }
    EXPECT_EQ(ids.size(), revisions) << "every revision has its own w:id";

    // "Article 1 / Purpose" and its paragraph are deleted, paragraph marks included.
    std::vector<std::string> deleted_paragraphs, inserted_paragraphs;
    for (pugi::xml_node p : all(pkg.body(), "w:p")) {
        std::string text;
        for (pugi::xml_node t : all(p, "w:delText")) text += t.text().get();
        for (pugi::xml_node t : all(p, "w:t")) text += t.text().get();
        if (mark_of(p) == "del") {
            deleted_paragraphs.push_back(squeeze(text));
            EXPECT_TRUE(all(p, "w:t").empty()) << text;
        }
        if (mark_of(p) == "ins") {
            inserted_paragraphs.push_back(squeeze(text));
            for (pugi::xml_node r : all(p, "w:r")) EXPECT_TRUE(inside(r, "w:ins")) << text;
            EXPECT_STREQ(p.child("w:pPr").child("w:rPr").child("w:ins").attribute("w:author").value(), "moudesk");
        }
    }
    EXPECT_EQ(deleted_paragraphs, (std::vector<std::string>{"Article 1Purpose",
                                                            "This Memorandum of Understanding sets out how the "
                                                            "Participants cooperate."}));
    // The definitions gain two terms, then the new part and its articles follow.
    EXPECT_EQ(std::vector<std::string>(inserted_paragraphs.begin(), inserted_paragraphs.begin() + 4),
              (std::vector<std::string>{"(a)“information” means any data held by an agency;",
                                        "(b)“personal data” means information about an identified person.",
                                        "Areas of cooperation", "Article 2Exchange of information"}));

    // Accepting everything gives the later version; the paragraphs of removed clauses vanish.
    EXPECT_EQ(resolve(pkg, true), paragraphs_of(b));
}

TEST_F(ComparisonDocx, HostileTextAndAuthorAreEscaped) {
    const std::string hostile = "Customs & Excise <Border> \"Directorate\" 'Sud' الجمارك، of ";
    draft.parties[0].name.en = hostile + "Valmont 🛃";
    Draft after = draft;
    after.parties[0].name.en = hostile + "Elmont & <Co> 🛃";
    ComparisonInfo odd = info;
    odd.author = "Jane <O'Brien> & \"Co\"";
    odd.before_title = std::string(200, 'x');
    std::string bytes =
        render_comparison_docx(drafting::compare(assembled(draft), assembled(after)), Language::en, odd);
    Package pkg(bytes);
    std::string document;
    for (const ZipEntry& e : read_zip(bytes))
        if (e.name == "word/document.xml") document = e.data;
    EXPECT_EQ(document.find("<Border>"), std::string::npos) << "markup in text must be escaped";

    std::set<std::string> deleted, inserted;
    for (pugi::xml_node r : all(pkg.body(), "w:del")) {
        EXPECT_STREQ(r.attribute("w:author").value(), "Jane <O'Brien> & \"Co\"");
        std::string text;
        for (pugi::xml_node t : all(r, "w:delText")) text += t.text().get();
        deleted.insert(text);
    }
    for (pugi::xml_node r : all(pkg.body(), "w:ins")) {
        std::string text;
        for (pugi::xml_node t : all(r, "w:t")) text += t.text().get();
        inserted.insert(text);
    }
    EXPECT_TRUE(deleted.count("Valmont ")) << *deleted.begin();
    EXPECT_TRUE(inserted.count("Elmont & <Co> ")) << *inserted.begin();
    // The Arabic words are a right-to-left run of their own, as in the agreement writer.
    bool rtl = false;
    for (pugi::xml_node t : all(pkg.body(), "w:t"))
        if (std::string(t.text().get()).find("الجمارك") != std::string::npos)
            rtl = rtl || t.parent().child("w:rPr").child("w:rtl");
    EXPECT_TRUE(rtl);
    // A long version title is shortened in the page header.
    std::string header = all(pkg.root("word/header1.xml"), "w:t")[0].text().get();
    EXPECT_LT(header.size(), 120u);
}

TEST_F(ComparisonDocx, IdenticalVersionsGiveThePlainAgreementWithoutRevisions) {
    Document doc = assembled(draft);
    Package pkg(render_comparison_docx(drafting::compare(doc, doc), Language::en, info));
    EXPECT_TRUE(all(pkg.body(), "w:ins").empty());
    EXPECT_TRUE(all(pkg.body(), "w:del").empty());
    EXPECT_EQ(resolve(pkg, true), paragraphs_of(doc));
    // Same styles as the agreement: headings are Word headings.
    std::set<std::string> styles;
    for (pugi::xml_node s : all(pkg.body(), "w:pStyle")) styles.insert(s.attribute("w:val").value());
    for (const char* style : {"Title", "Heading1", "Heading2", "NumberedParagraph", "ListItem", "Signature"})
        EXPECT_TRUE(styles.count(style)) << style;
}

TEST_F(ComparisonDocx, ALanguageThatWasNotComparedOrABadDateIsRefused) {
    Document doc = assembled(draft);
    Comparison c = drafting::compare(doc, doc);
    try {
        render_comparison_docx(c, Language::fr, info);
        FAIL() << "French was not compared";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    }
    ComparisonInfo bad = info;
    for (const char* date : {"30/11/2026", "2026-11-30T00:00", "2026-11-30T00:00:00Z<", "tomorrow"}) {
        bad.date = date;
        EXPECT_THROW(render_comparison_docx(c, Language::en, bad), Error) << date;
    }
    Draft after = draft;
    after.set_value("response-days", std::nullopt, "20");
    Comparison changed = drafting::compare(doc, assembled(after));
    for (auto [date, expected] : {std::pair{"2026-11-30", "2026-11-30T00:00:00Z"},
                                  std::pair{"2026-11-30T09:15:00.5+01:00", "2026-11-30T09:15:00.5+01:00"}}) {
        bad.date = date;
        Package pkg(render_comparison_docx(changed, Language::en, bad));
        EXPECT_STREQ(all(pkg.body(), "w:ins")[0].attribute("w:date").value(), expected);
    }
    bad.date.clear();  // now
    Package now(render_comparison_docx(changed, Language::en, bad));
    EXPECT_EQ(std::string(all(now.body(), "w:ins")[0].attribute("w:date").value()).size(), 20u);
}

TEST_F(ComparisonDocx, WritingIsAtomic) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "comparison-docx";
    fs::remove_all(dir);
    fs::create_directories(dir);
    Document doc = assembled(draft);
    Comparison c = drafting::compare(doc, doc);
    render_comparison_docx(c, Language::en, dir / "comparison.docx", info);
    EXPECT_EQ(read_file(dir / "comparison.docx"), render_comparison_docx(c, Language::en, info));
    try {
        render_comparison_docx(c, Language::en, dir / "missing" / "comparison.docx", info);
        FAIL() << "the folder does not exist";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("comparison.docx"), std::string::npos) << e.what();
    }
    // A refused language leaves an existing file as it was.
    EXPECT_THROW(render_comparison_docx(c, Language::fr, dir / "comparison.docx", info), Error);
    EXPECT_EQ(read_file(dir / "comparison.docx"), render_comparison_docx(c, Language::en, info));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1u) << "no temporary file left behind";
}

TEST_F(ComparisonDocx, BilingualComparisonsRenderEachLanguage) {
    draft.languages = {Language::en, Language::fr};
    draft.layout = drafting::Layout::side_by_side;
    Draft after = draft;
    after.parties.push_back(after.parties[1]);
    after.parties[2].name = {"Gendarmerie of Valmont", "Gendarmerie du Valmont"};
    after.parties[2].kind = "gendarmerie";
    Comparison c = drafting::compare(assembled(draft), assembled(after));
    Package fr(render_comparison_docx(c, Language::fr, info));
    std::string header = all(fr.root("word/header1.xml"), "w:t")[0].text().get();
    EXPECT_EQ(header, "Modifications de « Version 1 » à « Version 2 »");
    // The new party's signature place: inserted paragraphs, marks included.
    bool found = false;
    for (pugi::xml_node p : all(fr.body(), "w:p"))
        if (mark_of(p) == "ins")
            for (pugi::xml_node t : all(p, "w:t"))
                found = found || std::string(t.text().get()).find("Gendarmerie du Valmont") != std::string::npos;
    EXPECT_TRUE(found);
    Package en(render_comparison_docx(c, Language::en, info));
    EXPECT_FALSE(all(en.body(), "w:ins").empty());
}

}  // namespace
}  // namespace moudesk::render
