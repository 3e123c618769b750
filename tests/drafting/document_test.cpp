#include "moudesk/drafting/document.h"

#include <gtest/gtest.h>

using namespace moudesk;
using namespace moudesk::drafting;

TEST(Document, PlainTextJoinsSpansAndColumnsFollowLanguages) {
    Block b;
    b.spans = {{"See ", Span::Style::plain, {}}, {"Article 2", Span::Style::reference, "article-2"}};
    EXPECT_EQ(b.plain_text(), "See Article 2");
    Document d;
    d.languages = {Language::fr, Language::en};
    EXPECT_EQ(d.column_of(Language::en), 1);
    EXPECT_EQ(d.column_of(Language::fr), 0);
    EXPECT_STREQ(to_code(Layout::side_by_side), "side-by-side");
}
