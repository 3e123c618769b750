#pragma once
/// @brief The scores chart of an assessment report, drawn once with cairo and pango and used
/// three ways: straight into the PDF (vector), as a PNG for the DOCX, as SVG for the HTML.
/// Horizontal bars per area on a 0–100 % scale with value labels, areas that were not assessed
/// said so, and a dashed line at the overall score. Internal to the render module.

#include <optional>
#include <string>
#include <vector>

#include "moudesk/core/language.h"
#include "moudesk/diagnostic/report.h"

// cairo's own declaration, repeated so that users of the chart's data need no cairo headers.
typedef struct _cairo cairo_t;

namespace moudesk::render::chart {

struct Bar {
    std::string label;              ///< the area's name (any text; cleaned here)
    std::optional<double> percent;  ///< 0–100; nullopt: not assessed
};

struct ScoreChart {
    std::vector<Bar> bars;
    std::optional<double> overall;  ///< 0–100; no line when nullopt
    std::string overall_label;      ///< "Overall"
    std::string not_assessed_label;
    Language language = Language::en;  ///< how percentages are written
};

/// The chart of a report's area scores.
inline ScoreChart chart_of(const diagnostic::Report& report) {
    ScoreChart chart;
    for (const auto& s : report.area_scores) chart.bars.push_back({s.area, s.percent});
    chart.overall = report.overall;
    chart.overall_label = report.labels.overall;
    chart.not_assessed_label = report.labels.not_assessed;
    chart.language = report.language;
    return chart;
}

/// The height in points the chart takes at `width` points, measured with `cr`'s font options.
double chart_height(cairo_t* cr, const ScoreChart& chart, double width);

/// Draws the chart with its top-left corner at (x, y), `width` points wide, on a transparent
/// background. Leaves `cr`'s state as it found it.
void draw(cairo_t* cr, const ScoreChart& chart, double x, double y, double width);

/// A PNG of the chart (drawn by the moudesk-graphics module, see graphics_module.h).
struct Image {
    std::string bytes;
    double width_pt = 0;  ///< the size it is meant to print at
    double height_pt = 0;
    int width_px = 0;
    int height_px = 0;
};

/// The chart as a PNG `width_pt` points wide at `dpi` on white. Throws Error(internal) when
/// cairo fails.
Image png(const ScoreChart& chart, double width_pt, double dpi = 200);

/// The chart as an SVG document `width_pt` points wide (text as glyph outlines, so it looks the
/// same everywhere). Throws Error(internal) when cairo fails.
std::string svg(const ScoreChart& chart, double width_pt);

}  // namespace moudesk::render::chart
