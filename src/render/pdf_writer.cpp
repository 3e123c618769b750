// PDF writer: cairo draws, pango lays text out (wrapping, bidi, font fallback for Arabic).
//
// Two passes. The first turns every document row into a "band" of cells, each cell a list of
// line slices measured by pango, and paginates the bands (keeping headings with what follows,
// splitting long blocks between lines). The second draws the pages, now that the page count for
// "Page N of M" and the position of every article for links and bookmarks are known.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "moudesk/core/error.h"
#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"

namespace moudesk::render {

namespace {

using drafting::Block;
using drafting::BlockKind;
using drafting::Document;
using drafting::Layout;
using drafting::Span;

// A4 in points; 2.2 cm margins.
constexpr double page_width = 595.28;
constexpr double page_height = 841.89;
constexpr double margin = 62.36;
constexpr double body_top = margin;
constexpr double body_bottom = page_height - margin;
constexpr double body_height = body_bottom - body_top;
constexpr double body_width = page_width - 2 * margin;
constexpr double gutter = 18;  // between the two columns of a side-by-side document
constexpr double pango_scale = PANGO_SCALE;
constexpr double epsilon = 0.01;

const char* const serif = "DejaVu Serif";
const char* const sans = "DejaVu Sans";

struct GObjectUnref {
    void operator()(gpointer object) const {
        if (object) g_object_unref(object);
    }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;

struct Font {
    const char* family = serif;
    double size = 10.5;
    bool bold = false;
};

// A pango layout and the cross-references inside it (byte ranges of its text).
struct TextLayout {
    LayoutPtr layout;
    struct Link {
        int start = 0;
        int end = 0;
        std::string anchor;
        std::size_t column = 0;
    };
    std::vector<Link> links;
};

// One line of a layout placed in a cell, or a rule (text == nullptr). Coordinates are points,
// y relative to the top of the band the cell belongs to.
struct Slice {
    const TextLayout* text = nullptr;
    int line = 0;
    double layout_x = 0;  // left edge of the layout (link ranges are relative to it)
    double x = 0;         // where the line's origin goes (alignment included)
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double rule_width = 0;
};

struct Cell {
    std::vector<Slice> slices;
    double height() const {
        double h = 0;
        for (const auto& s : slices) h = std::max(h, s.bottom);
        return h;
    }
};

// A place worth jumping to: an article (link target and bookmark) or a part (bookmark).
struct Mark {
    std::size_t column = 0;
    std::string anchor;   // empty for parts
    std::string outline;  // bookmark text
    int level = 1;        // 1 part, 2 article
    double x = 0;
    double y = 0;  // relative to the band top (pages: absolute)
};

// One document row laid out across the page: one cell per column shown.
struct Band {
    std::vector<Cell> cells;
    double space_before = 0;
    double space_after = 0;
    bool keep_together = false;
    bool keep_with_next = false;
    bool new_page = false;
    std::vector<Mark> marks;

    double height() const {
        double h = 0;
        for (const auto& c : cells) h = std::max(h, c.height());
        return h;
    }
};

struct Page {
    struct Item {
        Slice slice;
        double y = 0;  // page y of the band top
    };
    std::vector<Item> items;
    std::vector<Mark> marks;
};

struct Position {
    int page = 0;  // 1-based, as PDF link attributes want
    double x = 0;
    double y = 0;
};

// Formats a number for cairo's tag attributes; std::to_chars ignores the C locale, which a GUI
// may have set to one with decimal commas.
std::string number(double value) {
    char buffer[32];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, std::round(value * 100) / 100, std::chars_format::fixed);
    return std::string(buffer, result.ptr);
}

std::string localized_page_label(Language language, int page, int pages) {
    if (language == Language::fr) return "Page " + std::to_string(page) + " sur " + std::to_string(pages);
    return "Page " + std::to_string(page) + " of " + std::to_string(pages);
}

struct Spacing {
    double before;
    double after;
};

Spacing spacing_of(BlockKind kind) {
    switch (kind) {
        case BlockKind::title: return {0, 16};
        case BlockKind::preamble: return {5, 0};
        case BlockKind::part: return {18, 4};
        case BlockKind::article: return {13, 4};
        case BlockKind::paragraph: return {5, 0};
        case BlockKind::item: return {3, 0};
        case BlockKind::signature_intro: return {18, 0};
        case BlockKind::signatures: return {14, 0};
    }
    return {5, 0};
}

class PdfWriter {
public:
    explicit PdfWriter(const Document& document) : doc_(document) {
        columns_ = doc_.languages.empty() ? 1 : doc_.languages.size();
        if (doc_.layout == Layout::single) columns_ = 1;
        side_by_side_ = doc_.layout == Layout::side_by_side && columns_ > 1;
        column_width_ = side_by_side_ ? (body_width - gutter) / 2 : body_width;
        body_size_ = side_by_side_ ? 9.5 : 10.5;
        for (const auto& row : doc_.rows)
            for (std::size_t c = 0; c < row.cells.size() && c < columns_; ++c)
                if (!row.cells[c].anchor.empty()) anchors_[{c, row.cells[c].anchor}] = {};
    }

    std::string run() {
        std::string bytes;
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&append, &bytes, page_width, page_height);
        cairo_t* cr = cairo_create(surface);
        // The default font map is per thread; a context from it, updated for this cairo_t, gives
        // measurements in points with the PDF surface's font options (no hinting).
        ContextPtr context(pango_font_map_create_context(pango_cairo_font_map_get_default()));
        pango_cairo_update_context(cr, context.get());
        context_ = context.get();

        try {
            build_bands();
            paginate();
            draw(surface, cr);
        } catch (...) {
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
            throw;
        }
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        cairo_status_t status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS)
            throw Error(ErrorCategory::internal,
                        std::string("PDF rendering failed: ") + cairo_status_to_string(status));
        return bytes;
    }

private:
    static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
        try {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        } catch (const std::bad_alloc&) {
            return CAIRO_STATUS_WRITE_ERROR;  // exceptions must not cross cairo's C frames
        }
    }

    Language language(std::size_t column) const {
        return column < doc_.languages.size() ? doc_.languages[column] : Language::en;
    }

    std::string document_title() const {
        std::string title = doc_.languages.empty() ? std::string() : doc_.title[doc_.languages[0]];
        if (title.empty())
            for (const auto& row : doc_.rows)
                if (row.kind == BlockKind::title && !row.cells.empty()) return clean_text(row.cells[0].plain_text());
        return clean_text(title);
    }

    // ---- layouts ----

    TextLayout& make_layout(const std::string& text, PangoAttrList* attributes, Font font, double width,
                            PangoAlignment alignment) {
        TextLayout& tl = layouts_.emplace_back();
        tl.layout.reset(pango_layout_new(context_));
        PangoLayout* layout = tl.layout.get();
        PangoFontDescription* description = pango_font_description_new();
        pango_font_description_set_family(description, font.family);
        pango_font_description_set_absolute_size(description, font.size * pango_scale);
        if (font.bold) pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, description);
        pango_font_description_free(description);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        if (!attributes) attributes = pango_attr_list_new();
        // A name broken inside a word must not gain a hyphen it does not have.
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
        pango_layout_set_attributes(layout, attributes);
        pango_attr_list_unref(attributes);
        if (width > 0) {
            pango_layout_set_width(layout, static_cast<int>(width * pango_scale));
            // WORD_CHAR: a 10,000-character name without spaces still breaks inside the column.
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(layout, alignment);
        return tl;
    }

    // The block's spans as text plus pango attributes; `prefix` (a heading's label line) first.
    TextLayout& span_layout(const Block& b, std::size_t column, const std::string& prefix, Font font, double width,
                            PangoAlignment alignment) {
        std::string text = prefix;
        PangoAttrList* attributes = pango_attr_list_new();
        std::vector<TextLayout::Link> links;
        auto add = [&](PangoAttribute* attribute, std::size_t start, std::size_t end) {
            attribute->start_index = static_cast<guint>(start);
            attribute->end_index = static_cast<guint>(end);
            pango_attr_list_insert(attributes, attribute);
        };
        for (const Span& span : b.spans) {
            std::size_t start = text.size();
            text += clean_text(span.text);
            std::size_t end = text.size();
            if (start == end) continue;
            switch (span.style) {
                case Span::Style::plain:
                case Span::Style::field: break;
                case Span::Style::missing_field:
                    add(pango_attr_background_new(0xFFFF, 0xE9E9, 0x7A7A), start, end);
                    break;
                case Span::Style::term: add(pango_attr_style_new(PANGO_STYLE_ITALIC), start, end); break;
                case Span::Style::reference:
                    if (anchors_.count({column, span.link})) {
                        add(pango_attr_foreground_new(0x1A1A, 0x4E4E, 0x8A8A), start, end);
                        links.push_back({static_cast<int>(start), static_cast<int>(end), span.link, column});
                    }
                    break;
            }
        }
        TextLayout& tl = make_layout(text, attributes, font, width, alignment);
        tl.links = std::move(links);
        return tl;
    }

    // Adds the lines of `tl` to `cell` with the layout's top-left at (x, y); returns the bottom.
    static double add_lines(Cell& cell, const TextLayout& tl, double x, double y) {
        PangoLayoutIter* iter = pango_layout_get_iter(tl.layout.get());
        double bottom = y;
        int index = 0;
        do {
            int y0 = 0, y1 = 0;
            pango_layout_iter_get_line_yrange(iter, &y0, &y1);
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            Slice s;
            s.text = &tl;
            s.line = index++;
            s.layout_x = x;
            s.x = x + logical.x / pango_scale;
            s.top = y + y0 / pango_scale;
            s.bottom = y + y1 / pango_scale;
            s.baseline = y + pango_layout_iter_get_baseline(iter) / pango_scale;
            cell.slices.push_back(s);
            bottom = s.bottom;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        return bottom;
    }

    static double width_of(const TextLayout& tl) {
        int w = 0, h = 0;
        pango_layout_get_size(tl.layout.get(), &w, &h);
        return w / pango_scale;
    }

    // Text with its label hanging: the label `label_offset` from x, the text at least `min_hang`
    // from x (further when the label is wider).
    void add_hanging(Cell& cell, const Block& b, std::size_t column, double x, double width, double label_offset,
                     double min_hang) {
        Font body{serif, body_size_, false};
        TextLayout& label = make_layout(clean_text(b.label), nullptr, body, 0, PANGO_ALIGN_LEFT);
        double hang = std::max(min_hang, label_offset + width_of(label) + body_size_ * 0.6);
        TextLayout& text = span_layout(b, column, "", body, width - hang, PANGO_ALIGN_LEFT);
        std::size_t first = cell.slices.size();
        add_lines(cell, text, x + hang, 0);
        // The label shares the first line's box and baseline, so they never part at a page end.
        const Slice& line = cell.slices[first];
        Slice s;
        s.text = &label;
        s.layout_x = x + label_offset;
        s.x = x + label_offset;
        s.top = line.top;
        s.bottom = line.bottom;
        s.baseline = line.baseline;
        cell.slices.push_back(s);
    }

    void add_signatures(Cell& cell, const Block& b, double x, double width) {
        if (b.signatures.empty()) return;
        // Two parties to a row when there is room, one per row in a side-by-side column.
        const std::size_t per_row = width > 320 ? 2 : 1;
        const double cell_gap = 24;
        const double cell_width = (width - cell_gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
        Font bold{serif, body_size_, true};
        Font body{serif, body_size_, false};
        double y = 0;
        for (std::size_t i = 0; i < b.signatures.size(); i += per_row) {
            const std::size_t last = std::min(i + per_row, b.signatures.size());
            auto cell_x = [&](std::size_t k) { return x + static_cast<double>(k - i) * (cell_width + cell_gap); };
            // Headings first: the signature rules of one grid row line up under the tallest.
            double headings_bottom = y;
            for (std::size_t k = i; k < last; ++k) {
                const auto& party = b.signatures[k];
                TextLayout& heading =
                    make_layout(clean_text(party.heading), nullptr, bold, cell_width, PANGO_ALIGN_LEFT);
                headings_bottom = std::max(headings_bottom, add_lines(cell, heading, cell_x(k), y));
            }
            const double rule_y = headings_bottom + body_size_ * 3.6;  // room to sign
            double row_bottom = rule_y;
            for (std::size_t k = i; k < last; ++k) {
                const auto& party = b.signatures[k];
                Slice rule;
                rule.x = rule.layout_x = cell_x(k);
                rule.top = rule_y;
                rule.bottom = rule_y + 1;
                rule.baseline = rule_y;
                rule.rule_width = cell_width * 0.9;
                cell.slices.push_back(rule);
                std::string lines;
                for (const auto& line : party.lines) {
                    if (!lines.empty()) lines += '\n';
                    if (!line.label.empty()) lines += clean_text(line.label) + ": ";
                    lines += clean_text(line.value);
                }
                if (!lines.empty()) {
                    TextLayout& details = make_layout(lines, nullptr, body, cell_width, PANGO_ALIGN_LEFT);
                    row_bottom = std::max(row_bottom, add_lines(cell, details, cell_x(k), rule_y + 4));
                }
            }
            y = row_bottom + body_size_ * 2;
        }
    }

    Cell build_cell(const Block& b, std::size_t column, double x, double width, std::vector<Mark>& marks) {
        Cell cell;
        const std::string label = clean_text(b.label);
        const Font body{serif, body_size_, false};
        switch (b.kind) {
            case BlockKind::title:
                add_lines(
                    cell,
                    span_layout(b, column, "", {serif, side_by_side_ ? 13.5 : 16.5, true}, width, PANGO_ALIGN_CENTER),
                    x, 0);
                break;
            case BlockKind::part: {
                std::string prefix = label.empty() ? "" : label + (b.spans.empty() ? "" : "\n");
                add_lines(cell,
                          span_layout(b, column, prefix, {serif, body_size_ + 2, true}, width, PANGO_ALIGN_CENTER), x,
                          0);
                std::string outline = collapse_spaces(label + " " + clean_text(b.plain_text()));
                marks.push_back({column, {}, outline, 1, x, 0});
                break;
            }
            case BlockKind::article: {
                std::string prefix = label.empty() ? "" : label + (b.spans.empty() ? "" : "\n");
                add_lines(cell,
                          span_layout(b, column, prefix, {serif, body_size_ + 0.5, true}, width, PANGO_ALIGN_CENTER), x,
                          0);
                std::string title = clean_text(b.plain_text());
                std::string outline =
                    collapse_spaces(label.empty() || title.empty() ? label + title : label + " \xE2\x80\x94 " + title);
                marks.push_back({column, b.anchor, outline, 2, x, 0});
                break;
            }
            case BlockKind::paragraph:
                if (label.empty())
                    add_lines(cell, span_layout(b, column, "", body, width, PANGO_ALIGN_LEFT), x, 0);
                else
                    add_hanging(cell, b, column, x, width, 0, body_size_ * 2.3);
                break;
            case BlockKind::item: add_hanging(cell, b, column, x, width, body_size_ * 2.3, body_size_ * 4.8); break;
            case BlockKind::preamble:
            case BlockKind::signature_intro:
                add_lines(cell, span_layout(b, column, "", body, width, PANGO_ALIGN_LEFT), x, 0);
                break;
            case BlockKind::signatures: add_signatures(cell, b, x, width); break;
        }
        return cell;
    }

    Band make_band(BlockKind kind) const {
        Band band;
        Spacing spacing = spacing_of(kind);
        band.space_before = spacing.before;
        band.space_after = spacing.after;
        band.keep_with_next = kind == BlockKind::title || kind == BlockKind::part || kind == BlockKind::article ||
                              kind == BlockKind::signature_intro;
        band.keep_together = kind == BlockKind::signatures || band.keep_with_next;
        return band;
    }

    void build_bands() {
        if (side_by_side_) {
            for (const auto& row : doc_.rows) {
                Band band = make_band(row.kind);
                for (std::size_t c = 0; c < columns_; ++c) {
                    double x = margin + static_cast<double>(c) * (column_width_ + gutter);
                    band.cells.push_back(
                        c < row.cells.size() ? build_cell(row.cells[c], c, x, column_width_, band.marks) : Cell{});
                }
                bands_.push_back(std::move(band));
            }
            return;
        }
        for (std::size_t c = 0; c < columns_; ++c) {
            bool first = true;
            for (const auto& row : doc_.rows) {
                if (c >= row.cells.size()) continue;
                Band band = make_band(row.cells[c].kind);
                band.cells.push_back(build_cell(row.cells[c], c, margin, body_width, band.marks));
                // In a sequence the next language starts on a page of its own.
                band.new_page = first && c > 0;
                first = false;
                bands_.push_back(std::move(band));
            }
        }
    }

    // ---- pagination ----

    // Tops of the text lines among `slices`, sorted, each once (a hanging label shares its line).
    static std::vector<double> line_tops(const std::vector<Slice>& slices) {
        std::vector<double> tops;
        for (const auto& s : slices)
            if (s.text) tops.push_back(s.top);
        std::sort(tops.begin(), tops.end());
        tops.erase(std::unique(tops.begin(), tops.end(), [](double a, double b) { return std::abs(a - b) < epsilon; }),
                   tops.end());
        return tops;
    }

    static std::size_t line_count(const std::vector<Slice>& slices) { return line_tops(slices).size(); }

    // Height of the first `lines` lines of the band (what must follow a heading onto its page).
    static double lead_height(const Band& band, std::size_t lines) {
        double h = 0;
        for (const auto& cell : band.cells) {
            std::vector<double> tops = line_tops(cell.slices);
            h = std::max(h, tops.size() > lines ? tops[lines] : cell.height());
        }
        return h;
    }

    static double gap_between(const Band& above, const Band& below) {
        return std::max(above.space_after, below.space_before);
    }

    // What must fit below the current position for band i to go there: the band, and if it is
    // a heading, the start of what follows (all of it when that is a heading or kept whole).
    double needed(std::size_t i, int depth = 0) const {
        const Band& band = bands_[i];
        double h = band.height();
        if (!band.keep_with_next || i + 1 >= bands_.size() || bands_[i + 1].new_page || depth > 4) return h;
        const Band& next = bands_[i + 1];
        double follow = next.keep_with_next                                  ? needed(i + 1, depth + 1)
                        : next.keep_together && next.height() <= body_height ? next.height()
                                                                             : lead_height(next, 2);
        return std::min(h + gap_between(band, next) + follow, body_height);
    }

    // The highest y <= limit that no slice straddles.
    static double cut_at(const Cell& cell, double limit) {
        double cut = limit;
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& s : cell.slices)
                if (s.top < cut - epsilon && s.bottom > cut + epsilon) {
                    cut = s.top;
                    changed = true;
                }
        }
        return cut;
    }

    // Splits `band` so the head fits in `limit`. Without `force`, refuses (returns false) when a
    // cell would leave fewer than two lines on either page.
    static bool split(const Band& band, double limit, bool force, Band& head, Band& tail) {
        head = Band{};
        tail = Band{};
        head.marks = band.marks;
        tail.keep_with_next = band.keep_with_next;
        tail.space_after = band.space_after;
        head.space_before = band.space_before;
        bool any_head = false;
        bool ok = true;
        for (const auto& cell : band.cells) {
            double cut = cut_at(cell, limit);
            auto divide = [&](double at, Cell& up, Cell& down) {
                up.slices.clear();
                down.slices.clear();
                for (const auto& s : cell.slices) (s.bottom <= at + epsilon ? up : down).slices.push_back(s);
            };
            Cell up, down;
            divide(cut, up, down);
            std::size_t head_lines = line_count(up.slices), tail_lines = line_count(down.slices);
            if (!force && tail_lines == 1 && head_lines >= 3) {
                // Pull one more line over so no line is left alone at the top of the next page.
                double last_top = 0;
                for (const auto& s : up.slices) last_top = std::max(last_top, s.top);
                divide(cut_at(cell, last_top), up, down);
                head_lines = line_count(up.slices);
                tail_lines = line_count(down.slices);
            }
            if (tail_lines > 0 && (head_lines < 2 || tail_lines < 2)) ok = false;
            if (!up.slices.empty()) any_head = true;
            double shift = 0;
            if (!down.slices.empty()) {
                shift = down.slices.front().top;
                for (const auto& s : down.slices) shift = std::min(shift, s.top);
                for (auto& s : down.slices) {
                    s.top -= shift;
                    s.bottom -= shift;
                    s.baseline -= shift;
                }
            }
            head.cells.push_back(std::move(up));
            tail.cells.push_back(std::move(down));
        }
        if (force && !any_head) {
            // Not even one line fits on an empty page (absurdly large text): take each cell's
            // first line anyway so the document still comes out.
            for (std::size_t c = 0; c < band.cells.size(); ++c) {
                Cell& up = head.cells[c];
                Cell& down = tail.cells[c];
                if (down.slices.empty()) continue;
                double first = down.slices.front().top;
                for (const auto& s : down.slices) first = std::min(first, s.top);
                std::vector<Slice> rest;
                for (const auto& s : down.slices) (std::abs(s.top - first) < epsilon ? up.slices : rest).push_back(s);
                double shift = rest.empty() ? 0 : rest.front().top;
                for (const auto& s : rest) shift = std::min(shift, s.top);
                for (auto& s : rest) {
                    s.top -= shift;
                    s.bottom -= shift;
                    s.baseline -= shift;
                }
                down.slices = std::move(rest);
            }
        }
        return force || (ok && any_head);
    }

    void place(const Band& band, double y) {
        Page& page = pages_.back();
        for (const auto& cell : band.cells)
            for (const auto& s : cell.slices) page.items.push_back({s, y});
        for (Mark m : band.marks) {
            m.y += y;
            if (!m.anchor.empty()) anchors_[{m.column, m.anchor}] = {static_cast<int>(pages_.size()), m.x, m.y};
            page.marks.push_back(std::move(m));
        }
    }

    void paginate() {
        pages_.emplace_back();
        double y = body_top;
        bool fresh = true;  // nothing on the current page yet
        auto new_page = [&] {
            pages_.emplace_back();
            y = body_top;
            fresh = true;
        };
        for (std::size_t i = 0; i < bands_.size(); ++i) {
            Band band = bands_[i];
            if (band.new_page && !fresh) new_page();
            double gap = fresh || i == 0 ? 0 : gap_between(bands_[i - 1], band);
            double need = needed(i);
            for (;;) {
                double room = body_bottom - y - gap;
                double h = band.height();
                // On a fresh page a heading goes in even if what follows must wait.
                if (h <= room + epsilon && (need <= room + epsilon || fresh)) {
                    place(band, y + gap);
                    y += gap + h;
                    fresh = false;
                    break;
                }
                Band head, tail;
                if (!fresh) {
                    // A block that cannot fit any page anyway may as well start here.
                    bool may_split = !band.keep_together || h > body_height;
                    if (may_split && split(band, room, false, head, tail)) {
                        place(head, y + gap);
                        band = std::move(tail);
                        need = band.height();
                    }
                    new_page();
                    gap = 0;
                    continue;
                }
                // Taller than a whole page: break it wherever it must break.
                split(band, room, true, head, tail);
                place(head, y + gap);
                band = std::move(tail);
                need = band.height();
                new_page();
                gap = 0;
            }
        }
    }

    // ---- drawing ----

    void draw_slice(cairo_t* cr, const Slice& s, double band_y) const {
        if (!s.text) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, s.x, band_y + s.top);
            cairo_line_to(cr, s.x + s.rule_width, band_y + s.top);
            cairo_stroke(cr);
            return;
        }
        PangoLayoutLine* line = pango_layout_get_line_readonly(s.text->layout.get(), s.line);
        if (!line) return;
        cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
        cairo_move_to(cr, s.x, band_y + s.baseline);
        pango_cairo_show_layout_line(cr, line);

        for (const auto& link : s.text->links) {
            int start = std::max(link.start, line->start_index);
            int end = std::min(link.end, line->start_index + line->length);
            if (start >= end) continue;
            auto target = anchors_.find({link.column, link.anchor});
            if (target == anchors_.end() || target->second.page == 0) continue;
            int* ranges = nullptr;
            int count = 0;
            pango_layout_line_get_x_ranges(line, start, end, &ranges, &count);
            std::string rects;
            for (int r = 0; r < count; ++r) {
                double x0 = s.layout_x + ranges[2 * r] / pango_scale;
                double x1 = s.layout_x + ranges[2 * r + 1] / pango_scale;
                rects += number(x0) + " " + number(band_y + s.top) + " " + number(x1 - x0) + " " +
                         number(s.bottom - s.top) + " ";
            }
            g_free(ranges);
            if (rects.empty()) continue;
            std::string attributes = "rect=[" + rects + "] page=" + std::to_string(target->second.page) + " pos=[" +
                                     number(target->second.x) + " " + number(target->second.y) + "]";
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
    }

    void draw(cairo_surface_t* surface, cairo_t* cr) {
        const int page_count = static_cast<int>(pages_.size());
        const std::string title = document_title();
        const Language first_language = language(0);
        if (!title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "moudesk");

        // Running header: the title on one line, cut with an ellipsis.
        TextLayout& header = make_layout(title, nullptr, {sans, 7.5, false}, body_width, PANGO_ALIGN_CENTER);
        pango_layout_set_ellipsize(header.layout.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_single_paragraph_mode(header.layout.get(), TRUE);
        // The first page opens with the title itself; a header above it would only repeat it.
        const bool title_first = !doc_.rows.empty() && doc_.rows.front().kind == BlockKind::title;

        int part_outline = CAIRO_PDF_OUTLINE_ROOT;
        for (int p = 0; p < page_count; ++p) {
            const Page& page = pages_[static_cast<std::size_t>(p)];
            const int number_1 = p + 1;
            if (!(p == 0 && title_first) && !title.empty()) {
                cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
                cairo_move_to(cr, margin, margin - 30);
                pango_cairo_show_layout(cr, header.layout.get());
                cairo_set_line_width(cr, 0.4);
                cairo_move_to(cr, margin, margin - 14);
                cairo_line_to(cr, page_width - margin, margin - 14);
                cairo_stroke(cr);
            }
            TextLayout& footer = make_layout(localized_page_label(first_language, number_1, page_count), nullptr,
                                             {sans, 8, false}, body_width, PANGO_ALIGN_CENTER);
            cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
            cairo_move_to(cr, margin, page_height - margin + 22);
            pango_cairo_show_layout(cr, footer.layout.get());

            for (const auto& item : page.items) draw_slice(cr, item.slice, item.y);

            for (const auto& mark : page.marks) {
                if (mark.column != 0 || mark.outline.empty()) continue;
                std::string target = "page=" + std::to_string(number_1) + " pos=[" + number(mark.x) + " " +
                                     number(std::max(0.0, mark.y - 6)) + "]";
                if (mark.level == 1) {
                    part_outline = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, mark.outline.c_str(),
                                                                 target.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
                } else {
                    cairo_pdf_surface_add_outline(surface, part_outline, mark.outline.c_str(), target.c_str(),
                                                  static_cast<cairo_pdf_outline_flags_t>(0));
                }
            }
            cairo_show_page(cr);
        }
    }

    const Document& doc_;
    std::size_t columns_ = 1;
    bool side_by_side_ = false;
    double column_width_ = body_width;
    double body_size_ = 10.5;
    PangoContext* context_ = nullptr;
    std::deque<TextLayout> layouts_;  // a deque: slices point into it
    std::vector<Band> bands_;
    std::vector<Page> pages_;
    // Every (column, anchor) an article carries, and where it landed once paginated.
    std::map<std::pair<std::size_t, std::string>, Position> anchors_;
};

}  // namespace

std::string render_pdf(const drafting::Document& document) {
    return PdfWriter(document).run();
}

}  // namespace moudesk::render
