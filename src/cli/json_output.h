#pragma once
// The register's records as JSON for --json output (stable field names, ISO dates).
#include <nlohmann/json.hpp>

#include "moudesk/store/deadlines.h"
#include "moudesk/store/records.h"
#include "moudesk/store/search.h"

namespace moudesk::cli {

nlohmann::json to_json(const store::AgreementRow& row);
nlohmann::json to_json(const store::AgreementRecord& agreement, const tracking::Standing& standing);
nlohmann::json to_json(const store::ActionRecord& action);
nlohmann::json to_json(const store::Deadline& deadline);
nlohmann::json to_json(const store::SearchHit& hit);

}  // namespace moudesk::cli
