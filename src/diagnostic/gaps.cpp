#include "moudesk/diagnostic/gaps.h"

#include <algorithm>

#include "moudesk/content/library.h"

namespace moudesk::diagnostic {

const char* to_code(GapKind kind) {
    switch (kind) {
        case GapKind::no_agreement: return "no-agreement";
        case GapKind::not_implemented: return "not-implemented";
        case GapKind::weak_practice: return "weak-practice";
    }
    return "no-agreement";
}

bool implemented(const AgreementCoverage& a) {
    return a.actions_done > 0 && a.actions_overdue == 0;
}

GapKind classify(const ElementInRegister& element) {
    if (element.agreements == 0) return GapKind::no_agreement;
    return element.implemented > 0 ? GapKind::weak_practice : GapKind::not_implemented;
}

std::vector<Gap> gaps(const Questionnaire& questionnaire, const Assessment& assessment,
                      const RegisterCoverage& coverage) {
    static const ElementInRegister none;
    std::vector<Gap> out;
    for (const Question* q : questionnaire.questions()) {
        Answer a = assessment.answer_to(q->id);
        if (!is_gap(a)) continue;
        Gap gap{q, a, {}};
        for (const std::string& element : q->elements) {
            auto it = coverage.find(element);
            const ElementInRegister& in_register = it == coverage.end() ? none : it->second;
            gap.elements.push_back({element, classify(in_register), in_register});
        }
        out.push_back(std::move(gap));
    }
    return out;
}

std::vector<std::string> addendum_elements(const content::Library& library, const std::vector<Gap>& gaps,
                                           const std::vector<std::string>& covered) {
    std::vector<std::string> wanted;
    for (const Gap& g : gaps)
        for (const ElementGap& e : g.elements)
            if (std::find(covered.begin(), covered.end(), e.element) == covered.end()) wanted.push_back(e.element);
    std::vector<std::string> ordered;
    for (const auto& element : library.elements)
        if (element.group == content::ElementGroup::cooperation &&
            std::find(wanted.begin(), wanted.end(), element.slug) != wanted.end())
            ordered.push_back(element.slug);
    return ordered;
}

std::vector<GapAction> plan_from_gaps(const std::vector<Gap>& gaps, const std::string& assessment_title,
                                      Language language) {
    auto text = [language](const Localized& l) -> const std::string& {
        return l.has(language) ? l[language] : l[language == Language::en ? Language::fr : Language::en];
    };
    std::vector<GapAction> plan;
    for (const Gap& g : gaps) {
        GapAction a;
        const Question& q = *g.question;
        a.title = q.solutions.empty() ? text(q.text) : text(q.solutions.front());
        if (!g.elements.empty()) a.element = g.elements.front().element;
        a.notes = assessment_title + ": " + q.id + " (" + text(q.text) + ") = " + to_code(g.answer);
        for (std::size_t i = 1; i < q.solutions.size(); ++i) a.notes += "\n- " + text(q.solutions[i]);
        plan.push_back(std::move(a));
    }
    return plan;
}

drafting::Draft addendum_draft(const content::Library& library, const AddendumBasis& basis,
                               const std::vector<std::string>& elements) {
    drafting::Draft draft =
        drafting::blank_draft(library, Instrument::addendum, basis.base_instrument, basis.languages,
                              basis.languages.size() > 1 ? drafting::Layout::side_by_side : drafting::Layout::single);
    if (!basis.parties.empty()) draft.parties = basis.parties;
    draft.level = basis.level;
    for (const std::string& slug : elements)
        if (!draft.has_element(slug)) draft.elements.push_back({slug, std::nullopt, {}});
    if (!basis.base_title.empty()) draft.set_value("base-agreement-title", std::nullopt, basis.base_title);
    if (!basis.base_signature_date.empty())
        draft.set_value("base-agreement-date", std::nullopt, basis.base_signature_date);
    return draft;
}

}  // namespace moudesk::diagnostic
