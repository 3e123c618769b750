#include <gtest/gtest.h>

#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

TEST(ExampleDraft, IsCompleteForEveryInstrumentAndLanguageLayout) {
    content::Library lib = test::test_library();
    for (Instrument i : {Instrument::mou, Instrument::moa}) {
        Draft d = example_draft(lib, i, {Language::en, Language::fr}, Layout::side_by_side);
        Assembly a = assemble(lib, d);
        for (const auto& f : lint(lib, d, a)) ADD_FAILURE() << to_code(i) << ": " << to_string(f);
        EXPECT_EQ(d.parties.size(), 2u);
        EXPECT_EQ(a.document.layout, Layout::side_by_side);
        // Every element that has a default clause for the instrument is chosen.
        EXPECT_EQ(d.elements.size(), 5u) << "every element of the test library";
        EXPECT_NE(a.find(i == Instrument::mou ? "legal-status.non-binding" : "legal-status.binding"), nullptr);
    }
}

TEST(ExampleDraft, FillsLocalizedFieldsPerLanguage) {
    content::Library lib = test::test_library();
    Draft d = example_draft(lib, Instrument::mou, {Language::en, Language::fr}, Layout::sequence);
    ASSERT_NE(d.value("signature-place", Language::fr), nullptr);
    EXPECT_EQ(*d.value("signature-place", Language::fr), "Vienne");
    EXPECT_EQ(*d.value("signature-place", Language::en), "Vienna");
    EXPECT_EQ(d.layout, Layout::sequence);
}

TEST(BlankDraft, HoldsTheFinalProvisionsAndTwoPartiesToFillIn) {
    content::Library lib = test::test_library();
    Draft d = blank_draft(lib, Instrument::moa, Instrument::mou, {Language::fr}, Layout::side_by_side);
    EXPECT_EQ(d.layout, Layout::single) << "one language";
    ASSERT_EQ(d.parties.size(), 2u);
    EXPECT_EQ(d.parties[1].kind, "police");
    std::vector<std::string> slugs;
    for (const auto& e : d.elements) slugs.push_back(e.slug);
    EXPECT_EQ(slugs, (std::vector<std::string>{"purpose-and-scope", "definitions", "legal-status"}));
    Assembly a = assemble(lib, d);
    EXPECT_NE(a.find("legal-status.binding"), nullptr);
    bool nameless = false;
    for (const auto& f : a.findings) nameless = nameless || f.message.find("has no name") != std::string::npos;
    EXPECT_TRUE(nameless) << "the parties are left for the user to name";
}
