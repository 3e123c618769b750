#include "drafting_parties.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "drafting_labels.h"
#include "drafting_layout.h"
#include "party_dialog.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

enum Column { col_name, col_short, col_kind, col_country, col_signatory };

// The kind a new party most likely has: the customs or police agency the draft still lacks.
std::string likely_kind(const std::vector<drafting::Party>& parties) {
    for (const char* kind : {"customs", "police"})
        if (std::none_of(parties.begin(), parties.end(), [&](const drafting::Party& p) { return p.kind == kind; }))
            return kind;
    return "other";
}

}  // namespace

PartiesPanel::PartiesPanel(wxWindow* parent, DraftingHost& host) : wxPanel(parent, wxID_ANY), host_(host) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = wrapping_text(this, _("The agencies that sign the agreement, in the order they appear in the title "
                                        "and the signature block."));
    top->Add(intro, 0, wxEXPAND | wxALL, FromDIP(6));

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("parties");
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
    list_->AppendColumn(_("Short name"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(_("Country"), wxLIST_FORMAT_LEFT, FromDIP(75));
    list_->AppendColumn(_("Signatory"), wxLIST_FORMAT_LEFT, FromDIP(130));
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));

    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    add_ = new wxButton(this, wxID_ADD, _("&Add…"));
    edit_ = new wxButton(this, wxID_EDIT, _("&Edit…"));
    remove_ = new wxButton(this, wxID_REMOVE, _("&Remove"));
    up_ = new wxButton(this, wxID_UP, _("Move &up"));
    down_ = new wxButton(this, wxID_DOWN, _("Move do&wn"));
    for (wxButton* b : {add_, edit_, remove_, up_, down_}) buttons->Add(b, 0, wxRIGHT | wxTOP, FromDIP(6));
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(top);

    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_add(); });
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_edit(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_remove(); });
    up_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_move(-1); });
    down_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_move(+1); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { on_edit(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    // The name takes the width the other columns leave.
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        int others = 0;
        for (int c = col_short; c <= col_signatory; ++c) others += list_->GetColumnWidth(c);
        list_->SetColumnWidth(col_name, std::max(FromDIP(200), list_->GetClientSize().x - others - FromDIP(4)));
    });
    list_->Bind(wxEVT_LIST_KEY_DOWN, [this](wxListEvent& event) {
        if (event.GetKeyCode() == WXK_DELETE)
            on_remove();
        else
            event.Skip();
    });
}

void PartiesPanel::refresh() {
    const auto& parties = host_.editor().draft().parties;
    const Language language =
        host_.editor().draft().languages.empty() ? content_language() : host_.editor().draft().languages.front();
    std::optional<std::size_t> keep = selected();
    list_->Freeze();
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < parties.size(); ++i) {
        const drafting::Party& p = parties[i];
        long at = list_->InsertItem(static_cast<long>(i), p.name.has(Language::en) || p.name.has(Language::fr)
                                                              ? to_wx(p.name_in(language))
                                                              : wxString(_("(no name yet)")));
        list_->SetItem(at, col_short, to_wx(p.short_name));
        list_->SetItem(at, col_kind, party_kind_label(p.kind));
        list_->SetItem(at, col_country, to_wx(p.country));
        list_->SetItem(at, col_signatory, to_wx(p.signatory.name));
    }
    if (keep && *keep < parties.size())
        list_->SetItemState(static_cast<long>(*keep), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->Thaw();
    update_buttons();
}

std::optional<std::size_t> PartiesPanel::selected() const {
    long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0) return std::nullopt;
    return static_cast<std::size_t>(item);
}

void PartiesPanel::select(std::size_t index) {
    if (index >= static_cast<std::size_t>(list_->GetItemCount())) return;
    list_->SetItemState(static_cast<long>(index), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(static_cast<long>(index));
    update_buttons();
}

void PartiesPanel::update_buttons() {
    std::optional<std::size_t> sel = selected();
    std::size_t count = host_.editor().draft().parties.size();
    edit_->Enable(sel.has_value());
    remove_->Enable(sel.has_value());
    up_->Enable(sel && *sel > 0);
    down_->Enable(sel && *sel + 1 < count);
}

void PartiesPanel::add_party(drafting::Party party) {
    host_.editor().add_party(std::move(party));
    std::size_t index = host_.editor().draft().parties.size() - 1;
    refresh();
    select(index);
    host_.edited();
}

void PartiesPanel::update_party(std::size_t index, drafting::Party party) {
    host_.editor().update_party(index, std::move(party));
    host_.edited();
}

void PartiesPanel::on_add() {
    drafting::Party fresh;
    fresh.kind = likely_kind(host_.editor().draft().parties);
    PartyDialog dialog(this, _("Add party"), fresh);
    if (dialog.ShowModal() == wxID_OK) add_party(dialog.party());
    list_->SetFocus();
}

void PartiesPanel::on_edit() {
    std::optional<std::size_t> sel = selected();
    if (!sel || *sel >= host_.editor().draft().parties.size()) return;
    PartyDialog dialog(this, _("Edit party"), host_.editor().draft().parties[*sel]);
    if (dialog.ShowModal() == wxID_OK) update_party(*sel, dialog.party());
    list_->SetFocus();
}

void PartiesPanel::on_remove() {
    std::optional<std::size_t> sel = selected();
    if (!sel || *sel >= host_.editor().draft().parties.size()) return;
    host_.editor().remove_party(*sel);
    refresh();
    std::size_t count = host_.editor().draft().parties.size();
    if (count > 0) select(std::min(*sel, count - 1));
    host_.edited();
}

void PartiesPanel::on_move(int delta) {
    std::optional<std::size_t> sel = selected();
    std::size_t count = host_.editor().draft().parties.size();
    if (!sel || (delta < 0 && *sel == 0) || (delta > 0 && *sel + 1 >= count)) return;
    std::size_t to = delta < 0 ? *sel - 1 : *sel + 1;
    host_.editor().move_party(*sel, to);
    refresh();
    select(to);
    host_.edited();
}

}  // namespace moudesk::gui
