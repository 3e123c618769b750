// The register's long work from the desktop: exports, backup and demo data report their
// progress, and a cancel leaves no file and no data behind.
#include "register_tasks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include <wx/menu.h>

#include "gui_test_support.h"
#include "main_frame.h"
#include "moudesk/core/error.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/deadlines.h"
#include "page.h"
#include "register_fixture.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;

// Records every update; answers "cancel" from update number `cancel_at` on (-1: never).
struct RecordingProgress : TaskProgress {
    explicit RecordingProgress(int cancel_at_update = -1) : cancel_at(cancel_at_update) {}
    bool update(int done, int total, const wxString& what) override {
        steps.push_back({done, total, what});
        return cancel_at < 0 || static_cast<int>(steps.size()) <= cancel_at;
    }
    struct Step {
        int done, total;
        wxString what;
    };
    int cancel_at;
    std::vector<Step> steps;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Fixture {
    explicit Fixture(const std::string& name) : path(fresh_register(name)) {
        fill_sample_register(path);
        db = store::Database::open(path);
        out = output_dir() / "register-tasks" / name;
        fs::remove_all(out);
        fs::create_directories(out);
    }
    int agreements() { return store::Agreements(*db).count({}); }
    fs::path path, out;
    std::unique_ptr<store::Database> db;
};

TEST(RegisterTasks, ExportsTheRegisterAndActionPlanAsAWorkbook) {
    Fixture f("tasks-xlsx");
    RecordingProgress progress;
    const TaskOutcome outcome = export_register_to(*f.db, f.out / "register.xlsx", progress);
    EXPECT_EQ(outcome.end, TaskEnd::done);
    EXPECT_TRUE(outcome.summary.Contains("3 agreements")) << outcome.summary;
    const std::string bytes = slurp(f.out / "register.xlsx");
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos) << "the action plan sheet";
    ASSERT_EQ(progress.steps.size(), 4u);
    EXPECT_EQ(progress.steps.back().done, progress.steps.back().total);
}

TEST(RegisterTasks, ExportsTheRegisterAsCsvWithOneLinePerAgreement) {
    Fixture f("tasks-csv");
    RecordingProgress progress;
    EXPECT_EQ(export_register_to(*f.db, f.out / "register.csv", progress).end, TaskEnd::done);
    const std::string text = slurp(f.out / "register.csv");
    EXPECT_NE(text.find("MOU/2025/001"), std::string::npos);
    EXPECT_NE(text.find("Côte-Claire"), std::string::npos) << "non-ASCII names kept";
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    EXPECT_EQ(lines, 4u) << "a header and three agreements";
}

TEST(RegisterTasks, CancellingAnExportLeavesNoFileAndAnOldOneUntouched) {
    Fixture f("tasks-cancel-export");
    for (int cancel_at = 0; cancel_at < 3; ++cancel_at) {
        RecordingProgress progress(cancel_at);
        EXPECT_EQ(export_register_to(*f.db, f.out / "new.xlsx", progress).end, TaskEnd::cancelled);
        EXPECT_FALSE(fs::exists(f.out / "new.xlsx")) << "cancelled at update " << cancel_at;
    }
    std::ofstream(f.out / "old.csv") << "what was there\n";
    RecordingProgress progress(1);
    EXPECT_EQ(export_register_to(*f.db, f.out / "old.csv", progress).end, TaskEnd::cancelled);
    EXPECT_EQ(slurp(f.out / "old.csv"), "what was there\n");
    EXPECT_EQ(fs::directory_iterator(f.out)->path().filename(), "old.csv") << "no temporary file left";
}

TEST(RegisterTasks, AnExportThatCannotBeWrittenNamesTheFile) {
    Fixture f("tasks-unwritable");
    RecordingProgress progress;
    const fs::path where = f.out / "no-such-folder" / "register.csv";
    try {
        export_register_to(*f.db, where, progress);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(where.string()), std::string::npos) << e.what();
    }
}

TEST(RegisterTasks, ExportsTheDeadlinesAsACalendar) {
    Fixture f("tasks-ics");
    RecordingProgress progress;
    const TaskOutcome outcome = export_deadlines_to(*f.db, f.out / "deadlines.ics", 365, progress);
    EXPECT_EQ(outcome.end, TaskEnd::done);
    const std::string text = slurp(f.out / "deadlines.ics");
    EXPECT_EQ(text.rfind("BEGIN:VCALENDAR", 0), 0u);
    const auto expected = store::deadlines(*f.db, tracking::Date::today(), 365, 100000);
    ASSERT_FALSE(expected.empty());
    std::size_t events = 0;
    for (std::size_t at = text.find("BEGIN:VEVENT"); at != std::string::npos; at = text.find("BEGIN:VEVENT", at + 1))
        ++events;
    EXPECT_EQ(events, expected.size());
    EXPECT_TRUE(outcome.summary.Contains(wxString::Format("%zu deadlines", expected.size()))) << outcome.summary;
}

TEST(RegisterTasks, BacksUpTheRegisterToAFileThatOpensOnItsOwn) {
    Fixture f("tasks-backup");
    RecordingProgress progress;
    EXPECT_EQ(back_up_register_to(*f.db, f.out / "copy.sqlite", progress).end, TaskEnd::done);
    auto copy = store::Database::open(f.out / "copy.sqlite");
    EXPECT_EQ(store::Agreements(*copy).count({}), 3);
}

TEST(RegisterTasks, DemoDataAddsEverythingOrNothing) {
    Fixture f("tasks-demo");
    RecordingProgress cancel_halfway(1);  // the generator reports every 20 agreements
    EXPECT_EQ(add_demo_data_to(*f.db, 40, cancel_halfway).end, TaskEnd::cancelled);
    EXPECT_EQ(f.agreements(), 3) << "a cancelled generation adds nothing";
    ASSERT_EQ(cancel_halfway.steps.size(), 2u);
    EXPECT_EQ(cancel_halfway.steps.back().done, 20);

    RecordingProgress cancel_at_the_end(2);  // after the last agreement, before the commit
    EXPECT_EQ(add_demo_data_to(*f.db, 40, cancel_at_the_end).end, TaskEnd::cancelled);
    EXPECT_EQ(f.agreements(), 3);
    EXPECT_EQ(cancel_at_the_end.steps.back().done, 40);

    RecordingProgress progress;
    const TaskOutcome outcome = add_demo_data_to(*f.db, 40, progress);
    EXPECT_EQ(outcome.end, TaskEnd::done);
    EXPECT_EQ(f.agreements(), 43);
    EXPECT_TRUE(outcome.summary.Contains("40 demo agreements")) << outcome.summary;
    EXPECT_EQ(progress.steps.back().done, 40);
}

TEST(RegisterTasks, TheRegisterMenuOffersThemOnceTheRegisterIsOpen) {
    const fs::path path = fresh_register("tasks-menu");
    fill_sample_register(path);
    AppOptions options;
    options.db_path = path;
    auto frame = make_frame(options);
    wxMenuBar* bar = frame->GetMenuBar();
    const int at = bar->FindMenu("Register");
    ASSERT_NE(at, wxNOT_FOUND);
    frame->UpdateWindowUI();
    for (int id : {ID_EXPORT_REGISTER, ID_EXPORT_DEADLINES, ID_BACKUP_REGISTER, ID_DEMO_DATA}) {
        wxMenuItem* item = bar->FindItem(id);
        ASSERT_NE(item, nullptr) << id;
        EXPECT_TRUE(item->IsEnabled()) << from_wx(item->GetItemLabelText());
    }
    std::unique_ptr<wxAcceleratorEntry> accel(bar->FindItem(ID_EXPORT_REGISTER)->GetAccel());
    ASSERT_NE(accel, nullptr);
    EXPECT_EQ(from_wx(accel->ToRawString()), "Ctrl+Shift+E");
}

TEST(RegisterTasks, TheProgressDialogShowsAndCloses) {
    wxFrame frame(nullptr, wxID_ANY, "parent");
    frame.Show();
    {
        ProgressDialogTask progress(&frame, "Working");
        EXPECT_TRUE(progress.update(0, 0, "Starting…"));
        EXPECT_TRUE(progress.update(5, 10, "Adding agreement 500 of 1,000…"));
        pump();
        wxWindow* dialog = wxWindow::FindWindowByLabel("Working");
        ASSERT_NE(dialog, nullptr);
        screenshot(dialog, "register-progress");
    }
    pump();
    EXPECT_EQ(wxWindow::FindWindowByLabel("Working"), nullptr);
}

}  // namespace
}  // namespace moudesk::gui::test
