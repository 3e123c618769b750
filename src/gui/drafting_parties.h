#pragma once
/// @brief The Parties tab of the drafting workspace: the parties of the draft in signature
/// order, with Add, Edit, Remove, Move up and Move down (each one undoable step).

#include <optional>

#include <wx/panel.h>

#include "drafting_host.h"

class wxButton;
class wxListCtrl;

namespace moudesk::gui {

class PartiesPanel : public wxPanel {
public:
    PartiesPanel(wxWindow* parent, DraftingHost& host);

    /// Shows the parties of the host's current draft.
    void refresh();

    /// Adds `party` at the end (what Add does once its dialog returns).
    void add_party(drafting::Party party);
    /// Replaces the party at `index` (what Edit does once its dialog returns).
    void update_party(std::size_t index, drafting::Party party);
    /// Selects the party at `index` (for the findings list).
    void select(std::size_t index);

    wxListCtrl* list() const { return list_; }

private:
    std::optional<std::size_t> selected() const;
    void on_add();
    void on_edit();
    void on_remove();
    void on_move(int delta);
    void update_buttons();

    DraftingHost& host_;
    wxListCtrl* list_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* remove_ = nullptr;
    wxButton* up_ = nullptr;
    wxButton* down_ = nullptr;
};

}  // namespace moudesk::gui
