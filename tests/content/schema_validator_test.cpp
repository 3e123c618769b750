#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "library_fixture.h"
#include "moudesk/content/schema_validator.h"
#include "moudesk/core/file.h"

namespace moudesk::content {
namespace {

using ::testing::HasSubstr;

std::filesystem::path schema(const char* name) {
    return std::filesystem::path(MOUDESK_SOURCE_DATA_DIR) / "schemas" / name;
}

std::filesystem::path valid(const std::string& name) {
    return testing::valid_library_dir() / name;
}

TEST(SchemaValidator, ValidSamplesValidate) {
    const SchemaValidator catalogue(schema("catalogue.xsd"));
    const SchemaValidator fields(schema("fields.xsd"));
    const SchemaValidator terms(schema("terms.xsd"));
    const SchemaValidator clauses(schema("clauses.xsd"));
    const SchemaValidator templates(schema("template.xsd"));
    Problems problems;
    EXPECT_TRUE(catalogue.validate_file(valid("catalogue.xml"), problems));
    EXPECT_TRUE(fields.validate_file(valid("fields.xml"), problems));
    EXPECT_TRUE(terms.validate_file(valid("terms.xml"), problems));
    for (const char* name :
         {"purpose-and-scope.xml", "information-exchange.xml", "data-protection.xml", "legal-status.xml"})
        EXPECT_TRUE(clauses.validate_file(valid(name), problems)) << name;
    for (const char* name : {"templates/mou.xml", "templates/moa.xml", "templates/addendum.xml"})
        EXPECT_TRUE(templates.validate_file(valid(name), problems)) << name;
    EXPECT_TRUE(problems.empty()) << problems.to_string();
}

TEST(SchemaValidator, AFileValidatesOnlyAgainstItsOwnSchema) {
    const SchemaValidator templates(schema("template.xsd"));
    Problems problems;
    EXPECT_FALSE(templates.validate_file(valid("catalogue.xml"), problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.items()[0].where.line, 2);
}

TEST(SchemaValidator, ReportsEveryErrorWithLineAndColumnAndPrintsNothing) {
    const SchemaValidator clauses(schema("clauses.xsd"));
    std::string text = read_file(valid("information-exchange.xml"));
    text.replace(text.find("level=\"communication\""), 21, "level=\"chat\"");
    text.replace(text.find("due=\"P30D\""), 10, "due=\"30 days\"");
    text.replace(text.find("<text lang=\"fr\">spontanément"), 16, "<text lang=\"de\">");
    Problems problems;
    ::testing::internal::CaptureStderr();
    EXPECT_FALSE(clauses.validate(text, "lib/information-exchange.xml", problems));
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    ASSERT_EQ(problems.size(), 3u) << problems.to_string();
    const Problem& level = problems.items()[0];
    EXPECT_EQ(level.where.file, "lib/information-exchange.xml");
    EXPECT_EQ(level.where.line, 15);
    EXPECT_EQ(level.where.column, 14);  // at level=
    EXPECT_THAT(level.message, HasSubstr("clauses.xsd"));
    EXPECT_THAT(level.message, HasSubstr("'chat'"));
    EXPECT_EQ(problems.items()[1].where.line, 22);
    EXPECT_EQ(problems.items()[1].where.column, 58);  // lang="de" of the second <text> on the line
    EXPECT_EQ(problems.items()[2].where.line, 24);
    EXPECT_EQ(problems.items()[2].where.column, 71);  // at due=
}

TEST(SchemaValidator, MalformedXmlIsAnError) {
    const SchemaValidator terms(schema("terms.xsd"));
    Problems problems;
    EXPECT_FALSE(terms.validate("<terms>\n<term>\n</terms>", "t.xml", problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.items()[0].where.line, 3);
    EXPECT_THAT(problems.items()[0].message, HasSubstr("malformed XML"));
}

TEST(SchemaValidator, BrokenSchemaThrows) {
    const auto path = std::filesystem::path(MOUDESK_TEST_OUTPUT_DIR) / "broken.xsd";
    write_file_atomically(
        path,
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>");
    try {
        const SchemaValidator validator(path);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::bad_content);
        EXPECT_THAT(e.what(), HasSubstr("broken.xsd"));
    }
    EXPECT_THROW(SchemaValidator("/nonexistent/schema.xsd"), Error);
    // A missing xs:include is an error in the exception, not a line on stderr.
    const auto includer = std::filesystem::path(MOUDESK_TEST_OUTPUT_DIR) / "includer.xsd";
    write_file_atomically(includer,
                          "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:include "
                          "schemaLocation=\"missing.xsd\"/><xs:element name=\"a\" type=\"t\"/></xs:schema>");
    ::testing::internal::CaptureStderr();
    EXPECT_THROW(SchemaValidator{includer}, Error);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(SchemaValidator, SchemasAcceptTheReadmeExamples) {
    // The shapes documented in clauses/README.md, with the ellipses filled in.
    const SchemaValidator clauses(schema("clauses.xsd"));
    Problems problems;
    EXPECT_TRUE(clauses.validate(R"(<clauses element="information-exchange" version="1">
  <clause id="information-exchange.general" default="true" instruments="mou moa addendum"
          requires="data-protection.general" excludes="">
    <title lang="en">Exchange of information</title>
    <title lang="fr">Échange d'informations</title>
    <guidance lang="en">Advice.</guidance>
    <guidance lang="fr">Conseil.</guidance>
    <variant level="communication">
      <para><text lang="en"><parties form="de"/> <instrument form="a"/> <party index="2"/> <party-list/>
        <term ref="x"/> <term ref="x">given</term> <field ref="y"/> <ref clause="a.b"/></text>
        <text lang="fr">…</text></para>
      <list><item><text lang="en">…</text><text lang="fr">…</text></item></list>
      <para><text lang="en">…</text></para>
      <commitment id="information-exchange.focal-points" party="each" due="P30D" every="P1Y6M">
        <text lang="en">Designate a focal point</text>
      </commitment>
      <commitment id="x.y" party="customs" due="P1Y" every="field:review-months"><text lang="en">t</text></commitment>
    </variant>
  </clause>
</clauses>)",
                                 "readme.xml", problems))
        << problems.to_string();
}

}  // namespace
}  // namespace moudesk::content
