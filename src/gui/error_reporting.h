#pragma once
/// @brief The one place that turns any exception into words for the user, and shows them.
///
/// In a catch block:
///     try { save(); } catch (...) { report_current_exception(this, _("save the draft")); }
/// Around an event handler (the exception is reported, the window and what was typed stay):
///     Bind(wxEVT_BUTTON, guarded(this, _("export the agreement"), [this](wxCommandEvent&) { … }));
/// Anything that still escapes an event handler reaches App::OnExceptionInMainLoop, which reports
/// it the same way and keeps the application running.
///
/// `attempted` names what the user was doing as a verb phrase in the infinitive, translated:
/// _("open the draft"), _("save the draft"). The dialog says "Could not open the draft.", then a
/// sentence chosen by the error's category (bad input, bad content, environment, internal), then
/// the exception's own message (which names the file, line or field).

#include <exception>
#include <functional>
#include <optional>
#include <utility>

#include <wx/string.h>
#include <wx/window.h>

#include "moudesk/core/error.h"

namespace moudesk::gui {

struct ErrorReport {
    wxString attempted;                     ///< what the user was doing, e.g. "save the draft" (may be empty)
    wxString summary;                       ///< first line: "Could not save the draft."
    wxString advice;                        ///< what happened and what to do, by category
    wxString details;                       ///< the exception's own message: file, line, reason
    std::optional<ErrorCategory> category;  ///< nullopt for exceptions that are not moudesk::Error

    /// summary, advice and details as one text (what the dialog shows).
    wxString full_text() const;
};

/// The report for `error` (a null pointer gives a report for an unknown failure).
ErrorReport describe_exception(std::exception_ptr error, const wxString& attempted);
/// The report for the exception being handled; call it inside a catch block.
ErrorReport describe_current_exception(const wxString& attempted);

/// Shows the exception being handled in an error dialog over `parent` (may be null) and writes it
/// to stderr. Never throws; call it inside a catch block.
void report_current_exception(wxWindow* parent, const wxString& attempted);
/// Shows a report (also one built by hand for a refused action) the same way.
void report_error(wxWindow* parent, const ErrorReport& report);

/// Where reports go instead of the modal dialog; tests set it to record them. An empty function
/// restores the dialog. Returns the sink that was in place.
using ErrorSink = std::function<void(const ErrorReport&)>;
ErrorSink set_error_sink(ErrorSink sink);

/// `handler` wrapped so that an exception it throws is reported (naming `attempted`) instead of
/// escaping into wxWidgets. Works with any event type, and with no argument for CallAfter():
///     CallAfter(guarded(this, _("refresh the preview"), [this] { refresh(); }));
/// Use it for CallAfter() and QueueEvent() handlers in particular: wxWidgets reports exceptions
/// from menu, button, timer and idle handlers through App::OnExceptionInMainLoop, but one thrown
/// from a queued call would cross GTK's C code and end the program.
template <typename Handler>
auto guarded(wxWindow* parent, wxString attempted, Handler handler) {
    return [parent, attempted = std::move(attempted), handler = std::move(handler)](auto&... event) {
        try {
            handler(event...);
        } catch (...) {
            report_current_exception(parent, attempted);
        }
    };
}

}  // namespace moudesk::gui
