#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "library_fixture.h"
#include "moudesk/content/library.h"

namespace moudesk::content {
namespace {

using testing::find_problem;
using ::testing::HasSubstr;
using testing::LibraryCopy;

// Asserts a problem containing `text` exists, at `file` and `line` (a column too), and returns it.
const Problem& expect_problem(const Problems& problems, std::string_view text, const std::string& file, int line,
                              Severity severity = Severity::error) {
    const Problem* problem = find_problem(problems, text);
    if (!problem) {
        ADD_FAILURE() << "no problem containing '" << text << "' in:\n" << problems.to_string();
        static const Problem none;
        return none;
    }
    EXPECT_EQ(problem->where.file, file) << to_string(*problem);
    EXPECT_EQ(problem->where.line, line) << to_string(*problem);
    EXPECT_GT(problem->where.column, 0) << to_string(*problem);
    EXPECT_EQ(problem->severity, severity) << to_string(*problem);
    return *problem;
}

TEST(Loader, ValidLibraryLoadsWithoutProblems) {
    Problems problems;
    const Library lib =
        load_library(testing::valid_library_dir(), testing::valid_library_dir() / "templates", problems);
    EXPECT_TRUE(problems.empty()) << problems.to_string();

    ASSERT_EQ(lib.elements.size(), 4u);
    EXPECT_EQ(lib.elements[0].slug, "purpose-and-scope");
    EXPECT_EQ(lib.elements[1].slug, "information-exchange");
    EXPECT_EQ(lib.elements[1].group, ElementGroup::cooperation);
    EXPECT_EQ(lib.elements[1].section, "III.a");
    EXPECT_EQ(lib.elements[1].title.fr, "Échange de renseignements et d'informations");
    EXPECT_EQ(lib.elements[1].patterns_fr.front(), "échange* d'informations");
    EXPECT_EQ(lib.elements[3].group, ElementGroup::final_provision);

    // Clauses come grouped by element in catalogue order.
    ASSERT_EQ(lib.clauses.size(), 6u);
    EXPECT_EQ(lib.clauses[0].id, "purpose-and-scope.general");
    EXPECT_EQ(lib.clauses[1].id, "information-exchange.general");
    EXPECT_EQ(lib.clauses[2].id, "data-protection.general");
    EXPECT_EQ(lib.fields.size(), 5u);
    EXPECT_EQ(lib.terms.size(), 3u);
    ASSERT_EQ(lib.templates.size(), 3u);
    for (Instrument instrument : {Instrument::mou, Instrument::moa, Instrument::addendum})
        EXPECT_NE(lib.find_template(instrument), nullptr) << to_code(instrument);
}

TEST(Loader, ReadsClausesInDetail) {
    Problems problems;
    const Library lib =
        load_library(testing::valid_library_dir(), testing::valid_library_dir() / "templates", problems);
    const Clause* clause = lib.find_clause("information-exchange.general");
    ASSERT_NE(clause, nullptr);
    EXPECT_EQ(clause->element, "information-exchange");
    EXPECT_TRUE(clause->is_default);
    EXPECT_EQ(clause->title.fr, "Échange d'informations");
    EXPECT_EQ(clause->requires_, std::vector<std::string>{"data-protection.general"});
    EXPECT_TRUE(clause->excludes.empty());
    EXPECT_EQ(clause->instruments.size(), 3u);
    EXPECT_EQ(clause->where.line, 8);
    EXPECT_EQ(clause->where.column, 3);

    ASSERT_EQ(clause->variants.size(), 2u);
    const Variant& variant = clause->variants[0];
    EXPECT_EQ(variant.level, PartnershipLevel::communication);
    ASSERT_EQ(variant.blocks.size(), 3u);
    EXPECT_EQ(variant.blocks[0].kind, Block::Kind::paragraph);
    EXPECT_EQ(variant.blocks[1].kind, Block::Kind::item);

    // <parties cap="true"/> <w …/> exchange information through their <term …>focal points</term>,
    // subject to <ref …/>.
    const RichText& text = variant.blocks[0].text.en;
    ASSERT_EQ(text.size(), 8u);
    EXPECT_EQ(text[0].kind, Inline::Kind::parties);
    EXPECT_TRUE(text[0].capitalized);
    EXPECT_EQ(text[1].kind, Inline::Kind::text);
    EXPECT_EQ(text[1].text, " ");  // the space between two pieces of markup survives
    EXPECT_EQ(text[2].kind, Inline::Kind::wording);
    EXPECT_EQ(text[2].mou, "will");
    EXPECT_EQ(text[2].moa, "shall");
    EXPECT_EQ(text[3].text, " exchange information through their ");
    EXPECT_EQ(text[4].kind, Inline::Kind::term);
    EXPECT_EQ(text[4].ref, "focal-point");
    EXPECT_EQ(text[4].text, "focal points");
    EXPECT_EQ(text[6].kind, Inline::Kind::clause_ref);
    EXPECT_EQ(text[6].ref, "data-protection.general");
    EXPECT_EQ(text[7].text, ".");

    ASSERT_EQ(variant.commitments.size(), 1u);
    const Commitment& commitment = variant.commitments[0];
    EXPECT_EQ(commitment.id, "information-exchange.focal-points");
    EXPECT_EQ(commitment.party, "each");
    EXPECT_EQ(commitment.due, "P30D");
    EXPECT_EQ(commitment.every, "");
    EXPECT_EQ(commitment.text.fr, "Désigner un point focal pour les demandes d'informations");

    EXPECT_EQ(clause->variants[1].commitments[0].every, "field:review-period-months");
    const RichText& party = clause->variants[1].blocks[0].text.en;
    EXPECT_EQ(party[party.size() - 2].kind, Inline::Kind::party);
    EXPECT_EQ(party[party.size() - 2].party_index, 1);

    const Clause* strict = lib.find_clause("data-protection.strict");
    ASSERT_NE(strict, nullptr);
    EXPECT_FALSE(strict->is_default);
    EXPECT_EQ(strict->instruments, std::vector<Instrument>{Instrument::moa});
    EXPECT_EQ(strict->excludes, std::vector<std::string>{"data-protection.general"});
    EXPECT_FALSE(lib.find_clause("legal-status.binding")->variants[0].level.has_value());
}

TEST(Loader, ReadsFieldsTermsAndTemplates) {
    Problems problems;
    const Library lib =
        load_library(testing::valid_library_dir(), testing::valid_library_dir() / "templates", problems);
    const Field* place = lib.find_field("signature-place");
    ASSERT_NE(place, nullptr);
    EXPECT_TRUE(place->localized);
    EXPECT_EQ(place->example.fr, "Vienne");
    const Field* days = lib.find_field("response-time-days");  // defined in an element file
    ASSERT_NE(days, nullptr);
    EXPECT_EQ(days->type, FieldType::integer);
    EXPECT_EQ(days->min, 1);
    EXPECT_EQ(days->max, 90);
    EXPECT_EQ(days->example.en, "15");
    EXPECT_EQ(days->example.fr, "15");  // a non-localised example serves both languages
    EXPECT_EQ(days->label.fr, "Délai de réponse à une demande (jours)");
    EXPECT_EQ(lib.find_field("signature-date")->type, FieldType::date);
    EXPECT_EQ(lib.find_term("onward-transfer")->name.fr, "transfert ultérieur");

    const Template* mou = lib.find_template(Instrument::mou);
    ASSERT_NE(mou, nullptr);
    EXPECT_EQ(mou->id, "mou");
    EXPECT_EQ(mou->name.fr, "Mémorandum d'entente");
    EXPECT_EQ(mou->numbering.article.en, "Article {n}");
    EXPECT_EQ(mou->numbering.paragraph, "{n}.");
    EXPECT_EQ(mou->numbering.item, "({a})");
    ASSERT_EQ(mou->parts.size(), 3u);
    EXPECT_EQ(mou->parts[0].elements, std::vector<std::string>{"purpose-and-scope"});
    EXPECT_TRUE(mou->parts[1].rest_of_cooperation);
    EXPECT_TRUE(mou->parts[1].elements.empty());
    EXPECT_EQ(mou->parts[2].heading.fr, "Dispositions finales");
    EXPECT_EQ(mou->preamble.size(), 2u);
    EXPECT_EQ(mou->labels(Language::fr).title, "Fonction");
    EXPECT_EQ(mou->labels_en.for_party, "For");
    ASSERT_FALSE(mou->title.en.empty());
    EXPECT_EQ(mou->title.en.back().text, " on customs–police cooperation");
    EXPECT_EQ(mou->signature_intro.fr[1].kind, Inline::Kind::field);

    const Template* addendum = lib.find_template(Instrument::addendum);
    ASSERT_NE(addendum, nullptr);
    ASSERT_EQ(addendum->preamble.size(), 2u);
    EXPECT_EQ(addendum->preamble[1].kind, Block::Kind::item);
}

TEST(Loader, ThrowsWhenTheClausesFolderIsMissing) {
    Problems problems;
    try {
        load_library("/nonexistent/clauses", "/nonexistent/templates", problems);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_THAT(e.what(), HasSubstr("/nonexistent/clauses"));
    }
}

TEST(Loader, MalformedFileIsReportedAndLeftOut) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml", "</guidance>\n    <guidance lang=\"fr\">", "\n    <guidance lang=\"fr\">");
    Problems problems;
    const Library lib = copy.load(problems);
    const Problem& problem = expect_problem(problems, "malformed XML", copy.file("information-exchange.xml"),
                                            copy.line_of("information-exchange.xml", "</clause>"));
    EXPECT_THAT(to_string(problem), HasSubstr("information-exchange.xml:"));
    // The rest loads, and the broken file's clauses are not reported again as unknown.
    EXPECT_EQ(lib.find_clause("information-exchange.general"), nullptr);
    EXPECT_NE(lib.find_clause("data-protection.general"), nullptr);
    EXPECT_NE(lib.find_clause("legal-status.binding"), nullptr);
    EXPECT_EQ(lib.templates.size(), 3u);
    EXPECT_EQ(problems.size(), 1u) << problems.to_string();
}

TEST(Loader, SchemaInvalidFileIsReportedAndLeftOut) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "level=\"coordination\"", "level=\"cooperation\"");
    copy.edit("data-protection.xml", "due=\"P1Y\"", "due=\"one year\"");
    Problems problems;
    const Library lib = copy.load(problems);
    const std::string file = copy.file("data-protection.xml");
    const Problem& level =
        expect_problem(problems, "'cooperation'", file, copy.line_of("data-protection.xml", "level=\"cooperation\""));
    EXPECT_EQ(level.where.column, 14);  // the level attribute
    expect_problem(problems, "'one year'", file, copy.line_of("data-protection.xml", "due=\"one year\""));
    EXPECT_EQ(lib.find_clause("data-protection.general"), nullptr);
    EXPECT_NE(lib.find_clause("information-exchange.general"), nullptr);
    // No cascade: the clause that requires data-protection.general is not blamed for it.
    EXPECT_EQ(find_problem(problems, "unknown clause"), nullptr) << problems.to_string();
    EXPECT_EQ(find_problem(problems, "has no clause"), nullptr) << problems.to_string();
}

TEST(Loader, QuickLoadSkipsTheSchemaButKeepsTheSemanticChecks) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "due=\"P1Y\"", "due=\"one year\"");  // only the schema objects
    copy.edit("information-exchange.xml", "requires=\"data-protection.general\"",
              "requires=\"data-protection.nothing\"");
    Problems problems;
    const Library lib = load_library(copy.dir(), copy.templates(), problems, SchemaCheck::quick);
    EXPECT_EQ(find_problem(problems, "'one year'"), nullptr) << problems.to_string();
    EXPECT_NE(lib.find_clause("data-protection.general"), nullptr);
    EXPECT_NE(find_problem(problems, "data-protection.nothing"), nullptr) << problems.to_string();
}

TEST(Loader, UnknownSlugInTemplate) {
    LibraryCopy copy;
    copy.edit("templates/moa.xml", "<elements>legal-status</elements>", "<elements>legal-statute</elements>");
    Problems problems;
    const Library lib = copy.load(problems);
    expect_problem(problems, "unknown key element 'legal-statute'", copy.file("templates/moa.xml"),
                   copy.line_of("templates/moa.xml", "legal-statute"));
    EXPECT_EQ(lib.templates.size(), 3u);
}

TEST(Loader, UnknownSlugInClauseFile) {
    LibraryCopy copy;
    write_file_atomically(copy.dir() / "joint-training.xml",
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<clauses element=\"joint-training\" version=\"1\">\n"
                          "  <clause id=\"joint-training.general\">\n"
                          "    <title lang=\"en\">Joint training</title><title lang=\"fr\">Formation commune</title>\n"
                          "    <guidance lang=\"en\">g</guidance><guidance lang=\"fr\">g</guidance>\n"
                          "    <variant><para><text lang=\"en\">t</text><text lang=\"fr\">t</text></para></variant>\n"
                          "  </clause>\n"
                          "</clauses>\n");
    Problems problems;
    const Library lib = copy.load(problems);
    expect_problem(problems, "unknown key element 'joint-training'", copy.file("joint-training.xml"), 2);
    EXPECT_EQ(lib.elements.size(), 4u);
}

TEST(Loader, FileNameMustMatchTheElement) {
    LibraryCopy copy;
    std::filesystem::rename(copy.dir() / "legal-status.xml", copy.dir() / "status.xml");
    Problems problems;
    const Library lib = copy.load(problems);
    expect_problem(problems, "belong in legal-status.xml, not status.xml", copy.file("status.xml"), 2);
    EXPECT_EQ(lib.clauses_of("legal-status").size(), 2u);
}

TEST(Loader, ClauseIdMustStartWithItsElement) {
    LibraryCopy copy;
    copy.edit("purpose-and-scope.xml", "purpose-and-scope.general", "purpose.general");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "must start with its key element", copy.file("purpose-and-scope.xml"),
                   copy.line_of("purpose-and-scope.xml", "purpose.general"));
}

TEST(Loader, CyclicRequiresNamesTheCycle) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "<clause id=\"data-protection.general\" default=\"true\">",
              "<clause id=\"data-protection.general\" default=\"true\" requires=\"information-exchange.general\">");
    Problems problems;
    const Library lib = copy.load(problems);
    const Problem& problem = expect_problem(
        problems,
        "cyclic requires: information-exchange.general -> data-protection.general -> information-exchange.general",
        copy.file("information-exchange.xml"), copy.line_of("information-exchange.xml", "requires="));
    EXPECT_EQ(problem.where.column, 11);  // the requires attribute
    // Reported once, however many clauses are on it.
    int count = 0;
    for (const Problem& p : problems.items()) count += p.message.find("cyclic") != std::string::npos;
    EXPECT_EQ(count, 1) << problems.to_string();
    EXPECT_EQ(lib.clauses.size(), 6u);
}

TEST(Loader, SelfRequireIsACycle) {
    LibraryCopy copy;
    copy.edit("legal-status.xml", "instruments=\"moa\"", "instruments=\"moa\" requires=\"legal-status.binding\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "cyclic requires: legal-status.binding -> legal-status.binding",
                   copy.file("legal-status.xml"), copy.line_of("legal-status.xml", "requires="));
}

TEST(Loader, UnknownRequiresAndExcludes) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "excludes=\"data-protection.general\"",
              "excludes=\"data-protection.lax\" requires=\"legal-status.none\"");
    Problems problems;
    copy.load(problems);
    const int line = copy.line_of("data-protection.xml", "data-protection.lax");
    expect_problem(problems, "excludes unknown clause 'data-protection.lax'", copy.file("data-protection.xml"), line);
    expect_problem(problems, "requires unknown clause 'legal-status.none'", copy.file("data-protection.xml"), line);
}

TEST(Loader, RequiringAnExcludedClause) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "excludes=\"data-protection.general\"",
              "excludes=\"data-protection.general\" requires=\"information-exchange.general\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "both requires and excludes 'data-protection.general'", copy.file("data-protection.xml"),
                   copy.line_of("data-protection.xml", "data-protection.strict"));
}

TEST(Loader, DuplicateIds) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "id=\"data-protection.strict\"", "id=\"data-protection.general\"");
    copy.edit("information-exchange.xml", "<field id=\"response-time-days\"", "<field id=\"signature-date\"");
    copy.edit("data-protection.xml", "<term id=\"onward-transfer\">", "<term id=\"personal-data\">");
    copy.edit("catalogue.xml", "slug=\"legal-status\"", "slug=\"data-protection\"");
    Problems problems;
    const Library lib = copy.load(problems);
    const Problem& clause =
        expect_problem(problems, "duplicate clause id 'data-protection.general'", copy.file("data-protection.xml"), 31);
    EXPECT_THAT(clause.message, HasSubstr("first at " + copy.file("data-protection.xml") + ":9:3"));
    expect_problem(problems, "duplicate field id 'signature-date'", copy.file("information-exchange.xml"), 3);
    expect_problem(problems, "duplicate term id 'personal-data'", copy.file("data-protection.xml"), 3);
    expect_problem(problems, "duplicate key element 'data-protection'", copy.file("catalogue.xml"),
                   copy.line_of("catalogue.xml", "Legal status") - 1);
    // The first definition wins; nothing is loaded twice.
    EXPECT_EQ(lib.clauses_of("data-protection").size(), 1u);
    EXPECT_EQ(lib.find_field("signature-date")->type, FieldType::date);
    EXPECT_EQ(lib.elements.size(), 3u);
}

TEST(Loader, SameCommitmentInTwoVariantsOfAClause) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml", "id=\"information-exchange.joint-cell\"",
              "id=\"information-exchange.focal-points\"");
    Problems problems;
    copy.load(problems);
    EXPECT_TRUE(problems.empty()) << problems.to_string();
}

TEST(Loader, DuplicateCommitmentIds) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "id=\"data-protection.review\"", "id=\"information-exchange.focal-points\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "duplicate commitment id 'information-exchange.focal-points'",
                   copy.file("data-protection.xml"), copy.line_of("data-protection.xml", "focal-points"));
}

TEST(Loader, ClauseMissingALanguage) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "    <title lang=\"fr\">Protection des données</title>\n", "");
    copy.edit("legal-status.xml", "<text lang=\"fr\"><instrument cap=\"true\"/> lie <parties/>.</text>", "");
    Problems problems;
    const Library lib = copy.load(problems);
    const Problem& title = expect_problem(problems, "clause 'data-protection.general': no <title lang=\"fr\">",
                                          copy.file("data-protection.xml"), 10);
    EXPECT_EQ(title.where.column, 5);
    expect_problem(problems, "clause 'legal-status.binding': <para> has no <text lang=\"fr\">",
                   copy.file("legal-status.xml"), copy.line_of("legal-status.xml", "is binding on"));
    // A missing language is an error in the content, not a reason to drop the clause.
    EXPECT_NE(lib.find_clause("data-protection.general"), nullptr);
}

TEST(Loader, CommitmentAndGuidanceMissingALanguage) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml",
              "<text lang=\"fr\">Désigner un point focal pour les demandes d'informations</text>", "");
    copy.edit("legal-status.xml", "<guidance lang=\"en\">For an MOA: says it binds the Parties.</guidance>", "");
    Problems problems;
    copy.load(problems);
    expect_problem(problems,
                   "clause 'information-exchange.general', commitment 'information-exchange.focal-points': no <text "
                   "lang=\"fr\">",
                   copy.file("information-exchange.xml"),
                   copy.line_of("information-exchange.xml", "Designate a focal"));
    expect_problem(problems, "clause 'legal-status.binding': no <guidance lang=\"en\">", copy.file("legal-status.xml"),
                   copy.line_of("legal-status.xml", "Pour un mémorandum d'accord"));
}

TEST(Loader, UndefinedFieldTermAndClause) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml", "within <field ref=\"response-time-days\"/>",
              "within <field ref=\"response-days\"/>");
    copy.edit("data-protection.xml", "<term ref=\"personal-data\"/>", "<term ref=\"personal-info\"/>");
    copy.edit("information-exchange.xml", "subject to <ref clause=\"data-protection.general\"/>",
              "subject to <ref clause=\"data-protection.lenient\"/>");
    copy.edit("templates/mou.xml", "<field ref=\"signature-place\"/> on", "<field ref=\"place\"/> on");
    Problems problems;
    const Library lib = copy.load(problems);
    const std::string file = copy.file("information-exchange.xml");
    const Problem& field = expect_problem(problems, "uses undefined field 'response-days'", file,
                                          copy.line_of("information-exchange.xml", "response-days"));
    EXPECT_THAT(field.message, HasSubstr("clause 'information-exchange.general'"));
    EXPECT_EQ(field.where.column, 50);  // the '<' of <field>
    expect_problem(problems, "uses undefined term 'personal-info'", copy.file("data-protection.xml"),
                   copy.line_of("data-protection.xml", "personal-info"));
    expect_problem(problems, "refers to unknown clause 'data-protection.lenient'", file,
                   copy.line_of("information-exchange.xml", "data-protection.lenient"));
    expect_problem(problems, "template 'mou' uses undefined field 'place'", copy.file("templates/mou.xml"),
                   copy.line_of("templates/mou.xml", "\"place\""));
    EXPECT_EQ(lib.clauses.size(), 6u);
}

TEST(Loader, RecurrenceMustNameAnIntegerField) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml", "every=\"field:review-period-months\"", "every=\"field:review-months\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "uses undefined field 'review-months'", copy.file("information-exchange.xml"),
                   copy.line_of("information-exchange.xml", "review-months"));
}

TEST(Loader, RecurrenceFieldMustBeAnInteger) {
    LibraryCopy copy;
    copy.edit("information-exchange.xml", "every=\"field:review-period-months\"", "every=\"field:signature-date\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "counts months with 'signature-date', which is not an integer field",
                   copy.file("information-exchange.xml"),
                   copy.line_of("information-exchange.xml", "field:signature-date"));
}

TEST(Loader, ReferenceOutsideTheRequiresClosureIsAWarning) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "under their national law.",
              "under their national law and <ref clause=\"legal-status.binding\"/>.");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "refers to clause 'legal-status.binding', which it does not require",
                   copy.file("data-protection.xml"), copy.line_of("data-protection.xml", "legal-status.binding"),
                   Severity::warning);
    EXPECT_FALSE(problems.has_errors()) << problems.to_string();
}

TEST(Loader, CooperationClauseWithOneLevelIsAWarning) {
    LibraryCopy copy;
    copy.edit("catalogue.xml", "slug=\"purpose-and-scope\" group=\"final\"",
              "slug=\"purpose-and-scope\" group=\"cooperation\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "has variants for fewer than two levels", copy.file("purpose-and-scope.xml"), 3,
                   Severity::warning);
    EXPECT_FALSE(problems.has_errors()) << problems.to_string();
}

TEST(Loader, LevelUsedTwice) {
    LibraryCopy copy;
    copy.edit("data-protection.xml", "level=\"coordination\"", "level=\"coexistence\"");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "level 'coexistence' is used twice", copy.file("data-protection.xml"),
                   copy.line_of("data-protection.xml",
                                "<variant level=\"coexistence\">\n      <para>\n        <text lang=\"en\">No"));
}

TEST(Loader, KeyElementWithoutClause) {
    LibraryCopy copy;
    std::filesystem::remove(copy.dir() / "legal-status.xml");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "key element 'legal-status' has no clause", copy.file("catalogue.xml"),
                   copy.line_of("catalogue.xml", "slug=\"legal-status\""));
}

TEST(Loader, IntegerExampleOutOfRange) {
    LibraryCopy copy;
    copy.edit("fields.xml", "<example>12</example>", "<example>99</example>");
    copy.edit("information-exchange.xml", "<example>15</example>", "<example>fifteen</example>");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "field 'review-period-months': example 99 is out of range [1, 60]",
                   copy.file("fields.xml"), copy.line_of("fields.xml", "<example>99"));
    expect_problem(problems, "example 'fifteen' is not an integer", copy.file("information-exchange.xml"),
                   copy.line_of("information-exchange.xml", "fifteen"));
}

TEST(Loader, TemplateInstrumentMismatch) {
    LibraryCopy copy;
    copy.edit("templates/moa.xml", "instrument=\"moa\"", "instrument=\"mou\"");
    Problems problems;
    const Library lib = copy.load(problems);
    expect_problem(problems, "template 'moa' is for instrument 'mou'", copy.file("templates/moa.xml"), 2);
    const Problem* missing = find_problem(problems, "no template for instrument 'moa'");
    ASSERT_NE(missing, nullptr) << problems.to_string();
    EXPECT_EQ(missing->where.file, copy.file("templates/moa.xml"));
}

TEST(Loader, FinalElementInNoTemplatePartIsAWarning) {
    LibraryCopy copy;
    copy.edit("templates/mou.xml", "<elements>legal-status</elements>", "<elements>purpose-and-scope</elements>");
    Problems problems;
    copy.load(problems);
    expect_problem(problems, "key element 'purpose-and-scope' is already listed", copy.file("templates/mou.xml"),
                   copy.line_of("templates/mou.xml", "Dispositions finales") + 1);
    expect_problem(problems, "places key element 'legal-status' in no part", copy.file("templates/mou.xml"), 2,
                   Severity::warning);
}

TEST(Loader, MissingSchemasAreOneErrorAndTheLibraryStillLoads) {
    const std::filesystem::path empty = std::filesystem::path(MOUDESK_TEST_OUTPUT_DIR) / "no-schemas";
    std::filesystem::create_directories(empty);
    const char* before = std::getenv("MOUDESK_DATA_DIR");
    const std::string saved = before ? before : "";
    setenv("MOUDESK_DATA_DIR", empty.c_str(), 1);
    Problems problems;
    const Library lib =
        load_library(testing::valid_library_dir(), testing::valid_library_dir() / "templates", problems);
    if (before)
        setenv("MOUDESK_DATA_DIR", saved.c_str(), 1);
    else
        unsetenv("MOUDESK_DATA_DIR");
    const Problem* problem = find_problem(problems, "clauses.xsd");
    ASSERT_NE(problem, nullptr) << problems.to_string();
    EXPECT_EQ(problems.size(), 5u) << problems.to_string();  // one per schema
    EXPECT_EQ(lib.clauses.size(), 6u);
}

}  // namespace
}  // namespace moudesk::content
