#pragma once
/// @brief The database schema as a list of migrations; the schema version is their count.
#include <string_view>
#include <vector>

namespace moudesk::store {

/// migrations()[i] moves a database from schema version i to i + 1.
const std::vector<std::string_view>& migrations();

}  // namespace moudesk::store
