#include "questionnaire_panel.h"

#include <algorithm>
#include <cmath>

#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "agreement_labels.h"
#include "moudesk/core/text.h"
#include "score_chart.h"
#include "settings.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

// Typing in notes or evidence is saved once it pauses this long.
constexpr int typing_pause_ms = 800;

constexpr diagnostic::Answer all_answers[] = {diagnostic::Answer::yes, diagnostic::Answer::partly,
                                              diagnostic::Answer::no, diagnostic::Answer::not_applicable,
                                              diagnostic::Answer::not_assessed};

std::string esc(const wxString& text) {
    return xml_escape(from_wx(text));
}

// The letter after "&" in a label, upper case ('Y' for "&Yes"); 0 when it has none. The answer
// keys follow the labels of the interface language (Alt+O for « &Oui »).
int mnemonic_of(const wxString& label) {
    const int at = label.Find('&');
    if (at == wxNOT_FOUND || static_cast<std::size_t>(at) + 1 >= label.length()) return 0;
    return static_cast<int>(wxToupper(label[static_cast<std::size_t>(at) + 1]).GetValue());
}

}  // namespace

std::string localized_text(const Localized& text) {
    const Language ui = content_language();
    return text.has(ui) ? text[ui] : text[ui == Language::en ? Language::fr : Language::en];
}

wxString QuestionnairePanel::answer_label(diagnostic::Answer answer, bool mnemonic) {
    wxString label;
    switch (answer) {
        case diagnostic::Answer::yes: label = _("&Yes"); break;
        case diagnostic::Answer::partly: label = _("&Partly"); break;
        case diagnostic::Answer::no: label = _("&No"); break;
        case diagnostic::Answer::not_applicable: label = _("Not &applicable"); break;
        case diagnostic::Answer::not_assessed: label = _("Not a&ssessed"); break;
    }
    return mnemonic ? label : wxStripMenuCodes(label);
}

wxColour QuestionnairePanel::answer_colour(diagnostic::Answer answer) {
    switch (answer) {
        case diagnostic::Answer::yes: return wxColour(0x1E, 0x7A, 0x1E);
        case diagnostic::Answer::partly: return wxColour(0xA0, 0x60, 0x00);
        case diagnostic::Answer::no: return wxColour(0xA0, 0x00, 0x00);
        default: return wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    }
}

QuestionnairePanel::QuestionnairePanel(wxWindow* parent, const AppContext& context, Save save)
    : wxPanel(parent, wxID_ANY), context_(context), save_(std::move(save)) {
    SetName("questionnaire-panel");
    build();
    fill_areas();
    show_current();
    typing_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { flush(); });
    Bind(wxEVT_CHAR_HOOK, &QuestionnairePanel::on_char_hook, this);
}

QuestionnairePanel::~QuestionnairePanel() {
    typing_.Stop();
}

void QuestionnairePanel::build() {
    auto* top = new wxBoxSizer(wxHORIZONTAL);

    // Areas and questions.
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* areas_heading = new wxStaticText(this, wxID_ANY, _("Areas"));
    areas_heading->SetFont(areas_heading->GetFont().Bold());
    left->Add(areas_heading, 0, wxBOTTOM, FromDIP(3));
    areas_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(340, 200)),
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    areas_->SetName("areas");
    areas_->AppendColumn(_("Area"), wxLIST_FORMAT_LEFT, FromDIP(225));
    areas_->AppendColumn(_("Score"), wxLIST_FORMAT_RIGHT, FromDIP(105));
    left->Add(areas_, 5, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* questions_heading = new wxStaticText(this, wxID_ANY, _("Questions of the area"));
    questions_heading->SetFont(questions_heading->GetFont().Bold());
    left->Add(questions_heading, 0, wxBOTTOM, FromDIP(3));
    questions_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(340, 120)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    questions_->SetName("questions");
    questions_->AppendColumn(_("Answer"), wxLIST_FORMAT_LEFT, FromDIP(100));
    questions_->AppendColumn(_("Question"), wxLIST_FORMAT_LEFT, FromDIP(400));
    left->Add(questions_, 3, wxEXPAND);
    top->Add(left, 0, wxEXPAND | wxALL, FromDIP(6));

    // The question.
    form_ = new wxPanel(this);
    auto* form = new wxBoxSizer(wxVERTICAL);
    area_title_ = new wxStaticText(form_, wxID_ANY, wxString());
    area_title_->SetFont(area_title_->GetFont().Bold().Larger());
    form->Add(area_title_, 0, wxBOTTOM, FromDIP(2));
    position_ = new wxStaticText(form_, wxID_ANY, wxString());
    position_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    form->Add(position_, 0, wxBOTTOM, FromDIP(8));
    question_text_ = new wxStaticText(form_, wxID_ANY, wxString());
    question_text_->SetName("question-text");
    question_text_->SetFont(question_text_->GetFont().Larger());
    form->Add(question_text_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    elements_ = new wxStaticText(form_, wxID_ANY, wxString());
    elements_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    form->Add(elements_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));

    wxArrayString labels;
    for (diagnostic::Answer a : all_answers) labels.Add(answer_label(a, true));
    // Yes, partly, no on the first row; not applicable and not assessed below.
    answer_ =
        new wxRadioBox(form_, wxID_ANY, _("Answer"), wxDefaultPosition, wxDefaultSize, labels, 3, wxRA_SPECIFY_COLS);
    answer_->SetName("answer");
    wxString keys;
    for (diagnostic::Answer a : all_answers)
        if (const int key = mnemonic_of(answer_label(a, true)))
            keys << (keys.empty() ? "" : ", ") << "Alt+" << wxUniChar(key) << " " << answer_label(a).Lower();
    answer_->SetToolTip(keys);
    form->Add(answer_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));

    form->Add(new wxStaticText(form_, wxID_ANY, _("N&otes:")), 0, wxBOTTOM, FromDIP(2));
    notes_ = new wxTextCtrl(form_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
    notes_->SetName("notes");
    notes_->SetHint(_("What the assessors saw and heard"));
    form->Add(notes_, 1, wxEXPAND | wxBOTTOM, FromDIP(6));
    form->Add(new wxStaticText(form_, wxID_ANY, _("&Evidence:")), 0, wxBOTTOM, FromDIP(2));
    evidence_ = new wxTextCtrl(form_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
    evidence_->SetName("evidence");
    evidence_->SetHint(_("Documents, minutes, figures that support the answer"));
    form->Add(evidence_, 1, wxEXPAND | wxBOTTOM, FromDIP(6));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    previous_ = new wxButton(form_, wxID_ANY, _("◀ Pre&vious"));
    previous_->SetToolTip(_("The previous question (Page Up)"));
    next_ = new wxButton(form_, wxID_ANY, _("Nex&t ▶"));
    next_->SetToolTip(_("The next question (Page Down)"));
    auto* saved = new wxStaticText(form_, wxID_ANY, _("Answers are saved as you give them."), wxDefaultPosition,
                                   wxDefaultSize, wxST_ELLIPSIZE_END);
    saved->SetMinSize(FromDIP(wxSize(60, -1)));
    saved->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    buttons->Add(previous_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(next_, 0, wxRIGHT, FromDIP(12));
    buttons->Add(saved, 1, wxALIGN_CENTER_VERTICAL);
    form->Add(buttons, 0, wxEXPAND);
    form_->SetSizer(form);
    top->Add(form_, 3, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(6));

    // Beside it: what a no usually means, and what to do.
    guidance_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, -1)), wxHW_SCROLLBAR_AUTO);
    guidance_->SetName("guidance");
    guidance_->SetBorders(FromDIP(6));
    guidance_->SetMinSize(FromDIP(wxSize(260, -1)));
    top->Add(guidance_, 2, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(6));
    SetSizer(top);

    areas_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        if (filling_) return;
        const auto area = static_cast<std::size_t>(event.GetIndex());
        if (area != area_ && !show_question(area, 0)) fill_areas();  // stays: re-select the area shown
    });
    questions_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        if (filling_) return;
        const auto question = static_cast<std::size_t>(event.GetIndex());
        if (question != question_ && !show_question(area_, question)) fill_questions();
    });
    answer_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& event) {
        const int i = event.GetInt();
        if (i >= 0 && i < static_cast<int>(std::size(all_answers))) save(all_answers[i]);
    });
    for (wxTextCtrl* text : {notes_, evidence_}) {
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (!filling_) typing_.StartOnce(typing_pause_ms);
        });
        text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
            if (typing_.IsRunning()) {
                typing_.Stop();
                flush();
            }
            event.Skip();
        });
    }
    previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { previous_question(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next_question(); });
    form_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { wrap_question(); });
    });
}

const diagnostic::Question* QuestionnairePanel::question() const {
    const auto& areas = context_.questionnaire.areas;
    if (area_ >= areas.size() || question_ >= areas[area_].questions.size()) return nullptr;
    return &areas[area_].questions[question_];
}

void QuestionnairePanel::set_assessment(const diagnostic::Assessment* assessment) {
    typing_.Stop();
    assessment_ = assessment;
    fill_areas();
    show_current();
}

void QuestionnairePanel::refresh_lists() {
    fill_areas();
}

void QuestionnairePanel::fill_areas() {
    filling_ = true;
    const auto& areas = context_.questionnaire.areas;
    diagnostic::Scores scores;
    if (assessment_) scores = diagnostic::score(context_.questionnaire, *assessment_);
    areas_->Freeze();
    if (areas_->GetItemCount() != static_cast<int>(areas.size())) {
        areas_->DeleteAllItems();
        for (std::size_t i = 0; i < areas.size(); ++i)
            areas_->InsertItem(static_cast<long>(i), to_wx(localized_text(areas[i].title)));
    }
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const auto row = static_cast<long>(i);
        if (i < scores.areas.size()) {
            const diagnostic::Score& s = scores.areas[i].score;
            areas_->SetItem(row, 1, ScoreChart::score_text(s.value));
            areas_->SetItemTextColour(
                row, s.value ? areas_->GetTextColour() : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        } else {
            areas_->SetItem(row, 1, wxString());
        }
    }
    if (area_ < areas.size()) {
        areas_->Select(static_cast<long>(area_));
        areas_->Focus(static_cast<long>(area_));
    }
    areas_->Thaw();
    filling_ = false;
    fill_questions();
}

void QuestionnairePanel::fill_questions() {
    filling_ = true;
    questions_->Freeze();
    questions_->DeleteAllItems();
    const auto& areas = context_.questionnaire.areas;
    if (area_ < areas.size()) {
        const auto& list = areas[area_].questions;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const diagnostic::Answer a =
                assessment_ ? assessment_->answer_to(list[i].id) : diagnostic::Answer::not_assessed;
            const long row = questions_->InsertItem(static_cast<long>(i), answer_label(a));
            questions_->SetItem(row, 1, to_wx(localized_text(list[i].text)));
            questions_->SetItemTextColour(row, answer_colour(a));
        }
        if (question_ < list.size()) {
            questions_->Select(static_cast<long>(question_));
            questions_->Focus(static_cast<long>(question_));
            questions_->EnsureVisible(static_cast<long>(question_));
        }
    }
    questions_->Thaw();
    filling_ = false;
}

bool QuestionnairePanel::show_question(std::size_t area, std::size_t question) {
    const auto& areas = context_.questionnaire.areas;
    if (area >= areas.size() || question >= areas[area].questions.size()) return false;
    typing_.Stop();
    if (!flush()) return false;
    const bool other_area = area != area_;
    area_ = area;
    question_ = question;
    if (other_area) {
        fill_areas();
    } else {
        filling_ = true;
        questions_->Select(static_cast<long>(question_));
        questions_->Focus(static_cast<long>(question_));
        questions_->EnsureVisible(static_cast<long>(question_));
        filling_ = false;
    }
    show_current();
    return true;
}

bool QuestionnairePanel::next_question() {
    const auto& areas = context_.questionnaire.areas;
    if (area_ >= areas.size()) return false;
    if (question_ + 1 < areas[area_].questions.size()) return show_question(area_, question_ + 1);
    for (std::size_t a = area_ + 1; a < areas.size(); ++a)
        if (!areas[a].questions.empty()) return show_question(a, 0);
    return false;
}

bool QuestionnairePanel::previous_question() {
    const auto& areas = context_.questionnaire.areas;
    if (area_ >= areas.size()) return false;
    if (question_ > 0) return show_question(area_, question_ - 1);
    for (std::size_t a = area_; a-- > 0;)
        if (!areas[a].questions.empty()) return show_question(a, areas[a].questions.size() - 1);
    return false;
}

void QuestionnairePanel::show_current() {
    filling_ = true;
    const diagnostic::Question* q = question();
    const auto& areas = context_.questionnaire.areas;
    const bool enabled = q && assessment_;
    if (q) {
        const diagnostic::Area& area = areas[area_];
        area_title_->SetLabel(to_wx(localized_text(area.title)));
        std::size_t number = 0, total = 0;
        for (std::size_t a = 0; a < areas.size(); ++a) {
            if (a < area_) number += areas[a].questions.size();
            total += areas[a].questions.size();
        }
        number += question_ + 1;
        position_->SetLabel(wxString::Format(_("Question %d of %d in this area, %d of %d in all"),
                                             static_cast<int>(question_ + 1), static_cast<int>(area.questions.size()),
                                             static_cast<int>(number), static_cast<int>(total)));
        question_full_ = to_wx(localized_text(q->text));
        wxString titles;
        for (const std::string& slug : q->elements)
            titles << (titles.empty() ? "" : ", ") << element_title(context_.library, slug);
        elements_->SetLabel(wxString::Format(_("Key elements: %s"), titles));
        const diagnostic::QuestionAnswer* qa = assessment_ ? assessment_->find(q->id) : nullptr;
        const diagnostic::Answer a = qa ? qa->answer : diagnostic::Answer::not_assessed;
        answer_->SetSelection(static_cast<int>(a));
        notes_->ChangeValue(qa ? to_wx(qa->notes) : wxString());
        evidence_->ChangeValue(qa ? to_wx(qa->evidence) : wxString());
        previous_->Enable(enabled && (question_ > 0 || area_ > 0));
        next_->Enable(enabled && (question_ + 1 < area.questions.size() || area_ + 1 < areas.size()));
    } else {
        area_title_->SetLabel(wxString());
        position_->SetLabel(wxString());
        question_full_ = _("The questionnaire has no question to show.");
        elements_->SetLabel(wxString());
        notes_->ChangeValue(wxString());
        evidence_->ChangeValue(wxString());
        previous_->Enable(false);
        next_->Enable(false);
    }
    if (q && !assessment_) question_full_ += "\n\n" + wxString(_("Choose or create an assessment above to answer."));
    answer_->Enable(enabled);
    notes_->Enable(enabled);
    evidence_->Enable(enabled);
    filling_ = false;
    wrap_question();
    show_guidance();
}

void QuestionnairePanel::wrap_question() {
    const int width = std::max(form_->GetClientSize().x - FromDIP(4), FromDIP(200));
    question_text_->SetLabel(question_full_);
    question_text_->Wrap(width);
    elements_->Wrap(width);
    // The wrapped texts must not hold the form at its present width: it could never get narrower.
    // Their height is measured here: the control's own best size can lag behind the new label.
    for (wxStaticText* text : {question_text_, elements_}) {
        wxClientDC dc(text);
        dc.SetFont(text->GetFont());
        const int height = text->GetLabel().empty() ? 0 : dc.GetMultiLineTextExtent(text->GetLabel()).y;
        text->SetMinSize(wxSize(FromDIP(100), height));
    }
    form_->Layout();
}

void QuestionnairePanel::show_guidance() {
    std::string html = "<html><body>";
    if (const diagnostic::Question* q = question()) {
        auto list = [&](const wxString& heading, const std::vector<Localized>& items) {
            if (items.empty()) return;
            html += "<p><b>" + esc(heading) + "</b></p><ul>";
            for (const Localized& item : items) html += "<li>" + xml_escape(localized_text(item)) + "</li>";
            html += "</ul>";
        };
        list(_("Common weaknesses behind a no"), q->weaknesses);
        list(_("Possible solutions"), q->solutions);
        const std::string evidence = localized_text(q->evidence);
        if (!evidence.empty())
            html += "<p><b>" + esc(_("Evidence that supports a yes")) + "</b></p><p>" + xml_escape(evidence) + "</p>";
        html += "<p><font color=\"#777777\" size=\"-1\">" + xml_escape(q->id) + "</font></p>";
    }
    html += "</body></html>";
    guidance_source_ = to_wx(html);
    guidance_->SetPage(guidance_source_);
}

bool QuestionnairePanel::save(diagnostic::Answer answer) {
    const diagnostic::Question* q = question();
    if (!q || !assessment_ || !save_) return false;
    diagnostic::QuestionAnswer qa;
    qa.question = q->id;
    qa.answer = answer;
    qa.notes = from_wx(notes_->GetValue());
    qa.evidence = from_wx(evidence_->GetValue());
    typing_.Stop();
    if (!save_(qa)) {
        // Refused: the buttons show what is stored; notes and evidence keep what was typed.
        filling_ = true;
        answer_->SetSelection(static_cast<int>(assessment_->answer_to(q->id)));
        filling_ = false;
        return false;
    }
    if (answer_->GetSelection() != static_cast<int>(answer)) answer_->SetSelection(static_cast<int>(answer));
    fill_areas();
    return true;
}

void QuestionnairePanel::choose_answer(diagnostic::Answer answer) {
    if (!answer_->IsEnabled()) return;
    answer_->SetSelection(static_cast<int>(answer));
    save(answer);
}

bool QuestionnairePanel::flush() {
    typing_.Stop();
    const diagnostic::Question* q = question();
    if (!q || !assessment_) return true;
    const diagnostic::QuestionAnswer* qa = assessment_->find(q->id);
    const std::string notes = from_wx(notes_->GetValue());
    const std::string evidence = from_wx(evidence_->GetValue());
    if (notes == (qa ? qa->notes : std::string()) && evidence == (qa ? qa->evidence : std::string())) return true;
    return save(assessment_->answer_to(q->id));
}

void QuestionnairePanel::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    if (event.GetModifiers() == wxMOD_ALT) {
        for (diagnostic::Answer a : all_answers)
            if (key == mnemonic_of(answer_label(a, true))) {
                choose_answer(a);
                return;
            }
    }
    if (key == WXK_PAGEDOWN || key == WXK_PAGEUP) {
        // In the text boxes Page Down/Up move the caret; Alt+Page Down/Up change the question.
        wxWindow* focus = FindFocus();
        const bool in_text = focus == notes_ || focus == evidence_;
        if (!in_text || event.GetModifiers() == wxMOD_ALT) {
            if (key == WXK_PAGEDOWN)
                next_question();
            else
                previous_question();
            return;
        }
    }
    event.Skip();
}

}  // namespace moudesk::gui
