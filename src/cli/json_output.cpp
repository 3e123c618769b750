#include "json_output.h"

namespace moudesk::cli {

using nlohmann::json;

namespace {

template <class T>
json iso_or_null(const std::optional<T>& value) {
    return value ? json(value->iso()) : json(nullptr);
}

json text_or_null(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

json to_json(const store::AgreementRow& row) {
    return {{"id", row.id},
            {"reference", row.reference},
            {"title", row.title},
            {"instrument", row.instrument},
            {"status", row.status},
            {"parties", row.parties},
            {"entry_into_force", text_or_null(row.entry_into_force)},
            {"expiry", text_or_null(row.expiry)},
            {"next_review", text_or_null(row.next_review)}};
}

json to_json(const store::AgreementRecord& a, const tracking::Standing& s) {
    const auto& d = a.dates;
    json parties = json::array();
    for (const auto& p : a.parties) {
        json contacts = json::array();
        for (const auto& c : p.contacts)
            contacts.push_back({{"id", c.id},
                                {"role", c.role},
                                {"name", c.name},
                                {"function", c.function},
                                {"email", c.email},
                                {"phone", c.phone}});
        parties.push_back({{"id", p.id},
                           {"name", p.name},
                           {"short_name", p.short_name},
                           {"kind", p.kind},
                           {"country", p.country},
                           {"role", p.role},
                           {"signatory", {{"name", p.signatory_name}, {"title", p.signatory_title}}},
                           {"contacts", contacts}});
    }
    json elements = json::array();
    for (const auto& e : a.elements)
        elements.push_back({{"element", e.element},
                            {"source", e.source},
                            {"confidence", e.confidence ? json(*e.confidence) : json(nullptr)}});
    json missing = json::array();
    for (auto f : s.missing) missing.push_back(tracking::to_code(f));
    return {{"id", a.id},
            {"reference", a.reference},
            {"title", a.title},
            {"instrument", a.instrument},
            {"related", a.related ? json(*a.related) : json(nullptr)},
            {"relation", text_or_null(a.relation)},
            {"level", text_or_null(a.level)},
            {"languages", a.languages},
            {"status", tracking::to_code(a.status)},
            {"standing",
             {{"status", tracking::to_code(s.status)},
              {"computed", s.computed},
              {"due_for_review", s.due_for_review},
              {"entry_into_force", iso_or_null(s.entry_into_force)},
              {"expiry", iso_or_null(s.expiry)},
              {"notice_deadline", iso_or_null(s.notice_deadline)},
              {"missing_dates", missing}}},
            {"dates",
             {{"signature", iso_or_null(d.signature)},
              {"entry_into_force", iso_or_null(d.entry_into_force)},
              {"days_after_last_notification",
               d.days_after_last_notification ? json(*d.days_after_last_notification) : json(nullptr)},
              {"last_notification", iso_or_null(d.last_notification)},
              {"duration", iso_or_null(d.duration)},
              {"indefinite", d.indefinite},
              {"expiry", iso_or_null(d.expiry)},
              {"tacit_renewal", iso_or_null(d.tacit_renewal)},
              {"notice_period", iso_or_null(d.notice_period)},
              {"next_review", iso_or_null(d.next_review)}}},
            {"parties", parties},
            {"elements", elements},
            {"created_at", a.created_at},
            {"updated_at", a.updated_at}};
}

json to_json(const store::ActionRecord& a) {
    json files = json::array();
    for (const auto& f : a.files) files.push_back({{"path", f.path}, {"description", f.description}});
    return {{"id", a.id},
            {"agreement", a.agreement},
            {"title", a.title},
            {"commitment", text_or_null(a.commitment)},
            {"clause", text_or_null(a.clause)},
            {"element", text_or_null(a.element)},
            {"owner_party", a.owner_party ? json(*a.owner_party) : json(nullptr)},
            {"owner_person", a.owner_person},
            {"due", iso_or_null(a.due)},
            {"recurrence", iso_or_null(a.recurrence)},
            {"occurrence", a.occurrence},
            {"status", tracking::to_code(a.status)},
            {"notes", a.notes},
            {"evidence", a.evidence},
            {"evidence_files", files},
            {"completed_on", iso_or_null(a.completed_on)}};
}

json to_json(const store::Deadline& d) {
    return {{"kind", store::to_code(d.kind)},
            {"date", d.date.iso()},
            {"overdue", d.overdue},
            {"agreement", d.agreement},
            {"reference", d.reference},
            {"title", d.title},
            {"action", d.action ? json(d.action) : json(nullptr)},
            {"owner", text_or_null(d.owner)}};
}

json to_json(const store::SearchHit& h) {
    return {{"kind", h.kind},           {"id", h.ref},      {"agreement", h.agreement},
            {"reference", h.reference}, {"title", h.title}, {"snippet", h.snippet}};
}

}  // namespace moudesk::cli
