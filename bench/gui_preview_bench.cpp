// How long the drafting workspace takes to follow a change on the full bilingual example MOU
// (26 articles, English and French side by side): the real main window under an X server
// (bench/gui_startup.sh runs it in Xvfb), a field value or a party's name changed through the
// draft editor, then everything the page refreshes after a change (the editors' views, the
// findings, the preview) and the preview painted. A timed harness, not Google Benchmark: the
// work must run on the GUI thread with the event loop's state between runs.
//   moudesk_gui_preview_bench [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/evtloop.h>
#include <wx/html/htmlcell.h>
#include <wx/html/htmlwin.h>
#include <wx/init.h>
#include <wx/utils.h>

#include <unistd.h>

#include "app.h"
#include "drafting_page.h"
#include "drafting_preview.h"
#include "main_frame.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/drafting/editor.h"

namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

class BenchApp : public moudesk::gui::App {
public:
    bool OnInit() override {
        init_settings();
        init_language(moudesk::gui::InterfaceLanguage::en);
        return true;
    }
};

void pump(int ms) {
    const auto until = clock_type::now() + std::chrono::milliseconds(ms);
    do {
        while (wxTheApp->Pending()) wxTheApp->Dispatch();
        wxTheApp->ProcessIdle();
        wxMilliSleep(5);
    } while (clock_type::now() < until);
}

// CPU time of this thread, in ms: on a shared machine the wall time also counts the other
// processes' turns.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(clock_type::time_point start) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

struct Series {
    std::vector<double> total, preview, paint, cpu, paint_cpu;
    std::vector<std::size_t> parsed;
};

void print(const char* what, Series s) {
    auto stats = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        double sum = 0;
        for (double x : v) sum += x;
        return std::vector<double>{v[v.size() / 2], sum / static_cast<double>(v.size()), v.back()};
    };
    const auto t = stats(s.total), p = stats(s.preview), d = stats(s.paint), c = stats(s.cpu), dc = stats(s.paint_cpu);
    std::size_t parsed = 0;
    for (std::size_t n : s.parsed) parsed = std::max(parsed, n);
    std::printf(
        "%-34s total median %6.2f ms, mean %6.2f, worst %6.2f | preview %5.2f / %5.2f / %5.2f | "
        "paint %5.2f / %5.2f / %5.2f | pieces parsed <= %zu\n",
        what, t[0], t[1], t[2], p[0], p[1], p[2], d[0], d[1], d[2], parsed);
    std::printf("%-34s CPU time: change and refresh median %6.2f ms, worst %6.2f | paint median %5.2f, worst %5.2f\n",
                "", c[0], c[2], dc[0], dc[2]);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
    const fs::path work = fs::temp_directory_path() / ("moudesk-preview-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
    setenv("XDG_DATA_HOME", (work / "data").c_str(), 1);

    wxApp::SetInstance(new BenchApp);
    int one = 1;
    char name[] = "moudesk_gui_preview_bench";
    char* args[] = {name, nullptr};
    if (!wxEntryStart(one, args) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "moudesk_gui_preview_bench: cannot start wxWidgets (no display? run under Xvfb)\n");
        return 2;
    }
    int status = 0;
    {
        wxGUIEventLoop loop;
        wxEventLoopActivator activate(&loop);
        moudesk::gui::AppOptions options;
        options.data_dir = work / "data";
        auto* frame = new moudesk::gui::MainFrame(options);
        frame->SetSize(1280, 820);
        frame->Show();
        pump(300);

        moudesk::gui::DraftingPage& page = frame->drafting_page();
        frame->show_page(&page);
        auto testing = page.testing();
        testing.answer_dialogs_with([](const wxString&, long) { return int(wxID_NO); });
        const auto& library = frame->context().library;
        namespace d = moudesk::drafting;
        const d::Draft example = d::example_draft(
            library, moudesk::Instrument::mou, {moudesk::Language::en, moudesk::Language::fr}, d::Layout::side_by_side);
        page.start_new_draft(example, wxString());
        pump(300);
        moudesk::gui::PreviewPane& preview = testing.preview();

        auto paint_view = [&] {
            wxHtmlWindow* window = preview.preview();
            const wxSize size = window->GetClientSize();
            wxBitmap bitmap(std::max(size.x, 1), std::max(size.y, 1));
            wxMemoryDC dc(bitmap);
            dc.SetBackground(*wxWHITE_BRUSH);
            dc.Clear();
            int x = 0, y = 0, unit_x = 1, unit_y = 1;
            window->GetViewStart(&x, &y);
            window->GetScrollPixelsPerUnit(&unit_x, &unit_y);
            wxHtmlRenderingInfo info;
            wxDefaultHtmlRenderingStyle style;
            info.SetStyle(&style);
            window->GetInternalRepresentation()->Draw(dc, -x * unit_x, -y * unit_y, y * unit_y, y * unit_y + size.y,
                                                      info);
        };
        // The first showing: every piece parsed.
        auto start = clock_type::now();
        preview.refresh_preview(true);
        std::printf("full bilingual example MOU, %zu articles: first showing (all parsed) %.1f ms\n",
                    testing.editor().assembly().clauses.size(), ms_since(start));
        preview.show_article(10);  // a page full of text in view

        auto measure = [&](const char* what, auto change) {
            Series s;
            for (int i = 0; i < runs + 2; ++i) {
                start = clock_type::now();
                const double cpu_start = cpu_ms();
                change(i);
                testing.refresh_now();  // what the page does after a change: views, findings, preview
                const double before_paint = ms_since(start);
                const double cpu_refresh = cpu_ms() - cpu_start;
                // What the paint handler draws: the cells in view (into a bitmap: under GTK 3
                // Update() does not paint synchronously).
                const auto painting = clock_type::now();
                const double cpu_painting = cpu_ms();
                paint_view();
                const double paint = ms_since(painting);
                const double cpu_paint = cpu_ms() - cpu_painting;
                if (i >= 2) {  // the first runs warm the caches of both values
                    s.total.push_back(before_paint + paint);
                    s.preview.push_back(
                        static_cast<double>((preview.last_render_time() + preview.last_layout_time()).count()) /
                        1000.0);
                    s.paint.push_back(paint);
                    s.cpu.push_back(cpu_refresh);
                    s.paint_cpu.push_back(cpu_paint);
                    s.parsed.push_back(preview.last_parsed_pieces());
                }
                pump(20);
            }
            print(what, s);
        };
        measure("a field (response time in days)", [&](int i) {
            testing.editor().set_value("information-exchange-response-days", std::nullopt, std::to_string(10 + i));
        });
        measure("a field (place of signature, EN)", [&](int i) {
            testing.editor().set_value("signature-place", moudesk::Language::en, "Luxembourg " + std::to_string(i));
        });
        measure("a party's name (every mention)", [&](int i) {
            d::Party party = testing.editor().draft().parties.at(0);
            party.name.en = "Customs Administration " + std::to_string(i);
            testing.editor().update_party(0, party);
        });

        std::string peak;
        std::ifstream proc("/proc/self/status");
        for (std::string line; std::getline(proc, line);)
            if (line.rfind("VmHWM:", 0) == 0) peak = line.substr(6);
        std::printf("peak RSS %s\n", peak.c_str());
        frame->Destroy();
        pump(50);
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    fs::remove_all(work);
    return status;
}
