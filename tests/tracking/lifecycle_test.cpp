#include "moudesk/tracking/lifecycle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

using namespace moudesk::tracking;

namespace {

Date d(std::string_view iso) {
    auto parsed = Date::parse(iso);
    if (!parsed) throw std::invalid_argument("bad test date " + std::string(iso));
    return *parsed;
}

Duration p(std::string_view iso) {
    auto parsed = Duration::parse(iso);
    if (!parsed) throw std::invalid_argument("bad test duration " + std::string(iso));
    return *parsed;
}

// "signature date, duration": the missing fields as a user would read them.
std::string labels(const std::vector<DateField>& fields) {
    std::string out;
    for (DateField f : fields) out += (out.empty() ? "" : ", ") + std::string(to_label(f));
    return out;
}

std::string text(const std::optional<Date>& date) {
    return date ? date->iso() : "none";
}

bool mentions(const std::vector<std::string>& messages, std::string_view words) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(words) != std::string::npos; });
}

// In force on 2025-03-01 for five years, signed a month before.
AgreementDates five_years() {
    AgreementDates dates;
    dates.signature = d("2025-02-01");
    dates.entry_into_force = d("2025-03-01");
    dates.duration = p("P5Y");
    return dates;
}

// The current expiry found the slow way: step the chain one renewal at a time.
Date walk_chain(Date first, Duration every, Date today) {
    for (int n = 0;; ++n)
        if (occurrence(first, every, n) > today) return occurrence(first, every, n);
}

}  // namespace

TEST(LifecycleStatus, CodesAndLabels) {
    const std::vector<std::pair<Status, std::string>> codes{
        {Status::draft, "draft"},           {Status::under_negotiation, "under-negotiation"},
        {Status::signed_, "signed"},        {Status::in_force, "in-force"},
        {Status::suspended, "suspended"},   {Status::expired, "expired"},
        {Status::terminated, "terminated"}, {Status::superseded, "superseded"}};
    ASSERT_EQ(all_statuses().size(), codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        EXPECT_EQ(all_statuses()[i], codes[i].first) << "lifecycle order";
        EXPECT_EQ(to_code(codes[i].first), codes[i].second);
        EXPECT_EQ(status_from_code(codes[i].second), codes[i].first);
    }
    EXPECT_STREQ(to_label(Status::under_negotiation), "under negotiation");
    EXPECT_STREQ(to_label(Status::in_force), "in force");
    EXPECT_FALSE(status_from_code("in_force"));
    EXPECT_FALSE(status_from_code("In-Force"));
    EXPECT_FALSE(status_from_code(""));
}

TEST(LifecycleStatus, FinalStatuses) {
    for (Status s : all_statuses())
        EXPECT_EQ(is_final(s), s == Status::expired || s == Status::terminated || s == Status::superseded)
            << to_code(s);
}

TEST(LifecycleTransition, TheWholeTable) {
    // Rows: from; columns: to, both in lifecycle order (D U S I P E T R). 'x' = allowed.
    const std::array<std::string, 8> table{
        /* draft             */ ".xx.....",
        /* under negotiation */ "x.x.....",
        /* signed            */ "...x..xx",
        /* in force          */ "....xxxx",
        /* suspended         */ "...x.xxx",
        /* expired           */ "........",
        /* terminated        */ "........",
        /* superseded        */ "........",
    };
    const auto& all = all_statuses();
    for (std::size_t i = 0; i < all.size(); ++i) {
        std::vector<Status> expected_next;
        for (std::size_t j = 0; j < all.size(); ++j) {
            const Status from = all[i], to = all[j];
            const bool allowed = table[i][j] == 'x';
            const auto reason = refuse_transition(from, to);
            EXPECT_EQ(!reason, allowed) << to_code(from) << " → " << to_code(to) << ": " << reason.value_or("");
            if (reason) {
                EXPECT_FALSE(reason->empty());
                EXPECT_EQ(reason->find('?'), std::string::npos) << *reason;
            }
            if (allowed) expected_next.push_back(to);
        }
        EXPECT_EQ(allowed_next(all[i]), expected_next) << to_code(all[i]);
        EXPECT_EQ(allowed_next(all[i]).empty(), is_final(all[i]));
    }
}

TEST(LifecycleTransition, RefusalsSayWhyInPlainWords) {
    EXPECT_EQ(refuse_transition(Status::expired, Status::in_force),
              "an agreement that has expired cannot change status; register a new agreement or an addendum");
    EXPECT_EQ(refuse_transition(Status::draft, Status::in_force),
              "an agreement must be signed before it enters into force");
    EXPECT_EQ(refuse_transition(Status::under_negotiation, Status::in_force),
              "an agreement must be signed before it enters into force");
    EXPECT_EQ(refuse_transition(Status::in_force, Status::in_force), "the agreement is already in force");
    EXPECT_EQ(refuse_transition(Status::draft, Status::draft), "the agreement is already a draft");
    EXPECT_EQ(refuse_transition(Status::signed_, Status::suspended), "only an agreement in force can be suspended");
    EXPECT_NE(refuse_transition(Status::in_force, Status::draft)->find("addendum"), std::string::npos);
    EXPECT_NE(refuse_transition(Status::signed_, Status::expired)->find("terminated"), std::string::npos);
    EXPECT_NE(refuse_transition(Status::terminated, Status::in_force)->find("terminated cannot change status"),
              std::string::npos);
    EXPECT_NE(refuse_transition(Status::superseded, Status::draft)->find("superseded cannot change status"),
              std::string::npos);
    EXPECT_NE(refuse_transition(Status::draft, Status::terminated)->find("must be signed"), std::string::npos);
}

TEST(LifecycleDateField, CodesAndLabels) {
    const std::vector<std::tuple<DateField, std::string, std::string>> fields{
        {DateField::signature, "signature", "signature date"},
        {DateField::entry_into_force, "entry-into-force", "entry into force date"},
        {DateField::last_notification, "last-notification", "last notification date"},
        {DateField::duration, "duration", "duration"},
        {DateField::expiry, "expiry", "expiry date"},
        {DateField::renewal_period, "renewal-period", "renewal period"},
        {DateField::notice_period, "notice-period", "notice period"},
        {DateField::next_review, "next-review", "next review date"}};
    for (const auto& [field, code, label] : fields) {
        EXPECT_EQ(to_code(field), code);
        EXPECT_EQ(to_label(field), label);
        EXPECT_EQ(date_field_from_code(code), field);
    }
    EXPECT_FALSE(date_field_from_code("entry_into_force"));
}

TEST(LifecycleDates, EntryIntoForceIsFixedOrFollowsTheLastNotification) {
    AgreementDates dates;
    EXPECT_EQ(labels(entry_into_force(dates).missing), "entry into force date");
    EXPECT_FALSE(entry_into_force(dates).date);

    dates.days_after_last_notification = 30;
    EXPECT_EQ(labels(entry_into_force(dates).missing), "last notification date");
    dates.last_notification = d("2028-02-10");
    EXPECT_EQ(text(entry_into_force(dates).date), "2028-03-11");  // through a 29 February
    EXPECT_TRUE(entry_into_force(dates).missing.empty());

    dates.entry_into_force = d("2028-04-01");
    EXPECT_EQ(text(entry_into_force(dates).date), "2028-04-01") << "a fixed date wins (check_dates flags both)";
}

TEST(LifecycleDates, ExpiryIsEntryIntoForcePlusDuration) {
    AgreementDates dates = five_years();
    const Date today = d("2026-01-01");
    EXPECT_EQ(text(expiry(dates, today).date), "2030-03-01");

    dates.entry_into_force = d("2028-02-29");
    dates.duration = p("P1Y");
    EXPECT_EQ(text(expiry(dates, today).date), "2029-02-28");
    dates.duration = p("P4Y");
    EXPECT_EQ(text(expiry(dates, today).date), "2032-02-29");
    dates.entry_into_force = d("2027-08-31");
    dates.duration = p("P6M");
    EXPECT_EQ(text(expiry(dates, today).date), "2028-02-29");
    dates.entry_into_force = d("2027-01-31");
    dates.duration = p("P1M");
    EXPECT_EQ(text(expiry(dates, today).date), "2027-02-28");

    dates.expiry = d("2027-12-31");
    EXPECT_EQ(text(expiry(dates, today).date), "2027-12-31") << "an explicit expiry overrides";
}

TEST(LifecycleDates, ExpiryWithoutRenewalStaysInThePast) {
    EXPECT_EQ(text(expiry(five_years(), d("2040-01-01")).date), "2030-03-01");
}

TEST(LifecycleDates, IndefiniteHasNoExpiryAndNothingMissing) {
    AgreementDates dates;
    dates.indefinite = true;
    const Computed c = expiry(dates, d("2027-01-01"));
    EXPECT_FALSE(c.date);
    EXPECT_TRUE(c.missing.empty());
    EXPECT_FALSE(notice_deadline(dates, d("2027-01-01")).date);
}

TEST(LifecycleDates, ExpiryReportsMissingDatesByName) {
    AgreementDates dates;
    EXPECT_EQ(labels(expiry(dates, d("2027-01-01")).missing), "entry into force date, duration");
    dates.days_after_last_notification = 30;
    EXPECT_EQ(labels(expiry(dates, d("2027-01-01")).missing), "last notification date, duration");
    dates.last_notification = d("2027-01-01");
    EXPECT_EQ(labels(expiry(dates, d("2027-01-01")).missing), "duration");
    dates.duration = p("P2Y");
    EXPECT_EQ(text(expiry(dates, d("2027-01-01")).date), "2029-01-31");

    AgreementDates only_duration;
    only_duration.duration = p("P2Y");
    EXPECT_EQ(labels(expiry(only_duration, d("2027-01-01")).missing), "entry into force date");

    AgreementDates only_expiry;
    only_expiry.expiry = d("2030-01-01");
    EXPECT_EQ(text(expiry(only_expiry, d("2027-01-01")).date), "2030-01-01") << "no entry into force needed";
}

TEST(LifecycleRenewal, TheCurrentExpiryFollowsTheChain) {
    AgreementDates dates = five_years();  // first expiry 2030-03-01
    dates.tacit_renewal = p("P2Y");
    EXPECT_EQ(text(expiry(dates, d("2026-01-01")).date), "2030-03-01") << "before the first expiry";
    EXPECT_EQ(text(expiry(dates, d("2030-02-28")).date), "2030-03-01");
    EXPECT_EQ(text(expiry(dates, d("2030-03-01")).date), "2032-03-01") << "renewed on the expiry day itself";
    EXPECT_EQ(text(expiry(dates, d("2031-06-15")).date), "2032-03-01");
    EXPECT_EQ(text(expiry(dates, d("2032-03-01")).date), "2034-03-01");
    EXPECT_EQ(text(expiry(dates, d("2041-01-01")).date), "2042-03-01") << "six renewals later";
}

TEST(LifecycleRenewal, MonthEndAnchorsHold) {
    AgreementDates dates;
    dates.entry_into_force = d("2026-01-31");
    dates.duration = p("P1Y");  // first expiry 2027-01-31
    dates.tacit_renewal = p("P1M");
    EXPECT_EQ(text(expiry(dates, d("2027-01-31")).date), "2027-02-28");
    EXPECT_EQ(text(expiry(dates, d("2027-02-28")).date), "2027-03-31");
    EXPECT_EQ(text(expiry(dates, d("2027-03-31")).date), "2027-04-30");
    EXPECT_EQ(text(expiry(dates, d("2028-02-01")).date), "2028-02-29");

    AgreementDates leap;
    leap.expiry = d("2028-02-29");
    leap.tacit_renewal = p("P1Y");
    EXPECT_EQ(text(expiry(leap, d("2029-03-01")).date), "2030-02-28");
    EXPECT_EQ(text(expiry(leap, d("2031-06-01")).date), "2032-02-29");
    EXPECT_EQ(text(expiry(leap, d("2032-02-29")).date), "2033-02-28");
}

TEST(LifecycleRenewal, AgreesWithWalkingTheChainDayByDay) {
    const Date first = d("2027-01-31");
    for (const char* every : {"P1M", "P1Y", "P6M", "P1Y6M", "P3M10D", "P1W", "P1D", "P30D", "P2W3D"}) {
        AgreementDates dates;
        dates.expiry = first;
        dates.tacit_renewal = p(every);
        for (Date today = d("2026-12-01"); today < d("2031-03-01"); today = today.add_days(1))
            ASSERT_EQ(text(expiry(dates, today).date), walk_chain(first, p(every), today).iso())
                << every << " on " << today.iso();
    }
}

TEST(LifecycleRenewal, ADailyRenewalOverCenturiesIsComputedDirectly) {
    AgreementDates dates;
    dates.expiry = d("1900-01-01");
    dates.tacit_renewal = p("P1D");
    EXPECT_EQ(text(expiry(dates, d("2899-12-31")).date), "2900-01-01");
    EXPECT_EQ(text(expiry(dates, d("9999-12-30")).date), "9999-12-31");
    dates.tacit_renewal = p("P1W");
    EXPECT_EQ(text(expiry(dates, d("1900-01-08")).date), "1900-01-15");
    EXPECT_EQ(days_between(d("1900-01-01"), *expiry(dates, d("2899-12-31")).date) % 7, 0);
}

TEST(LifecycleRenewal, AnEmptyRenewalPeriodCannotMoveTheExpiry) {
    AgreementDates dates = five_years();
    dates.tacit_renewal = p("P0D");
    EXPECT_EQ(labels(expiry(dates, d("2031-01-01")).missing), "renewal period");
    EXPECT_FALSE(expiry(dates, d("2031-01-01")).date);
}

TEST(LifecycleNotice, TheLastDayIsTheCurrentExpiryMinusTheNoticePeriod) {
    AgreementDates dates = five_years();  // first expiry 2030-03-01
    dates.tacit_renewal = p("P1Y");
    dates.notice_period = p("P6M");
    EXPECT_EQ(text(notice_deadline(dates, d("2026-01-01")).date), "2029-09-01");
    EXPECT_EQ(text(notice_deadline(dates, d("2029-09-01")).date), "2029-09-01") << "the deadline day itself";
    EXPECT_EQ(text(notice_deadline(dates, d("2029-12-01")).date), "2029-09-01") << "passed: this renewal stands";
    EXPECT_EQ(text(notice_deadline(dates, d("2030-03-01")).date), "2030-09-01") << "renewed: the next term's";

    AgreementDates month_end;
    month_end.expiry = d("2027-03-31");
    month_end.tacit_renewal = p("P1Y");
    month_end.notice_period = p("P1M");
    EXPECT_EQ(text(notice_deadline(month_end, d("2027-01-01")).date), "2027-02-28");
    month_end.notice_period = p("P30D");
    EXPECT_EQ(text(notice_deadline(month_end, d("2027-01-01")).date), "2027-03-01");
    month_end.notice_period = p("P3M");
    EXPECT_EQ(text(notice_deadline(month_end, d("2027-04-01")).date), "2027-12-31");
}

TEST(LifecycleNotice, OnlyAppliesWithTacitRenewalAndNamesWhatIsMissing) {
    AgreementDates dates = five_years();
    dates.notice_period = p("P6M");
    Computed c = notice_deadline(dates, d("2026-01-01"));
    EXPECT_FALSE(c.date);
    EXPECT_TRUE(c.missing.empty()) << "no renewal, no notice deadline";

    dates.tacit_renewal = p("P1Y");
    dates.notice_period.reset();
    EXPECT_EQ(labels(notice_deadline(dates, d("2026-01-01")).missing), "notice period");

    AgreementDates bare;
    bare.tacit_renewal = p("P1Y");
    EXPECT_EQ(labels(notice_deadline(bare, d("2026-01-01")).missing), "entry into force date, duration, notice period");
}

TEST(LifecycleStanding, AFixedTermInForcePastItsExpiryIsExpired) {
    const AgreementDates dates = five_years();
    Standing s = standing(Status::in_force, dates, d("2030-02-28"));
    EXPECT_EQ(s.status, Status::in_force);
    EXPECT_FALSE(s.computed);
    EXPECT_EQ(text(s.entry_into_force), "2025-03-01");
    EXPECT_EQ(text(s.expiry), "2030-03-01");
    EXPECT_TRUE(s.missing.empty()) << labels(s.missing);

    s = standing(Status::in_force, dates, d("2030-03-01"));
    EXPECT_EQ(s.status, Status::expired) << "the expiry date is the first day without effect";
    EXPECT_TRUE(s.computed);
    EXPECT_EQ(text(s.expiry), "2030-03-01");
    EXPECT_TRUE(s.missing.empty()) << labels(s.missing);

    s = standing(Status::suspended, dates, d("2031-01-01"));
    EXPECT_EQ(s.status, Status::expired);
    EXPECT_TRUE(s.computed);

    s = standing(Status::signed_, dates, d("2031-01-01"));
    EXPECT_EQ(s.status, Status::signed_) << "only agreements in force or suspended lapse by date";
    EXPECT_FALSE(s.computed);

    s = standing(Status::expired, dates, d("2031-01-01"));
    EXPECT_EQ(s.status, Status::expired);
    EXPECT_FALSE(s.computed) << "recorded, not computed";
}

TEST(LifecycleStanding, ARenewingAgreementStaysInForce) {
    AgreementDates dates = five_years();
    dates.tacit_renewal = p("P1Y");
    dates.notice_period = p("P3M");
    Standing s = standing(Status::in_force, dates, d("2031-06-01"));
    EXPECT_EQ(s.status, Status::in_force);
    EXPECT_FALSE(s.computed);
    EXPECT_EQ(text(s.expiry), "2032-03-01");
    EXPECT_EQ(text(s.notice_deadline), "2031-12-01");
    EXPECT_TRUE(s.missing.empty()) << labels(s.missing);

    // Once ended by notice, the chain's dates mean nothing.
    s = standing(Status::terminated, dates, d("2031-06-01"));
    EXPECT_EQ(s.status, Status::terminated);
    EXPECT_FALSE(s.expiry);
    EXPECT_FALSE(s.notice_deadline);
    EXPECT_EQ(text(s.entry_into_force), "2025-03-01");
}

TEST(LifecycleStanding, MissingDatesDependOnTheStatus) {
    const AgreementDates none;
    const Date today = d("2027-01-01");
    EXPECT_TRUE(standing(Status::draft, none, today).missing.empty());
    EXPECT_TRUE(standing(Status::under_negotiation, none, today).missing.empty());
    EXPECT_EQ(labels(standing(Status::signed_, none, today).missing), "signature date");
    EXPECT_EQ(labels(standing(Status::in_force, none, today).missing),
              "signature date, entry into force date, duration");
    EXPECT_EQ(labels(standing(Status::suspended, none, today).missing),
              "signature date, entry into force date, duration");
    EXPECT_EQ(labels(standing(Status::expired, none, today).missing),
              "signature date, entry into force date, duration");
    EXPECT_EQ(labels(standing(Status::terminated, none, today).missing), "signature date");
    EXPECT_EQ(labels(standing(Status::superseded, none, today).missing), "signature date");

    AgreementDates signed_in_force;
    signed_in_force.signature = d("2026-01-01");
    signed_in_force.entry_into_force = d("2026-02-01");
    EXPECT_EQ(labels(standing(Status::in_force, signed_in_force, today).missing), "duration")
        << "in force without duration, expiry or indefinite";
    signed_in_force.indefinite = true;
    EXPECT_TRUE(standing(Status::in_force, signed_in_force, today).missing.empty());
    signed_in_force.indefinite = false;
    signed_in_force.expiry = d("2031-02-01");
    EXPECT_TRUE(standing(Status::in_force, signed_in_force, today).missing.empty());
    signed_in_force.tacit_renewal = p("P1Y");
    EXPECT_EQ(labels(standing(Status::in_force, signed_in_force, today).missing), "notice period");

    AgreementDates by_notification;
    by_notification.signature = d("2026-01-01");
    by_notification.days_after_last_notification = 30;
    by_notification.indefinite = true;
    EXPECT_EQ(labels(standing(Status::in_force, by_notification, today).missing), "last notification date");
}

TEST(LifecycleStanding, DueForReview) {
    AgreementDates dates = five_years();
    const Date today = d("2027-01-01");
    EXPECT_FALSE(standing(Status::in_force, dates, today, 365).due_for_review) << "no review date";

    dates.next_review = today;
    EXPECT_TRUE(standing(Status::in_force, dates, today).due_for_review);
    dates.next_review = d("2026-06-01");
    EXPECT_TRUE(standing(Status::in_force, dates, today).due_for_review) << "overdue";
    dates.next_review = d("2027-01-31");
    EXPECT_FALSE(standing(Status::in_force, dates, today).due_for_review);
    EXPECT_FALSE(standing(Status::in_force, dates, today, 29).due_for_review);
    EXPECT_TRUE(standing(Status::in_force, dates, today, 30).due_for_review);
    EXPECT_EQ(text(standing(Status::in_force, dates, today, 30).next_review), "2027-01-31");

    EXPECT_FALSE(standing(Status::terminated, dates, today, 30).due_for_review) << "an ended agreement";
    EXPECT_FALSE(standing(Status::in_force, dates, d("2030-03-01"), 30).due_for_review) << "expired by date";
}

TEST(LifecycleCheckDates, ConsistentDatesGiveNoMessage) {
    AgreementDates dates = five_years();
    dates.tacit_renewal = p("P1Y");
    dates.notice_period = p("P6M");
    dates.next_review = d("2027-01-01");
    EXPECT_TRUE(check_dates(dates).empty());
    EXPECT_TRUE(check_dates(AgreementDates{}).empty());
    dates.expiry = d("2030-03-01");  // agrees with entry into force + duration
    EXPECT_TRUE(check_dates(dates).empty()) << check_dates(dates).front();
}

TEST(LifecycleCheckDates, Contradictions) {
    AgreementDates dates = five_years();
    dates.entry_into_force = d("2025-01-15");
    auto messages = check_dates(dates);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], "the entry into force date (2025-01-15) is before the signature date (2025-02-01)");

    dates = five_years();
    dates.duration.reset();
    dates.expiry = d("2025-03-01");
    messages = check_dates(dates);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], "the expiry date (2025-03-01) is not after the entry into force date (2025-03-01)");

    dates = five_years();
    dates.expiry = d("2030-02-28");  // the last day of effect entered instead of the first day without
    EXPECT_TRUE(mentions(check_dates(dates), "does not match entry into force (2025-03-01) + duration (P5Y)"));

    dates = five_years();
    dates.days_after_last_notification = 30;
    EXPECT_TRUE(mentions(check_dates(dates),
                         "both a fixed entry into force date (2025-03-01) and entry into force "
                         "30 days after the last notification"));

    dates = five_years();
    dates.entry_into_force.reset();
    dates.days_after_last_notification = 30;
    dates.last_notification = d("2025-01-01");
    messages = check_dates(dates);
    EXPECT_TRUE(mentions(messages, "the last notification date (2025-01-01) is before the signature date"));
    EXPECT_TRUE(mentions(messages, "the entry into force date (2025-01-31) is before the signature date"));
    dates.days_after_last_notification = -5;
    EXPECT_TRUE(mentions(check_dates(dates), "cannot be negative"));

    dates = five_years();
    dates.tacit_renewal = p("P6M");
    dates.notice_period = p("P1Y");
    EXPECT_TRUE(mentions(check_dates(dates), "the notice period (P1Y) is longer than the renewal period (P6M)"));
    dates.tacit_renewal = p("P1M");
    dates.notice_period = p("P30D");
    EXPECT_TRUE(check_dates(dates).empty()) << "30 days is not longer than a month";
    dates.notice_period = p("P6Y");
    EXPECT_TRUE(mentions(check_dates(dates), "is longer than the duration (P5Y)"));

    dates = five_years();
    dates.indefinite = true;
    dates.expiry = d("2031-01-01");
    dates.tacit_renewal = p("P1Y");
    messages = check_dates(dates);
    EXPECT_TRUE(mentions(messages, "indefinite duration but also has a duration (P5Y)"));
    EXPECT_TRUE(mentions(messages, "indefinite duration but also has an expiry date (2031-01-01)"));
    EXPECT_TRUE(mentions(messages, "indefinite duration but also has a renewal period (P1Y)"));

    dates = five_years();
    dates.duration = p("P0D");
    dates.tacit_renewal = p("P0D");
    messages = check_dates(dates);
    EXPECT_TRUE(mentions(messages, "the duration (P0D) must be longer than zero days"));
    EXPECT_TRUE(mentions(messages, "the renewal period (P0D) must be longer than zero days"));
}
