#include "agreement_labels.h"

#include <wx/intl.h>

#include "moudesk/core/text.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

wxString status_label(tracking::Status status) {
    using tracking::Status;
    switch (status) {
        case Status::draft: return _("draft");
        case Status::under_negotiation: return _("under negotiation");
        case Status::signed_: return _("signed");
        case Status::in_force: return _("in force");
        case Status::suspended: return _("suspended");
        case Status::expired: return _("expired");
        case Status::terminated: return _("terminated");
        case Status::superseded: return _("superseded");
    }
    return to_wx(std::string(tracking::to_code(status)));
}

wxString status_code_label(std::string_view code) {
    if (auto status = tracking::status_from_code(code)) return status_label(*status);
    return to_wx(std::string(code));
}

wxString action_status_label(tracking::ActionStatus status) {
    using tracking::ActionStatus;
    switch (status) {
        case ActionStatus::not_started: return _("not started");
        case ActionStatus::in_progress: return _("in progress");
        case ActionStatus::done: return _("done");
        case ActionStatus::blocked: return _("blocked");
        case ActionStatus::not_applicable: return _("not applicable");
    }
    return to_wx(std::string(tracking::to_code(status)));
}

wxString action_status_code_label(std::string_view code) {
    if (auto status = tracking::action_status_from_code(code)) return action_status_label(*status);
    return to_wx(std::string(code));
}

wxString register_instrument_label(std::string_view code) {
    if (code == "mou") return _("MOU");
    if (code == "moa") return _("MOA");
    if (code == "addendum") return _("addendum");
    if (code == "exchange-of-letters") return _("exchange of letters");
    return to_wx(std::string(code));
}

wxString date_field_label(tracking::DateField field) {
    using tracking::DateField;
    switch (field) {
        case DateField::signature: return _("signature date");
        case DateField::entry_into_force: return _("entry into force date");
        case DateField::last_notification: return _("last notification date");
        case DateField::duration: return _("duration");
        case DateField::expiry: return _("expiry date");
        case DateField::renewal_period: return _("renewal period");
        case DateField::notice_period: return _("notice period");
        case DateField::next_review: return _("next review date");
    }
    return to_wx(std::string(tracking::to_code(field)));
}

wxString deadline_kind_label(store::Deadline::Kind kind) {
    switch (kind) {
        case store::Deadline::Kind::action: return _("action");
        case store::Deadline::Kind::review: return _("review");
        case store::Deadline::Kind::expiry: return _("expiry");
        case store::Deadline::Kind::notice: return _("last day for notice");
    }
    return wxString();
}

wxString element_source_label(std::string_view source) {
    if (source == "draft") return _("from the draft");
    if (source == "detected") return _("detected in the text");
    if (source == "manual") return _("added by hand");
    return to_wx(std::string(source));
}

wxString party_role_label(std::string_view role) {
    if (role == "party") return _("party");
    if (role == "observer") return _("observer");
    return to_wx(std::string(role));
}

wxString contact_role_label(std::string_view role) {
    if (role == "focal-point") return _("focal point");
    if (role == "contact") return _("contact");
    return to_wx(std::string(role));
}

wxString date_text(const std::optional<tracking::Date>& date) {
    return date ? to_wx(date->iso()) : wxString();
}

std::optional<tracking::Date> parse_date_text(const wxString& text, bool& ok) {
    const std::string value = collapse_spaces(from_wx(text));
    ok = true;
    if (value.empty()) return std::nullopt;
    auto date = tracking::Date::parse(value);
    ok = date.has_value();
    return date;
}

std::optional<tracking::Duration> parse_duration_text(const wxString& text, bool& ok) {
    std::string value = collapse_spaces(from_wx(text));
    ok = true;
    if (value.empty()) return std::nullopt;
    for (char& c : value)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto duration = tracking::Duration::parse(value);
    ok = duration.has_value();
    return duration;
}

wxString element_title(const content::Library& library, const std::string& slug) {
    if (const content::KeyElement* element = library.find_element(slug)) {
        const Language ui = content_language();
        const std::string& title = element->title.has(ui)
                                       ? element->title[ui]
                                       : element->title[ui == Language::en ? Language::fr : Language::en];
        if (!title.empty()) return to_wx(title);
    }
    return to_wx(slug);
}

}  // namespace moudesk::gui
