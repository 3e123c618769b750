#pragma once
/// @brief What the Library page shows, built from the content model: the HTML of a key element,
/// a clause or one variant (English and French side by side, fields highlighted), the library
/// overview and a problem, and the search keys the library search compares.
///
/// Links in the HTML: "element:<slug>", "clause:<id>", "group:cooperation" / "group:final",
/// "#term-<id>" (an anchor on the same page) and "open:<path>" (open a file of the library).
/// Anchors: "variant-<n>" before the text of each variant shown, "term-<id>" at each term.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <wx/string.h>

#include "drafting_labels.h"
#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"

namespace moudesk::gui {

// --- search ----------------------------------------------------------------------------------

/// `text` as the library search compares it: case folded, accents removed (É → e, œ → oe),
/// typographic apostrophes as ', runs of white space as one space.
std::string search_key(std::string_view text);

/// The search key of everything a search looks at in a key element: slug, titles, descriptions,
/// handbook section and patterns, in both languages.
std::string element_search_text(const content::KeyElement& element);
/// The search key of a clause's id, titles, guidance and every variant's text, both languages.
std::string clause_search_text(const content::Library& library, const content::Clause& clause);
/// The search key of one variant's text and commitments, both languages.
std::string variant_search_text(const content::Library& library, const content::Variant& variant);

/// Whether every word of `query` occurs in `haystack` (a search key); an empty query matches.
bool search_matches(std::string_view haystack, std::string_view query);

// --- text ------------------------------------------------------------------------------------

/// The text as the library shows it without a draft: fields as [label], wording that depends on
/// the instrument as "will/shall", the parties as "the Participants/Parties".
std::string plain_text(const content::Library& library, const content::RichText& text, Language language);

// --- names, translated -------------------------------------------------------------------------

// Partnership levels: level_label() in drafting_labels.h.
wxString group_name(content::ElementGroup group);
/// "MOU", "MOA", "Addendum".
wxString instrument_name(Instrument instrument);
/// "each party", "the parties jointly", "customs", "police" …
wxString party_name(std::string_view party);
/// An ISO 8601 duration in words ("30 days", "1 year and 6 months"); the code itself when it
/// cannot be read.
wxString duration_text(std::string_view iso);
/// A field's type: "text", "date", "whole number from 1 to 90".
wxString field_type_text(const content::Field& field);

// --- pages -----------------------------------------------------------------------------------

/// The library as a whole: counts, folders, the key elements by group, problems found.
std::string overview_html(const content::Library& library, const Problems& problems,
                          const std::filesystem::path& clauses_dir, const std::filesystem::path& templates_dir,
                          Language ui);
/// The key elements of one group, with links.
std::string group_html(const content::Library& library, content::ElementGroup group, Language ui);
/// A key element: titles in both languages, description, group, handbook section, recognition
/// patterns, its clauses.
std::string element_html(const content::Library& library, const content::KeyElement& element, Language ui);
/// A clause: titles, guidance, instruments, requires/excludes (links), then `only` (or, when null,
/// every variant) in English and French side by side with fields highlighted, its commitments, the
/// fields and the terms it uses.
std::string clause_html(const content::Library& library, const content::Clause& clause, const content::Variant* only,
                        Language ui);
/// What a search found: the key elements and clauses that match `query`, as links.
std::string search_html(const content::Library& library, const std::string& query,
                        const std::vector<const content::KeyElement*>& elements,
                        const std::vector<const content::Clause*>& clauses, Language ui);
/// One problem of the library: where it is, the message and the lines around it in the file.
std::string problem_html(const Problem& problem, Language ui);

}  // namespace moudesk::gui
