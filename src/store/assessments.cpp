#include "moudesk/store/assessments.h"

#include <SQLiteCpp/Statement.h>

#include "internal.h"
#include "moudesk/core/error.h"
#include "moudesk/store/audit.h"

namespace moudesk::store {

using diagnostic::Answer;

namespace {

std::string join_lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += '\n';
        out += i;
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void write_answer(Database& db, Id assessment, const diagnostic::QuestionAnswer& a) {
    SQLite::Statement st(db.sql(),
                         "INSERT INTO answer(assessment_id, question, answer, notes, evidence) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT(assessment_id, question) DO UPDATE SET answer = excluded.answer, "
                         "notes = excluded.notes, evidence = excluded.evidence");
    st.bind(1, static_cast<int64_t>(assessment));
    st.bind(2, a.question);
    st.bind(3, diagnostic::to_code(a.answer));
    st.bind(4, a.notes);
    st.bind(5, a.evidence);
    st.exec();
}

void require_assessment(Database& db, Id id) {
    SQLite::Statement st(db.sql(), "SELECT 1 FROM assessment WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep())
        throw Error(ErrorCategory::bad_input, "there is no assessment with id " + std::to_string(id));
}

}  // namespace

Id Assessments::add(diagnostic::Assessment a) {
    if (a.title.find_first_not_of(" \t") == std::string::npos)
        throw Error(ErrorCategory::bad_input, "the assessment has no title");
    WriteTransaction tx(db_);
    if (a.previous) require_assessment(db_, *a.previous);
    SQLite::Statement st(
        db_.sql(),
        "INSERT INTO assessment(title, country, agencies, assessors, assessed_on, "
        "questionnaire_version, previous_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::string now = now_utc();
    st.bind(1, a.title);
    st.bind(2, a.country);
    st.bind(3, join_lines(a.agencies));
    st.bind(4, join_lines(a.assessors));
    st.bind(5, a.date.iso());
    st.bind(6, a.questionnaire_version);
    if (a.previous)
        st.bind(7, static_cast<int64_t>(*a.previous));
    else
        st.bind(7);
    st.bind(8, now);
    st.bind(9, now);
    st.exec();
    a.id = db_.sql().getLastInsertRowid();
    AuditTrail(db_).record("assessment", a.id, 0, "created", std::nullopt, a.title);
    for (const auto& answer : a.answers) write_answer(db_, a.id, answer);
    tx.commit();
    return a.id;
}

diagnostic::Assessment Assessments::get(Id id) {
    SQLite::Statement st(db_.sql(),
                         "SELECT id, title, country, agencies, assessors, assessed_on, questionnaire_version, "
                         "previous_id FROM assessment WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep())
        throw Error(ErrorCategory::bad_input, "there is no assessment with id " + std::to_string(id));
    diagnostic::Assessment a;
    a.id = st.getColumn(0).getInt64();
    a.title = st.getColumn(1).getString();
    a.country = st.getColumn(2).getString();
    a.agencies = split_lines(st.getColumn(3).getString());
    a.assessors = split_lines(st.getColumn(4).getString());
    a.date = tracking::Date::parse(st.getColumn(5).getString()).value_or(tracking::Date{});
    a.questionnaire_version = st.getColumn(6).getString();
    if (!st.getColumn(7).isNull()) a.previous = st.getColumn(7).getInt64();
    SQLite::Statement answers(
        db_.sql(), "SELECT question, answer, notes, evidence FROM answer WHERE assessment_id = ? ORDER BY question");
    answers.bind(1, static_cast<int64_t>(id));
    while (answers.executeStep())
        a.answers.push_back(
            {answers.getColumn(0).getString(),
             diagnostic::answer_from_code(answers.getColumn(1).getString()).value_or(Answer::not_assessed),
             answers.getColumn(2).getString(), answers.getColumn(3).getString()});
    return a;
}

std::vector<AssessmentRow> Assessments::list() {
    SQLite::Statement st(db_.sql(),
                         "SELECT s.id, s.title, s.country, s.assessed_on, s.previous_id, "
                         "(SELECT count(*) FROM answer a WHERE a.assessment_id = s.id AND a.answer != 'not-assessed') "
                         "FROM assessment s ORDER BY s.assessed_on DESC, s.id DESC");
    std::vector<AssessmentRow> rows;
    while (st.executeStep()) {
        AssessmentRow r;
        r.id = st.getColumn(0).getInt64();
        r.title = st.getColumn(1).getString();
        r.country = st.getColumn(2).getString();
        r.assessed_on = st.getColumn(3).getString();
        if (!st.getColumn(4).isNull()) r.previous = st.getColumn(4).getInt64();
        r.answered = st.getColumn(5).getInt();
        rows.push_back(std::move(r));
    }
    return rows;
}

void Assessments::update_scope(const diagnostic::Assessment& changed) {
    if (changed.title.find_first_not_of(" \t") == std::string::npos)
        throw Error(ErrorCategory::bad_input, "the assessment has no title");
    WriteTransaction tx(db_);
    diagnostic::Assessment before = get(changed.id);
    const std::tuple<const char*, std::string, std::string> fields[] = {
        {"title", before.title, changed.title},
        {"country", before.country, changed.country},
        {"agencies", join_lines(before.agencies), join_lines(changed.agencies)},
        {"assessors", join_lines(before.assessors), join_lines(changed.assessors)},
        {"assessed_on", before.date.iso(), changed.date.iso()}};
    AuditTrail audit(db_);
    for (const auto& [column, old_value, new_value] : fields) {
        if (old_value == new_value) continue;
        SQLite::Statement st(db_.sql(),
                             std::string("UPDATE assessment SET ") + column + " = ?, updated_at = ? WHERE id = ?");
        st.bind(1, new_value);
        st.bind(2, now_utc());
        st.bind(3, static_cast<int64_t>(changed.id));
        st.exec();
        audit.record("assessment", changed.id, 0, column, old_value, new_value);
    }
    tx.commit();
}

void Assessments::answer(Id assessment, const diagnostic::QuestionAnswer& a) {
    WriteTransaction tx(db_);
    diagnostic::Assessment before = get(assessment);
    const diagnostic::QuestionAnswer* old = before.find(a.question);
    write_answer(db_, assessment, a);
    AuditTrail audit(db_);
    auto was = [&](auto member) { return old ? std::optional<std::string>(member(*old)) : std::nullopt; };
    std::string answer_code = diagnostic::to_code(a.answer);
    std::optional<std::string> old_answer =
        old ? std::optional<std::string>(diagnostic::to_code(old->answer)) : std::nullopt;
    if (old_answer != answer_code) audit.record("assessment", assessment, 0, a.question, old_answer, answer_code);
    if (was([](const auto& x) { return x.notes; }).value_or("") != a.notes)
        audit.record("assessment", assessment, 0, a.question + " notes", was([](const auto& x) { return x.notes; }),
                     a.notes);
    if (was([](const auto& x) { return x.evidence; }).value_or("") != a.evidence)
        audit.record("assessment", assessment, 0, a.question + " evidence",
                     was([](const auto& x) { return x.evidence; }), a.evidence);
    SQLite::Statement touch(db_.sql(), "UPDATE assessment SET updated_at = ? WHERE id = ?");
    touch.bind(1, now_utc());
    touch.bind(2, static_cast<int64_t>(assessment));
    touch.exec();
    tx.commit();
}

Id Assessments::reassess(Id previous, tracking::Date date, const std::string& title) {
    WriteTransaction tx(db_);
    diagnostic::Assessment next = diagnostic::reassessment_of(get(previous), date);
    if (!title.empty()) next.title = title;
    Id id = add(next);
    tx.commit();
    return id;
}

}  // namespace moudesk::store
