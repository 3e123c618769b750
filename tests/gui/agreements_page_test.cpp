// The Agreements page: the register's list (virtual, paged, sorted, filtered, searched), the
// selected agreement's tabs, changes of status, dates, parties, key elements and actions through
// the page's own forms, "Register this draft", and a register that cannot be opened.
#include <gtest/gtest.h>

#include <fstream>

#include <memory>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "agreement_detail.h"
#include "agreement_dialog.h"
#include "agreements_page.h"
#include "dashboard_page.h"
#include "drafting_page.h"
#include "gui_test_support.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/drafting/editor.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/audit.h"
#include "moudesk/store/demo_data.h"
#include "new_draft_dialog.h"
#include "register_fixture.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;
using tracking::Date;

bool contains(const wxString& haystack, const wxString& needle) {
    return haystack.Find(needle) != wxNOT_FOUND;
}

std::string column_text(wxListCtrl* list, long row, int column) {
    return from_wx(list->GetItemText(row, column));
}

// Answers the page's forms with `fill` while it lives.
class FormAnswers {
public:
    explicit FormAnswers(std::function<int(FormDialog&)> fill) { previous_ = set_form_answer(std::move(fill)); }
    ~FormAnswers() { set_form_answer(std::move(previous_)); }

private:
    FormAnswer previous_;
};

// A frame on a fresh sample register, with the Agreements page shown.
struct Fixture {
    explicit Fixture(const std::string& name) {
        path = fresh_register(name);
        ids = fill_sample_register(path);
        AppOptions options;
        options.db_path = path;
        frame = make_frame(options);
        frame->show_page(&frame->agreements_page());
        pump();
    }
    AgreementsPage& page() { return frame->agreements_page(); }
    AgreementDetail& detail() { return *page().detail(); }
    store::Database& db() { return *frame->context().register_db; }

    fs::path path;
    SampleRegister ids;
    std::unique_ptr<MainFrame> frame;
};

// Selects row `row` of the list as a click does (the list sends the selection event).
void click_row(AgreementList* list, long row) {
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    pump(50);
}

void click_column(AgreementList* list, int column) {
    wxListEvent event(wxEVT_LIST_COL_CLICK, list->GetId());
    event.SetEventObject(list);
    event.m_col = column;
    list->GetEventHandler()->ProcessEvent(event);
    pump(50);
}

void choose(wxChoice* choice, int index) {
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    choice->GetEventHandler()->ProcessEvent(event);
    pump(50);
}

TEST(AgreementsPage, IsInTheSidebarAndListsTheRegister) {
    Fixture f("list");
    MainFrame& frame = *f.frame;
    ASSERT_EQ(frame.pages().size(), 5u);
    EXPECT_EQ(frame.pages()[2], &f.page());
    EXPECT_EQ(f.page().page_name(), "Agreements");
    EXPECT_EQ(frame.context().db_path, f.path);
    ASSERT_NE(frame.context().register_db, nullptr);

    AgreementList* list = f.page().list();
    ASSERT_EQ(list->GetItemCount(), 3);
    EXPECT_EQ(f.page().count_label()->GetLabel(), "3 agreements");
    // Sorted by reference: MOA/2026/002, MOU/2024/003, MOU/2025/001.
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOA/2026/002");
    EXPECT_EQ(column_text(list, 0, AgreementList::title_col), "Joint operations at the border of Côte-Claire");
    EXPECT_EQ(column_text(list, 0, AgreementList::instrument_col), "MOA");
    EXPECT_EQ(column_text(list, 0, AgreementList::status_col), "draft");
    EXPECT_TRUE(contains(list->GetItemText(0, AgreementList::parties_col), "Douanes"));
    EXPECT_EQ(column_text(list, 2, AgreementList::reference_col), "MOU/2025/001");
    EXPECT_EQ(column_text(list, 2, AgreementList::status_col), "in force");
    EXPECT_EQ(column_text(list, 2, AgreementList::entry_col), Date::today().add_days(-380).iso());
    EXPECT_EQ(column_text(list, 2, AgreementList::review_col), Date::today().add_days(-10).iso());
    EXPECT_FALSE(column_text(list, 2, AgreementList::expiry_col).empty());
    EXPECT_TRUE(f.page().unavailable_text().empty());
    screenshot(&frame, "agreements-list");
}

TEST(AgreementsPage, AClickOnAColumnHeaderSortsAndASecondReverses) {
    Fixture f("sort");
    AgreementList* list = f.page().list();
    click_column(list, AgreementList::title_col);
    EXPECT_EQ(list->sort(), store::AgreementSort::title);
    EXPECT_FALSE(list->descending());
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2025/001");  // Information …
    EXPECT_EQ(column_text(list, 2, AgreementList::reference_col), "MOU/2024/003");  // Training …
    click_column(list, AgreementList::title_col);
    EXPECT_TRUE(list->descending());
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2024/003");
    // By reference, newest number first.
    click_column(list, AgreementList::reference_col);
    click_column(list, AgreementList::reference_col);
    EXPECT_EQ(list->sort(), store::AgreementSort::reference);
    EXPECT_TRUE(list->descending());
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2025/001");
    // The parties column is not a sort key: nothing changes.
    click_column(list, AgreementList::parties_col);
    EXPECT_EQ(list->sort(), store::AgreementSort::reference);
}

TEST(AgreementsPage, FiltersAndSearchNarrowTheList) {
    Fixture f("filters");
    AgreementsPage& page = f.page();
    AgreementList* list = page.list();

    choose(page.status_choice(), 1 + static_cast<int>(tracking::Status::draft));
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOA/2026/002");
    EXPECT_EQ(page.count_label()->GetLabel(), "1 agreement");
    choose(page.status_choice(), 0);
    EXPECT_EQ(list->GetItemCount(), 3);

    choose(page.instrument_choice(), 1);  // MOU
    EXPECT_EQ(list->GetItemCount(), 2);
    choose(page.instrument_choice(), 0);

    // Typing waits for a pause, then filters.
    page.party_box()->SetValue("Gendarmerie");
    EXPECT_EQ(list->GetItemCount(), 3);
    pump(600);
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOA/2026/002");
    page.party_box()->SetValue(wxString());
    pump(600);
    EXPECT_EQ(list->GetItemCount(), 3);

    // Full-text search: words of a title, accents ignored.
    page.search_box()->SetValue("cote claire");
    pump(600);
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOA/2026/002");
    page.search_box()->SetValue("training");
    pump(600);
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2024/003");
    page.search_box()->SetValue(wxString());
    pump(600);
    EXPECT_EQ(list->GetItemCount(), 3);

    // Due for review: only the agreement whose review date has passed.
    page.review_box()->SetValue(true);
    page.apply_filters();
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2025/001");
    page.review_box()->SetValue(false);

    // A key element from the library's catalogue.
    const auto& elements = f.frame->context().library.elements;
    const auto it = std::find_if(elements.begin(), elements.end(),
                                 [](const content::KeyElement& e) { return e.slug == "information-exchange"; });
    ASSERT_NE(it, elements.end());
    choose(page.element_choice(), 1 + static_cast<int>(it - elements.begin()));
    ASSERT_EQ(list->GetItemCount(), 1);
    EXPECT_EQ(column_text(list, 0, AgreementList::reference_col), "MOU/2025/001");
    screenshot(f.frame.get(), "agreements-filtered");
    choose(page.element_choice(), 0);
    EXPECT_EQ(list->GetItemCount(), 3);
}

TEST(AgreementsPage, SelectingARowShowsTheAgreementInItsTabs) {
    Fixture f("detail");
    AgreementsPage& page = f.page();
    click_row(page.list(), 2);  // MOU/2025/001
    ASSERT_EQ(page.selected_agreement(), f.ids.in_force);
    AgreementDetail& detail = f.detail();
    EXPECT_EQ(detail.summary_field("reference")->GetValue(), "MOU/2025/001");
    EXPECT_EQ(detail.summary_field("duration")->GetValue(), "P5Y");
    EXPECT_EQ(detail.summary_field("next-review")->GetValue(), Date::today().add_days(-10).iso());
    EXPECT_EQ(detail.status_text(), "Status: in force");
    EXPECT_TRUE(contains(detail.standing_text(), "Due for review since")) << detail.standing_text();
    screenshot(f.frame.get(), "agreements-tab-summary");

    wxNotebook* tabs = detail.notebook();
    ASSERT_EQ(tabs->GetPageCount(), 6u);
    EXPECT_EQ(tabs->GetPageText(AgreementDetail::parties_tab), "Parties and contacts");
    ASSERT_EQ(detail.parties_list()->GetItemCount(), 2);
    EXPECT_EQ(column_text(detail.parties_list(), 0, 0), "Customs Administration of Atlantis");
    detail.parties_list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    pump(50);
    ASSERT_EQ(detail.contacts_list()->GetItemCount(), 1);
    EXPECT_EQ(column_text(detail.contacts_list(), 0, 1), "Ana Lopes");
    tabs->SetSelection(AgreementDetail::parties_tab);
    screenshot(f.frame.get(), "agreements-tab-parties");

    ASSERT_EQ(detail.elements_list()->GetItemCount(), 1);
    EXPECT_EQ(column_text(detail.elements_list(), 0, 1), "added by hand");
    tabs->SetSelection(AgreementDetail::elements_tab);
    screenshot(f.frame.get(), "agreements-tab-elements");

    ASSERT_EQ(detail.actions_list()->GetItemCount(), 2);
    EXPECT_EQ(column_text(detail.actions_list(), 0, 0), "Designate the focal points");
    EXPECT_EQ(column_text(detail.actions_list(), 0, 1), "Customs");
    EXPECT_EQ(detail.actions_list()->GetItemTextColour(0), wxColour(0xA0, 0x00, 0x00));  // overdue
    EXPECT_NE(detail.actions_list()->GetItemTextColour(1), wxColour(0xA0, 0x00, 0x00));
    tabs->SetSelection(AgreementDetail::actions_tab);
    screenshot(f.frame.get(), "agreements-tab-actions");

    ASSERT_EQ(detail.transitions_list()->GetItemCount(), 2);
    EXPECT_EQ(column_text(detail.transitions_list(), 1, 2), "in force");
    EXPECT_GT(detail.audit_list()->GetItemCount(), 0);
    tabs->SetSelection(AgreementDetail::history_tab);
    screenshot(f.frame.get(), "agreements-tab-history");

    // Another row: the draft, with nothing missing for its status.
    click_row(page.list(), 0);
    EXPECT_EQ(page.selected_agreement(), f.ids.draft);
    EXPECT_EQ(detail.status_text(), "Status: draft");
    EXPECT_EQ(detail.actions_list()->GetItemCount(), 0);
}

TEST(AgreementsPage, StatusChangesOfferOnlyAllowedStatusesAndARefusalIsShown) {
    Fixture f("status");
    ASSERT_TRUE(f.page().select_agreement(f.ids.draft));
    AgreementDetail& detail = f.detail();
    wxArrayString offered;
    {
        FormAnswers answers([&](FormDialog& form) {
            auto* choice = dynamic_cast<wxChoice*>(form.FindWindow("status"));
            if (!choice) return wxID_CANCEL;
            offered = choice->GetStrings();
            form.set_choice("status", 0);  // under negotiation
            form.set_text("date", Date::today().iso());
            form.set_text("reason", "first round of talks");
            return wxID_OK;
        });
        detail.change_status();
    }
    ASSERT_EQ(offered.size(), 2u);
    EXPECT_EQ(offered[0], "under negotiation");
    EXPECT_EQ(offered[1], "signed");
    EXPECT_EQ(detail.status_text(), "Status: under negotiation");
    store::Agreements agreements(f.db());
    EXPECT_EQ(agreements.get(f.ids.draft).status, tracking::Status::under_negotiation);
    ASSERT_EQ(agreements.transitions(f.ids.draft).size(), 1u);
    EXPECT_EQ(agreements.transitions(f.ids.draft)[0].reason, "first round of talks");
    // The list follows.
    EXPECT_EQ(column_text(f.page().list(), 0, AgreementList::status_col), "under negotiation");

    // Another program terminates nothing here, but signs it meanwhile: going back to "draft" from
    // "signed" is refused, and the dialog says why (the reason typed stays in it).
    ErrorRecorder errors;
    wxString problem;
    {
        FormAnswers answers([&](FormDialog& form) {
            form.set_choice("status", 0);  // draft (offered from under negotiation)
            form.set_text("reason", "talks stopped");
            agreements.set_status(f.ids.draft, tracking::Status::signed_, Date::today(), "signed elsewhere");
            return wxID_OK;
        });
        detail.change_status();
    }
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(contains(errors.reports()[0].summary, "Could not change the status")) << errors.reports()[0].summary;
    // The reason the lifecycle gives, naming the agreement.
    EXPECT_TRUE(contains(errors.reports()[0].summary, "MOA/2026/002")) << errors.reports()[0].summary;
    EXPECT_EQ(agreements.get(f.ids.draft).status, tracking::Status::signed_);
}

TEST(AgreementsPage, DatesAreCheckedBeforeTheyAreSaved) {
    Fixture f("dates");
    ASSERT_TRUE(f.page().select_agreement(f.ids.signed_));
    AgreementDetail& detail = f.detail();
    EXPECT_FALSE(detail.has_unsaved_changes());
    detail.summary_field("entry-into-force")->SetValue("2027-02-30");
    EXPECT_TRUE(detail.has_unsaved_changes());
    EXPECT_FALSE(detail.save_summary());
    EXPECT_TRUE(contains(detail.summary_problems(), "2027-02-30")) << detail.summary_problems();
    EXPECT_EQ(detail.summary_field("entry-into-force")->GetValue(), "2027-02-30");  // kept as typed
    // Dates that contradict each other: the store's check says so.
    detail.summary_field("entry-into-force")->SetValue(Date::today().add_days(-60).iso());  // before signature
    EXPECT_FALSE(detail.save_summary());
    EXPECT_FALSE(detail.summary_problems().empty());
    detail.summary_field("entry-into-force")->SetValue(Date::today().add_days(10).iso());
    detail.summary_field("duration")->SetValue("p3y");
    ASSERT_TRUE(detail.save_summary()) << detail.summary_problems();
    EXPECT_FALSE(detail.has_unsaved_changes());
    const store::AgreementRecord r = store::Agreements(f.db()).get(f.ids.signed_);
    EXPECT_EQ(r.dates.entry_into_force, Date::today().add_days(10));
    ASSERT_TRUE(r.dates.duration);
    EXPECT_EQ(r.dates.duration->iso(), "P3Y");
    EXPECT_EQ(detail.summary_field("duration")->GetValue(), "P3Y");
    // The list shows the new entry into force date.
    const long row = f.page().list()->index_of(f.ids.signed_);
    EXPECT_EQ(column_text(f.page().list(), row, AgreementList::entry_col), Date::today().add_days(10).iso());
}

TEST(AgreementsPage, AnActionIsAddedThenMarkedDoneWithEvidence) {
    Fixture f("actions");
    ASSERT_TRUE(f.page().select_agreement(f.ids.in_force));
    AgreementDetail& detail = f.detail();
    {
        FormAnswers answers([&](FormDialog& form) {
            form.set_text("title", "Exchange the contact lists");
            form.set_choice("owner", 2);  // Police
            form.set_text("due", Date::today().add_days(15).iso());
            return wxID_OK;
        });
        detail.add_action();
    }
    ASSERT_EQ(detail.actions().size(), 3u);
    const auto added = std::find_if(detail.actions().begin(), detail.actions().end(), [](const store::ActionRecord& a) {
        return a.title == "Exchange the contact lists";
    });
    ASSERT_NE(added, detail.actions().end());
    const store::Id id = added->id;
    EXPECT_EQ(detail.notebook()->GetSelection(), AgreementDetail::actions_tab);
    // The new action is selected: mark it done.
    {
        FormAnswers answers([&](FormDialog& form) {
            form.set_text("evidence", "Lists exchanged by letter of 3 March");
            return wxID_OK;
        });
        detail.complete_action();
    }
    const store::ActionRecord done = store::Actions(f.db()).get(id);
    EXPECT_EQ(done.status, tracking::ActionStatus::done);
    EXPECT_EQ(done.completed_on, Date::today());
    EXPECT_TRUE(contains(to_wx(done.evidence), "letter of 3 March"));
    ASSERT_TRUE(detail.select_action(id));
    const long row = detail.actions_list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    EXPECT_EQ(column_text(detail.actions_list(), row, 3), "done");

    // A form left empty is refused inside the dialog: nothing added.
    ErrorRecorder errors;
    {
        FormAnswers answers([](FormDialog&) { return wxID_OK; });
        detail.add_action();
    }
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_EQ(errors.reports()[0].summary, "Enter what has to be done.");
    EXPECT_EQ(detail.actions().size(), 3u);

    // Another status by hand.
    ASSERT_TRUE(detail.select_action(f.ids.upcoming_action));
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_choice("status", 3);  // blocked
            return wxID_OK;
        });
        detail.change_action_status();
    }
    EXPECT_EQ(store::Actions(f.db()).get(f.ids.upcoming_action).status, tracking::ActionStatus::blocked);
    screenshot(f.frame.get(), "agreements-actions-after");
}

TEST(AgreementsPage, AFileIsAttachedToAnActionAsEvidenceAndAMovedOneIsReported) {
    Fixture f("evidence-files");
    ASSERT_TRUE(f.page().select_agreement(f.ids.in_force));
    AgreementDetail& detail = f.detail();
    ASSERT_TRUE(detail.select_action(f.ids.overdue_action));
    const fs::path file = output_dir() / "evidence" / "minutes 3 March.txt";
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "Minutes of the joint meeting\n";
    ASSERT_TRUE(detail.attach_evidence_file(file, "  Minutes of the joint meeting  "));
    const store::ActionRecord a = store::Actions(f.db()).get(f.ids.overdue_action);
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].path, file.string());
    EXPECT_EQ(a.files[0].description, "Minutes of the joint meeting");

    // The register keeps where the file was: once it is moved, opening it says so and where.
    fs::remove(file);
    ErrorRecorder errors;
    ASSERT_TRUE(detail.select_action(f.ids.overdue_action));
    detail.open_evidence();
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(contains(errors.reports()[0].summary, "minutes 3 March.txt")) << errors.reports()[0].summary;
    EXPECT_EQ(errors.reports()[0].details, to_wx(file));
}

TEST(AgreementsPage, PartiesContactsAndKeyElementsAreEditedInTheirTabs) {
    Fixture f("parties");
    ASSERT_TRUE(f.page().select_agreement(f.ids.draft));
    AgreementDetail& detail = f.detail();
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("name", "Police judiciaire de Côte-Claire");
            form.set_text("short", "PJ");
            form.set_choice("kind", 1);  // police
            form.set_choice("role", 1);  // observer
            return wxID_OK;
        });
        detail.add_party();
    }
    ASSERT_EQ(detail.parties_list()->GetItemCount(), 3);
    EXPECT_EQ(column_text(detail.parties_list(), 2, 0), "Police judiciaire de Côte-Claire");
    EXPECT_EQ(column_text(detail.parties_list(), 2, 4), "observer");
    // The new party is selected: move it up, then give it a contact.
    detail.move_party(-1);
    EXPECT_EQ(column_text(detail.parties_list(), 1, 0), "Police judiciaire de Côte-Claire");
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("name", "Élodie Marchand");
            form.set_text("email", "e.marchand@pj.example");
            return wxID_OK;
        });
        detail.add_contact();
    }
    ASSERT_EQ(detail.contacts_list()->GetItemCount(), 1);
    EXPECT_EQ(column_text(detail.contacts_list(), 0, 1), "Élodie Marchand");
    store::AgreementRecord r = store::Agreements(f.db()).get(f.ids.draft);
    ASSERT_EQ(r.parties.size(), 3u);
    EXPECT_EQ(r.parties[1].short_name, "PJ");
    ASSERT_EQ(r.parties[1].contacts.size(), 1u);
    // Remove it (confirmed).
    {
        DialogAnswer yes(wxID_YES);
        detail.remove_party();
    }
    EXPECT_EQ(detail.parties_list()->GetItemCount(), 2);

    // A key element by hand, from the catalogue.
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_choice("element", 0);
            return wxID_OK;
        });
        detail.add_element();
    }
    ASSERT_EQ(detail.elements_list()->GetItemCount(), 1);
    EXPECT_EQ(column_text(detail.elements_list(), 0, 1), "added by hand");
    detail.elements_list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    detail.remove_element();
    EXPECT_EQ(detail.elements_list()->GetItemCount(), 0);
    // Every change is in the audit trail, shown in the History tab.
    EXPECT_GE(detail.audit_list()->GetItemCount(), 4);
}

TEST(AgreementsPage, NewAgreementDialogAddsAndSelectsIt) {
    Fixture f("new");
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("reference", "EOL/2027/010");
            form.set_text("title", "Exchange of letters on liaison officers");
            form.set_choice("instrument", 3);
            form.set_text("party1", "Customs of Atlantis");
            return wxID_OK;
        });
        f.page().new_agreement();
    }
    EXPECT_EQ(f.page().list()->GetItemCount(), 4);
    const auto id = store::Agreements(f.db()).find("EOL/2027/010");
    ASSERT_TRUE(id);
    EXPECT_EQ(f.page().selected_agreement(), *id);
    EXPECT_EQ(f.detail().summary_field("title")->GetValue(), "Exchange of letters on liaison officers");
    EXPECT_EQ(store::Agreements(f.db()).get(*id).instrument, "exchange-of-letters");
    // The same reference again: refused, with the reason.
    ErrorRecorder errors;
    {
        FormAnswers answers([](FormDialog& form) {
            form.set_text("reference", "EOL/2027/010");
            form.set_text("title", "Again");
            return wxID_OK;
        });
        f.page().new_agreement();
    }
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_EQ(f.page().list()->GetItemCount(), 4);
}

TEST(AgreementsPage, RegisterThisDraftAddsItWithItsTextAndShowsIt) {
    Fixture f("register-draft");
    MainFrame& frame = *f.frame;
    DraftingPage& drafting = frame.drafting_page();
    frame.show_page(&drafting);
    const fs::path file = output_dir() / "register-example.moudraft";
    drafting::save_draft(drafting::example_draft(frame.context().library, Instrument::mou, {Language::en, Language::fr},
                                                 drafting::Layout::side_by_side),
                         file);
    ASSERT_TRUE(drafting.open_file(to_wx(file)));
    wxString proposed_title;
    {
        FormAnswers answers([&](FormDialog& form) {
            proposed_title = form.text("title");
            form.set_text("reference", "MOU/2027/004");
            return wxID_OK;
        });
        ASSERT_TRUE(frame.ProcessCommand(ID_REGISTER_DRAFT));
    }
    pump();
    EXPECT_FALSE(proposed_title.empty());
    EXPECT_EQ(frame.current_page(), &f.page());
    const auto id = store::Agreements(f.db()).find("MOU/2027/004");
    ASSERT_TRUE(id);
    EXPECT_EQ(f.page().selected_agreement(), *id);
    const store::AgreementRecord r = store::Agreements(f.db()).get(*id);
    EXPECT_EQ(r.title, from_wx(proposed_title));
    EXPECT_EQ(r.languages, (std::vector<std::string>{"en", "fr"}));
    EXPECT_GE(r.parties.size(), 2u);
    EXPECT_FALSE(r.elements.empty());
    ASSERT_EQ(f.detail().versions_list()->GetItemCount(), 1);
    EXPECT_FALSE(f.detail().version_text()->GetValue().empty());
    f.detail().notebook()->SetSelection(AgreementDetail::documents_tab);
    screenshot(&frame, "agreements-tab-documents");
}

TEST(AgreementsPage, ARegisterThatCannotBeOpenedIsReportedAndTheAppRuns) {
    const fs::path path = fresh_register("not-a-database");
    write_file_atomically(path, std::string(4096, 'x'));
    ErrorRecorder errors;
    AppOptions options;
    options.db_path = path;
    auto frame = make_frame(options);
    pump();
    EXPECT_EQ(frame->context().register_db, nullptr);
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(contains(errors.reports()[0].summary, "Could not open the agreements register"))
        << errors.reports()[0].summary;
    frame->show_page(&frame->agreements_page());
    EXPECT_TRUE(contains(frame->agreements_page().unavailable_text(), to_wx(path)));
    EXPECT_EQ(frame->agreements_page().list()->GetItemCount(), 0);
    EXPECT_FALSE(frame->agreements_page().select_agreement(1));
    screenshot(frame.get(), "agreements-unavailable");
    frame->show_page(&frame->dashboard_page());
    EXPECT_TRUE(contains(frame->dashboard_page().unavailable_text(), to_wx(path)));
    // Registering a draft says the register is not open.
    frame->show_page(&frame->drafting_page());
    wxUpdateUIEvent update(ID_REGISTER_DRAFT);
    update.SetEventObject(frame.get());
    frame->HandleWindowEvent(update);
    EXPECT_FALSE(update.GetEnabled());
}

TEST(AgreementsPage, AThousandAgreementsAreReadAPageAtATime) {
    const fs::path path = fresh_register("large");
    {
        auto db = store::Database::open(path);
        store::generate_demo_data(*db, 1000, Date::today());
    }
    AppOptions options;
    options.db_path = path;
    auto frame = make_frame(options);
    frame->show_page(&frame->agreements_page());
    pump();
    AgreementList* list = frame->agreements_page().list();
    ASSERT_EQ(list->GetItemCount(), 1000);
    const int before = list->pages_read();
    EXPECT_LE(before, 2);  // what the window shows
    ASSERT_NE(list->row(999), nullptr);
    EXPECT_EQ(list->pages_read(), before + 1);
    ASSERT_NE(list->row(998), nullptr);  // cached
    EXPECT_EQ(list->pages_read(), before + 1);
    list->EnsureVisible(500);
    pump();
    EXPECT_LE(list->pages_read(), before + 3);
    // Selecting one far down finds its row.
    const store::Id last = list->row(999)->id;
    ASSERT_TRUE(frame->agreements_page().select_agreement(last));
    EXPECT_EQ(frame->agreements_page().selected_agreement(), last);
    screenshot(frame.get(), "agreements-large");
}

}  // namespace
}  // namespace moudesk::gui::test
