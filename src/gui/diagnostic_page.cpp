#include "diagnostic_page.h"

#include <algorithm>
#include <set>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "agreement_dialog.h"
#include "agreement_labels.h"
#include "coverage_grid.h"
#include "detect_dialog.h"
#include "error_reporting.h"
#include "moudesk/core/text.h"
#include "moudesk/diagnostic/agreement_text.h"
#include "moudesk/diagnostic/detect.h"
#include "moudesk/diagnostic/report.h"
#include "moudesk/drafting/draft.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/coverage.h"
#include "moudesk/store/register_draft.h"
#include "questionnaire_panel.h"
#include "results_panel.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace fs = std::filesystem;
using tracking::Date;

namespace {

const wxColour problem_colour(0xA0, 0x00, 0x00);
constexpr int default_due_days = 90;

// One name per line (or separated by semicolons), blanks dropped.
std::vector<std::string> names_of(const wxString& text) {
    std::vector<std::string> out;
    wxString all = text;
    all.Replace(";", "\n");
    for (const wxString& line : wxSplit(all, '\n', '\0')) {
        std::string name = collapse_spaces(from_wx(line));
        if (!name.empty()) out.push_back(name);
    }
    return out;
}

wxString lines_of(const std::vector<std::string>& names) {
    wxString out;
    for (const std::string& name : names) out << (out.empty() ? "" : "\n") << to_wx(name);
    return out;
}

wxString joined(const std::vector<std::string>& names) {
    wxString out;
    for (const std::string& name : names) out << (out.empty() ? "" : ", ") << to_wx(name);
    return out;
}

wxString agreement_label(const store::AgreementRow& a) {
    return wxString::Format("%s — %s (%s)", to_wx(a.reference), to_wx(a.title), status_code_label(a.status));
}

// The scope fields of the New assessment and Scope forms.
void add_scope_fields(FormDialog& form, const diagnostic::Assessment& a) {
    form.add_text("title", _("&Title:"), to_wx(a.title), _("e.g. Ruritania 2027"));
    form.add_text("country", _("&Country:"), to_wx(a.country));
    form.add_text("agencies", _("&Agencies assessed:"), lines_of(a.agencies), _("one per line"), true);
    form.add_text("assessors", _("A&ssessors:"), lines_of(a.assessors), _("one per line"), true);
    form.add_text("date", _("&Date:"), to_wx(a.date.iso()), _("YYYY-MM-DD"));
}

// The scope typed in the form into `a`; a problem to show, or empty.
wxString read_scope_fields(const FormDialog& form, diagnostic::Assessment& a) {
    a.title = collapse_spaces(from_wx(form.text("title")));
    if (a.title.empty()) return _("Give the assessment a title.");
    bool ok = true;
    const std::optional<Date> date = parse_date_text(form.text("date"), ok);
    if (!ok) return wxString::Format(_("“%s” is not a date: write it as YYYY-MM-DD."), form.text("date"));
    a.date = date.value_or(Date::today());
    a.country = collapse_spaces(from_wx(form.text("country")));
    a.agencies = names_of(form.text("agencies"));
    a.assessors = names_of(form.text("assessors"));
    return wxString();
}

}  // namespace

DiagnosticPage::DiagnosticPage(wxWindow* parent, AppContext& context) : Page(parent, wxID_ANY), context_(context) {
    SetName("diagnostic-page");
    build();
    if (content_->IsShown()) {
        fill_choice();
        load_assessment(rows_.empty() ? std::nullopt : std::optional<store::Id>(rows_.front().id));
    }
}

DiagnosticPage::~DiagnosticPage() = default;

wxString DiagnosticPage::page_name() const {
    return _("Diagnostic");
}

void DiagnosticPage::build() {
    auto* top = new wxBoxSizer(wxVERTICAL);
    unavailable_ = new wxStaticText(this, wxID_ANY, wxString());
    unavailable_->SetForegroundColour(problem_colour);
    top->Add(unavailable_, 0, wxEXPAND | wxALL, FromDIP(12));

    auto* content = new wxPanel(this);
    content_ = content;
    auto* body = new wxBoxSizer(wxVERTICAL);

    // The assessment worked on.
    auto* header = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
    auto* label = new wxStaticText(content, wxID_ANY, _("Assess&ment:"));
    label->SetFont(label->GetFont().Bold());
    header->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    choice_ = new wxChoice(content, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, -1)));
    choice_->SetName("assessments");
    header->Add(choice_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(10));
    auto* add = new wxButton(content, wxID_ANY, _("Ne&w…"));
    add->SetToolTip(_("Start an assessment with every question not assessed yet"));
    reassess_ = new wxButton(content, wxID_ANY, _("&Re-assess…"));
    reassess_->SetToolTip(
        _("Start the next assessment from a copy of this one, its answers included, to compare them afterwards"));
    scope_button_ = new wxButton(content, wxID_ANY, _("S&cope…"));
    scope_button_->SetToolTip(_("Title, country, agencies, assessors and date of this assessment"));
    for (wxButton* b : {add, reassess_, scope_button_})
        header->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    body->Add(header, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    scope_ = new wxStaticText(content, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    scope_->SetName("scope");
    scope_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    body->Add(scope_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));

    notebook_ = new wxNotebook(content, wxID_ANY);
    notebook_->SetName("diagnostic-tabs");
    questionnaire_ = new QuestionnairePanel(notebook_, context_,
                                            [this](const diagnostic::QuestionAnswer& a) { return save_answer(a); });
    results_ = new ResultsPanel(notebook_, context_);
    coverage_page_ = new wxPanel(notebook_);
    {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        coverage_count_ = new wxStaticText(coverage_page_, wxID_ANY, wxString());
        coverage_count_->SetFont(coverage_count_->GetFont().Bold());
        row->Add(coverage_count_, 1, wxALIGN_CENTER_VERTICAL);
        all_agreements_ = new wxCheckBox(coverage_page_, wxID_ANY, _("Every agreement, not only those in &force"));
        all_agreements_->SetName("all-agreements");
        row->Add(all_agreements_, 0, wxALIGN_CENTER_VERTICAL);
        sizer->Add(row, 0, wxEXPAND | wxALL, FromDIP(6));
        coverage_ = new CoverageGrid(coverage_page_, context_.library);
        sizer->Add(coverage_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
        // The legend: a swatch and its meaning for each kind of cell.
        auto* legend = new wxBoxSizer(wxHORIZONTAL);
        for (std::uint8_t cell : {std::uint8_t{1}, std::uint8_t{2}, std::uint8_t{0}}) {
            auto* swatch = new wxStaticText(coverage_page_, wxID_ANY,
                                            cell == 1   ? wxString::FromUTF8(" ✓ ")
                                            : cell == 2 ? wxString(" ! ")
                                                        : wxString("    "),
                                            wxDefaultPosition, FromDIP(wxSize(28, -1)),
                                            wxALIGN_CENTRE_HORIZONTAL | wxBORDER_SIMPLE);
            swatch->SetBackgroundColour(CoverageGrid::cell_colour(cell));
            legend->Add(swatch, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
            legend->Add(new wxStaticText(coverage_page_, wxID_ANY, CoverageGrid::cell_label(cell)), 0,
                        wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
        }
        auto* hint = new wxStaticText(coverage_page_, wxID_ANY, _("Double-click a row to open the agreement."));
        hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        legend->Add(hint, 0, wxALIGN_CENTER_VERTICAL);
        sizer->Add(legend, 0, wxEXPAND | wxALL, FromDIP(6));
        coverage_page_->SetSizer(sizer);
    }
    notebook_->AddPage(questionnaire_, _("Questionnaire"));
    notebook_->AddPage(results_, _("Results"));
    notebook_->AddPage(coverage_page_, _("Coverage"));
    body->Add(notebook_, 1, wxEXPAND | wxALL, FromDIP(6));

    // What closes the gaps, and the agreements an assessor brings.
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    addendum_ = new wxButton(content, wxID_ANY, _("Draft an a&ddendum…"));
    addendum_->SetToolTip(
        _("An addendum to an agreement of the register adding the key elements the gaps need, opened in the "
          "Drafting page"));
    plan_ = new wxButton(content, wxID_ANY, _("Action p&lan…"));
    plan_->SetToolTip(_("One action per gap, added to an agreement of the register"));
    export_ = new wxButton(content, wxID_ANY, _("E&xport report…"));
    export_->SetToolTip(_("The assessment report as DOCX, PDF or HTML"));
    auto* import = new wxButton(content, wxID_ANY, _("&Import an agreement…"));
    import->SetToolTip(
        _("Read an existing agreement (TXT, DOCX, ODT, PDF), recognise its key elements and record them in the "
          "register"));
    for (wxButton* b : {addendum_, plan_, export_}) actions->Add(b, 0, wxRIGHT, FromDIP(6));
    actions->AddStretchSpacer();
    actions->Add(import, 0);
    body->Add(actions, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    content->SetSizer(body);
    top->Add(content, 1, wxEXPAND);

    // The questionnaire's problems, as the Library page lists the library's.
    problems_heading_ = new wxStaticText(this, wxID_ANY, wxString());
    problems_heading_->SetFont(problems_heading_->GetFont().Bold());
    top->Add(problems_heading_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    problems_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)),
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    problems_->SetName("questionnaire-problems");
    problems_->AppendColumn(_("Severity"), wxLIST_FORMAT_LEFT, FromDIP(80));
    problems_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(230));
    problems_->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    problems_->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(800));
    top->Add(problems_, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(top);

    const auto& items = context_.questionnaire_problems.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Problem& p = items[i];
        const long row =
            problems_->InsertItem(static_cast<long>(i), p.severity == Severity::error ? _("Error") : _("Warning"));
        problems_->SetItem(row, 1, to_wx(fs::path(p.where.file).filename().string()));
        problems_->SetItem(row, 2, p.where.line > 0 ? wxString::Format("%d", p.where.line) : wxString());
        problems_->SetItem(row, 3, to_wx(p.message));
        if (p.severity == Severity::error) problems_->SetItemTextColour(row, problem_colour);
    }
    const int n = static_cast<int>(items.size());
    problems_heading_->SetLabel(wxString::Format(
        wxPLURAL("Problems found loading the questionnaire: %d", "Problems found loading the questionnaire: %d", n),
        n));
    problems_heading_->Show(n > 0);
    problems_->Show(n > 0);

    wxString unavailable;
    if (!context_.register_db) {
        unavailable = wxString::Format(_("The agreements register %s could not be opened."), to_wx(context_.db_path)) +
                      "\n\n" + context_.register_problem + "\n\n" +
                      _("Assessments are kept in the register: the Diagnostic page needs it.");
    } else if (context_.questionnaire.areas.empty()) {
        unavailable = wxString::Format(_("The diagnostic questionnaire %s could not be loaded: no question to ask."),
                                       to_wx(context_.questionnaire_path)) +
                      "\n\n" + _("Its problems are listed below.");
    }
    if (!unavailable.empty()) {
        unavailable_->SetLabel(unavailable);
        content_->Hide();
    } else {
        unavailable_->Hide();
    }

    choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = choice_->GetSelection();
        if (i >= 0 && static_cast<std::size_t>(i) < rows_.size())
            select_assessment(rows_[static_cast<std::size_t>(i)].id);
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_assessment(); });
    reassess_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reassess(); });
    scope_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_scope(); });
    addendum_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { draft_addendum(); });
    plan_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { action_plan(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_report(); });
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_agreement();
});
all_agreements_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh_coverage(); });
coverage_->on_open([this](std::int64_t agreement) {
    if (context_.show_agreement) context_.show_agreement(agreement, 0);
});
notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
    event.Skip();
    if (event.GetEventObject() != notebook_) return;
    // Typed notes are saved before another view shows them.
    questionnaire_->flush();
    if (event.GetSelection() == results_tab && results_stale_) refresh_results();
    if (event.GetSelection() == coverage_tab && coverage_stale_) refresh_coverage();
});
// A link to a question in the results ("answer", a changed answer).
results_->Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
    if (event.GetEventObject() == results_) show_question(from_wx(event.GetString()));
});
}  // namespace moudesk::gui

void DiagnosticPage::page_shown() {
    if (!content_->IsShown()) return;
    if (notebook_->GetSelection() == results_tab && results_stale_) refresh_results();
    if (notebook_->GetSelection() == coverage_tab && coverage_stale_) refresh_coverage();
}

bool DiagnosticPage::confirm_close() {
    return !content_->IsShown() || questionnaire_->flush();
}

void DiagnosticPage::register_changed() {
    results_stale_ = coverage_stale_ = true;
    if (IsShownOnScreen()) page_shown();
}

wxString DiagnosticPage::unavailable_text() const {
    return content_->IsShown() ? wxString() : unavailable_->GetLabel();
}

// --- assessments ------------------------------------------------------------------------------

void DiagnosticPage::fill_choice() {
    rows_.clear();
    if (!context_.register_db) return;
    try {
        rows_ = store::Assessments(*context_.register_db).list();
    } catch (...) {
        report_current_exception(this, _("read the assessments"));
    }
    choice_->Clear();
    for (const store::AssessmentRow& r : rows_) {
        wxString label = wxString::Format("%s — %s", to_wx(r.assessed_on), to_wx(r.title));
        if (!r.country.empty()) label << " (" << to_wx(r.country) << ")";
        choice_->Append(label);
    }
    if (rows_.empty()) choice_->Append(_("(no assessment yet: New… starts one)"));
    choice_->Enable(!rows_.empty());
}

void DiagnosticPage::load_assessment(std::optional<store::Id> id) {
    current_.reset();
    previous_.reset();
    if (id && context_.register_db) {
        try {
            store::Assessments assessments(*context_.register_db);
            current_ = assessments.get(*id);
            if (current_->previous) previous_ = assessments.get(*current_->previous);
        } catch (...) {
            report_current_exception(this, _("read the assessment"));
        }
    }
    int index = wxNOT_FOUND;
    for (std::size_t i = 0; current_ && i < rows_.size(); ++i)
        if (rows_[i].id == current_->id) index = static_cast<int>(i);
    choice_->SetSelection(rows_.empty() ? 0 : index);  // the placeholder when there is none
    questionnaire_->set_assessment(assessment());
    update_scope();
    update_buttons();
    results_stale_ = true;
    if (notebook_->GetSelection() == results_tab) refresh_results();
}

std::optional<store::Id> DiagnosticPage::selected_assessment() const {
    return current_ ? std::optional<store::Id>(current_->id) : std::nullopt;
}

bool DiagnosticPage::select_assessment(store::Id id) {
    if (current_ && current_->id == id) return true;
    const auto it = std::find_if(rows_.begin(), rows_.end(), [&](const auto& r) { return r.id == id; });
    if (it == rows_.end()) return false;
    if (!questionnaire_->flush()) {
        load_assessment(selected_assessment());  // stays on the assessment being typed in
        return false;
    }
    load_assessment(id);
    return current_.has_value();
}

void DiagnosticPage::update_scope() {
    if (!current_) {
        scope_->SetLabel(rows_.empty() ? _("Start with New…: an assessment is the questionnaire answered for one "
                                           "country at one date.")
                                       : wxString());
        return;
    }
    const diagnostic::Assessment& a = *current_;
    wxString text = wxString::Format(_("Date: %s"), to_wx(a.date.iso()));
    if (!a.country.empty()) text << "  ·  " << wxString::Format(_("Country: %s"), to_wx(a.country));
    if (!a.agencies.empty()) text << "  ·  " << wxString::Format(_("Agencies: %s"), joined(a.agencies));
    if (!a.assessors.empty()) text << "  ·  " << wxString::Format(_("Assessors: %s"), joined(a.assessors));
    if (previous_)
        text << "  ·  "
             << wxString::Format(_("Re-assesses: %s (%s)"), to_wx(previous_->title), to_wx(previous_->date.iso()));
    scope_->SetLabel(text);
    scope_->SetToolTip(text);
}

void DiagnosticPage::update_buttons() {
    const bool chosen = current_.has_value();
    reassess_->Enable(chosen);
    scope_button_->Enable(chosen);
    addendum_->Enable(chosen);
    plan_->Enable(chosen);
    export_->Enable(chosen);
}

bool DiagnosticPage::save_answer(const diagnostic::QuestionAnswer& answer) {
    if (!current_ || !context_.register_db) return false;
    try {
        store::Assessments(*context_.register_db).answer(current_->id, answer);
    } catch (...) {
        report_current_exception(this, _("save the answer"));
        return false;
    }
    auto it = std::find_if(current_->answers.begin(), current_->answers.end(),
                           [&](const diagnostic::QuestionAnswer& a) { return a.question == answer.question; });
    if (it != current_->answers.end())
        *it = answer;
    else
        current_->answers.push_back(answer);
    results_stale_ = true;
    for (store::AssessmentRow& r : rows_)
        if (r.id == current_->id)
            r.answered =
                static_cast<int>(std::count_if(current_->answers.begin(), current_->answers.end(),
                                               [](auto& a) { return a.answer != diagnostic::Answer::not_assessed; }));
    return true;
}

std::optional<store::Id> DiagnosticPage::new_assessment() {
    if (!context_.register_db || !questionnaire_->flush()) return std::nullopt;
    diagnostic::Assessment a;
    a.date = Date::today();
    FormDialog form(this, _("New assessment"),
                    _("An assessment answers the questionnaire for one country at one date. Every question starts "
                      "as not assessed."));
    add_scope_fields(form, a);
    store::Id id = 0;
    form.on_ok(
        [&]() -> wxString {
            const wxString problem = read_scope_fields(form, a);
            if (!problem.empty()) return problem;
            a.questionnaire_version = context_.questionnaire.version;
            id = store::Assessments(*context_.register_db).add(a);
            return wxString();
        },
        _("add the assessment"));
    if (form.run() != wxID_OK || id == 0) return std::nullopt;
    fill_choice();
    load_assessment(id);
    show_tab(questionnaire_tab);
    questionnaire_->show_question(0, 0);
    if (context_.show_status) context_.show_status(wxString::Format(_("Assessment “%s” added."), to_wx(a.title)));
    return id;
}

std::optional<store::Id> DiagnosticPage::reassess() {
    if (!current_ || !context_.register_db || !questionnaire_->flush()) return std::nullopt;
    const diagnostic::Assessment from = *current_;
    FormDialog form(this, _("Re-assess"),
                    wxString::Format(_("The new assessment starts as a copy of “%s”, its answers included: change "
                                       "what is different now. The Results tab then compares the two."),
                                     to_wx(from.title)));
    form.add_text("title", _("&Title:"), to_wx(from.title) + " — " + to_wx(Date::today().iso()));
    form.add_text("date", _("&Date:"), to_wx(Date::today().iso()), _("YYYY-MM-DD"));
    store::Id id = 0;
    form.on_ok(
        [&]() -> wxString {
            const std::string title = collapse_spaces(from_wx(form.text("title")));
            if (title.empty()) return _("Give the assessment a title.");
            bool ok = true;
            const std::optional<Date> date = parse_date_text(form.text("date"), ok);
            if (!ok) return wxString::Format(_("“%s” is not a date: write it as YYYY-MM-DD."), form.text("date"));
            id = store::Assessments(*context_.register_db).reassess(from.id, date.value_or(Date::today()), title);
            return wxString();
        },
        _("re-assess"));
    if (form.run() != wxID_OK || id == 0) return std::nullopt;
    fill_choice();
    load_assessment(id);
    if (context_.show_status)
        context_.show_status(wxString::Format(_("Re-assessment of “%s” started from its answers."), to_wx(from.title)));
    return id;
}

bool DiagnosticPage::edit_scope() {
    if (!current_ || !context_.register_db || !questionnaire_->flush()) return false;
    diagnostic::Assessment a = *current_;
    FormDialog form(this, _("Scope of the assessment"));
    add_scope_fields(form, a);
    form.on_ok(
        [&]() -> wxString {
            const wxString problem = read_scope_fields(form, a);
            if (!problem.empty()) return problem;
            store::Assessments(*context_.register_db).update_scope(a);
            return wxString();
        },
        _("save the scope of the assessment"));
    if (form.run() != wxID_OK) return false;
    const store::Id id = a.id;
    fill_choice();
    load_assessment(id);
    return true;
}

// --- views --------------------------------------------------------------------------------------

void DiagnosticPage::show_tab(Tab tab) {
    notebook_->SetSelection(static_cast<std::size_t>(tab));  // sends the page-changed event
    if (tab == results_tab && results_stale_) refresh_results();
    if (tab == coverage_tab && coverage_stale_) refresh_coverage();
}

bool DiagnosticPage::show_question(const std::string& id) {
    const auto& areas = context_.questionnaire.areas;
    for (std::size_t a = 0; a < areas.size(); ++a)
        for (std::size_t q = 0; q < areas[a].questions.size(); ++q)
            if (areas[a].questions[q].id == id) {
                show_tab(questionnaire_tab);
                return questionnaire_->show_question(a, q);
            }
    return false;
}

std::vector<std::string> DiagnosticPage::probed_elements() const {
    std::vector<std::string> out;
    for (const diagnostic::Question* q : context_.questionnaire.questions())
        for (const std::string& e : q->elements)
            if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    return out;
}

std::vector<diagnostic::Gap> DiagnosticPage::current_gaps() {
    if (!current_ || !context_.register_db) return {};
    return diagnostic::gaps(context_.questionnaire, *current_,
                            store::register_coverage(*context_.register_db, probed_elements(), Date::today()));
}

void DiagnosticPage::refresh_results() {
    results_stale_ = false;
    std::vector<diagnostic::Gap> gaps;
    try {
        gaps = current_gaps();
    } catch (...) {
        report_current_exception(this, _("read what the register says about the gaps"));
    }
    results_->show(assessment(), previous(), std::move(gaps));
}

void DiagnosticPage::refresh_coverage() {
    coverage_stale_ = false;
    if (!context_.register_db) return;
    std::vector<std::string> elements;
    for (const content::KeyElement& e : context_.library.elements)
        if (e.group == content::ElementGroup::cooperation) elements.push_back(e.slug);
    const bool all = all_agreements_->GetValue();
    store::CoverageMatrix matrix;
    try {
        matrix = store::coverage_matrix(*context_.register_db, elements, Date::today(), !all);
    } catch (...) {
        report_current_exception(this, _("read the coverage of the key elements"));
        return;
    }
    const int n = static_cast<int>(matrix.rows.size());
    coverage_count_->SetLabel(
        all ? wxString::Format(wxPLURAL("%d agreement × %d key elements", "%d agreements × %d key elements", n), n,
                               static_cast<int>(matrix.elements.size()))
            : wxString::Format(
                  wxPLURAL("%d agreement in force × %d key elements", "%d agreements in force × %d key elements", n), n,
                  static_cast<int>(matrix.elements.size())));
    coverage_->set_matrix(std::move(matrix));
    coverage_page_->Layout();
}

// --- what closes the gaps ----------------------------------------------------------------------

std::vector<store::AgreementRow> DiagnosticPage::all_agreements() {
    store::Agreements agreements(*context_.register_db);
    return agreements.list({}, store::AgreementSort::reference, false, 0, 100000);
}

bool DiagnosticPage::draft_addendum() {
    if (!current_ || !context_.register_db || !questionnaire_->flush()) return false;
    std::vector<store::AgreementRow> list;
    std::vector<diagnostic::Gap> gaps;
    try {
        list = all_agreements();
        gaps = current_gaps();
    } catch (...) {
        report_current_exception(this, _("read the register"));
        return false;
    }
    if (gaps.empty()) {
        report_error(this, {_("draft an addendum"),
                            _("There is nothing to add: this assessment has no gap."),
                            _("Answer the questions no or partly where the cooperation falls short."),
                            {},
                            {}});
        return false;
    }
    if (list.empty()) {
        report_error(this, {_("draft an addendum"),
                            _("The register has no agreement to amend."),
                            _("Add the agreement on the Agreements page, or start a new draft instead."),
                            {},
                            {}});
        return false;
    }
    wxArrayString labels;
    int preselect = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        labels.Add(agreement_label(list[i]));
        if (list[i].status == "in-force" && list[static_cast<std::size_t>(preselect)].status != "in-force")
            preselect = static_cast<int>(i);
    }
    FormDialog form(this, _("Draft an addendum"),
                    _("The addendum adds to the agreement the key elements the gaps need and it does not cover yet. "
                      "It opens in the Drafting page as a new draft, not saved."));
    form.add_choice("agreement", _("&Agreement to amend:"), labels, preselect);
    drafting::Draft draft;
    std::vector<std::string> elements;
    wxString reference;
    form.on_ok(
        [&]() -> wxString {
            const int i = form.choice("agreement");
            if (i < 0) return _("Choose the agreement to amend.");
            const store::AgreementRow& row = list[static_cast<std::size_t>(i)];
            const store::AgreementRecord record = store::Agreements(*context_.register_db).get(row.id);
            std::vector<std::string> covered;
            for (const store::ElementCoverage& e : record.elements) covered.push_back(e.element);
            elements = diagnostic::addendum_elements(context_.library, gaps, covered);
            if (elements.empty())
                return wxString::Format(_("%s already covers every key element the gaps probe: an addendum would add "
                                          "nothing. Its gaps are in the implementation: try an action plan."),
                                        to_wx(row.reference));
            draft = diagnostic::addendum_draft(context_.library, store::addendum_basis(*context_.register_db, row.id),
                                               elements);
            reference = to_wx(row.reference);
            return wxString();
        },
        _("draft the addendum"));
    if (form.run() != wxID_OK || elements.empty()) return false;
    wxString titles;
    for (const std::string& e : elements) titles << (titles.empty() ? "" : ", ") << element_title(context_.library, e);
    const wxString note = wxString::Format(_("Addendum to %s adding %s: not saved yet."), reference, titles);
    return context_.open_new_draft && context_.open_new_draft(draft, note);
}

int DiagnosticPage::action_plan() {
    if (!current_ || !context_.register_db || !questionnaire_->flush()) return 0;
    std::vector<store::AgreementRow> list;
    std::vector<diagnostic::GapAction> plan;
    try {
        list = all_agreements();
        plan = diagnostic::plan_from_gaps(current_gaps(), current_->title, content_language());
    } catch (...) {
        report_current_exception(this, _("read the register"));
        return 0;
    }
    if (plan.empty()) {
        report_error(this, {_("make an action plan"),
                            _("There is nothing to plan: this assessment has no gap."),
                            _("Answer the questions no or partly where the cooperation falls short."),
                            {},
                            {}});
        return 0;
    }
    if (list.empty()) {
        report_error(this, {_("make an action plan"),
                            _("The register has no agreement to add the actions to."),
                            _("Add the agreement on the Agreements page first."),
                            {},
                            {}});
        return 0;
    }
    wxArrayString labels;
    int preselect = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        labels.Add(agreement_label(list[i]));
        if (list[i].status == "in-force" && list[static_cast<std::size_t>(preselect)].status != "in-force")
            preselect = static_cast<int>(i);
    }
    FormDialog form(this, _("Action plan"),
                    wxString::Format(wxPLURAL("One action per gap: %d action, each the first solution of its "
                                              "question, added to the agreement in one step.",
                                              "One action per gap: %d actions, each the first solution of its "
                                              "question, added to the agreement in one step.",
                                              static_cast<int>(plan.size())),
                                     static_cast<int>(plan.size())));
    wxChoice* agreement = form.add_choice("agreement", _("&Agreement:"), labels, preselect);
    form.add_text("days", _("&Due in (days):"), wxString::Format("%d", default_due_days));
    wxChoice* owner = form.add_choice("owner", _("&Owner party:"), wxArrayString(), 0);
    std::vector<store::PartyRecord> parties;
    auto fill_owners = [&] {
        parties.clear();
        owner->Clear();
        owner->Append(_("(no owner)"));
        const int i = agreement->GetSelection();
        if (i >= 0) {
            try {
                parties = store::Agreements(*context_.register_db).get(list[static_cast<std::size_t>(i)].id).parties;
            } catch (...) {
                report_current_exception(this, _("read the agreement's parties"));
            }
        }
        for (const store::PartyRecord& p : parties) owner->Append(to_wx(p.name));
        owner->SetSelection(parties.empty() ? 0 : 1);
    };
    fill_owners();
    agreement->Bind(wxEVT_CHOICE, [&](wxCommandEvent&) { fill_owners(); });
    int added = 0;
    wxString reference;
    form.on_ok(
        [&]() -> wxString {
            const int i = form.choice("agreement");
            if (i < 0) return _("Choose the agreement.");
            long days = 0;
            if (!form.text("days").Trim().Trim(false).ToLong(&days) || days < 0 || days > 3650)
                return _("Write the number of days until the actions are due (0 to 3650).");
            const store::AgreementRow& row = list[static_cast<std::size_t>(i)];
            // The owners listed are those of the agreement chosen (a test may choose without the event).
            const std::vector<store::PartyRecord> owners = store::Agreements(*context_.register_db).get(row.id).parties;
            const int o = form.choice("owner");
            std::optional<store::Id> owner_party;
            if (o > 0 && static_cast<std::size_t>(o) <= owners.size())
                owner_party = owners[static_cast<std::size_t>(o - 1)].id;
            store::WriteTransaction tx(*context_.register_db);  // the whole plan or nothing
            store::Actions actions(*context_.register_db);
            for (const diagnostic::GapAction& p : plan) {
                store::ActionRecord r;
                r.agreement = row.id;
                r.title = p.title;
                r.element = p.element;
                r.notes = p.notes;
                r.due = Date::today().add_days(static_cast<int>(days));
                r.owner_party = owner_party;
                actions.add(r);
            }
            tx.commit();
            added = static_cast<int>(plan.size());
            reference = to_wx(row.reference);
            return wxString();
        },
        _("add the action plan"));
    if (form.run() != wxID_OK) return 0;
    if (context_.show_status)
        context_.show_status(
            wxString::Format(wxPLURAL("%d action added to %s.", "%d actions added to %s.", added), added, reference));
    results_stale_ = coverage_stale_ = true;
    if (context_.register_changed) context_.register_changed();
    return added;
}

bool DiagnosticPage::import_agreement() {
    if (!context_.register_db) return false;
    wxFileDialog dialog(this, _("Import an agreement"), wxString(), wxString(),
                        _("Agreements (*.txt;*.docx;*.odt;*.pdf)|*.txt;*.text;*.docx;*.odt;*.pdf|All files (*)|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return false;
    return import_file(path_from_wx(dialog.GetPath()));
}

bool DiagnosticPage::import_file(const fs::path& path) {
    if (!context_.register_db) return false;
    diagnostic::Examination examination;
    std::vector<store::AgreementRow> list;
    try {
        wxBusyCursor busy;
        if (context_.show_status) context_.show_status(wxString::Format(_("Reading %s…"), to_wx(path)));
        wxYieldIfNeeded();
        const std::string text = diagnostic::extract_text(path);
        examination = diagnostic::Detector(context_.library).examine(text);
        list = all_agreements();
    } catch (...) {
        report_current_exception(this, wxString::Format(_("read the agreement %s"), to_wx(path)));
        if (context_.show_status) context_.show_status(wxString());
        return false;
    }
    // The agreement the file most likely is: one whose reference or title its name contains.
    store::Id guess = 0;
    const std::string stem = from_wx(wxString(to_wx(path.stem())).Lower());
    for (const store::AgreementRow& a : list) {
        std::string reference = from_wx(to_wx(a.reference).Lower());
        std::replace(reference.begin(), reference.end(), '/', '-');
        if (!reference.empty() && stem.find(reference) != std::string::npos) guess = a.id;
    }
    DetectDialog dialog(this, context_.library, path, examination, list, guess);
    if (dialog.run() != wxID_OK) return false;
    const std::optional<store::Id> agreement = dialog.agreement();
    const std::vector<store::ElementCoverage> chosen = dialog.chosen();
    if (!agreement) return false;
    try {
        store::WriteTransaction tx(*context_.register_db);
        store::Agreements agreements(*context_.register_db);
        for (const store::ElementCoverage& c : chosen) agreements.set_element(*agreement, c);
        tx.commit();
    } catch (...) {
        report_current_exception(this, _("record the key elements"));
        return false;
    }
    wxString reference;
    for (const store::AgreementRow& a : list)
        if (a.id == *agreement) reference = to_wx(a.reference);
    if (context_.show_status)
        context_.show_status(
            wxString::Format(wxPLURAL("%d key element recorded on %s.", "%d key elements recorded on %s.",
                                      static_cast<int>(chosen.size())),
                             static_cast<int>(chosen.size()), reference));
    results_stale_ = coverage_stale_ = true;
    if (context_.register_changed) context_.register_changed();
    return true;
}

bool DiagnosticPage::export_report() {
    if (!current_ || !questionnaire_->flush()) return false;
    wxFileDialog dialog(this, _("Export the assessment report"), wxString(), to_wx(current_->title) + ".docx",
                        _("Word document (*.docx)|*.docx|PDF document (*.pdf)|*.pdf|Web page (*.html)|*.html"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return false;
    fs::path path = path_from_wx(dialog.GetPath());
    if (!render::format_from_path(path)) {
        static const char* const extensions[] = {".docx", ".pdf", ".html"};
        path += extensions[std::clamp(dialog.GetFilterIndex(), 0, 2)];
    }
    return export_report_to(path);
}

bool DiagnosticPage::export_report_to(const fs::path& path) {
    if (!current_ || !context_.register_db) return false;
    try {
        wxBusyCursor busy;
        const std::optional<render::Format> format = render::format_from_path(path);
        if (!format) throw Error(ErrorCategory::bad_input, path.string() + ": use .docx, .pdf or .html");
        const std::vector<diagnostic::Gap> gaps = current_gaps();
        std::vector<std::string> elements;
        for (const content::KeyElement& e : context_.library.elements)
            if (e.group == content::ElementGroup::cooperation) elements.push_back(e.slug);
        const store::CoverageMatrix m = store::coverage_matrix(*context_.register_db, elements, Date::today(), true);
        diagnostic::ReportMatrix matrix;
        matrix.elements = m.elements;
        for (const store::CoverageMatrix::Row& r : m.rows) {
            matrix.agreements.push_back(r.reference);
            matrix.cells.push_back(r.cells);
        }
        matrix.agreements_total = static_cast<int>(m.rows.size());
        // The plan the gaps call for (the Action plan button adds it to an agreement).
        std::vector<diagnostic::ReportAction> actions;
        for (const diagnostic::GapAction& a : diagnostic::plan_from_gaps(gaps, current_->title, content_language()))
            actions.push_back({std::string(), a.title, std::string(), std::string()});
        const diagnostic::Report report = diagnostic::build_report(context_.questionnaire, context_.library, *current_,
                                                                   gaps, matrix, actions, content_language());
        render::write_assessment_report(report, *format, path);
    } catch (...) {
        report_current_exception(this, wxString::Format(_("export the assessment report to %s"), to_wx(path)));
        return false;
    }
    if (context_.show_status) context_.show_status(wxString::Format(_("Exported %s."), to_wx(path)));
    return true;
}

}  // namespace moudesk::gui
