// The drafting workspace in the real main window: a new draft, parties, key elements (what they
// pull in, what they refuse), fields, the live preview, the findings, undo/redo, save, autosave
// and recovery, and an export read back by LibreOffice. Screenshots: drafting-parties,
// drafting-elements, drafting-fields, drafting-preview, drafting-full-mou.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/propgrid/propgrid.h>
#include <wx/radiobox.h>

#include "drafting_elements.h"
#include "drafting_fields.h"
#include "drafting_page.h"
#include "drafting_parties.h"
#include "drafting_preview.h"
#include "gui_test_support.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/drafting/editor.h"
#include "new_draft_dialog.h"
#include "party_dialog.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;

enum Tab { parties_tab, elements_tab, fields_tab };
constexpr unsigned checked_column = 1;  // the elements model's "in the draft" tick

NewDraftSettings bilingual_mou() {
    NewDraftSettings s;
    s.instrument = Instrument::mou;
    s.languages = {Language::en, Language::fr};
    s.layout = drafting::Layout::side_by_side;
    return s;
}

drafting::Party party(const std::string& kind, const std::string& en, const std::string& fr,
                      const std::string& short_name) {
    drafting::Party p;
    p.kind = kind;
    p.name = {en, fr};
    p.short_name = short_name;
    p.country = "Valmont";
    p.signatory.name = "Ødegaard-Marchand";
    p.signatory.title = {"Director-General", "Directrice générale"};
    return p;
}

bool contains(const wxString& text, const std::string& part) {
    return from_wx(text).find(part) != std::string::npos;
}

class DraftingPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        frame_ = &main_frame();
        page_ = &frame_->drafting_page();
        frame_->show_page(page_);
        // Questions are answered by answer_for(); messages (refusals) are recorded.
        page_->testing().answer_dialogs_with([this](const wxString& text, long style) {
            seen_.push_back(text);
            return answer_for(text, style);
        });
        pump();
    }

    void TearDown() override {
        // Leave a clean, unmodified draft and no autosave for the other tests.
        page_->testing().answer_dialogs_with([](const wxString&, long) { return int(wxID_NO); });
        page_->testing().new_draft(NewDraftSettings{});
        page_->testing().answer_dialogs_with({});
        pump();
    }

    int answer_for(const wxString& text, long style) {
        if (contains(text, "exported to")) return wxID_NO;  // do not launch a viewer
        if (contains(text, "Export it anyway")) return export_gaps_answer_;
        if (contains(text, "Save the changes")) return unsaved_answer_;
        return (style & wxYES_NO) ? wxID_NO : wxID_OK;
    }

    DraftingPage::Testing t() { return page_->testing(); }
    drafting::Editor& editor() { return t().editor(); }

    void menu(int id) {
        wxCommandEvent event(wxEVT_MENU, id);
        event.SetEventObject(frame_);
        frame_->GetEventHandler()->ProcessEvent(event);
        pump(50);
    }

    wxString menu_text(int id) {
        wxUpdateUIEvent event(id);
        event.SetEventObject(frame_);
        page_->ProcessWindowEventLocally(event);
        return event.GetText();
    }

    bool menu_enabled(int id) {
        wxUpdateUIEvent event(id);
        event.SetEventObject(frame_);
        page_->ProcessWindowEventLocally(event);
        return event.GetEnabled();
    }

    // The preview follows a change as soon as the event that made it is over.
    wxString preview_text() {
        pump();
        return t().preview().preview()->ToText();
    }

    // The tick of an element or clause as the tree shows it, and whether it can be clicked.
    bool ticked(const wxDataViewItem& item) {
        wxVariant value;
        t().elements().tree()->GetModel()->GetValue(value, item, checked_column);
        return value.GetBool();
    }
    bool tickable(const wxDataViewItem& item) {
        return t().elements().tree()->GetModel()->IsEnabled(item, checked_column);
    }
    wxDataViewItem element_item(const std::string& slug) {
        t().elements().select_element(slug);
        return t().elements().tree()->GetSelection();
    }
    wxDataViewItem clause_item(const std::string& id) {
        t().elements().select_clause(id);
        return t().elements().tree()->GetSelection();
    }
    // Clicks the tick box: the renderer changes the model's value, the page acts on it.
    void click_tick(const wxDataViewItem& item, bool value) {
        t().elements().tree()->GetModel()->ChangeValue(wxVariant(value), item, checked_column);
        pump(100);
    }

    fs::path fresh_dir(const std::string& name) {
        fs::path dir = output_dir() / "drafting" / name;
        fs::remove_all(dir);
        fs::create_directories(dir);
        return dir;
    }

    MainFrame* frame_ = nullptr;
    DraftingPage* page_ = nullptr;
    std::vector<wxString> seen_;
    int unsaved_answer_ = wxID_NO;
    int export_gaps_answer_ = wxID_OK;
};

TEST_F(DraftingPageTest, ANewDraftStartsWithTheFinalProvisionsAndTwoPartiesToFillIn) {
    t().new_draft(bilingual_mou());
    pump();
    const drafting::Draft& d = editor().draft();
    EXPECT_EQ(d.instrument, Instrument::mou);
    EXPECT_EQ(d.languages, (std::vector<Language>{Language::en, Language::fr}));
    EXPECT_EQ(d.layout, drafting::Layout::side_by_side);
    EXPECT_EQ(d.level, PartnershipLevel::communication);
    ASSERT_EQ(d.parties.size(), 2u);
    EXPECT_EQ(d.parties[0].kind, "customs");
    EXPECT_EQ(d.parties[1].kind, "police");
    ASSERT_FALSE(d.elements.empty());
    for (const auto& e : d.elements) {
        const content::KeyElement* element = editor().library().find_element(e.slug);
        ASSERT_NE(element, nullptr) << e.slug;
        EXPECT_EQ(element->group, content::ElementGroup::final_provision) << e.slug;
    }
    EXPECT_TRUE(d.has_element("legal-status"));
    EXPECT_FALSE(editor().modified());
    EXPECT_FALSE(menu_enabled(wxID_UNDO));
    // The findings say what is missing: the parties have no names yet.
    EXPECT_GT(t().preview().findings()->GetItemCount(), 0);
}

TEST_F(DraftingPageTest, FromPartiesToAnExportedDocumentThatLibreOfficeReads) {
    t().new_draft(bilingual_mou());
    pump();
    t().notebook()->SetSelection(parties_tab);

    // --- parties -----------------------------------------------------------------------------
    t().parties().update_party(
        0, party("customs", "Customs Administration of Valmont", "Administration des douanes du Valmont", "Customs"));
    t().parties().update_party(1,
                               party("police", "National Police of Valmont", "Police nationale du Valmont", "Police"));
    t().parties().add_party(
        party("border-guard", "Border Guard of Valmont", "Garde-frontière du Valmont", "Border Guard"));
    pump();
    wxListCtrl* list = t().parties().list();
    ASSERT_EQ(list->GetItemCount(), 3);
    EXPECT_EQ(from_wx(list->GetItemText(2)), "Border Guard of Valmont");
    EXPECT_EQ(from_wx(list->GetItemText(2, 2)), "Border guard");
    EXPECT_TRUE(contains(preview_text(), "Border Guard of Valmont"));
    EXPECT_TRUE(contains(preview_text(), "Garde-frontière du Valmont"));  // the French column
    EXPECT_TRUE(contains(frame_->GetTitle(), "*")) << from_wx(frame_->GetTitle());
    screenshot(frame_, "drafting-parties");

    // --- key elements: what a choice pulls in, what it refuses --------------------------------
    t().notebook()->SetSelection(elements_tab);
    const wxDataViewItem exchange = element_item("information-exchange");
    const wxDataViewItem protection = element_item("data-protection");
    EXPECT_FALSE(ticked(exchange));
    click_tick(exchange, true);
    EXPECT_TRUE(editor().draft().has_element("information-exchange"));
    EXPECT_TRUE(editor().implied("data-protection"));
    EXPECT_TRUE(ticked(exchange));
    EXPECT_TRUE(ticked(protection));     // in the draft…
    EXPECT_FALSE(tickable(protection));  // …because something requires it: greyed
    EXPECT_TRUE(contains(t().elements().info_text(), "required by")) << from_wx(t().elements().info_text());

    ASSERT_TRUE(t().elements().set_element("liaison-officers", true));
    pump();
    // Focal points exclude the liaison officers' contact points: refused, and the box unticked.
    const wxDataViewItem focal_points = clause_item("governance.focal-points");
    seen_.clear();
    click_tick(focal_points, true);
    EXPECT_FALSE(editor().reason_for("governance.focal-points").has_value());
    EXPECT_FALSE(editor().draft().has_element("governance"));
    EXPECT_FALSE(ticked(focal_points));
    ASSERT_EQ(seen_.size(), 1u);
    EXPECT_TRUE(contains(seen_[0], "excludes")) << from_wx(seen_[0]);

    // Selecting an element shows its description and the guidance of its clauses.
    t().elements().select_element("information-exchange");
    pump();
    const content::Clause* general = editor().library().find_clause("information-exchange.general");
    ASSERT_NE(general, nullptr);
    EXPECT_TRUE(contains(t().elements().info_text(), general->title.en));
    screenshot(frame_, "drafting-elements");

    // --- fields ------------------------------------------------------------------------------
    t().notebook()->SetSelection(fields_tab);
    t().refresh_now();
    wxPropertyGrid* grid = t().fields().grid();
    ASSERT_NE(grid->GetPropertyByName("signature-place@en"), nullptr);
    ASSERT_NE(grid->GetPropertyByName("signature-place@fr"), nullptr);
    ASSERT_NE(grid->GetPropertyByName("information-exchange-response-days"), nullptr);
    EXPECT_FALSE(contains(preview_text(), "Luxembourg-Ville"));
    grid->ChangePropertyValue("signature-place@en", wxString("Luxembourg City"));
    grid->ChangePropertyValue("signature-place@fr", wxString("Luxembourg-Ville"));
    grid->ChangePropertyValue("signature-date", wxDateTime(1, wxDateTime::Mar, 2027));
    grid->ChangePropertyValue("information-exchange-response-days", 20L);
    pump(100);
    EXPECT_EQ(*editor().draft().value("signature-place", Language::en), "Luxembourg City");
    EXPECT_EQ(*editor().draft().value("signature-place", Language::fr), "Luxembourg-Ville");
    EXPECT_EQ(*editor().draft().value("signature-date", Language::en), "2027-03-01");
    EXPECT_EQ(*editor().draft().value("information-exchange-response-days", Language::en), "20");
    const wxString with_values = preview_text();
    EXPECT_TRUE(contains(with_values, "Luxembourg City"));
    EXPECT_TRUE(contains(with_values, "Luxembourg-Ville"));
    EXPECT_TRUE(contains(with_values, "1 March 2027"));
    EXPECT_TRUE(contains(with_values, "1er mars 2027"));
    screenshot(frame_, "drafting-fields");

    // A finding about a field leads to that field.
    const auto& findings = editor().findings();
    auto missing = std::find_if(findings.begin(), findings.end(), [](const drafting::Finding& f) {
        return f.kind == drafting::Finding::Kind::missing_field && !f.field.empty();
    });
    ASSERT_NE(missing, findings.end());
    t().notebook()->SetSelection(parties_tab);
    wxListEvent activate(wxEVT_LIST_ITEM_ACTIVATED, t().preview().findings()->GetId());
    activate.SetEventObject(t().preview().findings());
    activate.SetIndex(static_cast<long>(missing - findings.begin()));
    t().preview().findings()->GetEventHandler()->ProcessEvent(activate);
    pump();
    EXPECT_EQ(t().notebook()->GetSelection(), fields_tab);
    ASSERT_NE(grid->GetSelection(), nullptr);
    EXPECT_TRUE(contains(grid->GetSelection()->GetName(), missing->field)) << from_wx(grid->GetSelection()->GetName());

    // --- undo / redo through the Edit menu ------------------------------------------------------
    EXPECT_TRUE(menu_enabled(wxID_UNDO));
    EXPECT_TRUE(contains(menu_text(wxID_UNDO), "Undo Edit")) << from_wx(menu_text(wxID_UNDO));
    menu(wxID_UNDO);
    EXPECT_EQ(editor().draft().value("information-exchange-response-days", Language::en), nullptr);
    EXPECT_TRUE(menu_enabled(wxID_REDO));
    menu(wxID_REDO);
    EXPECT_EQ(*editor().draft().value("information-exchange-response-days", Language::en), "20");
    // Undo as far as the new parties: the preview follows.
    for (int i = 0; i < 4 + 2; ++i) menu(wxID_UNDO);  // 4 field values, 2 elements
    EXPECT_FALSE(contains(preview_text(), "Luxembourg City"));
    EXPECT_FALSE(editor().draft().has_element("information-exchange"));
    for (int i = 0; i < 4 + 2; ++i) menu(wxID_REDO);
    EXPECT_TRUE(contains(preview_text(), "Luxembourg City"));
    EXPECT_TRUE(editor().draft().has_element("information-exchange"));

    // The preview where the values just entered are, with a finding chosen below it.
    t().notebook()->SetSelection(fields_tab);
    pump(400);
    EXPECT_TRUE(t().preview().show_article(3));
    t().preview().findings()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    screenshot(frame_, "drafting-preview");

    // --- save, autosave ----------------------------------------------------------------------
    const fs::path dir = fresh_dir("workflow");
    const fs::path autosave = t().autosave_now();
    EXPECT_TRUE(fs::exists(autosave));
    ASSERT_TRUE(t().save_to(dir / "valmont.moudraft"));
    pump();
    EXPECT_FALSE(editor().modified());
    EXPECT_FALSE(fs::exists(autosave)) << "a clean save removes the autosave";
    EXPECT_TRUE(contains(frame_->GetTitle(), "valmont.moudraft")) << from_wx(frame_->GetTitle());
    EXPECT_FALSE(contains(frame_->GetTitle(), "*"));
    EXPECT_EQ(drafting::read_draft(dir / "valmont.moudraft").parties.size(), 3u);

    // --- export: the draft still has gaps, so the page asks; LibreOffice reads the result ------
    ASSERT_TRUE(editor().assembly().has_errors());
    seen_.clear();
    const fs::path docx = dir / "valmont.docx";
    ASSERT_TRUE(t().export_to(docx));
    ASSERT_GE(seen_.size(), 2u);
    EXPECT_TRUE(contains(seen_[0], "Export it anyway"));
    EXPECT_TRUE(contains(seen_[1], "Open the exported file"));
    ASSERT_TRUE(fs::exists(docx));
    EXPECT_TRUE(menu_enabled(ID_OPEN_EXPORTED));

    const fs::path profile = output_dir() / ("lo-profile-" + std::to_string(::getpid()));
    const std::string command = "soffice -env:UserInstallation=file://" + profile.string() +
                                " --headless --convert-to txt:Text --outdir '" + dir.string() + "' '" + docx.string() +
                                "' > '" + (dir / "soffice.log").string() + "' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << read_file(dir / "soffice.log");
    fs::remove_all(profile);
    const std::string text = read_file(dir / "valmont.txt");
    EXPECT_NE(text.find("Border Guard of Valmont"), std::string::npos);
    EXPECT_NE(text.find("Garde-frontière du Valmont"), std::string::npos);
    EXPECT_NE(text.find("Article 1"), std::string::npos);
    EXPECT_NE(text.find(general->title.en), std::string::npos);
    EXPECT_NE(text.find("Luxembourg City"), std::string::npos);

    // Refusing to export with gaps writes nothing.
    export_gaps_answer_ = wxID_CANCEL;
    EXPECT_FALSE(t().export_to(dir / "refused.odt"));
    EXPECT_FALSE(fs::exists(dir / "refused.odt"));
}

TEST_F(DraftingPageTest, UnsavedChangesAreAskedAboutOnNewAndClose) {
    t().new_draft(bilingual_mou());
    t().parties().update_party(0, party("customs", "Customs of Valmont", "Douanes du Valmont", "Customs"));
    pump();
    ASSERT_TRUE(editor().modified());

    // Cancel keeps the draft.
    unsaved_answer_ = wxID_CANCEL;
    seen_.clear();
    menu(wxID_CLOSE);
    ASSERT_EQ(seen_.size(), 1u);
    EXPECT_TRUE(contains(seen_[0], "Save the changes"));
    EXPECT_EQ(editor().draft().parties[0].name.en, "Customs of Valmont");
    EXPECT_FALSE(page_->confirm_close());

    // Don't save: a fresh draft, and the autosave of the abandoned one is gone.
    const fs::path autosave = t().autosave_now();
    ASSERT_TRUE(fs::exists(autosave));
    unsaved_answer_ = wxID_NO;
    menu(wxID_CLOSE);
    EXPECT_TRUE(editor().draft().parties[0].name.en.empty());
    EXPECT_FALSE(editor().modified());
    EXPECT_FALSE(fs::exists(autosave));
    EXPECT_TRUE(page_->confirm_close());  // nothing to ask about

    // File ▸ New asks for the instrument and languages in its dialog (answered OK here).
    t().parties().update_party(1, party("police", "Police of Valmont", "Police du Valmont", "Police"));
    pump();
    {
        DialogAnswer create(wxID_OK);
        menu(wxID_NEW);
        ASSERT_FALSE(create.dialogs().empty());
        EXPECT_EQ(from_wx(create.dialogs().back().title), "New draft");
    }
    EXPECT_TRUE(editor().draft().parties[1].name.en.empty());
    EXPECT_FALSE(editor().modified());
}

TEST_F(DraftingPageTest, ABrokenFileIsReportedWithItsNameAndTheDraftStays) {
    t().new_draft(bilingual_mou());
    t().parties().update_party(0, party("customs", "Customs of Valmont", "Douanes du Valmont", "Customs"));
    pump();
    const fs::path broken = fresh_dir("broken") / "broken.moudraft";
    std::ofstream(broken) << "<moudraft version=\"1\"><instrument>treaty</instrument>";
    ErrorRecorder errors;
    unsaved_answer_ = wxID_NO;
    EXPECT_FALSE(page_->open_file(to_wx(broken)));
    ASSERT_EQ(errors.reports().size(), 1u);
    EXPECT_TRUE(contains(errors.reports()[0].full_text(), "broken.moudraft"))
        << from_wx(errors.reports()[0].full_text());
    EXPECT_EQ(editor().draft().parties[0].name.en, "Customs of Valmont");
}

TEST_F(DraftingPageTest, AnAutosaveNewerThanTheFileIsOfferedForRecovery) {
    const fs::path data = fresh_dir("recovery");
    drafting::Draft recovered = drafting::example_draft(main_frame().context().library, Instrument::moa, {Language::fr},
                                                        drafting::Layout::single);
    drafting::save_draft(recovered, data / "autosave.moudraft");
    write_file_atomically(data / "autosave.source", "");

    AppOptions options;
    options.data_dir = data;
    DialogAnswer recover(wxID_YES);
    std::unique_ptr<MainFrame> other = make_frame(options);
    pump(200);
    ASSERT_FALSE(recover.dialogs().empty());
    EXPECT_TRUE(contains(recover.dialogs().back().message, "Recover")) << from_wx(recover.dialogs().back().message);
    DraftingPage& page = other->drafting_page();
    EXPECT_EQ(page.testing().editor().draft().instrument, Instrument::moa);
    EXPECT_EQ(page.testing().editor().draft().parties.size(), 2u);
    EXPECT_TRUE(fs::exists(data / "autosave.moudraft")) << "kept until the recovered draft is saved";

    // Closing without saving discards it.
    page.testing().answer_dialogs_with([](const wxString&, long) { return int(wxID_NO); });
    EXPECT_TRUE(page.confirm_close());
    EXPECT_FALSE(fs::exists(data / "autosave.moudraft"));
}

TEST_F(DraftingPageTest, PreviewOfTheFullBilingualExampleIsTimed) {
    // Not an assertion (speed belongs to benchmarks): the numbers are printed for the record.
    const fs::path file = fresh_dir("timing") / "example.moudraft";
    drafting::save_draft(drafting::example_draft(main_frame().context().library, Instrument::mou,
                                                 {Language::en, Language::fr}, drafting::Layout::side_by_side),
                         file);
    ASSERT_TRUE(page_->open_file(to_wx(file)));
    pump();
    PreviewPane& preview = t().preview();
    long render = 0, layout = 0;
    const int runs = 10;
    for (int i = 0; i < runs; ++i) {
        preview.refresh_preview(true);
        render += preview.last_render_time().count();
        layout += preview.last_layout_time().count();
    }
    std::cout << "[ preview  ] full bilingual example MOU (" << editor().assembly().clauses.size()
              << " articles, side by side): render_html " << render / runs / 1000.0
              << " ms + parse and layout of every piece " << layout / runs / 1000.0
              << " ms per full refresh (bench/moudesk_gui_preview_bench times a change)\n";
    EXPECT_TRUE(contains(preview.preview()->ToText(), "Article 1"));
    EXPECT_FALSE(editor().assembly().has_errors());
    // The whole bilingual MOU in the preview, English and French side by side, at article 10.
    EXPECT_TRUE(preview.show_article(10));
    screenshot(frame_, "drafting-full-mou");
}

TEST(DraftingDialogs, TheNewDraftDialogReturnsTheChoices) {
    NewDraftSettings initial;
    NewDraftDialog dialog(&main_frame(), initial);
    auto radios = std::vector<wxRadioBox*>{};
    for (wxWindow* child : dialog.GetChildren())
        if (auto* radio = dynamic_cast<wxRadioBox*>(child)) radios.push_back(radio);
    ASSERT_EQ(radios.size(), 3u);  // instrument, what an addendum amends, languages
    EXPECT_FALSE(radios[1]->IsEnabled());
    radios[0]->SetSelection(2);
    wxCommandEvent changed(wxEVT_RADIOBOX, radios[0]->GetId());
    changed.SetEventObject(radios[0]);
    radios[0]->GetEventHandler()->ProcessEvent(changed);
    EXPECT_TRUE(radios[1]->IsEnabled());
    radios[1]->SetSelection(1);
    radios[2]->SetSelection(3);  // English + French in sequence
    dialog.Show();
    screenshot(&dialog, "drafting-new-draft-dialog");
    dialog.Hide();
    NewDraftSettings s = dialog.settings();
    EXPECT_EQ(s.instrument, Instrument::addendum);
    EXPECT_EQ(s.base_instrument, Instrument::moa);
    EXPECT_EQ(s.languages, (std::vector<Language>{Language::en, Language::fr}));
    EXPECT_EQ(s.layout, drafting::Layout::sequence);
}

TEST(DraftingDialogs, ThePartyDialogChecksTheNameAndTheDate) {
    drafting::Party p;
    p.kind = "police";
    p.signatory.date = "2027-02-30";
    PartyDialog dialog(&main_frame(), "Edit party", p);
    EXPECT_FALSE(dialog.problem().empty());  // no name
    p.name.fr = "Police nationale";
    PartyDialog named(&main_frame(), "Edit party", p);
    EXPECT_TRUE(contains(named.problem(), "YYYY-MM-DD")) << from_wx(named.problem());
    p.signatory.date = "2027-02-28";
    p.name.en = "National Police";
    p.short_name = "Police";
    p.country = "Valmont";
    p.signatory.name = "Karim Benali";
    p.signatory.title = {"Chief Commissioner", "Commissaire général"};
    PartyDialog valid(&main_frame(), "Edit party", p);
    EXPECT_TRUE(valid.problem().empty());
    valid.Show();
    screenshot(&valid, "drafting-party-dialog");
    valid.Hide();
    EXPECT_EQ(valid.party().name.fr, "Police nationale");
    EXPECT_EQ(valid.party().kind, "police");
}

}  // namespace
}  // namespace moudesk::gui::test
