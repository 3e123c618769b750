#pragma once
/// @brief The questionnaire of the Diagnostic page as a form, one question at a time: the areas
/// (each with its score) and the area's questions (each with its answer) on the left, the
/// question with its answer buttons, notes and evidence in the middle, and beside it the common
/// weaknesses, possible solutions and the evidence that supports a yes.
///
/// Answers are saved as they are given (a click on an answer; notes and evidence when typing
/// pauses, when the focus leaves them, and before another question is shown): there is no Save
/// button. When the store refuses, the failure is reported and what was typed stays on screen.
/// Keys: Alt+ the underlined letter of an answer (Alt+Y yes, Alt+P partly, Alt+N no, Alt+A not
/// applicable, Alt+S not assessed in English); Page Down and Page Up (Alt+Page Down/Up inside the
/// text boxes) go to the next and previous question.

#include <cstddef>
#include <functional>
#include <string>

#include <wx/panel.h>
#include <wx/timer.h>

#include "app_context.h"
#include "moudesk/diagnostic/assessment.h"

class wxButton;
class wxHtmlWindow;
class wxListView;
class wxRadioBox;
class wxStaticText;
class wxTextCtrl;

namespace moudesk::gui {

class QuestionnairePanel : public wxPanel {
public:
    /// Stores one answer of the assessment shown (the page calls the store and keeps its copy of
    /// the assessment in step); false when it failed (and was reported).
    using Save = std::function<bool(const diagnostic::QuestionAnswer& answer)>;

    QuestionnairePanel(wxWindow* parent, const AppContext& context, Save save);
    ~QuestionnairePanel() override;

    /// Shows `assessment` (null: none), staying on the question shown. The page keeps it alive
    /// and updates it when save succeeds.
    void set_assessment(const diagnostic::Assessment* assessment);
    /// Shows question `question` of area `area` (indexes in the questionnaire), after saving what
    /// was typed; false (and the question stays) when that could not be saved.
    bool show_question(std::size_t area, std::size_t question);
    bool next_question();
    bool previous_question();
    /// Gives answer `answer` to the question shown, as a click on its button does.
    void choose_answer(diagnostic::Answer answer);
    /// Saves the notes and evidence of the question shown when they differ from the stored ones;
    /// false when the store refused (what was typed stays).
    bool flush();
    /// Reads the scores and answers of the lists again (after the assessment changed).
    void refresh_lists();

    // For the page and tests.
    std::size_t area_index() const { return area_; }
    std::size_t question_index() const { return question_; }
    const diagnostic::Question* question() const;
    wxListView* area_list() const { return areas_; }
    wxListView* question_list() const { return questions_; }
    wxRadioBox* answer_box() const { return answer_; }
    wxTextCtrl* notes_box() const { return notes_; }
    wxTextCtrl* evidence_box() const { return evidence_; }
    wxStaticText* question_label() const { return question_text_; }
    /// The HTML beside the question (weaknesses, solutions, evidence guidance).
    const wxString& guidance_source() const { return guidance_source_; }

    /// "yes", "partly" … in the interface language; with `mnemonic` the radio button's label.
    static wxString answer_label(diagnostic::Answer answer, bool mnemonic = false);
    static wxColour answer_colour(diagnostic::Answer answer);

private:
    void build();
    void fill_areas();
    void fill_questions();
    void show_current();
    void show_guidance();
    void wrap_question();
    bool save(diagnostic::Answer answer);
    void on_char_hook(wxKeyEvent& event);

    const AppContext& context_;
    Save save_;
    const diagnostic::Assessment* assessment_ = nullptr;
    std::size_t area_ = 0;
    std::size_t question_ = 0;
    bool filling_ = false;
    wxTimer typing_;
    wxString guidance_source_;
    wxString question_full_;

    wxListView* areas_ = nullptr;
    wxListView* questions_ = nullptr;
    wxPanel* form_ = nullptr;
    wxStaticText* area_title_ = nullptr;
    wxStaticText* position_ = nullptr;
    wxStaticText* question_text_ = nullptr;
    wxStaticText* elements_ = nullptr;
    wxRadioBox* answer_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
    wxTextCtrl* evidence_ = nullptr;
    wxButton* previous_ = nullptr;
    wxButton* next_ = nullptr;
    wxHtmlWindow* guidance_ = nullptr;
};

/// A Localized text in the interface language, else the other one.
std::string localized_text(const Localized& text);

}  // namespace moudesk::gui
