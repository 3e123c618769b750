#pragma once
/// @brief The agreements of the register: add, read, change (every change audited), status
/// transitions enforced by the lifecycle rules, parties and contacts, key elements, document
/// versions, and the filtered, sorted list the Agreements screen pages through.
#include <optional>
#include <string>
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::store {

struct AgreementFilter {
    std::string status;           ///< recorded status code, or empty for all
    std::string instrument;       ///< instrument code, or empty
    std::string party;            ///< part of a party's name or short name, or empty
    std::string element;          ///< key element slug covered, or empty
    bool due_for_review = false;  ///< next review on or before `review_by`
    tracking::Date review_by = tracking::Date::today();
    std::string text;  ///< full-text search words, or empty
};

enum class AgreementSort { reference, title, instrument, status, entry_into_force, expiry, next_review };

class Agreements {
public:
    explicit Agreements(Database& db) : db_(db) {}

    /// Adds an agreement with its parties, contacts and elements. Checks the record (see
    /// check()); throws Error(bad_input) listing every problem. Returns the new id.
    Id add(AgreementRecord record);
    /// Throws Error(bad_input) when there is no agreement `id`.
    AgreementRecord get(Id id);
    std::optional<Id> find(const std::string& reference);
    bool exists(Id id);

    /// Saves the scalar fields of `record` (reference, title, instrument, relation, level,
    /// languages, dates); parties and elements are changed with their own calls. The status is
    /// changed only by set_status(). Each changed field is audited with its old and new value.
    void update(const AgreementRecord& record);
    /// Problems with a record, in words ("the reference is empty", dates that contradict…).
    std::vector<std::string> check(const AgreementRecord& record);

    /// Moves the agreement to `to` on `on`, if the lifecycle allows it (else Error(bad_input)
    /// with the reason). Entering into force with a library given creates the actions of the
    /// latest document version's commitments (returns how many), and records the entry-into-force
    /// date when none is set (the signature date when signing); a recorded date that would
    /// contradict the others (in force before the signature) is refused with Error(bad_input).
    int set_status(Id id, tracking::Status to, tracking::Date on, const std::string& reason,
                   const content::Library* library = nullptr);
    std::vector<Transition> transitions(Id id);

    Id add_party(Id agreement, PartyRecord party);
    void update_party(Id agreement, const PartyRecord& party);
    /// Removes the party and its contacts; its actions keep going without an owner (audited).
    void remove_party(Id agreement, Id party);
    /// Moves a party one place up (-1) or down (+1).
    void move_party(Id agreement, Id party, int step);
    Id add_contact(Id agreement, Id party, Contact contact);
    void remove_contact(Id agreement, Id contact);

    /// Records that the agreement covers `element` (replacing an earlier record of it).
    void set_element(Id agreement, const ElementCoverage& coverage);
    void remove_element(Id agreement, const std::string& element);

    /// Saves a new version of the agreement's draft; returns its number (1, 2, …). The key
    /// elements of the draft are recorded with source "draft".
    int add_version(Id agreement, const std::string& draft_xml, const std::string& rendered_text,
                    const std::string& label);
    /// Versions without their texts (for lists), newest last.
    std::vector<DocumentVersion> versions(Id agreement);
    /// One version with its texts; Error(bad_input) when missing.
    DocumentVersion version(Id agreement, int number);

    std::vector<AgreementRow> list(const AgreementFilter& filter, AgreementSort sort, bool descending, int offset,
                                   int limit);
    int count(const AgreementFilter& filter);

    /// Recomputes the stored expiry and notice deadline of agreements whose tacit renewal has
    /// rolled over since they were computed (cheap: only those rows). Not audited: the dates the
    /// user entered do not change.
    int refresh_computed_dates(tracking::Date today);

private:
    Database& db_;
};

}  // namespace moudesk::store
