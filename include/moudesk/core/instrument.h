#pragma once
/// @brief Instruments (MOU, MOA, addendum) and the five-step partnership scale.

#include <optional>
#include <string_view>

namespace moudesk {

enum class Instrument { mou, moa, addendum };

/// "mou", "moa" or "addendum".
const char* to_code(Instrument instrument);
/// Returns nullopt for an unknown code.
std::optional<Instrument> instrument_from_code(std::string_view code);

/// The partnership levels, loosest first; the order is meaningful.
enum class PartnershipLevel { coexistence = 1, communication, coordination, collaboration, integration };

/// "coexistence", "communication", "coordination", "collaboration" or "integration".
const char* to_code(PartnershipLevel level);
/// Returns nullopt for an unknown code.
std::optional<PartnershipLevel> level_from_code(std::string_view code);

}  // namespace moudesk
