#include "moudesk/core/text.h"

#include <gtest/gtest.h>

using namespace moudesk;

TEST(Text, CleanTextDropsControlCharactersAndRepairsInvalidUtf8) {
    EXPECT_EQ(clean_text("a\x01"
                         "b\tc\nd"),
              "ab\tc\nd");
    EXPECT_EQ(clean_text("x\r\ny\rz"), "x\ny\nz");
    EXPECT_EQ(clean_text("bad \xC3 byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(clean_text("overlong \xC0\xAF"), "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(clean_text("\xF0\x9F\x9B\x83 \xD8\xA7"), "\xF0\x9F\x9B\x83 \xD8\xA7") << "emoji and Arabic survive";
}

TEST(Text, XmlEscapeEscapesEverySpecialCharacter) {
    EXPECT_EQ(xml_escape("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
    EXPECT_EQ(xml_escape("\x02"), "");
}

TEST(Text, FoldCaseAndCapitalizeHandleAccents) {
    EXPECT_EQ(fold_case("ÉCHANGE Data"), "échange data");
    EXPECT_EQ(capitalize_first("échange"), "Échange");
    EXPECT_EQ(capitalize_first("the Parties"), "The Parties");
    EXPECT_EQ(capitalize_first(""), "");
}

TEST(Text, CountsCodePointsAndCollapsesSpaces) {
    EXPECT_EQ(count_code_points("é\xF0\x9F\x9B\x83"
                                "a"),
              3u);
    EXPECT_EQ(collapse_spaces("  a \n\t b  "), "a b");
}
