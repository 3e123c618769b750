// The gate for the bundled content: clauses/ and templates/ as shipped load without errors and
// cover the whole catalogue.

#include <algorithm>
#include <iostream>

#include <gtest/gtest.h>

#include "moudesk/content/library.h"

namespace moudesk::content {
namespace {

TEST(BundledLibrary, LoadsWithoutErrors) {
    const std::filesystem::path root(MOUDESK_SOURCE_DATA_DIR);
    Problems problems;
    const Library lib = load_library(root / "clauses", root / "templates", problems);
    // Print everything, warnings included, so one run shows all that needs fixing.
    EXPECT_FALSE(problems.has_errors()) << problems.to_string();
    if (!problems.empty()) std::cout << problems.to_string();

    // The catalogue of the domain brief (shared/domain/README.md), as the content team slugged it:
    // 15 cooperation elements, then 9 final provisions, in article order.
    const std::vector<std::string> expected{"legal-basis",
                                            "roles-and-competences",
                                            "governance",
                                            "information-exchange",
                                            "data-protection",
                                            "risk-analysis",
                                            "joint-operations",
                                            "joint-investigations",
                                            "liaison-officers",
                                            "training-and-exchange",
                                            "systems-access",
                                            "resource-sharing",
                                            "international-programmes",
                                            "public-communication",
                                            "monitoring-and-evaluation",
                                            "purpose-and-scope",
                                            "definitions",
                                            "costs",
                                            "dispute-settlement",
                                            "review-and-amendment",
                                            "legal-status",
                                            "entry-into-force-and-termination",
                                            "languages-and-signatures",
                                            "annexes"};
    std::vector<std::string> slugs;
    for (const KeyElement& element : lib.elements) {
        slugs.push_back(element.slug);
        EXPECT_FALSE(lib.clauses_of(element.slug).empty()) << element.slug << " has no clause";
        EXPECT_EQ(element.group == ElementGroup::cooperation,
                  std::find(expected.begin(), expected.end(), element.slug) - expected.begin() < 15)
            << element.slug;
    }
    EXPECT_EQ(slugs, expected);
    for (Instrument instrument : {Instrument::mou, Instrument::moa, Instrument::addendum})
        EXPECT_NE(lib.find_template(instrument), nullptr) << to_code(instrument);
}

}  // namespace
}  // namespace moudesk::content
