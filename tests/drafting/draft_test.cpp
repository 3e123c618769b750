#include "moudesk/drafting/draft.h"

#include <gtest/gtest.h>

using namespace moudesk;
using namespace moudesk::drafting;

TEST(Draft, BindingFollowsTheInstrumentAndTheBaseOfAnAddendum) {
    Draft d;
    d.instrument = Instrument::mou;
    EXPECT_FALSE(d.binding());
    d.instrument = Instrument::moa;
    EXPECT_TRUE(d.binding());
    d.instrument = Instrument::addendum;
    d.base_instrument = Instrument::mou;
    EXPECT_FALSE(d.binding());
    d.base_instrument = Instrument::moa;
    EXPECT_TRUE(d.binding());
}

TEST(Draft, ValueForALanguageFallsBackToTheValueForAll) {
    Draft d;
    d.set_value("place", std::nullopt, "Geneva");
    d.set_value("place", Language::fr, "Genève");
    ASSERT_NE(d.value("place", Language::fr), nullptr);
    EXPECT_EQ(*d.value("place", Language::fr), "Genève");
    EXPECT_EQ(*d.value("place", Language::en), "Geneva");
    EXPECT_EQ(d.value("other", Language::en), nullptr);
}

TEST(Draft, SetValueReplacesAndAnEmptyValueRemoves) {
    Draft d;
    d.set_value("days", std::nullopt, "10");
    d.set_value("days", std::nullopt, "20");
    ASSERT_EQ(d.values.size(), 1u);
    EXPECT_EQ(d.values[0].value, "20");
    d.set_value("days", std::nullopt, "");
    EXPECT_TRUE(d.values.empty());
}

TEST(Draft, PartyNameFallsBackToTheOtherLanguage) {
    Party p;
    p.name.fr = "Douanes";
    EXPECT_EQ(p.name_in(Language::en), "Douanes");
    EXPECT_TRUE(is_party_kind("border-guard"));
    EXPECT_FALSE(is_party_kind("army"));
}
