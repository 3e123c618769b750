#pragma once
/// @brief What the register keeps, as plain values: agreements with their parties, contacts,
/// key elements, document versions and status history; actions; audit entries.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "moudesk/tracking/commitments.h"
#include "moudesk/tracking/date.h"
#include "moudesk/tracking/lifecycle.h"

namespace moudesk::store {

using Id = std::int64_t;

/// The instruments the register knows; drafting knows the first three.
inline constexpr const char* register_instruments[] = {"mou", "moa", "addendum", "exchange-of-letters"};
bool is_register_instrument(std::string_view code);

struct Contact {
    Id id = 0;
    std::string role = "focal-point";  ///< "focal-point" or "contact"
    std::string name;
    std::string function;
    std::string email;
    std::string phone;
};

struct PartyRecord {
    Id id = 0;
    std::string name;
    std::string short_name;
    std::string kind = "other";  ///< one of drafting::party_kinds
    std::string country;
    std::string role = "party";  ///< "party" or "observer"
    std::string signatory_name;
    std::string signatory_title;
    std::vector<Contact> contacts;
};

/// A key element an agreement covers and how the register knows it.
struct ElementCoverage {
    std::string element;               ///< key element slug
    std::string source = "manual";     ///< "draft", "detected" or "manual"
    std::optional<double> confidence;  ///< for "detected"
};

struct AgreementRecord {
    Id id = 0;
    std::string reference;  ///< the register's number, unique: "MOU/2027/004"
    std::string title;
    std::string instrument = "mou";  ///< one of register_instruments
    std::optional<Id> related;       ///< the agreement this one amends or supersedes
    std::string relation;            ///< "amends" or "supersedes" when `related` is set
    std::string level;               ///< partnership level code, or empty
    std::vector<std::string> languages{"en"};
    tracking::Status status = tracking::Status::draft;  ///< as recorded (see tracking::standing)
    tracking::AgreementDates dates;
    std::vector<PartyRecord> parties;
    std::vector<ElementCoverage> elements;
    std::string created_at;
    std::string updated_at;
};

/// A row of the agreements list: what the list shows, cheap to read for 100,000 agreements.
struct AgreementRow {
    Id id = 0;
    std::string reference;
    std::string title;
    std::string instrument;
    std::string status;   ///< recorded status code
    std::string parties;  ///< short names (or names) joined with " – "
    std::string entry_into_force;
    std::string expiry;  ///< computed current expiry, or empty
    std::string next_review;
};

struct Transition {
    Id id = 0;
    tracking::Status from = tracking::Status::draft;
    tracking::Status to = tracking::Status::draft;
    tracking::Date on;
    std::string by;
    std::string reason;
    std::string recorded_at;
};

struct DocumentVersion {
    Id id = 0;
    int version = 0;
    std::string saved_at;
    std::string saved_by;
    std::string label;
    std::string draft;          ///< the .moudraft XML
    std::string rendered_text;  ///< the agreement as plain text, for search and comparison
};

struct EvidenceFile {
    Id id = 0;
    std::string path;
    std::string description;
    std::string added_at;
};

struct ActionRecord {
    Id id = 0;
    Id agreement = 0;
    std::string commitment;  ///< commitment id when created from a clause; empty when added by hand
    std::string clause;
    std::string element;
    std::string title;
    std::optional<Id> owner_party;
    std::string owner_person;
    std::optional<tracking::Date> due;
    std::optional<tracking::Duration> recurrence;
    std::optional<tracking::Date> series_start;  ///< first due date of a recurring series
    int occurrence = 0;                          ///< 0 for the first of a series
    tracking::ActionStatus status = tracking::ActionStatus::not_started;
    std::string notes;
    std::string evidence;
    std::optional<tracking::Date> completed_on;
    std::vector<EvidenceFile> files;
    std::string created_at;
    std::string updated_at;
};

struct AuditEntry {
    Id id = 0;
    std::string at;
    std::string user;
    std::string entity;  ///< "agreement", "party", "contact", "action", "assessment", …
    Id entity_id = 0;
    std::string field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};

}  // namespace moudesk::store
