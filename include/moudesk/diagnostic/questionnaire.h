#pragma once
/// @brief The diagnostic questionnaire (diagnostic/questionnaire.xml): areas of customs–police
/// cooperation, each with questions that probe key elements of the clause library, the common
/// weaknesses behind a "no", possible solutions, and what evidence supports a "yes".
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/language.h"

namespace moudesk::content {
struct Library;
}

namespace moudesk::diagnostic {

struct Question {
    std::string id;    ///< stable, e.g. "info.formal-channel"
    std::string area;  ///< the id of its area
    Localized text;
    std::vector<std::string> elements;  ///< key element slugs it probes; never empty
    std::vector<Localized> weaknesses;  ///< common weaknesses seen when the answer is no
    std::vector<Localized> solutions;   ///< possible solutions
    Localized evidence;                 ///< what evidence supports a yes
    double weight = 1.0;
    SourceLocation where;
};

struct Area {
    std::string id;  ///< e.g. "legal-framework"
    Localized title;
    Localized description;
    std::vector<Question> questions;
};

struct Questionnaire {
    std::string version;  ///< the questionnaire's own version, stored with each assessment
    std::vector<Area> areas;

    const Question* find(std::string_view id) const;
    const Area* find_area(std::string_view id) const;
    /// Every question, in order.
    std::vector<const Question*> questions() const;
    /// The questions that probe key element `slug`, in order; empty when none does.
    std::vector<const Question*> probing(std::string_view slug) const;
};

/// The bundled questionnaire: <data dir>/diagnostic/questionnaire.xml (the source tree in a
/// build, <prefix>/share/moudesk once installed; see content::bundled_data_dir()).
std::filesystem::path bundled_questionnaire_path();

/// Loads and checks a questionnaire (XSD, unique ids, both languages, weights > 0). With a
/// library, also checks that every element slug exists and that every cooperation element is
/// probed by at least one question. Problems go to `problems` with file:line:column, all at
/// once; what loads is returned (a question with errors is left out; malformed XML returns an
/// empty questionnaire). The schema is <data dir>/schemas/diagnostic.xsd. Never throws for bad
/// content or an unreadable file: that is a problem too.
Questionnaire load_questionnaire(const std::filesystem::path& file, Problems& problems,
                                 const content::Library* library = nullptr);

}  // namespace moudesk::diagnostic
