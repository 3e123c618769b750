#include "error_reporting.h"

#include <cstdio>
#include <new>

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "wx_text.h"

namespace moudesk::gui {
namespace {

ErrorSink& sink() {
    static ErrorSink instance;
    return instance;
}

wxString advice_for(ErrorCategory category) {
    switch (category) {
        case ErrorCategory::bad_input:
            return _("The file or value given is not valid. Correct what the details below name and try again.");
        case ErrorCategory::bad_content:
            return _(
                "The clause library or a template has a problem that prevents this. The Library page "
                "lists the problems found; ask whoever maintains the clause library to correct them.");
        case ErrorCategory::environment:
            return _(
                "A file or folder could not be read or written. Check that it exists, that you may "
                "write to the folder and that the disk is not full, then try again.");
        case ErrorCategory::internal: break;
    }
    return _(
        "This is a bug in moudesk. Your work is still open: save it, and report the bug with the "
        "details below.");
}

}  // namespace

wxString ErrorReport::full_text() const {
    wxString text = summary;
    if (!advice.empty()) text << "\n\n" << advice;
    if (!details.empty()) text << "\n\n" << details;
    return text;
}

ErrorReport describe_exception(std::exception_ptr error, const wxString& attempted) {
    ErrorReport report;
    report.attempted = attempted;
    report.summary =
        attempted.empty() ? wxString(_("The last action failed.")) : wxString::Format(_("Could not %s."), attempted);
    try {
        if (error) std::rethrow_exception(error);
        report.category = ErrorCategory::internal;
        report.advice = advice_for(ErrorCategory::internal);
    } catch (const Error& e) {
        report.category = e.category();
        report.advice = advice_for(e.category());
        report.details = to_wx(std::string(e.what()));
    } catch (const std::bad_alloc&) {
        report.advice = _("moudesk ran out of memory. Close other programs, save your work and try again.");
    } catch (const std::exception& e) {
        report.advice = advice_for(ErrorCategory::internal);
        report.details = to_wx(std::string(e.what()));
    } catch (...) {
        report.advice = advice_for(ErrorCategory::internal);
        report.details = _("An exception of an unknown type was thrown.");
    }
    return report;
}

ErrorReport describe_current_exception(const wxString& attempted) {
    return describe_exception(std::current_exception(), attempted);
}

void report_error(wxWindow* parent, const ErrorReport& report) {
    try {
        const std::string line = from_wx(report.summary + " " + report.details);
        std::fprintf(stderr, "moudesk: error: %s\n", line.c_str());
        if (sink()) {
            sink()(report);
            return;
        }
        // An error raised while the dialog for another is open (a paint handler that keeps
        // failing) goes to stderr only, so the user is not buried under dialogs.
        static bool showing = false;
        if (showing) return;
        showing = true;
        struct Reset {
            ~Reset() { showing = false; }
        } reset;
        wxMessageDialog dialog(parent, report.summary, _("moudesk"), wxOK | wxICON_ERROR | wxCENTRE);
        wxString extended = report.advice;
        if (!report.details.empty()) extended << "\n\n" << report.details;
        dialog.SetExtendedMessage(extended);
        dialog.SetOKLabel(_("OK"));
        dialog.ShowModal();
    } catch (...) {
        std::fputs("moudesk: error: could not show an error report\n", stderr);
    }
}

void report_current_exception(wxWindow* parent, const wxString& attempted) {
    ErrorReport report;
    try {
        report = describe_current_exception(attempted);
    } catch (...) {
        std::fputs("moudesk: error: could not describe an error\n", stderr);
        return;
    }
    report_error(parent, report);
}

ErrorSink set_error_sink(ErrorSink new_sink) {
    ErrorSink old = std::move(sink());
    sink() = std::move(new_sink);
    return old;
}

}  // namespace moudesk::gui
