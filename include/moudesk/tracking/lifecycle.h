#pragma once
/// @brief The life of an agreement in the register: its statuses, the changes of status the
/// register allows, and the public-law dates (entry into force, expiry, tacit renewal, notice,
/// review) computed without ever guessing a missing date.
///
/// Date conventions:
/// - The expiry date is the first day the agreement no longer has effect: entry into force +
///   duration (five years from 2025-03-01 expire on 2030-03-01), unless an explicit expiry date
///   is recorded, which always wins. Indefinite agreements have no expiry date.
/// - With tacit renewal, each renewal moves the expiry by the renewal period, counted from the
///   first expiry so month-end anchors hold (occurrence()). The current expiry on `today` is the
///   first expiry of that chain strictly after `today`: on an expiry day the agreement has just
///   been renewed, and the next expiry is the current one.
/// - The last day to give notice (against renewal) is the current expiry − the notice period.
///   It is not moved to the next term once passed: a past deadline means this renewal can no
///   longer be stopped.
/// - Entry into force is a fixed date, or the last notification + N days.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/tracking/date.h"

namespace moudesk::tracking {

/// Where an agreement is in its life, in lifecycle order. `signed_` carries an underscore only
/// because `signed` is a C++ keyword; its code and label are "signed".
enum class Status { draft, under_negotiation, signed_, in_force, suspended, expired, terminated, superseded };

/// "draft", "under-negotiation", "signed", "in-force", "suspended", "expired", "terminated",
/// "superseded": stable codes for the database and JSON.
const char* to_code(Status status);
/// "draft", "under negotiation", "in force", …: the words shown to users.
const char* to_label(Status status);
/// Returns nullopt for an unknown code.
std::optional<Status> status_from_code(std::string_view code);
/// Every status, in lifecycle order.
const std::vector<Status>& all_statuses();
/// True for expired, terminated and superseded: statuses an agreement never leaves.
bool is_final(Status status);

/// The statuses an agreement with status `from` may move to (never `from` itself), in
/// lifecycle order; empty for a final status.
const std::vector<Status>& allowed_next(Status from);
/// nullopt when the change is allowed; otherwise why not, in words a user understands.
std::optional<std::string> refuse_transition(Status from, Status to);

/// The dates of an agreement as its text and its history state them; every one is optional
/// because the register often learns them late.
struct AgreementDates {
    std::optional<Date> signature;
    std::optional<Date> entry_into_force;             ///< a fixed date, or:
    std::optional<int> days_after_last_notification;  ///< "N days after the last notification"
    std::optional<Date> last_notification;
    std::optional<Duration> duration;  ///< with indefinite = false and no expiry: unknown
    bool indefinite = false;
    std::optional<Date> expiry;             ///< explicit; overrides entry into force + duration
    std::optional<Duration> tacit_renewal;  ///< renewed for this period unless notice is given
    std::optional<Duration> notice_period;  ///< notice must be given this long before the term ends
    std::optional<Date> next_review;
};

/// The fields of AgreementDates a computation can find missing.
enum class DateField {
    signature,
    entry_into_force,
    last_notification,
    duration,
    expiry,
    renewal_period,
    notice_period,
    next_review
};

/// "signature", "entry-into-force", "last-notification", "duration", "expiry", "renewal-period",
/// "notice-period", "next-review": stable for JSON.
const char* to_code(DateField field);
/// "signature date", "entry into force date", "renewal period", …: English words for messages.
const char* to_label(DateField field);
/// Returns nullopt for an unknown code.
std::optional<DateField> date_field_from_code(std::string_view code);

/// A computed date, or (when `date` is empty) the fields needed to compute it, in DateField
/// order. Both empty means the date does not apply (an indefinite agreement has no expiry).
struct Computed {
    std::optional<Date> date;
    std::vector<DateField> missing;
};

/// The fixed entry into force date, else the last notification + N days; missing names the
/// entry into force date when neither is stated, the last notification when only the rule is.
Computed entry_into_force(const AgreementDates& dates);
/// The current expiry on `today`, following tacit renewals. Indefinite (and no explicit expiry):
/// no date and nothing missing. Without an expiry date it needs entry into force and duration;
/// an empty (P0D) renewal period is reported missing as it cannot move the expiry.
Computed expiry(const AgreementDates& dates, Date today);
/// The last day to give notice against the next renewal: current expiry − notice period. Only
/// applies with tacit renewal (otherwise no date and nothing missing); needs the notice period.
Computed notice_deadline(const AgreementDates& dates, Date today);

/// What the register shows for an agreement on a given day.
struct Standing {
    /// The recorded status, or expired when an agreement recorded in force or suspended is past
    /// an expiry that does not renew.
    Status status = Status::draft;
    bool computed = false;        ///< status differs from the recorded one because of dates
    bool due_for_review = false;  ///< next review ≤ today + horizon, for agreements not yet ended
    std::optional<Date> entry_into_force, expiry, notice_deadline, next_review;
    /// The dates the register needs for this status, in DateField order: the signature once
    /// signed; entry into force and term (duration, expiry or indefinite) once in force; the
    /// notice period when tacitly renewed.
    std::vector<DateField> missing;
};

/// The standing of an agreement recorded with status `recorded`, on `today`. Once an agreement
/// has ended (final status) no notice deadline is shown, nor the expiry of a renewing chain.
Standing standing(Status recorded, const AgreementDates& dates, Date today, int review_horizon_days = 0);

/// Contradictions between the dates, one sentence each (empty when consistent): entry into force
/// before signature, expiry not after entry into force, an expiry that disagrees with entry into
/// force + duration, both a fixed entry into force date and a notification rule, a notice period
/// longer than the renewal period or the duration, indefinite with a duration, expiry or renewal.
std::vector<std::string> check_dates(const AgreementDates& dates);

}  // namespace moudesk::tracking
