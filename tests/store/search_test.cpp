#include "moudesk/store/search.h"

#include <gtest/gtest.h>

#include "moudesk/drafting/draft.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "store_test_support.h"

using namespace store_test;

namespace {

class SearchTest : public ::testing::Test {
protected:
    void SetUp() override {
        AgreementRecord r = sample("MOU/2027/004", "Échange de données douanières");
        r.parties[0].name = "Direction générale des Douanes";
        r.parties[0].short_name = "DGD";
        r.parties[0].country = "Sénégal";
        exchange = agreements.add(r);
        AgreementRecord other = sample("MOA/2026/001", "Opérations conjointes aux frontières");
        operations = agreements.add(other);
        ActionRecord a;
        a.agreement = operations;
        a.title = "Désigner les points focaux";
        a.notes = "Réunion préparatoire à Ziguinchor";
        action = actions.add(a);
    }

    // An action of the "operations" agreement; a later one is newer.
    Id add_action(const std::string& title, const std::string& notes = "") {
        ActionRecord a;
        a.agreement = operations;
        a.title = title;
        a.notes = notes;
        return actions.add(a);
    }

    std::vector<std::string> kinds(const std::string& words) {
        std::vector<std::string> out;
        for (const auto& h : search(*db, words)) out.push_back(h.kind + " " + h.reference);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::unique_ptr<Database> db = memory_db();
    Agreements agreements{*db};
    Actions actions{*db};
    Id exchange = 0, operations = 0, action = 0;
};

using V = std::vector<std::string>;

}  // namespace

TEST_F(SearchTest, AccentsAndCaseDoNotMatter) {
    auto hits = search(*db, "donnees");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, "agreement");
    EXPECT_EQ(hits[0].ref, exchange);
    EXPECT_EQ(hits[0].agreement, exchange);
    EXPECT_EQ(hits[0].reference, "MOU/2027/004");
    EXPECT_EQ(hits[0].title, "Échange de données douanières");
    EXPECT_NE(hits[0].snippet.find("[données]"), std::string::npos) << hits[0].snippet;
    EXPECT_EQ(kinds("DONNÉES"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("echange donnees"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("ziguinchor"), (V{"action MOA/2026/001"}));
    EXPECT_EQ(kinds("senegal"), (V{"party MOU/2027/004"}));
}

TEST_F(SearchTest, TheLastWordIsAPrefix) {
    EXPECT_EQ(kinds("donn"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("echange don"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("echan donnees"), V{});  // only the last word is a prefix
    EXPECT_EQ(kinds("op"), (V{"agreement MOA/2026/001"}));
    EXPECT_EQ(kinds("ech ziguinchor"), V{});  // every word must match
}

TEST_F(SearchTest, EverySnippetMarksTheWords) {
    for (const char* words : {"donnees", "douanes", "ziguinchor", "focaux", "2027", "DGD"}) {
        auto hits = search(*db, words);
        ASSERT_FALSE(hits.empty()) << words;
        for (const auto& h : hits) {
            EXPECT_NE(h.snippet.find('['), std::string::npos) << words << ": " << h.snippet;
            EXPECT_NE(h.snippet.find(']'), std::string::npos) << words << ": " << h.snippet;
        }
    }
}

TEST_F(SearchTest, DocumentsPartiesAndActionsAreFound) {
    agreements.add_version(exchange, drafting::serialize_draft(drafting::Draft{}),
                           "The Participants shall exchange risk profiles on smuggled tobacco.", "signed text");
    auto hits = search(*db, "tobacco");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, "document");
    EXPECT_EQ(hits[0].agreement, exchange);
    EXPECT_EQ(hits[0].title, "signed text");
    EXPECT_NE(hits[0].snippet.find("[tobacco]"), std::string::npos) << hits[0].snippet;
    hits = search(*db, "generale");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, "party");
    EXPECT_EQ(hits[0].title, "Direction générale des Douanes");
    EXPECT_EQ(hits[0].ref, agreements.get(exchange).parties[0].id);
    hits = search(*db, "focaux");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, "action");
    EXPECT_EQ(hits[0].ref, action);
    EXPECT_EQ(hits[0].agreement, operations);
    EXPECT_EQ(kinds("Police"), (V{"party MOA/2026/001", "party MOU/2027/004"}));
}

TEST_F(SearchTest, TheIndexFollowsChanges) {
    AgreementRecord r = agreements.get(operations);
    r.title = "Patrouilles mixtes";
    agreements.update(r);
    EXPECT_EQ(kinds("operations"), V{});
    EXPECT_EQ(kinds("patrouilles"), (V{"agreement MOA/2026/001"}));
    ActionRecord a = actions.get(action);
    a.notes = "Réunion à Kolda";
    actions.update(a);
    EXPECT_EQ(kinds("ziguinchor"), V{});
    EXPECT_EQ(kinds("kolda"), (V{"action MOA/2026/001"}));
    actions.complete(action, tracking::Date::today(), "procès-verbal signé");
    EXPECT_EQ(kinds("proces verbal"), (V{"action MOA/2026/001"}));
    PartyRecord party = agreements.get(exchange).parties[0];
    party.name = "Office des douanes";
    agreements.update_party(exchange, party);
    EXPECT_EQ(kinds("generale"), V{});
    agreements.remove_party(exchange, party.id);
    EXPECT_EQ(kinds("office"), V{});
}

TEST_F(SearchTest, SearchSyntaxInTheWordsIsTakenAsText) {
    for (const char* words : {"\"",
                              "\"\"",
                              "NEAR(",
                              "NEAR(donnees echange)",
                              "*",
                              "-",
                              ":",
                              "title:donnees",
                              "donnees OR operations",
                              "AND",
                              "NOT donnees",
                              "(",
                              ")",
                              "^",
                              "{",
                              "}",
                              "+",
                              "'",
                              "' OR 1=1 --",
                              "données*",
                              "\"données",
                              "-donnees",
                              "agreement:1",
                              "\\",
                              "%",
                              "_",
                              "🚓",
                              "مذكرة",
                              "a\tb\nc",
                              ""}) {
        EXPECT_NO_THROW(search(*db, words)) << words;
    }
    EXPECT_TRUE(search(*db, "").empty());
    EXPECT_TRUE(search(*db, "   ").empty());
    EXPECT_TRUE(search(*db, "donnees OR operations").empty());  // OR is a word here, found nowhere
    EXPECT_EQ(kinds("\"donnees"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("donnees*"), (V{"agreement MOU/2027/004"}));
    EXPECT_EQ(kinds("-donnees"), (V{"agreement MOU/2027/004"}));
}

TEST_F(SearchTest, TheLimitIsRespected) {
    for (int i = 0; i < 20; ++i) agreements.add(sample("MOU/X/" + std::to_string(i), "Contrôle des conteneurs"));
    EXPECT_EQ(search(*db, "conteneurs", 5).size(), 5u);
    EXPECT_EQ(search(*db, "conteneurs").size(), 20u);
}

// The ranking (moudesk_rank, search.cpp): BM25-style, without the per-word IDF.

TEST_F(SearchTest, ATitleHitRanksAboveABodyOnlyHit) {
    Id in_title = add_action("Installer le radar", "Réunion technique");
    Id in_notes = add_action("Réunion technique", "Installer le radar");  // newer: first on a tie
    auto hits = search(*db, "radar");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].ref, in_title);
    EXPECT_EQ(hits[1].ref, in_notes);
    // The same across kinds: the agreement titled with the word before the party that has it in
    // its short name.
    AgreementRecord r = sample("MOU/2027/010", "Coopération avec la Gendarmerie");
    Id titled_agreement = agreements.add(r);
    r = sample("MOU/2027/011", "Coopération maritime");
    r.parties[1].short_name = "Gendarmerie";
    agreements.add(r);
    hits = search(*db, "gendarmerie");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].kind, "agreement");
    EXPECT_EQ(hits[0].ref, titled_agreement);
    EXPECT_EQ(hits[1].kind, "party");
}

TEST_F(SearchTest, MoreOccurrencesRankHigher) {
    Id three = add_action("Contrôle au port", "scanner mobile, scanner fixe, scanner portuaire");
    Id one = add_action("Contrôle au port", "scanner mobile, camion fixe, quai portuaire");  // newer, same lengths
    auto hits = search(*db, "scanner");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].ref, three);
    EXPECT_EQ(hits[1].ref, one);
    // Every word counts: the row with both words in its title first.
    Id both_words = add_action("Scanner portuaire");
    hits = search(*db, "scanner portuaire");
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].ref, both_words);
}

TEST_F(SearchTest, TiesKeepTheNewestFirst) {
    std::vector<Id> ids;
    for (int i = 1; i <= 6; ++i)
        ids.push_back(agreements.add(sample("MOU/T/" + std::to_string(i), "Inspection des conteneurs")));
    auto hits = search(*db, "conteneurs");
    ASSERT_EQ(hits.size(), 6u);
    for (std::size_t i = 0; i < hits.size(); ++i) EXPECT_EQ(hits[i].ref, ids[ids.size() - 1 - i]) << i;
    hits = search(*db, "inspection conteneurs", 2);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].ref, ids[5]);
    EXPECT_EQ(hits[1].ref, ids[4]);
}

TEST_F(SearchTest, SearchSyntaxInTheWordsIsFoundAndRanked) {
    Id in_title = add_action("NEAR( \"AND\" radar * - OR");
    Id in_notes = add_action("Réunion technique", "NEAR( \"AND\" radar * - OR");
    for (const char* words : {"AND", "NEAR(", "NEAR( \"AND\"", "\"AND\" radar", "radar*", "\"radar", "radar\"",
                              "-radar", "radar -", "AND radar *", "near or", "\"\" radar", "radar OR"}) {
        std::vector<SearchHit> hits;
        ASSERT_NO_THROW(hits = search(*db, words)) << words;
        ASSERT_EQ(hits.size(), 2u) << words;
        EXPECT_EQ(hits[0].ref, in_title) << words;
        EXPECT_EQ(hits[1].ref, in_notes) << words;
    }
    EXPECT_TRUE(search(*db, "radar NOT").empty());  // NOT is a word here, found nowhere
    EXPECT_TRUE(search(*db, "title:radar").empty());
}

TEST(SearchRegister, TheRankingIsThereOnEveryConnection) {
    fs::path path = test_dir() / "register.sqlite";
    {
        auto db = Database::open(path);
        Agreements(*db).add(sample("MOU/2027/001", "Échange de renseignements"));
        EXPECT_EQ(search(*db, "renseignements").size(), 1u);
    }
    auto db = Database::open(path);  // an existing register, not migrated again
    auto hits = search(*db, "renseignements");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].reference, "MOU/2027/001");
    // The score is an SQL function of the index, higher is better.
    double score = db->sql()
                       .execAndGet(
                           "SELECT moudesk_rank(search_index) FROM search_index "
                           "WHERE search_index MATCH 'renseignements'")
                       .getDouble();
    EXPECT_GT(score, 0.0);
}
