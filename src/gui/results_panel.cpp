#include "results_panel.h"

#include <wx/html/htmlwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "agreement_labels.h"
#include "moudesk/core/text.h"
#include "questionnaire_panel.h"
#include "score_chart.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

std::string esc(const wxString& text) {
    return xml_escape(from_wx(text));
}

std::string hex(const wxColour& colour) {
    return from_wx(colour.GetAsString(wxC2S_HTML_SYNTAX));
}

wxString area_title(const diagnostic::Questionnaire& q, const std::string& id) {
    const diagnostic::Area* area = q.find_area(id);
    return area ? to_wx(localized_text(area->title)) : to_wx(id);
}

}  // namespace

wxString ResultsPanel::gap_kind_label(diagnostic::GapKind kind) {
    switch (kind) {
        case diagnostic::GapKind::no_agreement: return _("no agreement in force covers it");
        case diagnostic::GapKind::not_implemented: return _("covered on paper, not implemented");
        case diagnostic::GapKind::weak_practice: return _("covered and implemented, practice still weak");
    }
    return wxString();
}

wxColour ResultsPanel::gap_kind_colour(diagnostic::GapKind kind) {
    switch (kind) {
        case diagnostic::GapKind::no_agreement: return wxColour(0xA0, 0x00, 0x00);
        case diagnostic::GapKind::not_implemented: return wxColour(0xA0, 0x60, 0x00);
        case diagnostic::GapKind::weak_practice: return wxColour(0x30, 0x60, 0xA0);
    }
    return *wxBLACK;
}

ResultsPanel::ResultsPanel(wxWindow* parent, const AppContext& context) : wxPanel(parent, wxID_ANY), context_(context) {
    SetName("results-panel");
    auto* top = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    overall_ = new wxStaticText(this, wxID_ANY, wxString());
    overall_->SetName("overall");
    overall_->SetFont(overall_->GetFont().Bold().Larger());
    left->Add(overall_, 0, wxBOTTOM, FromDIP(4));
    chart_ = new ScoreChart(this, _("Scores per area"));
    left->Add(chart_, 0, wxEXPAND);
    chart_note_ = new wxStaticText(this, wxID_ANY, wxString());
    chart_note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    left->Add(chart_note_, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(4));
    comparison_view_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(460, 160)),
                                        wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    comparison_view_->SetName("comparison");
    comparison_view_->SetBorders(FromDIP(4));
    left->Add(comparison_view_, 1, wxEXPAND);
    top->Add(left, 1, wxEXPAND | wxALL, FromDIP(6));

    gaps_view_ =
        new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    gaps_view_->SetName("gaps");
    gaps_view_->SetBorders(FromDIP(6));
    top->Add(gaps_view_, 1, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(6));
    SetSizer(top);
    gaps_view_->Bind(wxEVT_HTML_LINK_CLICKED, &ResultsPanel::on_link, this);
    comparison_view_->Bind(wxEVT_HTML_LINK_CLICKED, &ResultsPanel::on_link, this);
}

void ResultsPanel::show(const diagnostic::Assessment* assessment, const diagnostic::Assessment* previous,
                        std::vector<diagnostic::Gap> gaps) {
    const diagnostic::Questionnaire& q = context_.questionnaire;
    gaps_ = std::move(gaps);
    scores_ = assessment ? diagnostic::score(q, *assessment) : diagnostic::Scores{};
    diagnostic::Scores before;
    if (assessment && previous) before = diagnostic::score(q, *previous);

    std::vector<ScoreChart::Row> rows;
    for (std::size_t i = 0; i < scores_.areas.size(); ++i) {
        ScoreChart::Row row;
        row.label = area_title(q, scores_.areas[i].area);
        row.score = scores_.areas[i].score.value;
        if (i < before.areas.size()) row.previous = before.areas[i].score.value;
        rows.push_back(row);
    }
    if (assessment) {
        ScoreChart::Row overall;
        overall.label = _("Overall");
        overall.score = scores_.overall.value;
        if (previous) overall.previous = before.overall.value;
        overall.overall = true;
        rows.push_back(overall);
        overall_->SetLabel(wxString::Format(_("Overall score: %s (%d of %d questions answered)"),
                                            ScoreChart::score_text(scores_.overall.value), scores_.overall.answered,
                                            scores_.overall.total));
    } else {
        overall_->SetLabel(_("No assessment chosen."));
    }
    chart_->set_rows(std::move(rows));
    chart_note_->SetLabel(
        previous ? wxString(_("The dark mark on a bar is the score of the previous assessment. Not applicable and "
                              "not assessed questions do not count."))
                 : wxString(_("Yes counts 1, partly ½, no 0, by each question's weight; not applicable and not "
                              "assessed questions do not count.")));
    chart_note_->Wrap(FromDIP(460));
    show_comparison(assessment, previous);
    show_gaps();
    Layout();
}

void ResultsPanel::show_comparison(const diagnostic::Assessment* assessment, const diagnostic::Assessment* previous) {
    comparison_.reset();
    const diagnostic::Questionnaire& q = context_.questionnaire;
    std::string html = "<html><body>";
    if (!assessment || !previous) {
        html += "<p><font color=\"#777777\">" +
                esc(_("This assessment re-assesses no earlier one: there is nothing to compare it with. "
                      "\"Re-assess…\" starts the next assessment from the one chosen.")) +
                "</font></p>";
    } else {
        comparison_ = diagnostic::compare(q, *previous, *assessment);
        const diagnostic::Comparison& c = *comparison_;
        html +=
            "<b>" +
            esc(wxString::Format(_("Compared with “%s” of %s"), to_wx(previous->title), to_wx(previous->date.iso()))) +
            "</b><br>";
        html += esc(wxString::Format(_("Overall: %s → %s"), ScoreChart::score_text(c.overall_before),
                                     ScoreChart::score_text(c.overall_after))) +
                "<br>";
        html += "<font color=\"#1e7a1e\">" +
                esc(wxString::Format(wxPLURAL("%d answer better", "%d answers better", c.improved()), c.improved())) +
                "</font>, <font color=\"#a00000\">" +
                esc(wxString::Format(wxPLURAL("%d answer worse", "%d answers worse", c.worsened()), c.worsened())) +
                "</font>";
        if (c.answers.empty()) html += "<br>" + esc(_("No answer changed."));
        html += "<table cellpadding=\"2\" cellspacing=\"0\">";
        for (const diagnostic::AnswerChange& change : c.answers) {
            const diagnostic::Question* question = q.find(change.question);
            const char* colour = change.direction > 0 ? "#1e7a1e" : change.direction < 0 ? "#a00000" : "#555555";
            const wxString sign = change.direction > 0 ? _("better") : change.direction < 0 ? _("worse") : _("changed");
            html += "<tr><td valign=\"top\" nowrap><font color=\"" + std::string(colour) + "\"><b>" + esc(sign) +
                    "</b></font></td><td valign=\"top\">" + esc(QuestionnairePanel::answer_label(change.before)) +
                    " → " + esc(QuestionnairePanel::answer_label(change.after)) +
                    ": <a href=\"question:" + xml_escape(change.question) + "\">" +
                    (question ? xml_escape(localized_text(question->text)) : xml_escape(change.question)) +
                    "</a></td></tr>";
        }
        html += "</table>";
    }
    html += "</body></html>";
    comparison_source_ = to_wx(html);
    comparison_view_->SetPage(comparison_source_);
}

void ResultsPanel::show_gaps() {
    const diagnostic::Questionnaire& q = context_.questionnaire;
    std::string html = "<html><body>";
    html += "<p><font size=\"+1\"><b>" +
            esc(wxString::Format(wxPLURAL("Gaps: %d question answered no or partly",
                                          "Gaps: %d questions answered no or partly", static_cast<int>(gaps_.size())),
                                 static_cast<int>(gaps_.size()))) +
            "</b></font></p>";
    if (gaps_.empty())
        html += "<p><font color=\"#777777\">" +
                esc(_("No gap: no question is answered no or partly. Answer the questionnaire to find them.")) +
                "</font></p>";
    std::string area;
    for (const diagnostic::Gap& gap : gaps_) {
        if (!gap.question) continue;
        if (gap.question->area != area) {
            area = gap.question->area;
            html += "<p><b><u>" + esc(area_title(q, area)) + "</u></b></p>";
        }
        html += "<p><b><font color=\"" + hex(QuestionnairePanel::answer_colour(gap.answer)) + "\">" +
                esc(QuestionnairePanel::answer_label(gap.answer)) + "</font></b> — " +
                xml_escape(localized_text(gap.question->text)) + " <a href=\"question:" + xml_escape(gap.question->id) +
                "\">" + esc(_("answer")) + "</a></p>";
        html += "<table cellpadding=\"2\" cellspacing=\"0\">";
        for (const diagnostic::ElementGap& e : gap.elements) {
            wxString state = gap_kind_label(e.kind);
            wxString agreements;
            for (const diagnostic::AgreementCoverage& c : e.in_register.shown) {
                agreements << (agreements.empty() ? "" : ", ") << to_wx(c.reference);
                if (c.actions_overdue > 0)
                    agreements << " "
                               << wxString::Format(
                                      wxPLURAL("(%d action overdue)", "(%d actions overdue)", c.actions_overdue),
                                      c.actions_overdue);
            }
            html += "<tr><td valign=\"top\" nowrap>&nbsp;&nbsp;• " + esc(element_title(context_.library, e.element)) +
                    ":&nbsp;</td><td valign=\"top\"><font color=\"" + hex(gap_kind_colour(e.kind)) + "\">" +
                    esc(state) + "</font>";
            if (!agreements.empty()) html += " <font color=\"#555555\">(" + esc(agreements) + ")</font>";
            html += "</td></tr>";
        }
        html += "</table>";
        if (!gap.question->solutions.empty()) {
            html += "<p>&nbsp;&nbsp;<i>" + esc(_("Possible solutions:")) + "</i></p><ul>";
            for (const Localized& s : gap.question->solutions) html += "<li>" + xml_escape(localized_text(s)) + "</li>";
            html += "</ul>";
        }
    }
    html += "</body></html>";
    gaps_source_ = to_wx(html);
    gaps_view_->SetPage(gaps_source_);
}

void ResultsPanel::on_link(wxHtmlLinkEvent& event) {
    // "question:<id>": the page listens for it (it shows the question on the Questionnaire tab).
    wxString id;
    if (event.GetLinkInfo().GetHref().StartsWith("question:", &id)) {
        wxCommandEvent go(wxEVT_BUTTON, GetId());
        go.SetString(id);
        go.SetEventObject(this);
        ProcessWindowEvent(go);
    }
}

}  // namespace moudesk::gui
