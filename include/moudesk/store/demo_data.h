#pragma once
/// @brief A realistic generated register — agreements between customs and police services of
/// many countries at every stage of their life, with parties, key elements, actions and their
/// audit trail — for trying moudesk and for benchmarks.
#include <functional>

#include "moudesk/store/database.h"
#include "moudesk/tracking/date.h"

namespace moudesk::store {

struct DemoSummary {
    int agreements = 0;
    int parties = 0;
    int actions = 0;
    int audit_rows = 0;
};

/// Adds `agreements` agreements (about ten actions each for those that entered into force) in one
/// transaction, relative to `today`. `progress(done, total)` is called now and then; returning
/// false cancels, and then nothing at all is added. The same `seed` gives the same register.
/// Returns what was added (all zeros when cancelled).
DemoSummary generate_demo_data(Database& db, int agreements, tracking::Date today, unsigned seed = 2027,
                               const std::function<bool(int done, int total)>& progress = {});

}  // namespace moudesk::store
