#include "moudesk/tracking/calendar.h"

#include <cstdio>
#include <ctime>
#include <set>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"

namespace moudesk::tracking {

namespace {

constexpr std::size_t max_line_octets = 75;  // RFC 5545 3.1, not counting the CRLF

// Writes content lines, folding them at 75 octets. Text is added in atoms (one UTF-8 character or
// one escape sequence such as "\,") and a fold never falls inside an atom: a reader that unfolds
// octet by octet would be fine anyway, but some importers decode each physical line on its own.
class Writer {
public:
    void begin_line() { length_ = 0; }
    void end_line() { out_ += "\r\n"; }
    void atom(std::string_view a) {
        if (length_ + a.size() > max_line_octets) {
            out_ += "\r\n ";  // the space of the continuation line counts towards its 75 octets
            length_ = 1;
        }
        out_ += a;
        length_ += a.size();
    }
    void ascii(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) atom(s.substr(i, 1));
    }
    // TEXT value (3.3.11): cleaned to valid UTF-8 without control characters, then backslash,
    // semicolon, comma and newline escaped.
    void text(std::string_view raw) {
        std::string clean = clean_text(raw);
        for (std::size_t i = 0; i < clean.size();) {
            unsigned char b = static_cast<unsigned char>(clean[i]);
            std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
            switch (clean[i]) {
                case '\\': atom("\\\\"); break;
                case ';': atom("\\;"); break;
                case ',': atom("\\,"); break;
                case '\n': atom("\\n"); break;
                default: atom(std::string_view(clean).substr(i, len));
            }
            i += len;
        }
    }
    void line(std::string_view name_and_params, std::string_view ascii_value) {
        begin_line();
        ascii(name_and_params);
        atom(":");
        ascii(ascii_value);
        end_line();
    }
    void text_line(std::string_view name, std::string_view value) {
        begin_line();
        ascii(name);
        atom(":");
        text(value);
        end_line();
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    std::size_t length_ = 0;
};

// Percent-encodes every byte outside a conservative set, so a UID has no spaces, needs no TEXT
// escaping (some clients compare UIDs unescaped) and distinct UIDs stay distinct.
std::string safe_uid(std::string_view uid) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : uid) {
        unsigned char b = static_cast<unsigned char>(c);
        bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                    std::string_view("-._~@+:/=").find(c) != std::string_view::npos;
        if (keep) {
            out += c;
        } else {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    return out;
}

std::string basic_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year(), d.month(), d.day());
    return buf;
}

bool is_utc_stamp(std::string_view s) {
    if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return false;
    for (std::size_t i = 0; i < 15; ++i)
        if (i != 8 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

}  // namespace

std::string to_icalendar(const std::vector<CalendarEvent>& events, std::string_view calendar_name,
                         std::string_view stamp_utc) {
    if (!is_utc_stamp(stamp_utc))
        throw Error(ErrorCategory::internal, "iCalendar stamp \"" + std::string(stamp_utc) +
                                                 "\" is not a UTC date-time such as 20261130T021500Z");

    Writer w;
    w.line("BEGIN", "VCALENDAR");
    w.line("VERSION", "2.0");
    w.line("PRODID", "-//moudesk//moudesk " MOUDESK_VERSION "//EN");
    w.line("CALSCALE", "GREGORIAN");
    // No METHOD: a plain file to import, not an iTIP message (PUBLISH would require ORGANIZER).
    w.text_line("X-WR-CALNAME", calendar_name);

    std::set<std::string> seen;
    for (const CalendarEvent& e : events) {
        if (e.uid.empty())
            throw Error(ErrorCategory::internal,
                        "calendar event \"" + e.summary + "\" on " + e.date.iso() + " has no UID");
        std::string uid = safe_uid(e.uid);
        if (!seen.insert(uid).second)
            throw Error(ErrorCategory::internal, "two calendar events have the UID \"" + e.uid + "\"");

        w.line("BEGIN", "VEVENT");
        w.line("UID", uid);
        w.line("DTSTAMP", stamp_utc);
        w.line("DTSTART;VALUE=DATE", basic_date(e.date));
        w.line("DTEND;VALUE=DATE", basic_date(e.date.add_days(1)));  // exclusive end: one whole day
        if (!e.summary.empty()) w.text_line("SUMMARY", e.summary);   // parsers reject an empty value
        if (!e.description.empty()) w.text_line("DESCRIPTION", e.description);
        // One CATEGORIES property per category (RFC 5545 allows repeating it): readers disagree on
        // splitting a comma list that also holds escaped commas, and libical does not split it.
        for (const std::string& c : e.categories)
            if (!c.empty()) w.text_line("CATEGORIES", c);
        // A deadline does not make the person busy that day.
        w.line("TRANSP", "TRANSPARENT");
        if (e.alarm_days_before >= 0) {
            w.line("BEGIN", "VALARM");
            w.line("ACTION", "DISPLAY");
            w.text_line("DESCRIPTION", e.summary.empty() ? std::string("Reminder") : e.summary);
            w.line("TRIGGER",
                   e.alarm_days_before == 0 ? std::string("PT0S") : "-P" + std::to_string(e.alarm_days_before) + "D");
            w.line("END", "VALARM");
        }
        w.line("END", "VEVENT");
    }
    w.line("END", "VCALENDAR");
    return w.take();
}

void write_icalendar(const std::filesystem::path& path, const std::vector<CalendarEvent>& events,
                     std::string_view calendar_name) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    write_file_atomically(path, to_icalendar(events, calendar_name, stamp));
}

}  // namespace moudesk::tracking
