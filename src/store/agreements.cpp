#include "moudesk/store/agreements.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cctype>

#include "internal.h"
#include "moudesk/content/library.h"
#include "moudesk/core/error.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/store/audit.h"

namespace moudesk::store {

using namespace detail;
using tracking::Date;

namespace {

struct Column {
    const char* field;   // the name users and the audit trail see
    const char* column;  // the SQL column
    std::optional<std::string> value;
};

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string::npos) end = text.size();
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// The scalar fields of an agreement, in table order. The status is not among them: it changes
// only through a transition.
std::vector<Column> scalar_columns(const AgreementRecord& r) {
    const tracking::AgreementDates& d = r.dates;
    return {
        {"reference", "reference", r.reference},
        {"title", "title", r.title},
        {"instrument", "instrument", r.instrument},
        {"related", "related_id", r.related ? std::optional(std::to_string(*r.related)) : std::nullopt},
        {"relation", "relation", non_empty(r.relation)},
        {"level", "level", non_empty(r.level)},
        {"languages", "languages", join(r.languages, ",")},
        {"signature", "signature_date", iso_of(d.signature)},
        {"entry-into-force", "entry_into_force", iso_of(d.entry_into_force)},
        {"days-after-notification", "days_after_notification",
         d.days_after_last_notification ? std::optional(std::to_string(*d.days_after_last_notification))
                                        : std::nullopt},
        {"last-notification", "last_notification", iso_of(d.last_notification)},
        {"duration", "duration", iso_of(d.duration)},
        {"indefinite", "indefinite", d.indefinite ? "1" : "0"},
        {"expiry", "expiry", iso_of(d.expiry)},
        {"tacit-renewal", "tacit_renewal", iso_of(d.tacit_renewal)},
        {"notice-period", "notice_period", iso_of(d.notice_period)},
        {"next-review", "next_review", iso_of(d.next_review)},
    };
}

constexpr const char* select_agreement =
    "SELECT id, reference, title, instrument, related_id, relation, level, languages, status, signature_date, "
    "entry_into_force, days_after_notification, last_notification, duration, indefinite, expiry, tacit_renewal, "
    "notice_period, next_review, created_at, updated_at FROM agreement ";

AgreementRecord read_agreement(SQLite::Statement& st) {
    AgreementRecord r;
    r.id = st.getColumn(0).getInt64();
    r.reference = st.getColumn(1).getString();
    r.title = st.getColumn(2).getString();
    r.instrument = st.getColumn(3).getString();
    if (!st.getColumn(4).isNull()) r.related = st.getColumn(4).getInt64();
    r.relation = st.getColumn(5).getString();
    r.level = st.getColumn(6).getString();
    r.languages = split(st.getColumn(7).getString(), ',');
    r.status = tracking::status_from_code(st.getColumn(8).getString()).value_or(tracking::Status::draft);
    auto& d = r.dates;
    d.signature = date_of(text_or_null(st, 9));
    d.entry_into_force = date_of(text_or_null(st, 10));
    if (!st.getColumn(11).isNull()) d.days_after_last_notification = st.getColumn(11).getInt();
    d.last_notification = date_of(text_or_null(st, 12));
    d.duration = duration_of(text_or_null(st, 13));
    d.indefinite = st.getColumn(14).getInt() != 0;
    d.expiry = date_of(text_or_null(st, 15));
    d.tacit_renewal = duration_of(text_or_null(st, 16));
    d.notice_period = duration_of(text_or_null(st, 17));
    d.next_review = date_of(text_or_null(st, 18));
    r.created_at = st.getColumn(19).getString();
    r.updated_at = st.getColumn(20).getString();
    return r;
}

void write_computed(Database& db, Id id, const tracking::AgreementDates& dates, Date today) {
    SQLite::Statement st(db.sql(),
                         "UPDATE agreement SET computed_entry_into_force = ?, computed_expiry = ?, "
                         "computed_notice_deadline = ? WHERE id = ?");
    bind_text(st, 1, iso_of(tracking::entry_into_force(dates).date));
    bind_text(st, 2, iso_of(tracking::expiry(dates, today).date));
    bind_text(st, 3, iso_of(tracking::notice_deadline(dates, today).date));
    st.bind(4, static_cast<int64_t>(id));
    st.exec();
}

bool valid_language_code(const std::string& code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> check_party(const PartyRecord& p, const std::string& where) {
    std::vector<std::string> problems;
    if (p.name.find_first_not_of(" \t") == std::string::npos) problems.push_back(where + " has no name");
    if (!drafting::is_party_kind(p.kind)) problems.push_back(where + " has an unknown kind '" + p.kind + "'");
    if (p.role != "party" && p.role != "observer")
        problems.push_back(where + " has an unknown role '" + p.role + "' (party or observer)");
    for (const Contact& c : p.contacts) {
        if (c.name.find_first_not_of(" \t") == std::string::npos) problems.push_back(where + ": a contact has no name");
        if (c.role != "focal-point" && c.role != "contact")
            problems.push_back(where + ": contact '" + c.name + "' has an unknown role '" + c.role + "'");
    }
    return problems;
}

[[noreturn]] void refuse(const std::string& what, const std::vector<std::string>& problems) {
    std::string message = what;
    for (const auto& p : problems) message += "\n  - " + p;
    throw Error(ErrorCategory::bad_input, message);
}

Id insert_party(Database& db, Id agreement, PartyRecord& p, int position) {
    SQLite::Statement st(db.sql(),
                         "INSERT INTO party(agreement_id, position, name, short_name, kind, country, role, "
                         "signatory_name, signatory_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(agreement));
    st.bind(2, position);
    st.bind(3, p.name);
    st.bind(4, p.short_name);
    st.bind(5, p.kind);
    st.bind(6, p.country);
    st.bind(7, p.role);
    st.bind(8, p.signatory_name);
    st.bind(9, p.signatory_title);
    st.exec();
    p.id = db.sql().getLastInsertRowid();
    AuditTrail(db).record("party", p.id, agreement, "created", std::nullopt, p.name);
    return p.id;
}

Id insert_contact(Database& db, Id agreement, Id party, Contact& c) {
    SQLite::Statement st(db.sql(),
                         "INSERT INTO contact(party_id, role, name, function, email, phone) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(party));
    st.bind(2, c.role);
    st.bind(3, c.name);
    st.bind(4, c.function);
    st.bind(5, c.email);
    st.bind(6, c.phone);
    st.exec();
    c.id = db.sql().getLastInsertRowid();
    AuditTrail(db).record("contact", c.id, agreement, "created", std::nullopt, c.name);
    return c.id;
}

void upsert_element(Database& db, Id agreement, const ElementCoverage& e) {
    SQLite::Statement old(db.sql(), "SELECT source FROM agreement_element WHERE agreement_id = ? AND element = ?");
    old.bind(1, static_cast<int64_t>(agreement));
    old.bind(2, e.element);
    std::optional<std::string> before;
    if (old.executeStep()) before = old.getColumn(0).getString();
    SQLite::Statement st(db.sql(),
                         "INSERT OR REPLACE INTO agreement_element(agreement_id, element, source, confidence) "
                         "VALUES (?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(agreement));
    st.bind(2, e.element);
    st.bind(3, e.source);
    if (e.confidence)
        st.bind(4, *e.confidence);
    else
        st.bind(4);
    st.exec();
    if (before != e.source)
        AuditTrail(db).record("agreement", agreement, agreement, "element " + e.element, before, e.source);
}

void touch(Database& db, Id agreement) {
    SQLite::Statement st(db.sql(), "UPDATE agreement SET updated_at = ? WHERE id = ?");
    st.bind(1, now_utc());
    st.bind(2, static_cast<int64_t>(agreement));
    st.exec();
}

void require_party(Database& db, Id agreement, Id party) {
    SQLite::Statement st(db.sql(), "SELECT 1 FROM party WHERE id = ? AND agreement_id = ?");
    st.bind(1, static_cast<int64_t>(party));
    st.bind(2, static_cast<int64_t>(agreement));
    if (!st.executeStep())
        throw Error(ErrorCategory::bad_input,
                    "agreement " + std::to_string(agreement) + " has no party with id " + std::to_string(party));
}

// The WHERE clause and its values for a list filter; values are bound in order.
std::string where_clause(const AgreementFilter& f, std::vector<std::string>& values) {
    std::vector<std::string> terms;
    if (!f.status.empty()) {
        terms.push_back("a.status = ?");
        values.push_back(f.status);
    }
    if (!f.instrument.empty()) {
        terms.push_back("a.instrument = ?");
        values.push_back(f.instrument);
    }
    if (!f.party.empty()) {
        terms.push_back(
            "EXISTS (SELECT 1 FROM party p WHERE p.agreement_id = a.id AND (p.name LIKE ? ESCAPE '\\' OR "
            "p.short_name LIKE ? ESCAPE '\\'))");
        std::string like = "%";
        for (char c : f.party) {
            if (c == '%' || c == '_' || c == '\\') like += '\\';
            like += c;
        }
        like += '%';
        values.push_back(like);
        values.push_back(like);
    }
    if (!f.element.empty()) {
        // The element bits of agreement.element_mask answer without touching the element rows;
        // an element past the mask's 63 bits falls back to them.
        terms.push_back(
            "(CASE WHEN (SELECT bit FROM element_bit WHERE slug = ?) < 63 "
            "THEN (a.element_mask >> (SELECT bit FROM element_bit WHERE slug = ?)) & 1 "
            "ELSE a.id IN (SELECT agreement_id FROM agreement_element WHERE element = ?) END)");
        values.insert(values.end(), {f.element, f.element, f.element});
    }
    if (f.due_for_review) {
        // An agreement that has ended is not reviewed (as tracking::standing says).
        terms.push_back("a.next_review <= ? AND a.status NOT IN ('expired', 'terminated', 'superseded')");
        values.push_back(f.review_by.iso());
    }
    // Text without a word (only spaces) filters nothing; an empty MATCH would be an FTS5 error.
    if (std::string query = fts_query(f.text); !query.empty()) {
        terms.push_back("a.id IN (SELECT agreement FROM search_index WHERE search_index MATCH ?)");
        values.push_back(std::move(query));
    }
    std::string sql;
    for (const auto& t : terms) sql += (sql.empty() ? " WHERE " : " AND ") + t;
    return sql;
}

const char* sort_column(AgreementSort sort) {
    switch (sort) {
        case AgreementSort::reference: return "a.reference";
        case AgreementSort::title: return "a.title";
        case AgreementSort::instrument: return "a.instrument";
        case AgreementSort::status: return "a.status";
        case AgreementSort::entry_into_force: return "a.computed_entry_into_force";
        case AgreementSort::expiry: return "a.computed_expiry";
        case AgreementSort::next_review: return "a.next_review";
    }
    return "a.reference";
}

}  // namespace

std::vector<std::string> Agreements::check(const AgreementRecord& r) {
    std::vector<std::string> problems;
    if (r.reference.find_first_not_of(" \t") == std::string::npos) problems.push_back("the reference is empty");
    if (r.title.find_first_not_of(" \t") == std::string::npos) problems.push_back("the title is empty");
    if (!is_register_instrument(r.instrument))
        problems.push_back("unknown instrument '" + r.instrument + "' (mou, moa, addendum or exchange-of-letters)");
    if (r.related.has_value() != !r.relation.empty())
        problems.push_back("an agreement that amends or supersedes another needs both the relation and the agreement");
    if (!r.relation.empty() && r.relation != "amends" && r.relation != "supersedes")
        problems.push_back("unknown relation '" + r.relation + "' (amends or supersedes)");
    if (r.related) {
        if (*r.related == r.id)
            problems.push_back("an agreement cannot amend or supersede itself");
        else if (!exists(*r.related))
            problems.push_back("there is no agreement " + std::to_string(*r.related) + " to amend or supersede");
    }
    if (!r.level.empty() && !level_from_code(r.level))
        problems.push_back("unknown partnership level '" + r.level + "'");
    if (r.languages.empty()) problems.push_back("no language is given");
    for (const auto& l : r.languages)
        if (!valid_language_code(l)) problems.push_back("'" + l + "' is not a language code (en, fr, ar, …)");
    for (std::size_t i = 0; i < r.parties.size(); ++i) {
        auto more = check_party(r.parties[i], "party " + std::to_string(i + 1));
        problems.insert(problems.end(), more.begin(), more.end());
    }
    for (const auto& e : r.elements)
        if (e.source != "draft" && e.source != "detected" && e.source != "manual")
            problems.push_back("key element '" + e.element + "' has an unknown source '" + e.source + "'");
    auto dates = tracking::check_dates(r.dates);
    problems.insert(problems.end(), dates.begin(), dates.end());
    return problems;
}

bool Agreements::exists(Id id) {
    SQLite::Statement st(db_.sql(), "SELECT 1 FROM agreement WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    return st.executeStep();
}

std::optional<Id> Agreements::find(const std::string& reference) {
    SQLite::Statement st(db_.sql(), "SELECT id FROM agreement WHERE reference = ?");
    st.bind(1, reference);
    if (!st.executeStep()) return std::nullopt;
    return st.getColumn(0).getInt64();
}

Id Agreements::add(AgreementRecord r) {
    if (auto problems = check(r); !problems.empty()) refuse("the agreement cannot be added:", problems);
    WriteTransaction tx(db_);
    if (find(r.reference))
        throw Error(ErrorCategory::bad_input, "an agreement with the reference '" + r.reference + "' exists already");
    auto columns = scalar_columns(r);
    std::string names = "status, created_at, updated_at", marks = "?, ?, ?";
    for (const auto& c : columns) {
        names += std::string(", ") + c.column;
        marks += ", ?";
    }
    SQLite::Statement st(db_.sql(), "INSERT INTO agreement(" + names + ") VALUES (" + marks + ")");
    std::string now = now_utc();
    st.bind(1, tracking::to_code(r.status));
    st.bind(2, now);
    st.bind(3, now);
    int i = 4;
    for (const auto& c : columns) bind_text(st, i++, c.value);
    st.exec();
    r.id = db_.sql().getLastInsertRowid();
    AuditTrail(db_).record("agreement", r.id, r.id, "created", std::nullopt, r.reference);
    write_computed(db_, r.id, r.dates, Date::today());
    int position = 0;
    for (PartyRecord& p : r.parties) {
        insert_party(db_, r.id, p, position++);
        for (Contact& c : p.contacts) insert_contact(db_, r.id, p.id, c);
    }
    for (const auto& e : r.elements) upsert_element(db_, r.id, e);
    tx.commit();
    return r.id;
}

AgreementRecord Agreements::get(Id id) {
    SQLite::Statement st(db_.sql(), std::string(select_agreement) + "WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep()) throw Error(ErrorCategory::bad_input, "there is no agreement with id " + std::to_string(id));
    AgreementRecord r = read_agreement(st);

    SQLite::Statement parties(db_.sql(),
                              "SELECT id, name, short_name, kind, country, role, signatory_name, signatory_title "
                              "FROM party WHERE agreement_id = ? ORDER BY position, id");
    parties.bind(1, static_cast<int64_t>(id));
    while (parties.executeStep()) {
        PartyRecord p;
        p.id = parties.getColumn(0).getInt64();
        p.name = parties.getColumn(1).getString();
        p.short_name = parties.getColumn(2).getString();
        p.kind = parties.getColumn(3).getString();
        p.country = parties.getColumn(4).getString();
        p.role = parties.getColumn(5).getString();
        p.signatory_name = parties.getColumn(6).getString();
        p.signatory_title = parties.getColumn(7).getString();
        SQLite::Statement contacts(db_.sql(),
                                   "SELECT id, role, name, function, email, phone FROM contact WHERE party_id = ? "
                                   "ORDER BY id");
        contacts.bind(1, static_cast<int64_t>(p.id));
        while (contacts.executeStep()) {
            Contact c;
            c.id = contacts.getColumn(0).getInt64();
            c.role = contacts.getColumn(1).getString();
            c.name = contacts.getColumn(2).getString();
            c.function = contacts.getColumn(3).getString();
            c.email = contacts.getColumn(4).getString();
            c.phone = contacts.getColumn(5).getString();
            p.contacts.push_back(std::move(c));
        }
        r.parties.push_back(std::move(p));
    }
    SQLite::Statement elements(db_.sql(),
                               "SELECT element, source, confidence FROM agreement_element WHERE agreement_id = ? "
                               "ORDER BY element");
    elements.bind(1, static_cast<int64_t>(id));
    while (elements.executeStep()) {
        ElementCoverage e;
        e.element = elements.getColumn(0).getString();
        e.source = elements.getColumn(1).getString();
        if (!elements.getColumn(2).isNull()) e.confidence = elements.getColumn(2).getDouble();
        r.elements.push_back(std::move(e));
    }
    return r;
}

void Agreements::update(const AgreementRecord& changed) {
    WriteTransaction tx(db_);
    AgreementRecord before = get(changed.id);
    AgreementRecord next = before;  // parties, elements and status stay as stored
    next.reference = changed.reference;
    next.title = changed.title;
    next.instrument = changed.instrument;
    next.related = changed.related;
    next.relation = changed.relation;
    next.level = changed.level;
    next.languages = changed.languages;
    next.dates = changed.dates;
    if (auto problems = check(next); !problems.empty())
        refuse("agreement " + before.reference + " cannot be changed:", problems);
    if (next.reference != before.reference && find(next.reference))
        throw Error(ErrorCategory::bad_input,
                    "an agreement with the reference '" + next.reference + "' exists already");
    auto old_columns = scalar_columns(before);
    auto new_columns = scalar_columns(next);
    AuditTrail audit(db_);
    bool changed_any = false;
    for (std::size_t i = 0; i < new_columns.size(); ++i) {
        if (old_columns[i].value == new_columns[i].value) continue;
        SQLite::Statement st(db_.sql(),
                             std::string("UPDATE agreement SET ") + new_columns[i].column + " = ? WHERE id = ?");
        bind_text(st, 1, new_columns[i].value);
        st.bind(2, static_cast<int64_t>(next.id));
        st.exec();
        audit.record("agreement", next.id, next.id, new_columns[i].field, old_columns[i].value, new_columns[i].value);
        changed_any = true;
    }
    if (changed_any) {
        touch(db_, next.id);
        write_computed(db_, next.id, next.dates, Date::today());
    }
    tx.commit();
}

int Agreements::set_status(Id id, tracking::Status to, Date on, const std::string& reason,
                           const content::Library* library) {
    WriteTransaction tx(db_);
    AgreementRecord r = get(id);
    if (auto refusal = tracking::refuse_transition(r.status, to))
        throw Error(ErrorCategory::bad_input, "agreement " + r.reference + ": " + *refusal);

    // Dates the transition itself establishes, when the user has not given them; refused when they
    // contradict the dates already recorded (entering into force before the signature).
    tracking::AgreementDates dates = r.dates;
    if (to == tracking::Status::signed_ && !dates.signature) dates.signature = on;
    if (to == tracking::Status::in_force && !dates.entry_into_force && !dates.days_after_last_notification)
        dates.entry_into_force = on;
    if (dates.signature != r.dates.signature || dates.entry_into_force != r.dates.entry_into_force) {
        auto before = tracking::check_dates(r.dates);
        std::vector<std::string> contradictions;
        for (auto& problem : tracking::check_dates(dates))
            if (std::find(before.begin(), before.end(), problem) == before.end()) contradictions.push_back(problem);
        if (!contradictions.empty())
            refuse("agreement " + r.reference + ": " +
                       (to == tracking::Status::signed_ ? "signing" : "entering into force") + " on " + on.iso() +
                       " contradicts its dates:",
                   contradictions);
    }

    SQLite::Statement st(db_.sql(),
                         "INSERT INTO transition(agreement_id, from_status, to_status, on_date, by_user, reason, "
                         "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(id));
    st.bind(2, tracking::to_code(r.status));
    st.bind(3, tracking::to_code(to));
    st.bind(4, on.iso());
    st.bind(5, db_.user());
    st.bind(6, reason);
    st.bind(7, now_utc());
    st.exec();
    SQLite::Statement set(db_.sql(), "UPDATE agreement SET status = ?, updated_at = ? WHERE id = ?");
    set.bind(1, tracking::to_code(to));
    set.bind(2, now_utc());
    set.bind(3, static_cast<int64_t>(id));
    set.exec();
    AuditTrail audit(db_);
    audit.record("agreement", id, id, "status", tracking::to_code(r.status), tracking::to_code(to));

    {
        AgreementRecord next = r;
        next.dates = dates;
        auto old_columns = scalar_columns(r);
        auto new_columns = scalar_columns(next);
        for (std::size_t i = 0; i < new_columns.size(); ++i) {
            if (old_columns[i].value == new_columns[i].value) continue;
            SQLite::Statement u(db_.sql(),
                                std::string("UPDATE agreement SET ") + new_columns[i].column + " = ? WHERE id = ?");
            bind_text(u, 1, new_columns[i].value);
            u.bind(2, static_cast<int64_t>(id));
            u.exec();
            audit.record("agreement", id, id, new_columns[i].field, old_columns[i].value, new_columns[i].value);
        }
    }
    write_computed(db_, id, dates, Date::today());

    // An agreement that ends leaves nothing to implement: its open actions no longer apply.
    if (tracking::is_final(to)) {
        std::vector<Id> open;
        SQLite::Statement st_open(db_.sql(),
                                  "SELECT id FROM action WHERE agreement_id = ? AND status IN "
                                  "('not-started', 'in-progress', 'blocked')");
        st_open.bind(1, static_cast<int64_t>(id));
        while (st_open.executeStep()) open.push_back(st_open.getColumn(0).getInt64());
        for (Id action : open) {
            std::string before =
                db_.sql().execAndGet("SELECT status FROM action WHERE id = " + std::to_string(action)).getString();
            db_.sql().exec("UPDATE action SET status = 'not-applicable' WHERE id = " + std::to_string(action));
            audit.record("action", action, id, "status", before, "not-applicable");
        }
    }

    int created = 0;
    if (to == tracking::Status::in_force && library) {
        SQLite::Statement existing(db_.sql(),
                                   "SELECT count(*) FROM action WHERE agreement_id = ? AND commitment != ''");
        existing.bind(1, static_cast<int64_t>(id));
        existing.executeStep();
        auto listed = versions(id);
        std::optional<Date> eif = tracking::entry_into_force(dates).date;
        if (existing.getColumn(0).getInt() == 0 && !listed.empty() && eif) {
            DocumentVersion latest = version(id, listed.back().version);
            drafting::Draft draft =
                drafting::parse_draft(latest.draft, r.reference + " version " + std::to_string(latest.version));
            Language language = draft.languages.empty() ? Language::en : draft.languages.front();
            for (const tracking::PlannedAction& planned : tracking::plan_actions(*library, draft, *eif, language)) {
                ActionRecord action;
                action.agreement = id;
                action.commitment = planned.commitment;
                action.clause = planned.clause;
                action.element = planned.element;
                action.title = planned.title;
                if (planned.party >= 0 && static_cast<std::size_t>(planned.party) < r.parties.size())
                    action.owner_party = r.parties[static_cast<std::size_t>(planned.party)].id;
                action.due = planned.due;
                action.recurrence = planned.recurrence;
                if (planned.recurrence) action.series_start = planned.due;
                action.notes = planned.note;
                insert_action(db_, action);
                ++created;
            }
        }
    }
    tx.commit();
    return created;
}

std::vector<Transition> Agreements::transitions(Id id) {
    SQLite::Statement st(db_.sql(),
                         "SELECT id, from_status, to_status, on_date, by_user, reason, recorded_at FROM transition "
                         "WHERE agreement_id = ? ORDER BY id");
    st.bind(1, static_cast<int64_t>(id));
    std::vector<Transition> out;
    while (st.executeStep()) {
        Transition t;
        t.id = st.getColumn(0).getInt64();
        t.from = tracking::status_from_code(st.getColumn(1).getString()).value_or(tracking::Status::draft);
        t.to = tracking::status_from_code(st.getColumn(2).getString()).value_or(tracking::Status::draft);
        t.on = Date::parse(st.getColumn(3).getString()).value_or(Date{});
        t.by = st.getColumn(4).getString();
        t.reason = st.getColumn(5).getString();
        t.recorded_at = st.getColumn(6).getString();
        out.push_back(std::move(t));
    }
    return out;
}

Id Agreements::add_party(Id agreement, PartyRecord party) {
    if (auto problems = check_party(party, "the party"); !problems.empty())
        refuse("the party cannot be added:", problems);
    WriteTransaction tx(db_);
    require_agreement(db_, agreement);
    int position = db_.sql()
                       .execAndGet("SELECT coalesce(max(position) + 1, 0) FROM party WHERE agreement_id = " +
                                   std::to_string(agreement))
                       .getInt();
    insert_party(db_, agreement, party, position);
    for (Contact& c : party.contacts) insert_contact(db_, agreement, party.id, c);
    touch(db_, agreement);
    tx.commit();
    return party.id;
}

void Agreements::update_party(Id agreement, const PartyRecord& p) {
    if (auto problems = check_party(p, "the party"); !problems.empty())
        refuse("the party cannot be changed:", problems);
    WriteTransaction tx(db_);
    require_party(db_, agreement, p.id);
    SQLite::Statement old(db_.sql(),
                          "SELECT name, short_name, kind, country, role, signatory_name, signatory_title FROM party "
                          "WHERE id = ?");
    old.bind(1, static_cast<int64_t>(p.id));
    old.executeStep();
    const std::pair<const char*, const std::string*> fields[] = {{"name", &p.name},
                                                                 {"short_name", &p.short_name},
                                                                 {"kind", &p.kind},
                                                                 {"country", &p.country},
                                                                 {"role", &p.role},
                                                                 {"signatory_name", &p.signatory_name},
                                                                 {"signatory_title", &p.signatory_title}};
    AuditTrail audit(db_);
    for (int i = 0; i < 7; ++i) {
        std::string before = old.getColumn(i).getString();
        if (before == *fields[i].second) continue;
        SQLite::Statement st(db_.sql(), std::string("UPDATE party SET ") + fields[i].first + " = ? WHERE id = ?");
        st.bind(1, *fields[i].second);
        st.bind(2, static_cast<int64_t>(p.id));
        st.exec();
        audit.record("party", p.id, agreement, fields[i].first, before, *fields[i].second);
    }
    touch(db_, agreement);
    tx.commit();
}

void Agreements::remove_party(Id agreement, Id party) {
    WriteTransaction tx(db_);
    require_party(db_, agreement, party);
    std::string name = db_.sql().execAndGet("SELECT name FROM party WHERE id = " + std::to_string(party)).getString();
    AuditTrail audit(db_);
    {
        // The party's actions lose their owner (ON DELETE SET NULL): a change to them, audited too.
        SQLite::Statement owned(db_.sql(), "SELECT id FROM action WHERE owner_party_id = ? ORDER BY id");
        owned.bind(1, static_cast<int64_t>(party));
        while (owned.executeStep())
            audit.record("action", owned.getColumn(0).getInt64(), agreement, "owner-party", std::to_string(party),
                         std::nullopt);
    }
    db_.sql().exec("DELETE FROM party WHERE id = " + std::to_string(party));
    audit.record("party", party, agreement, "removed", name, std::nullopt);
    touch(db_, agreement);
    tx.commit();
}

void Agreements::move_party(Id agreement, Id party, int step) {
    WriteTransaction tx(db_);
    require_party(db_, agreement, party);
    std::vector<Id> order;
    SQLite::Statement st(db_.sql(), "SELECT id FROM party WHERE agreement_id = ? ORDER BY position, id");
    st.bind(1, static_cast<int64_t>(agreement));
    while (st.executeStep()) order.push_back(st.getColumn(0).getInt64());
    auto at = std::find(order.begin(), order.end(), party) - order.begin();
    auto target = at + step;
    if (target < 0 || target >= static_cast<long>(order.size())) return;  // already first or last
    std::swap(order[static_cast<std::size_t>(at)], order[static_cast<std::size_t>(target)]);
    for (std::size_t i = 0; i < order.size(); ++i)
        db_.sql().exec("UPDATE party SET position = " + std::to_string(i) + " WHERE id = " + std::to_string(order[i]));
    AuditTrail(db_).record("party", party, agreement, "position", std::to_string(at + 1), std::to_string(target + 1));
    touch(db_, agreement);
    tx.commit();
}

Id Agreements::add_contact(Id agreement, Id party, Contact contact) {
    PartyRecord holder;
    holder.name = "x";
    holder.contacts = {contact};
    if (auto problems = check_party(holder, "the party"); !problems.empty())
        refuse("the contact cannot be added:", problems);
    WriteTransaction tx(db_);
    require_party(db_, agreement, party);
    insert_contact(db_, agreement, party, contact);
    touch(db_, agreement);
    tx.commit();
    return contact.id;
}

void Agreements::remove_contact(Id agreement, Id contact) {
    WriteTransaction tx(db_);
    SQLite::Statement st(db_.sql(),
                         "SELECT c.name FROM contact c JOIN party p ON p.id = c.party_id WHERE c.id = ? AND "
                         "p.agreement_id = ?");
    st.bind(1, static_cast<int64_t>(contact));
    st.bind(2, static_cast<int64_t>(agreement));
    if (!st.executeStep())
        throw Error(ErrorCategory::bad_input,
                    "agreement " + std::to_string(agreement) + " has no contact with id " + std::to_string(contact));
    std::string name = st.getColumn(0).getString();
    db_.sql().exec("DELETE FROM contact WHERE id = " + std::to_string(contact));
    AuditTrail(db_).record("contact", contact, agreement, "removed", name, std::nullopt);
    touch(db_, agreement);
    tx.commit();
}

void Agreements::set_element(Id agreement, const ElementCoverage& coverage) {
    if (coverage.source != "draft" && coverage.source != "detected" && coverage.source != "manual")
        throw Error(ErrorCategory::bad_input, "unknown source '" + coverage.source + "' for key element '" +
                                                  coverage.element + "' (draft, detected or manual)");
    WriteTransaction tx(db_);
    require_agreement(db_, agreement);
    upsert_element(db_, agreement, coverage);
    touch(db_, agreement);
    tx.commit();
}

void Agreements::remove_element(Id agreement, const std::string& element) {
    WriteTransaction tx(db_);
    SQLite::Statement st(db_.sql(), "SELECT source FROM agreement_element WHERE agreement_id = ? AND element = ?");
    st.bind(1, static_cast<int64_t>(agreement));
    st.bind(2, element);
    if (!st.executeStep()) return;
    std::string source = st.getColumn(0).getString();
    SQLite::Statement del(db_.sql(), "DELETE FROM agreement_element WHERE agreement_id = ? AND element = ?");
    del.bind(1, static_cast<int64_t>(agreement));
    del.bind(2, element);
    del.exec();
    AuditTrail(db_).record("agreement", agreement, agreement, "element " + element, source, std::nullopt);
    touch(db_, agreement);
    tx.commit();
}

int Agreements::add_version(Id agreement, const std::string& draft_xml, const std::string& rendered_text,
                            const std::string& label) {
    drafting::Draft draft = drafting::parse_draft(draft_xml, "the draft");  // refuse a damaged draft early
    WriteTransaction tx(db_);
    require_agreement(db_, agreement);
    int number = db_.sql()
                     .execAndGet("SELECT coalesce(max(version), 0) + 1 FROM document_version WHERE agreement_id = " +
                                 std::to_string(agreement))
                     .getInt();
    SQLite::Statement st(db_.sql(),
                         "INSERT INTO document_version(agreement_id, version, saved_at, saved_by, label, draft, "
                         "rendered_text) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(agreement));
    st.bind(2, number);
    st.bind(3, now_utc());
    st.bind(4, db_.user());
    st.bind(5, label);
    st.bind(6, draft_xml);
    st.bind(7, rendered_text);
    st.exec();
    AuditTrail(db_).record("agreement", agreement, agreement, "version", std::nullopt,
                           std::to_string(number) + (label.empty() ? "" : " " + label));
    for (const drafting::ElementChoice& e : draft.elements) upsert_element(db_, agreement, {e.slug, "draft", {}});
    touch(db_, agreement);
    tx.commit();
    return number;
}

std::vector<DocumentVersion> Agreements::versions(Id agreement) {
    SQLite::Statement st(db_.sql(),
                         "SELECT id, version, saved_at, saved_by, label FROM document_version WHERE agreement_id = ? "
                         "ORDER BY version");
    st.bind(1, static_cast<int64_t>(agreement));
    std::vector<DocumentVersion> out;
    while (st.executeStep()) {
        DocumentVersion v;
        v.id = st.getColumn(0).getInt64();
        v.version = st.getColumn(1).getInt();
        v.saved_at = st.getColumn(2).getString();
        v.saved_by = st.getColumn(3).getString();
        v.label = st.getColumn(4).getString();
        out.push_back(std::move(v));
    }
    return out;
}

DocumentVersion Agreements::version(Id agreement, int number) {
    SQLite::Statement st(db_.sql(),
                         "SELECT id, version, saved_at, saved_by, label, draft, rendered_text FROM document_version "
                         "WHERE agreement_id = ? AND version = ?");
    st.bind(1, static_cast<int64_t>(agreement));
    st.bind(2, number);
    if (!st.executeStep())
        throw Error(ErrorCategory::bad_input,
                    "agreement " + std::to_string(agreement) + " has no version " + std::to_string(number));
    DocumentVersion v;
    v.id = st.getColumn(0).getInt64();
    v.version = st.getColumn(1).getInt();
    v.saved_at = st.getColumn(2).getString();
    v.saved_by = st.getColumn(3).getString();
    v.label = st.getColumn(4).getString();
    v.draft = st.getColumn(5).getString();
    v.rendered_text = st.getColumn(6).getString();
    return v;
}

std::vector<AgreementRow> Agreements::list(const AgreementFilter& filter, AgreementSort sort, bool descending,
                                           int offset, int limit) {
    std::vector<std::string> values;
    std::string where = where_clause(filter, values);
    std::string order = std::string(sort_column(sort)) + (descending ? " DESC" : " ASC");
    SQLite::Statement st(
        db_.sql(),
        "SELECT a.id, a.reference, a.title, a.instrument, a.status, "
        "(SELECT group_concat(n, ' – ') FROM (SELECT coalesce(nullif(short_name, ''), name) AS n FROM party "
        "  WHERE agreement_id = a.id ORDER BY position)), "
        "a.computed_entry_into_force, a.computed_expiry, a.next_review FROM agreement a" +
            where + " ORDER BY " + order + ", a.id LIMIT ? OFFSET ?");
    int i = 1;
    for (const auto& v : values) st.bind(i++, v);
    st.bind(i++, limit);
    st.bind(i, offset);
    std::vector<AgreementRow> rows;
    while (st.executeStep()) {
        AgreementRow row;
        row.id = st.getColumn(0).getInt64();
        row.reference = st.getColumn(1).getString();
        row.title = st.getColumn(2).getString();
        row.instrument = st.getColumn(3).getString();
        row.status = st.getColumn(4).getString();
        row.parties = st.getColumn(5).getString();
        row.entry_into_force = st.getColumn(6).getString();
        row.expiry = st.getColumn(7).getString();
        row.next_review = st.getColumn(8).getString();
        rows.push_back(std::move(row));
    }
    return rows;
}

int Agreements::count(const AgreementFilter& filter) {
    std::vector<std::string> values;
    std::string where = where_clause(filter, values);
    SQLite::Statement st(db_.sql(), "SELECT count(*) FROM agreement a" + where);
    int i = 1;
    for (const auto& v : values) st.bind(i++, v);
    st.executeStep();
    return st.getColumn(0).getInt();
}

int Agreements::refresh_computed_dates(Date today) {
    std::vector<Id> stale;
    {
        SQLite::Statement st(db_.sql(),
                             "SELECT id FROM agreement WHERE tacit_renewal IS NOT NULL AND computed_expiry <= ?");
        st.bind(1, today.iso());
        while (st.executeStep()) stale.push_back(st.getColumn(0).getInt64());
    }
    if (stale.empty()) return 0;
    WriteTransaction tx(db_);
    for (Id id : stale) write_computed(db_, id, get(id).dates, today);
    tx.commit();
    return static_cast<int>(stale.size());
}

}  // namespace moudesk::store
