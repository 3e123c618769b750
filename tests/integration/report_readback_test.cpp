// The assessment report read back by real readers: an assessment against the bundled
// questionnaire and library, rendered as DOCX, PDF and HTML; LibreOffice reads the DOCX (as text,
// and as PDF to see that it shows the chart image), pdftotext reads the PDF. Headings, every area
// name and a gap's solution must be there. Pages are also rendered to PNG in the build folder
// (report-readback/*.png) for a person to look at the chart and the matrix.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/diagnostic/report.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/zip/zip_package.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::diagnostic;
using moudesk::test::normalize_space;
using moudesk::test::run;

namespace {

const content::Library& library() {
    static const content::Library lib = [] {
        Problems problems;
        const fs::path data = content::bundled_data_dir();
        content::Library l = content::load_library(data / "clauses", data / "templates", problems);
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return l;
    }();
    return lib;
}

const Questionnaire& questionnaire() {
    static const Questionnaire q = [] {
        Problems problems;
        Questionnaire loaded = load_questionnaire(bundled_questionnaire_path(), problems, &library());
        EXPECT_FALSE(problems.has_errors()) << problems.to_string();
        return loaded;
    }();
    return q;
}

// An assessment with every kind of answer; one area is left wholly unassessed so the chart
// shows a "not assessed" row. The country carries markup and an ampersand.
Assessment sample_assessment() {
    Assessment a;
    a.title = "Valmont 2026 — follow-up";
    a.country = "Valmont <North> & \"South\"";
    a.agencies = {"Customs Directorate", "National Police"};
    a.assessors = {"A. Assessor", "B. Évaluatrice"};
    a.date = tracking::Date::from_ymd(2026, 3, 12);
    a.questionnaire_version = questionnaire().version;
    const Answer cycle[] = {Answer::yes, Answer::partly, Answer::no, Answer::yes, Answer::not_applicable};
    std::size_t i = 0;
    for (const Area& area : questionnaire().areas) {
        if (area.id == "international") continue;
        for (const Question& q : area.questions) {
            Answer answer = cycle[i++ % std::size(cycle)];
            if (area.id == "legal-framework") answer = Answer::yes;  // a full bar
            a.answers.push_back({q.id, answer, "", ""});
        }
    }
    return a;
}

struct Sample {
    Assessment assessment = sample_assessment();
    std::vector<Gap> found;
    ReportMatrix matrix;
    std::vector<ReportAction> actions;
};

Sample sample() {
    Sample s;
    RegisterCoverage coverage;
    int n = 0;
    for (const auto& element : library().elements) {
        if (element.group != content::ElementGroup::cooperation) continue;
        s.matrix.elements.push_back(element.slug);
        // Every third element uncovered, the others covered, implemented or not.
        switch (n++ % 3) {
            case 0: break;
            case 1: coverage[element.slug] = {2, 0, {{1, "MOU-2019-01", "in-force", 0, 1, 2}}}; break;
            default: coverage[element.slug] = {1, 1, {{2, "MOA-2021-07", "in-force", 3, 0, 0}}};
        }
    }
    s.found = gaps(questionnaire(), s.assessment, coverage);
    // 45 agreements: more than the report shows.
    for (int r = 0; r < 45; ++r) {
        s.matrix.agreements.push_back((r % 2 ? "MOU-20" : "MOA-20") + std::to_string(10 + r % 15) + "-" +
                                      std::to_string(r + 1));
        std::vector<std::uint8_t> row;
        for (std::size_t c = 0; c < s.matrix.elements.size(); ++c)
            row.push_back(static_cast<std::uint8_t>((r + c) % 4 == 0 ? 2 : (r * 7 + c) % 3 == 0 ? 0 : 1));
        s.matrix.cells.push_back(std::move(row));
    }
    s.matrix.agreements_total = 45;
    s.actions = {{"MOU-2019-01", "Name a focal point in each agency", "Customs Directorate", "2026-05-31"},
                 {"MOU-2019-01", "Agree time limits for answers to requests", "National Police", "2026-06-30"},
                 {"MOA-2021-07", "Joint risk analysis workshop", "Customs Directorate", "2026-09-15"}};
    return s;
}

class ReportReadback : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* tool : {"soffice", "pdftotext", "pdftoppm", "pdfimages"})
            ASSERT_TRUE(test::on_path(tool)) << tool << " is needed: run scripts/install-deps.sh";
        dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "report-readback";
        fs::remove_all(dir);
        fs::create_directories(dir);
    }

    fs::path dir;
};

TEST_F(ReportReadback, LibreOfficeAndPdftotextSeeTheReport) {
    ASSERT_FALSE(questionnaire().areas.empty());
    const Sample s = sample();
    ASSERT_FALSE(s.found.empty());
    const Report report =
        build_report(questionnaire(), library(), s.assessment, s.found, s.matrix, s.actions, Language::en);
    for (const char* ext : {"docx", "pdf", "html"}) {
        const fs::path path = dir / (std::string("report-") + ext + "." + ext);
        render::write_assessment_report(report, *render::format_from_path(path), path);
    }
    // The French PDF too, to look at.
    const Report french =
        build_report(questionnaire(), library(), s.assessment, s.found, s.matrix, s.actions, Language::fr);
    render::write_assessment_report(french, render::Format::pdf, dir / "report-fr.pdf");

    // LibreOffice: the DOCX as text, and as PDF (what it shows, the chart image included).
    const fs::path lo = dir / "libreoffice";
    const std::string profile = "-env:UserInstallation=file://" + (dir / "lo-profile").string();
    auto converted = run({"soffice", profile, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                          lo.string(), (dir / "report-docx.docx").string()},
                         240);
    ASSERT_EQ(converted.code, 0) << converted.err;
    converted = run({"soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", lo.string(),
                     (dir / "report-docx.docx").string()},
                    240);
    ASSERT_EQ(converted.code, 0) << converted.err;
    auto pdf = run({"pdftotext", "-enc", "UTF-8", (dir / "report-pdf.pdf").string(), "-"});
    ASSERT_EQ(pdf.code, 0) << pdf.err;
    auto lo_pdf = run({"pdftotext", "-enc", "UTF-8", (lo / "report-docx.pdf").string(), "-"});
    ASSERT_EQ(lo_pdf.code, 0) << lo_pdf.err;

    const std::vector<std::pair<std::string, std::string>> readings{
        {"LibreOffice (docx as text)", read_file(lo / "report-docx.txt")},
        {"LibreOffice (docx as pdf)", lo_pdf.out},
        {"pdftotext (pdf)", pdf.out}};
    const ReportGap& gap = report.gaps.front();
    ASSERT_FALSE(gap.solutions.empty());
    for (const auto& [reader, raw] : readings) {
        SCOPED_TRACE(reader);
        const std::string text = normalize_space(raw);
        for (const std::string& heading : {report.title, report.labels.scope, report.labels.scores, report.labels.gaps,
                                           report.labels.matrix, report.labels.action_plan})
            EXPECT_NE(text.find(heading), std::string::npos) << "heading “" << heading << "” missing";
        // The chart is a picture in the DOCX; the scores table names every area in all readers.
        for (const auto& area : report.area_scores)
            EXPECT_NE(text.find(normalize_space(area.area)), std::string::npos) << "area “" << area.area << "”";
        EXPECT_NE(text.find(normalize_space(gap.solutions.front())), std::string::npos)
            << "solution “" << gap.solutions.front() << "”";
        EXPECT_NE(text.find("Valmont <North> & \"South\""), std::string::npos);
        EXPECT_NE(text.find("5 more agreements are not shown"), std::string::npos);
        EXPECT_NE(text.find(report.labels.not_assessed), std::string::npos);
    }

    // The chart image is in the DOCX, and LibreOffice places it on a page.
    bool chart = false;
    for (const auto& entry : read_zip(read_file(dir / "report-docx.docx")))
        chart = chart || (entry.name == "word/media/chart.png" && entry.data.starts_with("\x89PNG"));
    EXPECT_TRUE(chart);
    auto images = run({"pdfimages", "-list", (lo / "report-docx.pdf").string()});
    ASSERT_EQ(images.code, 0) << images.err;
    EXPECT_NE(images.out.find(" image "), std::string::npos) << images.out;

    // Pages as pictures for a person to look at: the PDF's first pages and the DOCX's, as
    // LibreOffice lays them out.
    for (const auto& [pdf_file, prefix] : std::vector<std::pair<fs::path, std::string>>{
             {dir / "report-pdf.pdf", "pdf"}, {dir / "report-fr.pdf", "pdf-fr"}, {lo / "report-docx.pdf", "docx"}}) {
        auto png = run({"pdftoppm", "-png", "-r", "60", pdf_file.string(), (dir / prefix).string()});
        ASSERT_EQ(png.code, 0) << png.err;
    }
    bool pictures = false;
    for (const auto& entry : fs::directory_iterator(dir)) pictures = pictures || entry.path().extension() == ".png";
    EXPECT_TRUE(pictures);
}

}  // namespace
