#pragma once
// What the table exports and the moudesk-xlsx module share about cells: how a cell is named in a
// message and how a number cell reads. Internal to the tracking module.

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "moudesk/tracking/table_export.h"

namespace moudesk::tracking::detail {

inline std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

inline std::string where(const Table& table, std::size_t row, std::size_t column) {
    return "table " + in_quotes(table.name) + ", row " + std::to_string(row + 1) + ", column " +
           in_quotes(table.columns[column].title);
}

inline std::optional<double> parse_number(std::string_view s) {
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace moudesk::tracking::detail
