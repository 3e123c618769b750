#pragma once
/// @brief What the panes of the drafting workspace (parties, key elements, fields, preview) need
/// from the page that holds them: the editor of the current draft, a way to say "I changed it",
/// and the page's one channel for messages and questions (so tests can answer them).

#include <wx/string.h>

#include "moudesk/drafting/editor.h"

namespace moudesk::gui {

class DraftingHost {
public:
    /// The editor of the current draft. The draft can be replaced (New, Open): panes must not
    /// keep the reference across events.
    virtual drafting::Editor& editor() = 0;
    /// Called by a pane after it changed the draft through editor(): every view, the preview,
    /// the findings and the title follow (coalesced, on the next idle moment).
    virtual void edited() = 0;
    /// A short note in the status bar ("Chose Information exchange: 2 clauses").
    virtual void status(const wxString& text) = 0;
    /// A message the user must read (a refusal, a failure); `icon` is wxICON_INFORMATION,
    /// wxICON_WARNING or wxICON_ERROR.
    virtual void tell(const wxString& message, long icon) = 0;

protected:
    ~DraftingHost() = default;
};

}  // namespace moudesk::gui
