// Library load, assembly and each writer, on the bundled library and the full bilingual MOU.
#include <benchmark/benchmark.h>

#include <iostream>

#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/writer.h"

using namespace moudesk;

namespace {

content::Library load(content::SchemaCheck check = content::SchemaCheck::full) {
    Problems problems;
    auto dir = content::bundled_data_dir();
    return content::load_library(dir / "clauses", dir / "templates", problems, check);
}

const content::Library& library() {
    static const content::Library lib = load();
    return lib;
}

const drafting::Draft& full_bilingual_mou() {
    static const drafting::Draft d = drafting::example_draft(library(), Instrument::mou, {Language::en, Language::fr},
                                                             drafting::Layout::side_by_side);
    return d;
}

const drafting::Document& document() {
    static const drafting::Document doc = drafting::assemble(library(), full_bilingual_mou()).document;
    return doc;
}

void BM_LoadLibrary(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(load());
}
BENCHMARK(BM_LoadLibrary)->Unit(benchmark::kMillisecond);

// As the drafting commands load it: well-formedness only, every semantic check still made.
void BM_LoadLibraryQuick(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(load(content::SchemaCheck::quick));
}
BENCHMARK(BM_LoadLibraryQuick)->Unit(benchmark::kMillisecond);

void BM_Assemble(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(drafting::assemble(library(), full_bilingual_mou()));
    state.counters["articles"] =
        static_cast<double>(drafting::assemble(library(), full_bilingual_mou()).clauses.size());
}
BENCHMARK(BM_Assemble)->Unit(benchmark::kMicrosecond);

void BM_Lint(benchmark::State& state) {
    auto assembly = drafting::assemble(library(), full_bilingual_mou());
    for (auto _ : state) benchmark::DoNotOptimize(drafting::lint(library(), full_bilingual_mou(), assembly));
}
BENCHMARK(BM_Lint)->Unit(benchmark::kMicrosecond);

void BM_Render(benchmark::State& state) {
    auto format = static_cast<render::Format>(state.range(0));
    state.SetLabel(render::to_code(format));
    std::size_t bytes = 0;
    for (auto _ : state) bytes = render::render(document(), format).size();
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render)
    ->Arg(static_cast<int>(render::Format::docx))
    ->Arg(static_cast<int>(render::Format::odt))
    ->Arg(static_cast<int>(render::Format::pdf))
    ->Arg(static_cast<int>(render::Format::html))
    ->Arg(static_cast<int>(render::Format::text))
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
