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
