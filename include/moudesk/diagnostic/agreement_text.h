#pragma once
/// @brief The text of an existing agreement, taken from the file an assessor imports (plain
/// text, DOCX, ODT or PDF), so that the detector can look for key elements in it.

#include <filesystem>
#include <string>
#include <string_view>

namespace moudesk::diagnostic {

/// The formats extract_text() reads, chosen by the file's extension (case-insensitive).
enum class AgreementFormat { text, docx, odt, pdf };

/// The format of `path` by its extension (.txt/.text, .docx, .odt, .pdf). Throws
/// Error(bad_input) naming the file for any other extension.
AgreementFormat agreement_format(const std::filesystem::path& path);

/// The text of the agreement in `path`, as UTF-8: one paragraph per line, a blank line between
/// paragraphs (DOCX, ODT; PDF keeps the lines of the page), tabs and line breaks kept.
/// - .txt: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or else Windows-1252/Latin-1.
/// - .docx: word/document.xml; tracked deletions, field codes and footnotes are left out.
/// - .odt: content.xml; text:s, text:tab and text:line-break are honoured, tracked deletions
///   left out.
/// - .pdf: each page's text through poppler; repeated running headers/footers and page numbers
///   are removed.
/// Throws Error(bad_input) naming the file when it is corrupt, of an unsupported kind,
/// password-protected or has no text (a scanned PDF); Error(environment) when it cannot be read.
std::string extract_text(const std::filesystem::path& path);

/// The bytes of a plain-text file as UTF-8 (see extract_text). `name` is used in errors.
/// Throws Error(bad_input) when the bytes look binary (NUL bytes without a UTF-16 BOM).
std::string decode_plain_text(std::string_view bytes, const std::string& name);

}  // namespace moudesk::diagnostic
