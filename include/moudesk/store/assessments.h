#pragma once
/// @brief Assessments of the diagnostic tool in the register's database: scope, answers with
/// notes and evidence, re-assessments; every change audited.
#include <string>
#include <vector>

#include "moudesk/diagnostic/assessment.h"
#include "moudesk/store/database.h"
#include "moudesk/store/records.h"

namespace moudesk::store {

struct AssessmentRow {
    Id id = 0;
    std::string title;
    std::string country;
    std::string assessed_on;
    std::optional<Id> previous;
    int answered = 0;  ///< questions with an answer other than not assessed
};

class Assessments {
public:
    explicit Assessments(Database& db) : db_(db) {}

    /// Adds an assessment with its answers; returns its id. Throws Error(bad_input) for an empty
    /// title or an unknown previous assessment.
    Id add(diagnostic::Assessment assessment);
    /// Throws Error(bad_input) when there is no assessment `id`.
    diagnostic::Assessment get(Id id);
    /// Newest first.
    std::vector<AssessmentRow> list();
    /// Saves title, country, agencies, assessors and date; audited per field.
    void update_scope(const diagnostic::Assessment& assessment);
    /// Records the answer to one question (replacing the earlier one); audited.
    void answer(Id assessment, const diagnostic::QuestionAnswer& answer);
    /// A re-assessment: a copy of `previous` dated `date`, linked to it; returns its id.
    Id reassess(Id previous, tracking::Date date, const std::string& title);

private:
    Database& db_;
};

}  // namespace moudesk::store
