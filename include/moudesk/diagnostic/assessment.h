#pragma once
/// @brief An assessment of a country's customs–police cooperation: its scope and the answer to
/// each question of the questionnaire, with scores per area and overall, and the comparison of
/// two assessments.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/diagnostic/questionnaire.h"
#include "moudesk/tracking/date.h"

namespace moudesk::diagnostic {

enum class Answer { yes, partly, no, not_applicable, not_assessed };
/// "yes", "partly", "no", "not-applicable", "not-assessed".
const char* to_code(Answer answer);
std::optional<Answer> answer_from_code(std::string_view code);
/// Whether the answer makes the question a gap (no or partly).
inline bool is_gap(Answer a) {
    return a == Answer::no || a == Answer::partly;
}

struct QuestionAnswer {
    std::string question;  ///< question id
    Answer answer = Answer::not_assessed;
    std::string notes;
    std::string evidence;
};

struct Assessment {
    std::int64_t id = 0;
    std::string title;
    std::string country;
    std::vector<std::string> agencies;
    std::vector<std::string> assessors;
    tracking::Date date;
    std::string questionnaire_version;
    std::optional<std::int64_t> previous;  ///< the assessment this one re-assesses
    std::vector<QuestionAnswer> answers;   ///< at most one per question

    /// The answer to `question`, or not assessed.
    Answer answer_to(std::string_view question) const;
    const QuestionAnswer* find(std::string_view question) const;
};

struct Score {
    std::optional<double> value;  ///< 0–1; nullopt when no question counts (all n/a or not assessed)
    int answered = 0;             ///< questions that count: yes, partly or no
    int total = 0;                ///< questions in the area
};

struct AreaScore {
    std::string area;
    Score score;
};

struct Scores {
    std::vector<AreaScore> areas;  ///< in questionnaire order
    Score overall;
};

/// yes = 1, partly = 0.5, no = 0, weighted by each question's weight; not applicable and not
/// assessed are left out of both the sum and the weights.
Scores score(const Questionnaire& questionnaire, const Assessment& assessment);

/// A question whose answer differs between two assessments.
struct AnswerChange {
    std::string question;
    Answer before = Answer::not_assessed;
    Answer after = Answer::not_assessed;
    /// +1 better, -1 worse, 0 neither (e.g. to or from not applicable / not assessed).
    int direction = 0;
};

struct AreaChange {
    std::string area;
    std::optional<double> before, after;
};

struct Comparison {
    std::vector<AnswerChange> answers;  ///< only questions whose answer changed, in questionnaire order
    std::vector<AreaChange> areas;      ///< every area
    std::optional<double> overall_before, overall_after;
    int improved() const;
    int worsened() const;
};

Comparison compare(const Questionnaire& questionnaire, const Assessment& before, const Assessment& after);

/// A new assessment that starts from `previous`: same scope and answers, `previous` set, dated
/// `date`, the id cleared.
Assessment reassessment_of(const Assessment& previous, tracking::Date date);

}  // namespace moudesk::diagnostic
