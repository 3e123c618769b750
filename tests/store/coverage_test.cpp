#include "moudesk/store/coverage.h"

#include <gtest/gtest.h>

#include "store_test_support.h"

using namespace store_test;

namespace {

// Two agreements in force and one draft. MOU/1 covers governance (its action done) and
// liaison-officers (its action overdue); MOU/2 covers governance without any action; the draft
// covers training.
struct Register {
    std::unique_ptr<Database> db = Database::open_in_memory();
    Id first = 0, second = 0, draft = 0;

    Register() {
        Agreements agreements(*db);
        first = add(agreements, "MOU/1", {"governance", "liaison-officers"});
        second = add(agreements, "MOU/2", {"governance"});
        draft = agreements.add(with_elements(sample("MOU/3"), {"training-and-exchange"}));
        Actions actions(*db);
        ActionRecord done;
        done.agreement = first;
        done.title = "Meet";
        done.element = "governance";
        done.due = d("2027-02-01");
        Id id = actions.add(done);
        actions.complete(id, d("2027-02-01"), "minutes");
        ActionRecord late = done;
        late.title = "Post the officers";
        late.element = "liaison-officers";
        actions.add(late);
    }
    static AgreementRecord with_elements(AgreementRecord r, std::vector<std::string> slugs) {
        for (auto& s : slugs) r.elements.push_back({s, "manual", {}});
        return r;
    }
    Id add(Agreements& agreements, const std::string& reference, std::vector<std::string> slugs) {
        Id id = agreements.add(with_elements(sample(reference), std::move(slugs)));
        agreements.set_status(id, tracking::Status::signed_, d("2027-01-01"), "");
        agreements.set_status(id, tracking::Status::in_force, d("2027-01-02"), "");
        return id;
    }
};

const std::vector<std::string> columns{"governance", "liaison-officers", "training-and-exchange"};

TEST(CoverageMatrix, MarksCoveredOverdueAndNotCovered) {
    Register r;
    auto m = coverage_matrix(*r.db, columns, d("2027-06-01"), true);
    ASSERT_EQ(m.rows.size(), 2u);  // the draft is not in force
    EXPECT_EQ(m.rows[0].reference, "MOU/1");
    EXPECT_EQ(m.rows[0].cells, (std::vector<std::uint8_t>{CoverageMatrix::covered, CoverageMatrix::covered_overdue,
                                                          CoverageMatrix::not_covered}));
    EXPECT_EQ(m.rows[1].cells, (std::vector<std::uint8_t>{CoverageMatrix::covered, CoverageMatrix::not_covered,
                                                          CoverageMatrix::not_covered}));
    // Before the due date nothing is overdue; with every agreement the draft appears.
    auto early = coverage_matrix(*r.db, columns, d("2027-01-15"), false);
    ASSERT_EQ(early.rows.size(), 3u);
    EXPECT_EQ(early.rows[0].cells[1], CoverageMatrix::covered);
    EXPECT_EQ(early.rows[2].cells[2], CoverageMatrix::covered);
}

TEST(CoverageMatrix, FollowsElementsAddedAndRemovedLater) {
    Register r;
    Agreements(*r.db).set_element(r.second, {"training-and-exchange", "detected", 0.8});
    Agreements(*r.db).remove_element(r.second, "governance");
    auto m = coverage_matrix(*r.db, columns, d("2027-06-01"), true);
    EXPECT_EQ(m.rows[1].cells, (std::vector<std::uint8_t>{0, 0, 1}));
}

TEST(CoverageMatrix, RowsAreByReferenceWhateverTheOrderTheyWereEntered) {
    Register r;
    Agreements agreements(*r.db);
    r.add(agreements, "ADD/Ünterzeichnet", {"liaison-officers"});
    r.add(agreements, "AAA/1", {});
    auto in_force = coverage_matrix(*r.db, columns, d("2027-06-01"), true);
    std::vector<std::string> references;
    for (const auto& row : in_force.rows) references.push_back(row.reference);
    EXPECT_EQ(references, (std::vector<std::string>{"AAA/1", "ADD/Ünterzeichnet", "MOU/1", "MOU/2"}));
    EXPECT_EQ(in_force.rows[1].status, "in-force");
    EXPECT_EQ(in_force.rows[1].cells, (std::vector<std::uint8_t>{0, 1, 0}));
    auto every = coverage_matrix(*r.db, columns, d("2027-06-01"), false);
    references.clear();
    for (const auto& row : every.rows) references.push_back(row.reference);
    EXPECT_EQ(references, (std::vector<std::string>{"AAA/1", "ADD/Ünterzeichnet", "MOU/1", "MOU/2", "MOU/3"}));
    EXPECT_EQ(every.rows[4].status, "draft");
}

TEST(CoverageMatrix, FindsAgreementsWhoseIdsAreFarApart) {
    Register r;
    // An agreement (and its overdue action) with an id far past the others, as after an import.
    r.db->sql().exec(
        "INSERT INTO agreement(id, reference, title, instrument, status, created_at, updated_at) VALUES "
        "(5000000000, 'MOU/far', 'Far', 'mou', 'in-force', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z');"
        "INSERT INTO agreement_element(agreement_id, element, source) VALUES (5000000000, 'governance', 'manual');"
        "INSERT INTO action(agreement_id, element, title, due_date, status, created_at, updated_at) VALUES "
        "(5000000000, 'governance', 'Meet', '2027-02-01', 'in-progress', '2027-01-01T00:00:00Z', "
        "'2027-01-01T00:00:00Z');");
    auto m = coverage_matrix(*r.db, columns, d("2027-06-01"), true);
    ASSERT_EQ(m.rows.size(), 3u);
    EXPECT_EQ(m.rows[2].reference, "MOU/far");
    EXPECT_EQ(m.rows[2].agreement, 5000000000);
    EXPECT_EQ(m.rows[2].cells, (std::vector<std::uint8_t>{CoverageMatrix::covered_overdue, 0, 0}));
    EXPECT_EQ(m.rows[0].cells, (std::vector<std::uint8_t>{CoverageMatrix::covered, CoverageMatrix::covered_overdue,
                                                          CoverageMatrix::not_covered}));
}

TEST(CoverageMatrix, AnElementWithoutABitIsReadFromTheElementRows) {
    Register r;
    // More elements than the 63 bits of the mask: the last ones have no bit.
    std::vector<std::string> many;
    for (int i = 0; i < 70; ++i) many.push_back("element-" + std::to_string(100 + i));
    Agreements agreements(*r.db);
    for (const auto& e : many) agreements.set_element(r.second, {e, "manual", {}});
    auto m = coverage_matrix(*r.db, many, d("2027-06-01"), true);
    ASSERT_EQ(m.rows.size(), 2u);
    EXPECT_EQ(m.rows[1].cells, std::vector<std::uint8_t>(many.size(), CoverageMatrix::covered));
    EXPECT_EQ(m.rows[0].cells, std::vector<std::uint8_t>(many.size(), CoverageMatrix::not_covered));
}

TEST(RegisterCoverage, CountsAgreementsAndThoseThatImplementEachElement) {
    Register r;
    auto coverage = register_coverage(*r.db, columns, d("2027-06-01"));
    EXPECT_EQ(coverage["governance"].agreements, 2);
    EXPECT_EQ(coverage["governance"].implemented, 1);  // MOU/1 did its action; MOU/2 has none
    EXPECT_EQ(coverage["governance"].shown.front().reference, "MOU/1");
    EXPECT_EQ(coverage["liaison-officers"].agreements, 1);
    EXPECT_EQ(coverage["liaison-officers"].implemented, 0);
    EXPECT_EQ(coverage["liaison-officers"].shown.front().actions_overdue, 1);
    EXPECT_EQ(coverage["training-and-exchange"].agreements, 0);  // only a draft covers it
    EXPECT_EQ(diagnostic::classify(coverage["governance"]), diagnostic::GapKind::weak_practice);
    EXPECT_EQ(diagnostic::classify(coverage["liaison-officers"]), diagnostic::GapKind::not_implemented);
    EXPECT_EQ(diagnostic::classify(coverage["training-and-exchange"]), diagnostic::GapKind::no_agreement);
}

}  // namespace
