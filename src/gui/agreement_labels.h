#pragma once
/// @brief Translated names of the register's vocabulary (agreement statuses, action statuses,
/// instruments, date fields, deadline kinds, key element sources) and the small conversions the
/// Agreements and Dashboard pages share (dates as text, the key element titles of the library).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <wx/string.h>

#include "moudesk/content/library.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/tracking/commitments.h"
#include "moudesk/tracking/date.h"
#include "moudesk/tracking/lifecycle.h"

namespace moudesk::gui {

/// "draft", "in force", … in the interface language.
wxString status_label(tracking::Status status);
/// The same for a status code ("in-force"); the code itself when unknown.
wxString status_code_label(std::string_view code);
/// "not started", "in progress", "done", "blocked", "not applicable".
wxString action_status_label(tracking::ActionStatus status);
wxString action_status_code_label(std::string_view code);
/// The register's instruments: "MOU", "MOA", "addendum", "exchange of letters".
wxString register_instrument_label(std::string_view code);
/// "signature date", "entry into force date", …
wxString date_field_label(tracking::DateField field);
/// "action", "review", "expiry", "last day for notice".
wxString deadline_kind_label(store::Deadline::Kind kind);
/// "from the draft", "detected", "added by hand".
wxString element_source_label(std::string_view source);
/// "party", "observer"; "focal point", "contact".
wxString party_role_label(std::string_view role);
wxString contact_role_label(std::string_view role);

/// "YYYY-MM-DD", or empty.
wxString date_text(const std::optional<tracking::Date>& date);
/// A date typed by the user: empty text gives nullopt; `ok` is false for text that is not a
/// date (YYYY-MM-DD that exists).
std::optional<tracking::Date> parse_date_text(const wxString& text, bool& ok);
/// A duration typed by the user ("P5Y", "P6M"): empty text gives nullopt; `ok` false when invalid.
std::optional<tracking::Duration> parse_duration_text(const wxString& text, bool& ok);

/// A key element's title in the interface language (the slug when the library lacks it).
wxString element_title(const content::Library& library, const std::string& slug);

}  // namespace moudesk::gui
