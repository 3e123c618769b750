#pragma once
/// @brief Full-text search (SQLite FTS5) over agreements, parties, document texts, actions and
/// their notes; accents and case do not matter.
#include <string>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

struct SearchHit {
    std::string kind;  ///< "agreement", "party", "document", "action"
    Id ref = 0;        ///< the id of the agreement, party, document version or action
    Id agreement = 0;
    std::string reference;  ///< the agreement's reference
    std::string title;      ///< what was found: an agreement or action title, a party name, a version label
    std::string snippet;    ///< the matching text with the words in [brackets]
};

/// Hits for every word of `words` (the last one also as a prefix), best first. Any text is
/// safe: FTS5 operators in it are taken as words. Ranking is bounded: the 4 × `limit` newest
/// matches are ranked, so a word found in every agreement of a large register still answers at once.
/// Best first means: words in the title (an agreement or action title, a party name, a version
/// label) before words in the rest, more occurrences in a shorter text first (BM25-style, without
/// weighing rarer words higher), and the newest first among equals.
std::vector<SearchHit> search(Database& db, const std::string& words, int limit = 50);

}  // namespace moudesk::store
