#include "moudesk/store/database.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include "moudesk/core/error.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/audit.h"
#include "moudesk/store/coverage.h"
#include "schema.h"
#include "store_test_support.h"

using namespace store_test;

namespace {

constexpr int moudesk_application_id = 0x4D4F5544;

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777;
}

// Runs `open` and returns the Error it throws; fails the test when it throws nothing.
template <class F>
Error error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no Error was thrown";
    return Error(ErrorCategory::internal, "");
}

std::vector<std::string> references(Database& db) {
    std::vector<std::string> out;
    SQLite::Statement st(db.sql(), "SELECT reference FROM agreement ORDER BY id");
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

std::vector<std::string> schema_objects(const fs::path& path) {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    std::vector<std::string> out;
    SQLite::Statement st(raw, "SELECT type || ' ' || name FROM sqlite_schema ORDER BY name");
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

class EnvVar {
public:
    EnvVar(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST(Database, CreatesAnOwnerOnlyFileInWalModeWithForeignKeys) {
    fs::path path = test_dir() / "new folder" / "register.sqlite";
    auto db = Database::open(path);
    EXPECT_EQ(db->path(), path);
    EXPECT_EQ(mode_of(path), 0600u);
    EXPECT_EQ(db->sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(db->sql().execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_EQ(db->sql().execAndGet("PRAGMA application_id").getInt(), moudesk_application_id);
    EXPECT_EQ(db->version(), schema_version());

    Agreements(*db).add(sample("MOU/2027/001"));
    ASSERT_TRUE(fs::exists(path.string() + "-wal"));
    EXPECT_EQ(mode_of(path.string() + "-wal"), 0600u);
    EXPECT_EQ(mode_of(path.string() + "-shm"), 0600u);
    EXPECT_EQ(db->integrity_check(), "ok");
}

TEST(Database, ForeignKeysAreEnforced) {
    auto db = memory_db();
    EXPECT_THROW(db->sql().exec("INSERT INTO party(agreement_id, position, name) VALUES (42, 0, 'x')"),
                 SQLite::Exception);
}

TEST(Database, TheUserDefaultsToTheLoginName) {
    EnvVar user("USER", "someone");
    EXPECT_EQ(Database::open_in_memory()->user(), "someone");
    OpenOptions options;
    options.user = "clerk";
    EXPECT_EQ(Database::open_in_memory(options)->user(), "clerk");
}

TEST(Database, ReopeningIsIdempotent) {
    fs::path path = test_dir() / "register.sqlite";
    Id id = 0;
    {
        auto db = Database::open(path);
        id = Agreements(*db).add(sample("MOU/2027/001"));
    }
    auto objects = schema_objects(path);
    EXPECT_FALSE(objects.empty());
    for (int i = 0; i < 3; ++i) {
        auto db = Database::open(path);
        EXPECT_EQ(db->version(), schema_version());
        EXPECT_EQ(Agreements(*db).get(id).reference, "MOU/2027/001");
        EXPECT_EQ(references(*db).size(), 1u);
    }
    EXPECT_EQ(schema_objects(path), objects);
}

TEST(Database, SchemaVersionIsTheNumberOfMigrations) {
    EXPECT_GE(schema_version(), 1);
    auto db = memory_db();
    EXPECT_EQ(db->version(), schema_version());
    EXPECT_EQ(db->sql().execAndGet("PRAGMA user_version").getInt(), schema_version());
}

TEST(Database, MissingFileWithoutCreateIsAnEnvironmentError) {
    fs::path path = test_dir() / "absent.sqlite";
    OpenOptions options;
    options.create = false;
    Error e = error_of([&] { Database::open(path, options); });
    EXPECT_EQ(e.category(), ErrorCategory::environment);
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_FALSE(fs::exists(path));
}

TEST(Database, AFolderIsRefused) {
    fs::path dir = test_dir();
    Error e = error_of([&] { Database::open(dir); });
    EXPECT_EQ(e.category(), ErrorCategory::environment);
    EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
}

TEST(Database, AFileThatIsNotSqliteIsRefusedAndLeftUnchanged) {
    fs::path path = test_dir() / "notes.sqlite";
    write_bytes(path, "hello");
    Error e = error_of([&] { Database::open(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_TRUE(read_bytes(path) == "hello") << "the file changed";
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));

    // A longer text file too (SQLite reads its first page).
    std::string text(5000, 'x');
    write_bytes(path, text);
    e = error_of([&] { Database::open(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_TRUE(read_bytes(path) == text) << "the file changed";
}

TEST(Database, AnotherProgramsDatabaseIsRefusedAndLeftUnchanged) {
    fs::path path = test_dir() / "inventory.sqlite";
    {
        SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO item(name) VALUES ('chair')");
    }
    std::string before = read_bytes(path);
    Error e = error_of([&] { Database::open(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_TRUE(read_bytes(path) == before) << "the file changed";
    EXPECT_EQ(schema_objects(path), std::vector<std::string>{"table item"});
}

TEST(Database, ADatabaseFromANewerMoudeskIsRefusedAndLeftUnchanged) {
    fs::path path = test_dir() / "newer.sqlite";
    {
        SQLite::Database newer(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
        newer.exec("PRAGMA user_version = " + std::to_string(schema_version() + 1));
        newer.exec("CREATE TABLE agreement(id INTEGER PRIMARY KEY, future_column TEXT)");
    }
    std::string before = read_bytes(path);
    Error e = error_of([&] { Database::open(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_TRUE(read_bytes(path) == before) << "the file changed";
}

TEST(Database, AFailingMigrationChangesNothing) {
    // A moudesk file at version 0 whose hand-made `agreement` table makes the first migration fail.
    fs::path path = test_dir() / "conflict.sqlite";
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
        raw.exec("CREATE TABLE agreement(x TEXT); INSERT INTO agreement VALUES ('kept')");
    }
    std::string before = read_bytes(path);
    Error e = error_of([&] { Database::open(path); });
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nothing was changed"), std::string::npos) << e.what();
    EXPECT_EQ(schema_objects(path), std::vector<std::string>{"table agreement"});
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 0);
    EXPECT_EQ(raw.execAndGet("SELECT x FROM agreement").getString(), "kept");
    EXPECT_TRUE(read_bytes(path) == before) << "the file changed";
}

TEST(Database, AnOlderRegisterIsMigratedAndKeepsItsData) {
    // A register written at schema version 1, with one agreement and its audit trail.
    fs::path path = test_dir() / "old.sqlite";
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(std::string(migrations()[0]));
        raw.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
        raw.exec("PRAGMA user_version = 1");
        raw.exec(
            "INSERT INTO agreement(reference, title, instrument, created_at, updated_at) VALUES ('MOU/OLD', 'Old', "
            "'mou', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
            "INSERT INTO audit(at, user, entity, entity_id, agreement, field, new_value) VALUES "
            "('2024-01-01T00:00:00Z', 'old', 'agreement', 1, 1, 'created', 'MOU/OLD')");
    }
    auto db = Database::open(path);
    EXPECT_EQ(db->version(), schema_version());
    EXPECT_EQ(references(*db), std::vector<std::string>{"MOU/OLD"});
    EXPECT_EQ(AuditTrail(*db).history("agreement", 1).size(), 1u);
    EXPECT_EQ(db->integrity_check(), "ok");
    EXPECT_EQ(db->sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(Database, AnEmptyFileBecomesARegister) {
    fs::path path = test_dir() / "empty.sqlite";
    write_bytes(path, "");
    auto db = Database::open(path);
    EXPECT_EQ(db->version(), schema_version());
}

TEST(WriteTransaction, RollsBackWhenDestroyedUncommitted) {
    auto db = memory_db();
    {
        WriteTransaction tx(*db);
        Agreements(*db).add(sample("MOU/1"));
    }
    EXPECT_TRUE(references(*db).empty());
    EXPECT_TRUE(AuditTrail(*db).recent(10).empty());
    {
        WriteTransaction tx(*db);
        Agreements(*db).add(sample("MOU/1"));
        tx.commit();
        tx.commit();  // a second commit does nothing
    }
    EXPECT_EQ(references(*db), std::vector<std::string>{"MOU/1"});
}

TEST(WriteTransaction, AnExceptionRollsBackTheWholeChange) {
    auto db = memory_db();
    try {
        WriteTransaction tx(*db);
        Agreements(*db).add(sample("MOU/1"));
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    EXPECT_TRUE(references(*db).empty());
    // The connection is usable afterwards.
    Agreements(*db).add(sample("MOU/2"));
    EXPECT_EQ(references(*db), std::vector<std::string>{"MOU/2"});
}

TEST(WriteTransaction, ANestedTransactionBelongsToTheOuterOne) {
    auto db = memory_db();
    {
        WriteTransaction outer(*db);
        {
            WriteTransaction inner(*db);
            Agreements(*db).add(sample("MOU/1"));  // a third level inside add()
            inner.commit();
        }
        Agreements(*db).add(sample("MOU/2"));
        // The outer one is not committed: everything goes.
    }
    EXPECT_TRUE(references(*db).empty());
    {
        WriteTransaction outer(*db);
        {
            WriteTransaction inner(*db);
            Agreements(*db).add(sample("MOU/1"));
            inner.commit();
        }
        Agreements(*db).add(sample("MOU/2"));
        outer.commit();
    }
    EXPECT_EQ(references(*db), (std::vector<std::string>{"MOU/1", "MOU/2"}));
}

TEST(WriteTransaction, AFailedNestedChangeLeavesNoHalfWrittenRowsInTheOuterOne) {
    // An inner change that fails half-way must not leave its first rows behind when the caller
    // catches the error and commits the rest.
    auto db = memory_db();
    {
        WriteTransaction outer(*db);
        Agreements(*db).add(sample("MOU/1"));
        try {
            WriteTransaction inner(*db);
            Agreements(*db).add(sample("MOU/2"));
            throw std::runtime_error("the second half failed");
        } catch (const std::runtime_error&) {
        }
        outer.commit();
    }
    EXPECT_EQ(references(*db), std::vector<std::string>{"MOU/1"});
}

TEST(WriteTransaction, ASecondWriterWaitsThenGivesUpWithAClearError) {
    fs::path path = test_dir() / "register.sqlite";
    auto first = Database::open(path);
    std::vector<std::string> waits;
    OpenOptions options;
    options.busy_timeout_ms = 200;
    options.on_wait = [&](const std::string& waited_for) { waits.push_back(waited_for); };
    auto second = Database::open(path, options);
    {
        WriteTransaction holding(*first);
        Agreements(*first).add(sample("MOU/1"));
        Error e = error_of([&] { Agreements(*second).add(sample("MOU/2")); });
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
        EXPECT_EQ(waits, std::vector<std::string>{path.string()});
        // Readers are not blocked by the writer (WAL) and see the last committed state.
        EXPECT_TRUE(references(*second).empty());
        holding.commit();
    }
    Agreements(*second).add(sample("MOU/2"));
    EXPECT_EQ(references(*second), (std::vector<std::string>{"MOU/1", "MOU/2"}));
}

TEST(Database, IntegrityCheckSaysOk) {
    auto db = memory_db();
    Agreements(*db).add(sample("MOU/1"));
    EXPECT_EQ(db->integrity_check(), "ok");
}

TEST(Database, BackupWhileAnotherConnectionWritesThenRestore) {
    fs::path dir = test_dir();
    fs::path path = dir / "register.sqlite";
    auto db = Database::open(path);
    Agreements agreements(*db);
    for (int i = 0; i < 20; ++i) agreements.add(sample("MOU/" + std::to_string(i)));

    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::thread writer([&] {
        auto other = Database::open(path);
        Agreements more(*other);
        for (int i = 0; i < 200 && !stop; ++i) {
            more.add(sample("MOA/" + std::to_string(i)));
            ++written;
        }
    });
    while (written < 5) std::this_thread::yield();
    fs::path backup = dir / "backup.sqlite";
    db->backup_to(backup);
    stop = true;
    writer.join();

    EXPECT_EQ(mode_of(backup), 0600u);
    EXPECT_FALSE(fs::exists(backup.string() + ".part"));
    EXPECT_FALSE(fs::exists(backup.string() + "-wal"));
    EXPECT_FALSE(fs::exists(backup.string() + ".part-wal"));
    EXPECT_FALSE(fs::exists(backup.string() + ".part-shm"));
    EXPECT_FALSE(fs::exists(backup.string() + "-shm"));
    {
        // A single file in rollback-journal mode: it stands alone.
        SQLite::Database raw(backup, SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
    }

    // The backup is one consistent state: whole agreements, each with its two parties.
    auto fresh = Database::open(dir / "restored.sqlite");
    fresh->restore_from(backup);
    EXPECT_EQ(fresh->integrity_check(), "ok");
    EXPECT_EQ(fresh->sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    auto restored = references(*fresh);
    EXPECT_GE(restored.size(), 25u);
    EXPECT_EQ(fresh->sql().execAndGet("SELECT count(*) FROM party").getInt(), 2 * static_cast<int>(restored.size()));
    auto original = references(*db);
    ASSERT_LE(restored.size(), original.size());
    EXPECT_TRUE(std::equal(restored.begin(), restored.end(), original.begin()));

    // Once the writer is done, a backup and restore give the same register, audit trail included.
    db->backup_to(backup);  // replaces the earlier backup
    fresh->restore_from(backup);
    EXPECT_EQ(references(*fresh), original);
    EXPECT_EQ(AuditTrail(*fresh).recent(100000).size(), AuditTrail(*db).recent(100000).size());
    Agreements restored_agreements(*fresh);
    Id id = *restored_agreements.find("MOU/3");
    EXPECT_EQ(restored_agreements.get(id).parties.size(), 2u);
    // The restored register takes new changes.
    restored_agreements.add(sample("MOU/new"));
    EXPECT_EQ(fresh->integrity_check(), "ok");
}

TEST(Database, TheRegisterItselfIsNeitherABackupTargetNorASource) {
    fs::path dir = test_dir();
    fs::path path = dir / "register.sqlite";
    auto db = Database::open(path);
    Agreements(*db).add(sample("MOU/1"));
    Error e = error_of([&] { db->backup_to(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_NE(std::string(e.what()).find("register itself"), std::string::npos) << e.what();
    e = error_of([&] { db->backup_to(dir / "." / "register.sqlite"); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    e = error_of([&] { db->restore_from(path); });
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_EQ(references(*db), std::vector<std::string>{"MOU/1"});
    EXPECT_EQ(db->integrity_check(), "ok");
    auto again = Database::open(path);
    EXPECT_EQ(references(*again), std::vector<std::string>{"MOU/1"});
}

TEST(Database, RestoreIntoAnInMemoryDatabase) {
    fs::path dir = test_dir();
    auto db = memory_db();
    Agreements(*db).add(sample("MOU/1"));
    db->backup_to(dir / "b.sqlite");
    auto other = memory_db();
    other->restore_from(dir / "b.sqlite");
    EXPECT_EQ(references(*other), std::vector<std::string>{"MOU/1"});
}

TEST(Database, RestoreRefusesAnythingButAHealthyMoudeskBackup) {
    fs::path dir = test_dir();
    auto db = Database::open(dir / "register.sqlite");
    Agreements agreements(*db);
    for (int i = 0; i < 50; ++i) agreements.add(sample("MOU/" + std::to_string(i), std::string(300, 'T')));
    auto before = references(*db);

    auto expect_refused = [&](const fs::path& source, ErrorCategory category) {
        std::string bytes = fs::exists(source) ? read_bytes(source) : "";
        Error e = error_of([&] { db->restore_from(source); });
        EXPECT_EQ(e.category(), category) << source << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(source.string()), std::string::npos) << e.what();
        EXPECT_EQ(references(*db), before) << source;
        EXPECT_EQ(db->integrity_check(), "ok");
        if (fs::exists(source)) {
            EXPECT_EQ(read_bytes(source), bytes) << source;
        }
    };

    expect_refused(dir / "absent.sqlite", ErrorCategory::environment);

    write_bytes(dir / "hello.sqlite", "hello");
    expect_refused(dir / "hello.sqlite", ErrorCategory::bad_input);

    {
        SQLite::Database other(dir / "other.sqlite", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE item(id INTEGER PRIMARY KEY)");
    }
    expect_refused(dir / "other.sqlite", ErrorCategory::bad_input);

    {
        SQLite::Database newer(dir / "newer.sqlite", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
        newer.exec("PRAGMA user_version = " + std::to_string(schema_version() + 1));
        newer.exec("CREATE TABLE agreement(id INTEGER PRIMARY KEY)");
    }
    expect_refused(dir / "newer.sqlite", ErrorCategory::bad_input);

    // A backup damaged after it was written: every page after the first overwritten in part.
    fs::path damaged = dir / "damaged.sqlite";
    db->backup_to(damaged);
    std::string bytes = read_bytes(damaged);
    ASSERT_GT(bytes.size(), 4u * 4096u);
    for (std::size_t page = 4096; page + 4096 <= bytes.size(); page += 4096)
        for (std::size_t i = 8; i < 200; ++i) bytes[page + i] = static_cast<char>(0xA5);
    write_bytes(damaged, bytes);
    expect_refused(damaged, ErrorCategory::bad_input);
}

TEST(Database, DefaultPathHonoursXdgDataHome) {
    {
        EnvVar xdg("XDG_DATA_HOME", "/srv/data");
        EXPECT_EQ(default_database_path(), fs::path("/srv/data/moudesk/register.sqlite"));
    }
    {
        EnvVar home("HOME", "/home/ana");
        EnvVar xdg("XDG_DATA_HOME", nullptr);
        EXPECT_EQ(default_database_path(), fs::path("/home/ana/.local/share/moudesk/register.sqlite"));
        EnvVar relative("XDG_DATA_HOME", "relative/path");  // not absolute: ignored, as the spec says
        EXPECT_EQ(default_database_path(), fs::path("/home/ana/.local/share/moudesk/register.sqlite"));
        EnvVar empty("XDG_DATA_HOME", "");
        EXPECT_EQ(default_database_path(), fs::path("/home/ana/.local/share/moudesk/register.sqlite"));
    }
}

TEST(Database, NowUtcIsIso8601) {
    std::string now = now_utc();
    ASSERT_EQ(now.size(), 20u);
    EXPECT_EQ(now[4], '-');
    EXPECT_EQ(now[10], 'T');
    EXPECT_EQ(now.back(), 'Z');
}

TEST(Database, ARegisterFromEveryEarlierSchemaVersionIsMigratedWithItsData) {
    for (int from = 1; from < schema_version(); ++from) {
        SCOPED_TRACE("from schema version " + std::to_string(from));
        fs::path path = test_dir() / ("v" + std::to_string(from) + ".sqlite");
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            for (int v = 0; v < from; ++v) raw.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
            raw.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
            raw.exec("PRAGMA user_version = " + std::to_string(from));
            raw.exec(
                "INSERT INTO agreement(reference, title, instrument, status, created_at, updated_at) VALUES "
                "('MOU/OLD', 'Old', 'mou', 'in-force', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                "INSERT INTO party(agreement_id, position, name, kind) VALUES (1, 0, 'Customs', 'customs');"
                "INSERT INTO agreement_element(agreement_id, element, source) VALUES (1, 'governance', 'draft'), "
                "(1, 'liaison-officers', 'manual');"
                "INSERT INTO action(agreement_id, element, title, due_date, status, created_at, updated_at) VALUES "
                "(1, 'governance', 'Meet', '2024-06-01', 'done', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');");
        }
        auto db = Database::open(path);
        EXPECT_EQ(db->version(), schema_version());
        AgreementRecord a = Agreements(*db).get(1);
        EXPECT_EQ(a.reference, "MOU/OLD");
        ASSERT_EQ(a.parties.size(), 1u);
        ASSERT_EQ(a.elements.size(), 2u);
        EXPECT_EQ(a.elements[1].source, "manual");
        EXPECT_EQ(Actions(*db).list({}).size(), 1u);
        // What later versions derive from the data (the element bits of the coverage matrix) is
        // filled in for the rows that were already there.
        auto matrix = coverage_matrix(*db, {"governance", "liaison-officers", "costs"}, d("2025-01-01"), true);
        ASSERT_EQ(matrix.rows.size(), 1u);
        EXPECT_EQ(matrix.rows[0].cells, (std::vector<std::uint8_t>{1, 1, 0}));
        // The indexes of version 4 are there, with statistics, and the queries that use them
        // answer from the old rows.
        auto objects = schema_objects(path);
        for (const char* index : {"agreement_renewal_expiry", "agreement_status_instrument_mask",
                                  "agreement_status_reference_mask", "agreement_active_review",
                                  "agreement_active_expiry", "agreement_active_notice", "action_open_due_element"})
            EXPECT_NE(std::find(objects.begin(), objects.end(), std::string("index ") + index), objects.end()) << index;
        EXPECT_GT(db->sql().execAndGet("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'agreement'").getInt(), 0);
        AgreementFilter in_force;
        in_force.status = "in-force";
        in_force.instrument = "mou";
        in_force.element = "governance";
        EXPECT_EQ(Agreements(*db).count(in_force), 1);
        EXPECT_EQ(db->integrity_check(), "ok");
    }
}

TEST(Database, OpeningAnUpToDateRegisterTakesNoWriteLock) {
    fs::path path = test_dir() / "register.sqlite";
    {
        auto db = Database::open(path);
        Agreements(*db).add(sample("MOU/1"));
    }
    // Another program is writing: opening still works at once, and reads the last committed state.
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE agreement SET title = 'Being changed' WHERE id = 1");
    std::vector<std::string> waits;
    OpenOptions options;
    options.busy_timeout_ms = 200;
    options.on_wait = [&](const std::string& waited_for) { waits.push_back(waited_for); };
    auto db = Database::open(path, options);
    EXPECT_TRUE(waits.empty());
    EXPECT_EQ(db->version(), schema_version());
    EXPECT_EQ(Agreements(*db).get(1).title, sample("MOU/1").title);
    other.exec("ROLLBACK");
}

TEST(Database, AnOlderRegisterWaitsForTheWriterBeforeItIsMigrated) {
    fs::path path = test_dir() / "register.sqlite";
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(std::string(migrations()[0]));
        raw.exec("PRAGMA application_id = " + std::to_string(moudesk_application_id));
        raw.exec("PRAGMA user_version = 1");
        raw.exec("PRAGMA journal_mode = WAL");
    }
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    std::vector<std::string> waits;
    OpenOptions options;
    options.busy_timeout_ms = 200;
    options.on_wait = [&](const std::string& waited_for) { waits.push_back(waited_for); };
    Error e = error_of([&] { Database::open(path, options); });
    EXPECT_EQ(e.category(), ErrorCategory::environment);
    EXPECT_EQ(waits, std::vector<std::string>{path.string()});
    other.exec("ROLLBACK");
    EXPECT_EQ(Database::open(path)->version(), schema_version());
}

TEST(Database, OpeningMovesOnTheExpiriesOfTacitRenewalsThatRolledOver) {
    fs::path path = test_dir() / "register.sqlite";
    const tracking::Date today = tracking::Date::today();
    AgreementRecord r = sample("MOU/renewing");
    r.dates.entry_into_force = subtract(today, p("P3Y"));
    r.dates.duration = p("P2Y");
    r.dates.tacit_renewal = p("P1Y");
    r.dates.notice_period = p("P3M");
    std::string current;
    {
        auto db = Database::open(path);
        Id id = Agreements(*db).add(r);
        current =
            db->sql().execAndGet("SELECT computed_expiry FROM agreement WHERE id = " + std::to_string(id)).getString();
        // As if the dates had last been computed before the latest renewal.
        db->sql().exec("UPDATE agreement SET computed_expiry = '" + subtract(today, p("P1D")).iso() + "'");
    }
    EXPECT_GT(current, today.iso());
    auto db = Database::open(path);
    EXPECT_EQ(db->sql().execAndGet("SELECT computed_expiry FROM agreement").getString(), current);
}
