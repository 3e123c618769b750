// The render module's side of moudesk-graphics: each drawing function loads the module on first
// use and calls into it (graphics_module.h says why it is a module).

#include "graphics_module.h"
#include "moudesk/core/error.h"
#include "moudesk/core/module.h"
#include "moudesk/render/assessment_report.h"
#include "moudesk/render/writer.h"

namespace moudesk::render {

namespace {

const GraphicsModule& graphics() {
    // A failed load throws out of the initialiser, so the next call tries again.
    static const GraphicsModule& table = module_table<GraphicsModule>("moudesk-graphics", "moudesk_graphics_module");
    return table;
}

}  // namespace

std::string render_pdf(const drafting::Document& document) {
    return graphics().render_pdf(document);
}

std::string render_assessment_report_pdf(const diagnostic::Report& report) {
    return graphics().render_assessment_report_pdf(report);
}

namespace chart {

Image png(const ScoreChart& chart, double width_pt, double dpi) {
    return graphics().chart_png(chart, width_pt, dpi);
}

std::string svg(const ScoreChart& chart, double width_pt) {
    return graphics().chart_svg(chart, width_pt);
}

}  // namespace chart

}  // namespace moudesk::render
