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

// ---- inflection, proximity, gaps and headings ---------------------------------------------------

// Patterns in the other forms the catalogue may use: plain phrases matched through their stems,
// "a + b" (terms close together in one sentence), "a|b" (alternatives), a lone "*" (one or two
// words), "heading: …" (only in a heading that names the element).
const Detector& rich_detector() {
    static const content::Library lib = [] {
        content::Library l;
        l.elements = {
            element("information-exchange", {"exchange of information", "pass* on + intelligence"},
                    {"échange d'informations", "transmet* + renseignement*"}),
            element("data-protection", {"anyone outside", "data protection"}, {"protection des données"}),
            element("governance", {"monthly meeting"}, {"réunion mensuelle"}),
            element("joint-operations", {"joint * operation*"}, {"opération* commune*"}),
            element("training-and-exchange", {"training"}, {"formation"}),
            element("costs", {"heading: costs", "heading: money"}, {"heading: frais", "frais|charges + à la charge"}),
            element("dispute-settlement", {"disagreement*|dispute* + resolv*|settl*"}, {"différend* + réglé*"}),
        };
        return l;
    }();
    static const Detector d(lib);
    return d;
}

TEST(Detect, OtherInflectionsOfAPatternWordMatch) {
    EXPECT_THAT(elements(rich_detector().detect("The exchanges of information are continuous.", Language::en)),
                ElementsAre("information-exchange"));
    EXPECT_THAT(elements(rich_detector().detect("They hold monthly meetings.", Language::en)),
                ElementsAre("governance"));
    EXPECT_THAT(elements(rich_detector().detect("Des réunions mensuelles sont tenues.", Language::fr)),
                ElementsAre("governance"));
    EXPECT_THAT(elements(rich_detector().detect("Les opérations communes sont annuelles.", Language::fr)),
                ElementsAre("joint-operations"));
    // A word with a stem of its own is not an inflection: "train" is not "training".
    Examination e = rich_detector().examine("The officers check the train and its wagons.", Language::en);
    EXPECT_EQ(find(e, "training-and-exchange"), nullptr);
}

TEST(Detect, TheTermsOfAProximityPatternMeetInOneSentence) {
    EXPECT_THAT(elements(rich_detector().detect(
                    "Each Party shall pass on to the other, without delay, any intelligence it obtains.")),
                ElementsAre("information-exchange"));
    // In two sentences, or too far apart in one, the terms do not make the pattern.
    EXPECT_THAT(rich_detector().detect("Each Party shall pass on its findings. Intelligence is kept apart."),
                IsEmpty());
    EXPECT_THAT(rich_detector().detect("Each Party shall pass on the names of the officers who will work at the "
                                       "crossing points this year, and the heads will decide on intelligence.",
                                       Language::en),
                IsEmpty());
    // Any alternative of each part will do.
    EXPECT_THAT(elements(rich_detector().detect("Any disagreement shall be settled by the two heads.")),
                ElementsAre("dispute-settlement"));
    EXPECT_THAT(elements(rich_detector().detect("Disputes will be resolved by consultation.")),
                ElementsAre("dispute-settlement"));
    // Each part needs words of its own.
    EXPECT_THAT(rich_detector().detect("Le matériel reste à la charge du service qui le prête.", Language::fr),
                IsEmpty());
    EXPECT_THAT(elements(rich_detector().detect("Les frais restent à la charge de chaque service.", Language::fr)),
                ElementsAre("costs"));
}

TEST(Detect, ALoneWildcardStandsForOneOrTwoWords) {
    for (const char* text :
         {"They carry out joint boarding operations.", "They carry out joint river patrol operations."})
        EXPECT_THAT(elements(rich_detector().detect(text, Language::en)), ElementsAre("joint-operations")) << text;
    EXPECT_THAT(rich_detector().detect("They carry out joint road, rail and river operations.", Language::en),
                IsEmpty());
}

TEST(Detect, HeadingPatternsCountOnlyInAHeadingThatNamesTheElement) {
    auto found = rich_detector().detect("Article 9 - Costs\nEach Party keeps what it spends.\n");
    ASSERT_THAT(elements(found), ElementsAre("costs"));
    EXPECT_TRUE(found[0].in_heading);
    EXPECT_THAT(elements(rich_detector().detect("6 Money\nNothing here commits either Participant.\n")),
                ElementsAre("costs"));
    EXPECT_THAT(elements(rich_detector().detect("Article 9 - Costs and expenses\nEach Party keeps what it spends.\n")),
                ElementsAre("costs"));
    EXPECT_THAT(elements(rich_detector().detect("Article 7 – Frais\nChaque service garde ce qu'il dépense.\n")),
                ElementsAre("costs"));
    // In running text, or as a word qualifying another in the heading, the word is not the element.
    EXPECT_THAT(rich_detector().detect("The costs of the checks are high."), IsEmpty());
    EXPECT_THAT(rich_detector().detect("Article 4 - Money laundering cases\nThe services work together.\n"), IsEmpty());
}

TEST(Detect, ConfidentialityWrittenAsAProhibitionIsCoverage) {
    EXPECT_THAT(elements(rich_detector().detect(
                    "Officers will not pass any information obtained under this arrangement to anyone outside the two "
                    "offices.")),
                ElementsAre("data-protection"));
    // A negation of scope still excludes it.
    Examination e = rich_detector().examine("Data protection is outside the scope of this memorandum.");
    const Detection* d = find(e, "data-protection");
    ASSERT_NE(d, nullptr);
    EXPECT_THAT(d->evidence, IsEmpty());
    EXPECT_LT(d->confidence, Detector::threshold);
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
