#pragma once
/// @brief Shared pieces of the store tests: a sample agreement, dates, files in the output folder.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/database.h"
#include "moudesk/store/records.h"
#include "moudesk/tracking/date.h"

namespace store_test {

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::store;

inline tracking::Date d(std::string_view iso) {
    auto parsed = tracking::Date::parse(iso);
    if (!parsed) throw std::invalid_argument("bad test date " + std::string(iso));
    return *parsed;
}

inline tracking::Duration p(std::string_view iso) {
    auto parsed = tracking::Duration::parse(iso);
    if (!parsed) throw std::invalid_argument("bad test duration " + std::string(iso));
    return *parsed;
}

/// A folder of its own for the running test (ctest runs tests in parallel), emptied first.
inline fs::path test_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "store" /
                   (std::string(info->test_suite_name()) + "." + info->name() + "." + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline PartyRecord party(std::string name, std::string short_name, std::string kind) {
    PartyRecord p;
    p.name = std::move(name);
    p.short_name = std::move(short_name);
    p.kind = std::move(kind);
    return p;
}

/// A valid agreement between customs and police, with the given reference.
inline AgreementRecord sample(std::string reference, std::string title = "Cooperation between customs and police") {
    AgreementRecord r;
    r.reference = std::move(reference);
    r.title = std::move(title);
    r.parties.push_back(party("National Customs Service", "Customs", "customs"));
    r.parties.push_back(party("National Police", "Police", "police"));
    return r;
}

/// A value of T with some fields set: with<AgreementFilter>([](auto& f) { f.party = "x"; }).
template <class T, class F>
T with(F&& set) {
    T value{};
    set(value);
    return value;
}

/// The actions of one agreement.
inline ActionFilter actions_of(Id agreement) {
    ActionFilter filter;
    filter.agreement = agreement;
    return filter;
}

inline std::unique_ptr<Database> memory_db() {
    OpenOptions options;
    options.user = "tester";
    return Database::open_in_memory(options);
}

}  // namespace store_test
