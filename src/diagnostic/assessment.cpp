#include "moudesk/diagnostic/assessment.h"

#include <array>

namespace moudesk::diagnostic {

namespace {

constexpr std::array<std::pair<Answer, const char*>, 5> answer_codes{{
    {Answer::yes, "yes"},
    {Answer::partly, "partly"},
    {Answer::no, "no"},
    {Answer::not_applicable, "not-applicable"},
    {Answer::not_assessed, "not-assessed"},
}};

std::optional<double> value_of(Answer a) {
    switch (a) {
        case Answer::yes: return 1.0;
        case Answer::partly: return 0.5;
        case Answer::no: return 0.0;
        default: return std::nullopt;
    }
}

// Adds one question to a running score.
struct Sum {
    double points = 0, weights = 0;
    Score score;
    void add(const Question& q, Answer a) {
        ++score.total;
        if (auto v = value_of(a)) {
            points += *v * q.weight;
            weights += q.weight;
            ++score.answered;
        }
    }
    Score result() {
        if (weights > 0) score.value = points / weights;
        return score;
    }
};

}  // namespace

const char* to_code(Answer answer) {
    for (auto& [a, code] : answer_codes)
        if (a == answer) return code;
    return "not-assessed";
}

std::optional<Answer> answer_from_code(std::string_view code) {
    for (auto& [a, c] : answer_codes)
        if (code == c) return a;
    return std::nullopt;
}

const QuestionAnswer* Assessment::find(std::string_view question) const {
    for (const auto& a : answers)
        if (a.question == question) return &a;
    return nullptr;
}

Answer Assessment::answer_to(std::string_view question) const {
    const QuestionAnswer* a = find(question);
    return a ? a->answer : Answer::not_assessed;
}

Scores score(const Questionnaire& questionnaire, const Assessment& assessment) {
    Scores scores;
    Sum overall;
    for (const Area& area : questionnaire.areas) {
        Sum sum;
        for (const Question& q : area.questions) {
            Answer a = assessment.answer_to(q.id);
            sum.add(q, a);
            overall.add(q, a);
        }
        scores.areas.push_back({area.id, sum.result()});
    }
    scores.overall = overall.result();
    return scores;
}

int Comparison::improved() const {
    int n = 0;
    for (const auto& c : answers) n += c.direction > 0;
    return n;
}

int Comparison::worsened() const {
    int n = 0;
    for (const auto& c : answers) n += c.direction < 0;
    return n;
}

Comparison compare(const Questionnaire& questionnaire, const Assessment& before, const Assessment& after) {
    Comparison result;
    for (const Question* q : questionnaire.questions()) {
        Answer b = before.answer_to(q->id), a = after.answer_to(q->id);
        if (a == b) continue;
        auto vb = value_of(b), va = value_of(a);
        int direction = vb && va ? (*va > *vb ? 1 : -1) : 0;
        result.answers.push_back({q->id, b, a, direction});
    }
    Scores sb = score(questionnaire, before), sa = score(questionnaire, after);
    for (std::size_t i = 0; i < sa.areas.size(); ++i)
        result.areas.push_back({sa.areas[i].area, sb.areas[i].score.value, sa.areas[i].score.value});
    result.overall_before = sb.overall.value;
    result.overall_after = sa.overall.value;
    return result;
}

Assessment reassessment_of(const Assessment& previous, tracking::Date date) {
    Assessment next = previous;
    next.id = 0;
    next.previous = previous.id;
    next.date = date;
    return next;
}

}  // namespace moudesk::diagnostic
