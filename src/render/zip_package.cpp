#include "zip_package.h"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "moudesk/core/error.h"

namespace moudesk::render {

namespace {

[[noreturn]] void fail(ErrorCategory category, const std::string& what, zip_error_t* error) {
    std::string message = "zip package: " + what;
    if (error) message += std::string(": ") + zip_error_strerror(error);
    throw Error(category, message);
}

// Owns a zip_error_t so every exit path releases it.
struct ZipError {
    zip_error_t value;
    ZipError() { zip_error_init(&value); }
    ~ZipError() { zip_error_fini(&value); }
    ZipError(const ZipError&) = delete;
    ZipError& operator=(const ZipError&) = delete;
};

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

// zip_discard frees the archive without writing anything.
struct ArchiveDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscard>;

// 1 January 2000, local time: libzip stores local DOS times, so a local mktime round-trips to the
// same stored value in every time zone, which keeps the output reproducible.
time_t fixed_mtime() {
    std::tm tm{};
    tm.tm_year = 100;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

// What libzip leaves for an archive with no entries: a bare end-of-central-directory record.
constexpr char empty_archive[22] = {'P', 'K', 5, 6};

}  // namespace

void ZipPackage::add(std::string name, std::string data, Compression compression) {
    if (name.empty()) throw Error(ErrorCategory::internal, "zip package: empty entry name");
    for (const auto& e : entries_)
        if (e.name == name) throw Error(ErrorCategory::internal, "zip package: duplicate entry " + name);
    entries_.push_back({std::move(name), std::move(data), compression});
}

std::string ZipPackage::bytes() const {
    // libzip deletes the target of an archive closed with no entries.
    if (entries_.empty()) return std::string(empty_archive, sizeof empty_archive);

    ZipError error;
    SourcePtr target(zip_source_buffer_create(nullptr, 0, 0, &error.value));
    if (!target) fail(ErrorCategory::internal, "cannot create buffer", &error.value);
    ArchivePtr archive(zip_open_from_source(target.get(), ZIP_TRUNCATE | ZIP_CREATE, &error.value));
    if (!archive) fail(ErrorCategory::internal, "cannot open buffer", &error.value);
    // The archive now owns one reference; keep ours so the written bytes outlive zip_close.
    zip_source_keep(target.get());

    const time_t mtime = fixed_mtime();
    for (const auto& e : entries_) {
        // The data stays alive in entries_ until zip_close has read it: no copy needed.
        zip_source_t* source = zip_source_buffer(archive.get(), e.data.data(), e.data.size(), 0);
        if (!source) fail(ErrorCategory::internal, "cannot add " + e.name, zip_get_error(archive.get()));
        zip_int64_t index = zip_file_add(archive.get(), e.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail(ErrorCategory::internal, "cannot add " + e.name, zip_get_error(archive.get()));
        }
        auto i = static_cast<zip_uint64_t>(index);
        zip_int32_t method = e.compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
        // Level 1: a third of the time of the default level, for files about a quarter larger.
        if (zip_set_file_compression(archive.get(), i, method, 1) < 0 ||
            zip_file_set_mtime(archive.get(), i, mtime, 0) < 0)
            fail(ErrorCategory::internal, "cannot set up " + e.name, zip_get_error(archive.get()));
    }
    if (zip_close(archive.get()) < 0) fail(ErrorCategory::internal, "cannot write", zip_get_error(archive.get()));
    archive.release();  // zip_close freed it

    if (zip_source_open(target.get()) < 0)
        fail(ErrorCategory::internal, "cannot read back", zip_source_error(target.get()));
    std::string out;
    bool ok = zip_source_seek(target.get(), 0, SEEK_END) == 0;
    zip_int64_t size = ok ? zip_source_tell(target.get()) : -1;
    ok = size >= 0 && zip_source_seek(target.get(), 0, SEEK_SET) == 0;
    if (ok) {
        out.resize(static_cast<std::size_t>(size));
        ok = zip_source_read(target.get(), out.data(), out.size()) == size;
    }
    zip_source_close(target.get());
    if (!ok) fail(ErrorCategory::internal, "cannot read back", zip_source_error(target.get()));
    return out;
}

std::vector<ZipEntry> read_zip(std::string_view bytes) {
    ZipError error;
    SourcePtr source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error.value));
    if (!source) fail(ErrorCategory::internal, "cannot create buffer", &error.value);
    ArchivePtr archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error.value));
    if (!archive) fail(ErrorCategory::bad_input, "not a zip archive", &error.value);
    source.release();  // the archive owns it now

    std::vector<ZipEntry> entries;
    zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t n = 0; n < count; ++n) {
        auto i = static_cast<zip_uint64_t>(n);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE))
            fail(ErrorCategory::bad_input, "unreadable entry " + std::to_string(n), zip_get_error(archive.get()));
        ZipEntry entry;
        entry.name = st.name;
        entry.stored = (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method == ZIP_CM_STORE;
        zip_file_t* file = zip_fopen_index(archive.get(), i, 0);
        if (!file) fail(ErrorCategory::bad_input, "cannot open " + entry.name, zip_get_error(archive.get()));
        entry.data.resize(static_cast<std::size_t>(st.size));
        zip_int64_t read = zip_fread(file, entry.data.data(), entry.data.size());
        zip_fclose(file);
        if (read < 0 || static_cast<zip_uint64_t>(read) != st.size)
            fail(ErrorCategory::bad_input, "cannot read " + entry.name, nullptr);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace moudesk::render
