#pragma once
/// @brief The assessment report an assessor hands to directors: scope, scores per area, gaps with
/// their weaknesses and solutions, the coverage matrix and the action plan — as ready-to-print,
/// localized text, so the renderers (render/assessment_report.h) only lay it out.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "moudesk/core/language.h"
#include "moudesk/diagnostic/assessment.h"
#include "moudesk/diagnostic/gaps.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::diagnostic {

/// Input: key elements × agreements of the register, as the store computes it.
struct ReportMatrix {
    enum Cell : std::uint8_t { not_covered = 0, covered = 1, covered_overdue = 2 };
    std::vector<std::string> elements;             ///< key element slugs (columns)
    std::vector<std::string> agreements;           ///< references (rows)
    std::vector<std::vector<std::uint8_t>> cells;  ///< [row][column], a Cell
    int agreements_total = 0;                      ///< may exceed the rows given
};

/// Input: one line of the action plan.
struct ReportAction {
    std::string agreement, action, owner, due;
};

/// The headings and labels the renderers print, in the report's language.
struct ReportLabels {
    std::string scope, scores, gaps, matrix, action_plan;  ///< section headings
    std::string area, score, answered, question, answer;   ///< table headers
    std::string overall;                                   ///< the overall score's row and chart line
    std::string not_assessed;                              ///< a score that cannot be computed
    std::string weaknesses, solutions, elements, register_state, agreements;
    std::string agreement, action, owner, due;          ///< action plan columns
    std::string covered, covered_overdue, not_covered;  ///< matrix legend
    std::string legend;
    std::string no_gaps, no_agreements, no_actions;  ///< what an empty section says
    std::string page, of;                            ///< "Page 3 of 7"
    std::string colon;                               ///< after a label: ": ", in French " : " with a no-break space
    std::string chart_description;                   ///< alt text of the chart
};

struct ReportAreaScore {
    std::string area;               ///< the area's title
    std::optional<double> percent;  ///< 0–100; nullopt when not assessed
    std::string answered;           ///< e.g. "3 of 4"
};

struct ReportGapElement {
    std::string slug;
    std::string title;  ///< the key element's title
    GapKind kind = GapKind::no_agreement;
    std::string classification;  ///< the kind as a sentence
    std::string agreements;      ///< the agreements covering it and their actions, or a dash
};

struct ReportGap {
    std::string area;  ///< the area's title
    std::string question_id;
    std::string question;  ///< the question's text
    Answer answer = Answer::no;
    std::string answer_label;  ///< "no", "partly"…
    std::string notes;         ///< the assessor's notes on this answer, may be empty
    std::vector<std::string> weaknesses;
    std::vector<std::string> solutions;
    std::vector<ReportGapElement> elements;
};

/// The coverage matrix as printed: at most max_matrix_rows rows.
struct ReportMatrixView {
    std::vector<std::string> elements;             ///< key element titles (columns)
    std::vector<std::string> agreements;           ///< references (rows)
    std::vector<std::vector<std::uint8_t>> cells;  ///< [row][column], a ReportMatrix::Cell; rows padded
    int left_out = 0;                              ///< agreements of the register not shown
    std::string left_out_note;                     ///< says how many are left out; empty when none
};

struct Report {
    Language language = Language::en;
    std::string title;                                       ///< "Assessment report"
    std::string subtitle;                                    ///< the assessment's title
    std::vector<std::pair<std::string, std::string>> scope;  ///< label, value
    std::vector<ReportAreaScore> area_scores;                ///< in questionnaire order
    std::optional<double> overall;                           ///< 0–100
    std::string overall_answered;                            ///< e.g. "24 of 32"
    std::string gaps_intro;                                  ///< "5 questions were answered no or partly."
    std::vector<ReportGap> gaps;
    ReportMatrixView matrix;
    std::vector<ReportAction> actions;
    ReportLabels labels;
};

/// The most agreement rows the printed matrix shows; a larger register is summarised.
inline constexpr std::size_t max_matrix_rows = 40;

/// "yes", "partly"… in `language` ("oui", "partiellement"…).
std::string answer_label(Answer answer, Language language);
/// "no agreement covers it"… in `language`.
std::string gap_kind_label(GapKind kind, Language language);
/// A percentage as printed: "72 %" (the space is a no-break space in both languages).
std::string format_percent(double percent, Language language);

/// Builds the report of `assessment`. Text missing in `language` falls back to the other one;
/// an unknown element slug prints as itself. Matrix rows past max_matrix_rows are left out and
/// counted (with `matrix.agreements_total` when it is larger). Never throws for bad content.
Report build_report(const Questionnaire& questionnaire, const content::Library& library, const Assessment& assessment,
                    const std::vector<Gap>& gaps, const ReportMatrix& matrix, const std::vector<ReportAction>& actions,
                    Language language);

}  // namespace moudesk::diagnostic
