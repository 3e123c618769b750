#include "running_title.h"

#include "moudesk/core/text.h"

namespace moudesk::render {

namespace {
constexpr std::size_t max_header_code_points = 120;
}

std::string shorten(std::string_view text, std::size_t max) {
    std::string clean = clean_text(text);
    std::size_t count = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        // Count lead bytes only: clean_text gives valid UTF-8.
        if ((static_cast<unsigned char>(clean[i]) & 0xC0) == 0x80) continue;
        if (++count > max) return clean.substr(0, i) + "\xE2\x80\xA6";
    }
    return clean;
}

std::string title_of(const drafting::Document& doc, std::size_t column) {
    Language language = doc.languages[column];
    if (doc.title.has(language)) return doc.title[language];
    for (const drafting::Row& row : doc.rows)
        if (row.kind == drafting::BlockKind::title && column < row.cells.size()) return row.cells[column].plain_text();
    return {};
}

std::string running_header(const drafting::Document& doc, std::optional<std::size_t> column) {
    if (column) return shorten(title_of(doc, *column), max_header_code_points);
    return shorten(title_of(doc, 0), max_header_code_points / 2) + " / " +
           shorten(title_of(doc, 1), max_header_code_points / 2);
}

}  // namespace moudesk::render
