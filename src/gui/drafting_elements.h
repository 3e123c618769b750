#pragma once
/// @brief The Key elements tab of the drafting workspace: a checklist of the library's key
/// elements, grouped "Cooperation elements" / "Final provisions" as in the library, each with its
/// clauses. Checking asks drafting::Editor::choose_element, which pulls in what the clause
/// requires (shown with the reason) or refuses a conflict (the box is unchecked again and the
/// reason shown). Elements and clauses present only because something requires them are checked
/// and greyed. Below: the selected element's description and its clauses' guidance, and the
/// element's own partnership level.

#include <string>

#include <wx/dataview.h>
#include <wx/panel.h>

#include "drafting_host.h"

class wxChoice;
class wxHtmlWindow;
class wxStaticText;

namespace moudesk::gui {

class ElementsModel;

class ElementsPanel : public wxPanel {
public:
    ElementsPanel(wxWindow* parent, DraftingHost& host);
    ~ElementsPanel() override;

    /// Shows the choices of the host's current draft.
    void refresh();

    /// What ticking (true) or unticking (false) the box of key element `slug` does. Returns
    /// whether the draft changed; a refusal is told through the host.
    bool set_element(const std::string& slug, bool chosen);
    /// The same for one clause: ticking chooses it (with the element's other chosen clauses),
    /// unticking leaves it out (and drops the element when no clause of it is left).
    bool set_clause(const std::string& clause_id, bool chosen);

    /// Selects (and scrolls to) an element or a clause, and shows its guidance.
    void select_element(const std::string& slug);
    void select_clause(const std::string& clause_id);

    wxDataViewCtrl* tree() const { return tree_; }
    /// The information pane's text (description, guidance, what the last choice pulled in).
    wxString info_text() const;

private:
    void toggled(const wxDataViewItem& item, bool checked);
    void show_info();
    void on_level();
    void note_result(const wxString& what, const drafting::Editor::ElementResult& result);

    DraftingHost& host_;
    wxObjectDataPtr<ElementsModel> model_;
    wxDataViewCtrl* tree_ = nullptr;
    wxHtmlWindow* info_ = nullptr;
    wxStaticText* level_label_ = nullptr;
    wxChoice* level_ = nullptr;
    wxString last_note_;  ///< HTML: what the last check pulled in, shown above the guidance
};

}  // namespace moudesk::gui
