#pragma once
/// @brief The one adapter over minizip: builds zip packages (DOCX, ODT) in memory and reads them
/// back (tests, readers). No minizip type leaks out of this header.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moudesk {

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
    /// the same bytes. Throws Error(internal) when minizip fails.
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
/// bytes are not a consistent zip archive, an entry cannot be read or fails its CRC, or the
/// archive declares more than 256 MiB uncompressed for one entry or 1 GiB in all (zip bombs).
std::vector<ZipEntry> read_zip(std::string_view bytes);

/// The uncompressed bytes of the entry `name` of the zip archive `bytes`, or nothing when the
/// archive has no such entry; only that entry is unpacked. Throws Error(bad_input) as read_zip()
/// does, the size limit being the one per entry.
std::optional<std::string> read_zip_entry(std::string_view bytes, const std::string& name);

}  // namespace moudesk
