#include "moudesk/zip/zip_package.h"

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

#include "moudesk/core/error.h"

namespace moudesk {

namespace {

// ---- limits and fixed header values -----------------------------------------------------------

// A few kilobytes of deflated zeros can declare gigabytes: refuse before allocating. Our own
// packages stay far below both limits.
constexpr ZPOS64_T max_entry_size = ZPOS64_T{256} << 20;
constexpr ZPOS64_T max_total_size = ZPOS64_T{1} << 30;

// 2000-01-01 12:00:00 as an MS-DOS date (high half) and time (low half), written as is: no time
// zone or mktime gets a say, so the same content always gives the same bytes.
constexpr uLong fixed_dos_time = uLong{(2000 - 1980) << 9 | 1 << 5 | 1} << 16 | uLong{12 << 11};

// General purpose bit 11: the names are UTF-8.
constexpr uLong utf8_names = 1 << 11;

// "Made by" Unix with the permissions of a regular file, rw-rw-rw-, as libzip wrote them: tools
// that honour Unix permissions (unzip) extract ordinary readable files.
constexpr uLong made_by_unix = 3 << 8 | 20;
constexpr uLong regular_file_attributes = uLong{0100666} << 16;

[[noreturn]] void fail(ErrorCategory category, const std::string& what) {
    throw Error(category, "zip archive: " + what);
}

// What a minizip or zlib return code means, for messages.
std::string describe(int code) {
    switch (code) {
        case ZIP_ERRNO: return "input/output error";
        case ZIP_PARAMERROR: return "invalid parameter";
        case ZIP_BADZIPFILE: return "inconsistent zip structure";
        case ZIP_INTERNALERROR: return "minizip internal error";
        case UNZ_CRCERROR: return "CRC mismatch";
        case UNZ_END_OF_LIST_OF_FILE: return "fewer entries than the directory declares";
        case Z_DATA_ERROR: return "corrupt compressed data";
        case Z_MEM_ERROR: return "out of memory";
        case Z_STREAM_ERROR: return "bad compression parameters";
        default: return "minizip error " + std::to_string(code);
    }
}

// ---- minizip streams over memory --------------------------------------------------------------

// The archive being written: minizip writes each local header, then seeks back to fill in the
// sizes and CRC, so writes may overwrite as well as append.
struct WriteBuffer {
    std::string bytes;
    std::size_t position = 0;
};

struct ReadBuffer {
    std::string_view bytes;
    std::size_t position = 0;
};

// minizip's file name is unused: the buffer itself comes in as `opaque` and serves as the stream.
voidpf open_buffer(voidpf opaque, const void*, int) {
    return opaque;
}

template <class Buffer>
uLong read_buffer(voidpf, voidpf stream, void* out, uLong size) {
    auto& b = *static_cast<Buffer*>(stream);
    const std::size_t n = std::min<std::size_t>(size, b.bytes.size() - b.position);
    std::memcpy(out, b.bytes.data() + b.position, n);
    b.position += n;
    return static_cast<uLong>(n);
}

uLong write_buffer(voidpf, voidpf stream, const void* data, uLong size) {
    auto& b = *static_cast<WriteBuffer*>(stream);
    // Replaces what lies under the position and appends the rest.
    b.bytes.replace(b.position, size, static_cast<const char*>(data), size);
    b.position += size;
    return size;
}

// A read-only buffer refuses writes: minizip then reports an I/O error.
uLong refuse_write(voidpf, voidpf, const void*, uLong) {
    return 0;
}

template <class Buffer>
ZPOS64_T tell_buffer(voidpf, voidpf stream) {
    return static_cast<Buffer*>(stream)->position;
}

// Seeks stay inside the buffer: a directory pointing past the end is an error, not a read of
// whatever lies beyond.
template <class Buffer>
long seek_buffer(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto& b = *static_cast<Buffer*>(stream);
    const std::size_t size = b.bytes.size();
    std::size_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = b.position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = size;
    else if (origin != ZLIB_FILEFUNC_SEEK_SET)
        return -1;
    if (offset > size - base) return -1;
    b.position = base + static_cast<std::size_t>(offset);
    return 0;
}

int close_buffer(voidpf, voidpf) {
    return 0;
}
int buffer_error(voidpf, voidpf) {
    return 0;
}

template <class Buffer>
zlib_filefunc64_def memory_functions(Buffer& buffer) {
    zlib_filefunc64_def functions{};
    functions.zopen64_file = open_buffer;
    functions.zread_file = read_buffer<Buffer>;
    if constexpr (std::is_same_v<Buffer, WriteBuffer>)
        functions.zwrite_file = write_buffer;
    else
        functions.zwrite_file = refuse_write;
    functions.ztell64_file = tell_buffer<Buffer>;
    functions.zseek64_file = seek_buffer<Buffer>;
    functions.zclose_file = close_buffer;
    functions.zerror_file = buffer_error;
    functions.opaque = &buffer;
    return functions;
}

// zipClose and unzClose free the handle even when they fail.
struct ZipCloser {
    void operator()(zipFile zip) const { zipClose(zip, nullptr); }
};
using ZipWriter = std::unique_ptr<void, ZipCloser>;

struct UnzipCloser {
    void operator()(unzFile zip) const { unzClose(zip); }
};
using ZipReader = std::unique_ptr<void, UnzipCloser>;

// ---- writing ----------------------------------------------------------------------------------

void open_entry(zipFile zip, const std::string& name, ZipPackage::Compression compression) {
    zip_fileinfo info{};
    info.dosDate = fixed_dos_time;
    info.external_fa = regular_file_attributes;
    const bool store = compression == ZipPackage::Compression::store;
    // Level 1: a third of the time of the default level, for files about a quarter larger.
    const int method = store ? 0 : Z_DEFLATED;
    const int level = store ? 0 : 1;
    // No Zip64 extra field: a stored "mimetype" must start right after its 30-byte header.
    const int rc =
        zipOpenNewFileInZip4_64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, method, level, 0, -MAX_WBITS,
                                DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, made_by_unix, utf8_names, 0);
    if (rc != ZIP_OK) fail(ErrorCategory::internal, "cannot add " + name + ": " + describe(rc));
}

void write_entry(zipFile zip, const std::string& name, const std::string& data, ZipPackage::Compression compression) {
    open_entry(zip, name, compression);
    // zipWriteInFileInZip takes an unsigned length.
    constexpr std::size_t max_chunk = std::size_t{1} << 30;
    for (std::size_t done = 0; done < data.size();) {
        const auto chunk = static_cast<unsigned>(std::min(data.size() - done, max_chunk));
        const int rc = zipWriteInFileInZip(zip, data.data() + done, chunk);
        if (rc != ZIP_OK) fail(ErrorCategory::internal, "cannot write " + name + ": " + describe(rc));
        done += chunk;
    }
    const int rc = zipCloseFileInZip(zip);
    if (rc != ZIP_OK) fail(ErrorCategory::internal, "cannot finish " + name + ": " + describe(rc));
}

// ---- reading ----------------------------------------------------------------------------------

// minizip misses an end-of-central-directory record at offset 0, which is where an archive with
// no entries has it: recognise that one here.
bool is_empty_archive(std::string_view bytes) {
    using namespace std::string_view_literals;
    return bytes.size() >= 22 && bytes.substr(0, 4) == "PK\5\6"sv && bytes.substr(8, 4) == "\0\0\0\0"sv;
}

// Moves to entry `index` of the directory, stepping from entry `index - 1`.
void go_to_entry(unzFile zip, ZPOS64_T index) {
    const int rc = index == 0 ? unzGoToFirstFile(zip) : unzGoToNextFile(zip);
    if (rc != UNZ_OK)
        fail(ErrorCategory::bad_input,
             "directory entry " + std::to_string(index + 1) + " is unreadable: " + describe(rc));
}

struct EntryInfo {
    std::string name;
    unz_file_info64 info{};
};

// The directory entry of the current entry, refused when moudesk could not unpack it.
EntryInfo current_entry(unzFile zip) {
    EntryInfo entry;
    int rc = unzGetCurrentFileInfo64(zip, &entry.info, nullptr, 0, nullptr, 0, nullptr, 0);
    if (rc != UNZ_OK) fail(ErrorCategory::bad_input, "unreadable directory entry: " + describe(rc));
    entry.name.resize(entry.info.size_filename);
    rc = unzGetCurrentFileInfo64(zip, nullptr, entry.name.data(), entry.name.size(), nullptr, 0, nullptr, 0);
    if (rc != UNZ_OK) fail(ErrorCategory::bad_input, "unreadable entry name: " + describe(rc));
    if (entry.info.flag & 1) fail(ErrorCategory::bad_input, entry.name + " is encrypted");
    const uLong method = entry.info.compression_method;
    if (method != 0 && method != Z_DEFLATED)
        fail(ErrorCategory::bad_input,
             entry.name + " uses compression method " + std::to_string(method) + ", neither stored nor deflated");
    return entry;
}

void check_entry_size(const EntryInfo& entry) {
    const ZPOS64_T size = entry.info.uncompressed_size;
    if (size > max_entry_size)
        fail(ErrorCategory::bad_input, entry.name + " declares " + std::to_string(size) +
                                           " bytes uncompressed, over the limit of 256 MiB per entry");
}

// A first pass over the directory refuses an entry or an archive that declares too much to
// unpack, before anything is unpacked.
void check_declared_sizes(unzFile zip, ZPOS64_T count) {
    ZPOS64_T total = 0;
    for (ZPOS64_T i = 0; i < count; ++i) {
        go_to_entry(zip, i);
        const EntryInfo entry = current_entry(zip);
        check_entry_size(entry);
        total += entry.info.uncompressed_size;  // no overflow: at most 1 GiB before plus at most 256 MiB
        if (total > max_total_size)
            fail(ErrorCategory::bad_input,
                 "the entries up to " + entry.name + " declare more than the limit of 1 GiB uncompressed in all");
    }
}

// Room for the current entry, allocated at once (growing a buffer as data arrives costs more than
// the inflating): its declared size, unless its compressed bytes could not possibly hold that much,
// deflate expanding data at most 1032 times; one byte more shows a stream longer than declared.
std::size_t room_for(const unz_file_info64& info, std::size_t archive_size) {
    const ZPOS64_T compressed = std::min<ZPOS64_T>(info.compressed_size, archive_size);
    const ZPOS64_T ratio = info.compression_method == 0 ? 1 : 1032;
    return static_cast<std::size_t>(std::min(info.uncompressed_size, compressed * ratio)) + 1;
}

// The bytes of the current entry, read to the end. The declared size is trusted only as a
// bound: a shorter stream, a longer one or a wrong CRC is refused.
std::string read_current_data(unzFile zip, const EntryInfo& entry, std::size_t archive_size) {
    int rc = unzOpenCurrentFile(zip);
    if (rc != UNZ_OK) fail(ErrorCategory::bad_input, "cannot open " + entry.name + ": " + describe(rc));
    std::string data(room_for(entry.info, archive_size), '\0');
    std::size_t size = 0;
    while (size < data.size() &&
           (rc = unzReadCurrentFile(zip, data.data() + size, static_cast<unsigned>(data.size() - size))) > 0)
        size += static_cast<std::size_t>(rc);
    data.resize(size);
    const int closed = unzCloseCurrentFile(zip);  // checks the CRC once the whole entry is read
    if (rc < 0) fail(ErrorCategory::bad_input, "cannot read " + entry.name + ": " + describe(rc));
    const ZPOS64_T declared = entry.info.uncompressed_size;
    if (size != declared)
        fail(ErrorCategory::bad_input, entry.name + " holds " + std::to_string(size) + " bytes, not the " +
                                           std::to_string(declared) + " its directory entry declares");
    if (closed != UNZ_OK) fail(ErrorCategory::bad_input, entry.name + " is damaged: " + describe(closed));
    return data;
}

ZipReader open_reader(zlib_filefunc64_def& functions) {
    ZipReader zip(unzOpen2_64(nullptr, &functions));
    if (!zip) fail(ErrorCategory::bad_input, "not a zip archive (no readable central directory)");
    return zip;
}

}  // namespace

void ZipPackage::add(std::string name, std::string data, Compression compression) {
    if (name.empty()) throw Error(ErrorCategory::internal, "zip package: empty entry name");
    for (const auto& e : entries_)
        if (e.name == name) throw Error(ErrorCategory::internal, "zip package: duplicate entry " + name);
    entries_.push_back({std::move(name), std::move(data), compression});
}

std::string ZipPackage::bytes() const {
    WriteBuffer out;  // outlives the writer, which writes into it until zipClose
    zlib_filefunc64_def functions = memory_functions(out);
    ZipWriter zip(zipOpen2_64(nullptr, APPEND_STATUS_CREATE, nullptr, &functions));
    if (!zip) fail(ErrorCategory::internal, "cannot start an archive in memory");
    for (const auto& e : entries_) write_entry(zip.get(), e.name, e.data, e.compression);
    // With no entries, this leaves the bare 22-byte end-of-central-directory record.
    const int rc = zipClose(zip.release(), nullptr);
    if (rc != ZIP_OK) fail(ErrorCategory::internal, "cannot write the central directory: " + describe(rc));
    return std::move(out.bytes);
}

std::vector<ZipEntry> read_zip(std::string_view bytes) {
    if (is_empty_archive(bytes)) return {};
    ReadBuffer in{bytes};
    zlib_filefunc64_def functions = memory_functions(in);
    ZipReader zip = open_reader(functions);
    unz_global_info64 global{};
    const int rc = unzGetGlobalInfo64(zip.get(), &global);
    if (rc != UNZ_OK) fail(ErrorCategory::bad_input, "unreadable central directory: " + describe(rc));

    check_declared_sizes(zip.get(), global.number_entry);

    std::vector<ZipEntry> entries;
    for (ZPOS64_T i = 0; i < global.number_entry; ++i) {
        go_to_entry(zip.get(), i);
        EntryInfo entry = current_entry(zip.get());
        const bool stored = entry.info.compression_method == 0;
        std::string data = read_current_data(zip.get(), entry, bytes.size());
        entries.push_back({std::move(entry.name), std::move(data), stored});
    }
    return entries;
}

std::optional<std::string> read_zip_entry(std::string_view bytes, const std::string& name) {
    if (is_empty_archive(bytes)) return std::nullopt;
    ReadBuffer in{bytes};
    zlib_filefunc64_def functions = memory_functions(in);
    ZipReader zip = open_reader(functions);
    if (unzLocateFile(zip.get(), name.c_str(), 1) != UNZ_OK) return std::nullopt;
    const EntryInfo entry = current_entry(zip.get());
    check_entry_size(entry);
    return read_current_data(zip.get(), entry, bytes.size());
}

}  // namespace moudesk
