// iCalendar export, read back by libical (a real parser): hostile text comes back byte for byte,
// lines are folded at 75 octets without splitting UTF-8, the structure is what calendars expect.
#include "moudesk/tracking/calendar.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <filesystem>
#include <memory>
#include <regex>

#include "moudesk/core/error.h"
#include "moudesk/core/file.h"

namespace fs = std::filesystem;
using namespace moudesk;
using namespace moudesk::tracking;

namespace {

const char* const stamp = "20261130T021500Z";

// Quotes, markup, backslash, semicolon, comma, newlines, Arabic, an emoji, accents.
const std::string hostile =
    "Review \"Art. 4\" <script>alert('x')</script>; a,b\\c \\n \\, literal\nsecond line\n\n"
    "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83 \xF0\x9F\x9B\x83 Fronti\xC3\xA8re \xE2\x80\x94 end;";

struct IcalDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Ical = std::unique_ptr<icalcomponent, IcalDeleter>;

Ical parse(const std::string& text) {
    Ical cal(icalparser_parse_string(text.c_str()));
    EXPECT_NE(cal, nullptr);
    if (cal) {
        EXPECT_EQ(icalcomponent_count_errors(cal.get()), 0) << text;
    }
    return cal;
}

std::vector<icalcomponent*> events_of(icalcomponent* cal) {
    std::vector<icalcomponent*> out;
    for (icalcomponent* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        out.push_back(e);
    return out;
}

std::vector<std::string> categories_of(icalcomponent* event) {
    std::vector<std::string> out;
    for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_CATEGORIES_PROPERTY))
        out.push_back(icalproperty_get_categories(p));
    return out;
}

// The physical lines, each without its CRLF; fails if any line ends in a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        EXPECT_NE(end, std::string::npos) << "last line has no CRLF";
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "bare CR or LF in: " << line;
        lines.push_back(line);
        start = end + 2;
    }
    return lines;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

CalendarEvent event(std::string uid, Date date, std::string summary) {
    CalendarEvent e;
    e.uid = std::move(uid);
    e.date = date;
    e.summary = std::move(summary);
    return e;
}

}  // namespace

TEST(Calendar, EmptyListIsAValidEmptyCalendar) {
    std::string text = to_icalendar({}, "Deadlines", stamp);
    Ical cal = parse(text);
    ASSERT_TRUE(cal);
    EXPECT_EQ(icalcomponent_isa(cal.get()), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(icalcomponent_count_components(cal.get(), ICAL_ANY_COMPONENT), 0);
    EXPECT_TRUE(icalrestriction_check(cal.get()));
    EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    for (const char* line : {"\r\nVERSION:2.0\r\n", "\r\nPRODID:-//moudesk//", "\r\nCALSCALE:GREGORIAN\r\n",
                             "\r\nX-WR-CALNAME:Deadlines\r\n"})
        EXPECT_NE(text.find(line), std::string::npos) << line;
    EXPECT_TRUE(text.ends_with("\r\nEND:VCALENDAR\r\n"));
}

TEST(Calendar, AllDayEventsWithDatesUidAndStamp) {
    std::vector<CalendarEvent> events = {event("action-42@moudesk", Date::from_ymd(2026, 12, 31), "Annual report"),
                                         event("action-43@moudesk", Date::from_ymd(2028, 2, 29), "Review")};
    Ical cal = parse(to_icalendar(events, "Deadlines", stamp));
    ASSERT_TRUE(cal);
    EXPECT_TRUE(icalrestriction_check(cal.get()));
    auto read = events_of(cal.get());
    ASSERT_EQ(read.size(), 2u);

    EXPECT_STREQ(icalcomponent_get_uid(read[0]), "action-42@moudesk");
    icaltimetype start = icalcomponent_get_dtstart(read[0]);
    EXPECT_TRUE(start.is_date);
    EXPECT_EQ(start.year, 2026);
    EXPECT_EQ(start.month, 12);
    EXPECT_EQ(start.day, 31);
    icaltimetype end = icalcomponent_get_dtend(read[0]);  // the next day, across the year's end
    EXPECT_TRUE(end.is_date);
    EXPECT_EQ(end.year, 2027);
    EXPECT_EQ(end.month, 1);
    EXPECT_EQ(end.day, 1);
    icaltimetype stamped = icalcomponent_get_dtstamp(read[0]);
    EXPECT_TRUE(icaltime_is_utc(stamped));
    EXPECT_EQ(stamped.year, 2026);
    EXPECT_EQ(stamped.hour, 2);
    EXPECT_EQ(stamped.minute, 15);

    EXPECT_STREQ(icalcomponent_get_uid(read[1]), "action-43@moudesk");
    icaltimetype leap_end = icalcomponent_get_dtend(read[1]);
    EXPECT_EQ(leap_end.month, 3);
    EXPECT_EQ(leap_end.day, 1);
    // Every VEVENT has its own DTSTAMP.
    for (icalcomponent* e : read) EXPECT_NE(icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY), nullptr);
}

TEST(Calendar, HostileTextComesBackByteIdentical) {
    CalendarEvent e = event("deadline-7@moudesk", Date::from_ymd(2027, 3, 1), hostile);
    e.description = hostile + "\n" + hostile;
    e.categories = {"Customs; Police", "a,b", "back\\slash",
                    "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB1\xD9\x83"};
    std::string text = to_icalendar({e}, "Deadlines, \"MOU\"; 2026\n\\", stamp);
    Ical cal = parse(text);
    ASSERT_TRUE(cal);
    EXPECT_TRUE(icalrestriction_check(cal.get()));
    auto read = events_of(cal.get());
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(icalcomponent_get_summary(read[0]), hostile);
    EXPECT_EQ(icalcomponent_get_description(read[0]), e.description);
    EXPECT_EQ(categories_of(read[0]), e.categories);

    icalproperty* name = icalcomponent_get_first_property(cal.get(), ICAL_X_PROPERTY);
    ASSERT_NE(name, nullptr);
    EXPECT_STREQ(icalproperty_get_x_name(name), "X-WR-CALNAME");
    // X- properties are not unescaped by libical; check the raw escaped form.
    EXPECT_NE(text.find("X-WR-CALNAME:Deadlines\\, \"MOU\"\\; 2026\\n\\\\\r\n"), std::string::npos);
}

TEST(Calendar, CarriageReturnsBecomeNewlinesAndControlCharactersAreDropped) {
    CalendarEvent e = event("x@moudesk", Date::from_ymd(2027, 1, 1), "a\r\nb\rc\x01\x1F\td");
    Ical cal = parse(to_icalendar({e}, "D", stamp));
    ASSERT_TRUE(cal);
    EXPECT_STREQ(icalcomponent_get_summary(events_of(cal.get())[0]), "a\nb\nc\td");
}

TEST(Calendar, LongLinesAreFoldedAt75OctetsWithoutSplittingUtf8) {
    // Many lengths of mixed 1-, 2-, 3- and 4-byte characters and escapes, so every alignment of a
    // character against the fold is tried.
    std::vector<CalendarEvent> events;
    std::string text;
    for (int n = 0; n < 120; ++n) {
        text += n % 5 == 0   ? "\xF0\x9F\x9B\x83"
                : n % 5 == 1 ? "\xD8\xAC"
                : n % 5 == 2 ? "\xE2\x80\x94"
                : n % 5 == 3 ? ","
                             : "e";
        events.push_back(event("long-" + std::to_string(n) + "@moudesk", Date::from_ymd(2027, 1, 1), text));
        events.back().description = std::string(static_cast<std::size_t>(n), 'x') + text;
    }
    std::string out = to_icalendar(events, text, stamp);
    bool folded = false;
    for (const std::string& line : physical_lines(out)) {
        EXPECT_LE(line.size(), 75u) << line;
        std::string_view content = line;
        if (!content.empty() && content.front() == ' ') {
            folded = true;
            content.remove_prefix(1);
        }
        EXPECT_TRUE(valid_utf8(content)) << "fold splits a UTF-8 sequence: " << line;
        EXPECT_FALSE(content.ends_with("\\") && !content.ends_with("\\\\")) << "fold splits an escape: " << line;
    }
    EXPECT_TRUE(folded);

    Ical cal = parse(out);
    ASSERT_TRUE(cal);
    auto read = events_of(cal.get());
    ASSERT_EQ(read.size(), events.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(icalcomponent_get_summary(read[i]), events[i].summary);
        EXPECT_EQ(icalcomponent_get_description(read[i]), events[i].description);
    }
}

TEST(Calendar, AlarmIsADisplayReminderDaysBefore) {
    CalendarEvent with = event("a@moudesk", Date::from_ymd(2027, 6, 30), "Renewal notice");
    with.alarm_days_before = 14;
    CalendarEvent same_day = event("b@moudesk", Date::from_ymd(2027, 6, 30), "");
    same_day.alarm_days_before = 0;
    CalendarEvent without = event("c@moudesk", Date::from_ymd(2027, 6, 30), "No reminder");
    Ical cal = parse(to_icalendar({with, same_day, without}, "D", stamp));
    ASSERT_TRUE(cal);
    EXPECT_TRUE(icalrestriction_check(cal.get()));
    auto read = events_of(cal.get());
    ASSERT_EQ(read.size(), 3u);

    icalcomponent* alarm = icalcomponent_get_first_component(read[0], ICAL_VALARM_COMPONENT);
    ASSERT_NE(alarm, nullptr);
    icalproperty* action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(icalproperty_get_action(action), ICAL_ACTION_DISPLAY);
    EXPECT_STREQ(icalcomponent_get_description(alarm), "Renewal notice");
    icaltriggertype trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    EXPECT_TRUE(trigger.duration.is_neg);
    EXPECT_EQ(icaldurationtype_as_int(trigger.duration), -14 * 24 * 3600);

    icalcomponent* at_start = icalcomponent_get_first_component(read[1], ICAL_VALARM_COMPONENT);
    ASSERT_NE(at_start, nullptr);
    EXPECT_NE(icalcomponent_get_description(at_start), std::string());  // DISPLAY needs a description
    EXPECT_EQ(icaldurationtype_as_int(
                  icalproperty_get_trigger(icalcomponent_get_first_property(at_start, ICAL_TRIGGER_PROPERTY)).duration),
              0);

    EXPECT_EQ(icalcomponent_get_first_component(read[2], ICAL_VALARM_COMPONENT), nullptr);
}

TEST(Calendar, UidsHaveNoSpacesAndStayDistinct) {
    std::vector<CalendarEvent> events = {
        event("action 42@moudesk", Date(), "a"), event("action%2042@moudesk", Date(), "b"),
        event("act\xC3\xADon;42,x@moudesk", Date(), "c"), event("action-42@moudesk", Date(), "d")};
    Ical cal = parse(to_icalendar(events, "D", stamp));
    ASSERT_TRUE(cal);
    std::set<std::string> uids;
    for (icalcomponent* e : events_of(cal.get())) {
        std::string uid = icalcomponent_get_uid(e);
        EXPECT_EQ(uid.find_first_of(" \t;,\\"), std::string::npos) << uid;
        for (char c : uid) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << uid;
        uids.insert(uid);
    }
    EXPECT_EQ(uids.size(), 4u);
    EXPECT_TRUE(uids.count("action-42@moudesk"));      // an ordinary UID is kept as it is
    EXPECT_TRUE(uids.count("action%2042@moudesk"));    // the space
    EXPECT_TRUE(uids.count("action%252042@moudesk"));  // the percent sign, so the two stay apart
}

TEST(Calendar, SameInputGivesTheSameOutput) {
    // Re-exporting must give the same UIDs so calendars update events instead of duplicating them.
    std::vector<CalendarEvent> events = {event("action-1@moudesk", Date::from_ymd(2027, 5, 5), "a")};
    EXPECT_EQ(to_icalendar(events, "D", stamp), to_icalendar(events, "D", stamp));
}

TEST(Calendar, BadUidsAndStampsAreInternalErrors) {
    auto category_of = [](auto&& f) {
        try {
            f();
        } catch (const Error& e) {
            return e.category();
        }
        ADD_FAILURE() << "no error";
        return ErrorCategory::bad_input;
    };
    EXPECT_EQ(category_of([] { to_icalendar({event("", Date(), "no uid")}, "D", stamp); }), ErrorCategory::internal);
    EXPECT_EQ(category_of([] {
                  to_icalendar({event("u@m", Date(), "a"), event("u@m", Date(), "b")}, "D", stamp);
              }),
              ErrorCategory::internal);
    for (const char* bad : {"", "20261130T021500", "2026-11-30T02:15:00Z", "20261130 021500Z"})
        EXPECT_EQ(category_of([&] { to_icalendar({}, "D", bad); }), ErrorCategory::internal) << bad;
}

TEST(Calendar, WriteIcalendarStampsNowInUtcAndWritesAtomically) {
    fs::path dir = fs::path(MOUDESK_TEST_OUTPUT_DIR) / "calendar";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path path = dir / "échéances.ics";
    write_file_atomically(path, "old");
    write_icalendar(path, {event("action-9@moudesk", Date::from_ymd(2027, 9, 9), "Due")}, "Échéances");
    std::string text = read_file(path);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, std::regex("\r\nDTSTAMP:(\\d{8}T\\d{6}Z)\r\n")));
    Ical cal = parse(text);
    ASSERT_TRUE(cal);
    EXPECT_EQ(events_of(cal.get()).size(), 1u);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temporary left

    try {
        write_icalendar(dir / "missing" / "x.ics", {}, "D");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::environment);
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}
