#include <gtest/gtest.h>

#include <filesystem>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/draft.h"
#include "test_library.h"

using namespace moudesk;
using namespace moudesk::drafting;

TEST(DraftFile, RoundTripKeepsEverythingIncludingHostileText) {
    Draft d = test::test_draft(Instrument::addendum);
    d.base_instrument = Instrument::moa;
    d.languages = {Language::fr, Language::en};
    d.layout = Layout::sequence;
    d.parties[0].name.en =
        "Customs & <Excise> \"Sud\" 'Nord' \xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 \xF0\x9F\x9B\x83";
    d.parties[0].signatory.title = {"Director", "Directrice"};
    d.parties[0].signatory.date = "2027-02-28";
    d.elements[2].level = PartnershipLevel::integration;
    d.elements[2].clauses = {"information-exchange.general"};

    Draft back = parse_draft(serialize_draft(d), "test.moudraft");
    EXPECT_EQ(back.instrument, Instrument::addendum);
    EXPECT_EQ(back.base_instrument, Instrument::moa);
    EXPECT_EQ(back.languages, d.languages);
    EXPECT_EQ(back.layout, Layout::sequence);
    EXPECT_EQ(back.level, PartnershipLevel::collaboration);
    ASSERT_EQ(back.parties.size(), 2u);
    EXPECT_EQ(back.parties[0].name.en, d.parties[0].name.en);
    EXPECT_EQ(back.parties[0].name.fr, "Douanes du Valmont");
    EXPECT_EQ(back.parties[0].signatory.title.fr, "Directrice");
    EXPECT_EQ(back.parties[0].signatory.date, "2027-02-28");
    ASSERT_EQ(back.elements.size(), d.elements.size());
    EXPECT_EQ(back.elements[2].level, PartnershipLevel::integration);
    EXPECT_EQ(back.elements[2].clauses, d.elements[2].clauses);
    ASSERT_EQ(back.values.size(), d.values.size());
    EXPECT_EQ(*back.value("signature-place", Language::fr), "Vienne");
}

TEST(DraftFile, ControlCharactersAreDroppedSoTheFileStaysValid) {
    Draft d = test::test_draft();
    d.parties[1].name.en = std::string("Police\x01\x02 Nationale");
    Draft back = parse_draft(serialize_draft(d), "test.moudraft");
    EXPECT_EQ(back.parties[1].name.en, "Police Nationale");
}

TEST(DraftFile, MalformedXmlNamesTheFileAndLine) {
    try {
        parse_draft("<?xml version=\"1.0\"?>\n<moudraft version=\"1\">\n  <instrument>mou</instrument\n</moudraft>\n",
                    "bad.moudraft");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_input);
        EXPECT_NE(std::string(e.what()).find("bad.moudraft:4:"), std::string::npos) << e.what();
    }
}

TEST(DraftFile, EveryProblemIsReportedAtOnceWithItsLine) {
    const char* xml =
        "<moudraft version=\"1\">\n"
        "  <instrument>treaty</instrument>\n"
        "  <languages layout=\"side-by-side\">en de</languages>\n"
        "  <level>friendship</level>\n"
        "  <parties><party kind=\"army\"><name>X</name></party></parties>\n"
        "</moudraft>\n";
    try {
        parse_draft(xml, "many.moudraft");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("many.moudraft:2:3: error: unknown instrument “treaty”"), std::string::npos) << m;
        EXPECT_NE(m.find("many.moudraft:3:3: error: unknown language “de”"), std::string::npos) << m;
        EXPECT_NE(m.find("many.moudraft:4:3: error: unknown partnership level “friendship”"), std::string::npos) << m;
        EXPECT_NE(m.find("many.moudraft:5:12: error: unknown party kind “army”"), std::string::npos) << m;
    }
}

TEST(DraftFile, ADraftFromANewerMoudeskIsRefused) {
    EXPECT_THROW(parse_draft("<moudraft version=\"9\"><instrument>mou</instrument></moudraft>", "new.moudraft"), Error);
}

TEST(DraftFile, SaveAndReadBackThroughTheDisk) {
    auto path = std::filesystem::path(MOUDESK_TEST_OUTPUT_DIR) / "saved.moudraft";
    Draft d = test::test_draft();
    save_draft(d, path);
    Draft back = read_draft(path);
    EXPECT_EQ(back.parties[0].name.en, "Customs of Valmont");
    EXPECT_THROW(read_draft(path.string() + ".missing"), Error);
}
