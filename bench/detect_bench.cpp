// Key-element detection on a 30-page agreement (goal: detect() under 50 ms), text extraction
// from the 22-page PDF of the test set, and the one-off compilation of the catalogue patterns.
// The 30-page agreement is the long agreement of the test set (13,192 words, 22 pages in its
// PDF: about 600 words a page) followed by an annex that reproduces the other English agreements
// of the test set, until it reaches 18,000 words (30 pages at that density).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/diagnostic/agreement_text.h"
#include "moudesk/diagnostic/detect.h"

using namespace moudesk;

namespace {

const std::filesystem::path data = std::filesystem::path(MOUDESK_SOURCE_DATA_DIR) / "tests" / "data" / "detection";

const content::Library& library() {
    static const content::Library lib = [] {
        Problems problems;
        auto dir = content::bundled_data_dir();
        return content::load_library(dir / "clauses", dir / "templates", problems, content::SchemaCheck::quick);
    }();
    return lib;
}

constexpr std::size_t words_per_page = 600;
constexpr std::size_t thirty_pages = 30 * words_per_page;

std::size_t word_count(std::string_view text) {
    std::size_t n = 0;
    bool in = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

const std::string& thirty_page_agreement() {
    static const std::string text = [] {
        std::string t = read_file(data / "en_moa_comprehensive_long.txt");
        std::vector<std::filesystem::path> others;
        for (const auto& entry : std::filesystem::directory_iterator(data)) {
            std::string name = entry.path().filename().string();
            if (name.starts_with("en_") && name.ends_with(".txt") && name != "en_moa_comprehensive_long.txt")
                others.push_back(entry.path());
        }
        std::sort(others.begin(), others.end());
        t += "\n\nANNEX F\nEARLIER ARRANGEMENTS BETWEEN THE SERVICES, REPRODUCED FOR REFERENCE\n\n";
        for (std::size_t i = 0; word_count(t) < thirty_pages && !others.empty(); ++i)
            t += "\n\n" + read_file(others[i % others.size()]) + "\n";
        return t;
    }();
    return text;
}

void BM_CompileDetector(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(diagnostic::Detector(library()));
}
BENCHMARK(BM_CompileDetector)->Unit(benchmark::kMicrosecond);

void BM_DetectThirtyPageAgreement(benchmark::State& state) {
    const diagnostic::Detector detector(library());
    std::size_t found = 0;
    for (auto _ : state) found = detector.detect(thirty_page_agreement()).size();
    state.counters["elements"] = static_cast<double>(found);
    state.counters["words"] = static_cast<double>(word_count(thirty_page_agreement()));
    state.counters["pages"] = static_cast<double>(word_count(thirty_page_agreement()) / words_per_page);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * thirty_page_agreement().size()));
}
BENCHMARK(BM_DetectThirtyPageAgreement)->Unit(benchmark::kMillisecond);

void BM_SplitSentencesThirtyPageAgreement(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(diagnostic::split_sentences(thirty_page_agreement()));
}
BENCHMARK(BM_SplitSentencesThirtyPageAgreement)->Unit(benchmark::kMillisecond);

void BM_ExtractTextPdf(benchmark::State& state) {
    std::size_t bytes = 0;
    for (auto _ : state) bytes = diagnostic::extract_text(data / "en_moa_comprehensive_long.pdf").size();
    state.counters["chars"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ExtractTextPdf)->Unit(benchmark::kMillisecond);

void BM_ExtractTextDocx(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(diagnostic::extract_text(data / "en_mou_airport_roman.docx"));
}
BENCHMARK(BM_ExtractTextDocx)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
