// moudesk-cli agreement …, action …, deadlines, search, backup, restore, demo-data: the register.
#include <chrono>
#include <iomanip>

#include "cli_common.h"
#include "json_output.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/writer.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/audit.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/store/demo_data.h"
#include "moudesk/store/register_draft.h"
#include "moudesk/store/search.h"

namespace moudesk::cli {

using nlohmann::json;
using tracking::Date;

namespace {

void print_json(const json& value) {
    std::cout << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

[[noreturn]] void bad(const std::string& message) {
    throw Error(ErrorCategory::bad_input, message);
}

Date date_option(const std::string& text, const char* what) {
    if (text.empty()) return Date::today();
    auto d = Date::parse(text);
    if (!d) bad(std::string(what) + ": '" + text + "' is not a date (YYYY-MM-DD)");
    return *d;
}

tracking::Status status_option(const std::string& code) {
    auto s = tracking::status_from_code(code);
    if (!s) {
        std::string known;
        for (auto k : tracking::all_statuses())
            known += (known.empty() ? "" : ", ") + std::string(tracking::to_code(k));
        bad("unknown status '" + code + "' (" + known + ")");
    }
    return *s;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

// --party "kind:Full name" or "kind:Full name:COUNTRY".
store::PartyRecord party_option(const std::string& text) {
    auto colon = text.find(':');
    if (colon == std::string::npos) bad("--party '" + text + "': write kind:name, e.g. customs:Customs Administration");
    store::PartyRecord p;
    p.kind = text.substr(0, colon);
    p.name = text.substr(colon + 1);
    if (auto last = p.name.rfind(':'); last != std::string::npos && p.name.size() - last <= 4) {
        p.country = p.name.substr(last + 1);
        p.name.erase(last);
    }
    return p;
}

// ---- agreement ----------------------------------------------------------------------------

struct AddOptions {
    RegisterOptions reg;
    std::string reference, title, instrument = "mou", level, languages = "en";
    std::vector<std::string> parties;
    store::Id amends = 0, supersedes = 0;
};

int agreement_add(const AddOptions& o) {
    auto db = o.reg.open();
    store::AgreementRecord r;
    r.reference = o.reference;
    r.title = o.title;
    r.instrument = o.instrument;
    r.level = o.level;
    r.languages = split_commas(o.languages);
    if (o.amends) r.related = o.amends, r.relation = "amends";
    if (o.supersedes) r.related = o.supersedes, r.relation = "supersedes";
    for (const auto& p : o.parties) r.parties.push_back(party_option(p));
    store::Id id = store::Agreements(*db).add(r);
    std::cout << "added agreement " << id << " (" << o.reference << ")\n";
    return ok;
}

struct ListOptions {
    RegisterOptions reg;
    store::AgreementFilter filter;
    std::string sort = "reference";
    bool descending = false, as_json = false;
    int limit = 100, offset = 0;
};

int agreement_list(const ListOptions& o) {
    auto db = o.reg.open();
    static const std::pair<const char*, store::AgreementSort> sorts[] = {
        {"reference", store::AgreementSort::reference},
        {"title", store::AgreementSort::title},
        {"instrument", store::AgreementSort::instrument},
        {"status", store::AgreementSort::status},
        {"entry-into-force", store::AgreementSort::entry_into_force},
        {"expiry", store::AgreementSort::expiry},
        {"next-review", store::AgreementSort::next_review}};
    store::AgreementSort sort = store::AgreementSort::reference;
    for (auto& [name, s] : sorts)
        if (o.sort == name) sort = s;
    store::Agreements agreements(*db);
    auto rows = agreements.list(o.filter, sort, o.descending, o.offset, o.limit);
    int total = agreements.count(o.filter);
    if (o.as_json) {
        json out = json::array();
        for (const auto& r : rows) out.push_back(to_json(r));
        print_json({{"total", total}, {"agreements", out}});
        return ok;
    }
    for (const auto& r : rows)
        std::cout << std::left << std::setw(6) << r.id << std::setw(24) << r.reference << std::setw(19) << r.status
                  << r.title << (r.parties.empty() ? "" : "  [" + r.parties + "]") << "\n";
    std::cerr << rows.size() << " of " << total << " agreements\n";
    return ok;
}

int agreement_show(const RegisterOptions& reg, store::Id id, bool as_json, const std::string& today_text) {
    auto db = reg.open();
    Date today = date_option(today_text, "--today");
    store::Agreements agreements(*db);
    store::AgreementRecord a = agreements.get(id);
    tracking::Standing standing = tracking::standing(a.status, a.dates, today);
    auto transitions = agreements.transitions(id);
    auto versions = agreements.versions(id);
    store::ActionFilter filter;
    filter.agreement = id;
    auto actions = store::Actions(*db).list(filter);
    if (as_json) {
        json out = to_json(a, standing);
        json t = json::array();
        for (const auto& x : transitions)
            t.push_back({{"from", tracking::to_code(x.from)},
                         {"to", tracking::to_code(x.to)},
                         {"on", x.on.iso()},
                         {"by", x.by},
                         {"reason", x.reason}});
        json v = json::array();
        for (const auto& x : versions)
            v.push_back(
                {{"version", x.version}, {"saved_at", x.saved_at}, {"saved_by", x.saved_by}, {"label", x.label}});
        json acts = json::array();
        for (const auto& x : actions) acts.push_back(to_json(x));
        out["transitions"] = t;
        out["versions"] = v;
        out["actions"] = acts;
        print_json(out);
        return ok;
    }
    std::cout << a.reference << " — " << a.title << "\n"
              << "  instrument: " << a.instrument << "; status: " << tracking::to_label(a.status);
    if (standing.computed) std::cout << " (by its dates: " << tracking::to_label(standing.status) << ")";
    if (standing.due_for_review) std::cout << "; due for review";
    std::cout << "\n";
    auto line = [](const char* label, const auto& value) {
        if (value) std::cout << "  " << label << ": " << value->iso() << "\n";
    };
    line("signature", a.dates.signature);
    line("entry into force", standing.entry_into_force);
    line("expiry", standing.expiry);
    if (a.dates.indefinite) std::cout << "  duration: indefinite\n";
    line("last day to give notice", standing.notice_deadline);
    line("next review", a.dates.next_review);
    for (auto f : standing.missing) std::cout << "  missing: " << tracking::to_label(f) << "\n";
    for (const auto& p : a.parties) {
        std::cout << "  party " << p.id << ": " << p.name << " (" << p.kind
                  << (p.country.empty() ? "" : ", " + p.country) << ")"
                  << (p.signatory_name.empty() ? "" : "; signatory " + p.signatory_name) << "\n";
        for (const auto& c : p.contacts)
            std::cout << "    " << c.role << ": " << c.name << (c.email.empty() ? "" : " <" + c.email + ">") << "\n";
    }
    if (!a.elements.empty()) {
        std::cout << "  key elements:";
        for (const auto& e : a.elements)
            std::cout << " " << e.element << (e.source == "draft" ? "" : "(" + e.source + ")");
        std::cout << "\n";
    }
    for (const auto& v : versions)
        std::cout << "  version " << v.version << ": " << v.saved_at << " by " << v.saved_by
                  << (v.label.empty() ? "" : " — " + v.label) << "\n";
    for (const auto& t : transitions)
        std::cout << "  " << t.on.iso() << ": " << tracking::to_label(t.from) << " → " << tracking::to_label(t.to)
                  << " by " << t.by << (t.reason.empty() ? "" : " (" + t.reason + ")") << "\n";
    for (const auto& x : actions)
        std::cout << "  action " << x.id << " [" << tracking::to_code(x.status) << "] "
                  << (x.due ? x.due->iso() : std::string("no date")) << "  " << x.title << "\n";
    return ok;
}

int agreement_set_status(const RegisterOptions& reg, const LibraryOptions& lib_opts, store::Id id,
                         const std::string& status, const std::string& on, const std::string& reason) {
    auto db = reg.open();
    tracking::Status to = status_option(status);
    std::optional<content::Library> library;
    if (to == tracking::Status::in_force) library = lib_opts.load();
    int actions =
        store::Agreements(*db).set_status(id, to, date_option(on, "--on"), reason, library ? &*library : nullptr);
    std::cout << "agreement " << id << " is now " << tracking::to_label(to);
    if (actions) std::cout << "; " << actions << " actions created from its commitments";
    std::cout << "\n";
    return ok;
}

int agreement_set_date(const RegisterOptions& reg, store::Id id, const std::string& field, const std::string& value) {
    auto db = reg.open();
    store::Agreements agreements(*db);
    store::AgreementRecord a = agreements.get(id);
    auto& d = a.dates;
    bool clear = value.empty() || value == "none";
    auto as_date = [&](std::optional<Date>& slot) {
        if (clear) return slot.reset();
        auto parsed = Date::parse(value);
        if (!parsed) bad(field + ": '" + value + "' is not a date (YYYY-MM-DD)");
        slot = parsed;
    };
    auto as_duration = [&](std::optional<tracking::Duration>& slot) {
        if (clear) return slot.reset();
        auto parsed = tracking::Duration::parse(value);
        if (!parsed) bad(field + ": '" + value + "' is not a duration (P5Y, P6M, P30D)");
        slot = parsed;
    };
    if (field == "signature")
        as_date(d.signature);
    else if (field == "entry-into-force")
        as_date(d.entry_into_force);
    else if (field == "last-notification")
        as_date(d.last_notification);
    else if (field == "expiry")
        as_date(d.expiry);
    else if (field == "next-review")
        as_date(d.next_review);
    else if (field == "duration")
        as_duration(d.duration);
    else if (field == "tacit-renewal")
        as_duration(d.tacit_renewal);
    else if (field == "notice-period")
        as_duration(d.notice_period);
    else if (field == "indefinite") {
        if (value != "yes" && value != "no") bad("indefinite: yes or no");
        d.indefinite = value == "yes";
    } else if (field == "days-after-notification") {
        if (clear) {
            d.days_after_last_notification.reset();
        } else {
            try {
                std::size_t used = 0;
                int days = std::stoi(value, &used);
                if (used != value.size() || days < 0) throw std::invalid_argument(value);
                d.days_after_last_notification = days;
            } catch (const std::logic_error&) {
                bad("days-after-notification: '" + value + "' is not a number of days");
            }
        }
    } else {
        bad("unknown date field '" + field +
            "' (signature, entry-into-force, days-after-notification, last-notification, duration, indefinite, "
            "expiry, tacit-renewal, notice-period, next-review)");
    }
    agreements.update(a);
    tracking::Standing s = tracking::standing(a.status, a.dates, Date::today());
    std::cout << "agreement " << id << ": " << field << " = " << (clear ? "(none)" : value) << "\n";
    for (auto f : s.missing) std::cout << "  still missing: " << tracking::to_label(f) << "\n";
    return ok;
}

int agreement_register_draft(const RegisterOptions& reg, const LibraryOptions& lib_opts, const std::string& file,
                             const std::string& reference, store::Id existing, const std::string& label) {
    content::Library library = lib_opts.load();
    drafting::Draft draft = drafting::read_draft(file);
    drafting::Assembly assembly = drafting::assemble(library, draft);
    std::string text = render::render_text(assembly.document);
    auto db = reg.open();
    if (existing) {
        int version = store::Agreements(*db).add_version(existing, drafting::serialize_draft(draft), text, label);
        std::cout << "saved " << file << " as version " << version << " of agreement " << existing << "\n";
        return ok;
    }
    if (reference.empty())
        bad("--reference is needed to register a new agreement (or --agreement ID for a new version)");
    store::Id id = store::register_draft(*db, library, draft, reference, text, label);
    std::cout << "registered " << file << " as agreement " << id << " (" << reference << "), version 1\n";
    return ok;
}

int agreement_element(const RegisterOptions& reg, store::Id id, const std::string& slug, bool remove) {
    auto db = reg.open();
    if (remove) {
        store::Agreements(*db).remove_element(id, slug);
        std::cout << "agreement " << id << " no longer records key element " << slug << "\n";
    } else {
        store::Agreements(*db).set_element(id, {slug, "manual", {}});
        std::cout << "agreement " << id << " covers key element " << slug << " (entered by hand)\n";
    }
    return ok;
}

// ---- action --------------------------------------------------------------------------------

int action_list(const RegisterOptions& reg, store::ActionFilter filter, const std::string& status, bool as_json,
                const std::string& today) {
    auto db = reg.open();
    filter.today = date_option(today, "--today");
    if (!status.empty()) {
        filter.status = tracking::action_status_from_code(status);
        if (!filter.status)
            bad("unknown action status '" + status + "' (not-started, in-progress, done, blocked, not-applicable)");
    }
    auto actions = store::Actions(*db).list(filter);
    if (as_json) {
        json out = json::array();
        for (const auto& a : actions) out.push_back(to_json(a));
        print_json(out);
        return ok;
    }
    for (const auto& a : actions) {
        bool overdue = tracking::is_open(a.status) && a.due && *a.due < filter.today;
        std::cout << std::left << std::setw(8) << a.id << std::setw(12) << (a.due ? a.due->iso() : "-") << std::setw(16)
                  << tracking::to_code(a.status) << (overdue ? "OVERDUE " : "") << a.title << "  (agreement "
                  << a.agreement << ")\n";
    }
    std::cerr << actions.size() << " actions\n";
    return ok;
}

struct ActionAddOptions {
    RegisterOptions reg;
    store::Id agreement = 0, owner = 0;
    std::string title, due, every, person, element, notes;
};

int action_add(const ActionAddOptions& o) {
    auto db = o.reg.open();
    store::ActionRecord a;
    a.agreement = o.agreement;
    a.title = o.title;
    a.element = o.element;
    a.notes = o.notes;
    a.owner_person = o.person;
    if (o.owner) a.owner_party = o.owner;
    if (!o.due.empty()) a.due = date_option(o.due, "--due");
    if (!o.every.empty()) {
        a.recurrence = tracking::Duration::parse(o.every);
        if (!a.recurrence) bad("--every: '" + o.every + "' is not a duration (P6M, P1Y)");
    }
    store::Id id = store::Actions(*db).add(a);
    std::cout << "added action " << id << "\n";
    return ok;
}

int action_done(const RegisterOptions& reg, store::Id id, const std::string& evidence, const std::string& on,
                const std::vector<std::string>& files) {
    auto db = reg.open();
    store::WriteTransaction tx(*db);  // the completion and its evidence files, or nothing
    auto next = store::Actions(*db).complete(id, date_option(on, "--on"), evidence);
    for (const auto& f : files) store::Actions(*db).add_evidence_file(id, fs::absolute(f).string(), "");
    tx.commit();
    std::cout << "action " << id << " done";
    if (next) {
        store::ActionRecord n = store::Actions(*db).get(*next);
        std::cout << "; next occurrence is action " << *next << ", due " << (n.due ? n.due->iso() : "-");
    }
    std::cout << "\n";
    return ok;
}

// ---- deadlines, search, backup, demo data ---------------------------------------------------

int show_deadlines(const RegisterOptions& reg, int within, bool as_json, const std::string& today_text) {
    auto db = reg.open();
    Date today = date_option(today_text, "--today");
    auto list = store::deadlines(*db, today, within);
    if (as_json) {
        json out = json::array();
        for (const auto& d : list) out.push_back(to_json(d));
        print_json(out);
        return ok;
    }
    for (const auto& d : list)
        std::cout << d.date.iso() << (d.overdue ? "  OVERDUE  " : "           ") << std::left << std::setw(8)
                  << store::to_code(d.kind) << std::setw(24) << d.reference << d.title
                  << (d.owner.empty() ? "" : "  — " + d.owner) << "\n";
    std::cerr << list.size() << " deadlines up to " << today.add_days(within).iso() << "\n";
    return ok;
}

int search_register(const RegisterOptions& reg, const std::string& words, int limit, bool as_json) {
    auto db = reg.open();
    auto hits = store::search(*db, words, limit);
    if (as_json) {
        json out = json::array();
        for (const auto& h : hits) out.push_back(to_json(h));
        print_json(out);
        return ok;
    }
    for (const auto& h : hits)
        std::cout << std::left << std::setw(10) << h.kind << std::setw(24) << h.reference << h.title << "\n    "
                  << h.snippet << "\n";
    std::cerr << hits.size() << " hits\n";
    return hits.empty() ? problems_found : ok;
}

int backup(const RegisterOptions& reg, const std::string& target) {
    auto db = reg.open();
    db->backup_to(target);
    std::cout << "backed up " << db->path().string() << " to " << target << "\n";
    return ok;
}

int restore(const RegisterOptions& reg, const std::string& source) {
    auto db = reg.open();
    db->restore_from(source);
    std::cout << "restored " << db->path().string() << " from " << source << "\n";
    return ok;
}

int demo_data(const RegisterOptions& reg, int count, unsigned seed) {
    if (count <= 0) bad("--agreements must be at least 1");
    auto db = reg.open();
    auto started = std::chrono::steady_clock::now();
    auto summary = store::generate_demo_data(*db, count, Date::today(), seed, [](int done, int total) {
        if (done % 10000 == 0 || done == total) std::cerr << "\rdemo data: " << done << " / " << total << std::flush;
        return true;
    });
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "\n";
    std::cout << "added " << summary.agreements << " agreements, " << summary.parties << " parties, " << summary.actions
              << " actions, " << summary.audit_rows << " audit rows in " << std::fixed << std::setprecision(1)
              << seconds << " s\n";
    return ok;
}

}  // namespace

void add_register_commands(CLI::App& app, Run& run) {
    static LibraryOptions lib_opts;
    static RegisterOptions reg;
    static std::string today, on, reason, text, label, file, status;
    static store::Id id = 0;
    static bool as_json = false;

    auto* agreement = app.add_subcommand("agreement", "The register of agreements");
    agreement->require_subcommand(1);

    static AddOptions add;
    auto* add_cmd = agreement->add_subcommand("add", "Add an agreement to the register");
    add.reg.add_to(add_cmd);
    add_cmd->add_option("--reference", add.reference, "The register's reference, unique")->required();
    add_cmd->add_option("--title", add.title, "The title")->required();
    add_cmd->add_option("--instrument", add.instrument, "mou, moa, addendum or exchange-of-letters")
        ->check(CLI::IsMember({"mou", "moa", "addendum", "exchange-of-letters"}));
    add_cmd->add_option("--level", add.level, "Partnership level (coexistence … integration)");
    add_cmd->add_option("--languages", add.languages, "Language codes, comma-separated (en,fr)");
    add_cmd->add_option("--party", add.parties, "A party as kind:name[:COUNTRY]; repeat for each");
    add_cmd->add_option("--amends", add.amends, "The id of the agreement this one amends");
    add_cmd->add_option("--supersedes", add.supersedes, "The id of the agreement this one supersedes");
    add_cmd->callback([&run] { run = [] { return agreement_add(add); }; });

    static ListOptions list;
    auto* list_cmd = agreement->add_subcommand("list", "List agreements, filtered and sorted");
    list.reg.add_to(list_cmd);
    list_cmd->add_option("--status", list.filter.status, "Only this status");
    list_cmd->add_option("--instrument", list.filter.instrument, "Only this instrument");
    list_cmd->add_option("--party", list.filter.party, "Only agreements with a party whose name contains this");
    list_cmd->add_option("--element", list.filter.element, "Only agreements covering this key element");
    list_cmd->add_flag("--due-for-review", list.filter.due_for_review, "Only agreements whose review is due");
    list_cmd->add_option("--search", list.filter.text, "Only agreements matching these words");
    list_cmd
        ->add_option("--sort", list.sort, "reference, title, instrument, status, entry-into-force, expiry, next-review")
        ->check(
            CLI::IsMember({"reference", "title", "instrument", "status", "entry-into-force", "expiry", "next-review"}));
    list_cmd->add_flag("--desc", list.descending, "Sort in descending order");
    list_cmd->add_option("--limit", list.limit, "At most this many (default 100)")->check(CLI::PositiveNumber);
    list_cmd->add_option("--offset", list.offset, "Skip this many first")->check(CLI::NonNegativeNumber);
    list_cmd->add_flag("--json", list.as_json, "Print JSON");
    list_cmd->callback([&run] { run = [] { return agreement_list(list); }; });

    auto* show_cmd =
        agreement->add_subcommand("show", "Show an agreement with its dates, parties, history and actions");
    reg.add_to(show_cmd);
    show_cmd->add_option("id", id, "The agreement's id")->required();
    show_cmd->add_flag("--json", as_json, "Print JSON");
    show_cmd->add_option("--today", today, "Compute the standing as on this date (YYYY-MM-DD)");
    show_cmd->callback([&run] { run = [] { return agreement_show(reg, id, as_json, today); }; });

    auto* status_cmd = agreement->add_subcommand(
        "set-status", "Move an agreement through its lifecycle; entering into force creates its actions");
    reg.add_to(status_cmd);
    lib_opts.add_to(status_cmd);
    status_cmd->add_option("id", id, "The agreement's id")->required();
    status_cmd
        ->add_option("status", status,
                     "draft, under-negotiation, signed, in-force, suspended, expired, terminated, superseded")
        ->required();
    status_cmd->add_option("--on", on, "The date of the change (default today)");
    status_cmd->add_option("--reason", reason, "Why, for the record");
    status_cmd->callback([&run] { run = [] { return agreement_set_status(reg, lib_opts, id, status, on, reason); }; });

    static std::string field, value;
    auto* date_cmd = agreement->add_subcommand("set-date", "Set or clear (value 'none') one of an agreement's dates");
    reg.add_to(date_cmd);
    date_cmd->add_option("id", id, "The agreement's id")->required();
    date_cmd
        ->add_option("field", field,
                     "signature, entry-into-force, days-after-notification, last-notification, duration, "
                     "indefinite, expiry, tacit-renewal, notice-period, next-review")
        ->required();
    date_cmd->add_option("value", value, "A date YYYY-MM-DD, a duration P5Y, a number of days, yes/no, or none")
        ->required();
    date_cmd->callback([&run] { run = [] { return agreement_set_date(reg, id, field, value); }; });

    static std::string reference;
    static store::Id existing = 0;
    auto* register_cmd = agreement->add_subcommand(
        "register-draft", "Register a .moudraft as a new agreement, or as a new version of one (--agreement)");
    reg.add_to(register_cmd);
    lib_opts.add_to(register_cmd);
    register_cmd->add_option("file", file, "The .moudraft file")->required()->check(CLI::ExistingFile);
    register_cmd->add_option("--reference", reference, "The new agreement's reference");
    register_cmd->add_option("--agreement", existing, "Add the draft as a new version of this agreement");
    register_cmd->add_option("--label", label, "A label for the version, e.g. 'after the second round'");
    register_cmd->callback(
        [&run] { run = [] { return agreement_register_draft(reg, lib_opts, file, reference, existing, label); }; });

    static std::string slug;
    static bool remove = false;
    auto* element_cmd = agreement->add_subcommand("element", "Record by hand that an agreement covers a key element");
    reg.add_to(element_cmd);
    element_cmd->add_option("id", id, "The agreement's id")->required();
    element_cmd->add_option("slug", slug, "The key element's slug (see library list)")->required();
    element_cmd->add_flag("--remove", remove, "Remove the record instead");
    element_cmd->callback([&run] { run = [] { return agreement_element(reg, id, slug, remove); }; });

    auto* action = app.add_subcommand("action", "The actions that implement agreements");
    action->require_subcommand(1);
    static store::ActionFilter action_filter;
    static store::Id filter_agreement = 0;
    auto* action_list_cmd = action->add_subcommand("list", "List actions");
    reg.add_to(action_list_cmd);
    action_list_cmd->add_option("--agreement", filter_agreement, "Only this agreement's actions");
    action_list_cmd->add_flag("--overdue", action_filter.overdue, "Only open actions past their due date");
    action_list_cmd->add_option("--status", status, "Only this status");
    action_list_cmd->add_option("--element", action_filter.element, "Only actions for this key element");
    action_list_cmd->add_option("--today", today, "Overdue as on this date (YYYY-MM-DD)");
    action_list_cmd->add_flag("--json", as_json, "Print JSON");
    action_list_cmd->callback([&run] {
        run = [] {
            if (filter_agreement) action_filter.agreement = filter_agreement;
            return action_list(reg, action_filter, status, as_json, today);
        };
    });

    static ActionAddOptions action_add_opts;
    auto* action_add_cmd = action->add_subcommand("add", "Add an action by hand");
    action_add_opts.reg.add_to(action_add_cmd);
    action_add_cmd->add_option("--agreement", action_add_opts.agreement, "The agreement's id")->required();
    action_add_cmd->add_option("--title", action_add_opts.title, "What is to be done")->required();
    action_add_cmd->add_option("--due", action_add_opts.due, "Due date YYYY-MM-DD");
    action_add_cmd->add_option("--every", action_add_opts.every, "Recurrence, e.g. P6M");
    action_add_cmd->add_option("--owner", action_add_opts.owner, "The owner party's id (see agreement show)");
    action_add_cmd->add_option("--person", action_add_opts.person, "The person responsible");
    action_add_cmd->add_option("--element", action_add_opts.element, "The key element it implements");
    action_add_cmd->add_option("--notes", action_add_opts.notes, "Notes");
    action_add_cmd->callback([&run] { run = [] { return action_add(action_add_opts); }; });

    static std::string evidence;
    auto* done_cmd = action->add_subcommand("done", "Mark an action done; a recurring one gets its next occurrence");
    reg.add_to(done_cmd);
    done_cmd->add_option("id", id, "The action's id")->required();
    done_cmd->add_option("--evidence", evidence, "What shows it was done");
    done_cmd->add_option("--on", on, "The day it was done (default today)");
    static std::vector<std::string> files;
    done_cmd->add_option("--file", files, "A file that shows it (its path is recorded; repeat for more)")
        ->check(CLI::ExistingFile);
    done_cmd->callback([&run] { run = [] { return action_done(reg, id, evidence, on, files); }; });

    static int within = 90;
    auto* deadlines_cmd =
        app.add_subcommand("deadlines", "Overdue and upcoming actions, reviews, expiries, notice days");
    reg.add_to(deadlines_cmd);
    deadlines_cmd->add_option("--within", within, "Days ahead (default 90)")->check(CLI::NonNegativeNumber);
    deadlines_cmd->add_option("--today", today, "Count from this date (YYYY-MM-DD)");
    deadlines_cmd->add_flag("--json", as_json, "Print JSON");
    deadlines_cmd->callback([&run] { run = [] { return show_deadlines(reg, within, as_json, today); }; });

    static int limit = 50;
    auto* search_cmd = app.add_subcommand("search", "Search agreements, their texts, parties, actions and notes");
    reg.add_to(search_cmd);
    search_cmd->add_option("text", text, "Words to find (accents and case do not matter)")->required();
    search_cmd->add_option("--limit", limit, "At most this many hits")->check(CLI::PositiveNumber);
    search_cmd->add_flag("--json", as_json, "Print JSON");
    search_cmd->callback([&run] { run = [] { return search_register(reg, text, limit, as_json); }; });

    auto* backup_cmd = app.add_subcommand("backup", "Copy the register to FILE (safe while moudesk runs)");
    reg.add_to(backup_cmd);
    backup_cmd->add_option("file", file, "The backup file to write")->required();
    backup_cmd->callback([&run] { run = [] { return backup(reg, file); }; });

    auto* restore_cmd = app.add_subcommand("restore", "Replace the register with a backup FILE");
    reg.add_to(restore_cmd);
    restore_cmd->add_option("file", file, "The backup file to read")->required();
    restore_cmd->callback([&run] { run = [] { return restore(reg, file); }; });

    static int count = 100;
    static unsigned seed = 2027;
    auto* demo_cmd = app.add_subcommand("demo-data", "Add a realistic generated register, for trying and benchmarks");
    reg.add_to(demo_cmd);
    demo_cmd->add_option("--agreements", count, "How many agreements (default 100)")->check(CLI::PositiveNumber);
    demo_cmd->add_option("--seed", seed, "The same seed gives the same register");
    demo_cmd->callback([&run] { run = [] { return demo_data(reg, count, seed); }; });
}

}  // namespace moudesk::cli
