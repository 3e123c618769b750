#include "moudesk/drafting/editor.h"

#include <gtest/gtest.h>

#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

class EditorTest : public ::testing::Test {
protected:
    content::Library lib = test::test_library();
    Draft start() {
        Draft d = test::test_draft();
        d.elements.erase(d.elements.begin() + 2);  // without information exchange
        return d;
    }
};

TEST_F(EditorTest, ChoosingAnElementSaysWhatItPullsInAndWhy) {
    Editor editor(lib, start());
    auto result = editor.choose_element("information-exchange");
    ASSERT_TRUE(result.accepted) << result.refusal;
    EXPECT_EQ(result.pulled_in,
              (std::vector<std::string>{"information-exchange.general: chosen",
                                        "data-protection.general: required by information-exchange.general"}));
    EXPECT_TRUE(editor.implied("data-protection"));
    EXPECT_FALSE(editor.implied("information-exchange"));
    EXPECT_EQ(editor.reason_for("data-protection.general"), "required by information-exchange.general");
    EXPECT_EQ(editor.undo_label(), "Choose Information exchange");
}

TEST_F(EditorTest, AConflictIsRefusedWithTheReasonAndChangesNothing) {
    Editor editor(lib, start());
    auto result = editor.choose_element("legal-status", {"legal-status.non-binding", "legal-status.binding"});
    EXPECT_FALSE(result.accepted);
    EXPECT_NE(result.refusal.find("excludes"), std::string::npos) << result.refusal;
    EXPECT_FALSE(editor.modified());
    EXPECT_FALSE(editor.can_undo());
    EXPECT_EQ(editor.draft().elements[2].clauses.size(), 0u);
}

TEST_F(EditorTest, AnUnknownElementIsRefused) {
    Editor editor(lib, start());
    auto result = editor.choose_element("telepathy");
    EXPECT_FALSE(result.accepted);
    EXPECT_NE(result.refusal.find("no key element"), std::string::npos);
}

TEST_F(EditorTest, UndoAndRedoWalkTheStepsAndTrackModification) {
    Editor editor(lib, start());
    EXPECT_FALSE(editor.modified());
    drafting::Party p;
    p.kind = "border-guard";
    p.name.en = "Border Guard";
    editor.add_party(p);
    editor.set_value("response-days", std::nullopt, "20");
    EXPECT_TRUE(editor.modified());
    EXPECT_EQ(editor.draft().parties.size(), 3u);
    editor.mark_saved();
    EXPECT_FALSE(editor.modified());

    editor.undo();
    EXPECT_EQ(*editor.draft().value("response-days", Language::en), "10");
    EXPECT_TRUE(editor.modified());
    EXPECT_EQ(editor.redo_label(), "Edit Response time (days)");
    editor.redo();
    EXPECT_FALSE(editor.modified()) << "back at the saved revision";
    editor.undo();
    editor.undo();
    EXPECT_EQ(editor.draft().parties.size(), 2u);
    EXPECT_FALSE(editor.can_undo());
    // A new edit clears what could be redone.
    editor.set_level(PartnershipLevel::integration);
    EXPECT_FALSE(editor.can_redo());
}

TEST_F(EditorTest, SettingTheSameValueAddsNoStep) {
    Editor editor(lib, start());
    editor.set_value("response-days", std::nullopt, "10");
    EXPECT_FALSE(editor.can_undo());
}

TEST_F(EditorTest, PartiesMoveAndTheAssemblyFollows) {
    Editor editor(lib, start());
    editor.move_party(1, 0);
    EXPECT_EQ(editor.draft().parties[0].name.en, "Police of Valmont");
    EXPECT_EQ(editor.assembly().document.title.en, "Memorandum between Police of Valmont and Customs of Valmont");
    editor.remove_party(0);
    bool too_few = false;
    for (const auto& f : editor.findings()) too_few = too_few || f.kind == Finding::Kind::parties;
    EXPECT_TRUE(too_few);
}

TEST_F(EditorTest, LanguagesAndLevelsChangeTheDocument) {
    Editor editor(lib, start());
    editor.set_languages({Language::en, Language::fr}, Layout::sequence);
    EXPECT_EQ(editor.assembly().document.layout, Layout::sequence);
    editor.set_languages({Language::fr}, Layout::sequence);
    EXPECT_EQ(editor.assembly().document.layout, Layout::single);
    editor.choose_element("information-exchange");
    editor.set_element_level("information-exchange", PartnershipLevel::communication);
    EXPECT_EQ(editor.draft().elements.back().level, PartnershipLevel::communication);
    editor.drop_element("information-exchange");
    EXPECT_FALSE(editor.draft().has_element("information-exchange"));
    EXPECT_FALSE(editor.implied("data-protection"));
}
