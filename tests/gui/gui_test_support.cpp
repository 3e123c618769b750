#include "gui_test_support.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <thread>

#include <cairo.h>
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include "wx_text.h"

namespace moudesk::gui::test {
namespace fs = std::filesystem;

namespace {

MainFrame* the_main_frame = nullptr;

// Answers modal dialogs: with the innermost DialogAnswer's answer, or — nobody expected a dialog —
// with Cancel and a test failure, so a test never waits for a user who is not there.
class TestDialogHook : public wxModalDialogHook {
public:
    std::vector<int> answers;
    std::vector<SeenDialog> seen;

protected:
    int Enter(wxDialog* dialog) override {
        SeenDialog d;
        d.title = dialog->GetTitle();
        if (auto* message = dynamic_cast<wxMessageDialogBase*>(dialog)) {
            d.message = message->GetMessage();
            d.extended = message->GetExtendedMessage();
        }
        seen.push_back(d);
        if (answers.empty()) {
            ADD_FAILURE() << "unexpected modal dialog \"" << from_wx(d.title) << "\": " << from_wx(d.message) << " "
                          << from_wx(d.extended);
            return wxID_CANCEL;
        }
        return answers.back();
    }
    void Exit(wxDialog*) override {}
};

TestDialogHook* the_hook = nullptr;

void assert_handler(const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
    ADD_FAILURE() << "wxWidgets assertion failed at " << from_wx(file) << ":" << line << " in " << from_wx(func) << ": "
                  << from_wx(cond) << " " << from_wx(msg);
}

}  // namespace

void install_hooks() {
    the_hook = new TestDialogHook;
    the_hook->Register();
    wxSetAssertHandler(assert_handler);
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
}

void shut_down() {
    if (the_main_frame) {
        delete the_main_frame;
        the_main_frame = nullptr;
    }
    pump(50);
    if (the_hook) {
        the_hook->Unregister();
        delete the_hook;
        the_hook = nullptr;
    }
}

void pump(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        if (wxTheApp) {
            wxTheApp->ProcessPendingEvents();
            while (wxTheApp->Pending()) wxTheApp->Dispatch();
            wxTheApp->ProcessIdle();
        }
        wxYield();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < end);
}

MainFrame& main_frame() {
    if (!the_main_frame) {
        the_main_frame = new MainFrame(AppOptions{});
        the_main_frame->Show();
        the_main_frame->wait_until_loaded();
        pump(300);
    }
    return *the_main_frame;
}

std::unique_ptr<MainFrame> make_frame(AppOptions options) {
    auto frame = std::make_unique<MainFrame>(options);
    frame->Show();
    frame->wait_until_loaded();
    pump(200);
    return frame;
}

fs::path output_dir() {
    const fs::path dir = fs::path(MOUDESK_GUI_TEST_DIR) / "output";
    fs::create_directories(dir);
    return dir;
}

fs::path fresh_register(const std::string& name) {
    const fs::path dir = output_dir() / "registers";
    fs::create_directories(dir);
    const fs::path path = dir / (name + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(path.string() + suffix));
    return path;
}

fs::path copy_bundled_library(const std::string& name) {
    const fs::path dir = output_dir() / "libraries" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path bundled = content::bundled_data_dir();
    fs::copy(bundled / "clauses", dir / "clauses", fs::copy_options::recursive);
    fs::copy(bundled / "templates", dir / "templates", fs::copy_options::recursive);
    return dir;
}

namespace {

// GTK and cairo, called directly: gtk_widget_draw() paints a window and its children into an
// image the way the screen shows them, whatever overlaps them on the (window-manager-less) Xvfb
// screen. GTK is already loaded by wxWidgets; its functions are looked up at run time so the
// tests need no GTK development files.
using gtk_widget_draw_fn = void (*)(GtkWidget*, cairo_t*);
using gtk_widget_size_fn = int (*)(GtkWidget*);

template <typename F>
F gtk_function(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

// What `window` shows, drawn by GTK; an invalid image when GTK cannot be reached.
wxImage draw_window(wxWindow* window) {
    static const auto draw = gtk_function<gtk_widget_draw_fn>("gtk_widget_draw");
    static const auto width_of = gtk_function<gtk_widget_size_fn>("gtk_widget_get_allocated_width");
    static const auto height_of = gtk_function<gtk_widget_size_fn>("gtk_widget_get_allocated_height");
    GtkWidget* widget = window->GetHandle();
    if (!draw || !width_of || !height_of || !widget) return wxImage();
    const int width = width_of(widget);
    const int height = height_of(widget);
    if (width <= 0 || height <= 0) return wxImage();
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw(widget, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    wxImage image(width, height);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* out = image.GetData();
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint32_t pixel;
            std::memcpy(&pixel, data + y * stride + 4 * x, 4);
            *out++ = static_cast<unsigned char>((pixel >> 16) & 0xFF);
            *out++ = static_cast<unsigned char>((pixel >> 8) & 0xFF);
            *out++ = static_cast<unsigned char>(pixel & 0xFF);
        }
    }
    cairo_surface_destroy(surface);
    return image;
}

// What the screen shows where `window` is (the fallback when GTK cannot draw it).
wxImage grab_screen(wxWindow* window) {
    const wxRect rect = window->GetScreenRect();
    wxBitmap bitmap(rect.GetSize(), 24);
    {
        wxMemoryDC memory(bitmap);
        wxScreenDC screen;
        memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    }
    return bitmap.ConvertToImage();
}

}  // namespace

fs::path screenshot(wxWindow* window, const std::string& name) {
    const char* env = std::getenv("MOUDESK_SCREENSHOT_DIR");
    const fs::path dir = env && *env ? fs::path(env) : output_dir() / "screenshots";
    fs::create_directories(dir);
    const fs::path file = dir / (name + ".png");

    if (auto* top = dynamic_cast<wxTopLevelWindow*>(wxGetTopLevelParent(window))) top->Raise();
    window->Layout();
    window->Refresh();
    window->Update();
    pump(400);

    wxImage image = draw_window(window);
    if (!image.IsOk()) image = grab_screen(window);
    image.SaveFile(to_wx(file.string()), wxBITMAP_TYPE_PNG);
    return file;
}

int colour_count(const fs::path& png) {
    wxImage image;
    if (!image.LoadFile(to_wx(png.string()), wxBITMAP_TYPE_PNG)) return 0;
    std::set<unsigned long> colours;
    const unsigned char* data = image.GetData();
    const long pixels = static_cast<long>(image.GetWidth()) * image.GetHeight();
    for (long i = 0; i < pixels && colours.size() < 10000; i += 7) {
        colours.insert((static_cast<unsigned long>(data[3 * i]) << 16) |
                       (static_cast<unsigned long>(data[3 * i + 1]) << 8) | data[3 * i + 2]);
    }
    return static_cast<int>(colours.size());
}

ErrorRecorder::ErrorRecorder() {
    previous_ = set_error_sink([this](const ErrorReport& report) { reports_.push_back(report); });
}

ErrorRecorder::~ErrorRecorder() {
    set_error_sink(std::move(previous_));
}

DialogAnswer::DialogAnswer(int answer) {
    the_hook->answers.push_back(answer);
    the_hook->seen.clear();
}

DialogAnswer::~DialogAnswer() {
    the_hook->answers.pop_back();
}

const std::vector<SeenDialog>& DialogAnswer::dialogs() const {
    return the_hook->seen;
}

}  // namespace moudesk::gui::test
