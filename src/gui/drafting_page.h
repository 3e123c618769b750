#pragma once
/// @brief The drafting workspace: parties, partnership level, key elements, fields, live
/// preview and lint findings of one draft, with undo/redo, open/save, autosave and export.

#include <filesystem>
#include <functional>
#include <memory>

#include "app_context.h"
#include "page.h"

class wxNotebook;

namespace moudesk::drafting {
class Editor;
struct Draft;
}  // namespace moudesk::drafting

namespace moudesk::gui {

struct NewDraftSettings;
class PartiesPanel;
class ElementsPanel;
class FieldsPanel;
class PreviewPane;

class DraftingPage : public Page {
public:
    DraftingPage(wxWindow* parent, AppContext& context);
    ~DraftingPage() override;

    wxString page_name() const override;
    void page_shown() override;
    bool confirm_close() override;

    /// Opens a .moudraft file (Open dialog, recent files, command line). A file that cannot be
    /// read or parsed is reported in a dialog naming the file and line; the current draft stays.
    bool open_file(const wxString& path);
    /// Replaces the current draft (after asking about its unsaved changes) by `draft`, a new
    /// draft not saved yet (an addendum built from an assessment's gaps); `note` goes to the
    /// status bar. False when the user kept the current draft.
    bool start_new_draft(const drafting::Draft& draft, const wxString& note);

    class Testing;
    /// For the GUI tests only (tests/gui/drafting_page_test.cpp); see Testing.
    Testing testing();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Test access, for tests/gui only: the page's parts and the handlers its modal dialogs call,
/// so a test drives the real window (events, the panes' own handlers) without blocking on a
/// dialog. Application code never uses it.
class DraftingPage::Testing {
public:
    /// From then on every question the page would ask in a modal dialog (unsaved changes,
    /// autosave recovery, export with gaps, open the exported file) and every message it would
    /// show (a refusal) goes to `answer` instead: it gets the text and the dialog's style
    /// (wxYES_NO, wxICON_WARNING, …) and returns the button (wxID_YES, wxID_NO, wxID_CANCEL,
    /// wxID_OK; ignored for messages). An empty function restores the dialogs. Failures go
    /// through error_reporting.h, whose set_error_sink() catches them.
    void answer_dialogs_with(std::function<int(const wxString& text, long style)> answer);
    /// Starts a new draft as the New draft dialog does when it returns `settings` (without
    /// asking about unsaved changes).
    void new_draft(const NewDraftSettings& settings);
    /// Saves to `path` as Save As does after its file dialog.
    bool save_to(const std::filesystem::path& path);
    /// Exports to `path` (format from the extension) as Export does after its file dialog,
    /// asking about gaps and whether to open the file through the dialog answers.
    bool export_to(const std::filesystem::path& path);
    /// Writes the autosave now, as the timer does; returns its path.
    std::filesystem::path autosave_now();
    /// Runs the pending refresh of views and preview now instead of on the next idle moment.
    void refresh_now();

    drafting::Editor& editor();
    wxNotebook* notebook();
    PartiesPanel& parties();
    ElementsPanel& elements();
    FieldsPanel& fields();
    PreviewPane& preview();

private:
    friend class DraftingPage;
    explicit Testing(Impl& impl) : impl_(impl) {}
    Impl& impl_;
};

}  // namespace moudesk::gui
