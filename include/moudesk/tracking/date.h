#pragma once
/// @brief Civil dates (no time zone) and ISO 8601 durations, as public-law dates need them:
/// "within 30 days of entry into force", "for five years", "every six months".
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace moudesk::tracking {

/// A calendar date between year 1 and 9999.
class Date {
public:
    /// 1970-01-01.
    Date() = default;
    /// Throws Error(bad_input) naming the date when it does not exist (2027-02-29, month 13).
    static Date from_ymd(int year, int month, int day);
    /// Parses "YYYY-MM-DD"; nullopt for anything else or a date that does not exist.
    static std::optional<Date> parse(std::string_view iso);
    /// The date of the day since 1970-01-01 (negative before).
    static Date from_serial(int days);
    /// Today in the local time zone.
    static Date today();

    int year() const;
    int month() const;  ///< 1–12
    int day() const;    ///< 1–31
    /// Days since 1970-01-01; differences of serials are day counts.
    int serial() const { return days_; }
    /// "YYYY-MM-DD".
    std::string iso() const;
    Date add_days(int days) const { return from_serial(days_ + days); }

    auto operator<=>(const Date&) const = default;

private:
    int days_ = 0;
};

/// `to` − `from` in days.
inline int days_between(Date from, Date to) {
    return to.serial() - from.serial();
}

/// An ISO 8601 duration of whole days or more: P30D, P2W, P6M, P1Y, P1Y6M.
struct Duration {
    int years = 0;
    int months = 0;
    int weeks = 0;
    int days = 0;

    /// Parses "P…" with Y, M, W, D parts (non-negative, at least one part); nullopt otherwise.
    static std::optional<Duration> parse(std::string_view iso);
    /// Canonical "P1Y6M", "P30D"; "P0D" for an empty duration.
    std::string iso() const;
    bool empty() const { return years == 0 && months == 0 && weeks == 0 && days == 0; }
    /// Every part multiplied by `n`.
    Duration times(int n) const;

    bool operator==(const Duration&) const = default;
};

/// `date` + `duration`: years and months first, a day past the month's end clamped to its last
/// day (31 January + P1M = 28 or 29 February), then weeks and days.
Date add(Date date, Duration duration);
/// `date` − `duration`, with the same clamping (31 March − P1M = 28 or 29 February).
Date subtract(Date date, Duration duration);
/// The `n`th occurrence (n ≥ 0) of a recurrence starting at `start`: start + every × n. Counting
/// from the start keeps month-end anchors (31 Jan, 28 Feb, 31 Mar) instead of drifting to the 28th.
Date occurrence(Date start, Duration every, int n);

}  // namespace moudesk::tracking
