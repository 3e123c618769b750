// ODT writer: the package is unzipped with minizip and every XML part parsed with pugixml; then
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
    pugi::xml_node body() const { return root("content.xml").child("office:body").child("office:text"); }
};

// Unzips `bytes` and parses every XML part; a part that is not well-formed fails the test.
Package open_package(const std::string& bytes) {
    Package p;
    p.entries = read_zip(bytes);
    for (const auto& e : p.entries) {
        if (!e.name.ends_with(".xml")) continue;
        auto doc = std::make_unique<pugi::xml_document>();
        // parse_ws_pcdata keeps white space as ODF readers see it.
        pugi::xml_parse_result result =
            doc->load_buffer(e.data.data(), e.data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
        EXPECT_TRUE(result) << e.name << ": " << result.description() << " at " << result.offset;
        p.xml.emplace(e.name, std::move(doc));
    }
    return p;
}

// The text an ODF reader shows, applying ODF's white-space rules: runs of white space in
// character data collapse to one space (leading ones in a paragraph vanish), text:s is
// `text:c` spaces, text:tab a tab, text:line-break a newline.
void collect_text(pugi::xml_node node, std::string& out, bool& after_space) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            for (char c : std::string_view(child.value())) {
                bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
                if (space && after_space) continue;
                out += space ? ' ' : c;
                after_space = space;
            }
            continue;
        }
        std::string_view name = child.name();
        if (name == "text:s") {
            out.append(child.attribute("text:c").as_uint(1), ' ');
            after_space = true;
        } else if (name == "text:tab") {
            out += '\t';
            after_space = true;
        } else if (name == "text:line-break") {
            out += '\n';
            after_space = true;
        } else {
            collect_text(child, out, after_space);
        }
    }
}

std::string text_of(pugi::xml_node node) {
    std::string out;
    bool after_space = true;
    collect_text(node, out, after_space);
    return out;
}

std::string style_of(pugi::xml_node paragraph) {
    return paragraph.attribute("text:style-name").value();
}

// The named style behind `name`: itself, or the parent of an automatic style.
std::string named_style(const Package& p, const std::string& name) {
    auto automatic =
        p.root("content.xml").child("office:automatic-styles").find_child_by_attribute("style:name", name.c_str());
    return automatic ? automatic.attribute("style:parent-style-name").value() : name;
}

// Paragraphs and headings whose named style is `style`, in document order.
std::vector<pugi::xml_node> paragraphs(const Package& p, const std::string& style) {
    std::vector<pugi::xml_node> out;
    for (auto x : p.body().select_nodes(".//text:p | .//text:h"))
        if (named_style(p, style_of(x.node())) == style) out.push_back(x.node());
    return out;
}

std::string body_text(const Package& p) {
    std::string out;
    for (auto x : p.body().select_nodes(".//text:p | .//text:h")) out += text_of(x.node()) + "\n";
    return out;
}

fs::path output_dir(const std::string& name) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / name;
    fs::create_directories(dir);
    return dir;
}

fs::path write_sample(const fs::path& dir, const std::string& stem, Layout layout) {
    fs::path path = dir / (stem + ".odt");
    write_file_atomically(path, render_odt(test::sample_document(layout)));
    return path;
}

const std::vector<std::pair<Layout, std::string>> all_layouts = {
    {Layout::single, "single"}, {Layout::side_by_side, "side-by-side"}, {Layout::sequence, "sequence"}};

// ---- the package --------------------------------------------------------------------------

TEST(OdtWriter, MimetypeIsFirstAndStored) {
    std::string bytes = render_odt(test::sample_document());
    auto entries = read_zip(bytes);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries[0].name, "mimetype");
    EXPECT_TRUE(entries[0].stored);
    EXPECT_EQ(entries[0].data, "application/vnd.oasis.opendocument.text");
    // What file(1) and ODF readers check: the media type right after the first local header.
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
}

TEST(OdtWriter, EveryXmlPartIsWellFormedAndListedInTheManifest) {
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        Package p = open_package(render_odt(test::sample_document(layout)));
        for (const char* part : {"META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"})
            EXPECT_TRUE(p.root(part)) << part;
        std::set<std::string> listed;
        for (auto e : p.root("META-INF/manifest.xml").children("manifest:file-entry"))
            listed.insert(e.attribute("manifest:full-path").value());
        for (const auto& e : p.entries) {
            if (e.name != "mimetype" && e.name != "META-INF/manifest.xml") {
                EXPECT_TRUE(listed.count(e.name)) << e.name;
            }
        }
        EXPECT_STREQ(p.root("META-INF/manifest.xml")
                         .find_child_by_attribute("manifest:full-path", "/")
                         .attribute("manifest:media-type")
                         .value(),
                     "application/vnd.oasis.opendocument.text");
    }
}

TEST(OdtWriter, SameDocumentGivesSameBytes) {
    auto doc = test::sample_document();
    EXPECT_EQ(render_odt(doc), render_odt(doc));
}

// ---- styles -------------------------------------------------------------------------------

TEST(OdtWriter, StylesExistAndAreUsed) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    pugi::xml_node styles = p.root("styles.xml").child("office:styles");
    std::map<std::string, std::string> families;
    for (auto s : styles.children("style:style"))
        families[s.attribute("style:name").value()] = s.attribute("style:family").value();
    for (const char* name : {"Standard", "Title", "Heading_20_1", "Heading_20_2", "Numbered_20_Paragraph",
                             "List_20_Item", "Header", "Footer"})
        EXPECT_EQ(families[name], "paragraph") << name;
    for (const char* name : {"Missing_20_Field", "Cross_20_Reference", "Defined_20_Term", "Field"})
        EXPECT_EQ(families[name], "text") << name;
    EXPECT_STREQ(
        styles.find_child_by_attribute("style:name", "Heading_20_2").attribute("style:default-outline-level").value(),
        "2");

    EXPECT_EQ(paragraphs(p, "Title").size(), 1u);
    EXPECT_EQ(paragraphs(p, "Heading_20_1").size(), 1u);
    EXPECT_EQ(paragraphs(p, "Heading_20_2").size(), 2u);
    EXPECT_EQ(paragraphs(p, "Numbered_20_Paragraph").size(), 1u);
    EXPECT_EQ(paragraphs(p, "List_20_Item").size(), 1u);
    // Headings are text:h with their outline level, so navigators and tables of contents see them.
    for (auto h : paragraphs(p, "Heading_20_2")) {
        EXPECT_STREQ(h.name(), "text:h");
        EXPECT_STREQ(h.attribute("text:outline-level").value(), "2");
    }
    // Every style the content refers to exists, as a named or an automatic style.
    std::set<std::string> known;
    for (const char* part : {"styles.xml", "content.xml"})
        for (auto x : p.root(part).select_nodes("//style:style"))
            known.insert(x.node().attribute("style:name").value());
    for (auto x : p.root("content.xml").select_nodes("//@text:style-name | //@table:style-name"))
        EXPECT_TRUE(known.count(x.attribute().value())) << x.attribute().value();
}

TEST(OdtWriter, PageIsA4WithHeaderAndPageNofMFooter) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    pugi::xml_node styles = p.root("styles.xml");
    auto layout = styles.select_node("//style:page-layout/style:page-layout-properties").node();
    EXPECT_STREQ(layout.attribute("fo:page-width").value(), "21cm");
    EXPECT_STREQ(layout.attribute("fo:page-height").value(), "29.7cm");
    EXPECT_STREQ(layout.attribute("fo:margin-left").value(), "2.5cm");
    auto master = styles.select_node("//style:master-page[@style:name='Standard']").node();
    ASSERT_TRUE(master);
    EXPECT_EQ(text_of(master.child("style:header")),
              "Memorandum of Understanding between " + test::hostile_party_en_clean + " and the National Police");
    pugi::xml_node footer = master.child("style:footer");
    EXPECT_TRUE(footer.select_node(".//text:page-number"));
    EXPECT_TRUE(footer.select_node(".//text:page-count"));
    EXPECT_EQ(text_of(footer), "Page 1 of 1");
    EXPECT_EQ(std::string(p.root("meta.xml").child("office:meta").child("dc:title").text().get()),
              "Memorandum of Understanding between " + test::hostile_party_en_clean + " and the National Police");
}

TEST(OdtWriter, NumbersAreLiteralText) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    EXPECT_FALSE(p.body().select_node(".//text:list"));
    EXPECT_EQ(text_of(paragraphs(p, "Numbered_20_Paragraph").at(0)),
              "1.\tThis Memorandum sets out how the Participants cooperate.");
    EXPECT_EQ(text_of(paragraphs(p, "List_20_Item").at(0)), "(a)\tintelligence exchange;");
}

TEST(OdtWriter, ArticleLabelsAppearInOrder) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    auto articles = paragraphs(p, "Heading_20_2");
    ASSERT_EQ(articles.size(), 2u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 2\nExchange of information");
}

// ---- hostile text -------------------------------------------------------------------------

TEST(OdtWriter, HostilePartyNameComesBackIntact) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    EXPECT_EQ(text_of(paragraphs(p, "Title").at(0)),
              "Memorandum of Understanding between " + test::hostile_party_en_clean + " and the National Police");
    auto headings = paragraphs(p, "Signature_20_Heading");
    ASSERT_EQ(headings.size(), 2u);
    EXPECT_EQ(text_of(headings[0]), "For " + test::hostile_party_en_clean);
}

TEST(OdtWriter, SpacesSurviveOdfWhiteSpaceCollapsing) {
    auto doc = test::sample_document(Layout::single);
    const std::string spaced = "  two leading,  two inner,\ttab,\nnewline, trailing  ";
    doc.rows[1].cells[0].spans = {{spaced, drafting::Span::Style::plain, {}},
                                  {" next", drafting::Span::Style::term, {}}};
    Package p = open_package(render_odt(doc));
    auto preamble = p.body().select_node("text:p[2]").node();
    EXPECT_EQ(text_of(preamble), spaced + " next");
}

TEST(OdtWriter, VeryLongAndHostileTextGivesAValidFile) {
    auto doc = test::sample_document(Layout::side_by_side);
    std::string controls;
    for (char c = 1; c < 0x20; ++c) controls += c;
    std::string hostile = "]]><!-- &amp; &#0; \"' </text:p></office:text>" + controls + "\xC3\x28 \xFF\xFE end";
    std::string long_name;
    while (long_name.size() < 10000) long_name += "Direction g\xC3\xA9n\xC3\xA9rale des douanes \xD8\xB9 ";
    doc.rows[0].cells[0].spans[0].text = long_name;
    doc.title.en = long_name;
    doc.rows[1].cells[0].spans[0].text = hostile;
    doc.rows[1].cells[1].spans.push_back({hostile, drafting::Span::Style::missing_field, {}});
    doc.rows.back().cells[0].signatures[0].heading = long_name + hostile;
    Package p = open_package(render_odt(doc));
    std::string body = body_text(p);
    EXPECT_NE(body.find(clean_text(long_name)), std::string::npos);
    EXPECT_NE(body.find(clean_text(hostile)), std::string::npos);
    // The header is shortened: a 10,000-character title would push the text off the page.
    EXPECT_LT(text_of(p.root("styles.xml").select_node("//style:master-page/style:header").node()).size(), 1000u);
}

// ---- references ---------------------------------------------------------------------------

TEST(OdtWriter, ReferencesLinkToBookmarksOnArticleHeadings) {
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        Package p = open_package(render_odt(test::sample_document(layout)));
        std::map<std::string, pugi::xml_node> bookmarks;
        for (auto x : p.body().select_nodes(".//text:bookmark-start")) {
            std::string bookmark = x.node().attribute("text:name").value();
            EXPECT_TRUE(bookmarks.emplace(bookmark, x.node().parent()).second) << "duplicate bookmark " << bookmark;
            EXPECT_TRUE(p.body().select_node((".//text:bookmark-end[@text:name='" + bookmark + "']").c_str()))
                << bookmark;
        }
        const std::size_t languages = layout == Layout::single ? 1 : 2;
        EXPECT_EQ(bookmarks.size(), 2 * languages);
        for (const auto& [bookmark, heading] : bookmarks) {
            EXPECT_EQ(named_style(p, style_of(heading)), "Heading_20_2") << bookmark;
            EXPECT_EQ(text_of(heading).substr(0, 9), "Article " + std::string(1, bookmark[8])) << bookmark;
        }
        EXPECT_TRUE(bookmarks.count("article-1"));
        auto links = p.body().select_nodes(".//text:a");
        EXPECT_EQ(links.size(), languages);
        for (auto x : links) {
            std::string href = x.node().attribute("xlink:href").value();
            ASSERT_EQ(href.substr(0, 1), "#");
            ASSERT_TRUE(bookmarks.count(href.substr(1))) << "link to missing bookmark " << href;
            EXPECT_EQ(text_of(bookmarks[href.substr(1)]).substr(0, 9), "Article 1");
            EXPECT_EQ(text_of(x.node()), href.ends_with("-fr") ? "article 1" : "Article 1");
        }
    }
}

TEST(OdtWriter, MissingFieldIsHighlighted) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    auto span = p.body().select_node(".//text:span[@text:style-name='Missing_20_Field']").node();
    ASSERT_TRUE(span);
    EXPECT_EQ(text_of(span), "[Response time (days)]");
    auto style =
        p.root("styles.xml").select_node("//style:style[@style:name='Missing_20_Field']/style:text-properties").node();
    EXPECT_STREQ(style.attribute("fo:background-color").value(), "#ffff00");
}

// ---- layouts ------------------------------------------------------------------------------

TEST(OdtWriter, SingleLayoutHoldsOnlyTheFirstLanguage) {
    auto doc = test::sample_document(Layout::side_by_side);
    doc.layout = Layout::single;
    Package p = open_package(render_odt(doc));
    std::string body = body_text(p);
    EXPECT_NE(body.find("Purpose"), std::string::npos);
    EXPECT_EQ(body.find("Objet"), std::string::npos);
    EXPECT_EQ(p.root("styles.xml").select_nodes("//style:master-page").size(), 1u);
}

TEST(OdtWriter, SideBySideIsATwoColumnTableWithOneRowPerDocumentRow) {
    auto doc = test::sample_document(Layout::side_by_side);
    Package p = open_package(render_odt(doc));
    pugi::xml_node table = p.body().child("table:table");
    ASSERT_TRUE(table);
    EXPECT_EQ(table.select_nodes("table:table-column").size(), 2u);
    EXPECT_EQ(table.select_nodes("table:table-row").size(), doc.rows.size());
    // No borders: the one cell style says so.
    auto cell_style =
        p.root("content.xml").select_node("//style:style[@style:name='Cell']/style:table-cell-properties").node();
    EXPECT_STREQ(cell_style.attribute("fo:border").value(), "none");
    pugi::xml_node first = table.child("table:table-row");
    EXPECT_STREQ(first.child("table:table-cell").attribute("table:number-columns-spanned").value(), "2");
    EXPECT_TRUE(first.child("table:covered-table-cell"));
    // French cells carry the French language through their automatic styles.
    for (auto row : table.children("table:table-row")) {
        if (row == first) continue;
        auto cells = row.select_nodes("table:table-cell");
        ASSERT_EQ(cells.size(), 2u);
        auto right = cells[1].node().select_node(".//text:p | .//text:h").node();
        std::string style = style_of(right);
        auto props = p.root("content.xml")
                         .select_node(("//style:style[@style:name='" + style + "']/style:text-properties").c_str())
                         .node();
        EXPECT_STREQ(props.attribute("fo:language").value(), "fr") << style;
    }
    auto articles = paragraphs(p, "Heading_20_2");
    ASSERT_EQ(articles.size(), 4u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 1\nObjet");
    // pandoc's ODT reader keeps only paragraphs in cells: no text:h, no nested table there.
    EXPECT_FALSE(table.select_node(".//text:h"));
    EXPECT_FALSE(table.select_node(".//table:table"));
    // The signature row stacks the parties in each language's cell.
    auto signature_cells = table.select_nodes("table:table-row[last()]/table:table-cell");
    ASSERT_EQ(signature_cells.size(), 2u);
    for (auto c : signature_cells) {
        std::size_t headings = 0;
        for (auto para : c.node().children("text:p"))
            if (named_style(p, style_of(para)) == "Signature_20_Heading") ++headings;
        EXPECT_EQ(headings, 2u);
    }
    EXPECT_EQ(text_of(signature_cells[1].node().child("text:p")), "Pour " + test::hostile_party_en_clean);
    EXPECT_STREQ(table.select_node("table:table-row[last()]").node().attribute("table:style-name").value(),
                 "SignatureRow");
}

TEST(OdtWriter, SequenceHasBothLanguagesInOrderOnTheirOwnPages) {
    Package p = open_package(render_odt(test::sample_document(Layout::sequence)));
    auto articles = paragraphs(p, "Heading_20_2");
    ASSERT_EQ(articles.size(), 4u);
    EXPECT_EQ(text_of(articles[0]), "Article 1\nPurpose");
    EXPECT_EQ(text_of(articles[1]), "Article 2\nExchange of information");
    EXPECT_EQ(text_of(articles[2]), "Article 1\nObjet");
    EXPECT_EQ(text_of(articles[3]),
              "Article 2\n\xC3\x89"
              "change d'informations");
    // The French title starts the second page style: a page break, a French header and footer.
    auto titles = paragraphs(p, "Title");
    ASSERT_EQ(titles.size(), 2u);
    auto french_title_style =
        p.root("content.xml").select_node(("//style:style[@style:name='" + style_of(titles[1]) + "']").c_str()).node();
    EXPECT_STREQ(french_title_style.attribute("style:master-page-name").value(), "Second_20_Language");
    EXPECT_STREQ(french_title_style.child("style:text-properties").attribute("fo:language").value(), "fr");
    auto second = p.root("styles.xml").select_node("//style:master-page[@style:name='Second_20_Language']").node();
    ASSERT_TRUE(second);
    EXPECT_NE(text_of(second.child("style:header")).find("M\xC3\xA9morandum d'entente"), std::string::npos);
    EXPECT_EQ(text_of(second.child("style:footer")), "Page 1 sur 1");
    std::string body = body_text(p);
    EXPECT_LT(body.find("Signed at Vienna"), body.find("M\xC3\xA9morandum"));
}

TEST(OdtWriter, SignaturesAreATableWithOneCellPerParty) {
    Package p = open_package(render_odt(test::sample_document(Layout::single)));
    pugi::xml_node table = p.body().child("table:table");
    ASSERT_TRUE(table);
    auto cells = table.select_nodes("table:table-row/table:table-cell");
    ASSERT_EQ(cells.size(), 2u);
    std::vector<std::string> lines;
    for (auto para : cells[1].node().children("text:p")) lines.push_back(style_of(para) + "|" + text_of(para));
    EXPECT_EQ(lines,
              (std::vector<std::string>{"Signature_20_Heading|For the National Police", "Signature|Name: Jean Dupont",
                                        "Signature|Date: 1 March 2027", "Signature_20_Line|"}));
}

TEST(OdtWriter, EmptyAndOneLanguageDocumentsStillGiveValidFiles) {
    drafting::Document empty;
    empty.languages = {Language::fr};
    Package p = open_package(render_odt(empty));
    EXPECT_TRUE(p.body());

    auto doc = test::sample_document(Layout::single);
    doc.layout = Layout::sequence;  // one language: falls back to the single layout
    Package q = open_package(render_odt(doc));
    EXPECT_EQ(paragraphs(q, "Heading_20_2").size(), 2u);

    drafting::Document none;
    EXPECT_THROW(render_odt(none), Error);
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
    if (layout != Layout::single) {
        at("Objet");
    }
    if (layout == Layout::sequence) {
        EXPECT_LT(at("Exchange of information"), at("Objet"));
    }
}

TEST(OdtWriter, ReadBackByLibreOffice) {
    if (!on_path("soffice")) GTEST_SKIP() << "soffice is not installed";
    fs::path dir = output_dir("odt-libreoffice");
    std::string files;
    for (const auto& [layout, name] : all_layouts) files += " " + quoted(write_sample(dir, name, layout).string());
    // A private profile: parallel runs sharing one would lock each other out.
    fs::path profile = fs::temp_directory_path() / ("moudesk-soffice-odt-" + std::to_string(::getpid()));
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

TEST(OdtWriter, ReadBackByPandoc) {
    if (!on_path("pandoc")) GTEST_SKIP() << "pandoc is not installed";
    fs::path dir = output_dir("odt-pandoc");
    auto convert = [&](const fs::path& odt, const std::string& to, const fs::path& out) {
        std::string command = "timeout 120 pandoc --standalone -f odt -t " + to + " --wrap=none -o " +
                              quoted(out.string()) + " " + quoted(odt.string()) + " 2>> " +
                              quoted((dir / "pandoc.log").string());
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        return fs::exists(out) ? read_file(out) : std::string();
    };
    for (const auto& [layout, name] : all_layouts) {
        SCOPED_TRACE(name);
        fs::path odt = write_sample(dir, name, layout);
        // pandoc folds runs of spaces into one, like any Markdown-minded reader: the party name
        // comes back with one space where the dropped control character left two.
        expect_sample_text(convert(odt, "plain", dir / (name + ".txt")), layout,
                           collapse_spaces(test::hostile_party_en_clean));
    }
    // pandoc's structure shows that it understood the headings and the cross-reference.
    std::string markdown = convert(dir / "single.odt", "markdown", dir / "single.md");
    // Headings by level; pandoc may put its own anchor before the text.
    auto heading = [&](const std::string& marker, const std::string& text) {
        std::size_t line = 0;
        for (std::size_t end; (end = markdown.find('\n', line)) != std::string::npos; line = end + 1) {
            std::string_view l(markdown.data() + line, end - line);
            if (l.starts_with(marker + " ") && l.find(text) != std::string_view::npos) return true;
        }
        return false;
    };
    EXPECT_TRUE(heading("#", "General provisions")) << markdown;
    EXPECT_TRUE(heading("##", "Article 1 Purpose"));
    EXPECT_TRUE(heading("##", "Article 2 Exchange of information"));
    EXPECT_NE(markdown.find("](#article-1)"), std::string::npos) << "the reference is a link to the article";
}

}  // namespace
}  // namespace moudesk::render
