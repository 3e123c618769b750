#include "agreements_page.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include "agreement_detail.h"
#include "agreement_dialog.h"
#include "agreement_labels.h"
#include "drafting_layout.h"
#include "error_reporting.h"
#include "moudesk/core/text.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

constexpr int debounce_ms = 300;
constexpr std::size_t cached_pages = 50;  ///< 10,000 rows

store::AgreementSort sort_of_column(int column) {
    switch (column) {
        case AgreementList::title_col: return store::AgreementSort::title;
        case AgreementList::instrument_col: return store::AgreementSort::instrument;
        case AgreementList::status_col: return store::AgreementSort::status;
        case AgreementList::entry_col: return store::AgreementSort::entry_into_force;
        case AgreementList::expiry_col: return store::AgreementSort::expiry;
        case AgreementList::review_col: return store::AgreementSort::next_review;
        default: return store::AgreementSort::reference;
    }
}

int column_of_sort(store::AgreementSort sort) {
    switch (sort) {
        case store::AgreementSort::reference: return AgreementList::reference_col;
        case store::AgreementSort::title: return AgreementList::title_col;
        case store::AgreementSort::instrument: return AgreementList::instrument_col;
        case store::AgreementSort::status: return AgreementList::status_col;
        case store::AgreementSort::entry_into_force: return AgreementList::entry_col;
        case store::AgreementSort::expiry: return AgreementList::expiry_col;
        case store::AgreementSort::next_review: return AgreementList::review_col;
    }
    return AgreementList::reference_col;
}

}  // namespace

// --- the list ------------------------------------------------------------------------------

AgreementList::AgreementList(wxWindow* parent, AppContext& context)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_THEME),
      context_(context) {
    SetName("agreements-list");
    AppendColumn(_("Reference"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(270));
    AppendColumn(_("Instrument"), wxLIST_FORMAT_LEFT, FromDIP(90));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(115));
    AppendColumn(_("Parties"), wxLIST_FORMAT_LEFT, FromDIP(180));
    AppendColumn(_("Entry into force"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Expiry"), wxLIST_FORMAT_LEFT, FromDIP(95));
    AppendColumn(_("Next review"), wxLIST_FORMAT_LEFT, FromDIP(95));
    review_attr_.SetTextColour(wxColour(0x9A, 0x5B, 0x00));
    ended_attr_.SetTextColour(wxColour(0x70, 0x70, 0x70));
    today_ = tracking::Date::today().iso();
    ShowSortIndicator(reference_col, true);
}

void AgreementList::set_query(const store::AgreementFilter& filter, store::AgreementSort sort, bool descending) {
    filter_ = filter;
    sort_ = sort;
    descending_ = descending;
    ShowSortIndicator(column_of_sort(sort), !descending);
    reload();
}

void AgreementList::reload() {
    pages_.clear();
    page_order_.clear();
    pages_read_ = 0;
    problem_.clear();
    today_ = tracking::Date::today().iso();
    int count = 0;
    if (context_.register_db) {
        try {
            count = store::Agreements(*context_.register_db).count(filter_);
        } catch (...) {
            const ErrorReport report = describe_current_exception(_("list the agreements"));
            problem_ = report.full_text();
            report_error(this, report);
        }
    }
    SetItemCount(count);
    Refresh();
}

const store::AgreementRow* AgreementList::row(long index) const {
    if (index < 0 || index >= GetItemCount() || !context_.register_db) return nullptr;
    const long page = index / page_size;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        std::vector<store::AgreementRow> rows;
        try {
            rows = store::Agreements(*context_.register_db)
                       .list(filter_, sort_, descending_, static_cast<int>(page * page_size), page_size);
        } catch (...) {
            // Asked while painting: say it once, after the paint, not in a loop of dialogs.
            const ErrorReport report = describe_current_exception(_("list the agreements"));
            problem_ = report.full_text();
            if (!reporting_) {
                reporting_ = true;
                auto* self = const_cast<AgreementList*>(this);
                self->CallAfter([self, report] {
                    report_error(self, report);
                    self->reporting_ = false;
                });
            }
            return nullptr;
        }
        ++pages_read_;
        if (pages_.size() >= cached_pages && !page_order_.empty()) {
            pages_.erase(page_order_.front());
            page_order_.pop_front();
        }
        it = pages_.emplace(page, std::move(rows)).first;
        page_order_.push_back(page);
    }
    const std::size_t offset = static_cast<std::size_t>(index % page_size);
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

long AgreementList::index_of(store::Id id) const {
    const long count = GetItemCount();
    // The cached pages first, then the others in order.
    for (const auto& [page, rows] : pages_)
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].id == id) return page * page_size + static_cast<long>(i);
    for (long index = 0; index < count; index += page_size) {
        if (pages_.count(index / page_size)) continue;
        for (long i = index; i < std::min(count, index + page_size); ++i) {
            const store::AgreementRow* r = row(i);
            if (!r) return -1;
            if (r->id == id) return i;
        }
    }
    return -1;
}

wxString AgreementList::OnGetItemText(long item, long column) const {
    const store::AgreementRow* r = row(item);
    if (!r) return wxString();
    switch (column) {
        case reference_col: return to_wx(r->reference);
        case title_col: return to_wx(r->title);
        case instrument_col: return register_instrument_label(r->instrument);
        case status_col: return status_code_label(r->status);
        case parties_col: return to_wx(r->parties);
        case entry_col: return to_wx(r->entry_into_force);
        case expiry_col: return to_wx(r->expiry);
        case review_col: return to_wx(r->next_review);
        default: return wxString();
    }
}

wxItemAttr* AgreementList::OnGetItemAttr(long item) const {
    const store::AgreementRow* r = row(item);
    if (!r) return nullptr;
    const auto status = tracking::status_from_code(r->status);
    if (status && tracking::is_final(*status)) return &ended_attr_;
    const bool active = status == tracking::Status::signed_ || status == tracking::Status::in_force ||
                        status == tracking::Status::suspended;
    if (active && !r->expiry.empty() && r->expiry <= today_) return &ended_attr_;
    if (active && !r->next_review.empty() && r->next_review <= today_) return &review_attr_;
    return nullptr;
}

// --- the page ------------------------------------------------------------------------------

AgreementsPage::AgreementsPage(wxWindow* parent, AppContext& context) : Page(parent, wxID_ANY), context_(context) {
    SetName("agreements-page");
    auto* top = new wxBoxSizer(wxVERTICAL);

    // Filters.
    auto* filters = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
    auto labelled = [&](const wxString& label, wxWindow* control) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
        row->Add(control, 0, wxALIGN_CENTER_VERTICAL);
        filters->Add(row, 0, wxRIGHT | wxTOP | wxBOTTOM, FromDIP(4));
        filters->AddSpacer(FromDIP(8));
    };
    search_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
    search_->SetDescriptiveText(_("Search the register"));
    search_->ShowCancelButton(true);
    search_->SetToolTip(_("Searches titles, parties, document texts and actions, ignoring case and accents"));
    filters->Add(search_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxTOP | wxBOTTOM, FromDIP(4));
    filters->AddSpacer(FromDIP(8));
    status_ = new wxChoice(this, wxID_ANY);
    status_->SetName("status-filter");
    status_->Append(_("all"));
    for (tracking::Status s : tracking::all_statuses()) status_->Append(status_label(s));
    status_->SetSelection(0);
    labelled(_("Status:"), status_);
    instrument_ = new wxChoice(this, wxID_ANY);
    instrument_->SetName("instrument-filter");
    instrument_->Append(_("all"));
    for (const char* code : store::register_instruments) instrument_->Append(register_instrument_label(code));
    instrument_->SetSelection(0);
    labelled(_("Instrument:"), instrument_);
    party_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(130, -1)));
    party_->SetName("party-filter");
    party_->SetHint(_("name"));
    labelled(_("Party:"), party_);
    element_ = new wxChoice(this, wxID_ANY);
    element_->SetName("element-filter");
    element_->Append(_("all"));
    for (const content::KeyElement& e : context_.library.elements) {
        element_slugs_.push_back(e.slug);
        element_->Append(element_title(context_.library, e.slug));
    }
    element_->SetSelection(0);
    labelled(_("Key element:"), element_);
    review_ = new wxCheckBox(this, wxID_ANY, _("Due for review"));
    review_->SetToolTip(_("Only agreements whose next review date has come"));
    filters->Add(review_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxTOP | wxBOTTOM, FromDIP(4));
    filters->AddSpacer(FromDIP(12));
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    filters->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxTOP | wxBOTTOM, FromDIP(4));
    filters->AddSpacer(FromDIP(12));
    auto* add = new wxButton(this, wxID_ANY, _("New agreement..."));
    add->SetToolTip(_("Record an agreement in the register"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_agreement(); });
    add->Enable(context_.register_db != nullptr);
    filters->Add(add, 0, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM, FromDIP(4));
    top->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));

    // Shown instead of the list when the register could not be opened.
    unavailable_ = new wxStaticText(this, wxID_ANY, wxString());
    unavailable_->SetForegroundColour(wxColour(0xA0, 0x00, 0x00));
    top->Add(unavailable_, 0, wxEXPAND | wxALL, FromDIP(12));

    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split_->SetName("agreements-splitter");
    split_->SetMinimumPaneSize(FromDIP(120));
    list_ = new AgreementList(split_, context_);
    detail_ = new AgreementDetail(split_, context_, [this] { after_detail_change(); });
    split_->SplitHorizontally(list_, detail_, FromDIP(200));
    split_->SetSashGravity(0.3);
    place_sash_when_sized(split_, 0.3);
    top->Add(split_, 1, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(top);

    if (!context_.register_db) {
        unavailable_->SetLabel(
            wxString::Format(_("The agreements register %s could not be opened."), to_wx(context_.db_path)) + "\n\n" +
            context_.register_problem);
        for (wxWindow* w : std::initializer_list<wxWindow*>{search_, status_, instrument_, party_, element_, review_})
            w->Enable(false);
        split_->Hide();
    } else {
        unavailable_->Hide();
    }

    // Typing waits for a pause; choices apply at once.
    debounce_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { apply_filters(); });
    auto later = [this](wxCommandEvent&) { debounce_.StartOnce(debounce_ms); };
    auto now = [this](wxCommandEvent&) { apply_filters(); };
    search_->Bind(wxEVT_TEXT, later);
    party_->Bind(wxEVT_TEXT, later);
    search_->Bind(wxEVT_SEARCH, now);
    search_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        search_->ChangeValue(wxString());
        apply_filters();
    });
    status_->Bind(wxEVT_CHOICE, now);
    instrument_->Bind(wxEVT_CHOICE, now);
    element_->Bind(wxEVT_CHOICE, now);
    review_->Bind(wxEVT_CHECKBOX, now);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { on_selected(event.GetIndex()); });
    list_->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& event) {
        const int column = event.GetColumn();
        if (column < 0 || column == AgreementList::parties_col) return;  // the parties are not a sort key
        const store::AgreementSort sort = sort_of_column(column);
        sort_by(sort, sort == list_->sort() ? !list_->descending() : false);
    });

    if (context_.register_db) list_->set_query(store::AgreementFilter{}, store::AgreementSort::reference, false);
    update_count();
}

AgreementsPage::~AgreementsPage() {
    debounce_.Stop();
}

wxString AgreementsPage::page_name() const {
    return _("Agreements");
}

void AgreementsPage::page_shown() {
    if (stale_) refresh();
}

bool AgreementsPage::confirm_close() {
    if (!detail_->has_unsaved_changes()) return true;
    wxMessageDialog ask(
        this, wxString::Format(_("Save the changes to %s before closing?"), to_wx(detail_->record().reference)),
        _("moudesk"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("&Save"), _("&Don't save"), _("Cancel"));
    switch (ask.ShowModal()) {
        case wxID_YES: return detail_->save_summary();
        case wxID_NO: return true;
        default: return false;
    }
}

wxString AgreementsPage::unavailable_text() const {
    return context_.register_db ? wxString() : unavailable_->GetLabel();
}

void AgreementsPage::register_changed() {
    stale_ = true;
    if (IsShownOnScreen()) refresh();
}

void AgreementsPage::refresh() {
    stale_ = false;
    if (!context_.register_db) return;
    list_->reload();
    update_count();
    if (shown_) {
        const long index = list_->index_of(*shown_);
        selecting_ = true;
        if (index >= 0) {
            list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        }
        selecting_ = false;
        if (!detail_->has_unsaved_changes()) detail_->reload();
    }
}

void AgreementsPage::update_count() {
    if (!context_.register_db) {
        count_->SetLabel(wxString());
        return;
    }
    const int n = list_->GetItemCount();
    count_->SetLabel(wxString::Format(wxPLURAL("%d agreement", "%d agreements", n), n));
    Layout();
}

void AgreementsPage::apply_filters() {
    debounce_.Stop();
    if (!context_.register_db) return;
    store::AgreementFilter filter;
    if (const int i = status_->GetSelection(); i > 0)
        filter.status = tracking::to_code(tracking::all_statuses()[static_cast<std::size_t>(i - 1)]);
    if (const int i = instrument_->GetSelection(); i > 0) filter.instrument = store::register_instruments[i - 1];
    filter.party = collapse_spaces(from_wx(party_->GetValue()));
    if (const int i = element_->GetSelection(); i > 0) filter.element = element_slugs_[static_cast<std::size_t>(i - 1)];
    filter.due_for_review = review_->GetValue();
    filter.review_by = tracking::Date::today();
    filter.text = collapse_spaces(from_wx(search_->GetValue()));
    list_->set_query(filter, list_->sort(), list_->descending());
    update_count();
    // The agreement shown stays selected when the filters still show it.
    if (shown_) {
        const long index = list_->index_of(*shown_);
        if (index >= 0) {
            selecting_ = true;
            list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(index);
            selecting_ = false;
        }
    }
}

void AgreementsPage::sort_by(store::AgreementSort sort, bool descending) {
    if (!context_.register_db) return;
    list_->set_query(list_->filter(), sort, descending);
    if (shown_) {
        const long index = list_->index_of(*shown_);
        if (index >= 0) {
            selecting_ = true;
            list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(index);
            selecting_ = false;
        }
    }
}

void AgreementsPage::on_selected(long index) {
    if (selecting_) return;
    const store::AgreementRow* row = list_->row(index);
    if (!row) return;
    if (shown_ && *shown_ == row->id) return;
    if (detail_->has_unsaved_changes()) {
        wxMessageDialog ask(this,
                            wxString::Format(_("Save the changes to %s before showing another agreement?"),
                                             to_wx(detail_->record().reference)),
                            _("moudesk"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Save"), _("&Don't save"), _("Cancel"));
        const int answer = ask.ShowModal();
        if (answer == wxID_CANCEL || (answer == wxID_YES && !detail_->save_summary())) {
            // Stay on the agreement being edited.
            const store::Id id = *shown_;
            CallAfter([this, id] {
                const long back = list_->index_of(id);
                selecting_ = true;
                if (back >= 0)
                    list_->SetItemState(back, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
                selecting_ = false;
            });
            return;
        }
    }
    shown_ = row->id;
    detail_->show(shown_);
}

std::optional<store::Id> AgreementsPage::selected_agreement() const {
    return shown_;
}

bool AgreementsPage::select_agreement(store::Id id, store::Id action) {
    if (!context_.register_db) return false;
    long index = list_->index_of(id);
    if (index < 0) {
        // Hidden by the filters: show everything.
        search_->ChangeValue(wxString());
        party_->ChangeValue(wxString());
        status_->SetSelection(0);
        instrument_->SetSelection(0);
        element_->SetSelection(0);
        review_->SetValue(false);
        apply_filters();
        index = list_->index_of(id);
    }
    if (index < 0) return false;
    for (long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); i >= 0;
         i = list_->GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (i != index) list_->SetItemState(i, 0, wxLIST_STATE_SELECTED);
    selecting_ = true;
    list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(index);
    selecting_ = false;
    if (!shown_ || *shown_ != id || action) {
        shown_ = id;
        detail_->show(shown_);
    }
    if (action) detail_->select_action(action);
    return true;
}

void AgreementsPage::new_agreement() {
    if (const auto id = ask_new_agreement(this, context_)) {
        list_->reload();
        update_count();
        select_agreement(*id);
        if (context_.register_changed) context_.register_changed();
    }
}

void AgreementsPage::after_detail_change() {
    list_->reload();
    update_count();
    if (shown_) {
        const long index = list_->index_of(*shown_);
        if (index >= 0) {
            selecting_ = true;
            list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            selecting_ = false;
        }
    }
    if (context_.register_changed) context_.register_changed();
}

}  // namespace moudesk::gui
