#include "drafting_fields.h"

#include <algorithm>

#include <wx/datectrl.h>
#include <wx/datetime.h>
#include <wx/propgrid/advprops.h>
#include <wx/propgrid/manager.h>
#include <wx/propgrid/props.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "drafting_labels.h"
#include "drafting_layout.h"
#include "moudesk/drafting/assembler.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

// The colours of the preview's gaps, so a field and its "[label]" in the text look alike.
const wxColour missing_colour(0xff, 0xf0, 0xa8);
const wxColour invalid_colour(0xff, 0xd4, 0xd4);

const std::string& localized(const Localized& text, Language language) {
    return text.has(language) ? text[language] : text[language == Language::en ? Language::fr : Language::en];
}

std::optional<long long> parse_integer(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t used = 0;
    try {
        long long n = std::stoll(text, &used);
        if (used == text.size()) return n;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<wxDateTime> parse_date(const std::string& text) {
    if (!drafting::format_date(text, Language::en)) return std::nullopt;
    wxDateTime date;
    if (!date.ParseISODate(to_wx(text))) return std::nullopt;
    return date;
}

// The text the draft stores for a property's value; empty for "no value".
std::string stored_text(const content::Field& field, const wxVariant& value) {
    if (value.IsNull()) return {};
    switch (field.type) {
        case content::FieldType::integer:
            if (value.GetType() == "longlong") return std::to_string(value.GetLongLong().GetValue());
            return std::to_string(value.GetLong());
        case content::FieldType::date:
            return value.GetType() == "datetime" && value.GetDateTime().IsValid()
                       ? from_wx(value.GetDateTime().FormatISODate())
                       : std::string();
        case content::FieldType::text: {
            wxString s = value.GetString();
            s.Trim(true).Trim(false);
            return from_wx(s);
        }
    }
    return {};
}

}  // namespace

FieldsPanel::FieldsPanel(wxWindow* parent, DraftingHost& host) : wxPanel(parent, wxID_ANY), host_(host) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(summary_, 0, wxEXPAND | wxALL, FromDIP(6));
    manager_ = new wxPropertyGridManager(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxPG_DESCRIPTION | wxPG_TOOLTIPS | wxTAB_TRAVERSAL);
    manager_->SetName("fields");
    manager_->SetExtraStyle(wxPG_EX_HELP_AS_TOOLTIPS | wxPG_EX_AUTO_UNSPECIFIED_VALUES);
    manager_->AddPage();
    manager_->SetDescBoxHeight(FromDIP(96));
    top->Add(manager_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    auto* legend = wrapping_text(this, _("Yellow: required, no value yet. Red: the value is not valid. Press Enter or "
                                         "leave the line to apply a change."));
    top->Add(legend, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(top);
    manager_->Bind(wxEVT_PG_CHANGED, &FieldsPanel::on_changed, this);
    // Labels are long ("Time limit to answer an urgent request (hours)"): they get most of the
    // width, once the grid has its real size; after that the user's splitter stays.
    manager_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { place_splitter(); });
    });
    manager_->Bind(wxEVT_PG_COL_END_DRAG, [this](wxPropertyGridEvent& event) {
        event.Skip();
        CallAfter([this] {
            const int width = grid()->GetClientSize().x;
            if (width > 0) label_share_ = std::clamp(double(grid()->GetSplitterPosition()) / width, 0.2, 0.9);
        });
    });
}

wxPropertyGrid* FieldsPanel::grid() const {
    return manager_->GetGrid();
}

wxString FieldsPanel::property_name(const std::string& field, std::optional<Language> language) {
    return to_wx(language ? field + "@" + to_code(*language) : field);
}

const FieldsPanel::Row* FieldsPanel::row_of(const wxString& name) const {
    for (const Row& row : rows_)
        if (property_name(row.field->id, row.language) == name) return &row;
    return nullptr;
}

void FieldsPanel::refresh() {
    const drafting::Editor& ed = host_.editor();
    std::string structure = to_code(content_language());
    for (Language l : ed.draft().languages) structure += std::string(" ") + to_code(l);
    for (const auto& use : ed.assembly().fields) {
        structure += "|" + use.field->id;
        for (const auto& place : use.places) structure += "," + place;
    }
    if (structure != structure_) {
        structure_ = structure;
        rebuild();
    }
    update_values();
}

void FieldsPanel::rebuild() {
    const drafting::Editor& ed = host_.editor();
    const Language ui = content_language();
    wxPropertyGrid* pg = grid();
    wxString keep;
    if (wxPGProperty* sel = pg->GetSelection()) keep = sel->GetName();

    rows_.clear();
    for (const auto& use : ed.assembly().fields) {
        if (use.field->localized && use.field->type == content::FieldType::text) {
            for (Language l : ed.draft().languages) rows_.push_back({use.field, l, use.places, {}});
        } else {
            rows_.push_back({use.field, std::nullopt, use.places, {}});
        }
    }

    updating_ = true;
    pg->Freeze();
    pg->Clear();
    for (Row& row : rows_) {
        const content::Field& f = *row.field;
        wxString label = to_wx(localized(f.label, ui));
        if (row.language)
            // TRANSLATORS: a field's entry for one language: "Place of signature (English)".
            label = wxString::Format(_("%s (%s)"), label, language_label(*row.language));
        const wxString name = property_name(f.id, row.language);
        wxPGProperty* prop = nullptr;
        wxString kind;
        switch (f.type) {
            case content::FieldType::integer: {
                prop = new wxIntProperty(label, name);
                if (f.min) prop->SetAttribute(wxPG_ATTR_MIN, static_cast<long>(*f.min));
                if (f.max) prop->SetAttribute(wxPG_ATTR_MAX, static_cast<long>(*f.max));
                if (f.min && f.max)
                    kind = wxString::Format(_("A whole number from %lld to %lld."), *f.min, *f.max);
                else if (f.min)
                    kind = wxString::Format(_("A whole number, at least %lld."), *f.min);
                else if (f.max)
                    kind = wxString::Format(_("A whole number, at most %lld."), *f.max);
                else
                    kind = _("A whole number.");
                break;
            }
            case content::FieldType::date:
                prop = new wxDateProperty(label, name, wxInvalidDateTime);
                prop->SetAttribute(wxPG_DATE_PICKER_STYLE,
                                   static_cast<long>(wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE));
                prop->SetAttribute(wxPG_DATE_FORMAT, "%Y-%m-%d");
                kind = _("A date; the agreement prints it in words (1 March 2027).");
                break;
            case content::FieldType::text: prop = new wxStringProperty(label, name, wxString()); break;
        }
        pg->Append(prop);
        wxString places;
        for (const auto& place : row.places) places += (places.empty() ? "" : ", ") + to_wx(place);
        wxString help = wxString::Format(_("Used in: %s."), places);
        if (!kind.empty()) help += " " + kind;
        const std::string& example = localized(f.example, row.language.value_or(ui));
        if (!example.empty()) help += " " + wxString::Format(_("Example: %s"), to_wx(example));
        row.help = help;
        pg->SetPropertyHelpString(prop, help);
    }
    pg->Thaw();
    updating_ = false;
    // Keep the selection; else select the first entry so the help line below says what it is.
    wxPGProperty* select = keep.empty() ? nullptr : pg->GetPropertyByName(keep);
    if (!select && !rows_.empty())
        select = pg->GetPropertyByName(property_name(rows_.front().field->id, rows_.front().language));
    if (select) pg->SelectProperty(select, false);
    // The grid places its splitter anew when filled: put back the one the user had.
    CallAfter([this] { place_splitter(); });
}

void FieldsPanel::update_values() {
    const drafting::Editor& ed = host_.editor();
    const drafting::Draft& draft = ed.draft();
    wxPropertyGrid* pg = grid();
    std::size_t missing = 0, invalid = 0;

    updating_ = true;
    for (const Row& row : rows_) {
        const content::Field& f = *row.field;
        wxPGProperty* prop = pg->GetPropertyByName(property_name(f.id, row.language));
        if (!prop) continue;
        const Language lang = row.language.value_or(draft.languages.empty() ? Language::en : draft.languages.front());
        const std::string* value = draft.value(f.id, lang);
        const std::string text = value ? *value : std::string();

        wxVariant shown;  // null: no value
        bool bad = false;
        if (!text.empty()) {
            switch (f.type) {
                case content::FieldType::integer:
                    if (auto n = parse_integer(text))
                        shown = wxVariant(static_cast<long>(*n));
                    else
                        bad = true;
                    break;
                case content::FieldType::date:
                    if (auto d = parse_date(text))
                        shown = wxVariant(*d);
                    else
                        bad = true;
                    break;
                case content::FieldType::text: shown = wxVariant(to_wx(text)); break;
            }
        }
        // The engine's own verdict (range, missing language) wins over what the grid can show.
        for (const auto& finding : ed.findings())
            if (finding.kind == drafting::Finding::Kind::invalid_field && finding.field == f.id) bad = true;

        if (stored_text(f, prop->GetValue()) != (bad ? std::string() : text) ||
            (shown.IsNull() != prop->IsValueUnspecified())) {
            if (shown.IsNull())
                pg->SetPropertyValueUnspecified(prop);
            else
                pg->SetPropertyValue(prop, shown);
        }

        pg->SetPropertyColoursToDefault(prop);
        if (bad) {
            ++invalid;
            pg->SetPropertyBackgroundColour(prop, invalid_colour, wxPG_DONT_RECURSE);
        } else if (text.empty()) {
            ++missing;
            pg->SetPropertyBackgroundColour(prop, missing_colour, wxPG_DONT_RECURSE);
        }
        wxString help = row.help;
        if (bad)
            help += "\n" + wxString::Format(_("The value “%s” is not valid."), to_wx(text));
        else if (text.empty())
            help += "\n" + wxString(_("Required: no value yet; the agreement shows the gap as [label]."));
        pg->SetPropertyHelpString(prop, help);
    }
    updating_ = false;
    pg->Refresh();
    show_description();

    wxString summary = wxString::Format(wxPLURAL("%zu field", "%zu fields", rows_.size()), rows_.size());
    if (missing > 0)
        summary += ", " + wxString::Format(wxPLURAL("%zu without a value", "%zu without a value", missing), missing);
    if (invalid > 0) summary += ", " + wxString::Format(wxPLURAL("%zu not valid", "%zu not valid", invalid), invalid);
    summary_->SetLabel(summary);
}

void FieldsPanel::on_changed(wxPropertyGridEvent& event) {
    if (updating_ || !event.GetProperty()) return;
    const Row* row = row_of(event.GetProperty()->GetName());
    if (!row) return;
    const std::string value = stored_text(*row->field, event.GetProperty()->GetValue());
    const std::string id = row->field->id;
    const std::optional<Language> language = row->language;
    host_.editor().set_value(id, language, value);
    host_.edited();
}

bool FieldsPanel::select_field(const std::string& id) {
    const drafting::Draft& draft = host_.editor().draft();
    wxPGProperty* first = nullptr;
    wxPGProperty* empty = nullptr;
    for (const Row& row : rows_) {
        if (row.field->id != id) continue;
        wxPGProperty* prop = grid()->GetPropertyByName(property_name(id, row.language));
        if (!prop) continue;
        if (!first) first = prop;
        const std::string* v = draft.value(id, row.language.value_or(draft.languages.front()));
        if (!empty && (!v || v->empty())) empty = prop;
    }
    wxPGProperty* target = empty ? empty : first;
    if (!target) return false;
    grid()->SelectProperty(target, false);
    grid()->EnsureVisible(target);
    show_description();
    return true;
}

void FieldsPanel::start_over() {
    grid()->ClearSelection(false);
    grid()->Scroll(0, 0);
    structure_.clear();
}

void FieldsPanel::place_splitter() {
    const int width = grid()->GetClientSize().x;
    if (width > FromDIP(100)) manager_->SetSplitterPosition(static_cast<int>(width * label_share_));
}

void FieldsPanel::show_description() {
    // The help box follows the user's clicks by itself, not a selection made by the program.
    if (wxPGProperty* sel = grid()->GetSelection())
        manager_->SetDescription(sel->GetLabel(), sel->GetHelpString());
    else
        manager_->SetDescription(wxString(), wxString());
}

}  // namespace moudesk::gui
