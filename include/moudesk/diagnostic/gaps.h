#pragma once
/// @brief Gaps: each "no" or "partly" answer, and for each key element it probes what the
/// register says — no agreement in force covers it, it is covered on paper but not implemented,
/// or covered and implemented while practice is still weak — with the question's solutions.
/// From gaps: the elements an addendum should add, and the addendum draft itself.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "moudesk/core/instrument.h"
#include "moudesk/diagnostic/assessment.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::diagnostic {

/// One agreement that covers a key element, with the state of the actions implementing it.
struct AgreementCoverage {
    std::int64_t agreement = 0;
    std::string reference;
    std::string status;
    int actions_done = 0;
    int actions_overdue = 0;
    int actions_open = 0;  ///< open and not overdue
};

/// What the register says about one key element.
struct ElementInRegister {
    int agreements = 0;                    ///< agreements in force that cover it
    int implemented = 0;                   ///< of those, the ones whose actions for it are done, none overdue
    std::vector<AgreementCoverage> shown;  ///< some of them (the register caps the list), implemented first
};

/// element slug → what the register says about it.
using RegisterCoverage = std::map<std::string, ElementInRegister>;

enum class GapKind {
    no_agreement,     ///< no agreement in force covers the element
    not_implemented,  ///< covered on paper; its actions are overdue or were never created or done
    weak_practice     ///< covered and implemented, the practice is still weak
};
/// "no-agreement", "not-implemented", "weak-practice".
const char* to_code(GapKind kind);

struct ElementGap {
    std::string element;
    GapKind kind = GapKind::no_agreement;
    ElementInRegister in_register;
};

struct Gap {
    const Question* question = nullptr;
    Answer answer = Answer::no;
    std::vector<ElementGap> elements;
};

/// The gaps of `assessment`, in questionnaire order.
std::vector<Gap> gaps(const Questionnaire& questionnaire, const Assessment& assessment,
                      const RegisterCoverage& coverage);

/// How an element's coverage is classified.
GapKind classify(const ElementInRegister& element);
/// Whether one agreement implements an element: its actions for it are done, none overdue.
bool implemented(const AgreementCoverage& agreement);

/// The key elements an addendum to `agreement` should add to close `gaps`: the gap elements the
/// agreement does not cover yet (`covered`: the elements it covers), cooperation elements only,
/// in catalogue order.
std::vector<std::string> addendum_elements(const content::Library& library, const std::vector<Gap>& gaps,
                                           const std::vector<std::string>& covered);

/// One action of an action plan that closes a gap.
struct GapAction {
    std::string title;    ///< the question's first solution
    std::string element;  ///< the first gap element the question probes
    std::string notes;    ///< which question, which answer, the other solutions
};

/// One action per gap, in `language`.
std::vector<GapAction> plan_from_gaps(const std::vector<Gap>& gaps, const std::string& assessment_title,
                                      Language language);

/// What an addendum takes from the agreement it amends.
struct AddendumBasis {
    Instrument base_instrument = Instrument::mou;
    std::string base_title;
    std::string base_signature_date;  ///< YYYY-MM-DD or empty
    std::vector<Language> languages{Language::en};
    std::vector<drafting::Party> parties;
    PartnershipLevel level = PartnershipLevel::communication;
};

/// A new addendum draft to the agreement described by `basis` that adds `elements`.
drafting::Draft addendum_draft(const content::Library& library, const AddendumBasis& basis,
                               const std::vector<std::string>& elements);

}  // namespace moudesk::diagnostic
