// The assessment report as PDF: cairo draws, pango lays text out, the chart is drawn straight
// onto the page as vectors.
//
// Two passes, like the agreement's PDF writer: layout flows the report down the pages and keeps
// what each page must draw as a list of closures (paragraphs split between lines, table rows
// kept whole, a table's heading row repeated on every page it runs onto); drawing then knows the
// page count for "Page N of M".

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/render/assessment_report.h"
#include "running_title.h"
#include "score_chart.h"

namespace moudesk::render {

namespace {

using diagnostic::Report;
using diagnostic::ReportMatrix;

// A4 in points, 2.2 cm margins: the agreement's PDF pages.
constexpr double page_width = 595.28;
constexpr double page_height = 841.89;
constexpr double margin = 62.36;
constexpr double body_top = margin;
constexpr double body_bottom = page_height - margin;
constexpr double body_width = page_width - 2 * margin;
constexpr double cell_pad = 3.5;
constexpr double matrix_pad = 1.5;
constexpr double matrix_header_max = 175;  // longest rotated element title before an ellipsis

const char* const serif = "DejaVu Serif";
const char* const sans = "DejaVu Sans";

struct Rgb {
    double r, g, b;
};
constexpr Rgb text_colour{0.07, 0.07, 0.07};
constexpr Rgb muted{0.35, 0.35, 0.35};
constexpr Rgb heading_colour{0.12, 0.23, 0.36};
constexpr Rgb header_fill{0.91, 0.925, 0.945};
constexpr Rgb border{0.65, 0.65, 0.65};
constexpr Rgb covered_fill{0.608, 0.796, 0.561};
constexpr Rgb overdue_fill{0.949, 0.722, 0.294};
constexpr Rgb white{1, 1, 1};

void set(cairo_t* cr, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

struct GObjectUnref {
    void operator()(gpointer object) const {
        if (object) g_object_unref(object);
    }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct Font {
    const char* family = serif;
    double size = 10.5;
    bool bold = false;
    bool italic = false;
};

// Formats a number for cairo's tag attributes; std::to_chars ignores the C locale.
std::string number(double value) {
    char buffer[32];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, std::round(value * 100) / 100, std::chars_format::fixed);
    return std::string(buffer, result.ptr);
}

double layout_width(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return w / static_cast<double>(PANGO_SCALE);
}

double layout_height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return h / static_cast<double>(PANGO_SCALE);
}

// One cell of a table as laid out.
struct CellSpec {
    std::string text;
    Font font{sans, 8.5};
    PangoAlignment align = PANGO_ALIGN_LEFT;
    std::optional<Rgb> fill;
    bool vertical = false;  // read bottom to top (the matrix's element titles)
    bool middle = false;    // centred vertically
    double pad = cell_pad;
};

using Row = std::vector<CellSpec>;

struct OutlineEntry {
    std::size_t page = 0;
    double y = 0;
    std::string text;
    int level = 1;
};

class ReportPdf {
public:
    explicit ReportPdf(const Report& report) : report_(report), chart_(chart::chart_of(report)) {}

    std::string run() {
        std::string bytes;
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&append, &bytes, page_width, page_height);
        cr_ = cairo_create(surface);
        try {
            lay_out();
            draw(surface);
        } catch (...) {
            cairo_destroy(cr_);
            cairo_surface_destroy(surface);
            throw;
        }
        cairo_destroy(cr_);
        cairo_surface_finish(surface);
        const cairo_status_t status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS)
            throw Error(ErrorCategory::internal, std::string("PDF report failed: ") + cairo_status_to_string(status));
        return bytes;
    }

private:
    using Draw = std::function<void(cairo_t*)>;

    static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
        try {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        } catch (const std::bad_alloc&) {
            return CAIRO_STATUS_WRITE_ERROR;  // exceptions must not cross cairo's C frames
        }
    }

    // ---- layouts and pages ----

    LayoutPtr layout(const std::string& text, Font font, double width) const {
        LayoutPtr l(pango_cairo_create_layout(cr_), GObjectUnref());
        PangoFontDescription* d = pango_font_description_new();
        pango_font_description_set_family(d, font.family);
        pango_font_description_set_absolute_size(d, font.size * PANGO_SCALE);
        if (font.bold) pango_font_description_set_weight(d, PANGO_WEIGHT_BOLD);
        if (font.italic) pango_font_description_set_style(d, PANGO_STYLE_ITALIC);
        pango_layout_set_font_description(l.get(), d);
        pango_font_description_free(d);
        // pango_layout_set_text, never markup: the text is the user's, angle brackets and all.
        const std::string clean = clean_text(text);
        pango_layout_set_text(l.get(), clean.data(), static_cast<int>(clean.size()));
        PangoAttrList* attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
        pango_layout_set_attributes(l.get(), attributes);
        pango_attr_list_unref(attributes);
        if (width > 0) {
            pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
            // WORD_CHAR: a reference of 300 characters without a space still breaks in its cell.
            pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        }
        return l;
    }

    void new_page() {
        pages_.emplace_back();
        y_ = body_top;
    }

    void add(Draw d) { pages_.back().push_back(std::move(d)); }

    // Starts a new page unless `height` still fits below the cursor.
    void ensure(double height) {
        if (y_ + height > body_bottom && y_ > body_top) new_page();
    }

    // A paragraph, split between lines at page ends. `bullet` hangs left of the first line.
    void text(const std::string& s, Font font, Rgb colour, double x, double width, double before, double after,
              PangoAlignment align = PANGO_ALIGN_LEFT, const std::string& bullet = "") {
        if (s.empty()) return;
        y_ += before;
        LayoutPtr l = layout(s, font, width);
        pango_layout_set_alignment(l.get(), align);
        LayoutPtr mark = bullet.empty() ? nullptr : layout(bullet, font, 0);
        PangoLayoutIter* iter = pango_layout_get_iter(l.get());
        int index = 0;
        do {
            int y0 = 0, y1 = 0;
            pango_layout_iter_get_line_yrange(iter, &y0, &y1);
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double h = (y1 - y0) / static_cast<double>(PANGO_SCALE);
            const double baseline = (pango_layout_iter_get_baseline(iter) - y0) / static_cast<double>(PANGO_SCALE);
            ensure(h);
            const double line_x = x + logical.x / static_cast<double>(PANGO_SCALE);
            const double line_y = y_ + baseline;
            const int line = index++;
            add([l, line, line_x, line_y, colour](cairo_t* cr) {
                set(cr, colour);
                cairo_move_to(cr, line_x, line_y);
                pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(l.get(), line));
            });
            if (line == 0 && mark) {
                add([mark, x, line_y, colour](cairo_t* cr) {
                    set(cr, colour);
                    cairo_move_to(cr, x - 11, line_y);
                    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(mark.get(), 0));
                });
            }
            y_ += h;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        y_ += after;
    }

    void body(const std::string& s, double before = 3, double after = 3) {
        text(s, {serif, 10}, text_colour, margin, body_width, before, after);
    }

    void note(const std::string& s) { text(s, {serif, 9, false, true}, muted, margin, body_width, 3, 3); }

    // `keep`: how much of what follows must fit on the heading's page.
    void heading(const std::string& s, int level, double keep = 60) {
        const Font font = level == 1 ? Font{sans, 14, true} : Font{sans, 11, true};
        const double before = level == 1 ? 20 : 12;
        LayoutPtr probe = layout(s, font, body_width);
        // Keep the heading with at least a few lines of what follows.
        ensure(before + layout_height(probe.get()) + keep);
        if (y_ > body_top) y_ += before;
        outline_.push_back({pages_.size() - 1, y_, clean_text(s), level});
        text(s, font, level == 1 ? heading_colour : text_colour, margin, body_width, 0, level == 1 ? 6 : 3);
    }

    // ---- tables ----

    struct PlacedCell {
        LayoutPtr text;
        double x = 0, width = 0;
        std::optional<CellSpec> spec;  // a copy: the closures outlive the caller's rows
    };

    std::vector<PlacedCell> place_row(const Row& row, const std::vector<double>& widths, double& height) const {
        std::vector<PlacedCell> cells;
        double x = margin;
        height = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            PlacedCell p;
            p.x = x;
            p.width = widths[c];
            if (c < row.size()) {
                p.spec = row[c];
                const double pad = row[c].pad;
                if (row[c].vertical) {
                    // Rotated: the text runs along the row's height, ellipsized past the maximum.
                    p.text = layout(row[c].text, row[c].font, matrix_header_max);
                    pango_layout_set_ellipsize(p.text.get(), PANGO_ELLIPSIZE_END);
                    pango_layout_set_height(p.text.get(), -1);
                    pango_layout_set_width(p.text.get(), -1);
                    if (layout_width(p.text.get()) > matrix_header_max)
                        pango_layout_set_width(p.text.get(), static_cast<int>(matrix_header_max * PANGO_SCALE));
                    height = std::max(height, layout_width(p.text.get()) + 2 * pad + 2);
                } else {
                    p.text = layout(row[c].text, row[c].font, std::max(1.0, widths[c] - 2 * pad));
                    pango_layout_set_alignment(p.text.get(), row[c].align);
                    height = std::max(height, layout_height(p.text.get()) + 2 * pad);
                }
            }
            cells.push_back(std::move(p));
            x += widths[c];
        }
        return cells;
    }

    void draw_row(const std::vector<PlacedCell>& cells, double height) {
        const double top = y_;
        add([cells, height, top](cairo_t* cr) {
            for (const PlacedCell& p : cells) {
                if (p.spec && p.spec->fill) {
                    set(cr, *p.spec->fill);
                    cairo_rectangle(cr, p.x, top, p.width, height);
                    cairo_fill(cr);
                }
                set(cr, border);
                cairo_set_line_width(cr, 0.5);
                cairo_rectangle(cr, p.x, top, p.width, height);
                cairo_stroke(cr);
                if (!p.text || !p.spec) continue;
                const double pad = p.spec->pad;
                set(cr, text_colour);
                cairo_save(cr);
                if (p.spec->vertical) {
                    // Bottom to top, centred across the column.
                    const double thickness = layout_height(p.text.get());
                    cairo_translate(cr, p.x + (p.width - thickness) / 2, top + height - pad - 1);
                    cairo_rotate(cr, -M_PI / 2);
                    cairo_move_to(cr, 0, 0);
                } else {
                    const double h = layout_height(p.text.get());
                    const double ty = p.spec->middle ? top + (height - h) / 2 : top + pad;
                    cairo_move_to(cr, p.x + pad, ty);
                }
                pango_cairo_show_layout(cr, p.text.get());
                cairo_restore(cr);
            }
        });
        y_ += height;
    }

    // Rows kept whole; the heading row (if any) opens every page the table runs onto.
    void table(const std::vector<double>& widths, const std::optional<Row>& heading, const std::vector<Row>& rows,
               double before = 4, double after = 8) {
        y_ += before;
        double heading_height = 0;
        std::vector<PlacedCell> heading_cells;
        if (heading) heading_cells = place_row(*heading, widths, heading_height);
        bool heading_on_page = false;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            double h = 0;
            std::vector<PlacedCell> cells = place_row(rows[r], widths, h);
            const double need = h + (heading_on_page ? 0 : heading_height);
            if (y_ + need > body_bottom && y_ > body_top) {
                new_page();
                heading_on_page = false;
            }
            if (heading && !heading_on_page) {
                draw_row(heading_cells, heading_height);
                heading_on_page = true;
            }
            draw_row(cells, h);
        }
        y_ += after;
    }

    // ---- the report's sections ----

    CellSpec cell(const std::string& s, bool bold = false, PangoAlignment align = PANGO_ALIGN_LEFT) const {
        CellSpec c;
        c.text = s;
        c.font = {sans, 8.5, bold};
        c.align = align;
        return c;
    }

    Row heading_row(const std::vector<std::string>& texts) const {
        Row row;
        for (const std::string& t : texts) {
            CellSpec c = cell(t, true);
            c.fill = header_fill;
            row.push_back(std::move(c));
        }
        return row;
    }

    std::string percent(const std::optional<double>& p) const {
        return p ? diagnostic::format_percent(*p, report_.language) : report_.labels.not_assessed;
    }

    void legend() {
        const auto& l = report_.labels;
        const Font font{sans, 8.5};
        struct Item {
            Rgb fill;
            std::string mark;
            LayoutPtr label;
        };
        std::vector<Item> items{{covered_fill, "\u2713", layout(l.covered, font, 0)},
                                {overdue_fill, "!", layout(l.covered_overdue, font, 0)},
                                {white, "", layout(l.not_covered, font, 0)}};
        LayoutPtr title = layout(l.legend + l.colon, font, 0);
        const double line = 14;
        ensure(line * 2);
        double x = margin + layout_width(title.get()) + 4;
        double top = y_;
        const double title_y = y_;
        add([title, title_y](cairo_t* cr) {
            set(cr, text_colour);
            cairo_move_to(cr, margin, title_y + 1);
            pango_cairo_show_layout(cr, title.get());
        });
        for (const Item& item : items) {
            const double w = 10 + 4 + layout_width(item.label.get());
            if (x + w > margin + body_width) {
                x = margin + layout_width(title.get()) + 4;
                top += line;
            }
            LayoutPtr mark = layout(item.mark, {sans, 7}, 0);
            add([item, mark, x, top](cairo_t* cr) {
                set(cr, item.fill);
                cairo_rectangle(cr, x, top + 1.5, 10, 10);
                cairo_fill(cr);
                set(cr, border);
                cairo_set_line_width(cr, 0.5);
                cairo_rectangle(cr, x, top + 1.5, 10, 10);
                cairo_stroke(cr);
                set(cr, text_colour);
                cairo_move_to(cr, x + (10 - layout_width(mark.get())) / 2,
                              top + 1.5 + (10 - layout_height(mark.get())) / 2);
                pango_cairo_show_layout(cr, mark.get());
                cairo_move_to(cr, x + 14, top + 1);
                pango_cairo_show_layout(cr, item.label.get());
            });
            x += w + 14;
        }
        y_ = top + line + 4;
    }

    // The matrix section: its heading stays with the legend, the rotated titles and a few rows.
    void matrix() {
        const auto& m = report_.matrix;
        if (m.agreements.empty() || m.elements.empty()) {
            heading(report_.labels.matrix, 1);
            body(report_.labels.no_agreements);
            return;
        }
        const std::size_t columns = m.elements.size();
        const double first = columns > 16 ? 95 : 130;
        // A few elements keep narrow columns: a wide coloured block reads as more than it is.
        const double each = std::min(28.0, (body_width - first) / static_cast<double>(columns));
        std::vector<double> widths{first};
        for (std::size_t c = 0; c < columns; ++c) widths.push_back(each);
        // Narrow columns take a smaller font so a rotated title fits across one.
        const double size = std::clamp(each * 0.55, 5.5, 7.5);
        Row heading;
        CellSpec corner = cell(report_.labels.agreement, true);
        corner.fill = header_fill;
        corner.middle = true;
        heading.push_back(corner);
        for (const std::string& title : m.elements) {
            CellSpec c;
            c.text = title;
            c.font = {sans, size};
            c.fill = header_fill;
            c.vertical = true;
            c.pad = matrix_pad;
            heading.push_back(std::move(c));
        }
        std::vector<Row> rows;
        for (std::size_t r = 0; r < m.agreements.size(); ++r) {
            Row row;
            CellSpec ref = cell(m.agreements[r]);
            ref.font.size = 7.5;
            ref.pad = 2;
            row.push_back(std::move(ref));
            for (std::size_t c = 0; c < columns; ++c) {
                const std::uint8_t v = m.cells[r][c];
                CellSpec mark;
                mark.font = {sans, size};
                mark.align = PANGO_ALIGN_CENTER;
                mark.middle = true;
                mark.pad = matrix_pad;
                if (v == ReportMatrix::covered) {
                    mark.text = "\u2713";
                    mark.fill = covered_fill;
                } else if (v == ReportMatrix::covered_overdue) {
                    mark.text = "!";
                    mark.fill = overdue_fill;
                }
                row.push_back(std::move(mark));
            }
            rows.push_back(std::move(row));
        }
        double heading_height = 0, row_height = 0;
        place_row(heading, widths, heading_height);
        place_row(rows.front(), widths, row_height);
        this->heading(report_.labels.matrix, 1, 30 + heading_height + 3 * row_height);
        legend();
        table(widths, heading, rows);
    }

    void lay_out() {
        const auto& l = report_.labels;
        new_page();
        text(report_.title, {sans, 20, true}, heading_colour, margin, body_width, 0, 4, PANGO_ALIGN_CENTER);
        text(report_.subtitle, {sans, 13}, text_colour, margin, body_width, 2, 10, PANGO_ALIGN_CENTER);

        heading(l.scope, 1);
        {
            std::vector<Row> rows;
            for (const auto& [label, value] : report_.scope) rows.push_back({cell(label, true), cell(value)});
            if (!rows.empty()) table({150, body_width - 150}, std::nullopt, rows);
        }

        heading(l.scores, 1);
        const double chart_h = chart::chart_height(cr_, chart_, body_width);
        ensure(chart_h);
        {
            const double top = y_ + 2;
            const chart::ScoreChart* c = &chart_;
            add([c, top](cairo_t* cr) { chart::draw(cr, *c, margin, top, body_width); });
            y_ += chart_h + 10;
        }
        {
            std::vector<Row> rows;
            for (const auto& s : report_.area_scores)
                rows.push_back({cell(s.area), cell(percent(s.percent), false, PANGO_ALIGN_RIGHT),
                                cell(s.answered, false, PANGO_ALIGN_RIGHT)});
            rows.push_back({cell(l.overall, true), cell(percent(report_.overall), true, PANGO_ALIGN_RIGHT),
                            cell(report_.overall_answered, true, PANGO_ALIGN_RIGHT)});
            Row head = heading_row({l.area, l.score, l.answered});
            head[1].align = head[2].align = PANGO_ALIGN_RIGHT;
            table({body_width - 180, 70, 110}, head, rows);
        }

        heading(l.gaps, 1);
        if (report_.gaps.empty()) body(l.no_gaps);
        body(report_.gaps_intro);
        for (std::size_t i = 0; i < report_.gaps.size(); ++i) {
            const auto& gap = report_.gaps[i];
            heading(std::to_string(i + 1) + ". " + gap.question, 2);
            text(l.area + l.colon + gap.area + "  \u2014  " + l.answer + l.colon + gap.answer_label, {sans, 8.5}, muted,
                 margin, body_width, 0, 3);
            if (!gap.notes.empty()) note(gap.notes);
            auto list = [&](const std::string& label, const std::vector<std::string>& items) {
                if (items.empty()) return;
                ensure(30);
                text(label, {sans, 9, true}, text_colour, margin, body_width, 4, 2);
                for (const std::string& item : items)
                    text(item, {serif, 10}, text_colour, margin + 16, body_width - 16, 0, 2, PANGO_ALIGN_LEFT,
                         "\u2022");
            };
            list(l.weaknesses, gap.weaknesses);
            list(l.solutions, gap.solutions);
            if (!gap.elements.empty()) {
                std::vector<Row> rows;
                for (const auto& e : gap.elements)
                    rows.push_back({cell(e.title), cell(e.classification), cell(e.agreements)});
                table({140, 140, body_width - 280}, heading_row({l.elements, l.register_state, l.agreements}), rows, 6,
                      4);
            }
        }

        matrix();
        if (!report_.matrix.left_out_note.empty()) note(report_.matrix.left_out_note);

        heading(l.action_plan, 1);
        if (report_.actions.empty()) {
            body(l.no_actions);
        } else {
            std::vector<Row> rows;
            for (const auto& a : report_.actions)
                rows.push_back({cell(a.agreement), cell(a.action), cell(a.owner), cell(a.due)});
            table({100, body_width - 250, 90, 60}, heading_row({l.agreement, l.action, l.owner, l.due}), rows);
        }
    }

    void draw(cairo_surface_t* surface) {
        const std::string title =
            report_.subtitle.empty() ? report_.title : report_.title + " \u2014 " + report_.subtitle;
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean_text(title).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "moudesk");
        LayoutPtr header = layout(shorten(title, 120), {sans, 7.5}, body_width);
        pango_layout_set_alignment(header.get(), PANGO_ALIGN_CENTER);
        pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_single_paragraph_mode(header.get(), TRUE);

        const std::size_t count = pages_.size();
        int parent = CAIRO_PDF_OUTLINE_ROOT;
        for (std::size_t p = 0; p < count; ++p) {
            // The first page opens with the title itself; a header above it would only repeat it.
            if (p > 0) {
                set(cr_, muted);
                cairo_move_to(cr_, margin, margin - 30);
                pango_cairo_show_layout(cr_, header.get());
                cairo_set_line_width(cr_, 0.4);
                cairo_move_to(cr_, margin, margin - 14);
                cairo_line_to(cr_, page_width - margin, margin - 14);
                cairo_stroke(cr_);
            }
            LayoutPtr footer = layout(report_.labels.page + " " + std::to_string(p + 1) + " " + report_.labels.of +
                                          " " + std::to_string(count),
                                      {sans, 8}, body_width);
            pango_layout_set_alignment(footer.get(), PANGO_ALIGN_CENTER);
            set(cr_, muted);
            cairo_move_to(cr_, margin, page_height - margin + 22);
            pango_cairo_show_layout(cr_, footer.get());

            for (const Draw& d : pages_[p]) {
                cairo_save(cr_);
                d(cr_);
                cairo_restore(cr_);
            }
            for (const OutlineEntry& o : outline_) {
                if (o.page != p || o.text.empty()) continue;
                const std::string target = "page=" + std::to_string(p + 1) + " pos=[" + number(margin) + " " +
                                           number(std::max(0.0, o.y - 6)) + "]";
                if (o.level == 1)
                    parent = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, o.text.c_str(),
                                                           target.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
                else
                    cairo_pdf_surface_add_outline(surface, parent, o.text.c_str(), target.c_str(),
                                                  static_cast<cairo_pdf_outline_flags_t>(0));
            }
            cairo_show_page(cr_);
        }
    }

    const Report& report_;
    chart::ScoreChart chart_;
    cairo_t* cr_ = nullptr;
    double y_ = body_top;
    std::vector<std::vector<Draw>> pages_;
    std::vector<OutlineEntry> outline_;
};

}  // namespace

std::string render_assessment_report_pdf(const Report& report) {
    return ReportPdf(report).run();
}

}  // namespace moudesk::render
