#include "moudesk/tracking/lifecycle.h"

#include <algorithm>
#include <array>

namespace moudesk::tracking {

namespace {

constexpr std::size_t status_count = 8;
constexpr std::size_t field_count = 8;

std::size_t index(Status status) {
    return static_cast<std::size_t>(status);
}
std::size_t index(DateField field) {
    return static_cast<std::size_t>(field);
}

struct Names {
    const char* code;
    const char* label;
};

// Indexed by the enumerators, in declaration order.
constexpr std::array<Names, status_count> status_names{{
    {"draft", "draft"},
    {"under-negotiation", "under negotiation"},
    {"signed", "signed"},
    {"in-force", "in force"},
    {"suspended", "suspended"},
    {"expired", "expired"},
    {"terminated", "terminated"},
    {"superseded", "superseded"},
}};

constexpr std::array<Names, field_count> field_names{{
    {"signature", "signature date"},
    {"entry-into-force", "entry into force date"},
    {"last-notification", "last notification date"},
    {"duration", "duration"},
    {"expiry", "expiry date"},
    {"renewal-period", "renewal period"},
    {"notice-period", "notice period"},
    {"next-review", "next review date"},
}};

// The one table of allowed changes of status, indexed by the status changed from. Negotiation
// may fall back to draft; a signed agreement may be terminated or replaced before it enters into
// force; a suspension may be lifted; expired, terminated and superseded are final.
const std::array<std::vector<Status>, status_count>& transitions() {
    using S = Status;
    static const std::array<std::vector<Status>, status_count> table{{
        /* draft */ {S::under_negotiation, S::signed_},
        /* under_negotiation */ {S::draft, S::signed_},
        /* signed */ {S::in_force, S::terminated, S::superseded},
        /* in_force */ {S::suspended, S::expired, S::terminated, S::superseded},
        /* suspended */ {S::in_force, S::expired, S::terminated, S::superseded},
        /* expired */ {},
        /* terminated */ {},
        /* superseded */ {},
    }};
    return table;
}

bool is_signed(Status status) {
    return status != Status::draft && status != Status::under_negotiation;
}

// Why `from` → `to` is refused; only called for pairs the table does not allow.
std::string refusal(Status from, Status to) {
    using S = Status;
    if (from == to)
        return from == S::draft ? "the agreement is already a draft"
                                : std::string("the agreement is already ") + to_label(from);
    switch (from) {
        case S::expired:
            return "an agreement that has expired cannot change status; register a new agreement or an addendum";
        case S::terminated:
            return "an agreement that has been terminated cannot change status; register a new agreement";
        case S::superseded:
            return "an agreement that has been superseded cannot change status; the agreement that replaced it is "
                   "the one in effect";
        default: break;
    }
    switch (to) {
        case S::draft: return "a signed agreement cannot go back to draft; change it with an addendum";
        case S::under_negotiation:
            return "a signed agreement cannot go back to negotiation; negotiate an addendum or a new agreement";
        case S::signed_: return "an agreement that has entered into force cannot go back to signed";
        case S::in_force: return "an agreement must be signed before it enters into force";
        case S::suspended: return "only an agreement in force can be suspended";
        case S::expired:
            if (from == S::signed_)
                return "an agreement that has not entered into force cannot expire; record it as terminated if it "
                       "will not enter into force";
            return "an agreement must be signed before it can expire; keep an abandoned draft as a draft or delete it";
        case S::terminated:
            return "an agreement must be signed before it can be terminated; keep an abandoned draft as a draft or "
                   "delete it";
        case S::superseded:
            return "an agreement must be signed before it can be superseded; keep an abandoned draft as a draft or "
                   "delete it";
    }
    return "this change of status is not allowed";
}

// A renewal period that moves the expiry forward: no negative part and not empty.
bool moves_forward(const Duration& d) {
    return d.years >= 0 && d.months >= 0 && d.weeks >= 0 && d.days >= 0 && !d.empty();
}

// Average length in days; only to estimate counts and compare periods of different units.
double average_days(const Duration& d) {
    return d.years * 365.2425 + d.months * 30.436875 + d.weeks * 7.0 + d.days;
}

void add_missing(std::vector<DateField>& into, const std::vector<DateField>& more) {
    for (DateField f : more)
        if (std::find(into.begin(), into.end(), f) == into.end()) into.push_back(f);
}

void sort_missing(std::vector<DateField>& fields) {
    std::sort(fields.begin(), fields.end());
}

// The expiry before any renewal: the explicit one, or entry into force + duration.
Computed first_expiry(const AgreementDates& dates) {
    if (dates.expiry) return {dates.expiry, {}};
    if (dates.indefinite) return {};
    Computed eif = entry_into_force(dates);
    Computed out;
    out.missing = eif.missing;
    if (!dates.duration) out.missing.push_back(DateField::duration);
    if (out.missing.empty()) out.date = add(*eif.date, *dates.duration);
    sort_missing(out.missing);
    return out;
}

// The first expiry of the chain first, first + every, first + 2 × every, … strictly after `today`.
Date first_after(Date first, const Duration& every, Date today) {
    if (first > today) return first;
    // Estimate the count from the average period, then step the few occurrences the estimate is off.
    int n = static_cast<int>(days_between(first, today) / average_days(every)) + 1;
    while (n > 1 && occurrence(first, every, n - 1) > today) --n;
    while (occurrence(first, every, n) <= today) ++n;
    return occurrence(first, every, n);
}

// A value outside the enumerators (a bad cast) gets a visible "?" rather than a crash.
template <std::size_t N>
const Names& names_of(const std::array<Names, N>& names, std::size_t i) {
    static const Names unknown{"?", "?"};
    return i < N ? names[i] : unknown;
}

}  // namespace

const char* to_code(Status status) {
    return names_of(status_names, index(status)).code;
}
const char* to_label(Status status) {
    return names_of(status_names, index(status)).label;
}

std::optional<Status> status_from_code(std::string_view code) {
    for (std::size_t i = 0; i < status_count; ++i)
        if (code == status_names[i].code) return static_cast<Status>(i);
    return std::nullopt;
}

const std::vector<Status>& all_statuses() {
    static const std::vector<Status> all{Status::draft,      Status::under_negotiation, Status::signed_,
                                         Status::in_force,   Status::suspended,         Status::expired,
                                         Status::terminated, Status::superseded};
    return all;
}

bool is_final(Status status) {
    return status == Status::expired || status == Status::terminated || status == Status::superseded;
}

const std::vector<Status>& allowed_next(Status from) {
    static const std::vector<Status> none;
    return index(from) < status_count ? transitions()[index(from)] : none;
}

std::optional<std::string> refuse_transition(Status from, Status to) {
    const auto& next = allowed_next(from);
    if (std::find(next.begin(), next.end(), to) != next.end()) return std::nullopt;
    return refusal(from, to);
}

const char* to_code(DateField field) {
    return names_of(field_names, index(field)).code;
}
const char* to_label(DateField field) {
    return names_of(field_names, index(field)).label;
}

std::optional<DateField> date_field_from_code(std::string_view code) {
    for (std::size_t i = 0; i < field_count; ++i)
        if (code == field_names[i].code) return static_cast<DateField>(i);
    return std::nullopt;
}

Computed entry_into_force(const AgreementDates& dates) {
    if (dates.entry_into_force) return {dates.entry_into_force, {}};
    if (!dates.days_after_last_notification) return {std::nullopt, {DateField::entry_into_force}};
    if (!dates.last_notification) return {std::nullopt, {DateField::last_notification}};
    return {dates.last_notification->add_days(*dates.days_after_last_notification), {}};
}

Computed expiry(const AgreementDates& dates, Date today) {
    Computed first = first_expiry(dates);
    if (!first.date || !dates.tacit_renewal) return first;
    if (!moves_forward(*dates.tacit_renewal)) return {std::nullopt, {DateField::renewal_period}};
    return {first_after(*first.date, *dates.tacit_renewal, today), {}};
}

Computed notice_deadline(const AgreementDates& dates, Date today) {
    if (!dates.tacit_renewal) return {};
    Computed current = expiry(dates, today);
    if (!current.date && current.missing.empty()) return {};  // indefinite: nothing to renew
    if (!dates.notice_period) add_missing(current.missing, {DateField::notice_period});
    sort_missing(current.missing);
    if (!current.missing.empty()) return {std::nullopt, current.missing};
    return {subtract(*current.date, *dates.notice_period), {}};
}

Standing standing(Status recorded, const AgreementDates& dates, Date today, int review_horizon_days) {
    Standing out;
    out.status = recorded;
    const Computed eif = entry_into_force(dates);
    const Computed exp = expiry(dates, today);
    out.entry_into_force = eif.date;
    out.next_review = dates.next_review;

    // A renewing chain's current expiry is always after today, so only a fixed term lapses here.
    if ((recorded == Status::in_force || recorded == Status::suspended) && exp.date && *exp.date <= today) {
        out.status = Status::expired;
        out.computed = true;
    }

    const bool renewing = dates.tacit_renewal.has_value();
    if (!is_final(out.status)) {
        const Computed notice = notice_deadline(dates, today);
        out.expiry = exp.date;
        out.notice_deadline = notice.date;
        if (out.status == Status::in_force || out.status == Status::suspended) {
            add_missing(out.missing, eif.missing);
            add_missing(out.missing, exp.missing);
            add_missing(out.missing, notice.missing);
        }
    } else {
        // Once ended, the expiry of a renewal chain no longer means anything: it ended by notice.
        if (!renewing) out.expiry = exp.date;
        if (out.status == Status::expired) {
            add_missing(out.missing, eif.missing);
            if (!renewing) add_missing(out.missing, exp.missing);
        }
    }
    if (is_signed(out.status) && !dates.signature) add_missing(out.missing, {DateField::signature});
    sort_missing(out.missing);

    out.due_for_review =
        !is_final(out.status) && dates.next_review && *dates.next_review <= today.add_days(review_horizon_days);
    return out;
}

std::vector<std::string> check_dates(const AgreementDates& dates) {
    std::vector<std::string> out;
    const Computed eif = entry_into_force(dates);

    if (dates.entry_into_force && dates.days_after_last_notification)
        out.push_back("both a fixed entry into force date (" + dates.entry_into_force->iso() +
                      ") and entry into force " + std::to_string(*dates.days_after_last_notification) +
                      " days after the last notification are given; keep one");
    if (dates.days_after_last_notification && *dates.days_after_last_notification < 0)
        out.push_back("the number of days between the last notification and entry into force cannot be negative");
    if (dates.signature && eif.date && *eif.date < *dates.signature)
        out.push_back("the entry into force date (" + eif.date->iso() + ") is before the signature date (" +
                      dates.signature->iso() + ")");
    if (dates.signature && dates.last_notification && *dates.last_notification < *dates.signature)
        out.push_back("the last notification date (" + dates.last_notification->iso() +
                      ") is before the signature date (" + dates.signature->iso() + ")");

    if (dates.expiry && eif.date) {
        if (*dates.expiry <= *eif.date)
            out.push_back("the expiry date (" + dates.expiry->iso() + ") is not after the entry into force date (" +
                          eif.date->iso() + ")");
        else if (dates.duration && !dates.indefinite && add(*eif.date, *dates.duration) != *dates.expiry)
            out.push_back("the expiry date (" + dates.expiry->iso() + ") does not match entry into force (" +
                          eif.date->iso() + ") + duration (" + dates.duration->iso() + "), which gives " +
                          add(*eif.date, *dates.duration).iso() +
                          "; the expiry date is the first day the agreement no longer has effect");
    }

    if (dates.indefinite) {
        if (dates.duration)
            out.push_back("the agreement is of indefinite duration but also has a duration (" + dates.duration->iso() +
                          ")");
        if (dates.expiry)
            out.push_back("the agreement is of indefinite duration but also has an expiry date (" +
                          dates.expiry->iso() + ")");
        if (dates.tacit_renewal)
            out.push_back("the agreement is of indefinite duration but also has a renewal period (" +
                          dates.tacit_renewal->iso() + ")");
    }
    if (dates.duration && !moves_forward(*dates.duration))
        out.push_back("the duration (" + dates.duration->iso() + ") must be longer than zero days");
    if (dates.tacit_renewal && !moves_forward(*dates.tacit_renewal))
        out.push_back("the renewal period (" + dates.tacit_renewal->iso() + ") must be longer than zero days");

    if (dates.tacit_renewal && dates.notice_period) {
        const double notice = average_days(*dates.notice_period);
        if (notice > average_days(*dates.tacit_renewal))
            out.push_back("the notice period (" + dates.notice_period->iso() + ") is longer than the renewal period (" +
                          dates.tacit_renewal->iso() + ")");
        if (dates.duration && !dates.expiry && notice > average_days(*dates.duration))
            out.push_back("the notice period (" + dates.notice_period->iso() + ") is longer than the duration (" +
                          dates.duration->iso() +
                          "), so notice against the first renewal would be due before "
                          "entry into force");
    }
    return out;
}

}  // namespace moudesk::tracking
