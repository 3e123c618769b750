#pragma once
/// @brief The register's agreements: a list that pages through any number of them (a virtual
/// list reading ~200 rows at a time from the store, sorted by any column), filters and full-text
/// search above it, and the selected agreement in tabs below (agreement_detail.h).

#include <deque>
#include <map>
#include <optional>
#include <vector>

#include <wx/listctrl.h>
#include <wx/timer.h>

#include "app_context.h"
#include "moudesk/store/agreements.h"
#include "page.h"

class wxCheckBox;
class wxChoice;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;

namespace moudesk::gui {

class AgreementDetail;

/// The list of agreements: wxLC_VIRTUAL over store::Agreements::list(), pages of rows cached.
class AgreementList : public wxListCtrl {
public:
    static constexpr int page_size = 200;
    enum Column {
        reference_col,
        title_col,
        instrument_col,
        status_col,
        parties_col,
        entry_col,
        expiry_col,
        review_col
    };

    AgreementList(wxWindow* parent, AppContext& context);

    /// Shows the agreements `filter` selects, in `sort` order; reads the count, drops the cache.
    void set_query(const store::AgreementFilter& filter, store::AgreementSort sort, bool descending);
    /// Reads the count again and drops the cached rows (after a change).
    void reload();
    /// The row at `index` (read from the store when not cached); nullptr past the end or on failure.
    const store::AgreementRow* row(long index) const;
    /// The index of agreement `id` under the current query, or -1.
    long index_of(store::Id id) const;
    /// How many pages were read from the store since the last query (the cache at work).
    int pages_read() const { return pages_read_; }
    const store::AgreementFilter& filter() const { return filter_; }
    store::AgreementSort sort() const { return sort_; }
    bool descending() const { return descending_; }
    /// The failure of the last read, if any (also reported once).
    const wxString& problem() const { return problem_; }

protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

private:
    AppContext& context_;
    store::AgreementFilter filter_;
    store::AgreementSort sort_ = store::AgreementSort::reference;
    bool descending_ = false;
    mutable std::map<long, std::vector<store::AgreementRow>> pages_;
    mutable std::deque<long> page_order_;  ///< oldest first, for dropping pages beyond the cache size
    mutable int pages_read_ = 0;
    mutable wxString problem_;
    mutable bool reporting_ = false;
    mutable wxItemAttr review_attr_, ended_attr_;
    std::string today_;
};

class AgreementsPage : public Page {
public:
    AgreementsPage(wxWindow* parent, AppContext& context);
    ~AgreementsPage() override;

    wxString page_name() const override;
    void page_shown() override;
    bool confirm_close() override;

    /// The register changed elsewhere: refresh now if shown, else when shown next.
    void register_changed();
    /// Selects agreement `id` (clearing the filters when they hide it) and shows it below; with
    /// `action`, the Actions tab with that action selected. False when there is no such agreement.
    bool select_agreement(store::Id id, store::Id action = 0);
    std::optional<store::Id> selected_agreement() const;
    /// The filters from the controls, applied now (typing applies them after a short pause).
    void apply_filters();
    /// Sorts by `sort` (as a click on a column header does: a second click reverses).
    void sort_by(store::AgreementSort sort, bool descending);
    /// File ▸ New agreement: the dialog, then the new agreement selected.
    void new_agreement();

    // For the main window and tests.
    AgreementList* list() const { return list_; }
    AgreementDetail* detail() const { return detail_; }
    wxSearchCtrl* search_box() const { return search_; }
    wxChoice* status_choice() const { return status_; }
    wxChoice* instrument_choice() const { return instrument_; }
    wxTextCtrl* party_box() const { return party_; }
    wxChoice* element_choice() const { return element_; }
    wxCheckBox* review_box() const { return review_; }
    wxStaticText* count_label() const { return count_; }
    /// The message shown instead of the list when the register could not be opened (else empty).
    wxString unavailable_text() const;

private:
    void on_selected(long index);
    void after_detail_change();
    void refresh();
    void update_count();

    AppContext& context_;
    bool stale_ = false;
    bool selecting_ = false;
    std::optional<store::Id> shown_;
    wxTimer debounce_;
    std::vector<std::string> element_slugs_;

    wxSplitterWindow* split_ = nullptr;
    AgreementList* list_ = nullptr;
    AgreementDetail* detail_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* status_ = nullptr;
    wxChoice* instrument_ = nullptr;
    wxTextCtrl* party_ = nullptr;
    wxChoice* element_ = nullptr;
    wxCheckBox* review_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxStaticText* unavailable_ = nullptr;
};

}  // namespace moudesk::gui
