#pragma once
/// @brief Which key elements the agreements of the register cover and whether the actions that
/// implement them are done: the coverage matrix (elements × agreements) and, per element, what
/// the gaps of an assessment need to know.
#include <cstdint>
#include <string>
#include <vector>

#include "moudesk/diagnostic/gaps.h"
#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

struct CoverageMatrix {
    enum Cell : std::uint8_t { not_covered = 0, covered = 1, covered_overdue = 2 };
    struct Row {
        Id agreement = 0;
        std::string reference;
        std::string status;
        std::vector<std::uint8_t> cells;  ///< one per element, a Cell
    };
    std::vector<std::string> elements;  ///< the columns
    std::vector<Row> rows;              ///< by reference
};

/// The matrix of `elements` × agreements (in force only, or every agreement), as on `today`.
CoverageMatrix coverage_matrix(Database& db, const std::vector<std::string>& elements, tracking::Date today,
                               bool in_force_only);

/// For each of `elements`: the agreements in force that cover it, how many implement it (its
/// actions done, none overdue), and up to `shown` of them with their action counts.
diagnostic::RegisterCoverage register_coverage(Database& db, const std::vector<std::string>& elements,
                                               tracking::Date today, int shown = 20);

}  // namespace moudesk::store
