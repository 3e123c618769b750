#pragma once
/// @brief The Dashboard: the register at a glance — agreements by status, overdue and upcoming
/// work, actions by status as a bar chart, and the deadlines within a chosen horizon (a double
/// click opens the agreement, and the action, on the Agreements page).

#include <vector>

#include "app_context.h"
#include "moudesk/store/dashboard.h"
#include "moudesk/store/deadlines.h"
#include "page.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace moudesk::gui {

class StatusChart;

class DashboardPage : public Page {
public:
    DashboardPage(wxWindow* parent, AppContext& context);

    wxString page_name() const override;
    void page_shown() override;

    /// The register changed: refresh now if shown, else when shown next.
    void register_changed();
    /// Reads the figures and deadlines again.
    void refresh();
    /// 30, 90, 180 or 365 days (another value is taken as the nearest choice).
    void set_horizon(int days);
    int horizon() const;
    /// Opens deadline `index` of the list on the Agreements page.
    void open_deadline(long index);

    // For tests.
    const store::Dashboard& figures() const { return figures_; }
    const std::vector<store::Deadline>& deadlines() const { return deadlines_; }
    wxListCtrl* status_list() const { return statuses_; }
    wxListCtrl* deadline_list() const { return deadline_list_; }
    StatusChart* chart() const { return chart_; }
    wxChoice* horizon_choice() const { return horizon_; }
    /// The figure labels ("Overdue actions: 3" …), in order.
    wxString figures_text() const;
    /// The message shown instead of the figures when the register could not be opened (else empty).
    wxString unavailable_text() const;

private:
    AppContext& context_;
    bool stale_ = true;
    store::Dashboard figures_;
    std::vector<store::Deadline> deadlines_;

    wxChoice* horizon_ = nullptr;
    wxListCtrl* statuses_ = nullptr;
    wxListCtrl* deadline_list_ = nullptr;
    StatusChart* chart_ = nullptr;
    std::vector<wxStaticText*> figure_labels_;
    wxStaticText* deadlines_heading_ = nullptr;
    wxStaticText* agreements_heading_ = nullptr;
    wxStaticText* unavailable_ = nullptr;
    wxWindow* content_ = nullptr;
};

}  // namespace moudesk::gui
