#include "moudesk/store/database.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>

#include "internal.h"
#include "moudesk/core/error.h"
#include "moudesk/store/agreements.h"
#include "schema.h"

namespace fs = std::filesystem;

namespace moudesk::store {

namespace {

// "MOUD": marks the file as a moudesk register, so another program's database is never migrated.
constexpr int application_id = 0x4D4F5544;

std::string login_name() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
    return "unknown";
}

[[noreturn]] void fail(ErrorCategory category, const fs::path& path, const std::string& what) {
    throw Error(category, path.string() + ": " + what);
}

// The file is created by us with owner-only permissions; SQLite gives its -wal and -shm files
// the same permissions as the database file.
void create_private_file(const fs::path& path) {
    std::error_code ec;
    if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) {
        fs::create_directories(path.parent_path(), ec);
        if (ec) fail(ErrorCategory::environment, path.parent_path(), "cannot create the folder: " + ec.message());
        fs::permissions(path.parent_path(), fs::perms::owner_all, ec);
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;
        fail(ErrorCategory::environment, path, std::string("cannot create the database: ") + std::strerror(errno));
    }
    ::close(fd);
}

SQLite::Database open_file(const fs::path& path, const OpenOptions& options) {
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && !options.create) fail(ErrorCategory::environment, path, "no such database");
    if (exists && fs::is_directory(path, ec))
        fail(ErrorCategory::environment, path, "is a folder, not a database file");
    if (!exists) create_private_file(path);
    try {
        return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX);
    } catch (const SQLite::Exception& e) {
        fail(ErrorCategory::environment, path, std::string("cannot open the database: ") + e.what());
    }
}

// Readers never wait for the writer, and a killed writer leaves a log that the next opener replays.
// A register already in WAL mode is only read, so opening it takes no lock.
void use_wal(SQLite::Database& db, const fs::path& path) {
    if (path == ":memory:") return;
    try {
        if (db.execAndGet("PRAGMA journal_mode").getString() == "wal") return;
        std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal") fail(ErrorCategory::environment, path, "cannot switch the database to WAL mode");
    } catch (const SQLite::Exception& e) {
        fail(ErrorCategory::environment, path, std::string("cannot switch the database to WAL mode: ") + e.what());
    }
}

}  // namespace

int busy_handler(void* data, int count) {
    auto* db = static_cast<Database*>(data);
    constexpr int step_ms = 20;
    if (count * step_ms >= db->options_.busy_timeout_ms) return 0;
    if (count == 0 && db->options_.on_wait) db->options_.on_wait(db->path_.string());
    db->waited_ = true;
    sqlite3_sleep(step_ms);
    return 1;
}

int schema_version() {
    return static_cast<int>(migrations().size());
}

fs::path default_database_path() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    fs::path base;
    if (xdg && *xdg && fs::path(xdg).is_absolute()) {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = fs::path(home && *home ? home : ".") / ".local" / "share";
    }
    return base / "moudesk" / "register.sqlite";
}

Database::Database(SQLite::Database db, fs::path path, OpenOptions options)
    : db_(std::move(db)), path_(std::move(path)), options_(std::move(options)) {
    user_ = options_.user.empty() ? login_name() : options_.user;
}

Database::~Database() {
    // SQLite's advice for long-lived connections: refresh the planner's statistics when useful.
    db_.tryExec("PRAGMA optimize");
}

std::unique_ptr<Database> Database::open(const fs::path& path, OpenOptions options) {
    std::unique_ptr<Database> db(new Database(open_file(path, options), path, std::move(options)));
    // A register at the current version is only read here: the write lock is taken when a
    // migration is really needed (migrate() checks the version again under the lock).
    if (db->configure() != schema_version()) db->migrate();
    use_wal(db->db_, db->path_);
    // Tacit renewals that rolled over since the last write move the stored expiry dates on. Finding
    // them is one look at a partial index (agreement_renewal_expiry); when there are none, as on
    // most days, nothing is written. Every write stores the computed dates of the agreement it
    // changes, so this is all that can go stale.
    Agreements(*db).refresh_computed_dates(tracking::Date::today());
    return db;
}

std::unique_ptr<Database> Database::open_in_memory(OpenOptions options) {
    std::unique_ptr<Database> db(new Database(
        SQLite::Database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE), ":memory:", std::move(options)));
    db->configure();
    db->migrate();
    return db;
}

int Database::configure() {
    sqlite3_busy_handler(db_.getHandle(), busy_handler, this);
    try {
        // The first read tells whether the file is a database at all.
        int id = db_.execAndGet("PRAGMA application_id").getInt();
        int version = db_.execAndGet("PRAGMA user_version").getInt();
        int tables = db_.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (id != application_id && (version != 0 || tables != 0))
            fail(ErrorCategory::bad_input, path_,
                 "is an SQLite database but not a moudesk register; it was not changed");
        if (version > schema_version())
            fail(ErrorCategory::bad_input, path_,
                 "was written by a newer moudesk (schema version " + std::to_string(version) +
                     "; this moudesk knows up to " + std::to_string(schema_version()) +
                     "). It was not changed; open it with the newer moudesk.");
        detail::register_search_functions(db_);  // search()'s ranking, on every connection
        // WAL mode is switched on once the file is known to be ours and migrated (use_wal()): a
        // refused file, or one whose migration fails, is left exactly as it was.
        // A page cache of up to 32 MiB (SQLite's default is 2 MiB), taken only as pages are read: the
        // indexes the dashboard, deadlines, list and coverage matrix read on a 100,000-agreement
        // register stay in memory between refreshes instead of being copied again from the OS.
        db_.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;");
        return version;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB)
            fail(ErrorCategory::bad_input, path_,
                 "is not a moudesk register (not an SQLite database); it was not changed");
        if (e.getErrorCode() == SQLITE_BUSY) fail(ErrorCategory::environment, path_, "is locked by another program");
        fail(ErrorCategory::environment, path_, std::string("cannot read the database: ") + e.what());
    }
}

int Database::version() {
    return db_.execAndGet("PRAGMA user_version").getInt();
}

void Database::migrate() {
    WriteTransaction tx(*this);
    int from = version();  // read again inside the transaction: another process may have migrated
    if (from > schema_version())
        fail(ErrorCategory::bad_input, path_, "was written by a newer moudesk; it was not changed");
    try {
        for (int v = from; v < schema_version(); ++v) db_.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
        if (from == 0) db_.exec("PRAGMA application_id = " + std::to_string(application_id));
        if (from != schema_version()) db_.exec("PRAGMA user_version = " + std::to_string(schema_version()));
    } catch (const SQLite::Exception& e) {
        fail(ErrorCategory::internal, path_,
             "migrating the database from schema version " + std::to_string(from) + " failed (" + e.what() +
                 "); nothing was changed");
    }
    tx.commit();
}

std::string Database::integrity_check() {
    SQLite::Statement check(db_, "PRAGMA integrity_check");
    std::string report;
    while (check.executeStep()) {
        if (!report.empty()) report += '\n';
        report += check.getColumn(0).getString();
    }
    return report;
}

// Whether `other` is the open register's own file (a backup onto it would replace the live file
// under its -wal; a restore from it would copy the register onto itself).
static bool is_same_file(const fs::path& register_path, const fs::path& other) {
    std::error_code ec;
    return register_path != ":memory:" && fs::exists(other, ec) && fs::equivalent(register_path, other, ec);
}

void Database::backup_to(const fs::path& target) {
    if (is_same_file(path_, target))
        fail(ErrorCategory::bad_input, target, "is the register itself; choose another file for the backup");
    fs::path temp = target;
    temp += ".part";
    std::error_code ec;
    fs::remove(temp, ec);
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        fail(ErrorCategory::environment, target, std::string("cannot write the backup: ") + std::strerror(errno));
    ::close(fd);
    try {
        db_.backup(temp.c_str(), SQLite::Database::Save);
        // The copy must stand alone: a single file, not a WAL database expecting its -wal.
        SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
        copy.exec("PRAGMA journal_mode = DELETE");
    } catch (const SQLite::Exception& e) {
        fs::remove(temp, ec);
        fail(ErrorCategory::environment, target, std::string("cannot write the backup: ") + e.what());
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        fail(ErrorCategory::environment, target, "cannot write the backup: " + ec.message());
    }
}

void Database::restore_from(const fs::path& source) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) fail(ErrorCategory::environment, source, "no such backup file");
    if (is_same_file(path_, source)) fail(ErrorCategory::bad_input, source, "is the register itself, not a backup");
    std::optional<SQLite::Database> backup;
    try {
        backup.emplace(source, SQLite::OPEN_READONLY);
        int id = backup->execAndGet("PRAGMA application_id").getInt();
        int version = backup->execAndGet("PRAGMA user_version").getInt();
        if (id != application_id) fail(ErrorCategory::bad_input, source, "is not a moudesk register backup");
        if (version > schema_version())
            fail(ErrorCategory::bad_input, source, "was written by a newer moudesk; restore it with that version");
        std::string check = backup->execAndGet("PRAGMA integrity_check").getString();
        if (check != "ok") fail(ErrorCategory::bad_input, source, "is damaged (" + check + "); nothing was restored");
    } catch (const SQLite::Exception& e) {
        fail(ErrorCategory::bad_input, source, std::string("cannot read the backup: ") + e.what());
    }
    try {
        // Copied from the connection that was checked, which only reads the backup file. The backup
        // API replaces the pages in one transaction: readers see the old register or the restored one.
        SQLite::Backup copy(db_, *backup);
        if (copy.executeStep() != SQLITE_DONE)
            fail(ErrorCategory::environment, path_,
                 "cannot restore the backup: another program is writing the register");
    } catch (const SQLite::Exception& e) {
        fail(ErrorCategory::environment, path_, std::string("cannot restore the backup: ") + e.what());
    }
    backup.reset();
    migrate();
    use_wal(db_, path_);
}

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    if (!sqlite3_get_autocommit(db_.sql().getHandle())) {
        // Nested: a savepoint, so that a part that fails can be undone without the rest, and the
        // outer transaction still commits or rolls back the whole change.
        nested_ = true;
        try {
            db_.sql().exec("SAVEPOINT moudesk_nested");
        } catch (const SQLite::Exception& e) {
            throw Error(ErrorCategory::environment, db_.path().string() + ": cannot start a change: " + e.what());
        }
        return;
    }
    try {
        db_.sql().exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY)
            throw Error(
                ErrorCategory::environment,
                db_.path().string() + ": another program has been writing the register for too long; try again");
        throw Error(ErrorCategory::environment, db_.path().string() + ": cannot start a change: " + e.what());
    }
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    if (nested_) {
        // Undo this part only; the savepoint stays open until released.
        db_.sql().tryExec("ROLLBACK TO moudesk_nested");
        db_.sql().tryExec("RELEASE moudesk_nested");
    } else {
        db_.sql().tryExec("ROLLBACK");
    }
}

void WriteTransaction::commit() {
    if (done_) return;
    try {
        db_.sql().exec(nested_ ? "RELEASE moudesk_nested" : "COMMIT");
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorCategory::environment, db_.path().string() + ": cannot save the change: " + e.what());
    }
    done_ = true;
}

std::string now_utc() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace moudesk::store
