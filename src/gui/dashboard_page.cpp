#include "dashboard_page.h"

#include <cstdlib>

#include <wx/settings.h>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "agreement_labels.h"
#include "error_reporting.h"
#include "status_chart.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

constexpr int horizons[] = {30, 90, 180, 365};
const wxColour overdue_colour(0xA0, 0x00, 0x00);

wxColour action_colour(std::string_view code) {
    if (code == "not-started") return wxColour(0x9E, 0xB7, 0xD6);
    if (code == "in-progress") return wxColour(0x4A, 0x86, 0xC8);
    if (code == "done") return wxColour(0x5C, 0xA8, 0x5C);
    if (code == "blocked") return wxColour(0xD0, 0x5A, 0x4E);
    return wxColour(0xB0, 0xB0, 0xB0);
}

}  // namespace

DashboardPage::DashboardPage(wxWindow* parent, AppContext& context) : Page(parent, wxID_ANY), context_(context) {
    SetName("dashboard-page");
    auto* top = new wxBoxSizer(wxVERTICAL);
    unavailable_ = new wxStaticText(this, wxID_ANY, wxString());
    unavailable_->SetForegroundColour(overdue_colour);
    top->Add(unavailable_, 0, wxEXPAND | wxALL, FromDIP(12));

    auto* content = new wxPanel(this);
    content_ = content;
    auto* body = new wxBoxSizer(wxVERTICAL);

    auto* horizon_row = new wxBoxSizer(wxHORIZONTAL);
    auto* where = new wxStaticText(content, wxID_ANY, wxString::Format(_("Register: %s"), to_wx(context_.db_path)),
                                   wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_MIDDLE);
    where->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    horizon_row->Add(where, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    horizon_row->Add(new wxStaticText(content, wxID_ANY, _("Look ahead:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                     FromDIP(4));
    horizon_ = new wxChoice(content, wxID_ANY);
    horizon_->SetName("horizon");
    for (int days : horizons) horizon_->Append(wxString::Format(wxPLURAL("%d day", "%d days", days), days));
    horizon_->SetSelection(1);
    horizon_row->Add(horizon_, 0, wxALIGN_CENTER_VERTICAL);
    body->Add(horizon_row, 0, wxEXPAND | wxALL, FromDIP(6));

    // Agreements by status | the figures | actions by status.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    agreements_heading_ = new wxStaticText(content, wxID_ANY, wxString());
    agreements_heading_->SetFont(agreements_heading_->GetFont().Bold());
    agreements_heading_->SetLabel(_("Agreements by status"));
    left->Add(agreements_heading_, 0, wxBOTTOM, FromDIP(4));
    statuses_ = new wxListCtrl(content, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, 230)),
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    statuses_->SetName("agreements-by-status");
    statuses_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(160));
    statuses_->AppendColumn(_("Agreements"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    left->Add(statuses_, 1, wxEXPAND);
    row->Add(left, 0, wxEXPAND | wxRIGHT, FromDIP(16));

    auto* middle = new wxBoxSizer(wxVERTICAL);
    auto* work_heading = new wxStaticText(content, wxID_ANY, wxString());
    work_heading->SetFont(work_heading->GetFont().Bold());
    work_heading->SetLabel(_("What needs attention"));
    middle->Add(work_heading, 0, wxBOTTOM, FromDIP(6));
    for (int i = 0; i < 5; ++i) {
        auto* label = new wxStaticText(content, wxID_ANY, wxString());
        figure_labels_.push_back(label);
        middle->Add(label, 0, wxBOTTOM, FromDIP(6));
    }
    figure_labels_[0]->SetFont(figure_labels_[0]->GetFont().Bold());
    row->Add(middle, 0, wxEXPAND | wxRIGHT, FromDIP(16));

    chart_ = new StatusChart(content, _("Actions by status"));
    row->Add(chart_, 1, wxEXPAND);
    body->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));

    deadlines_heading_ = new wxStaticText(content, wxID_ANY, wxString());
    deadlines_heading_->SetFont(deadlines_heading_->GetFont().Bold());
    deadlines_heading_->SetMinSize(FromDIP(wxSize(400, -1)));
    body->Add(deadlines_heading_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    deadline_list_ = new wxListCtrl(content, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    deadline_list_->SetName("deadlines");
    deadline_list_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(95));
    deadline_list_->AppendColumn(_("Deadline"), wxLIST_FORMAT_LEFT, FromDIP(140));
    deadline_list_->AppendColumn(_("Agreement"), wxLIST_FORMAT_LEFT, FromDIP(130));
    deadline_list_->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, FromDIP(420));
    deadline_list_->AppendColumn(_("Owner"), wxLIST_FORMAT_LEFT, FromDIP(200));
    deadline_list_->SetToolTip(_("Double-click a deadline to open its agreement"));
    body->Add(deadline_list_, 1, wxEXPAND | wxALL, FromDIP(6));
    content->SetSizer(body);
    top->Add(content, 1, wxEXPAND);
    SetSizer(top);

    if (!context_.register_db) {
        unavailable_->SetLabel(
            wxString::Format(_("The agreements register %s could not be opened."), to_wx(context_.db_path)) + "\n\n" +
            context_.register_problem);
        content->Hide();
    } else {
        unavailable_->Hide();
    }

    horizon_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    deadline_list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { open_deadline(event.GetIndex()); });
}

wxString DashboardPage::page_name() const {
    return _("Dashboard");
}

void DashboardPage::page_shown() {
    // Deadlines move with the calendar: every visit reads them again.
    refresh();
}

void DashboardPage::register_changed() {
    stale_ = true;
    if (IsShownOnScreen()) refresh();
}

int DashboardPage::horizon() const {
    const int i = horizon_->GetSelection();
    return i >= 0 && i < static_cast<int>(std::size(horizons)) ? horizons[i] : horizons[1];
}

void DashboardPage::set_horizon(int days) {
    int best = 0;
    for (int i = 0; i < static_cast<int>(std::size(horizons)); ++i)
        if (std::abs(horizons[i] - days) < std::abs(horizons[best] - days)) best = i;
    horizon_->SetSelection(best);
    refresh();
}

void DashboardPage::refresh() {
    stale_ = false;
    if (!context_.register_db) return;
    const tracking::Date today = tracking::Date::today();
    const int days = horizon();
    try {
        figures_ = store::dashboard(*context_.register_db, today, days);
        deadlines_ = store::deadlines(*context_.register_db, today, days);
    } catch (...) {
        report_current_exception(this, _("read the dashboard figures"));
        return;
    }

    statuses_->DeleteAllItems();
    long row = 0;
    for (const auto& [code, count] : figures_.agreements_by_status) {
        const long i = statuses_->InsertItem(row++, status_code_label(code));
        statuses_->SetItem(i, 1, wxString::Format("%d", count));
        if (count == 0) statuses_->SetItemTextColour(i, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
    agreements_heading_->SetLabel(wxString::Format(
        wxPLURAL("Agreements by status (%d in all)", "Agreements by status (%d in all)", figures_.agreements),
        figures_.agreements));

    figure_labels_[0]->SetLabel(wxString::Format(_("Overdue actions: %d"), figures_.overdue_actions));
    figure_labels_[0]->SetForegroundColour(figures_.overdue_actions > 0 ? overdue_colour : GetForegroundColour());
    figure_labels_[1]->SetLabel(wxString::Format(_("Actions due within %d days: %d"), days, figures_.upcoming_actions));
    figure_labels_[2]->SetLabel(wxString::Format(_("Reviews due within %d days: %d"), days, figures_.reviews_due));
    figure_labels_[3]->SetLabel(wxString::Format(_("Expiring within %d days: %d"), days, figures_.expiring));
    figure_labels_[4]->SetLabel(wxString::Format(_("Last days for notice: %d"), figures_.notice_deadlines));

    std::vector<StatusChart::Bar> bars;
    for (const auto& [code, count] : figures_.actions_by_status)
        bars.push_back({action_status_code_label(code), count, action_colour(code)});
    chart_->set_bars(std::move(bars));

    int overdue = 0;
    for (const store::Deadline& d : deadlines_) overdue += d.overdue ? 1 : 0;
    deadlines_heading_->SetLabel(wxString::Format(_("Deadlines: %d overdue, %d within %d days"), overdue,
                                                  static_cast<int>(deadlines_.size()) - overdue, days));
    deadline_list_->Freeze();
    deadline_list_->DeleteAllItems();
    for (std::size_t n = 0; n < deadlines_.size(); ++n) {
        const store::Deadline& d = deadlines_[n];
        const long i = deadline_list_->InsertItem(static_cast<long>(n), to_wx(d.date.iso()));
        deadline_list_->SetItem(i, 1, deadline_kind_label(d.kind));
        deadline_list_->SetItem(i, 2, to_wx(d.reference));
        deadline_list_->SetItem(i, 3, to_wx(d.title));
        deadline_list_->SetItem(i, 4, to_wx(d.owner));
        if (d.overdue) deadline_list_->SetItemTextColour(i, overdue_colour);
    }
    deadline_list_->Thaw();
    content_->Layout();
}

void DashboardPage::open_deadline(long index) {
    if (index < 0 || static_cast<std::size_t>(index) >= deadlines_.size()) return;
    const store::Deadline& d = deadlines_[static_cast<std::size_t>(index)];
    if (context_.show_agreement)
        context_.show_agreement(d.agreement, d.kind == store::Deadline::Kind::action ? d.action : 0);
}

wxString DashboardPage::figures_text() const {
    wxString text;
    for (const wxStaticText* label : figure_labels_) text << label->GetLabel() << "\n";
    return text;
}

wxString DashboardPage::unavailable_text() const {
    return context_.register_db ? wxString() : unavailable_->GetLabel();
}

}  // namespace moudesk::gui
