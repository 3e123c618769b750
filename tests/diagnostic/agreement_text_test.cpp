// Text extraction from the files assessors import: plain text in any common encoding, DOCX,
// ODT and PDF (the test set's LibreOffice conversions and small hand-made fixtures), and errors
// that name the file.

#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/diagnostic/agreement_text.h"

namespace moudesk::diagnostic {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

fs::path detection(const std::string& name) {
    return fs::path(MOUDESK_TEST_DATA_DIR) / "detection" / name;
}
fs::path fixture(const std::string& name) {
    return detection("formats/" + name);
}

// Runs extract_text and returns the error it throws; fails the test when it does not throw.
Error extraction_error(const fs::path& path) {
    try {
        extract_text(path);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << path;
    return Error(ErrorCategory::internal, "");
}

TEST(AgreementText, ReadsUtf8TextAsIs) {
    std::string text = extract_text(detection("fr_mou_articles.txt"));
    EXPECT_THAT(text, HasSubstr("Article premier – Objet"));
    EXPECT_THAT(text, HasSubstr("« les Participants »"));
}

TEST(AgreementText, DropsTheByteOrderMarkAndNormalisesLineEnds) {
    EXPECT_EQ(decode_plain_text("\xEF\xBB\xBFLine one\r\nLine two\r", "x.txt"), "Line one\nLine two\n");
}

TEST(AgreementText, TranscodesWindows1252AndLatin1) {
    EXPECT_EQ(extract_text(fixture("latin1.txt")), "Article 5 – Échange d’informations entre les services.\n");
}

TEST(AgreementText, ReadsUtf16WithAByteOrderMark) {
    EXPECT_EQ(extract_text(fixture("utf16.txt")), "Le présent mémorandum a pour objet la coopération.\n");
}

TEST(AgreementText, RefusesBinaryDataInATextFile) {
    Error e = extraction_error(fixture("binary.txt"));
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), HasSubstr("binary.txt"));
}

TEST(AgreementText, DocxParagraphsTabsBreaksAndTrackedChanges) {
    std::string text = extract_text(fixture("markup.docx"));
    EXPECT_EQ(text,
              "Article 4 – Échange d’informations\n\n"
              "1.\tThe Participants will exchange\ninformation.\n\n"
              "Cell one\n\nCell two");
    EXPECT_THAT(text, AllOf(Not(HasSubstr("never")), Not(HasSubstr("PAGE"))));
}

TEST(AgreementText, DocxConvertedByLibreOffice) {
    std::string text = extract_text(detection("en_mou_airport_roman.docx"));
    EXPECT_THAT(text, HasSubstr("III. THE JOINT AIRPORT INTERDICTION TASK FORCE"));
    EXPECT_THAT(text, HasSubstr("• the profiling of flights and passengers considered at high risk;"));
}

TEST(AgreementText, OdtSpacesTabsLineBreaksListsAndNotes) {
    std::string text = extract_text(fixture("markup.odt"));
    EXPECT_EQ(text,
              "Article 2 – Définitions\n\n"
              "Au sens du   présent mémorandum,\ton entend\npar :\n\n"
              "a) « information » : toute donnée ;");
}

TEST(AgreementText, OdtConvertedByLibreOffice) {
    std::string text = extract_text(detection("fr_mou_articles.odt"));
    EXPECT_THAT(text, HasSubstr("Article 5 – Confidentialité et protection des données à caractère personnel"));
}

TEST(AgreementText, PdfPagesWithoutRunningHeadersAndPageNumbers) {
    std::string text = extract_text(fixture("running_header.pdf"));
    EXPECT_THAT(text, HasSubstr("Article 7 - Costs"));
    EXPECT_THAT(text, HasSubstr("costs arising from\nthe carrying out"));
    EXPECT_THAT(text, HasSubstr("Either Participant\nmay terminate"));
    EXPECT_THAT(text, AllOf(Not(HasSubstr("Restricted")), Not(HasSubstr("Page 2"))));
}

TEST(AgreementText, PdfConvertedByLibreOffice) {
    std::string text = extract_text(detection("en_moa_comprehensive_long.pdf"));
    EXPECT_THAT(text, HasSubstr("Article 27 – Languages and signature"));
    EXPECT_GT(text.size(), 60000u);
}

TEST(AgreementText, DamagedFilesAreBadInputNamingTheFile) {
    for (const char* name : {"damaged.pdf", "damaged.docx", "no_document.docx", "malformed.docx", "no_text.pdf"}) {
        Error e = extraction_error(fixture(name));
        EXPECT_EQ(e.category(), ErrorCategory::bad_input) << name << ": " << e.what();
        EXPECT_THAT(e.what(), HasSubstr(name));
    }
}

// Imported archives are checked before they are unpacked: a part declaring more than 256 MiB
// is refused, and so is a part whose CRC fails.
TEST(AgreementText, ZipBombsAndBadChecksumsAreBadInput) {
    Error bomb = extraction_error(fixture("zip_bomb.docx"));
    EXPECT_EQ(bomb.category(), ErrorCategory::bad_input);
    EXPECT_THAT(bomb.what(), AllOf(HasSubstr("zip_bomb.docx"), HasSubstr("word/document.xml declares 314572800 bytes"),
                                   HasSubstr("over the limit of 256 MiB")));
    Error crc = extraction_error(fixture("bad_crc.docx"));
    EXPECT_EQ(crc.category(), ErrorCategory::bad_input);
    EXPECT_THAT(crc.what(), AllOf(HasSubstr("bad_crc.docx"), HasSubstr("word/document.xml is damaged")));
}

TEST(AgreementText, AFileOfAnotherFormatIsBadInput) {
    fs::path doc = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "accord frontière.doc";
    write_file_atomically(doc, "old Word file");
    Error e = extraction_error(doc);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), AllOf(HasSubstr("accord frontière.doc"), HasSubstr(".docx")));
}

TEST(AgreementText, TextWithTheWrongExtensionIsBadInput) {
    fs::path fake = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "protocole déguisé.odt";
    write_file_atomically(fake, "Ceci n'est pas un document ODT.");
    Error e = extraction_error(fake);
    EXPECT_EQ(e.category(), ErrorCategory::bad_input);
    EXPECT_THAT(e.what(), AllOf(HasSubstr("protocole déguisé.odt"), HasSubstr("ODT")));
}

TEST(AgreementText, AMissingFileIsAnEnvironmentError) {
    for (const char* name : {"absent.txt", "absent.docx", "absent.pdf"}) {
        Error e = extraction_error(fs::path(MOUDESK_TEST_OUTPUT_DIR) / name);
        EXPECT_EQ(e.category(), ErrorCategory::environment) << name;
        EXPECT_THAT(e.what(), HasSubstr(name));
    }
}

}  // namespace
}  // namespace moudesk::diagnostic
