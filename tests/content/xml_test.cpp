#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "moudesk/content/xml.h"

namespace moudesk::content::xml {
namespace {

using ::testing::HasSubstr;

TEST(SourceMap, LinesAndColumnsCountCodePoints) {
    const std::string text = "ab\nÉté x\n\nend";
    const SourceMap map(text);
    EXPECT_EQ(map.at("f", 0).line, 1);
    EXPECT_EQ(map.at("f", 0).column, 1);
    EXPECT_EQ(map.at("f", 2).column, 3);  // the newline itself ends line 1
    const std::size_t x = text.find('x');
    const SourceLocation at_x = map.at("f.xml", x);
    EXPECT_EQ(at_x.file, "f.xml");
    EXPECT_EQ(at_x.line, 2);
    EXPECT_EQ(at_x.column, 5);  // É, t, é, space are four characters but six bytes
    EXPECT_EQ(map.at("f", text.find("end")).line, 4);
    EXPECT_EQ(map.at("f", 10'000).line, 4);  // past the end: the end
    EXPECT_EQ(map.line_start(2), 3u);
    EXPECT_EQ(map.line_start(99), text.size());
}

TEST(Document, MalformedXmlIsOneErrorWithLineAndColumn) {
    Problems problems;
    const auto doc = Document::parse("<a>\n  <b>\n  </c>\n</a>\n", "bad.xml", problems);
    EXPECT_EQ(doc, nullptr);
    ASSERT_EQ(problems.size(), 1u);
    const Problem& problem = problems.items()[0];
    EXPECT_EQ(problem.where.file, "bad.xml");
    EXPECT_EQ(problem.where.line, 3);
    EXPECT_GT(problem.where.column, 0);
    EXPECT_THAT(problem.message, HasSubstr("malformed XML"));
}

TEST(Document, UnreadableFileIsAnError) {
    Problems problems;
    EXPECT_EQ(Document::load("/nonexistent/file.xml", problems), nullptr);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.items()[0].where.file, "/nonexistent/file.xml");
}

TEST(Document, NodesKnowWhereTheyAre) {
    Problems problems;
    const auto doc = Document::parse(
        "<?xml version=\"1.0\"?>\n<root>\n  <élément  a=\"1\"\n     b='x>y' c=\"2\"/>\n</root>", "ok.xml", problems);
    ASSERT_NE(doc, nullptr) << problems.to_string();
    const pugi::xml_node root = doc->root();
    EXPECT_EQ(doc->where(root).line, 2);
    EXPECT_EQ(doc->where(root).column, 1);                           // the '<', not the name
    const pugi::xml_node child = root.first_child().next_sibling();  // after the white space
    ASSERT_EQ(std::string(child.name()), "élément");
    EXPECT_EQ(doc->where(child).line, 3);
    EXPECT_EQ(doc->where(child).column, 3);
    EXPECT_EQ(doc->where(child, "a").column, 13);     // counted in characters: é is one
    const SourceLocation c = doc->where(child, "c");  // after a quoted '>'
    EXPECT_EQ(c.line, 4);
    EXPECT_EQ(c.column, 14);
    EXPECT_EQ(doc->where(child, "zz").column, 3);  // absent: the element
}

TEST(Document, KeepsWhiteSpaceBetweenMarkup) {
    Problems problems;
    const auto doc = Document::parse("<text><a/> <b/></text>", "t.xml", problems);
    ASSERT_NE(doc, nullptr);
    const pugi::xml_node space = doc->root().first_child().next_sibling();
    EXPECT_EQ(space.type(), pugi::node_pcdata);
    EXPECT_STREQ(space.value(), " ");
}

}  // namespace
}  // namespace moudesk::content::xml
