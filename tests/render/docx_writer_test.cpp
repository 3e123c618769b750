// DOCX writer: the package is unzipped with minizip and every XML part parsed with pugixml; then
// LibreOffice and pandoc, when installed, must open the files and show the text.

#include <gtest/gtest.h>
#include <unistd.h>

#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"
#include "moudesk/zip/zip_package.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

namespace fs = std::filesystem;
using drafting::Layout;

// ---- reading a package back ---------------------------------------------------------------

struct Package {
    std::vector<ZipEntry> entries;
    std::map<std::string, std::unique_ptr<pugi::xml_document>> xml;

    pugi::xml_node root(const std::string& part) const {
        auto found = xml.find(part);
        return found == xml.end() ? pugi::xml_node() : found->second->document_element();
    }
    bool has(const std::string& part) const {
        for (const auto& e : entries)
            if (e.name == part) return true;
        return false;
    }
};

// Unzips `bytes` and parses every XML part; a part that is not well-formed fails the test.
Package open_package(const std::string& bytes) {
    Package p;
    p.entries = read_zip(bytes);
    for (const auto& e : p.entries) {
        if (!(e.name.ends_with(".xml") || e.name.ends_with(".rels"))) continue;
        auto doc = std::make_unique<pugi::xml_document>();
        pugi::xml_parse_result result =
            doc->load_buffer(e.data.data(), e.data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
        EXPECT_TRUE(result) << e.name << ": " << result.description() << " at " << result.offset;
        p.xml.emplace(e.name, std::move(doc));
    }
    return p;
}

// The text a reader shows for a node: w:t, with w:tab and w:br as tab and newline.
void collect_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        std::string_view name = child.name();
        if (name == "w:t")
            out += child.text().get();
        else if (name == "w:tab" && std::string_view(node.name()) == "w:r")
            out += '\t';
        else if (name == "w:br")
            out += '\n';
        else if (name == "w:instrText" || name == "w:pPr" || name == "w:rPr")
            continue;
        else
            collect_text(child, out);
    }
}

std::string text_of(pugi::xml_node node) {
    std::string out;
    collect_text(node, out);
    return out;
}

std::string style_of(pugi::xml_node paragraph) {
    return paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
}

// Paragraphs of `style` in document order.
std::vector<pugi::xml_node> paragraphs(const Package& p, const std::string& style) {
    std::vector<pugi::xml_node> out;
    for (auto x : p.root("word/document.xml").select_nodes(("//w:p[w:pPr/w:pStyle/@w:val='" + style + "']").c_str()))
        out.push_back(x.node());
    return out;
}

std::string body_text(const Package& p) {
    std::string out;
    for (auto x : p.root("word/document.xml").select_nodes("//w:p")) out += text_of(x.node()) + "\n";
    return out;
}

fs::path output_dir(const std::string& name) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / name;
    fs::create_directories(dir);
    return dir;
}

fs::path write_sample(const fs::path& dir, const std::string& stem, Layout layout) {
    fs::path path = dir / (stem + ".docx");
    write_file_atomically(path, render_docx(test::sample_document(layout)));
    return path;
}

const std::vector<std::pair<Layout, std::string>> all_layouts = {
    {Layout::single, "single"}, {Layout::side_by_side, "side-by-side"}, {Layout::sequence, "sequence"}};

// ---- the package --------------------------------------------------------------------------

TEST(DocxWriter, PackageHasEveryPartAndEveryXmlPartIsWellFormed) {
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        Package p = open_package(render_docx(test::sample_document(layout)));
        for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                 "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                                 "word/header1.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"})
            EXPECT_TRUE(p.root(part)) << part;
        EXPECT_EQ(p.xml.size(), p.entries.size()) << "every part is XML";
        EXPECT_EQ(p.has("word/header2.xml"), layout == Layout::sequence);
    }
}

TEST(DocxWriter, ContentTypesAndRelationshipsCoverEveryPart) {
    Package p = open_package(render_docx(test::sample_document(Layout::sequence)));
    std::set<std::string> overridden;
    for (auto o : p.root("[Content_Types].xml").children("Override"))
        overridden.insert(o.attribute("PartName").value());
    for (const auto& e : p.entries) {
        if (e.name.ends_with(".rels") || e.name == "[Content_Types].xml") continue;
        EXPECT_TRUE(overridden.count("/" + e.name)) << e.name << " has no content type";
    }
    for (const auto& name : overridden) EXPECT_TRUE(p.has(name.substr(1))) << name << " is declared but missing";

    std::set<std::string> targets;
    for (auto r : p.root("_rels/.rels").children("Relationship")) targets.insert(r.attribute("Target").value());
    EXPECT_EQ(targets, (std::set<std::string>{"word/document.xml", "docProps/core.xml", "docProps/app.xml"}));
    std::set<std::string> ids;
    for (auto r : p.root("word/_rels/document.xml.rels").children("Relationship")) {
        EXPECT_TRUE(p.has(std::string("word/") + r.attribute("Target").value())) << r.attribute("Target").value();
        ids.insert(r.attribute("Id").value());
    }
    // Every r:id the document uses is declared.
    for (auto x : p.root("word/document.xml").select_nodes("//*[@r:id]"))
        EXPECT_TRUE(ids.count(x.node().attribute("r:id").value())) << x.node().attribute("r:id").value();
}

TEST(DocxWriter, SameDocumentGivesSameBytes) {
    auto doc = test::sample_document();
    EXPECT_EQ(render_docx(doc), render_docx(doc));
}

// ---- styles -------------------------------------------------------------------------------

TEST(DocxWriter, StylesExistAndAreUsed) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    std::map<std::string, std::string> styles;  // id → type
    for (auto s : p.root("word/styles.xml").children("w:style"))
        styles[s.attribute("w:styleId").value()] = s.attribute("w:type").value();
    for (const char* id :
         {"Normal", "Title", "Heading1", "Heading2", "NumberedParagraph", "ListItem", "Header", "Footer"})
        EXPECT_EQ(styles[id], "paragraph") << id;
    for (const char* id : {"MissingField", "CrossReference", "DefinedTerm", "Field"})
        EXPECT_EQ(styles[id], "character") << id;
    // Headings are outline levels, so Word's navigation pane and table of contents see them.
    EXPECT_TRUE(p.root("word/styles.xml").select_node("w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl[@w:val='1']"));

    EXPECT_EQ(paragraphs(p, "Title").size(), 1u);
    EXPECT_EQ(paragraphs(p, "Heading1").size(), 1u);
    EXPECT_EQ(paragraphs(p, "Heading2").size(), 2u);
    EXPECT_EQ(paragraphs(p, "NumberedParagraph").size(), 1u);
    EXPECT_EQ(paragraphs(p, "ListItem").size(), 1u);
    // Every style the parts refer to exists.
    for (const char* part : {"word/document.xml", "word/header1.xml", "word/footer1.xml"})
        for (auto x : p.root(part).select_nodes("//w:pStyle | //w:rStyle"))
            EXPECT_TRUE(styles.count(x.node().attribute("w:val").value()))
                << part << ": " << x.node().attribute("w:val").value();
}

TEST(DocxWriter, NumbersAreLiteralTextNotWordNumbering) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    EXPECT_FALSE(p.root("word/document.xml").select_node("//w:numPr"));
    EXPECT_FALSE(p.has("word/numbering.xml"));
    auto numbered = paragraphs(p, "NumberedParagraph");
    ASSERT_EQ(numbered.size(), 1u);
    EXPECT_EQ(text_of(numbered[0]), "1.\tThis Memorandum sets out how the Participants cooperate.");
    auto items = paragraphs(p, "ListItem");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(text_of(items[0]), "(a)\tintelligence exchange;");
}

TEST(DocxWriter, ArticleLabelsAppearInOrder) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    auto articles = paragraphs(p, "Heading2");
    ASSERT_EQ(articles.size(), 2u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 2\nExchange of information");
    EXPECT_EQ(text_of(paragraphs(p, "Heading1").at(0)), "General provisions");
}

// ---- hostile text -------------------------------------------------------------------------

TEST(DocxWriter, HostilePartyNameComesBackIntact) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    EXPECT_EQ(text_of(paragraphs(p, "Title").at(0)),
              "Memorandum of Understanding between " + test::hostile_party_en_clean + " and the National Police");
    auto headings = paragraphs(p, "SignatureHeading");
    ASSERT_EQ(headings.size(), 2u);
    EXPECT_EQ(text_of(headings[0]), "For " + test::hostile_party_en_clean);
    EXPECT_EQ(std::string(p.root("docProps/core.xml").child("dc:title").text().get()),
              "Memorandum of Understanding between " + test::hostile_party_en_clean + " and the National Police");
    // The running header holds the title too.
    EXPECT_NE(text_of(p.root("word/header1.xml")).find(test::hostile_party_en_clean), std::string::npos);
}

TEST(DocxWriter, RightToLeftWordsGetTheirOwnRun) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    auto title = paragraphs(p, "Title").at(0);
    int rtl_runs = 0;
    for (auto run : title.children("w:r")) {
        std::string text = text_of(run);
        bool arabic = text.find("\xD8\xA7\xD9\x84") != std::string::npos;
        EXPECT_EQ(bool(run.child("w:rPr").child("w:rtl")), arabic) << text;
        if (arabic) {
            ++rtl_runs;
            EXPECT_EQ(text, "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83");
            EXPECT_STREQ(run.child("w:rPr").child("w:lang").attribute("w:bidi").value(), "ar-SA");
        }
    }
    EXPECT_EQ(rtl_runs, 1);
}

TEST(DocxWriter, VeryLongAndHostileTextGivesAValidFile) {
    auto doc = test::sample_document(Layout::side_by_side);
    std::string controls;
    for (char c = 1; c < 0x20; ++c) controls += c;
    std::string hostile = "]]><!-- &amp; &#0; \"' </w:t></w:r></w:p>" + controls + "\xC3\x28 \xFF\xFE end";
    std::string long_name;
    while (long_name.size() < 10000) long_name += "Direction g\xC3\xA9n\xC3\xA9rale des douanes \xD8\xB9 ";
    doc.rows[0].cells[0].spans[0].text = long_name;
    doc.title.en = long_name;
    doc.rows[1].cells[0].spans[0].text = hostile;
    doc.rows[1].cells[1].spans.push_back({hostile, drafting::Span::Style::missing_field, {}});
    doc.rows.back().cells[0].signatures[0].heading = long_name + hostile;
    Package p = open_package(render_docx(doc));
    std::string body = body_text(p);
    EXPECT_NE(body.find(clean_text(long_name)), std::string::npos);
    EXPECT_NE(body.find(clean_text(hostile)), std::string::npos);
    // The header is shortened: a 10,000-character title would push the text off the page.
    EXPECT_LT(text_of(p.root("word/header1.xml")).size(), 1000u);
}

// ---- references ---------------------------------------------------------------------------

TEST(DocxWriter, ReferencesLinkToBookmarksOnArticleHeadings) {
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        Package p = open_package(render_docx(test::sample_document(layout)));
        pugi::xml_node document = p.root("word/document.xml");
        std::map<std::string, pugi::xml_node> bookmarks;  // name → paragraph
        std::set<std::string> start_ids, end_ids;
        for (auto x : document.select_nodes("//w:bookmarkStart")) {
            std::string bookmark = x.node().attribute("w:name").value();
            EXPECT_TRUE(bookmarks.emplace(bookmark, x.node().parent()).second) << "duplicate bookmark " << bookmark;
            EXPECT_LE(bookmark.size(), 40u);
            start_ids.insert(x.node().attribute("w:id").value());
        }
        for (auto x : document.select_nodes("//w:bookmarkEnd")) end_ids.insert(x.node().attribute("w:id").value());
        EXPECT_EQ(start_ids, end_ids);
        const std::size_t languages = layout == Layout::single ? 1 : 2;
        EXPECT_EQ(bookmarks.size(), 2 * languages);
        for (const auto& [bookmark, paragraph] : bookmarks) {
            EXPECT_EQ(style_of(paragraph), "Heading2") << bookmark;
            EXPECT_EQ(text_of(paragraph).substr(0, 9), "Article " + std::string(1, bookmark[8])) << bookmark;
        }
        auto links = document.select_nodes("//w:hyperlink");
        EXPECT_EQ(links.size(), languages);
        for (auto x : links) {
            std::string anchor = x.node().attribute("w:anchor").value();
            ASSERT_TRUE(bookmarks.count(anchor)) << "link to missing bookmark " << anchor;
            // The reference and its target are in the same language.
            EXPECT_EQ(text_of(bookmarks[anchor]).substr(0, 9), "Article 1");
            std::string lang = x.node().child("w:r").child("w:rPr").child("w:lang").attribute("w:val").value();
            EXPECT_EQ(lang, anchor.ends_with("_fr") ? "fr-FR" : "en-GB");
        }
    }
}

TEST(DocxWriter, MissingFieldIsHighlighted) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    auto run = p.root("word/document.xml").select_node("//w:r[w:rPr/w:rStyle/@w:val='MissingField']").node();
    ASSERT_TRUE(run);
    EXPECT_EQ(text_of(run), "[Response time (days)]");
    EXPECT_STREQ(run.child("w:rPr").child("w:highlight").attribute("w:val").value(), "yellow");
}

// ---- layouts ------------------------------------------------------------------------------

TEST(DocxWriter, SingleLayoutHoldsOnlyTheFirstLanguage) {
    auto doc = test::sample_document(Layout::side_by_side);
    doc.layout = Layout::single;
    Package p = open_package(render_docx(doc));
    std::string body = body_text(p);
    EXPECT_NE(body.find("Purpose"), std::string::npos);
    EXPECT_EQ(body.find("Objet"), std::string::npos);
    EXPECT_FALSE(p.root("word/document.xml").select_node("//w:lang[@w:val='fr-FR']"));
}

TEST(DocxWriter, SideBySideIsABorderlessTwoColumnTableWithOneRowPerDocumentRow) {
    auto doc = test::sample_document(Layout::side_by_side);
    Package p = open_package(render_docx(doc));
    pugi::xml_node body = p.root("word/document.xml").child("w:body");
    pugi::xml_node table = body.child("w:tbl");
    ASSERT_TRUE(table);
    EXPECT_EQ(table.select_nodes("w:tblGrid/w:gridCol").size(), 2u);
    EXPECT_EQ(table.select_nodes("w:tr").size(), doc.rows.size());
    for (auto border : table.child("w:tblPr").child("w:tblBorders").children())
        EXPECT_STREQ(border.attribute("w:val").value(), "none") << border.name();
    // The title spans both columns; other rows hold English left, French right.
    pugi::xml_node first = table.child("w:tr");
    EXPECT_STREQ(first.child("w:tc").child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "2");
    for (auto row : table.children("w:tr")) {
        auto cells = row.select_nodes("w:tc");
        if (row == first) continue;
        ASSERT_EQ(cells.size(), 2u);
        auto lang = [](pugi::xml_node cell) {
            return std::string(cell.select_node(".//w:lang").node().attribute("w:val").value());
        };
        if (!row.select_node(".//w:lang")) continue;
        EXPECT_EQ(lang(cells[0].node()), "en-GB");
        EXPECT_EQ(lang(cells[1].node()), "fr-FR");
    }
    auto articles = paragraphs(p, "Heading2");
    ASSERT_EQ(articles.size(), 4u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 1\nObjet");
    // The signature row stacks the parties in each language's cell, without nested tables.
    EXPECT_FALSE(table.select_node(".//w:tbl"));
    auto signature_cells = table.select_nodes("w:tr[last()]/w:tc");
    ASSERT_EQ(signature_cells.size(), 2u);
    for (auto c : signature_cells) {
        auto headings = c.node().select_nodes("w:p[w:pPr/w:pStyle/@w:val='SignatureHeading']");
        EXPECT_EQ(headings.size(), 2u);
    }
    EXPECT_EQ(text_of(signature_cells[1].node().select_node("w:p").node()), "Pour " + test::hostile_party_en_clean);
    EXPECT_TRUE(table.select_node("w:tr[last()]/w:trPr/w:cantSplit"));
    // Word needs a paragraph after a table at the end of a cell and of the body.
    for (auto x : table.select_nodes(".//w:tc")) EXPECT_STREQ(x.node().last_child().name(), "w:p");
}

TEST(DocxWriter, SequenceHasBothLanguagesInOrderWithAPageBreakBetween) {
    Package p = open_package(render_docx(test::sample_document(Layout::sequence)));
    pugi::xml_node body = p.root("word/document.xml").child("w:body");
    // The only tables are the two signature tables, one row each.
    auto tables = body.select_nodes("w:tbl");
    EXPECT_EQ(tables.size(), 2u);
    for (auto t : tables) EXPECT_EQ(t.node().select_nodes("w:tr").size(), 1u);
    auto articles = paragraphs(p, "Heading2");
    ASSERT_EQ(articles.size(), 4u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 2\nExchange of information");
    EXPECT_EQ(text_of(articles[2]), "Article 1\nObjet");
    EXPECT_EQ(text_of(articles[3]),
              "Article 2\n\xC3\x89"
              "change d'informations");
    // A section break ends the English: the French starts a new page with its own header and footer.
    auto breaks = body.select_nodes("w:p/w:pPr/w:sectPr");
    ASSERT_EQ(breaks.size(), 1u);
    std::string body_string = body_text(p);
    EXPECT_LT(body_string.find("Signed at Vienna"), body_string.find("M\xC3\xA9morandum"));
    EXPECT_STREQ(body.child("w:sectPr").child("w:type").attribute("w:val").value(), "nextPage");
    EXPECT_STREQ(body.child("w:sectPr").child("w:headerReference").attribute("r:id").value(), "rIdHeader2");
    EXPECT_NE(text_of(p.root("word/header2.xml")).find("M\xC3\xA9morandum d'entente"), std::string::npos);
    EXPECT_NE(text_of(p.root("word/footer2.xml")).find(" sur "), std::string::npos);
    // The French section's paragraph is after every English one.
    bool seen_french = false;
    for (auto x : body.select_nodes(".//w:lang")) {
        bool french = std::string(x.node().attribute("w:val").value()) == "fr-FR";
        EXPECT_FALSE(seen_french && !french) << "English after French";
        seen_french = seen_french || french;
    }
    EXPECT_TRUE(seen_french);
}

TEST(DocxWriter, SignaturesAreATableWithOneCellPerParty) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    pugi::xml_node table = p.root("word/document.xml").child("w:body").child("w:tbl");
    ASSERT_TRUE(table);
    auto cells = table.select_nodes("w:tr/w:tc");
    ASSERT_EQ(cells.size(), 2u);
    pugi::xml_node second = cells[1].node();
    std::vector<std::string> lines;
    for (auto para : second.children("w:p")) lines.push_back(style_of(para) + "|" + text_of(para));
    EXPECT_EQ(lines,
              (std::vector<std::string>{"SignatureHeading|For the National Police", "Signature|Name: Jean Dupont",
                                        "Signature|Date: 1 March 2027", "SignatureLine|"}));
    EXPECT_TRUE(table.select_node("w:tr/w:trPr/w:cantSplit"));
}

TEST(DocxWriter, PageIsA4WithMarginsHeaderAndPageNofMFooter) {
    Package p = open_package(render_docx(test::sample_document(Layout::single)));
    pugi::xml_node sect = p.root("word/document.xml").child("w:body").child("w:sectPr");
    EXPECT_STREQ(sect.child("w:pgSz").attribute("w:w").value(), "11906");
    EXPECT_STREQ(sect.child("w:pgSz").attribute("w:h").value(), "16838");
    EXPECT_STREQ(sect.child("w:pgMar").attribute("w:left").value(), "1418");
    EXPECT_STREQ(sect.child("w:headerReference").attribute("r:id").value(), "rIdHeader1");
    EXPECT_STREQ(sect.child("w:footerReference").attribute("r:id").value(), "rIdFooter1");
    pugi::xml_node footer = p.root("word/footer1.xml");
    std::vector<std::string> instructions;
    for (auto x : footer.select_nodes("//w:instrText")) instructions.push_back(x.node().text().get());
    EXPECT_EQ(instructions, (std::vector<std::string>{" PAGE ", " NUMPAGES "}));
    EXPECT_EQ(text_of(footer), "Page 1 of 1");
    EXPECT_EQ(std::string(p.root("docProps/core.xml").child("dc:language").text().get()), "en-GB");
}

TEST(DocxWriter, EmptyAndOneLanguageDocumentsStillGiveValidFiles) {
    drafting::Document empty;
    empty.languages = {Language::fr};
    Package p = open_package(render_docx(empty));
    EXPECT_TRUE(p.root("word/document.xml").child("w:body").child("w:p"));

    auto doc = test::sample_document(Layout::single);
    doc.layout = Layout::side_by_side;  // one language: falls back to the single layout
    Package q = open_package(render_docx(doc));
    EXPECT_EQ(paragraphs(q, "Heading2").size(), 2u);

    drafting::Document none;
    EXPECT_THROW(render_docx(none), Error);
}

// ---- real readers -------------------------------------------------------------------------

bool on_path(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Checks what a reader shows for each layout of the sample. `hostile` is the party name as the
// reader should show it.
void expect_sample_text(const std::string& text, Layout layout,
                        const std::string& hostile = test::hostile_party_en_clean) {
    auto at = [&](const std::string& needle) {
        auto pos = text.find(needle);
        EXPECT_NE(pos, std::string::npos) << "missing: " << needle;
        return pos;
    };
    EXPECT_LT(at("Article 1"), at("Article 2"));
    at("Purpose");
    at("[Response time (days)]");
    at("Jean Dupont");
    at(hostile);
    if (layout != Layout::single) at("Objet");
    if (layout == Layout::sequence) {
        EXPECT_LT(at("Exchange of information"), at("Objet"));
    }
}

TEST(DocxWriter, ReadBackByLibreOffice) {
    if (!on_path("soffice")) GTEST_SKIP() << "soffice is not installed";
    fs::path dir = output_dir("docx-libreoffice");
    std::string files;
    for (const auto& [layout, name] : all_layouts) files += " " + quoted(write_sample(dir, name, layout).string());
    // A private profile: parallel runs sharing one would lock each other out.
    fs::path profile = fs::temp_directory_path() / ("moudesk-soffice-docx-" + std::to_string(::getpid()));
    std::string command = "timeout 300 soffice -env:UserInstallation=file://" + profile.string() +
                          " --headless --norestore --convert-to " + quoted("txt:Text (encoded):UTF8") + " --outdir " +
                          quoted(dir.string()) + files + " > " + quoted((dir / "soffice.log").string()) + " 2>&1";
    int status = std::system(command.c_str());
    fs::remove_all(profile);
    ASSERT_EQ(status, 0) << command << "\nsee " << (dir / "soffice.log");
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        fs::path txt = dir / (name + ".txt");
        ASSERT_TRUE(fs::exists(txt)) << "LibreOffice did not convert " << name;
        expect_sample_text(read_file(txt), layout);
    }
}

TEST(DocxWriter, ReadBackByPandoc) {
    if (!on_path("pandoc")) GTEST_SKIP() << "pandoc is not installed";
    fs::path dir = output_dir("docx-pandoc");
    auto convert = [&](const fs::path& docx, const std::string& to, const fs::path& out) {
        // --standalone: pandoc takes the Title paragraph as metadata and prints it only then.
        std::string command = "timeout 120 pandoc --standalone -f docx -t " + to + " --wrap=none -o " +
                              quoted(out.string()) + " " + quoted(docx.string()) + " 2>> " +
                              quoted((dir / "pandoc.log").string());
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        return fs::exists(out) ? read_file(out) : std::string();
    };
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        fs::path docx = write_sample(dir, name, layout);
        // pandoc folds runs of spaces into one, like any Markdown-minded reader: the party name
        // comes back with one space where the dropped control character left two.
        expect_sample_text(convert(docx, "plain", dir / (name + ".txt")), layout,
                           collapse_spaces(test::hostile_party_en_clean));
    }
    // pandoc's structure shows that it understood the styles and the cross-reference.
    std::string markdown = convert(dir / "single.docx", "markdown", dir / "single.md");
    EXPECT_NE(markdown.find("\n# General provisions\n"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("\n## Article 1 Purpose\n"), std::string::npos);
    EXPECT_NE(markdown.find("\n## Article 2 Exchange of information\n"), std::string::npos);
    EXPECT_NE(markdown.find("[Article 1](#article-1"), std::string::npos) << "the reference is a link to the article";
    EXPECT_NE(markdown.find("title: "), std::string::npos) << "the Title style is the document title";
}

}  // namespace
}  // namespace moudesk::render
