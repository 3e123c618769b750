// The Dashboard: counts that match the store, the actions chart, the deadlines within the chosen
// horizon, a double click that opens the agreement (and the action), and refreshing after edits.
#include <gtest/gtest.h>

#include <memory>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include "agreement_detail.h"
#include "agreement_dialog.h"
#include "agreements_page.h"
#include "dashboard_page.h"
#include "gui_test_support.h"
#include "moudesk/store/dashboard.h"
#include "moudesk/store/deadlines.h"
#include "register_fixture.h"
#include "status_chart.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;
using tracking::Date;

struct Fixture {
    explicit Fixture(const std::string& name) {
        path = fresh_register(name);
        ids = fill_sample_register(path);
        AppOptions options;
        options.db_path = path;
        frame = make_frame(options);
        frame->show_page(&frame->dashboard_page());
        pump();
    }
    DashboardPage& page() { return frame->dashboard_page(); }
    store::Database& db() { return *frame->context().register_db; }

    fs::path path;
    SampleRegister ids;
    std::unique_ptr<MainFrame> frame;
};

TEST(DashboardPage, CountsMatchTheStore) {
    Fixture f("dashboard-counts");
    DashboardPage& page = f.page();
    EXPECT_EQ(page.page_name(), "Dashboard");
    EXPECT_EQ(f.frame->current_page(), &page);
    EXPECT_EQ(page.horizon(), 90);
    const store::Dashboard expected = store::dashboard(f.db(), Date::today(), 90);
    EXPECT_EQ(page.figures().agreements, 3);
    EXPECT_EQ(page.figures().overdue_actions, expected.overdue_actions);
    EXPECT_EQ(page.figures().overdue_actions, 1);
    EXPECT_EQ(page.figures().upcoming_actions, expected.upcoming_actions);

    // One row per status.
    wxListCtrl* statuses = page.status_list();
    ASSERT_EQ(statuses->GetItemCount(), static_cast<int>(expected.agreements_by_status.size()));
    for (std::size_t i = 0; i < expected.agreements_by_status.size(); ++i) {
        const auto& [code, count] = expected.agreements_by_status[i];
        EXPECT_EQ(from_wx(statuses->GetItemText(static_cast<long>(i), 1)), std::to_string(count)) << code;
        if (code == "in-force") {
            EXPECT_EQ(statuses->GetItemText(static_cast<long>(i), 0), "in force");
        }
    }

    // The chart: one bar per action status, with the store's counts.
    const auto& bars = page.chart()->bars();
    ASSERT_EQ(bars.size(), expected.actions_by_status.size());
    for (std::size_t i = 0; i < bars.size(); ++i) EXPECT_EQ(bars[i].count, expected.actions_by_status[i].second);
    EXPECT_EQ(bars[0].label, "not started");
    EXPECT_TRUE(page.figures_text().Contains("Overdue actions: 1")) << page.figures_text();

    // Deadlines: the overdue action first, in red.
    const std::vector<store::Deadline> deadlines = store::deadlines(f.db(), Date::today(), 90);
    ASSERT_EQ(page.deadline_list()->GetItemCount(), static_cast<int>(deadlines.size()));
    ASSERT_GE(deadlines.size(), 2u);
    EXPECT_TRUE(deadlines[0].overdue);
    EXPECT_EQ(page.deadline_list()->GetItemTextColour(0), wxColour(0xA0, 0x00, 0x00));
    const fs::path shot = screenshot(f.frame.get(), "dashboard");
    EXPECT_GT(colour_count(shot), 20);
}

TEST(DashboardPage, TheHorizonChoosesTheDeadlines) {
    Fixture f("dashboard-horizon");
    DashboardPage& page = f.page();
    page.set_horizon(30);
    EXPECT_EQ(page.horizon(), 30);
    const std::size_t within_30 = page.deadlines().size();
    EXPECT_EQ(within_30, store::deadlines(f.db(), Date::today(), 30).size());
    page.set_horizon(365);
    EXPECT_EQ(page.horizon_choice()->GetStringSelection(), "365 days");
    EXPECT_EQ(page.deadlines().size(), store::deadlines(f.db(), Date::today(), 365).size());
    EXPECT_GT(page.deadlines().size(), within_30);  // the signed agreement's review in 60 days
    page.set_horizon(90);
}

TEST(DashboardPage, ADoubleClickOnADeadlineOpensItsAgreementAndAction) {
    Fixture f("dashboard-open");
    DashboardPage& page = f.page();
    long row = -1;
    for (std::size_t i = 0; i < page.deadlines().size(); ++i)
        if (page.deadlines()[i].action == f.ids.upcoming_action) row = static_cast<long>(i);
    ASSERT_GE(row, 0);
    wxListEvent event(wxEVT_LIST_ITEM_ACTIVATED, page.deadline_list()->GetId());
    event.SetEventObject(page.deadline_list());
    event.m_itemIndex = row;
    page.deadline_list()->GetEventHandler()->ProcessEvent(event);
    pump();
    AgreementsPage& agreements = f.frame->agreements_page();
    EXPECT_EQ(f.frame->current_page(), &agreements);
    EXPECT_EQ(agreements.selected_agreement(), f.ids.in_force);
    AgreementDetail& detail = *agreements.detail();
    EXPECT_EQ(detail.notebook()->GetSelection(), AgreementDetail::actions_tab);
    const long selected = detail.actions_list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    ASSERT_GE(selected, 0);
    EXPECT_EQ(detail.actions()[static_cast<std::size_t>(selected)].id, f.ids.upcoming_action);
    screenshot(f.frame.get(), "dashboard-opened-action");
}

TEST(DashboardPage, FollowsChangesMadeOnTheAgreementsPage) {
    Fixture f("dashboard-refresh");
    ASSERT_EQ(f.page().figures().overdue_actions, 1);
    f.frame->context().show_agreement(f.ids.in_force, f.ids.overdue_action);
    pump();
    AgreementDetail& detail = *f.frame->agreements_page().detail();
    {
        const FormAnswer previous = set_form_answer([](FormDialog& form) {
            form.set_text("evidence", "Focal points named in the minutes of 2 May");
            return wxID_OK;
        });
        detail.complete_action();
        set_form_answer(previous);
    }
    f.frame->show_page(&f.page());
    pump();
    EXPECT_EQ(f.page().figures().overdue_actions, 0);
    EXPECT_TRUE(f.page().figures_text().Contains("Overdue actions: 0"));
}

}  // namespace
}  // namespace moudesk::gui::test
