#include "../../src/render/zip_package.h"

#include <gtest/gtest.h>

#include <string>

#include "moudesk/core/error.h"

namespace moudesk::render {
namespace {

TEST(ZipPackage, EntriesComeBackInOrderWithTheirBytes) {
    ZipPackage zip;
    std::string binary("a\0b\xff\x01", 5);
    std::string big(1 << 20, 'x');
    zip.add("first.txt", "hello");
    zip.add("folder/binary.bin", binary);
    zip.add("big.txt", big);
    zip.add("empty", "");
    auto entries = read_zip(zip.bytes());
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].name, "first.txt");
    EXPECT_EQ(entries[0].data, "hello");
    EXPECT_EQ(entries[1].name, "folder/binary.bin");
    EXPECT_EQ(entries[1].data, binary);
    EXPECT_EQ(entries[2].data, big);
    EXPECT_FALSE(entries[2].stored);
    EXPECT_EQ(entries[3].name, "empty");
    EXPECT_EQ(entries[3].data, "");
}

TEST(ZipPackage, DeflatesByDefault) {
    ZipPackage zip;
    zip.add("big.txt", std::string(100000, 'x'));
    EXPECT_LT(zip.bytes().size(), 10000u);
}

// ODF readers sniff the media type at byte 30 (after the 30-byte local header) and 38 (after
// the 8-byte name): this only holds for a stored first entry without an extra field.
TEST(ZipPackage, StoredFirstEntryIsReadableAtAFixedOffset) {
    ZipPackage zip;
    zip.add("mimetype", "application/vnd.oasis.opendocument.text", ZipPackage::Compression::store);
    zip.add("content.xml", std::string(5000, 'c'));
    std::string bytes = zip.bytes();
    ASSERT_GT(bytes.size(), 80u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04"));
    EXPECT_EQ(bytes[8], 0) << "compression method must be 0 (stored)";
    EXPECT_EQ(bytes[9], 0);
    EXPECT_EQ(bytes[28], 0) << "no extra field";
    EXPECT_EQ(bytes[29], 0);
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
    auto entries = read_zip(bytes);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_TRUE(entries[0].stored);
    EXPECT_FALSE(entries[1].stored);
}

TEST(ZipPackage, SameContentGivesSameBytes) {
    auto build = [] {
        ZipPackage zip;
        zip.add("a.xml", "<a/>");
        zip.add("b.xml", "<b/>");
        return zip.bytes();
    };
    EXPECT_EQ(build(), build());
}

TEST(ZipPackage, EmptyPackageIsAValidEmptyArchive) {
    ZipPackage zip;
    std::string bytes = zip.bytes();
    EXPECT_EQ(bytes.size(), 22u);
    EXPECT_TRUE(read_zip(bytes).empty());
}

TEST(ZipPackage, DuplicateOrEmptyNamesAreRefused) {
    ZipPackage zip;
    zip.add("a", "1");
    EXPECT_THROW(zip.add("a", "2"), Error);
    EXPECT_THROW(zip.add("", "2"), Error);
}

TEST(ZipPackage, GarbageIsNotAZip) {
    try {
        read_zip("this is not a zip archive at all, just text");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    }
    ZipPackage zip;
    zip.add("a.txt", std::string(1000, 'a'));
    std::string truncated = zip.bytes();
    truncated.resize(truncated.size() - 10);
    EXPECT_THROW(read_zip(truncated), Error);
}

}  // namespace
}  // namespace moudesk::render
