#pragma once
/// @brief The Fields tab of the drafting workspace: every field the draft's title, preamble,
/// clauses and signatures use (drafting::Assembly::fields, in order of first use), as a property
/// grid with the editor each type needs (whole numbers with their range, dates, text; one entry
/// per draft language for a localised text). Fields without a value are highlighted, invalid
/// ones too; the help line says where each field is used. Changes go through
/// drafting::Editor::set_value.

#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "drafting_host.h"

class wxPropertyGrid;
class wxPropertyGridManager;
class wxPropertyGridEvent;
class wxStaticText;

namespace moudesk::gui {

class FieldsPanel : public wxPanel {
public:
    FieldsPanel(wxWindow* parent, DraftingHost& host);

    /// Shows the fields and values of the host's current draft.
    void refresh();
    /// For another draft (New, Open): the selection and scroll position start at the top again.
    void start_over();
    /// Selects field `id` (its first language without a value, if any) and scrolls to it.
    bool select_field(const std::string& id);

    /// The property name of a field's entry: "signature-place@en" for one language of a
    /// localised field, else the field id.
    static wxString property_name(const std::string& field, std::optional<Language> language);

    wxPropertyGrid* grid() const;

private:
    struct Row {
        const content::Field* field = nullptr;
        std::optional<Language> language;  ///< set for the entries of a localised field
        std::vector<std::string> places;
        wxString help;  ///< where it is used, what it takes, an example
    };
    void rebuild();
    void update_values();
    void on_changed(wxPropertyGridEvent& event);
    const Row* row_of(const wxString& name) const;
    void show_description();
    void place_splitter();

    DraftingHost& host_;
    wxPropertyGridManager* manager_ = nullptr;
    wxStaticText* summary_ = nullptr;
    std::vector<Row> rows_;
    std::string structure_;  ///< what the rows were built from; rebuilt only when it changes
    bool updating_ = false;
    double label_share_ = 0.6;  ///< the labels' share of the width; the user can drag it
};

}  // namespace moudesk::gui
