#include "moudesk/store/demo_data.h"

#include <SQLiteCpp/Statement.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "moudesk/core/instrument.h"
#include "moudesk/store/records.h"
#include "moudesk/tracking/lifecycle.h"

namespace moudesk::store {

using tracking::Date;
using tracking::Duration;

namespace {

struct Country {
    const char* code;
    const char* name;
    const char* customs;
    const char* police;
};

// Invented but plausible agency names; the register shows them as users would type them.
constexpr std::array<Country, 24> countries{{
    {"AL", "Albania", "General Customs Directorate", "State Police"},
    {"BJ", "Benin", "Direction générale des douanes", "Police républicaine"},
    {"BR", "Brazil", "Federal Revenue Customs Service", "Federal Police"},
    {"CM", "Cameroon", "Direction générale des douanes", "Délégation générale à la sûreté nationale"},
    {"CO", "Colombia", "National Customs Directorate", "National Police"},
    {"CI", "Côte d'Ivoire", "Direction générale des douanes", "Direction générale de la police nationale"},
    {"EG", "Egypt", "Customs Authority", "Ministry of Interior Police Sector"},
    {"FJ", "Fiji", "Revenue and Customs Service", "Police Force"},
    {"FR", "France", "Direction générale des douanes et droits indirects", "Direction générale de la police nationale"},
    {"GH", "Ghana", "Customs Division", "Police Service"},
    {"ID", "Indonesia", "Directorate General of Customs and Excise", "National Police"},
    {"JO", "Jordan", "Customs Department", "Public Security Directorate"},
    {"KE", "Kenya", "Customs and Border Control Department", "National Police Service"},
    {"MA", "Morocco", "Administration des douanes et impôts indirects", "Direction générale de la sûreté nationale"},
    {"MX", "Mexico", "National Customs Agency", "National Guard"},
    {"NG", "Nigeria", "Customs Service", "Police Force"},
    {"PE", "Peru", "Customs Superintendency", "National Police"},
    {"PH", "Philippines", "Bureau of Customs", "National Police"},
    {"SN", "Senegal", "Direction générale des douanes", "Police nationale"},
    {"TH", "Thailand", "Customs Department", "Royal Police"},
    {"TN", "Tunisia", "Direction générale des douanes", "Sûreté nationale"},
    {"UA", "Ukraine", "State Customs Service", "National Police"},
    {"VN", "Viet Nam", "General Department of Customs", "Ministry of Public Security"},
    {"ZM", "Zambia", "Revenue Authority Customs Division", "Police Service"},
}};

constexpr std::array<const char*, 24> elements{"legal-basis",
                                               "roles-and-competences",
                                               "governance",
                                               "information-exchange",
                                               "data-protection",
                                               "risk-analysis",
                                               "joint-operations",
                                               "joint-investigations",
                                               "liaison-officers",
                                               "training-and-exchange",
                                               "systems-access",
                                               "resource-sharing",
                                               "international-programmes",
                                               "public-communication",
                                               "monitoring-and-evaluation",
                                               "purpose-and-scope",
                                               "definitions",
                                               "costs",
                                               "dispute-settlement",
                                               "review-and-amendment",
                                               "legal-status",
                                               "entry-into-force-and-termination",
                                               "languages-and-signatures",
                                               "annexes"};

struct ActionTemplate {
    const char* title;
    const char* element;
    int due_days;
    const char* every;  // "" once
    bool each;          // one per party
};

constexpr std::array<ActionTemplate, 10> action_templates{{
    {"Designate the focal point for the agreement", "governance", 30, "", true},
    {"Hold the steering committee meeting", "governance", 90, "P6M", false},
    {"Agree the handling codes for exchanged information", "information-exchange", 90, "", false},
    {"Designate the data protection contact", "data-protection", 30, "", true},
    {"Produce the joint risk assessment", "risk-analysis", 180, "P12M", false},
    {"Post the liaison officers", "liaison-officers", 60, "", true},
    {"Run the joint training session", "training-and-exchange", 120, "P12M", false},
    {"Send the annual implementation report", "monitoring-and-evaluation", 365, "P1Y", false},
    {"Send the contact list of focal points to the other parties", "annexes", 30, "", true},
    {"Agree the standard operating procedure for joint controls", "joint-operations", 150, "", false},
}};

const char* instrument_for(std::mt19937& rng) {
    int r = static_cast<int>(rng() % 100);
    return r < 58 ? "mou" : r < 83 ? "moa" : r < 95 ? "addendum" : "exchange-of-letters";
}

tracking::Status status_for(std::mt19937& rng) {
    int r = static_cast<int>(rng() % 100);
    using S = tracking::Status;
    return r < 8    ? S::draft
           : r < 16 ? S::under_negotiation
           : r < 21 ? S::signed_
           : r < 70 ? S::in_force
           : r < 73 ? S::suspended
           : r < 87 ? S::expired
           : r < 94 ? S::terminated
                    : S::superseded;
}

std::optional<std::string> iso(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return d->iso();
}

void bind_optional(SQLite::Statement& st, int i, const std::optional<std::string>& v) {
    if (v)
        st.bind(i, *v);
    else
        st.bind(i);
}

}  // namespace

DemoSummary generate_demo_data(Database& db, int count, Date today, unsigned seed,
                               const std::function<bool(int, int)>& progress) {
    std::mt19937 rng(seed);
    DemoSummary summary;
    auto& sql = db.sql();
    // A large page cache keeps the growing indexes in memory instead of spilling dirty pages to
    // the WAL again and again (about ten times faster for 100,000 agreements).
    int cache = sql.execAndGet("PRAGMA cache_size").getInt();
    sql.exec("PRAGMA cache_size = -262144");
    struct RestoreCache {
        SQLite::Database& sql;
        int pages;
        ~RestoreCache() { sql.tryExec("PRAGMA cache_size = " + std::to_string(pages)); }
    } restore{sql, cache};
    WriteTransaction tx(db);
    int first = sql.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM agreement").getInt();
    std::string now = now_utc();

    SQLite::Statement agreement(
        sql,
        "INSERT INTO agreement(id, reference, title, instrument, level, languages, status, signature_date, "
        "entry_into_force, duration, indefinite, tacit_renewal, notice_period, next_review, "
        "computed_entry_into_force, computed_expiry, computed_notice_deadline, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement party(sql,
                            "INSERT INTO party(agreement_id, position, name, short_name, kind, country, role, "
                            "signatory_name, signatory_title) VALUES (?, ?, ?, ?, ?, ?, 'party', ?, ?)");
    SQLite::Statement element(sql,
                              "INSERT INTO agreement_element(agreement_id, element, source) VALUES (?, ?, 'draft')");
    SQLite::Statement action(sql,
                             "INSERT INTO action(agreement_id, element, title, owner_party_id, due_date, recurrence, "
                             "series_start, status, completed_on, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement audit(sql,
                            "INSERT INTO audit(at, user, entity, entity_id, agreement, field, old_value, new_value) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    auto record = [&](const char* entity, Id id, Id agreement_id, const char* field,
                      const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
        audit.bind(1, now);
        audit.bind(2, db.user());
        audit.bind(3, entity);
        audit.bind(4, static_cast<int64_t>(id));
        audit.bind(5, static_cast<int64_t>(agreement_id));
        audit.bind(6, field);
        bind_optional(audit, 7, old_value);
        bind_optional(audit, 8, new_value);
        audit.exec();
        audit.reset();
        ++summary.audit_rows;
    };

    for (int n = 0; n < count; ++n) {
        // Often enough for a Cancel button to answer at once (an agreement takes about 10 ms).
        if (progress && n % 20 == 0 && !progress(n, count)) return {};  // the transaction rolls back
        Id id = first + n;
        const Country& c = countries[rng() % countries.size()];
        const char* instrument = instrument_for(rng);
        tracking::Status status = status_for(rng);
        bool french = std::string_view(c.customs).find("Direction") != std::string_view::npos ||
                      std::string_view(c.customs).find("Administration") != std::string_view::npos;

        tracking::AgreementDates dates;
        bool past_signature = status != tracking::Status::draft && status != tracking::Status::under_negotiation;
        Date signed_on = today.add_days(-static_cast<int>(rng() % 7000) - 30);
        if (status == tracking::Status::signed_) signed_on = today.add_days(-static_cast<int>(rng() % 120));
        if (past_signature) dates.signature = signed_on;
        if (past_signature && status != tracking::Status::signed_)
            dates.entry_into_force = signed_on.add_days(static_cast<int>(rng() % 60));
        int kind = static_cast<int>(rng() % 10);
        if (kind < 3) {
            dates.indefinite = true;
        } else if (kind < 7) {
            dates.duration = Duration{.years = 3 + static_cast<int>(rng() % 3)};
        } else {
            dates.duration = Duration{.years = 2};
            dates.tacit_renewal = Duration{.years = 1};
            dates.notice_period = Duration{.months = 3};
        }
        if (dates.entry_into_force)
            dates.next_review =
                tracking::add(*dates.entry_into_force, Duration{.years = 2 + static_cast<int>(rng() % 2)});
        if (status == tracking::Status::in_force && dates.next_review && *dates.next_review < today.add_days(-400))
            dates.next_review = today.add_days(static_cast<int>(rng() % 700) - 60);

        std::string year = dates.signature ? std::to_string(dates.signature->year()) : std::to_string(today.year());
        std::string reference = std::string(instrument == std::string_view("mou")        ? "MOU"
                                            : instrument == std::string_view("moa")      ? "MOA"
                                            : instrument == std::string_view("addendum") ? "ADD"
                                                                                         : "EOL") +
                                "/" + c.code + "/" + year + "/" + std::to_string(id);
        std::string title =
            french ? std::string("Protocole de coopération entre la ") + c.customs + " et la " + c.police
                   : std::string("Cooperation between the ") + c.customs + " and the " + c.police + " of " + c.name;

        agreement.bind(1, static_cast<int64_t>(id));
        agreement.bind(2, reference);
        agreement.bind(3, title);
        agreement.bind(4, instrument);
        agreement.bind(5, moudesk::to_code(static_cast<PartnershipLevel>(2 + rng() % 4)));
        agreement.bind(6, french ? "fr" : rng() % 4 == 0 ? "en,fr" : "en");
        agreement.bind(7, tracking::to_code(status));
        bind_optional(agreement, 8, iso(dates.signature));
        bind_optional(agreement, 9, iso(dates.entry_into_force));
        bind_optional(agreement, 10, dates.duration ? std::optional(dates.duration->iso()) : std::nullopt);
        agreement.bind(11, dates.indefinite ? 1 : 0);
        bind_optional(agreement, 12, dates.tacit_renewal ? std::optional(dates.tacit_renewal->iso()) : std::nullopt);
        bind_optional(agreement, 13, dates.notice_period ? std::optional(dates.notice_period->iso()) : std::nullopt);
        bind_optional(agreement, 14, iso(dates.next_review));
        bind_optional(agreement, 15, iso(tracking::entry_into_force(dates).date));
        bind_optional(agreement, 16, iso(tracking::expiry(dates, today).date));
        bind_optional(agreement, 17, iso(tracking::notice_deadline(dates, today).date));
        agreement.bind(18, now);
        agreement.bind(19, now);
        agreement.exec();
        agreement.reset();
        record("agreement", id, id, "created", std::nullopt, reference);
        ++summary.agreements;

        std::array<Id, 2> party_ids{};
        const char* names[2] = {c.customs, c.police};
        const char* kinds[2] = {"customs", "police"};
        for (int p = 0; p < 2; ++p) {
            party.bind(1, static_cast<int64_t>(id));
            party.bind(2, p);
            party.bind(3, names[p]);
            party.bind(4, p == 0 ? (french ? "Douane" : "Customs") : "Police");
            party.bind(5, kinds[p]);
            party.bind(6, c.code);
            party.bind(7, "");
            party.bind(8, p == 0 ? (french ? "Directeur général" : "Director-General")
                                 : (french ? "Directeur général" : "Commissioner"));
            party.exec();
            party.reset();
            party_ids[static_cast<std::size_t>(p)] = sql.getLastInsertRowid();
            record("party", party_ids[static_cast<std::size_t>(p)], id, "created", std::nullopt, names[p]);
            ++summary.parties;
        }

        std::vector<const char*> chosen;
        for (const char* e : elements)
            if (rng() % 100 < 55) chosen.push_back(e);
        for (const char* e : chosen) {
            element.bind(1, static_cast<int64_t>(id));
            element.bind(2, e);
            element.exec();
            element.reset();
        }

        if (!dates.entry_into_force) continue;
        bool ended = status == tracking::Status::expired || status == tracking::Status::terminated ||
                     status == tracking::Status::superseded;
        for (const ActionTemplate& t : action_templates) {
            for (int p = 0; p < (t.each ? 2 : 1); ++p) {
                if (summary.actions % 9 == 8 && !t.each) continue;  // not every agreement has every action
                Date due = dates.entry_into_force->add_days(t.due_days);
                std::string action_status;
                std::optional<Date> completed;
                int r = static_cast<int>(rng() % 100);
                if (ended || due < today.add_days(-180)) {
                    action_status = r < 85 ? "done" : (ended || r < 93) ? "not-applicable" : "not-started";
                } else if (due < today) {
                    action_status = r < 55 ? "done" : r < 75 ? "in-progress" : r < 85 ? "blocked" : "not-started";
                } else {
                    action_status = r < 20 ? "in-progress" : "not-started";
                }
                if (action_status == "done") completed = due.add_days(static_cast<int>(rng() % 40) - 20);
                action.bind(1, static_cast<int64_t>(id));
                action.bind(2, t.element);
                action.bind(3, t.title);
                if (t.each)
                    action.bind(4, static_cast<int64_t>(party_ids[static_cast<std::size_t>(p)]));
                else
                    action.bind(4);
                action.bind(5, due.iso());
                bind_optional(action, 6, *t.every ? std::optional<std::string>(t.every) : std::nullopt);
                bind_optional(action, 7, *t.every ? std::optional(due.iso()) : std::nullopt);
                action.bind(8, action_status);
                bind_optional(action, 9, iso(completed));
                action.bind(10, now);
                action.bind(11, now);
                action.exec();
                action.reset();
                Id action_id = sql.getLastInsertRowid();
                record("action", action_id, id, "created", std::nullopt, t.title);
                ++summary.actions;
            }
        }
    }
    if (progress && !progress(count, count)) return {};
    tx.commit();
    // Statistics for the query planner: with them it picks the partial index of open actions.
    sql.exec("ANALYZE");
    return summary;
}

}  // namespace moudesk::store
