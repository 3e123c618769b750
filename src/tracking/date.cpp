#include "moudesk/tracking/date.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <limits>

#include "moudesk/core/error.h"

namespace moudesk::tracking {

namespace {

namespace chr = std::chrono;

// The class promises years 1–9999; the serials of the first and last day of that range.
constexpr long long first_serial = -719162;  // 0001-01-01
constexpr long long last_serial = 2932896;   // 9999-12-31

static_assert(chr::sys_days{chr::year{1} / 1 / 1}.time_since_epoch().count() == first_serial);
static_assert(chr::sys_days{chr::year{9999} / 12 / 31}.time_since_epoch().count() == last_serial);

std::string ymd_text(long long year, int month, int day) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", year, month, day);
    return buf;
}

[[noreturn]] void out_of_range() {
    throw Error(ErrorCategory::bad_input, "the date falls outside the years 1 to 9999");
}

chr::year_month_day to_ymd(int serial) {
    return chr::year_month_day{chr::sys_days{chr::days{serial}}};
}

Date checked_serial(long long serial) {
    if (serial < first_serial || serial > last_serial) out_of_range();
    return Date::from_serial(static_cast<int>(serial));
}

// `date` + `every` × `n` (n may be negative): whole months first with month-end clamping, then days.
// Scaling the duration here rather than adding it n times is what keeps month-end anchors.
Date add_scaled(Date date, Duration every, long long n) {
    const chr::year_month_day ymd = to_ymd(date.serial());
    long long months = static_cast<long long>(int{ymd.year()}) * 12 + (unsigned{ymd.month()} - 1) +
                       (static_cast<long long>(every.years) * 12 + every.months) * n;
    if (months < 12 || months >= 10000 * 12) out_of_range();
    const long long year = months / 12;
    const auto month = static_cast<unsigned>(months - year * 12 + 1);
    const chr::year_month_day_last last{chr::year{static_cast<int>(year)}, chr::month_day_last{chr::month{month}}};
    const unsigned day = std::min(unsigned{ymd.day()}, unsigned{last.day()});
    const chr::year_month_day moved{chr::year{static_cast<int>(year)}, chr::month{month}, chr::day{day}};
    const long long serial =
        chr::sys_days{moved}.time_since_epoch().count() + (static_cast<long long>(every.weeks) * 7 + every.days) * n;
    return checked_serial(serial);
}

// Reads the digits at [pos, pos + count) of `text`; -1 when one of them is not a digit.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
    const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                  chr::day{static_cast<unsigned>(day)}};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || !ymd.ok())
        throw Error(ErrorCategory::bad_input, "there is no date " + ymd_text(year, month, day) +
                                                  (year < 1 || year > 9999 ? " (years run from 1 to 9999)" : ""));
    return from_serial(chr::sys_days{ymd}.time_since_epoch().count());
}

std::optional<Date> Date::parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    const int year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
    const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                  chr::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return from_serial(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::from_serial(int days) {
    if (days < first_serial || days > last_serial) out_of_range();
    Date date;
    date.days_ = days;
    return date;
}

Date Date::today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr)
        throw Error(ErrorCategory::environment, "the local date could not be read from the system clock");
    return from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int Date::year() const {
    return int{to_ymd(days_).year()};
}
int Date::month() const {
    return static_cast<int>(unsigned{to_ymd(days_).month()});
}
int Date::day() const {
    return static_cast<int>(unsigned{to_ymd(days_).day()});
}

std::string Date::iso() const {
    return ymd_text(year(), month(), day());
}

std::optional<Duration> Duration::parse(std::string_view iso) {
    if (iso.size() < 3 || iso[0] != 'P') return std::nullopt;
    Duration out;
    // Parts must come in this order, each at most once; anything else (T, signs, decimals) is refused.
    constexpr std::string_view order = "YMWD";
    std::size_t next_part = 0;
    std::size_t pos = 1;
    while (pos < iso.size()) {
        long long value = 0;
        const std::size_t start = pos;
        while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9') {
            value = value * 10 + (iso[pos] - '0');
            if (value > std::numeric_limits<int>::max()) return std::nullopt;
            ++pos;
        }
        if (pos == start || pos == iso.size()) return std::nullopt;
        const std::size_t part = order.find(iso[pos], next_part);
        if (part == std::string_view::npos) return std::nullopt;
        int* fields[] = {&out.years, &out.months, &out.weeks, &out.days};
        *fields[part] = static_cast<int>(value);
        next_part = part + 1;
        ++pos;
    }
    return out;
}

std::string Duration::iso() const {
    if (empty()) return "P0D";
    std::string out = "P";
    if (years) out += std::to_string(years) + "Y";
    if (months) out += std::to_string(months) + "M";
    if (weeks) out += std::to_string(weeks) + "W";
    if (days) out += std::to_string(days) + "D";
    return out;
}

Duration Duration::times(int n) const {
    auto scale = [n](int part) {
        const long long value = static_cast<long long>(part) * n;
        if (value > std::numeric_limits<int>::max() || value < std::numeric_limits<int>::min())
            throw Error(ErrorCategory::bad_input, "the duration is too long to count");
        return static_cast<int>(value);
    };
    return {scale(years), scale(months), scale(weeks), scale(days)};
}

Date add(Date date, Duration duration) {
    return add_scaled(date, duration, 1);
}

Date subtract(Date date, Duration duration) {
    return add_scaled(date, duration, -1);
}

Date occurrence(Date start, Duration every, int n) {
    return add_scaled(start, every, n);
}

}  // namespace moudesk::tracking
