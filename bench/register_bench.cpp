// The register's everyday queries on a large generated register (moudesk-cli demo-data):
// opening the database, the dashboard figures, a filtered page of the agreements list, a
// full-text search, the deadlines, and the diagnostic's coverage matrix.
// bench/register_vs_sqlite3.sh runs this next to the same SQL in the sqlite3 shell. The
// database comes from MOUDESK_BENCH_DB.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "moudesk/store/agreements.h"
#include "moudesk/store/coverage.h"
#include "moudesk/store/dashboard.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/store/search.h"

using namespace moudesk;

namespace {

const char* db_path() {
    const char* path = std::getenv("MOUDESK_BENCH_DB");
    if (!path) {
        std::cerr << "set MOUDESK_BENCH_DB to a register made with moudesk-cli demo-data\n";
        std::exit(2);
    }
    return path;
}

store::Database& shared_db() {
    static std::unique_ptr<store::Database> db = store::Database::open(db_path());
    return *db;
}

// The date the queries count from: fixed, so runs compare.
const tracking::Date today = tracking::Date::from_ymd(2026, 11, 30);

void open_database(benchmark::State& state) {
    shared_db();  // an older register is migrated once, outside the timing
    for (auto _ : state) {
        auto db = store::Database::open(db_path());
        benchmark::DoNotOptimize(db->version());
    }
}
BENCHMARK(open_database)->Unit(benchmark::kMillisecond);

void dashboard(benchmark::State& state) {
    auto& db = shared_db();
    for (auto _ : state) benchmark::DoNotOptimize(store::dashboard(db, today, 90));
}
BENCHMARK(dashboard)->Unit(benchmark::kMillisecond);

void filtered_list_page(benchmark::State& state) {
    auto& db = shared_db();
    store::AgreementFilter filter;
    filter.status = "in-force";
    filter.instrument = "mou";
    filter.element = "information-exchange";
    for (auto _ : state) {
        benchmark::DoNotOptimize(store::Agreements(db).list(filter, store::AgreementSort::expiry, false, 0, 200));
        benchmark::DoNotOptimize(store::Agreements(db).count(filter));
    }
}
BENCHMARK(filtered_list_page)->Unit(benchmark::kMillisecond);

void search(benchmark::State& state) {
    auto& db = shared_db();
    for (auto _ : state) benchmark::DoNotOptimize(store::search(db, "liaison officers", 50));
}
BENCHMARK(search)->Unit(benchmark::kMillisecond);

void deadlines(benchmark::State& state) {
    auto& db = shared_db();
    for (auto _ : state) benchmark::DoNotOptimize(store::deadlines(db, today, 90, 1000));
}
BENCHMARK(deadlines)->Unit(benchmark::kMillisecond);

// The Diagnostic screen's coverage matrix: the 15 cooperation elements × every agreement in force.
void coverage_matrix(benchmark::State& state) {
    auto& db = shared_db();
    const std::vector<std::string> elements{"legal-basis",
                                            "roles-and-competences",
                                            "governance",
                                            "information-exchange",
                                            "data-protection",
                                            "risk-analysis",
                                            "joint-operations",
                                            "joint-investigations",
                                            "liaison-officers",
                                            "training-and-exchange",
                                            "systems-access",
                                            "resource-sharing",
                                            "international-programmes",
                                            "public-communication",
                                            "monitoring-and-evaluation"};
    for (auto _ : state) benchmark::DoNotOptimize(store::coverage_matrix(db, elements, today, true));
}
BENCHMARK(coverage_matrix)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
