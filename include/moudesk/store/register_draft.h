#pragma once
/// @brief "Register this draft": a draft from the drafting workspace becomes an agreement of the
/// register (or a new version of one), with its parties, level, languages and key elements.
#include <string>

#include "moudesk/diagnostic/gaps.h"
#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::content {
struct Library;
}
namespace moudesk::drafting {
struct Draft;
}

namespace moudesk::store {

/// The agreement a draft describes: title (the assembled document's title in the draft's first
/// language), instrument, parties with signatories, level, languages, key elements (source
/// "draft"). Status draft.
AgreementRecord agreement_from_draft(const content::Library& library, const drafting::Draft& draft,
                                     const std::string& reference);

/// Adds the agreement and its first version (the .moudraft text and its rendering as plain text)
/// in one transaction; returns its id.
Id register_draft(Database& db, const content::Library& library, const drafting::Draft& draft,
                  const std::string& reference, const std::string& rendered_text, const std::string& label);

/// What an addendum to agreement `id` takes from it: the parties, languages and level of its
/// latest draft version when it has one, else of its register record; its title and signature
/// date; the instrument it amends (an exchange of letters is amended like an MOU).
diagnostic::AddendumBasis addendum_basis(Database& db, Id agreement);

}  // namespace moudesk::store
