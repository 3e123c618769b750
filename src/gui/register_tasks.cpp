#include "register_tasks.h"

#include <wx/filedlg.h>
#include <wx/numdlg.h>
#include <wx/numformatter.h>
#include <wx/progdlg.h>

#include "error_reporting.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/store/demo_data.h"
#include "moudesk/store/register_export.h"
#include "moudesk/tracking/calendar.h"
#include "moudesk/tracking/table_export.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace fs = std::filesystem;

namespace {

wxString number(long n) {
    return wxNumberFormatter::ToString(n, wxNumberFormatter::Style_WithThousandsSep);
}

TaskOutcome cancelled() {
    return {TaskEnd::cancelled, _("Cancelled: nothing was written.")};
}

bool is_xlsx(const fs::path& path) {
    wxString ext = to_wx(path.extension());
    return ext.Lower() == ".xlsx";
}

}  // namespace

// The dialog is created on the first update, so a task that fails at once shows no flash of it.
struct ProgressDialogTask::Impl {
    wxWindow* parent;
    wxString title;
    wxProgressDialog* dialog = nullptr;
};

ProgressDialogTask::ProgressDialogTask(wxWindow* parent, const wxString& title) : impl_(new Impl{parent, title}) {}

ProgressDialogTask::~ProgressDialogTask() {
    if (impl_->dialog) impl_->dialog->Destroy();
    delete impl_;
}

bool ProgressDialogTask::update(int done, int total, const wxString& what) {
    if (!impl_->dialog)
        impl_->dialog = new wxProgressDialog(impl_->title, what, 100, impl_->parent,
                                             wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_SMOOTH);
    // Update() and Pulse() also run the event loop, which is how Cancel gets pressed.
    if (total <= 0) return impl_->dialog->Pulse(what);
    const int percent = static_cast<int>(100LL * std::min(done, total) / total);
    return impl_->dialog->Update(std::min(percent, 99), what);  // 100 would close the dialog early
}

TaskOutcome export_register_to(store::Database& db, const fs::path& path, TaskProgress& progress) {
    const bool workbook = is_xlsx(path);
    const int steps = workbook ? 3 : 2;
    if (!progress.update(0, steps, _("Reading the register…"))) return cancelled();
    std::vector<tracking::Table> sheets{store::register_table(db)};
    if (workbook) {
        if (!progress.update(1, steps, _("Reading the action plan…"))) return cancelled();
        sheets.push_back(store::action_plan_table(db));
    }
    // The last moment to cancel: writing is one atomic step.
    if (!progress.update(steps - 1, steps, wxString::Format(_("Writing %s…"), to_wx(path.filename()))))
        return cancelled();
    if (workbook)
        tracking::write_xlsx(path, sheets);
    else
        tracking::write_csv(path, sheets.front());
    progress.update(steps, steps, _("Done"));
    wxString summary =
        workbook ? wxString::Format(_("Exported %s agreements and %s actions to %s."), number(sheets[0].rows.size()),
                                    number(sheets[1].rows.size()), to_wx(path))
                 : wxString::Format(_("Exported %s agreements to %s."), number(sheets[0].rows.size()), to_wx(path));
    return {TaskEnd::done, summary};
}

TaskOutcome export_deadlines_to(store::Database& db, const fs::path& path, int within_days, TaskProgress& progress) {
    if (!progress.update(0, 2, _("Reading the deadlines…"))) return cancelled();
    const auto list = store::deadlines(db, tracking::Date::today(), within_days, 100000);
    if (!progress.update(1, 2, wxString::Format(_("Writing %s…"), to_wx(path.filename())))) return cancelled();
    tracking::write_icalendar(path, store::deadline_events(list), "moudesk deadlines");
    progress.update(2, 2, _("Done"));
    return {TaskEnd::done, wxString::Format(_("Exported %s deadlines to %s."), number(list.size()), to_wx(path))};
}

TaskOutcome back_up_register_to(store::Database& db, const fs::path& path, TaskProgress& progress) {
    if (!progress.update(0, 0, _("Copying the register…"))) return cancelled();
    db.backup_to(path);
    progress.update(1, 1, _("Done"));
    return {TaskEnd::done, wxString::Format(_("Backed up the register to %s."), to_wx(path))};
}

TaskOutcome add_demo_data_to(store::Database& db, int agreements, TaskProgress& progress) {
    const store::DemoSummary added =
        store::generate_demo_data(db, agreements, tracking::Date::today(), 2027, [&](int done, int total) {
            return progress.update(done, total,
                                   wxString::Format(_("Adding agreement %s of %s…"), number(done), number(total)));
        });
    if (added.agreements == 0) return {TaskEnd::cancelled, _("Cancelled: no demo data was added.")};
    progress.update(agreements, agreements, _("Done"));
    return {TaskEnd::done, wxString::Format(_("Added %s demo agreements with %s actions."), number(added.agreements),
                                            number(added.actions))};
}

namespace {

// Runs `task` behind a progress dialog; reports a failure as "Could not <attempted>." with the
// error's own message, and tells the status bar how it ended.
template <typename Task>
bool run_with_progress(wxWindow* parent, AppContext& context, const wxString& title, const wxString& attempted,
                       Task task) {
    TaskOutcome outcome;
    try {
        ProgressDialogTask progress(parent, title);
        outcome = task(progress);
    } catch (...) {
        report_current_exception(parent, attempted);
        return false;
    }
    if (context.show_status) context.show_status(outcome.summary);
    return outcome.end == TaskEnd::done;
}

fs::path ask_for_file(wxWindow* parent, const wxString& title, const wxString& name, const wxString& wildcard) {
    wxFileDialog dialog(parent, title, wxString(), name, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return {};
    return path_from_wx(dialog.GetPath());
}

}  // namespace

void export_register(wxWindow* parent, AppContext& context) {
    if (!context.register_db) return;
    wxString wildcard = _("Excel workbook, register and action plan (*.xlsx)|*.xlsx|CSV, register (*.csv)|*.csv");
    fs::path path = ask_for_file(parent, _("Export the register"), "register.xlsx", wildcard);
    if (path.empty()) return;
    run_with_progress(parent, context, _("Exporting the register"), _("export the register"),
                      [&](TaskProgress& p) { return export_register_to(*context.register_db, path, p); });
}

void export_deadlines(wxWindow* parent, AppContext& context) {
    if (!context.register_db) return;
    fs::path path =
        ask_for_file(parent, _("Export the deadlines to a calendar"), "deadlines.ics", _("iCalendar (*.ics)|*.ics"));
    if (path.empty()) return;
    run_with_progress(parent, context, _("Exporting the deadlines"), _("export the deadlines"),
                      [&](TaskProgress& p) { return export_deadlines_to(*context.register_db, path, 365, p); });
}

void back_up_register(wxWindow* parent, AppContext& context) {
    if (!context.register_db) return;
    fs::path path = ask_for_file(parent, _("Back up the register"), "moudesk-backup.sqlite",
                                 _("moudesk register (*.sqlite)|*.sqlite"));
    if (path.empty()) return;
    run_with_progress(parent, context, _("Backing up the register"), _("back up the register"),
                      [&](TaskProgress& p) { return back_up_register_to(*context.register_db, path, p); });
}

void add_demo_data(wxWindow* parent, AppContext& context) {
    if (!context.register_db) return;
    const long count = wxGetNumberFromUser(
        _("Generated agreements between customs and police services, at every stage of their life, with\n"
          "their parties, actions and history, are added to the register to try moudesk with."),
        _("Agreements:"), _("Add demo data"), 1000, 1, 100000, parent);
    if (count <= 0) return;
    if (run_with_progress(parent, context, _("Adding demo data"), _("add demo data"), [&](TaskProgress& p) {
            return add_demo_data_to(*context.register_db, static_cast<int>(count), p);
        })) {
        if (context.register_changed) context.register_changed();
    }
}

}  // namespace moudesk::gui
