#pragma once
/// @brief WordprocessingML pieces shared by the DOCX writers (the agreement and the tracked-changes
/// comparison): runs with direction and language, paragraph styles, sections, and the package
/// around a document part. Internal to the render module; defined in docx_writer.cpp.

#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/language.h"
#include "moudesk/drafting/document.h"

namespace moudesk::render::docx {

// A4 in twentieths of a point, 2.5 cm margins all round.
inline constexpr int page_width = 11906;
inline constexpr int page_height = 16838;
inline constexpr int page_margin = 1418;
inline constexpr int text_width = page_width - 2 * page_margin;

inline constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr std::string_view w_namespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// "en-GB" or "fr-FR".
const char* word_language(Language language);

struct RunFormat {
    std::string_view style;  ///< character style id, empty for none
    bool highlight = false;
    bool deleted = false;  ///< text in w:delText, for runs inside w:del
};

/// Appends `text` (cleaned and escaped here) as runs: one per direction, w:br for newlines, w:tab
/// for tabs.
void append_runs(std::string& out, std::string_view text, Language language, const RunFormat& format = {});

/// Opens a w:p with `style` (none when empty). Formatting comes from styles only.
void open_paragraph(std::string& out, std::string_view style);

/// The paragraph style of a block: "Title", "Heading1", "Heading2", "NumberedParagraph" (a
/// labelled paragraph), "ListItem", "SignatureIntro", or empty.
std::string_view block_style(drafting::BlockKind kind, bool labelled);

/// A section: its language, running header text and 1-based number (header<n>.xml, footer<n>.xml).
struct Section {
    Language language;
    std::string header;
    int number;
};

/// The w:sectPr of `section`: A4, headers and footers; `new_page` starts it on a new page.
std::string section_properties(const Section& section, bool new_page);

/// What goes around a document part.
struct PackageInfo {
    std::vector<Section> sections;  ///< one header and footer part each
    Language language;              ///< of the styles, settings and metadata
    std::string title;              ///< dc:title
    bool track_revisions = false;   ///< w:trackRevisions in the settings: later edits are tracked too
};

/// The bytes of a DOCX package around `document_xml` (the whole word/document.xml).
std::string package(std::string document_xml, const PackageInfo& info);

}  // namespace moudesk::render::docx
