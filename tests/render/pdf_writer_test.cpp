// PDF writer: a valid file for every layout, metadata, embedded fonts, pagination of long text.
// What a reader sees in it is checked in reader_test.cpp with pdftotext.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "moudesk/render/writer.h"
#include "sample_document.h"

namespace moudesk::render {
namespace {

using drafting::BlockKind;
using drafting::Layout;

// Page objects in cairo's output ("/Type /Page", not "/Type /Pages").
std::size_t page_count(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<std::size_t>(
        std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

bool looks_like_pdf(const std::string& pdf) {
    return pdf.rfind("%PDF-1.", 0) == 0 &&
           pdf.find("%%EOF", pdf.size() > 64 ? pdf.size() - 64 : 0) != std::string::npos;
}

drafting::Document with_paragraphs(Layout layout, int count) {
    drafting::Document doc = test::sample_document(layout);
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "The Participants shall exchange information on risk indicators and seizures without delay. ";
    for (int i = 0; i < count; ++i) {
        drafting::Row row;
        row.kind = BlockKind::paragraph;
        for (std::size_t c = 0; c < doc.languages.size(); ++c)
            row.cells.push_back(test::make_block(BlockKind::paragraph, std::to_string(i + 2) + ".", text));
        doc.rows.insert(doc.rows.end() - 2, row);
    }
    return doc;
}

TEST(PdfWriter, EveryLayoutGivesAValidPdf) {
    for (Layout layout : {Layout::single, Layout::side_by_side, Layout::sequence}) {
        SCOPED_TRACE(drafting::to_code(layout));
        std::string pdf = render_pdf(test::sample_document(layout));
        EXPECT_TRUE(looks_like_pdf(pdf));
        EXPECT_GE(page_count(pdf), 1u);
    }
}

TEST(PdfWriter, SequenceStartsTheSecondLanguageOnANewPage) {
    EXPECT_EQ(page_count(render_pdf(test::sample_document(Layout::single))), 1u);
    EXPECT_EQ(page_count(render_pdf(test::sample_document(Layout::side_by_side))), 1u);
    EXPECT_EQ(page_count(render_pdf(test::sample_document(Layout::sequence))), 2u);
}

TEST(PdfWriter, LongDocumentsBreakIntoPages) {
    std::string single = render_pdf(with_paragraphs(Layout::single, 40));
    std::string side_by_side = render_pdf(with_paragraphs(Layout::side_by_side, 40));
    EXPECT_TRUE(looks_like_pdf(single));
    EXPECT_GE(page_count(single), 4u);
    EXPECT_GT(page_count(side_by_side), page_count(single)) << "half-width columns take more pages";
}

TEST(PdfWriter, EmbedsFontsAndSetsTitleMetadata) {
    drafting::Document doc = test::sample_document(Layout::single);
    doc.title.en = "Memorandum of Understanding on Customs Cooperation";
    std::string pdf = render_pdf(doc);
    EXPECT_NE(pdf.find("/FontFile2"), std::string::npos) << "TrueType subsets embedded";
    // Plain ASCII is stored as a literal string; reader_test checks a hostile title with pdfinfo.
    EXPECT_NE(pdf.find("/Title (Memorandum of Understanding on Customs Cooperation)"), std::string::npos);
    EXPECT_NE(pdf.find("/Creator (moudesk)"), std::string::npos);
}

TEST(PdfWriter, CrossReferencesBecomeLinksAndArticlesBookmarks) {
    std::string pdf = render_pdf(test::sample_document(Layout::single));
    EXPECT_NE(pdf.find("/Subtype /Link"), std::string::npos);
    EXPECT_NE(pdf.find("/Outlines"), std::string::npos);
    EXPECT_NE(pdf.find("/Title (General provisions)"), std::string::npos);
}

TEST(PdfWriter, TenThousandCharacterNameWithoutSpacesStillRenders) {
    drafting::Document doc = test::sample_document(Layout::side_by_side);
    std::string name;
    for (int i = 0; i < 1000; ++i) name += "Abcdefghij";
    doc.rows[0].cells[0].spans[0].text = "Memorandum between " + name;
    doc.title.en = doc.rows[0].cells[0].spans[0].text;
    doc.rows.back().cells[0].signatures[0].heading = "For " + name;
    std::string pdf = render_pdf(doc);
    EXPECT_TRUE(looks_like_pdf(pdf));
    EXPECT_GT(page_count(pdf), 3u) << "the name wraps over many lines and pages";
}

TEST(PdfWriter, EmptyDocumentIsOneBlankPage) {
    drafting::Document doc;
    doc.languages = {Language::fr};
    std::string pdf = render_pdf(doc);
    EXPECT_TRUE(looks_like_pdf(pdf));
    EXPECT_EQ(page_count(pdf), 1u);
}

TEST(PdfWriter, MissingCellsAndUnknownReferencesAreTolerated) {
    drafting::Document doc = test::sample_document(Layout::side_by_side);
    doc.rows[2].cells.pop_back();  // a row with only the first language
    for (auto& row : doc.rows)
        for (auto& cell : row.cells)
            for (auto& span : cell.spans)
                if (span.style == drafting::Span::Style::reference) span.link = "article-99";
    std::string pdf = render_pdf(doc);
    EXPECT_TRUE(looks_like_pdf(pdf));
    EXPECT_EQ(pdf.find("/Subtype /Link"), std::string::npos) << "no link to an article that does not exist";
}

}  // namespace
}  // namespace moudesk::render
