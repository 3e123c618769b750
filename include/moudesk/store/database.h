#pragma once
/// @brief The register's SQLite database: opening it safely (WAL, foreign keys, a busy handler
/// that says when it waits, owner-only permissions), schema migrations, write transactions,
/// online backup and restore.
#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace moudesk::store {

struct OpenOptions {
    /// Who is making changes; recorded in the audit trail. Default: the login name.
    std::string user;
    /// How long a write waits for another program that holds the database.
    int busy_timeout_ms = 10000;
    /// Called once per wait when another program holds the database, with the path.
    std::function<void(const std::string& path)> on_wait;
    /// Create the file when it does not exist (else Error(environment)).
    bool create = true;
};

/// The newest schema version this moudesk knows.
int schema_version();

/// The default database: $XDG_DATA_HOME/moudesk/register.sqlite (~/.local/share/moudesk/…).
std::filesystem::path default_database_path();

class Database {
public:
    /// Opens (or creates) the database at `path` and migrates it to the current schema in one
    /// transaction. A database written by a newer moudesk is refused and left untouched.
    /// Throws Error(environment) naming the path for anything the machine refuses, and
    /// Error(bad_input) for a file that is not a moudesk database.
    static std::unique_ptr<Database> open(const std::filesystem::path& path, OpenOptions options = {});
    /// An in-memory database (tests).
    static std::unique_ptr<Database> open_in_memory(OpenOptions options = {});

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SQLite::Database& sql() { return db_; }
    const std::filesystem::path& path() const { return path_; }
    const std::string& user() const { return user_; }
    /// The schema version of the open database (== schema_version() once opened).
    int version();

    /// Copies the whole database to `target` with SQLite's online backup: safe while this or
    /// another program writes. Written beside `target` then renamed; owner-only permissions.
    void backup_to(const std::filesystem::path& target);
    /// Replaces this database's content with `source` (a backup), after checking that it is a
    /// moudesk database no newer than this one and that it passes an integrity check.
    void restore_from(const std::filesystem::path& source);
    /// "ok", or what PRAGMA integrity_check reports.
    std::string integrity_check();

private:
    Database(SQLite::Database db, std::filesystem::path path, OpenOptions options);
    /// Checks that the file is a moudesk register this moudesk can open (reading only) and sets
    /// the connection up; returns its schema version.
    int configure();
    void migrate();

    SQLite::Database db_;
    std::filesystem::path path_;
    std::string user_;
    OpenOptions options_;
    bool waited_ = false;
    friend int busy_handler(void*, int);
};

/// A write transaction (BEGIN IMMEDIATE, so a second writer waits at the start instead of
/// failing half-way); rolled back by the destructor unless committed. Inside another
/// transaction it is a savepoint: destroyed uncommitted it undoes its own part only, and the
/// outer transaction still commits or rolls back the whole change.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_ = false;
    bool done_ = false;
};

/// The current time in UTC, "YYYY-MM-DDTHH:MM:SSZ", as stored in created_at/at columns.
std::string now_utc();

}  // namespace moudesk::store
