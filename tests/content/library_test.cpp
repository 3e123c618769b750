#include <cstdlib>

#include <gtest/gtest.h>

#include "moudesk/content/library.h"

namespace moudesk::content {
namespace {

Variant variant(std::optional<PartnershipLevel> level) {
    Variant v;
    v.level = level;
    return v;
}

Inline piece(Inline::Kind kind, std::string ref = {}) {
    Inline i;
    i.kind = kind;
    i.ref = std::move(ref);
    return i;
}

TEST(Clause, Fits) {
    Clause clause;
    clause.instruments = {Instrument::mou, Instrument::addendum};
    EXPECT_TRUE(clause.fits(Instrument::mou));
    EXPECT_FALSE(clause.fits(Instrument::moa));
}

TEST(Clause, VariantForTakesTheHighestNotAbove) {
    Clause clause;
    clause.variants = {variant(PartnershipLevel::collaboration), variant(PartnershipLevel::communication)};
    EXPECT_EQ(clause.variant_for(PartnershipLevel::integration).level, PartnershipLevel::collaboration);
    EXPECT_EQ(clause.variant_for(PartnershipLevel::collaboration).level, PartnershipLevel::collaboration);
    EXPECT_EQ(clause.variant_for(PartnershipLevel::coordination).level, PartnershipLevel::communication);
    // All above: the lowest.
    EXPECT_EQ(clause.variant_for(PartnershipLevel::coexistence).level, PartnershipLevel::communication);
}

TEST(Clause, VariantForAFinalProvision) {
    Clause clause;
    clause.variants = {variant(std::nullopt)};
    EXPECT_FALSE(clause.variant_for(PartnershipLevel::integration).level.has_value());
    Clause empty;
    EXPECT_THROW(empty.variant_for(PartnershipLevel::coexistence), Error);
}

TEST(Clause, FieldsAndTermsUsedInOrderOfFirstUse) {
    Clause clause;
    Variant first = variant(PartnershipLevel::communication);
    Block para;
    para.text.en = {piece(Inline::Kind::field, "b"), piece(Inline::Kind::term, "t2"), piece(Inline::Kind::field, "a")};
    para.text.fr = {piece(Inline::Kind::field, "c"), piece(Inline::Kind::field, "b"), piece(Inline::Kind::term, "t1")};
    first.blocks.push_back(para);
    Commitment commitment;
    commitment.every = "field:months";
    first.commitments.push_back(commitment);
    commitment.every = "P1Y";
    first.commitments.push_back(commitment);
    Variant second = variant(PartnershipLevel::integration);
    Block item;
    item.kind = Block::Kind::item;
    item.text.en = {piece(Inline::Kind::field, "a"), piece(Inline::Kind::field, "d"),
                    piece(Inline::Kind::clause_ref, "x.y")};
    second.blocks.push_back(item);
    clause.variants = {first, second};
    EXPECT_EQ(clause.fields_used(), (std::vector<std::string>{"b", "a", "c", "months", "d"}));
    EXPECT_EQ(clause.terms_used(), (std::vector<std::string>{"t2", "t1"}));
}

TEST(Library, Lookups) {
    Library lib;
    KeyElement costs_element;
    costs_element.slug = "costs";
    lib.elements.push_back(costs_element);
    Clause a;
    a.id = "costs.own";
    a.element = "costs";
    Clause b;
    b.id = "costs.shared";
    b.element = "costs";
    Clause c;
    c.id = "annexes.general";
    c.element = "annexes";
    lib.clauses = {a, c, b};
    Field field;
    field.id = "réf";
    lib.fields.push_back(field);
    Term term;
    term.id = "term";
    lib.terms.push_back(term);
    Template moa;
    moa.id = "moa";
    moa.instrument = Instrument::moa;
    Template other = moa;
    other.id = "moa-2";
    lib.templates = {moa, other};

    EXPECT_EQ(lib.find_element("costs")->slug, "costs");
    EXPECT_EQ(lib.find_element("nope"), nullptr);
    EXPECT_EQ(lib.find_clause("costs.shared")->id, "costs.shared");
    EXPECT_EQ(lib.find_clause("costs"), nullptr);
    EXPECT_NE(lib.find_field("réf"), nullptr);
    EXPECT_NE(lib.find_term("term"), nullptr);
    EXPECT_EQ(lib.find_term("réf"), nullptr);
    EXPECT_EQ(lib.find_template(Instrument::moa)->id, "moa");  // the first
    EXPECT_EQ(lib.find_template(Instrument::mou), nullptr);
    const auto costs = lib.clauses_of("costs");
    ASSERT_EQ(costs.size(), 2u);
    EXPECT_EQ(costs[0]->id, "costs.own");
    EXPECT_EQ(costs[1]->id, "costs.shared");
    EXPECT_TRUE(lib.clauses_of("none").empty());
}

TEST(BundledDataDir, EnvironmentWins) {
    const char* before = std::getenv("MOUDESK_DATA_DIR");
    const std::string saved = before ? before : "";
    setenv("MOUDESK_DATA_DIR", "/opt/moudesk-data", 1);
    EXPECT_EQ(bundled_data_dir(), std::filesystem::path("/opt/moudesk-data"));
    unsetenv("MOUDESK_DATA_DIR");
    // A test binary has no share/moudesk beside it: the source tree.
    EXPECT_EQ(bundled_data_dir(), std::filesystem::path(MOUDESK_SOURCE_DATA_DIR));
    EXPECT_TRUE(std::filesystem::exists(bundled_data_dir() / "schemas" / "clauses.xsd"));
    if (before) setenv("MOUDESK_DATA_DIR", saved.c_str(), 1);
}

}  // namespace
}  // namespace moudesk::content
