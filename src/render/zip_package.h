#pragma once
/// @brief The one adapter over libzip: builds zip packages (DOCX, ODT) in memory and reads them
/// back (tests, readers). No libzip type leaks out of this header.

#include <string>
#include <string_view>
#include <vector>

namespace moudesk::render {

/// A zip archive built in memory; entries are written in the order they are added.
class ZipPackage {
public:
    enum class Compression {
        deflate,
        store  ///< uncompressed, for ODF's "mimetype", which readers sniff at a fixed offset
    };

    /// Adds an entry. Throws Error(internal) if `name` was already added or is empty.
    void add(std::string name, std::string data, Compression compression = Compression::deflate);

    /// The bytes of the archive. Entries get a fixed timestamp so the same content always gives
    /// the same bytes. Throws Error(internal) when libzip fails.
    std::string bytes() const;

private:
    struct Entry {
        std::string name;
        std::string data;
        Compression compression;
    };
    std::vector<Entry> entries_;
};

/// One entry read back from an archive.
struct ZipEntry {
    std::string name;
    std::string data;     ///< uncompressed content
    bool stored = false;  ///< true when the entry is not compressed
};

/// The entries of the zip archive `bytes`, in archive order. Throws Error(bad_input) when the
/// bytes are not a consistent zip archive or an entry cannot be read.
std::vector<ZipEntry> read_zip(std::string_view bytes);

}  // namespace moudesk::render
