// The library browser: the tree of key elements, clauses and variants; the HTML of a clause in
// English and French; the search; and a library with a broken file.
#include <gtest/gtest.h>

#include <algorithm>

#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/treectrl.h>

#include "gui_test_support.h"
#include "library_page.h"
#include "library_view.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "wx_text.h"

namespace moudesk::gui::test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

LibraryPage& library_page() {
    MainFrame& frame = main_frame();
    frame.ProcessCommand(ID_PAGE_LIBRARY);
    LibraryPage& page = frame.library_page();
    page.set_search(wxString());
    return page;
}

TEST(LibraryPage, TreeHoldsAllTwentyFourKeyElementsInTwoGroups) {
    LibraryPage& page = library_page();
    EXPECT_EQ(page.visible_elements(), 24);
    EXPECT_EQ(page.visible_clauses(), static_cast<int>(main_frame().context().library.clauses.size()));
    wxTreeCtrl* tree = page.tree();
    EXPECT_EQ(tree->GetChildrenCount(tree->GetRootItem(), false), 2u);
    wxTreeItemIdValue cookie;
    const wxTreeItemId cooperation = tree->GetFirstChild(tree->GetRootItem(), cookie);
    const wxTreeItemId final_provisions = tree->GetNextChild(tree->GetRootItem(), cookie);
    EXPECT_EQ(tree->GetItemText(cooperation), "Cooperation elements");
    EXPECT_EQ(tree->GetItemText(final_provisions), "Final provisions");
    EXPECT_EQ(tree->GetChildrenCount(cooperation, false) + tree->GetChildrenCount(final_provisions, false), 24u);
}

TEST(LibraryPage, AClauseShowsItsEnglishAndFrenchTextAndGuidance) {
    LibraryPage& page = library_page();
    const content::Library& library = main_frame().context().library;
    const content::Clause* clause = library.find_clause("information-exchange.general");
    ASSERT_NE(clause, nullptr);
    ASSERT_TRUE(page.select_clause(clause->id));
    pump();
    const std::string& html = page.view_source();
    EXPECT_TRUE(contains(html, xml_escape(clause->title.en)));
    EXPECT_TRUE(contains(html, xml_escape(clause->title.fr)));
    EXPECT_TRUE(contains(html, xml_escape(clause->guidance.en)));
    EXPECT_TRUE(contains(html, xml_escape(clause->guidance.fr)));
    // The first paragraph, in both languages, as plain text in the window.
    const std::string shown = from_wx(page.view()->ToText());
    const content::Block& first = clause->variants.front().blocks.front();
    const std::string en = plain_text(library, first.text.en, Language::en);
    const std::string fr = plain_text(library, first.text.fr, Language::fr);
    EXPECT_TRUE(contains(collapse_spaces(shown), collapse_spaces(en.substr(0, 40)))) << en;
    EXPECT_TRUE(contains(collapse_spaces(shown), collapse_spaces(fr.substr(0, 40)))) << fr;
    // Fields are highlighted and named by their label.
    EXPECT_TRUE(contains(html, "background-color"));
    EXPECT_TRUE(contains(html, "[" + xml_escape(library.find_field("information-exchange-channel")->label.en) + "]"));
    // The clause it requires is a link that selects it.
    EXPECT_TRUE(contains(html, "href=\"clause:data-protection.general\""));
    page.follow_link("clause:data-protection.general");
    pump();
    EXPECT_TRUE(contains(page.view_source(), xml_escape(library.find_clause("data-protection.general")->title.en)));
    // Back to the first clause, for the pictures: the top of the clause, then its text.
    page.select_clause(clause->id);
    pump();
    screenshot(&main_frame(), "library-browser");
    page.follow_link("#variant-0");
    pump();
    screenshot(&main_frame(), "library-clause-text");
}

TEST(LibraryPage, AVariantShowsOnlyItsLevel) {
    LibraryPage& page = library_page();
    const content::Clause* clause = main_frame().context().library.find_clause("information-exchange.general");
    ASSERT_NE(clause, nullptr);
    ASSERT_GE(clause->variants.size(), 2u);
    ASSERT_TRUE(page.select_variant(clause->id, 1));
    const std::string level = from_wx(level_label(*clause->variants[1].level));
    EXPECT_TRUE(contains(page.view_source(), "Variant for the " + level + " level"));
    EXPECT_FALSE(contains(page.view_source(), "Text at the " + from_wx(level_label(*clause->variants[0].level))));
}

TEST(LibraryPage, AKeyElementShowsItsDescriptionSectionAndPatterns) {
    LibraryPage& page = library_page();
    const content::KeyElement* element = main_frame().context().library.find_element("information-exchange");
    ASSERT_NE(element, nullptr);
    ASSERT_TRUE(page.select_element(element->slug));
    const std::string& html = page.view_source();
    EXPECT_TRUE(contains(html, xml_escape(element->title.en)));
    EXPECT_TRUE(contains(html, xml_escape(element->title.fr)));
    EXPECT_TRUE(contains(html, xml_escape(element->description.en)));
    EXPECT_TRUE(contains(html, xml_escape(element->description.fr)));
    EXPECT_TRUE(contains(html, element->section));
    EXPECT_TRUE(contains(html, xml_escape(element->patterns_en.front())));
    EXPECT_TRUE(contains(html, xml_escape(element->patterns_fr.front())));
    EXPECT_TRUE(contains(html, "Cooperation elements"));
    screenshot(&main_frame(), "library-element");
}

TEST(LibraryPage, SearchNarrowsTheTree) {
    LibraryPage& page = library_page();
    page.set_search("controlled delivery");
    pump();
    const int found = page.visible_elements();
    EXPECT_GT(found, 0);
    EXPECT_LT(found, 24);
    EXPECT_TRUE(page.select_clause("joint-operations.controlled-delivery") || page.visible_clauses() > 0);
    // Case and accents do not matter, in either language.
    page.set_search("LIVRAISON SURVEILLEE");
    EXPECT_GT(page.visible_elements(), 0);
    EXPECT_LT(page.visible_elements(), 24);
    page.set_search(wxString::FromUTF8("livraison surveillée"));
    const int french = page.visible_elements();
    EXPECT_GT(french, 0);
    page.set_search("no such words anywhere xyzzy");
    EXPECT_EQ(page.visible_elements(), 0);
    EXPECT_TRUE(contains(page.view_source(), "Nothing in the library matches"));
    // Typing in the box filters the same way; the view lists what was found.
    page.search_box()->SetValue("controlled delivery");
    pump();
    EXPECT_EQ(page.visible_elements(), found);
    EXPECT_TRUE(contains(page.view_source(), "Search: controlled delivery"));
    EXPECT_TRUE(contains(page.view_source(), "href=\"clause:joint-operations."));
    screenshot(&main_frame(), "library-search");
    page.set_search(wxString());
    EXPECT_EQ(page.visible_elements(), 24);
}

TEST(LibraryPage, ABrokenFileIsListedAndTheRestOfTheLibraryIsBrowsable) {
    const fs::path root = copy_bundled_library("broken-costs");
    const fs::path costs = root / "clauses" / "costs.xml";
    std::string xml = read_file(costs);
    const auto at = xml.find("</title>");
    ASSERT_NE(at, std::string::npos);
    const int broken_line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
    xml.replace(at, 8, "</titel>");  // malformed: the end tag does not match
    write_file_atomically(costs, xml);

    AppOptions options;
    options.clauses_dir = root / "clauses";
    auto frame = make_frame(options);  // starts despite the broken file
    ASSERT_TRUE(frame->IsShown());
    EXPECT_EQ(frame->context().templates_dir, root / "templates");  // found beside --library
    const wxString status = frame->GetStatusBar()->GetStatusText(1);
    EXPECT_TRUE(status.Contains("problem")) << status;
    EXPECT_TRUE(status.Contains("see Library")) << status;

    frame->ProcessCommand(ID_PAGE_LIBRARY);
    LibraryPage& page = frame->library_page();
    wxListCtrl* list = page.problem_list();
    ASSERT_GE(list->GetItemCount(), 1);
    long row = -1;
    for (long i = 0; i < list->GetItemCount(); ++i)
        if (list->GetItemText(i, 1) == "costs.xml") row = i;
    ASSERT_GE(row, 0) << "costs.xml is not in the problems list";
    EXPECT_EQ(list->GetItemText(row, 0), "Error");
    EXPECT_EQ(list->GetItemText(row, 2), wxString::Format("%d", broken_line));
    EXPECT_FALSE(list->GetItemText(row, 3).empty());

    // The rest of the library is there.
    EXPECT_EQ(page.visible_elements(), 24);
    EXPECT_TRUE(page.select_clause("information-exchange.general"));
    EXPECT_TRUE(contains(page.view_source(), "Exchange of information"));
    EXPECT_EQ(frame->context().library.clauses_of("costs").size(), 0u);

    // Selecting the problem shows where it is, with the lines around it.
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    pump();
    const std::string& html = page.view_source();
    EXPECT_TRUE(contains(html, "costs.xml"));
    EXPECT_TRUE(contains(html, xml_escape(costs.parent_path().string())));
    EXPECT_TRUE(contains(html, "href=\"open:" + xml_escape(costs.string()) + "\""));
    EXPECT_TRUE(contains(html, "&lt;/titel&gt;"));
    EXPECT_TRUE(contains(html, "open:"));
    screenshot(frame.get(), "library-broken-file");
}

TEST(LibraryPage, AnUnreadableLibraryFolderStillStarts) {
    AppOptions options;
    options.clauses_dir = output_dir() / "no-such-library";
    fs::remove_all(options.clauses_dir);
    auto frame = make_frame(options);
    EXPECT_TRUE(frame->IsShown());
    EXPECT_FALSE(frame->context().library_problems.empty());
    EXPECT_TRUE(frame->GetStatusBar()->GetStatusText(1).Contains("problem"));
    EXPECT_EQ(frame->library_page().visible_elements(), 0);
}

// --- the HTML and search helpers, without a window --------------------------------------------

TEST(LibraryView, SearchKeysIgnoreCaseAccentsAndApostrophes) {
    EXPECT_EQ(search_key("Échange  d’Informations"), "echange d'informations");
    EXPECT_EQ(search_key("  ŒUVRE Cœur "), "oeuvre coeur");
    EXPECT_TRUE(search_matches(search_key("Livraison surveillée des envois"), "SURVEILLEE livraison"));
    EXPECT_FALSE(search_matches(search_key("livraison surveillée"), "livraison contrôlée"));
    EXPECT_TRUE(search_matches("anything", ""));
}

TEST(LibraryView, DurationsAndPartiesInWords) {
    EXPECT_EQ(duration_text("P30D"), "30 days");
    EXPECT_EQ(duration_text("P1Y6M"), "1 year and 6 months");
    EXPECT_EQ(duration_text("P1Y2M3D"), "1 year, 2 months and 3 days");
    EXPECT_EQ(duration_text("nonsense"), "nonsense");
    EXPECT_EQ(party_name("each"), "each party");
    EXPECT_EQ(party_name("border-guard"), "border guard");
}

TEST(LibraryView, ClauseHtmlEscapesAndHighlights) {
    content::Library library;
    content::Field field;
    field.id = "days";
    field.label.en = "Days <to answer>";
    field.label.fr = "Jours";
    library.fields.push_back(field);
    content::Clause clause;
    clause.id = "x.y";
    clause.title.en = "A & B";
    clause.title.fr = "A et B";
    content::Variant variant;
    content::Block block;
    content::Inline text;
    text.text = "Answer within ";
    content::Inline value;
    value.kind = content::Inline::Kind::field;
    value.ref = "days";
    content::Inline wording;
    wording.kind = content::Inline::Kind::wording;
    wording.mou = "will";
    wording.moa = "shall";
    block.text.en = {text, value, wording};
    variant.blocks.push_back(block);
    clause.variants.push_back(variant);
    const std::string html = clause_html(library, clause, nullptr, Language::en);
    EXPECT_TRUE(contains(html, "A &amp; B"));
    EXPECT_TRUE(contains(html, "[Days &lt;to answer&gt;]"));
    EXPECT_TRUE(contains(html, "will/shall"));
    EXPECT_TRUE(contains(html, "(missing)"));  // no French text
    EXPECT_EQ(plain_text(library, block.text.en, Language::en), "Answer within [Days <to answer>]will/shall");
}

}  // namespace
}  // namespace moudesk::gui::test
