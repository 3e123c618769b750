#pragma once
/// @brief A small questionnaire built in memory for the scoring and gap tests: two areas, four
/// questions, one of weight 2.
#include "moudesk/diagnostic/assessment.h"

namespace diagnostic_test {

using namespace moudesk;
using namespace moudesk::diagnostic;

inline Question question(std::string id, std::string area, std::vector<std::string> elements, double weight = 1) {
    Question q;
    q.id = std::move(id);
    q.area = std::move(area);
    q.text = {"Is " + q.id + " in place?", "Le dispositif " + q.id + " existe-t-il ?"};
    q.elements = std::move(elements);
    q.weaknesses = {{"Nobody owns it", "Personne n'en est responsable"}};
    q.solutions = {{"Agree who does it", "Convenir de qui s'en charge"}, {"Write it down", "L'écrire"}};
    q.weight = weight;
    return q;
}

inline Questionnaire small_questionnaire() {
    Questionnaire q;
    q.version = "test";
    Area legal{"legal", {"Legal", "Juridique"}, {}, {}};
    legal.questions = {question("legal.agreement", "legal", {"legal-basis"}, 2),
                       question("legal.roles", "legal", {"roles-and-competences"})};
    Area info{"info", {"Information", "Information"}, {}, {}};
    info.questions = {question("info.channel", "info", {"information-exchange", "data-protection"}),
                      question("info.feedback", "info", {"information-exchange"})};
    q.areas = {legal, info};
    return q;
}

inline Assessment answered(std::vector<std::pair<std::string, Answer>> answers) {
    Assessment a;
    a.id = 7;
    a.title = "Test";
    a.date = tracking::Date::from_ymd(2027, 3, 1);
    for (auto& [id, answer] : answers) a.answers.push_back({id, answer, "", ""});
    return a;
}

}  // namespace diagnostic_test
