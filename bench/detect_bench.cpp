// Key-element detection on the 30-page agreement of the test set (goal: detect() under 50 ms),
// text extraction from its PDF, and the one-off compilation of the catalogue patterns.
#include <benchmark/benchmark.h>

#include <filesystem>

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

const std::string& long_agreement() {
    static const std::string text = read_file(data / "en_moa_comprehensive_long.txt");
    return text;
}

void BM_CompileDetector(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(diagnostic::Detector(library()));
}
BENCHMARK(BM_CompileDetector)->Unit(benchmark::kMicrosecond);

void BM_DetectLongAgreement(benchmark::State& state) {
    const diagnostic::Detector detector(library());
    std::size_t found = 0;
    for (auto _ : state) found = detector.detect(long_agreement()).size();
    state.counters["elements"] = static_cast<double>(found);
    state.counters["words"] = 13192;
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * long_agreement().size()));
}
BENCHMARK(BM_DetectLongAgreement)->Unit(benchmark::kMillisecond);

void BM_SplitSentencesLongAgreement(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(diagnostic::split_sentences(long_agreement()));
}
BENCHMARK(BM_SplitSentencesLongAgreement)->Unit(benchmark::kMillisecond);

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
