// The scores chart: one drawing routine for the three formats, so the PDF, the DOCX and the HTML
// show the same picture. Geometry, top to bottom: a strip for the overall label, one row per area
// (name on the left, wrapped; bar on the right), the 0–100 % axis.

#include "score_chart.h"

#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"

namespace moudesk::render::chart {

namespace {

const char* const font_family = "DejaVu Sans";
constexpr double label_size = 8.5;
constexpr double value_size = 8;
constexpr double bar_height = 11;
constexpr double row_padding = 7;
constexpr double top_strip = 16;   // the overall label above the rows
constexpr double axis_strip = 16;  // tick labels under the rows
constexpr double label_gap = 10;   // between the names and the plot
constexpr double value_room = 30;  // right of 100 %: "100 %" must fit after the longest bar
constexpr double label_share = 0.36;

struct Rgb {
    double r, g, b;
};
constexpr Rgb bar_colour{0.23, 0.43, 0.65};
constexpr Rgb text_colour{0.1, 0.1, 0.1};
constexpr Rgb muted_colour{0.45, 0.45, 0.45};
constexpr Rgb grid_colour{0.85, 0.85, 0.85};
constexpr Rgb overall_colour{0.69, 0.23, 0.18};

void set(cairo_t* cr, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

struct LayoutDeleter {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout make_layout(cairo_t* cr, const std::string& text, double size, double width, bool italic = false) {
    Layout layout(pango_cairo_create_layout(cr));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, font_family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    const std::string clean = clean_text(text);
    pango_layout_set_text(layout.get(), clean.data(), static_cast<int>(clean.size()));
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        // An absurdly long name stops after three lines rather than stretching the chart.
        pango_layout_set_height(layout.get(), -3);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    return layout;
}

double height_of(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return h / static_cast<double>(PANGO_SCALE);
}

double width_of(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return w / static_cast<double>(PANGO_SCALE);
}

std::string percent_text(double percent, Language language) {
    return diagnostic::format_percent(percent, language);
}

double label_width(double width) {
    return width * label_share;
}

double row_height(PangoLayout* label) {
    return std::max(bar_height, height_of(label)) + row_padding;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_WRITE_ERROR;  // exceptions must not cross cairo's C frames
    }
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorCategory::internal, std::string(what) + ": " + cairo_status_to_string(status));
}

}  // namespace

double chart_height(cairo_t* cr, const ScoreChart& chart, double width) {
    double h = top_strip + axis_strip;
    for (const Bar& bar : chart.bars) h += row_height(make_layout(cr, bar.label, label_size, label_width(width)).get());
    return h;
}

void draw(cairo_t* cr, const ScoreChart& chart, double x, double y, double width) {
    cairo_save(cr);
    const double plot_left = x + label_width(width) + label_gap;
    const double plot_right = x + width - value_room;
    const double plot_width = std::max(1.0, plot_right - plot_left);
    auto at = [&](double percent) { return plot_left + plot_width * std::clamp(percent, 0.0, 100.0) / 100.0; };

    const double rows_top = y + top_strip;
    std::vector<Layout> labels;
    double rows_bottom = rows_top;
    for (const Bar& bar : chart.bars) {
        labels.push_back(make_layout(cr, bar.label, label_size, label_width(width)));
        rows_bottom += row_height(labels.back().get());
    }

    // Grid lines and tick labels every 25 %.
    cairo_set_line_width(cr, 0.5);
    for (int tick = 0; tick <= 100; tick += 25) {
        const double tx = at(tick);
        set(cr, tick == 0 ? muted_colour : grid_colour);
        cairo_move_to(cr, tx, rows_top);
        cairo_line_to(cr, tx, rows_bottom);
        cairo_stroke(cr);
        Layout t = make_layout(cr, percent_text(tick, chart.language), value_size, 0);
        set(cr, muted_colour);
        cairo_move_to(cr, tx - width_of(t.get()) / 2, rows_bottom + 3);
        pango_cairo_show_layout(cr, t.get());
    }

    // Value labels are drawn last, on a white patch, so the overall line never crosses them.
    struct Label {
        Layout text;
        double x, y;
        Rgb colour;
    };
    std::vector<Label> values;

    // One row per area.
    double row_top = rows_top;
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        PangoLayout* label = labels[i].get();
        const double h = row_height(label);
        const double middle = row_top + h / 2;
        set(cr, bar.percent ? text_colour : muted_colour);
        cairo_move_to(cr, x, middle - height_of(label) / 2);
        pango_cairo_show_layout(cr, label);

        if (bar.percent) {
            // A zero score keeps a sliver, so it reads as "scored zero", not "missing".
            const double end = std::max(at(*bar.percent), plot_left + 1.5);
            set(cr, bar_colour);
            cairo_rectangle(cr, plot_left, middle - bar_height / 2, end - plot_left, bar_height);
            cairo_fill(cr);
            Layout value = make_layout(cr, percent_text(*bar.percent, chart.language), value_size, 0);
            const double vy = middle - height_of(value.get()) / 2;
            values.push_back({std::move(value), end + 3, vy, text_colour});
        } else {
            // No bar: an empty dashed frame and the words, so it cannot pass for a low score.
            const double dashes[] = {2.0, 2.0};
            cairo_set_dash(cr, dashes, 2, 0);
            set(cr, muted_colour);
            cairo_rectangle(cr, plot_left + 0.25, middle - bar_height / 2, plot_width - 0.5, bar_height);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            Layout words = make_layout(cr, chart.not_assessed_label, value_size, 0, true);
            const double wy = middle - height_of(words.get()) / 2;
            values.push_back({std::move(words), plot_left + 5, wy, muted_colour});
        }
        row_top += h;
    }

    // The overall score: a dashed line through every row, labelled above.
    if (chart.overall) {
        const double ox = at(*chart.overall);
        const double dashes[] = {4.0, 2.5};
        cairo_set_dash(cr, dashes, 2, 0);
        cairo_set_line_width(cr, 1.2);
        set(cr, overall_colour);
        cairo_move_to(cr, ox, rows_top - 2);
        cairo_line_to(cr, ox, rows_bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        Layout text =
            make_layout(cr, chart.overall_label + " " + percent_text(*chart.overall, chart.language), value_size, 0);
        const double tw = width_of(text.get());
        // Centred on the line, but kept inside the chart at either end.
        const double tx = std::clamp(ox - tw / 2, plot_left, x + width - tw);
        cairo_move_to(cr, tx, y + (top_strip - height_of(text.get())) / 2 - 1);
        pango_cairo_show_layout(cr, text.get());
    }

    for (const Label& v : values) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, v.x - 1, v.y, width_of(v.text.get()) + 2, height_of(v.text.get()));
        cairo_fill(cr);
        set(cr, v.colour);
        cairo_move_to(cr, v.x, v.y);
        pango_cairo_show_layout(cr, v.text.get());
    }
    cairo_restore(cr);
}

Image png(const ScoreChart& chart, double width_pt, double dpi) {
    // Measure on a scratch surface first: the image's size depends on the wrapped names.
    double height_pt = 0;
    {
        cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t* cr = cairo_create(scratch);
        height_pt = chart_height(cr, chart, width_pt);
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
    }
    const double scale = dpi / 72.0;
    Image image;
    image.width_pt = width_pt;
    image.height_pt = height_pt;
    image.width_px = static_cast<int>(std::ceil(width_pt * scale));
    image.height_px = static_cast<int>(std::ceil(height_pt * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width_px, image.height_px);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    // Unhinted metrics, as on the PDF surface: the names wrap where they were measured.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    draw(cr, chart, 0, 0, width_pt);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    cairo_status_t status = cairo_surface_write_to_png_stream(surface, &append, &image.bytes);
    cairo_surface_destroy(surface);
    check(status, "chart PNG");
    return image;
}

std::string svg(const ScoreChart& chart, double width_pt) {
    std::string bytes;
    double height_pt = 0;
    {
        cairo_surface_t* scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
        cairo_t* cr = cairo_create(scratch);
        height_pt = chart_height(cr, chart, width_pt);
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
    }
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(&append, &bytes, width_pt, height_pt);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t* cr = cairo_create(surface);
    draw(cr, chart, 0, 0, width_pt);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    check(status, "chart SVG");
    return bytes;
}

}  // namespace moudesk::render::chart
