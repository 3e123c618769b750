#include "drafting_elements.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "drafting_labels.h"
#include "drafting_layout.h"
#include "moudesk/core/text.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

enum Column : unsigned { col_title, col_checked, col_status, col_count };

wxString html(const std::string& text) {
    return to_wx(xml_escape(text));
}
wxString html(const wxString& text) {
    return to_wx(xml_escape(from_wx(text)));
}

const std::string& localized(const Localized& text, Language language) {
    return text.has(language) ? text[language] : text[language == Language::en ? Language::fr : Language::en];
}

wxString instrument_short(Instrument instrument) {
    switch (instrument) {
        case Instrument::mou: return _("an MOU");
        case Instrument::moa: return _("an MOA");
        case Instrument::addendum: return _("an addendum");
    }
    return {};
}

// "chosen" / "required by <clause id>" from the engine, in the user's words.
wxString reason_label(const content::Library& library, const std::string& reason) {
    static const std::string required_by = "required by ";
    if (reason == "chosen") return _("chosen");
    if (reason.rfind(required_by, 0) == 0) {
        std::string id = reason.substr(required_by.size());
        const content::Clause* by = library.find_clause(id);
        return wxString::Format(_("required by “%s”"),
                                by ? to_wx(localized(by->title, content_language())) : to_wx(id));
    }
    return to_wx(reason);
}

bool is_required(const std::optional<std::string>& reason) {
    return reason && reason->rfind("required by ", 0) == 0;
}

}  // namespace

/// The library's key elements and clauses as a tree; values come from the host's editor each
/// time they are asked for, so the view can never disagree with the draft.
class ElementsModel : public wxDataViewModel {
public:
    struct Node {
        enum class Kind { group, element, clause } kind;
        content::ElementGroup group = content::ElementGroup::cooperation;
        std::string slug;       ///< element and clause nodes
        std::string clause_id;  ///< clause nodes
        Node* parent = nullptr;
        std::vector<Node*> children;
    };

    ElementsModel(DraftingHost& host, std::function<void(const wxDataViewItem&, bool)> on_toggle)
        : host_(host), on_toggle_(std::move(on_toggle)) {
        const content::Library& library = host_.editor().library();
        for (auto group : {content::ElementGroup::cooperation, content::ElementGroup::final_provision}) {
            Node* g = make({Node::Kind::group, group, {}, {}, nullptr, {}});
            roots_.push_back(g);
            for (const auto& e : library.elements) {
                if (e.group != group) continue;
                Node* en = make({Node::Kind::element, group, e.slug, {}, g, {}});
                g->children.push_back(en);
                element_nodes_[e.slug] = en;
                for (const content::Clause* c : library.clauses_of(e.slug)) {
                    Node* cn = make({Node::Kind::clause, group, e.slug, c->id, en, {}});
                    en->children.push_back(cn);
                    clause_nodes_[c->id] = cn;
                }
            }
        }
    }

    static Node* node(const wxDataViewItem& item) { return static_cast<Node*>(item.GetID()); }
    static wxDataViewItem item(const Node* n) { return wxDataViewItem(const_cast<Node*>(n)); }
    wxDataViewItem element_item(const std::string& slug) const {
        auto it = element_nodes_.find(slug);
        return it == element_nodes_.end() ? wxDataViewItem() : item(it->second);
    }
    wxDataViewItem clause_item(const std::string& id) const {
        auto it = clause_nodes_.find(id);
        return it == clause_nodes_.end() ? wxDataViewItem() : item(it->second);
    }
    const std::vector<Node*>& roots() const { return roots_; }

    /// Tells the view that every value may have changed.
    void refresh_all() {
        wxDataViewItemArray items;
        for (const auto& n : nodes_) items.Add(item(n.get()));
        ItemsChanged(items);
    }

    // --- what a node shows ----------------------------------------------------------------

    bool in_assembly(const Node& n) const {
        const drafting::Editor& ed = host_.editor();
        if (n.kind == Node::Kind::clause) return ed.assembly().find(n.clause_id) != nullptr;
        if (n.kind == Node::Kind::element) return ed.draft().has_element(n.slug) || ed.implied(n.slug);
        return false;
    }

    // Whether the user may tick or untick the box.
    bool can_toggle(const Node& n) const {
        const drafting::Editor& ed = host_.editor();
        if (n.kind == Node::Kind::group) return false;
        if (n.kind == Node::Kind::element) {
            if (ed.draft().has_element(n.slug)) return true;
            if (ed.implied(n.slug)) return false;
            auto clauses = ed.library().clauses_of(n.slug);
            return std::any_of(clauses.begin(), clauses.end(), [&](const content::Clause* c) {
                return c->is_default && c->fits(ed.draft().instrument);
            });
        }
        std::optional<std::string> reason = ed.reason_for(n.clause_id);
        if (is_required(reason)) return false;
        if (reason) return true;
        const content::Clause* c = ed.library().find_clause(n.clause_id);
        return c && c->fits(ed.draft().instrument);
    }

    wxString title(const Node& n) const {
        const Language ui = content_language();
        const content::Library& library = host_.editor().library();
        switch (n.kind) {
            case Node::Kind::group:
                return n.group == content::ElementGroup::cooperation ? _("Cooperation elements")
                                                                     : _("Final provisions");
            case Node::Kind::element:
                if (const content::KeyElement* e = library.find_element(n.slug)) return to_wx(localized(e->title, ui));
                break;
            case Node::Kind::clause:
                if (const content::Clause* c = library.find_clause(n.clause_id)) return to_wx(localized(c->title, ui));
                break;
        }
        return to_wx(n.kind == Node::Kind::clause ? n.clause_id : n.slug);
    }

    wxString status(const Node& n) const {
        const drafting::Editor& ed = host_.editor();
        const content::Library& library = ed.library();
        if (n.kind == Node::Kind::group) {
            std::size_t chosen = 0;
            for (const Node* e : n.children) chosen += in_assembly(*e);
            return wxString::Format(_("%zu of %zu in the draft"), chosen, n.children.size());
        }
        if (n.kind == Node::Kind::element) {
            wxString text;
            if (ed.draft().has_element(n.slug)) {
                text = _("chosen");
                for (const auto& choice : ed.draft().elements)
                    if (choice.slug == n.slug && choice.level)
                        text += wxString::Format(_(", level %s"), level_label(*choice.level));
            } else if (ed.implied(n.slug)) {
                for (const auto& c : ed.assembly().clauses)
                    if (c.clause->element == n.slug) {
                        text = reason_label(library, c.reason);
                        break;
                    }
            } else if (!can_toggle(n)) {
                text = wxString::Format(_("no clause for %s"), instrument_short(ed.draft().instrument));
            }
            return text;
        }
        if (const drafting::ChosenClause* chosen = ed.assembly().find(n.clause_id))
            return wxString::Format(_("Article %d, %s"), chosen->article, reason_label(library, chosen->reason));
        const content::Clause* c = library.find_clause(n.clause_id);
        if (c && !c->fits(ed.draft().instrument))
            return wxString::Format(_("not for %s"), instrument_short(ed.draft().instrument));
        if (c && c->is_default) return _("default clause");
        return _("alternative");
    }

    // --- wxDataViewModel --------------------------------------------------------------------

    unsigned int GetColumnCount() const override { return col_count; }
    wxString GetColumnType(unsigned int col) const override { return col == col_checked ? "bool" : "string"; }

    void GetValue(wxVariant& value, const wxDataViewItem& it, unsigned int col) const override {
        const Node* n = node(it);
        if (!n) return;
        switch (col) {
            case col_title: value = title(*n); break;
            case col_checked: value = in_assembly(*n); break;
            case col_status: value = status(*n); break;
            default: break;
        }
    }

    bool SetValue(const wxVariant& value, const wxDataViewItem& it, unsigned int col) override {
        if (col != col_checked || !node(it)) return false;
        // Act after the control has finished its own handling of the click: the action may
        // show a message, and the view is refreshed from the draft afterwards anyway.
        on_toggle_(it, value.GetBool());
        return true;
    }

    bool HasValue(const wxDataViewItem& it, unsigned col) const override {
        const Node* n = node(it);
        return n && (n->kind != Node::Kind::group || col != col_checked);
    }

    bool IsEnabled(const wxDataViewItem& it, unsigned int col) const override {
        const Node* n = node(it);
        if (!n || col != col_checked) return true;
        return can_toggle(*n);
    }

    bool GetAttr(const wxDataViewItem& it, unsigned int col, wxDataViewItemAttr& attr) const override {
        const Node* n = node(it);
        if (!n) return false;
        if (n->kind == Node::Kind::group) {
            attr.SetBold(col == col_title);
            return col == col_title;
        }
        const drafting::Editor& ed = host_.editor();
        bool implied = n->kind == Node::Kind::element ? ed.implied(n->slug) : is_required(ed.reason_for(n->clause_id));
        if (implied) {
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            attr.SetItalic(true);
            return true;
        }
        if (!can_toggle(*n)) {
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            return true;
        }
        if (col == col_title && n->kind == Node::Kind::element && ed.draft().has_element(n->slug)) {
            attr.SetBold(true);
            return true;
        }
        return false;
    }

    wxDataViewItem GetParent(const wxDataViewItem& it) const override {
        const Node* n = node(it);
        return n && n->parent ? item(n->parent) : wxDataViewItem();
    }
    bool IsContainer(const wxDataViewItem& it) const override {
        const Node* n = node(it);
        return !n || !n->children.empty();
    }
    bool HasContainerColumns(const wxDataViewItem& it) const override {
        const Node* n = node(it);
        return n && n->kind != Node::Kind::group;
    }
    unsigned int GetChildren(const wxDataViewItem& it, wxDataViewItemArray& children) const override {
        const Node* n = node(it);
        const std::vector<Node*>& list = n ? n->children : roots_;
        for (const Node* c : list) children.Add(item(c));
        return static_cast<unsigned int>(list.size());
    }

private:
    Node* make(Node n) {
        nodes_.push_back(std::make_unique<Node>(std::move(n)));
        return nodes_.back().get();
    }

    DraftingHost& host_;
    std::function<void(const wxDataViewItem&, bool)> on_toggle_;
    std::vector<std::unique_ptr<Node>> nodes_;
    std::vector<Node*> roots_;
    std::map<std::string, Node*> element_nodes_;
    std::map<std::string, Node*> clause_nodes_;
};

ElementsPanel::ElementsPanel(wxWindow* parent, DraftingHost& host) : wxPanel(parent, wxID_ANY), host_(host) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* split =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split->SetMinimumPaneSize(FromDIP(80));

    auto* upper = new wxPanel(split);
    auto* upper_sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = wrapping_text(upper, _("Tick the key elements the agreement covers; expand one to choose among its "
                                         "clauses. Greyed ticks are required by another clause."));
    upper_sizer->Add(intro, 0, wxEXPAND | wxALL, FromDIP(6));
    tree_ = new wxDataViewCtrl(upper, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VERT_RULES);
    tree_->SetName("key-elements");
    model_ = new ElementsModel(host_, [this](const wxDataViewItem& item, bool checked) {
        CallAfter([this, item, checked] { toggled(item, checked); });
    });
    tree_->AssociateModel(model_.get());
    auto* check = new wxDataViewColumn(wxString(), new wxDataViewToggleRenderer("bool", wxDATAVIEW_CELL_ACTIVATABLE),
                                       col_checked, FromDIP(34), wxALIGN_CENTER, 0);
    tree_->AppendColumn(check);
    auto* title = tree_->AppendTextColumn(_("Key element or clause"), col_title, wxDATAVIEW_CELL_INERT, FromDIP(300),
                                          wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    tree_->AppendTextColumn(_("In the draft"), col_status, wxDATAVIEW_CELL_INERT, FromDIP(260), wxALIGN_LEFT,
                            wxDATAVIEW_COL_RESIZABLE);
    tree_->SetExpanderColumn(title);
    for (const auto* group : model_->roots()) tree_->Expand(ElementsModel::item(group));
    upper_sizer->Add(tree_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));

    auto* level_row = new wxBoxSizer(wxHORIZONTAL);
    level_label_ = new wxStaticText(upper, wxID_ANY, _("&Level of this element:"));
    level_ = new wxChoice(upper, wxID_ANY);
    level_->SetName("element-level");
    level_row->Add(level_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    level_row->Add(level_, 0, wxALIGN_CENTER_VERTICAL);
    upper_sizer->Add(level_row, 0, wxALL, FromDIP(6));
    upper->SetSizer(upper_sizer);

    info_ = new wxHtmlWindow(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    info_->SetName("element-info");
    info_->SetBorders(FromDIP(6));
    split->SplitHorizontally(upper, info_, -FromDIP(200));
    split->SetSashGravity(0.65);
    place_sash_when_sized(split, 0.65);
    top->Add(split, 1, wxEXPAND);
    SetSizer(top);

    tree_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        last_note_.clear();
        show_info();
    });
    // Enter or a double click on a row ticks or unticks it, so the list works from the keyboard.
    tree_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& event) {
        const auto* n = ElementsModel::node(event.GetItem());
        if (!n || n->kind == ElementsModel::Node::Kind::group) {
            event.Skip();
            return;
        }
        if (model_->can_toggle(*n)) toggled(event.GetItem(), !model_->in_assembly(*n));
    });
    level_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_level(); });
    show_info();
}

ElementsPanel::~ElementsPanel() {
    tree_->AssociateModel(nullptr);
}

void ElementsPanel::refresh() {
    model_->refresh_all();
    show_info();
}

void ElementsPanel::toggled(const wxDataViewItem& item, bool checked) {
    const auto* n = ElementsModel::node(item);
    bool changed = false;
    if (n && n->kind == ElementsModel::Node::Kind::element)
        changed = set_element(n->slug, checked);
    else if (n && n->kind == ElementsModel::Node::Kind::clause)
        changed = set_clause(n->clause_id, checked);
    if (!changed) model_->refresh_all();  // put the box back as the draft has it
}

void ElementsPanel::note_result(const wxString& what, const drafting::Editor::ElementResult& result) {
    const content::Library& library = host_.editor().library();
    const Language ui = content_language();
    wxString note = "<p><b>" + html(what) + "</b></p>";
    if (!result.pulled_in.empty()) {
        note += "<ul>";
        for (const auto& line : result.pulled_in) {
            // "clause id: reason"
            std::string id = line.substr(0, line.find(": "));
            std::string reason =
                line.find(": ") == std::string::npos ? std::string() : line.substr(line.find(": ") + 2);
            const content::Clause* c = library.find_clause(id);
            note += "<li>" + (c ? html(localized(c->title, ui)) : html(id)) + " — " +
                    html(reason_label(library, reason)) + "</li>";
        }
        note += "</ul>";
    }
    last_note_ = note;
    wxString status = what;
    if (!result.pulled_in.empty()) {
        wxString list;
        for (const auto& line : result.pulled_in) {
            std::string id = line.substr(0, line.find(": "));
            std::string reason =
                line.find(": ") == std::string::npos ? std::string() : line.substr(line.find(": ") + 2);
            const content::Clause* c = library.find_clause(id);
            list += (list.empty() ? "" : "; ") + (c ? to_wx(localized(c->title, ui)) : to_wx(id)) + " (" +
                    reason_label(library, reason) + ")";
        }
        status += " " + wxString::Format(_("Now in the draft: %s."), list);
    }
    host_.status(status);
}

bool ElementsPanel::set_element(const std::string& slug, bool chosen) {
    drafting::Editor& ed = host_.editor();
    const content::KeyElement* element = ed.library().find_element(slug);
    const wxString name = element ? to_wx(localized(element->title, content_language())) : to_wx(slug);
    if (chosen) {
        if (ed.draft().has_element(slug)) return false;
        drafting::Editor::ElementResult result = ed.choose_element(slug);
        if (!result.accepted) {
            host_.tell(wxString::Format(_("“%s” cannot be added to this draft:\n\n%s"), name, to_wx(result.refusal)),
                       wxICON_WARNING);
            return false;
        }
        note_result(wxString::Format(_("Added “%s”."), name), result);
    } else {
        if (!ed.draft().has_element(slug)) return false;
        ed.drop_element(slug);
        wxString note = wxString::Format(_("Removed “%s”."), name);
        if (ed.implied(slug)) note += " " + wxString(_("It stays in the draft because another clause requires it."));
        last_note_ = "<p><b>" + html(note) + "</b></p>";
        host_.status(note);
    }
    host_.edited();
    return true;
}

bool ElementsPanel::set_clause(const std::string& clause_id, bool chosen) {
    drafting::Editor& ed = host_.editor();
    const content::Clause* clause = ed.library().find_clause(clause_id);
    if (!clause) return false;
    const std::string& slug = clause->element;
    const wxString name = to_wx(localized(clause->title, content_language()));

    // The clauses of the element the user has chosen (not those only required by others).
    std::vector<std::string> clauses;
    for (const auto& choice : ed.draft().elements)
        if (choice.slug == slug) clauses = choice.clauses;
    if (clauses.empty())
        for (const auto& c : ed.assembly().clauses)
            if (c.clause->element == slug && c.reason == "chosen") clauses.push_back(c.clause->id);

    auto at = std::find(clauses.begin(), clauses.end(), clause_id);
    if (chosen) {
        if (at != clauses.end()) return false;
        clauses.push_back(clause_id);
        drafting::Editor::ElementResult result = ed.choose_element(slug, clauses);
        if (!result.accepted) {
            host_.tell(wxString::Format(_("The clause “%s” cannot be added to this draft:\n\n%s"), name,
                                        to_wx(result.refusal)),
                       wxICON_WARNING);
            return false;
        }
        note_result(wxString::Format(_("Added the clause “%s”."), name), result);
    } else {
        if (at == clauses.end()) return false;
        clauses.erase(at);
        if (clauses.empty()) {
            ed.drop_element(slug);
        } else {
            drafting::Editor::ElementResult result = ed.choose_element(slug, clauses);
            if (!result.accepted) {
                host_.tell(
                    wxString::Format(_("The clause “%s” cannot be left out:\n\n%s"), name, to_wx(result.refusal)),
                    wxICON_WARNING);
                return false;
            }
        }
        wxString note = wxString::Format(_("Left out the clause “%s”."), name);
        last_note_ = "<p><b>" + html(note) + "</b></p>";
        host_.status(note);
    }
    host_.edited();
    return true;
}

void ElementsPanel::select_element(const std::string& slug) {
    wxDataViewItem item = model_->element_item(slug);
    if (!item.IsOk()) return;
    tree_->Select(item);
    tree_->EnsureVisible(item);
    last_note_.clear();
    show_info();
}

void ElementsPanel::select_clause(const std::string& clause_id) {
    wxDataViewItem item = model_->clause_item(clause_id);
    if (!item.IsOk()) return;
    tree_->Expand(model_->GetParent(item));
    tree_->Select(item);
    tree_->EnsureVisible(item);
    last_note_.clear();
    show_info();
}

wxString ElementsPanel::info_text() const {
    return info_->ToText();
}

void ElementsPanel::show_info() {
    const drafting::Editor& ed = host_.editor();
    const content::Library& library = ed.library();
    const Language ui = content_language();
    const auto* n = ElementsModel::node(tree_->GetSelection());

    wxString page = "<html><body>" + last_note_;
    std::string slug;
    if (n && n->kind != ElementsModel::Node::Kind::group) slug = n->slug;
    if (const content::KeyElement* e = slug.empty() ? nullptr : library.find_element(slug)) {
        page += "<h3>" + html(localized(e->title, ui)) + "</h3>";
        if (!e->section.empty())
            page += "<p><font color=\"#666666\">" +
                    html(wxString::Format(_("Handbook section %s"), to_wx(e->section))) + "</font></p>";
        page += "<p>" + html(localized(e->description, ui)) + "</p>";
        for (const content::Clause* c : library.clauses_of(slug)) {
            if (n->kind == ElementsModel::Node::Kind::clause && c->id != n->clause_id) continue;
            page += "<h4>" + html(localized(c->title, ui)) + " <font color=\"#666666\">— " +
                    html(model_->status(*ElementsModel::node(model_->clause_item(c->id)))) + "</font></h4>";
            if (c->guidance.has(ui) || c->guidance.has(Language::en) || c->guidance.has(Language::fr))
                page += "<p>" + html(localized(c->guidance, ui)) + "</p>";
            wxString relations;
            for (const auto& r : c->requires_) {
                const content::Clause* rc = library.find_clause(r);
                relations +=
                    "<li>" +
                    html(wxString::Format(_("Requires “%s”."), rc ? to_wx(localized(rc->title, ui)) : to_wx(r))) +
                    "</li>";
            }
            for (const auto& x : c->excludes) {
                const content::Clause* xc = library.find_clause(x);
                relations += "<li>" +
                             html(wxString::Format(_("Cannot be combined with “%s”."),
                                                   xc ? to_wx(localized(xc->title, ui)) : to_wx(x))) +
                             "</li>";
            }
            if (!relations.empty()) page += "<ul>" + relations + "</ul>";
        }
    } else if (last_note_.empty()) {
        page += "<p>" +
                html(wxString(_("Select a key element or a clause to read its description and the guidance "
                                "for the legal officer."))) +
                "</p>";
    }
    page += "</body></html>";
    info_->SetPage(page);

    // The element's own level: only for a cooperation element the draft names (final
    // provisions have one text whatever the level).
    level_->Clear();
    bool can_level = false;
    if (!slug.empty() && ed.draft().has_element(slug)) {
        const content::KeyElement* e = library.find_element(slug);
        can_level = e && e->group == content::ElementGroup::cooperation;
    }
    level_->Append(wxString::Format(_("As the draft (%s)"), level_label(ed.draft().level)));
    for (PartnershipLevel l : all_levels()) level_->Append(level_label(l));
    int selection = 0;
    for (const auto& choice : ed.draft().elements)
        if (choice.slug == slug && choice.level) selection = static_cast<int>(*choice.level);
    level_->SetSelection(selection);
    level_->Enable(can_level);
    level_label_->Enable(can_level);
}

void ElementsPanel::on_level() {
    const auto* n = ElementsModel::node(tree_->GetSelection());
    if (!n || n->kind == ElementsModel::Node::Kind::group) return;
    int selection = level_->GetSelection();
    std::optional<PartnershipLevel> level;
    if (selection > 0) level = static_cast<PartnershipLevel>(selection);
    for (const auto& choice : host_.editor().draft().elements)
        if (choice.slug == n->slug && choice.level == level) return;
    host_.editor().set_element_level(n->slug, level);
    host_.edited();
}

}  // namespace moudesk::gui
