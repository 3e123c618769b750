// The assessment report renderers: DOCX (every XML part well-formed, the chart as a PNG with its
// relationship and content type, shaded matrix cells, page numbers), self-contained HTML with an
// inline SVG chart, PDF with pages — and hostile text escaped in all three.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/zip/zip_package.h"

namespace moudesk::render {
namespace {

namespace fs = std::filesystem;
using diagnostic::Answer;
using diagnostic::Report;
using ::testing::HasSubstr;
using ::testing::Not;

// Markup, quotes, an ampersand, a control character and an invalid byte: each writer must
// escape or clean it, never pass it through.
const std::string hostile = "Douanes & Accises <Frontière> \"Direction\" 'Sud' </w:t><script>alert(1)</script>\x01\xff";
const std::string hostile_shown = "Douanes & Accises <Frontière> \"Direction\" 'Sud' </w:t><script>alert(1)</script>";

Report sample_report(Language language = Language::en, int agreements = 3, int total = 3) {
    content::Library library;
    for (const char* slug : {"information-exchange", "data-protection", "joint-operations"}) {
        content::KeyElement e;
        e.slug = slug;
        e.title = {std::string("Title of ") + slug, std::string("Titre de ") + slug};
        library.elements.push_back(e);
    }
    diagnostic::Questionnaire questionnaire;
    questionnaire.version = "1";
    auto question = [](std::string id, std::string area, std::string text, std::vector<std::string> elements) {
        diagnostic::Question q;
        q.id = std::move(id);
        q.area = std::move(area);
        q.text = {text, text};
        q.elements = std::move(elements);
        q.weaknesses = {{"Nobody knows whom to call.", "Personne ne sait qui appeler."}};
        q.solutions = {{"Name a focal point in each agency.", "Désigner un point focal."}};
        return q;
    };
    diagnostic::Area info{"information", {"Information exchange", "Échange d'informations"}, {}, {}};
    info.questions.push_back(question("info.channel", "information", "Is there a channel? " + hostile,
                                      {"information-exchange", "data-protection"}));
    info.questions.push_back(question("info.time", "information", "Are answers on time?", {"information-exchange"}));
    diagnostic::Area ops{"operations", {"Operations", "Opérations"}, {}, {}};
    ops.questions.push_back(question("ops.joint", "operations", "Joint operations?", {"joint-operations"}));
    diagnostic::Area mon{"monitoring", {"Monitoring", "Suivi"}, {}, {}};
    mon.questions.push_back(question("mon.review", "monitoring", "Reviewed?", {"data-protection"}));
    questionnaire.areas = {info, ops, mon};

    diagnostic::Assessment assessment;
    assessment.title = "Ruritania 2026";
    assessment.country = hostile;
    assessment.agencies = {"Customs", "Police"};
    assessment.date = tracking::Date::from_ymd(2026, 3, 12);
    assessment.answers = {{"info.channel", Answer::partly, hostile, ""},
                          {"info.time", Answer::yes, "", ""},
                          {"ops.joint", Answer::no, "", ""}};
    diagnostic::RegisterCoverage coverage;
    coverage["information-exchange"] = {1, 1, {{7, "MOU-2021-04", "in-force", 2, 0, 1}}};
    coverage["data-protection"] = {1, 0, {{8, hostile, "in-force", 0, 2, 0}}};
    const auto gaps = diagnostic::gaps(questionnaire, assessment, coverage);

    diagnostic::ReportMatrix matrix;
    matrix.elements = {"information-exchange", "data-protection", "joint-operations"};
    for (int r = 0; r < agreements; ++r) {
        matrix.agreements.push_back(r == 0 ? hostile : "AGR-" + std::to_string(r + 1));
        matrix.cells.push_back({1, static_cast<std::uint8_t>(r % 3), 2});
    }
    matrix.agreements_total = total;
    std::vector<diagnostic::ReportAction> actions{
        {"MOU-2021-04", "Name focal points " + hostile, "Customs", "2026-06-30"}};
    return diagnostic::build_report(questionnaire, library, assessment, gaps, matrix, actions, language);
}

// ---- DOCX ---------------------------------------------------------------------------------

struct Package {
    std::vector<ZipEntry> entries;
    std::map<std::string, std::unique_ptr<pugi::xml_document>> xml;

    const ZipEntry* entry(const std::string& name) const {
        for (const auto& e : entries)
            if (e.name == name) return &e;
        return nullptr;
    }
    pugi::xml_node root(const std::string& part) const {
        auto found = xml.find(part);
        return found == xml.end() ? pugi::xml_node() : found->second->document_element();
    }
};

Package open_package(const std::string& bytes) {
    Package p;
    p.entries = read_zip(bytes);
    for (const auto& e : p.entries) {
        if (!(e.name.ends_with(".xml") || e.name.ends_with(".rels"))) continue;
        auto doc = std::make_unique<pugi::xml_document>();
        pugi::xml_parse_result result =
            doc->load_buffer(e.data.data(), e.data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
        EXPECT_TRUE(result) << e.name << ": " << result.description() << " at " << result.offset;
        p.xml.emplace(e.name, std::move(doc));
    }
    return p;
}

// Everything in w:t of the document, paragraphs on their own lines.
std::string docx_text(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        std::string_view name = child.name();
        if (name == "w:t")
            out += child.text().get();
        else
            out += docx_text(child);
        if (name == "w:p") out += "\n";
    }
    return out;
}

TEST(AssessmentReportDocx, PartsAreWellFormedAndTheChartIsEmbedded) {
    const Package p = open_package(render_assessment_report(sample_report(), Format::docx));
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/footer1.xml", "word/header1.xml", "word/media/chart.png"})
        EXPECT_NE(p.entry(part), nullptr) << part;

    // The image: a real PNG, and the relationship and content type that make Word show it.
    const ZipEntry* png = p.entry("word/media/chart.png");
    ASSERT_NE(png, nullptr);
    EXPECT_TRUE(png->data.starts_with("\x89PNG\r\n\x1a\n"));
    bool png_type = false;
    for (pugi::xml_node d : p.root("[Content_Types].xml").children("Default"))
        png_type = png_type || (std::string_view(d.attribute("Extension").value()) == "png" &&
                                std::string_view(d.attribute("ContentType").value()) == "image/png");
    EXPECT_TRUE(png_type);
    std::string image_id;
    for (pugi::xml_node r : p.root("word/_rels/document.xml.rels").children("Relationship"))
        if (std::string_view(r.attribute("Target").value()) == "media/chart.png") {
            image_id = r.attribute("Id").value();
            EXPECT_THAT(r.attribute("Type").value(), HasSubstr("/relationships/image"));
        }
    ASSERT_FALSE(image_id.empty());
    pugi::xml_node document = p.root("word/document.xml");
    pugi::xpath_node blip = document.select_node("//a:blip");
    ASSERT_TRUE(blip);
    EXPECT_EQ(blip.node().attribute("r:embed").value(), image_id);
    pugi::xpath_node inline_drawing = document.select_node("//w:drawing/wp:inline");
    ASSERT_TRUE(inline_drawing);
    pugi::xml_node extent = inline_drawing.node().child("wp:extent");
    EXPECT_GT(extent.attribute("cx").as_llong(), 0);
    EXPECT_GT(extent.attribute("cy").as_llong(), 0);
    EXPECT_THAT(inline_drawing.node().child("wp:docPr").attribute("descr").value(), HasSubstr("Information exchange"));

    // Every paragraph style used is defined.
    std::set<std::string> styles;
    for (pugi::xml_node s : p.root("word/styles.xml").children("w:style"))
        styles.insert(s.attribute("w:styleId").value());
    for (pugi::xpath_node s : document.select_nodes("//w:pStyle | //w:rStyle"))
        EXPECT_TRUE(styles.count(s.node().attribute("w:val").value())) << s.node().attribute("w:val").value();

    // The matrix: shaded cells in both colours, the element titles rotated.
    std::set<std::string> fills;
    for (pugi::xpath_node s : document.select_nodes("//w:tc/w:tcPr/w:shd"))
        fills.insert(s.node().attribute("w:fill").value());
    EXPECT_TRUE(fills.count("9BCB8F"));
    EXPECT_TRUE(fills.count("F2B84B"));
    EXPECT_EQ(document.select_nodes("//w:textDirection[@w:val='btLr']").size(), 3u);

    // Page numbers in the footer, A4.
    EXPECT_THAT(docx_text(p.root("word/footer1.xml")), HasSubstr("Page"));
    bool page_field = false;
    for (pugi::xpath_node i : p.root("word/footer1.xml").select_nodes("//w:instrText"))
        page_field = page_field || std::string_view(i.node().text().get()).find("PAGE") != std::string_view::npos;
    EXPECT_TRUE(page_field);
    EXPECT_EQ(document.select_node("//w:sectPr/w:pgSz").node().attribute("w:w").as_int(), 11906);

    // Headings, scores, a gap's solution, the action plan, the hostile text intact as text.
    const std::string text = docx_text(document);
    for (const char* expected : {"Assessment report", "Scope", "Scores by area", "Gaps", "Action plan",
                                 "Information exchange", "75%", "not assessed", "Name a focal point in each agency.",
                                 "covered on paper, not implemented", "Name focal points"})
        EXPECT_THAT(text, HasSubstr(expected));
    EXPECT_THAT(text, HasSubstr(hostile_shown));
}

TEST(AssessmentReportDocx, FrenchReportIsInFrench) {
    const Package p = open_package(render_assessment_report(sample_report(Language::fr), Format::docx));
    const std::string text = docx_text(p.root("word/document.xml"));
    for (const char* expected : {"Rapport d'évaluation", "Périmètre", "Résultats par domaine", "Lacunes",
                                 "Plan d'action", "partiellement", "aucun accord ne le couvre", "75\u00A0%"})
        EXPECT_THAT(text, HasSubstr(expected));
    EXPECT_THAT(docx_text(p.root("word/footer1.xml")), HasSubstr("sur"));
    EXPECT_THAT(p.entry("word/styles.xml")->data, HasSubstr("fr-FR"));
}

// ---- HTML ---------------------------------------------------------------------------------

TEST(AssessmentReportHtml, SelfContainedWithAnInlineChart) {
    const std::string html = render_assessment_report(sample_report(), Format::html);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_THAT(html, HasSubstr("<svg"));
    EXPECT_THAT(html, HasSubstr("role=\"img\""));
    EXPECT_THAT(html, Not(HasSubstr("<?xml")));
    // Nothing fetched: no scripts, style sheets, images or fonts from elsewhere.
    for (const char* external : {"<script", "<link", "<img", "src=", "url(", "@import", "href=\"http"})
        EXPECT_THAT(html, Not(HasSubstr(external))) << external;
    for (const char* expected : {"Scores by area", "Information exchange", "75%", "Name a focal point in each agency.",
                                 "class=\"covered\"", "class=\"overdue\"", "class=\"swatch covered\""})
        EXPECT_THAT(html, HasSubstr(expected));
    // The hostile text escaped, its raw markup nowhere.
    EXPECT_THAT(html, HasSubstr("Douanes &amp; Accises &lt;Frontière&gt; &quot;Direction&quot; &apos;Sud&apos;"));
    EXPECT_THAT(html, HasSubstr("&lt;script&gt;"));
    EXPECT_THAT(html, Not(HasSubstr("<Frontière>")));
    EXPECT_THAT(html, Not(HasSubstr("\x01")));
    EXPECT_THAT(html, Not(HasSubstr("\xff")));

    // Well-formed enough for an XML parser once the doctype and void <meta>/<br> are set aside:
    // every tag we open is closed.
    std::string xml = html.substr(html.find("<html"));
    for (const char* tag : {"<meta charset=\"utf-8\">", "<meta name=\"generator\" content=\"moudesk\">"}) {
        auto at = xml.find(tag);
        ASSERT_NE(at, std::string::npos);
        xml.erase(at, std::string(tag).size());
    }
    for (auto at = xml.find("<br>"); at != std::string::npos; at = xml.find("<br>")) xml.replace(at, 4, "<br/>");
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
    EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << ": "
                        << xml.substr(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset - 80)), 160);
}

// ---- PDF ----------------------------------------------------------------------------------

int page_count(const std::string& pdf) {
    int pages = 0;
    for (auto at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
        if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
    return pages;
}

TEST(AssessmentReportPdf, HasPagesAndMetadata) {
    const std::string pdf = render_assessment_report(sample_report(), Format::pdf);
    EXPECT_TRUE(pdf.starts_with("%PDF-"));
    EXPECT_GE(page_count(pdf), 1);
    EXPECT_THAT(pdf, HasSubstr("moudesk"));
    EXPECT_THAT(pdf, HasSubstr("%%EOF"));
}

TEST(AssessmentReportPdf, LongMatrixRunsOntoMorePages) {
    const int short_pages = page_count(render_assessment_report(sample_report(Language::en, 3, 3), Format::pdf));
    const std::string pdf = render_assessment_report(sample_report(Language::en, 60, 75), Format::pdf);
    EXPECT_GE(page_count(pdf), short_pages);
    // The capped matrix says what it left out in every format.
    const Report long_report = sample_report(Language::en, 60, 75);
    EXPECT_EQ(long_report.matrix.agreements.size(), diagnostic::max_matrix_rows);
    EXPECT_THAT(render_assessment_report(long_report, Format::html), HasSubstr("35 more agreements are not shown"));
    const Package p = open_package(render_assessment_report(long_report, Format::docx));
    EXPECT_THAT(docx_text(p.root("word/document.xml")), HasSubstr("35 more agreements are not shown"));
}

// ---- every format, edge cases ---------------------------------------------------------------

TEST(AssessmentReport, RefusesOtherFormats) {
    for (Format f : {Format::odt, Format::text}) {
        try {
            render_assessment_report(sample_report(), f);
            ADD_FAILURE() << to_code(f) << " accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.category(), ErrorCategory::bad_input);
            EXPECT_THAT(e.what(), HasSubstr("docx, pdf or html"));
        }
    }
}

TEST(AssessmentReport, EmptyReportRendersInEveryFormat) {
    Report r;
    r.title = "Assessment report";
    r.labels.no_gaps = "No gaps here.";
    r.labels.no_agreements = "No agreements here.";
    r.labels.no_actions = "No actions here.";
    r.labels.overall = "Overall";
    r.labels.not_assessed = "not assessed";
    for (Format f : {Format::docx, Format::pdf, Format::html}) {
        SCOPED_TRACE(to_code(f));
        const std::string bytes = render_assessment_report(r, f);
        EXPECT_FALSE(bytes.empty());
        if (f == Format::html) {
            EXPECT_THAT(bytes, HasSubstr("No gaps here."));
            EXPECT_THAT(bytes, HasSubstr("No agreements here."));
            EXPECT_THAT(bytes, HasSubstr("No actions here."));
        }
        if (f == Format::docx) open_package(bytes);  // well-formed
    }
}

TEST(AssessmentReport, WritesAtomically) {
    const fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "assessment-report";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const Report r = sample_report();
    for (const char* name : {"report.docx", "report.pdf", "report.html"}) {
        const fs::path path = dir / name;
        write_assessment_report(r, *format_from_path(path), path);
        EXPECT_GT(fs::file_size(path), 1000u) << name;
    }
    // A refused format leaves the existing file as it was and nothing beside it.
    const std::string before = read_file(dir / "report.pdf");
    EXPECT_THROW(write_assessment_report(r, Format::odt, dir / "report.pdf"), Error);
    EXPECT_EQ(read_file(dir / "report.pdf"), before);
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 3);
    // A missing folder is the environment's fault, and says where.
    try {
        write_assessment_report(r, Format::html, dir / "missing" / "report.html");
        ADD_FAILURE() << "wrote into a missing folder";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_THAT(e.what(), HasSubstr("missing"));
    }
}

}  // namespace
}  // namespace moudesk::render
