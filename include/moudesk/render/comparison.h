#pragma once
/// @brief A comparison of two versions of an agreement as a DOCX with tracked changes: the later
/// version's whole text, with what changed since the earlier version as revisions (w:ins, w:del)
/// that Word and LibreOffice show, accept and reject.

#include <filesystem>
#include <string>

#include "moudesk/core/language.h"
#include "moudesk/drafting/compare.h"

namespace moudesk::render {

/// Who made the changes, when, and between which versions.
struct ComparisonInfo {
    std::string author = "moudesk";  ///< w:author of every revision ("moudesk" or the user's name)
    std::string date;                ///< ISO 8601: "2026-11-30T00:00:00Z" or "2026-11-30"; empty: now (UTC)
    std::string before_title;        ///< the earlier version as the register names it; empty: "earlier version"
    std::string after_title;         ///< the later version; empty: "later version"
};

/// The bytes of the DOCX: unchanged units as plain text; changed words as revisions; added
/// clauses as insertions and removed clauses as deletions, paragraph marks included, so accepting
/// every change gives the later version and rejecting every change the earlier one (article and
/// cross-reference numbers stay the later version's). Revision tracking is on in the document.
/// Throws Error(bad_input) when `language` is not one of the compared languages or `info.date`
/// is not an ISO 8601 date or date-time.
std::string render_comparison_docx(const drafting::Comparison& comparison, Language language,
                                   const ComparisonInfo& info);

/// Renders and writes to `path` through a temporary file renamed at the end: a failure leaves any
/// existing file untouched and no partial file behind. Throws Error(bad_input) as above, or
/// Error(environment) naming the path when it cannot be written.
void render_comparison_docx(const drafting::Comparison& comparison, Language language,
                            const std::filesystem::path& path, const ComparisonInfo& info);

}  // namespace moudesk::render
