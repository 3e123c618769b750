// Plain-text writer: UTF-8, wrapped at 78 code points, for e-mail bodies and quick review.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "moudesk/core/text.h"
#include "moudesk/render/writer.h"

namespace moudesk::render {

namespace {

using drafting::Block;
using drafting::BlockKind;
using drafting::Document;
using drafting::Layout;

constexpr std::size_t line_width = 78;

// Length of the UTF-8 sequence that starts with byte `b` (1 for stray continuation bytes, which
// clean_text has already removed anyway).
std::size_t sequence_length(unsigned char b) {
    if (b >= 0xF0) return 4;
    if (b >= 0xE0) return 3;
    if (b >= 0xC0) return 2;
    return 1;
}

std::size_t width_of(std::string_view text) {
    return count_code_points(text);
}

// Byte offset after the first `n` code points of `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t n) {
    std::size_t i = 0;
    while (n > 0 && i < text.size()) {
        i += sequence_length(static_cast<unsigned char>(text[i]));
        --n;
    }
    return std::min(i, text.size());
}

// Words of one line of text (split on spaces and tabs).
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// Greedy word wrap of `text` into lines of at most `width` code points; words longer than a line
// are cut between code points. Newlines in the text start new lines.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    width = std::max<std::size_t>(width, 8);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line;
        std::size_t used = 0;
        for (std::string_view word : words_of(text.substr(start, end - start))) {
            std::size_t w = width_of(word);
            if (used > 0 && used + 1 + w <= width) {
                line += ' ';
                line += word;
                used += 1 + w;
                continue;
            }
            if (used > 0) {
                lines.push_back(std::move(line));
                line.clear();
                used = 0;
            }
            while (w > width) {
                std::size_t cut = prefix_bytes(word, width);
                lines.emplace_back(word.substr(0, cut));
                word.remove_prefix(cut);
                w -= width;
            }
            line = std::string(word);
            used = w;
        }
        lines.push_back(std::move(line));
        if (end == text.size()) break;
        start = end + 1;
    }
    // A paragraph of only blank lines still takes one line; trailing blanks add nothing.
    while (lines.size() > 1 && lines.back().empty()) lines.pop_back();
    return lines;
}

std::string spaces(std::size_t n) {
    return std::string(n, ' ');
}

// Text of a block: span texts, cleaned, tabs as spaces.
std::string text_of(const Block& block) {
    std::string out = clean_text(block.plain_text());
    std::replace(out.begin(), out.end(), '\t', ' ');
    return out;
}

class TextWriter {
public:
    explicit TextWriter(const Document& document) : doc_(document) {}

    std::string run() {
        const std::size_t columns = std::max<std::size_t>(doc_.languages.size(), 1);
        const bool bilingual = doc_.languages.size() > 1;
        if (doc_.layout == Layout::sequence && bilingual) {
            for (std::size_t c = 0; c < columns; ++c) {
                if (c > 0) out_ += "\n\n";  // the second language starts after a clear gap
                for (const auto& row : doc_.rows)
                    if (c < row.cells.size()) block(row.cells[c], "");
            }
        } else if (bilingual) {
            // Side by side does not exist in plain text: interleave, each cell tagged.
            for (const auto& row : doc_.rows)
                for (std::size_t c = 0; c < row.cells.size() && c < columns; ++c)
                    block(row.cells[c], "[" + std::string(to_code(doc_.languages[c])) + "] ");
        } else {
            for (const auto& row : doc_.rows)
                if (!row.cells.empty()) block(row.cells[0], "");
        }
        return std::move(out_);
    }

private:
    // Emits `lines` with `tag` ("[en] ") before the first one and its width before the others.
    void emit(const std::vector<std::string>& lines, const std::string& tag) {
        if (!out_.empty()) out_ += '\n';  // one blank line between blocks
        const std::string pad = spaces(width_of(tag));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string line = (i == 0 ? tag : pad) + lines[i];
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out_ += line;
            out_ += '\n';
        }
    }

    // Text with a hanging label: "1.  text" and continuation lines under the text.
    static std::vector<std::string> hanging(const std::string& label, const std::string& text, std::size_t indent,
                                            std::size_t label_column, std::size_t width) {
        std::size_t hang = std::max(label_column, indent + width_of(label) + 1);
        std::vector<std::string> lines;
        auto wrapped = wrap(text, width > hang ? width - hang : 8);
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            if (i == 0 && !label.empty())
                lines.push_back(spaces(indent) + label + spaces(hang - indent - width_of(label)) + wrapped[i]);
            else
                lines.push_back(spaces(hang) + wrapped[i]);
        }
        return lines;
    }

    static std::vector<std::string> centred(const std::string& text, std::size_t width) {
        std::vector<std::string> lines;
        for (auto& l : wrap(text, width)) {
            std::size_t w = width_of(l);
            lines.push_back(spaces(w < width ? (width - w) / 2 : 0) + l);
        }
        return lines;
    }

    // The line of `ch` under the widest of `lines`, starting where the text starts.
    static std::string underline(const std::vector<std::string>& lines, char ch) {
        std::size_t left = std::string::npos, right = 0;
        for (const auto& l : lines) {
            std::size_t lead = l.find_first_not_of(' ');
            if (lead == std::string::npos) continue;
            left = std::min(left, lead);
            right = std::max(right, width_of(l));
        }
        if (left == std::string::npos) return {};
        return spaces(left) + std::string(right - left, ch);
    }

    void block(const Block& b, const std::string& tag) {
        const std::size_t width = line_width - width_of(tag);
        const std::string text = text_of(b);
        const std::string label = clean_text(b.label);
        std::vector<std::string> lines;
        switch (b.kind) {
            case BlockKind::title: {
                lines = centred(text, width);
                lines.push_back(underline(lines, '='));
                break;
            }
            case BlockKind::part: {
                if (!label.empty()) lines = wrap(label, width);
                for (auto& l : wrap(text, width)) lines.push_back(l);
                lines.push_back(underline(lines, '-'));
                break;
            }
            case BlockKind::article: {
                if (!label.empty()) lines.push_back(label);
                if (!text.empty())
                    for (auto& l : wrap(text, width)) lines.push_back(l);
                break;
            }
            case BlockKind::paragraph:
                lines = label.empty() ? wrap(text, width) : hanging(label, text, 0, 4, width);
                break;
            case BlockKind::item: lines = hanging(label, text, 4, 9, width); break;
            case BlockKind::preamble:
            case BlockKind::signature_intro: lines = wrap(text, width); break;
            case BlockKind::signatures:
                // One block per party, so each signs in its own space.
                for (const auto& cell : b.signatures) {
                    std::vector<std::string> sig = wrap(clean_text(cell.heading), width);
                    sig.emplace_back();
                    sig.emplace_back();
                    sig.push_back(std::string(std::min<std::size_t>(36, width), '_'));
                    for (const auto& line : cell.lines) {
                        std::string entry = clean_text(line.label);
                        if (!entry.empty()) entry += ": ";
                        entry += clean_text(line.value);
                        for (auto& l : wrap(entry, width)) sig.push_back(l);
                    }
                    emit(sig, tag);
                }
                return;
        }
        if (lines.empty()) lines.emplace_back();
        emit(lines, tag);
    }

    const Document& doc_;
    std::string out_;
};

}  // namespace

std::string render_text(const drafting::Document& document) {
    return TextWriter(document).run();
}

}  // namespace moudesk::render
