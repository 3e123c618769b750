#pragma once
/// @brief The drafting workspace: parties, partnership level, key elements, fields, live
/// preview and lint findings of one draft, with undo/redo, open/save, autosave and export.

#include <memory>

#include "app_context.h"
#include "page.h"

namespace moudesk::gui {

class DraftingPage : public Page {
public:
    DraftingPage(wxWindow* parent, AppContext& context);
    ~DraftingPage() override;

    wxString page_name() const override;
    bool confirm_close() override;

    /// Opens a .moudraft file (Open dialog, recent files, command line). A file that cannot be
    /// read or parsed is reported in a dialog naming the file and line; the current draft stays.
    bool open_file(const wxString& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace moudesk::gui
