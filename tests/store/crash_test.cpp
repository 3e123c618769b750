// Writers killed in the middle of their work and writers that meet: nothing committed is lost and
// the database is never damaged. The writers are child processes (fork) with their own connection;
// the parent opens the database only when no child runs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/database.h"
#include "store_test_support.h"

using namespace store_test;

namespace {

void write_all(int fd, const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(3);
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

// Reads what the pipe holds until every writer has closed it.
std::string read_all(int fd) {
    std::string out;
    char buffer[4096];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

// Adds one agreement with three actions in one transaction; returns the agreement's id.
Id add_agreement_with_actions(Database& db, const std::string& reference) {
    WriteTransaction tx(db);
    Agreements agreements(db);
    Id id = agreements.add(sample(reference, "Written by process " + std::to_string(::getpid())));
    Actions actions(db);
    for (int i = 0; i < 3; ++i) {
        ActionRecord a;
        a.agreement = id;
        a.title = "Action " + std::to_string(i) + " of " + reference;
        a.due = d("2026-01-01").add_days(i);
        actions.add(a);
    }
    tx.commit();
    return id;
}

// Runs `body` in a child process that never returns into the test.
template <class F>
pid_t spawn(F&& body) {
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        int status = 0;
        try {
            body();
        } catch (...) {
            status = 2;
        }
        ::_exit(status);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

}  // namespace

TEST(Crash, AWriterKilledAtAnyMomentLosesNothingItCommitted) {
    const fs::path path = test_dir() / "killed.sqlite";
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_ms(0, 80);

    std::map<Id, int> committed;  // agreement id → round
    constexpr int rounds = 40;
    for (int round = 0; round < rounds; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        pid_t pid = spawn([&] {
            ::close(fds[0]);
            OpenOptions options;
            options.user = "writer";
            auto db = Database::open(path, options);
            const Id ready = 0;  // ids are never 0
            write_all(fds[1], &ready, sizeof ready);
            for (int i = 0;; ++i) {
                Id id = add_agreement_with_actions(*db, "R" + std::to_string(round) + "/" + std::to_string(i));
                write_all(fds[1], &id, sizeof id);  // reported only once committed
            }
        });
        ::close(fds[1]);
        // Most rounds count the delay from when the writer has opened the database, so that it
        // gets to write even on a slow (sanitizer) build; every fifth counts it from the start, so
        // that opening and migrating are interrupted too.
        std::string reported;
        if (round % 5 != 0) {
            Id ready = -1;
            if (::read(fds[0], &ready, sizeof ready) == sizeof ready)
                reported.append(reinterpret_cast<char*>(&ready), sizeof ready);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        ::kill(pid, SIGKILL);
        int status = wait_for(pid);
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "round " << round << ": status " << status;
        reported += read_all(fds[0]);
        ::close(fds[0]);
        for (std::size_t at = 0; at + sizeof(Id) <= reported.size(); at += sizeof(Id)) {
            Id id = 0;
            std::memcpy(&id, reported.data() + at, sizeof id);
            if (id > 0) committed[id] = round;
        }
    }

    RecordProperty("committed", static_cast<int>(committed.size()));
    auto db = Database::open(path);
    EXPECT_EQ(db->integrity_check(), "ok");
    EXPECT_EQ(db->version(), schema_version());
    EXPECT_GT(committed.size(), 0u) << "no writer got to commit anything";
    Agreements agreements(*db);
    Actions actions(*db);
    for (const auto& [id, round] : committed) {
        ASSERT_TRUE(agreements.exists(id)) << "agreement " << id << " of round " << round << " was lost";
        AgreementRecord r = agreements.get(id);
        EXPECT_EQ(r.reference.rfind("R" + std::to_string(round) + "/", 0), 0u) << r.reference;
        EXPECT_EQ(r.parties.size(), 2u);
        EXPECT_EQ(actions.list(actions_of(id)).size(), 3u) << r.reference;
    }
    // No change is ever half-written: every agreement has its parties and its three actions.
    EXPECT_EQ(db->sql()
                  .execAndGet("SELECT count(*) FROM agreement a WHERE (SELECT count(*) FROM action x WHERE "
                              "x.agreement_id = a.id) != 3 OR (SELECT count(*) FROM party p WHERE "
                              "p.agreement_id = a.id) != 2")
                  .getInt(),
              0);
    // The register still takes changes.
    add_agreement_with_actions(*db, "after the crashes");
    EXPECT_EQ(db->integrity_check(), "ok");
}

TEST(Crash, TwoProgramsWritingAtOnceWaitForEachOther) {
    const fs::path path = test_dir() / "shared.sqlite";
    Database::open(path);  // created, then closed before any child starts

    int holding[2], report[2];
    ASSERT_EQ(::pipe(holding), 0);
    ASSERT_EQ(::pipe(report), 0);

    // A holds a write transaction for half a second, then writes nine more agreements.
    pid_t a = spawn([&] {
        ::close(holding[0]);
        ::close(report[0]);
        ::close(report[1]);
        auto db = Database::open(path, with<OpenOptions>([&](auto& f) { f.user = "a"; }));
        {
            WriteTransaction tx(*db);
            add_agreement_with_actions(*db, "A/0");
            write_all(holding[1], "H", 1);
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            tx.commit();
        }
        for (int i = 1; i < 10; ++i) add_agreement_with_actions(*db, "A/" + std::to_string(i));
    });
    // B starts writing while A holds the database; its busy handler reports the wait.
    pid_t b = spawn([&] {
        ::close(holding[1]);
        ::close(report[0]);
        OpenOptions options;
        options.user = "b";
        options.on_wait = [fd = report[1]](const std::string& waited_for) {
            std::string line = "waited " + waited_for + "\n";
            write_all(fd, line.data(), line.size());
        };
        auto db = Database::open(path, options);
        char signal = 0;
        if (::read(holding[0], &signal, 1) != 1) ::_exit(4);
        for (int i = 0; i < 10; ++i) add_agreement_with_actions(*db, "B/" + std::to_string(i));
        write_all(report[1], "done\n", 5);
    });
    ::close(holding[0]);
    ::close(holding[1]);
    ::close(report[1]);
    std::string reported = read_all(report[0]);
    ::close(report[0]);
    int status_a = wait_for(a);
    int status_b = wait_for(b);
    EXPECT_TRUE(WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0) << status_a;
    EXPECT_TRUE(WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0) << status_b;
    EXPECT_NE(reported.find("waited " + path.string() + "\n"), std::string::npos) << reported;
    EXPECT_NE(reported.find("done\n"), std::string::npos) << reported;

    auto db = Database::open(path);
    EXPECT_EQ(db->integrity_check(), "ok");
    Agreements agreements(*db);
    Actions actions(*db);
    for (const char* who : {"A", "B"}) {
        for (int i = 0; i < 10; ++i) {
            std::string reference = std::string(who) + "/" + std::to_string(i);
            auto id = agreements.find(reference);
            ASSERT_TRUE(id) << reference << " is missing";
            EXPECT_EQ(actions.list(actions_of(*id)).size(), 3u) << reference;
        }
    }
    EXPECT_EQ(agreements.count({}), 20);
    // B's first agreement was written after A's held one.
    EXPECT_LT(*agreements.find("A/0"), *agreements.find("B/0"));
}
