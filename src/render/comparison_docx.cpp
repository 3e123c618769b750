// The comparison DOCX: the later version's text with tracked changes.
//
// One language, one section, no tables: the comparison is about the words, and a revision on a
// whole table row (a party added to the signature table) is shown unevenly by Word and
// LibreOffice, so signature places are paragraphs here. A wholly added or removed block also has
// its paragraph mark inserted or deleted (w:rPr in w:pPr); otherwise accepting a removal would
// leave an empty paragraph behind. Styles, runs, sections and the package come from the
// agreement writer (docx_parts.h), so the comparison looks like the agreement it compares.

#include <cctype>
#include <chrono>
#include <ctime>
#include <exception>
#include <string>
#include <string_view>

#include "docx_parts.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/core/text.h"
#include "moudesk/render/comparison.h"
#include "running_title.h"

namespace moudesk::render {

namespace {

using drafting::BlockChange;
using drafting::BlockKind;
using drafting::BlockText;
using drafting::ClauseChange;
using drafting::Comparison;
using drafting::WordOp;

// Page headers stay on one line.
constexpr std::size_t max_title_code_points = 40;

// "2026-11-30T00:00:00Z" (or with an offset, or fractions of a second) as is; "2026-11-30" at
// midnight UTC; empty: now. Anything else would make Word refuse the file, so it is refused here.
std::string revision_date(std::string_view date) {
    if (date.empty()) {
        std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::tm utc{};
        gmtime_r(&now, &utc);
        char buffer[32];
        std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
        return buffer;
    }
    auto digits = [&](std::size_t from, std::size_t count) {
        if (from + count > date.size()) return false;
        for (std::size_t i = from; i < from + count; ++i)
            if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
        return true;
    };
    auto at = [&](std::size_t i, char c) { return i < date.size() && date[i] == c; };
    bool valid = digits(0, 4) && at(4, '-') && digits(5, 2) && at(7, '-') && digits(8, 2);
    if (valid && date.size() == 10) return std::string(date) + "T00:00:00Z";
    valid = valid && at(10, 'T') && digits(11, 2) && at(13, ':') && digits(14, 2) && at(16, ':') && digits(17, 2);
    std::size_t i = 19;
    if (valid && at(i, '.')) {
        for (++i; i < date.size() && std::isdigit(static_cast<unsigned char>(date[i]));) ++i;
    }
    if (valid && at(i, 'Z'))
        ++i;
    else if (valid && (at(i, '+') || at(i, '-')) && digits(i + 1, 2) && at(i + 3, ':') && digits(i + 4, 2))
        i += 6;
    else
        valid = false;
    if (!valid || i != date.size())
        throw Error(ErrorCategory::bad_input, "comparison date “" + std::string(date) +
                                                  "” is not an ISO 8601 date (expected 2026-11-30T00:00:00Z)");
    return std::string(date);
}

enum class Mark { none, inserted, deleted };

Mark mark_of(WordOp::Kind kind) {
    return kind == WordOp::Kind::inserted ? Mark::inserted : kind == WordOp::Kind::deleted ? Mark::deleted : Mark::none;
}

class ComparisonBody {
public:
    ComparisonBody(Language language, std::size_t column, const std::string& author, std::string date)
        : language_(language),
          column_(column),
          revision_(" w:author=\"" + xml_escape(author) + "\" w:date=\"" + xml_escape(date) + "\"") {}

    std::string& out() { return out_; }

    void block(const BlockChange& b) {
        if (column_ >= b.per_language.size()) return;
        const BlockText& t = b.per_language[column_];
        const Mark whole = b.change == BlockChange::Kind::inserted  ? Mark::inserted
                           : b.change == BlockChange::Kind::deleted ? Mark::deleted
                                                                    : Mark::none;
        if (b.kind == BlockKind::signatures) {
            signature_paragraphs(t, whole);
            return;
        }
        const std::string& shown_label = whole == Mark::deleted ? t.label_before : t.label_after;
        label(b.kind, t, whole, !t.after().empty() || !t.before().empty());
        for (const WordOp& op : t.ops) text(op.text, mark_of(op.kind));
        paragraph(docx::block_style(b.kind, !shown_label.empty()), whole);
    }

private:
    // The label and what separates it from the text: a line break under headings, a tab before
    // a numbered paragraph's text. An article's new number is numbering, not a change of text.
    void label(BlockKind kind, const BlockText& t, Mark whole, bool has_text) {
        const bool heading = kind == BlockKind::title || kind == BlockKind::part || kind == BlockKind::article;
        auto one = [&](const std::string& label, Mark mark) {
            if (label.empty()) return;
            text(label, mark);
            if (heading) {
                if (has_text) raw("<w:r><w:br/></w:r>", mark);
            } else if (kind == BlockKind::paragraph || kind == BlockKind::item) {
                raw("<w:r><w:tab/></w:r>", mark);
            } else {
                text(" ", mark);
            }
        };
        if (whole == Mark::deleted) {
            one(t.label_before, Mark::deleted);
        } else if (whole == Mark::inserted) {
            one(t.label_after, Mark::inserted);
        } else if (kind == BlockKind::article || t.label_before == t.label_after) {
            one(t.label_after.empty() ? t.label_before : t.label_after, Mark::none);
        } else {
            one(t.label_before, Mark::deleted);
            one(t.label_after, Mark::inserted);
        }
    }

    // A signature place per line, each line its own paragraph; a line break inside an inserted
    // or deleted stretch is an inserted or deleted paragraph mark.
    void signature_paragraphs(const BlockText& t, Mark whole) {
        for (const WordOp& op : t.ops) {
            std::string_view rest = op.text;
            for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest = rest.substr(nl + 1)) {
                text(rest.substr(0, nl), mark_of(op.kind));
                paragraph("Signature", mark_of(op.kind));
            }
            text(rest, mark_of(op.kind));
        }
        paragraph("Signature", whole);
    }

    void text(std::string_view s, Mark mark) {
        if (s.empty()) return;
        std::string runs;
        docx::append_runs(runs, s, language_, {{}, false, mark == Mark::deleted});
        raw(runs, mark);
    }

    // Runs as they are, inside a w:ins or w:del when marked; one revision per stretch.
    void raw(std::string_view runs, Mark mark) {
        if (mark == Mark::none) {
            content_ += runs;
            return;
        }
        const char* element = mark == Mark::inserted ? "w:ins" : "w:del";
        content_.append("<").append(element).append(" w:id=\"").append(std::to_string(next_id_++)).append("\"");
        content_.append(revision_).append(">").append(runs).append("</").append(element).append(">");
    }

    // Ends the paragraph that content_ holds; `mark` is the revision of its paragraph mark.
    void paragraph(std::string_view style, Mark mark) {
        out_ += "<w:p>";
        if (!style.empty() || mark != Mark::none) {
            out_ += "<w:pPr>";
            if (!style.empty()) out_.append("<w:pStyle w:val=\"").append(style).append("\"/>");
            if (mark != Mark::none) {
                out_.append("<w:rPr><").append(mark == Mark::inserted ? "w:ins" : "w:del");
                out_.append(" w:id=\"").append(std::to_string(next_id_++)).append("\"").append(revision_);
                out_ += "/></w:rPr>";
            }
            out_ += "</w:pPr>";
        }
        out_ += content_;
        out_ += "</w:p>";
        content_.clear();
    }

    Language language_;
    std::size_t column_;
    std::string revision_;  // the author and date attributes of every revision
    std::string out_;
    std::string content_;  // the runs of the paragraph being written
    int next_id_ = 1;      // w:id of revisions: unique in the document
};

std::string version_name(const std::string& title, Language language, bool earlier) {
    if (!title.empty()) return shorten(title, max_title_code_points);
    if (language == Language::fr) return earlier ? "version antérieure" : "version ultérieure";
    return earlier ? "earlier version" : "later version";
}

}  // namespace

std::string render_comparison_docx(const Comparison& comparison, Language language, const ComparisonInfo& info) {
    const int column = comparison.column_of(language);
    if (column < 0)
        throw Error(ErrorCategory::bad_input, std::string("the two versions are not both in ") + to_code(language) +
                                                  ": cannot show their comparison in it");
    ComparisonBody body(language, static_cast<std::size_t>(column), info.author, revision_date(info.date));
    for (const ClauseChange& unit : comparison.changes)
        for (const BlockChange& b : unit.blocks) body.block(b);

    const std::string before = version_name(info.before_title, language, true);
    const std::string after = version_name(info.after_title, language, false);
    docx::Section section{language,
                          language == Language::fr ? "Modifications de « " + before + " » à « " + after + " »"
                                                   : "Changes from “" + before + "” to “" + after + "”",
                          1};

    std::string document(docx::xml_declaration);
    document.append("<w:document").append(docx::w_namespaces).append("><w:body>");
    document += body.out();
    if (body.out().empty()) document += "<w:p/>";  // Word expects at least one paragraph
    document += docx::section_properties(section, false);
    document += "</w:body></w:document>";
    return docx::package(std::move(document), {{section}, language, section.header, true});
}

void render_comparison_docx(const Comparison& comparison, Language language, const std::filesystem::path& path,
                            const ComparisonInfo& info) {
    // Render fully before touching the disk; bad input stays bad input.
    std::string bytes = render_comparison_docx(comparison, language, info);
    const std::string where = path.string();
    try {
        write_file_atomically(path, bytes);
    } catch (const Error& e) {
        if (e.category() == ErrorCategory::environment &&
            std::string_view(e.what()).find(where) != std::string_view::npos)
            throw;
        throw Error(ErrorCategory::environment, "cannot write " + where + " (docx): " + e.what());
    } catch (const std::exception& e) {
        throw Error(ErrorCategory::environment, "cannot write " + where + " (docx): " + e.what());
    }
}

}  // namespace moudesk::render
