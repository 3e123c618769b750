#include "moudesk/zip/zip_package.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "moudesk/core/error.h"

namespace moudesk {
namespace {

using ::testing::HasSubstr;

// ---- reading and patching the little-endian fields of an archive, to damage it on purpose ----

std::uint32_t field(const std::string& zip, std::size_t at, int width) {
    std::uint32_t value = 0;
    for (int i = width - 1; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(zip.at(at + i));
    return value;
}

void set_field(std::string& zip, std::size_t at, int width, std::uint32_t value) {
    for (int i = 0; i < width; ++i) zip.at(at + i) = static_cast<char>(value >> (8 * i) & 0xff);
}

// Offsets of the central directory headers, found from the end record (no archive comment).
std::vector<std::size_t> directory_headers(const std::string& zip) {
    const std::size_t end = zip.size() - 22;
    std::size_t at = field(zip, end + 16, 4);
    std::vector<std::size_t> headers;
    for (std::uint32_t n = field(zip, end + 10, 2); n > 0; --n) {
        headers.push_back(at);
        at += 46 + field(zip, at + 28, 2) + field(zip, at + 30, 2) + field(zip, at + 32, 2);
    }
    return headers;
}

// Offset of the data of the entry whose directory header is at `header`.
std::size_t entry_data(const std::string& zip, std::size_t header) {
    const std::size_t local = field(zip, header + 42, 4);
    return local + 30 + field(zip, local + 26, 2) + field(zip, local + 28, 2);
}

// The error read_zip throws; fails the test when it does not throw.
Error read_error(const std::string& bytes) {
    try {
        read_zip(bytes);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no error";
    return Error(ErrorCategory::internal, "");
}

std::string one_stored_entry() {
    ZipPackage zip;
    zip.add("a.txt", "hello", ZipPackage::Compression::store);
    return zip.bytes();
}

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

// Names are flagged UTF-8 (bit 11) and dated 2000-01-01 12:00 in DOS form, whatever the time zone.
TEST(ZipPackage, Utf8NamesAndAFixedDosTimestamp) {
    ZipPackage zip;
    zip.add("données/été.xml", "<é/>");
    const std::string bytes = zip.bytes();
    EXPECT_EQ(field(bytes, 6, 2) & 0x800, 0x800u) << "language encoding flag";
    EXPECT_EQ(field(bytes, 10, 2), 0x6000u) << "12:00:00";
    EXPECT_EQ(field(bytes, 12, 2), 0x2821u) << "2000-01-01";
    const std::size_t header = directory_headers(bytes).at(0);
    EXPECT_EQ(field(bytes, header + 8, 2) & 0x800, 0x800u);
    EXPECT_EQ(field(bytes, header + 12, 4), 0x28216000u);
    auto entries = read_zip(bytes);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "données/été.xml");
    EXPECT_EQ(entries[0].data, "<é/>");
}

TEST(ZipPackage, TruncatedArchiveIsRefused) {
    ZipPackage zip;
    zip.add("a.txt", std::string(1000, 'a'));
    zip.add("b.txt", std::string(1000, 'b'));
    const std::string bytes = zip.bytes();
    const std::size_t middle = entry_data(bytes, directory_headers(bytes).at(1));
    // Cut in the data: no end record. Four bytes lost inside: the directory no longer ends where
    // the end record begins.
    for (const std::string& cut : {bytes.substr(0, middle), bytes.substr(0, middle) + bytes.substr(middle + 4)}) {
        Error e = read_error(cut);
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        EXPECT_THAT(e.what(), HasSubstr("not a zip archive"));
    }
    // Cut in the end record: minizip reads the missing directory size and offset as zeros and
    // finds no directory entry where they point.
    Error e = read_error(bytes.substr(0, bytes.size() - 10));
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("directory entry 1 is unreadable: inconsistent zip structure"));
}

TEST(ZipPackage, WrongCrcIsRefusedNamingTheEntry) {
    std::string bytes = one_stored_entry();
    bytes.at(entry_data(bytes, directory_headers(bytes).at(0))) ^= 0x20;  // "hello" -> "Hello"
    Error e = read_error(bytes);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("a.txt is damaged: CRC mismatch"));
}

// The declared size bounds what is read, and what is read must reach it.
TEST(ZipPackage, DataShorterThanDeclaredIsRefused) {
    std::string bytes = one_stored_entry();
    const std::size_t header = directory_headers(bytes).at(0);
    set_field(bytes, header + 24, 4, 6);
    set_field(bytes, field(bytes, header + 42, 4) + 22, 4, 6);  // the local header agrees
    Error e = read_error(bytes);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("a.txt holds 5 bytes, not the 6 its directory entry declares"));
}

TEST(ZipPackage, AnEntryDeclaringOver256MiBIsRefused) {
    ZipPackage zip;
    zip.add("small.xml", "<a/>");
    zip.add("bomb.xml", std::string(1000, 'x'));
    std::string bytes = zip.bytes();
    set_field(bytes, directory_headers(bytes).at(1) + 24, 4, 300u << 20);
    Error e = read_error(bytes);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("bomb.xml declares 314572800 bytes uncompressed, over the limit of 256 MiB"));
}

// Each entry under the limit, five of them over 1 GiB: refused before any is unpacked.
TEST(ZipPackage, AnArchiveDeclaringOver1GiBIsRefused) {
    ZipPackage zip;
    for (char c : std::string("01234")) zip.add(std::string("part") + c, std::string(100, c));
    std::string bytes = zip.bytes();
    for (std::size_t header : directory_headers(bytes)) set_field(bytes, header + 24, 4, 250u << 20);
    Error e = read_error(bytes);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("the entries up to part4 declare more than the limit of 1 GiB"));
}

TEST(ZipPackage, AnUnknownCompressionMethodIsRefused) {
    std::string bytes = one_stored_entry();
    set_field(bytes, directory_headers(bytes).at(0) + 10, 2, 12);  // bzip2
    Error e = read_error(bytes);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("a.txt uses compression method 12"));
}

}  // namespace
}  // namespace moudesk
