// The diagnostic questionnaire: the bundled one is complete and fits the bundled library; each
// kind of mistake in a questionnaire is reported with the file and the line to fix, and what is
// sound still loads.

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/diagnostic/questionnaire.h"

namespace moudesk::diagnostic {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

fs::path fixture(const std::string& name) {
    return fs::path(MOUDESK_TEST_DATA_DIR) / "diagnostic" / name;
}

// The small library of the content tests: cooperation elements information-exchange and
// data-protection only. Loaded once: every test only reads it.
const content::Library& small_library() {
    static const content::Library lib = [] {
        const fs::path dir = fs::path(MOUDESK_TEST_DATA_DIR) / "library" / "valid";
        Problems problems;
        content::Library loaded = content::load_library(dir, dir / "templates", problems);
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return loaded;
    }();
    return lib;
}

const content::Library& bundled_library() {
    static const content::Library lib = [] {
        const fs::path root = content::bundled_data_dir();
        Problems problems;
        content::Library loaded = content::load_library(root / "clauses", root / "templates", problems);
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return loaded;
    }();
    return lib;
}

// 1-based line of the first `needle` in fixture `name` (the test fails when it is absent).
int line_of(const std::string& name, std::string_view needle) {
    const std::string text = read_file(fixture(name));
    const auto at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << "'" << needle << "' not in " << name;
    if (at == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const Problem* find_problem(const Problems& problems, std::string_view text) {
    for (const Problem& p : problems.items())
        if (p.message.find(text) != std::string::npos) return &p;
    return nullptr;
}

// Asserts an error containing `text` is reported at `name`:`line` with a column.
void expect_error(const Problems& problems, std::string_view text, const std::string& name, int line) {
    const Problem* problem = find_problem(problems, text);
    if (!problem) {
        ADD_FAILURE() << "no problem containing '" << text << "' in:\n" << problems.to_string();
        return;
    }
    EXPECT_EQ(problem->severity, Severity::error) << to_string(*problem);
    EXPECT_EQ(problem->where.file, fixture(name).string()) << to_string(*problem);
    EXPECT_EQ(problem->where.line, line) << to_string(*problem);
    EXPECT_GT(problem->where.column, 0) << to_string(*problem);
}

std::size_t error_count(const Problems& problems) {
    return static_cast<std::size_t>(std::count_if(problems.items().begin(), problems.items().end(),
                                                  [](const Problem& p) { return p.severity == Severity::error; }));
}

void expect_complete(const Localized& text, const std::string& what) {
    EXPECT_TRUE(text.has(Language::en)) << what << ": no English";
    EXPECT_TRUE(text.has(Language::fr)) << what << ": no French";
}

TEST(BundledQuestionnaire, IsWhereTheDataDirSays) {
    EXPECT_EQ(bundled_questionnaire_path(), content::bundled_data_dir() / "diagnostic" / "questionnaire.xml");
    EXPECT_TRUE(fs::is_regular_file(bundled_questionnaire_path()));
}

TEST(BundledQuestionnaire, LoadsCleanAgainstTheBundledLibrary) {
    const content::Library& lib = bundled_library();
    Problems problems;
    const Questionnaire q = load_questionnaire(bundled_questionnaire_path(), problems, &lib);
    EXPECT_TRUE(problems.empty()) << problems.to_string();

    EXPECT_FALSE(q.version.empty());
    const std::vector<std::string> areas{"legal-framework", "governance",    "intelligence",
                                         "risk-targeting",  "operations",    "people",
                                         "systems",         "international", "monitoring"};
    ASSERT_EQ(q.areas.size(), areas.size());
    for (std::size_t i = 0; i < areas.size(); ++i) EXPECT_EQ(q.areas[i].id, areas[i]);
    EXPECT_GE(q.questions().size(), 24u);

    std::set<std::string> ids;
    int foundational = 0;
    for (const Area& area : q.areas) {
        expect_complete(area.title, "area " + area.id + " title");
        expect_complete(area.description, "area " + area.id + " description");
        EXPECT_FALSE(area.questions.empty()) << area.id;
        for (const Question& question : area.questions) {
            const std::string& id = question.id;
            EXPECT_TRUE(ids.insert(id).second) << "duplicate " << id;
            EXPECT_EQ(question.area, area.id) << id;
            expect_complete(question.text, id + " text");
            expect_complete(question.evidence, id + " evidence");
            EXPECT_GE(question.weaknesses.size(), 2u) << id;
            EXPECT_LE(question.weaknesses.size(), 4u) << id;
            EXPECT_GE(question.solutions.size(), 2u) << id;
            EXPECT_LE(question.solutions.size(), 4u) << id;
            for (const Localized& w : question.weaknesses) expect_complete(w, id + " weakness");
            for (const Localized& s : question.solutions) expect_complete(s, id + " solution");
            EXPECT_TRUE(question.text.en.ends_with("?")) << id << ": " << question.text.en;
            EXPECT_TRUE(question.text.fr.ends_with("\u00a0?")) << id << ": " << question.text.fr;
            EXPECT_FALSE(question.elements.empty()) << id;
            for (const std::string& slug : question.elements) EXPECT_NE(lib.find_element(slug), nullptr) << slug;
            EXPECT_GT(question.weight, 0.0) << id;
            EXPECT_GT(question.where.line, 0) << id;
            foundational += question.weight > 1.0;
        }
    }
    // A few foundational questions weigh more, not most of them.
    EXPECT_GE(foundational, 3);
    EXPECT_LE(foundational, 8);

    for (const content::KeyElement& element : lib.elements) {
        if (element.group != content::ElementGroup::cooperation) continue;
        EXPECT_FALSE(q.probing(element.slug).empty()) << element.slug << " is probed by no question";
    }
}

TEST(Questionnaire, LoadsAValidFileWithItsDetails) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("valid.xml"), problems, &small_library());
    EXPECT_TRUE(problems.empty()) << problems.to_string();
    EXPECT_EQ(q.version, "2");
    ASSERT_EQ(q.areas.size(), 2u);
    EXPECT_EQ(q.areas[0].title.fr, "Échange d'informations");

    const Question* channel = q.find("info.channel");
    ASSERT_NE(channel, nullptr);
    EXPECT_EQ(channel->area, "information");
    EXPECT_EQ(channel->elements, std::vector<std::string>{"information-exchange"});
    EXPECT_EQ(channel->text.en, "Is there an agreed channel for information?");
    EXPECT_EQ(channel->text.fr, "Existe-t-il un canal convenu pour l'information\u00a0?");
    ASSERT_EQ(channel->weaknesses.size(), 2u);
    EXPECT_EQ(channel->weaknesses[1].fr, "Personne ne sait qui appeler.");
    ASSERT_EQ(channel->solutions.size(), 2u);
    EXPECT_EQ(channel->solutions[0].en, "Name a focal point in each agency.");
    EXPECT_EQ(channel->evidence.fr, "Un registre des demandes et des réponses.");
    EXPECT_DOUBLE_EQ(channel->weight, 2.0);
    EXPECT_EQ(channel->where.file, fixture("valid.xml").string());
    EXPECT_EQ(channel->where.line, line_of("valid.xml", "<question id=\"info.channel\""));

    EXPECT_DOUBLE_EQ(q.find("info.time-limits")->weight, 1.0);  // the default
    EXPECT_EQ(q.find("nothing"), nullptr);
    ASSERT_NE(q.find_area("data-protection"), nullptr);
    EXPECT_EQ(q.find_area("data-protection")->questions.size(), 1u);
    EXPECT_EQ(q.find_area("nothing"), nullptr);
    EXPECT_EQ(q.questions().size(), 3u);
    EXPECT_EQ(q.probing("information-exchange").size(), 2u);
    EXPECT_TRUE(q.probing("legal-basis").empty());
}

TEST(Questionnaire, MalformedXmlNamesFileAndLine) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("malformed.xml"), problems, &small_library());
    ASSERT_EQ(error_count(problems), 1u) << problems.to_string();
    expect_error(problems, "malformed XML", "malformed.xml", line_of("malformed.xml", "  </weaknes>"));
    EXPECT_TRUE(q.areas.empty());
}

TEST(Questionnaire, SchemaViolationsAreAllReportedAndTheRestLoads) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("schema-violation.xml"), problems, &small_library());
    // One weakness only: libxml2 complains at the <solution> that came too early.
    expect_error(problems, "does not match diagnostic.xsd", "schema-violation.xml",
                 line_of("schema-violation.xml", "<solution>"));
    expect_error(problems, "'heavy' is not a valid value", "schema-violation.xml",
                 line_of("schema-violation.xml", "weight=\"heavy\""));
    EXPECT_EQ(error_count(problems), 2u) << problems.to_string();
    // Both broken questions are left out, the sound one loads; nothing looks unprobed.
    EXPECT_EQ(q.find("info.channel"), nullptr);
    EXPECT_EQ(q.find("info.time-limits"), nullptr);
    EXPECT_NE(q.find("privacy.rules"), nullptr);
    EXPECT_EQ(find_problem(problems, "probed by no question"), nullptr) << problems.to_string();
}

TEST(Questionnaire, DuplicateIdsPointAtTheSecondOne) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("duplicate-ids.xml"), problems, &small_library());
    const std::string text = read_file(fixture("duplicate-ids.xml"));
    const int first_area = line_of("duplicate-ids.xml", "<area id=\"information\"");
    // The second <area id="information"> and the second question "info.channel".
    const auto second_area_at = text.find("<area id=\"information\"", text.find("<area id=\"information\"") + 1);
    ASSERT_NE(second_area_at, std::string::npos);
    const int second_area = 1 + static_cast<int>(std::count(text.begin(), text.begin() + second_area_at, '\n'));
    expect_error(problems, "duplicate area id 'information' (first at line " + std::to_string(first_area) + ")",
                 "duplicate-ids.xml", second_area);
    expect_error(problems, "duplicate question id 'info.channel'", "duplicate-ids.xml", second_area + 5);
    EXPECT_EQ(error_count(problems), 2u) << problems.to_string();
    ASSERT_EQ(q.areas.size(), 1u);
    EXPECT_EQ(q.areas[0].questions.size(), 2u);
    EXPECT_EQ(q.find("info.channel")->elements, std::vector<std::string>{"information-exchange"});
}

TEST(Questionnaire, UnknownSlugsNameTheSlugWithALibraryOnly) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("unknown-slug.xml"), problems, &small_library());
    expect_error(problems, "unknown key element 'smuggling-of-cats'", "unknown-slug.xml",
                 line_of("unknown-slug.xml", "smuggling-of-cats"));
    // The column is the slug's, not the attribute's.
    const Problem* problem = find_problem(problems, "smuggling-of-cats");
    ASSERT_NE(problem, nullptr);
    const std::string text = read_file(fixture("unknown-slug.xml"));
    const auto at = text.find("smuggling-of-cats");
    const auto line_start = text.rfind('\n', at) + 1;
    EXPECT_EQ(problem->where.column, static_cast<int>(at - line_start) + 1);
    EXPECT_EQ(error_count(problems), 1u) << problems.to_string();
    EXPECT_EQ(q.find("privacy.rules"), nullptr);
    EXPECT_NE(q.find("info.channel"), nullptr);

    // Without a library the slugs cannot be checked, and nothing else is wrong.
    Problems without;
    const Questionnaire all = load_questionnaire(fixture("unknown-slug.xml"), without);
    EXPECT_TRUE(without.empty()) << without.to_string();
    EXPECT_NE(all.find("privacy.rules"), nullptr);
}

TEST(Questionnaire, EachUnprobedCooperationElementIsAnError) {
    Problems problems;
    load_questionnaire(fixture("unprobed.xml"), problems, &small_library());
    expect_error(problems, "cooperation element 'data-protection'", "unprobed.xml",
                 line_of("unprobed.xml", "<questionnaire"));
    EXPECT_THAT(find_problem(problems, "data-protection")->message, HasSubstr("probed by no question"));
    EXPECT_EQ(error_count(problems), 1u) << problems.to_string();

    // Against the bundled library, all 15 cooperation elements but information-exchange are
    // missing: one error naming each.
    Problems bundled;
    load_questionnaire(fixture("unprobed.xml"), bundled, &bundled_library());
    EXPECT_EQ(error_count(bundled), 14u) << bundled.to_string();
    EXPECT_NE(find_problem(bundled, "'public-communication' (Public communication) is probed by no question"), nullptr)
        << bundled.to_string();
    EXPECT_EQ(find_problem(bundled, "'costs'"), nullptr) << "final provisions need no question";
}

TEST(Questionnaire, MissingFrenchIsReportedWhereItBelongs) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("missing-french.xml"), problems, &small_library());
    const std::string name = "missing-french.xml";
    expect_error(problems, "question 'info.time-limits': no <text lang=\"fr\">", name,
                 line_of(name, "Are requests answered within agreed time limits?"));
    expect_error(problems, "area 'data-protection': no <title lang=\"fr\">", name,
                 line_of(name, "<title lang=\"en\">Data protection"));
    EXPECT_EQ(error_count(problems), 2u) << problems.to_string();
    EXPECT_EQ(q.find("info.time-limits"), nullptr);
    EXPECT_NE(q.find("info.channel"), nullptr);
    // The area keeps its questions: only its title lacks a language.
    EXPECT_NE(q.find("privacy.rules"), nullptr);
}

TEST(Questionnaire, WeightsMustBeAboveZero) {
    Problems problems;
    const Questionnaire q = load_questionnaire(fixture("bad-weight.xml"), problems, &small_library());
    expect_error(problems, "weight '0' must be above 0", "bad-weight.xml", line_of("bad-weight.xml", "weight=\"0\""));
    expect_error(problems, "weight '-1.5' must be above 0", "bad-weight.xml",
                 line_of("bad-weight.xml", "weight=\"-1.5\""));
    EXPECT_EQ(error_count(problems), 2u) << problems.to_string();
    EXPECT_EQ(q.questions().size(), 1u);
}

TEST(Questionnaire, AMissingFileIsAProblemNotACrash) {
    Problems problems;
    const fs::path missing = fixture("no-such-file.xml");
    const Questionnaire q = load_questionnaire(missing, problems);
    ASSERT_TRUE(problems.has_errors());
    EXPECT_EQ(problems.items().front().where.file, missing.string());
    EXPECT_TRUE(q.areas.empty());
}

}  // namespace
}  // namespace moudesk::diagnostic
