#pragma once
/// @brief The register's long work from the desktop — exporting the register and action plan
/// (XLSX, CSV), the deadlines (iCalendar), a backup, demo data — each behind a progress dialog
/// with Cancel. A cancelled or failed task leaves no partial file and no partial data: files are
/// written whole at the end (atomically), demo data is one transaction.

#include <filesystem>

#include <wx/string.h>

#include "app_context.h"

class wxWindow;

namespace moudesk::gui {

/// How a task shows where it is and learns that the user cancelled. The desktop uses
/// ProgressDialogTask; tests pass their own.
class TaskProgress {
public:
    virtual ~TaskProgress() = default;
    /// `done` of `total` steps (total 0: unknown), doing `what`; false when the user cancelled.
    virtual bool update(int done, int total, const wxString& what) = 0;
};

/// An application-modal wxProgressDialog with Cancel and the elapsed time.
class ProgressDialogTask : public TaskProgress {
public:
    ProgressDialogTask(wxWindow* parent, const wxString& title);
    ~ProgressDialogTask() override;
    bool update(int done, int total, const wxString& what) override;

private:
    struct Impl;
    Impl* impl_;
};

enum class TaskEnd { done, cancelled };

/// What a finished task says in the status bar ("Exported 1,204 agreements to …").
struct TaskOutcome {
    TaskEnd end = TaskEnd::done;
    wxString summary;
};

/// The register and the action plan as two sheets (.xlsx), or the register alone (.csv, any
/// other name). Throws moudesk::Error naming the file when it cannot be written.
TaskOutcome export_register_to(store::Database& db, const std::filesystem::path& path, TaskProgress& progress);
/// Overdue deadlines and those within `within_days` as an iCalendar file.
TaskOutcome export_deadlines_to(store::Database& db, const std::filesystem::path& path, int within_days,
                                TaskProgress& progress);
/// A standalone copy of the register (SQLite online backup), safe while moudesk runs.
TaskOutcome back_up_register_to(store::Database& db, const std::filesystem::path& path, TaskProgress& progress);
/// Adds `agreements` generated agreements with their parties, actions and audit trail.
TaskOutcome add_demo_data_to(store::Database& db, int agreements, TaskProgress& progress);

/// The same with the desktop around them: ask for the file (or the number), run behind a
/// progress dialog, report a failure in a dialog naming the file, tell the status bar, and let
/// the other pages refresh after demo data. Nothing happens when the register is not open.
void export_register(wxWindow* parent, AppContext& context);
void export_deadlines(wxWindow* parent, AppContext& context);
void back_up_register(wxWindow* parent, AppContext& context);
void add_demo_data(wxWindow* parent, AppContext& context);

}  // namespace moudesk::gui
