#include "moudesk/core/error.h"

#include <gtest/gtest.h>

#include "moudesk/core/instrument.h"
#include "moudesk/core/language.h"

using namespace moudesk;

TEST(Error, ProblemsPrintFileLineColumnAndSeverity) {
    Problems p;
    p.error({"clauses/x.xml", 3, 7}, "unknown slug “y”");
    p.warning({"clauses/z.xml", 0, 0}, "no variant");
    EXPECT_TRUE(p.has_errors());
    EXPECT_EQ(p.to_string(), "clauses/x.xml:3:7: error: unknown slug “y”\nclauses/z.xml: warning: no variant\n");
    Problems only_warnings;
    only_warnings.warning({}, "w");
    EXPECT_FALSE(only_warnings.has_errors());
}

TEST(Error, CodesRoundTrip) {
    EXPECT_EQ(instrument_from_code(to_code(Instrument::addendum)), Instrument::addendum);
    EXPECT_EQ(level_from_code("integration"), PartnershipLevel::integration);
    EXPECT_FALSE(level_from_code("friendship"));
    EXPECT_EQ(language_from_code("fr"), Language::fr);
    EXPECT_FALSE(language_from_code("de"));
    EXPECT_LT(PartnershipLevel::communication, PartnershipLevel::collaboration);
    EXPECT_STREQ(to_string(ErrorCategory::bad_content), "bad content");
}
