#pragma once
/// @brief The entry table of the moudesk-graphics module: everything the render module draws
/// with cairo and pango (PDF documents and reports, the scores chart). Only commands that write
/// PDF or a report load it, so the others start without cairo, pango and their forty libraries.
/// Internal to the render module; both sides are built from this header in the same build.

#include <string>

#include "moudesk/diagnostic/report.h"
#include "moudesk/drafting/document.h"
#include "score_chart.h"

namespace moudesk::render {

struct GraphicsModule {
    /// Bumped whenever the table changes, so a stale module is refused with a clear message.
    static constexpr int current_version = 1;
    int version = current_version;
    std::string (*render_pdf)(const drafting::Document&);
    std::string (*render_assessment_report_pdf)(const diagnostic::Report&);
    chart::Image (*chart_png)(const chart::ScoreChart&, double width_pt, double dpi);
    std::string (*chart_svg)(const chart::ScoreChart&, double width_pt);
};

}  // namespace moudesk::render

/// The module's one exported symbol.
extern "C" const moudesk::render::GraphicsModule* moudesk_graphics_module();
