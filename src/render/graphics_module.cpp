// The moudesk-graphics module's entry: the table of its drawing functions (graphics_module.h).

#include "graphics_module.h"

#include "moudesk/render/assessment_report.h"
#include "moudesk/render/writer.h"

extern "C" __attribute__((visibility("default"))) const moudesk::render::GraphicsModule* moudesk_graphics_module() {
    using namespace moudesk::render;
    static const GraphicsModule table{GraphicsModule::current_version, &render_pdf, &render_assessment_report_pdf,
                                      &chart::png, &chart::svg};
    return &table;
}
