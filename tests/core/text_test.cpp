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

TEST(Text, AppendXmlEscapedAddsToWhatIsThere) {
    std::string out = "<w:t>";
    append_xml_escaped(out, "Tom & Jerry's <b>");
    EXPECT_EQ(out, "<w:t>Tom &amp; Jerry&apos;s &lt;b&gt;");
    append_xml_escaped(out, "");
    append_xml_escaped(out, "&");
    EXPECT_EQ(out, "<w:t>Tom &amp; Jerry&apos;s &lt;b&gt;&amp;");
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

TEST(Text, DecodesAndEncodesUtf8CodePoints) {
    char32_t cp = 0;
    EXPECT_EQ(decode_utf8("a", 0, cp), 1u);
    EXPECT_EQ(cp, U'a');
    EXPECT_EQ(decode_utf8("xé", 1, cp), 2u);
    EXPECT_EQ(cp, U'é');
    EXPECT_EQ(decode_utf8("\xE2\x80\x99", 0, cp), 3u);
    EXPECT_EQ(cp, U'\u2019');
    EXPECT_EQ(decode_utf8("\xF0\x9F\x9B\x83", 0, cp), 4u);
    EXPECT_EQ(cp, U'\U0001F6C3');
    EXPECT_EQ(decode_utf8("\xC3", 0, cp), 0u) << "cut off by the end of the text";
    EXPECT_EQ(decode_utf8("\xC0\xAF", 0, cp), 0u) << "overlong";
    EXPECT_EQ(decode_utf8("\xED\xA0\x80", 0, cp), 0u) << "surrogate";
    EXPECT_EQ(decode_utf8("\x80", 0, cp), 0u) << "stray continuation byte";

    std::string out;
    for (char32_t c : {U'a', U'é', U'\u2019', U'\U0001F6C3'}) append_utf8(out, c);
    EXPECT_EQ(out, "aé\xE2\x80\x99\xF0\x9F\x9B\x83");

    EXPECT_TRUE(is_valid_utf8("Échange d’informations"));
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_FALSE(is_valid_utf8("caf\xE9"));  // Latin-1 é
    EXPECT_FALSE(is_valid_utf8("a\xC0\xAF"));
}
