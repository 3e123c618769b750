// Recognising key elements in agreement texts: sentence splitting, word matching with wildcards,
// accents and apostrophes, negations in English and French, headings, language detection.
// A small library built in memory keeps these tests independent of the bundled patterns.

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "moudesk/content/library.h"
#include "moudesk/diagnostic/detect.h"

namespace moudesk::diagnostic {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

content::KeyElement element(std::string slug, std::vector<std::string> en, std::vector<std::string> fr) {
    content::KeyElement e;
    e.slug = std::move(slug);
    e.patterns_en = std::move(en);
    e.patterns_fr = std::move(fr);
    return e;
}

const content::Library& library() {
    static const content::Library lib = [] {
        content::Library l;
        l.elements = {
            element("information-exchange", {"exchange* information", "request* for information"},
                    {"échange* d'informations", "demande* de renseignements"}),
            element("data-protection", {"personal data", "data protection", "confidential*"},
                    {"protection des données", "données à caractère personnel", "confidentialit*"}),
            element("joint-operations", {"joint operation*", "controlled deliver*"},
                    {"opération* conjointe*", "livraison* surveillée*"}),
            element("joint-investigations", {"joint investigation*"}, {"enquête* commune*"}),
            element("systems-access", {"I-24/7", "National Central Bureau"}, {"I-24/7", "Bureau central national"}),
            element("legal-status", {"legally binding"}, {"juridiquement contraignant*"}),
            element("dispute-settlement", {"dispute*"}, {"différend*"}),
            element("annexes", {"annex*"}, {"annexe*"}),
            element("entry-into-force-and-termination", {"enter* into force"}, {"entre* en vigueur"}),
        };
        return l;
    }();
    return lib;
}

const Detector& detector() {
    static const Detector d(library());
    return d;
}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
}

std::vector<std::string> elements(const std::vector<Detection>& found) {
    std::vector<std::string> out;
    for (const auto& d : found) out.push_back(d.element);
    return out;
}

const Detection* find(const Examination& e, const std::string& slug) {
    for (const auto& d : e.elements)
        if (d.element == slug) return &d;
    return nullptr;
}

// ---- sentences ---------------------------------------------------------------------------------

TEST(SplitSentences, AbbreviationsDoNotEndASentence) {
    EXPECT_THAT(texts(split_sentences("As provided in Art. 9 of the Customs Act, see No. 12, e.g. INTERPOL notices. "
                                      "The Parties shall meet. M. Dupont est désigné. Il assure la liaison.")),
                ElementsAre("As provided in Art. 9 of the Customs Act, see No. 12, e.g. INTERPOL notices.",
                            "The Parties shall meet.", "M. Dupont est désigné.", "Il assure la liaison."));
}

TEST(SplitSentences, NumberedParagraphsAndListItems) {
    auto s = split_sentences(
        "1. The Participants will cooperate. They will meet.\n"
        "2. They will cooperate in the following areas:\n"
        "(a) drugs;\n"
        "(b) firearms.\n"
        "IV. Each Participant designates an officer.\n");
    EXPECT_THAT(texts(s), ElementsAre("1. The Participants will cooperate.", "They will meet.",
                                      "2. They will cooperate in the following areas:", "(a) drugs;", "(b) firearms.",
                                      "IV. Each Participant designates an officer."));
    EXPECT_TRUE(s[2].list_item);
    EXPECT_TRUE(s[3].list_item);
    EXPECT_FALSE(s[3].heading);
}

TEST(SplitSentences, HeadingsWithoutFullStops) {
    auto s = split_sentences(
        "Article 5 – Exchange of information\n"
        "The Parties shall exchange information.\n"
        "Section 2 – Scope\n\n"
        "This Agreement applies to drugs.\n"
        "CONFIDENTIALITY\n"
        "Information is confidential.\n"
        "Meetings\n"
        "The heads of service meet monthly.\n");
    ASSERT_EQ(s.size(), 8u);
    EXPECT_TRUE(s[0].heading);
    EXPECT_FALSE(s[1].heading);
    EXPECT_TRUE(s[2].heading);
    EXPECT_TRUE(s[4].heading);
    EXPECT_TRUE(s[6].heading);
    EXPECT_EQ(s[6].text, "Meetings");
}

TEST(SplitSentences, LinesWrappedInsideASentenceAndHyphenation) {
    auto s = split_sentences(
        "The Parties shall exchange infor-\n"
        "mation on seizures of drugs and\n"
        "Firearms with the other Party.\n"
        "                              page 1\n"
        "The customs officers and the police offi-\n"
        "cers meet every week.\n");
    EXPECT_THAT(texts(s), ElementsAre("The Parties shall exchange information on seizures of drugs and Firearms with "
                                      "the other Party.",
                                      "The customs officers and the police officers meet every week."));
}

TEST(SplitSentences, BulletsStartItemsAndWrappedItemsContinue) {
    auto s = split_sentences(
        "The Participants will:\n"
        "• share their risk indicators at\n"
        "  the land borders;\n"
        "– hold joint training sessions.\n");
    EXPECT_THAT(texts(s), ElementsAre("The Participants will:", "• share their risk indicators at the land borders;",
                                      "– hold joint training sessions."));
}

TEST(SplitSentences, ItemsUnderANegativeLeadIn) {
    auto s = split_sentences(
        "2.2 The following matters are excluded from this Memorandum:\n"
        "(a) joint investigations;\n"
        "(b) controlled deliveries.\n"
        "2.3 The Participants will exchange information.\n");
    ASSERT_EQ(s.size(), 4u);
    EXPECT_TRUE(s[1].under_negative_lead_in);
    EXPECT_TRUE(s[2].under_negative_lead_in);
    EXPECT_FALSE(s[3].under_negative_lead_in);
}

// ---- matching ----------------------------------------------------------------------------------

TEST(Detect, WildcardsMatchWordEndingsOnWordBoundaries) {
    EXPECT_THAT(elements(detector().detect("The Participants exchanged information on seizures.")),
                ElementsAre("information-exchange"));
    EXPECT_THAT(elements(detector().detect("Requests for information are answered within ten days.")),
                ElementsAre("information-exchange"));
    // "exchange*" must start a word, and "information" must be a whole word.
    EXPECT_THAT(elements(detector().detect("They interchange informational leaflets.")), IsEmpty());
    EXPECT_THAT(elements(detector().detect("Rates of exchange: information on currencies.")), IsEmpty());
}

TEST(Detect, CaseAccentsAndApostrophesDoNotMatter) {
    for (const char* text : {"Les ÉCHANGES D’INFORMATIONS sont réguliers entre les services.",
                             "Les echanges d'informations sont réguliers entre les services.",
                             "Les échanges d‘informations sont réguliers entre les services."})
        EXPECT_THAT(elements(detector().detect(text)), ElementsAre("information-exchange")) << text;
}

TEST(Detect, TextMayLeaveOutAccentsButNotAddThem) {
    // « entre* en vigueur » is the verb; the noun « l'entrée en vigueur » only counts deadlines.
    EXPECT_THAT(elements(detector().detect("Le présent mémorandum entre en vigueur à la date de sa signature.")),
                ElementsAre("entry-into-force-and-termination"));
    EXPECT_THAT(
        elements(detector().detect(
            "Dans les trois mois suivant l'entrée en vigueur du présent mémorandum, les Parties se réunissent.")),
        IsEmpty());
    EXPECT_THAT(elements(detector().detect("LES DEMANDES DE RENSEIGNEMENTS SONT ECRITES ET MOTIVEES.")),
                ElementsAre("information-exchange"));
}

TEST(Detect, NamesWithPunctuation) {
    EXPECT_THAT(elements(detector().detect("The NCB extends the I-24/7 network to customs posts.")),
                ElementsAre("systems-access"));
}

TEST(Detect, ASpecificPhraseIsEnoughButOneCommonWordIsNot) {
    EXPECT_THAT(elements(detector().detect("The Participants will carry out joint operations.")),
                ElementsAre("joint-operations"));
    // "annex" in passing, once, stays under the threshold...
    Examination e = detector().examine("The list annexed by the ministry is kept by each service.");
    ASSERT_NE(find(e, "annexes"), nullptr);
    EXPECT_LT(find(e, "annexes")->confidence, Detector::threshold);
    // ...but a heading with it, or several sentences, is evidence.
    EXPECT_THAT(elements(detector().detect("Article 12 – Annexes\nThe forms are kept up to date.\n")),
                ElementsAre("annexes"));
    EXPECT_THAT(elements(detector().detect("Annex A lists the officers. Annex B is the request form.")),
                ElementsAre("annexes"));
}

TEST(Detect, ConfidenceGrowsWithPatternsSentencesAndHeadings) {
    auto confidence = [](const char* text) {
        auto found = detector().detect(text);
        return found.empty() ? 0.0 : found.front().confidence;
    };
    double one = confidence("The Participants will carry out joint operations.");
    double two = confidence("The Participants will carry out joint operations. A controlled delivery is agreed.");
    double heading = confidence("Joint operations\nThe Participants will carry out joint operations.\n");
    EXPECT_GE(one, Detector::threshold);
    EXPECT_GT(two, one);
    EXPECT_GT(heading, one);
    EXPECT_LE(heading, 1.0);
    auto found = detector().detect("Joint operations\nThe Participants will carry out joint operations.\n");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].in_heading);
    EXPECT_THAT(found[0].evidence,
                ElementsAre("Joint operations", "The Participants will carry out joint operations."));
}

// ---- negation ----------------------------------------------------------------------------------

TEST(Detect, EnglishNegationsDoNotCount) {
    for (const char* text :
         {"Data protection is outside the scope of this memorandum.", "This Memorandum does not cover personal data.",
          "Personal data are excluded from the exchanges.", "The Participants will not conduct joint operations.",
          "Neither joint operations nor controlled deliveries are provided for.",
          "No joint investigation is foreseen under this Memorandum.",
          "Joint investigations are not covered by this Memorandum."}) {
        Examination e = detector().examine(text, Language::en);
        for (const auto& d : e.elements) {
            EXPECT_LT(d.confidence, Detector::threshold) << text << " → " << d.element;
            EXPECT_THAT(d.evidence, IsEmpty()) << text;
            EXPECT_THAT(d.negated, ElementsAre(text)) << text;
        }
        EXPECT_FALSE(e.elements.empty()) << text;
    }
}

TEST(Detect, FrenchNegationsDoNotCount) {
    for (const char* text :
         {"La protection des données ne relève pas du présent mémorandum.",
          "Le présent mémorandum ne prévoit ni opérations conjointes ni livraisons surveillées.",
          "Les enquêtes communes sont exclues du champ de la présente convention.",
          "Les opérations conjointes sont hors du champ du présent mémorandum.",
          "Les Participants ne conduisent pas d'opérations conjointes.", "Aucune opération conjointe n'est prévue.",
          "Les dispositions relatives au Bureau central national ne s'appliquent pas."}) {
        Examination e = detector().examine(text);
        EXPECT_EQ(e.language, Language::fr) << text;
        EXPECT_FALSE(e.elements.empty()) << text;
        for (const auto& d : e.elements) EXPECT_LT(d.confidence, Detector::threshold) << text << " → " << d.element;
    }
}

TEST(Detect, RestrictionsAndSavingClausesAreCoverage) {
    // A negation that sets a condition regulates the matter: the agreement covers it.
    for (const char* text :
         {"Personal data shall not be passed to a third party without the consent of the sender.",
          "Personal data will not be kept longer than necessary.",
          "Termination does not affect joint operations in progress.",
          "No controlled delivery shall start before the prosecutor has authorised it.",
          "Les données à caractère personnel ne sont communiquées à un tiers qu'avec l'accord écrit.",
          "Les données à caractère personnel ne peuvent être transmises sans l'accord du service.",
          "This Memorandum is not legally binding.", "Le présent mémorandum n'est pas juridiquement contraignant."}) {
        EXPECT_FALSE(detector().detect(text).empty()) << text;
    }
}

TEST(Detect, ANegationInAnotherSentenceDoesNotCancelAPositiveOne) {
    Examination e = detector().examine(
        "Personal data are protected in accordance with the law. "
        "The data protection rules of the 2016 protocol do not apply to this Memorandum.");
    const Detection* d = find(e, "data-protection");
    ASSERT_NE(d, nullptr);
    EXPECT_GE(d->confidence, Detector::threshold);
    EXPECT_THAT(d->evidence, ElementsAre("Personal data are protected in accordance with the law."));
    EXPECT_THAT(d->negated,
                ElementsAre("The data protection rules of the 2016 protocol do not apply to this Memorandum."));
}

TEST(Detect, ANegationScopesOverItsClauseOnly) {
    auto found = detector().detect(
        "Joint investigations are excluded; the Participants will carry out joint operations.", Language::en);
    EXPECT_THAT(elements(found), ElementsAre("joint-operations"));
}

TEST(Detect, ListItemsUnderANegativeLeadInDoNotCount) {
    auto found = detector().detect(
        "The following matters are excluded from this Memorandum:\n"
        "(a) joint investigations;\n"
        "(b) controlled deliveries.\n"
        "The Participants will exchange information.\n");
    EXPECT_THAT(elements(found), ElementsAre("information-exchange"));
}

// ---- language ----------------------------------------------------------------------------------

TEST(DetectLanguage, FromFunctionWords) {
    EXPECT_EQ(detect_language("The Participants will exchange information on the seizures of drugs."), Language::en);
    EXPECT_EQ(detect_language("Les Participants échangent des informations sur les saisies de stupéfiants."),
              Language::fr);
    EXPECT_EQ(detect_language(""), Language::en);
}

TEST(Detect, EachSentenceUsesItsOwnLanguageInABilingualText) {
    auto found = detector().detect(
        "The Participants will carry out joint operations with each other.\n\n"
        "Les Participants procèdent à des échanges d'informations sur les trafics.\n");
    EXPECT_THAT(elements(found), ElementsAre("information-exchange", "joint-operations"));
}

TEST(Detect, AGivenLanguageForcesItsPatterns) {
    const char* text = "Les Participants procèdent à des échanges d'informations sur les trafics.";
    EXPECT_THAT(elements(detector().detect(text, Language::fr)), ElementsAre("information-exchange"));
    EXPECT_THAT(elements(detector().detect(text, Language::en)), IsEmpty());
}

TEST(Detect, TheConvenienceFunctionGivesTheSameResult) {
    const char* text = "Article 3 – Disputes\nAny dispute is settled by consultation.\n";
    EXPECT_THAT(elements(detect(library(), text)), ElementsAre("dispute-settlement"));
    EXPECT_THAT(elements(detector().detect(text)), ElementsAre("dispute-settlement"));
}

}  // namespace
}  // namespace moudesk::diagnostic
