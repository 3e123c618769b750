// HTML writer: a self-contained, well-formed page with escaped text, anchors and both layouts.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "moudesk/render/writer.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

using drafting::Layout;

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

// Every element closed in order (void elements aside): a cheap well-formedness check that
// catches a missing </td> or an unescaped '<' in user text.
std::string first_nesting_error(const std::string& html) {
    static const std::set<std::string> void_elements = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"};
    std::vector<std::string> open;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        if (html.compare(i, 9, "<!DOCTYPE") == 0) {
            i = html.find('>', i);
            continue;
        }
        if (html.compare(i, 7, "<style>") == 0) {
            i = html.find("</style>", i) + 8;
            continue;
        }
        std::size_t end = html.find('>', i);
        if (end == std::string::npos) return "unterminated tag";
        std::string tag = html.substr(i + 1, end - i - 1);
        i = end;
        bool closing = !tag.empty() && tag[0] == '/';
        std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" />", closing ? 1 : 0) - (closing ? 1 : 0));
        if (void_elements.count(name)) continue;
        if (!closing) {
            open.push_back(name);
        } else if (open.empty() || open.back() != name) {
            return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
        } else {
            open.pop_back();
        }
    }
    return open.empty() ? std::string() : "<" + open.back() + "> left open";
}

TEST(HtmlWriter, IsASelfContainedWellFormedPage) {
    for (Layout layout : {Layout::single, Layout::side_by_side, Layout::sequence}) {
        SCOPED_TRACE(drafting::to_code(layout));
        std::string html = render_html(test::sample_document(layout));
        EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
        EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
        EXPECT_NE(html.find("<style>"), std::string::npos);
        EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
        EXPECT_EQ(html.find("<link"), std::string::npos);
        EXPECT_EQ(html.find("<script"), std::string::npos);
        EXPECT_EQ(html.find("src="), std::string::npos);
        EXPECT_EQ(html.find("http://"), std::string::npos);
        EXPECT_EQ(html.find("https://"), std::string::npos);
        EXPECT_EQ(first_nesting_error(html), "");
    }
}

TEST(HtmlWriter, EscapesUserTextAndDropsControlCharacters) {
    std::string html = render_html(test::sample_document(Layout::single));
    EXPECT_NE(html.find("Customs &amp; Excise &lt;Border&gt; &quot;Directorate&quot; &apos;Sud&apos;"),
              std::string::npos);
    EXPECT_EQ(html.find("<Border>"), std::string::npos);
    EXPECT_EQ(html.find('\x01'), std::string::npos);
    EXPECT_NE(html.find("\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83"), std::string::npos)
        << "Arabic kept";
    EXPECT_NE(html.find("<title>Memorandum of Understanding between Customs &amp; Excise"), std::string::npos);
}

TEST(HtmlWriter, ArticlesAreAnchorsAndReferencesLinkToThem) {
    std::string html = render_html(test::sample_document(Layout::single));
    EXPECT_EQ(count(html, "id=\"article-1\""), 1u);
    EXPECT_EQ(count(html, "id=\"article-2\""), 1u);
    EXPECT_NE(html.find("<a class=\"reference\" href=\"#article-1\">Article 1</a>"), std::string::npos);
    EXPECT_NE(html.find("<mark class=\"missing\">"), std::string::npos);
    EXPECT_NE(html.find("[Response time (days)]"), std::string::npos);
    EXPECT_NE(html.find("dir=\"auto\""), std::string::npos);
    EXPECT_EQ(html.find("lang=\"fr\""), std::string::npos);
}

TEST(HtmlWriter, ReferenceToUnknownArticleIsPlainText) {
    drafting::Document doc = test::sample_document(Layout::single);
    for (auto& row : doc.rows)
        for (auto& cell : row.cells)
            for (auto& span : cell.spans)
                if (span.style == drafting::Span::Style::reference) span.link = "article-99";
    std::string html = render_html(doc);
    EXPECT_EQ(html.find("href=\"#article-99\""), std::string::npos);
    EXPECT_NE(html.find("as set out in Article 1 within"), std::string::npos);
}

TEST(HtmlWriter, SideBySideIsOneTableRowPerDocumentRow) {
    drafting::Document doc = test::sample_document(Layout::side_by_side);
    std::string html = render_html(doc);
    std::size_t table = html.find("<table class=\"side-by-side\">");
    ASSERT_NE(table, std::string::npos);
    // Rows of the outer table only: the signature grid nests its own table.
    std::string outer = html.substr(table);
    std::size_t signatures = outer.find("<table class=\"signatures\">");
    EXPECT_EQ(count(outer.substr(0, signatures), "<tr>"), doc.rows.size());
    EXPECT_EQ(count(html, "<td lang=\"en\">"), doc.rows.size());
    EXPECT_EQ(count(html, "<td lang=\"fr\">"), doc.rows.size());
    EXPECT_EQ(count(html, "id=\"article-1\""), 1u) << "ids stay unique";
    EXPECT_EQ(count(html, "href=\"#article-1\""), 2u) << "both languages link to the row";
    EXPECT_NE(html.find("Dispositions générales"), std::string::npos);
}

TEST(HtmlWriter, SequenceIsTwoSectionsWithTheirOwnAnchors) {
    std::string html = render_html(test::sample_document(Layout::sequence));
    std::size_t en = html.find("<section lang=\"en\">");
    std::size_t fr = html.find("<section lang=\"fr\">");
    ASSERT_NE(en, std::string::npos);
    ASSERT_NE(fr, std::string::npos);
    EXPECT_LT(en, fr);
    EXPECT_LT(html.find("Signed at Vienna"), fr);
    EXPECT_GT(html.find("Signé à Vienne"), fr);
    EXPECT_EQ(count(html, "id=\"article-1\""), 1u);
    EXPECT_EQ(count(html, "id=\"fr-article-1\""), 1u);
    EXPECT_GT(html.find("href=\"#fr-article-1\""), fr);
}

TEST(HtmlWriter, SignaturesListEveryParty) {
    std::string html = render_html(test::sample_document(Layout::single));
    EXPECT_NE(html.find("<table class=\"signatures\">"), std::string::npos);
    EXPECT_NE(html.find("Name: Amal Haddad"), std::string::npos);
    EXPECT_NE(html.find("Name: Jean Dupont"), std::string::npos);
    EXPECT_NE(html.find("<b>For the National Police</b>"), std::string::npos);
}

}  // namespace
}  // namespace moudesk::render
