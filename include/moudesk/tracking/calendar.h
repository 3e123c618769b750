#pragma once
/// @brief Deadlines as an iCalendar file (RFC 5545) that Outlook, Thunderbird, Google and Apple
/// calendars import: one all-day event per deadline, with an optional reminder.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/tracking/date.h"

namespace moudesk::tracking {

/// One deadline in the calendar.
struct CalendarEvent {
    /// Stable across exports ("action-42@moudesk"), so that re-importing updates the event instead
    /// of duplicating it. Bytes other than letters, digits and -._~@+:/= are percent-encoded
    /// (a space becomes %20), which keeps distinct UIDs distinct and UIDs free of spaces.
    std::string uid;
    Date date;                            ///< all-day: DTSTART;VALUE=DATE, DTEND the next day
    std::string summary;                  ///< one line in the calendar; left out when empty
    std::string description;              ///< may be multi-line; left out when empty
    std::vector<std::string> categories;  ///< one CATEGORIES line each; empty ones are left out
    int alarm_days_before = -1;           ///< >= 0: a DISPLAY reminder that many days before (at midnight)
};

/// The events as one VCALENDAR: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), text escaped. `stamp_utc` ("20261130T021500Z") is every event's DTSTAMP. Text is
/// cleaned first: invalid UTF-8 becomes U+FFFD, CR and CRLF become a newline, other control
/// characters but tab are dropped (RFC 5545 does not allow them). Throws Error(internal) for an
/// empty or duplicate UID or a malformed `stamp_utc`.
std::string to_icalendar(const std::vector<CalendarEvent>& events, std::string_view calendar_name,
                         std::string_view stamp_utc);

/// to_icalendar() with DTSTAMP = now (UTC), written atomically to `path`. Throws Error(environment)
/// naming the path when it cannot be written; an existing file is then untouched.
void write_icalendar(const std::filesystem::path& path, const std::vector<CalendarEvent>& events,
                     std::string_view calendar_name);

}  // namespace moudesk::tracking
