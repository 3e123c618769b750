#include "moudesk/core/text.h"

#include <algorithm>
#include <cstdint>

namespace moudesk {

namespace {

bool allowed_in_xml(char32_t cp) {
    if (cp == 0x9 || cp == 0xA) return true;
    if (cp < 0x20) return false;
    if (cp >= 0x7F && cp <= 0x9F) return false;  // C1 controls: legal XML, but no reader wants them
    return cp != 0xFFFE && cp != 0xFFFF;
}

// Printable ASCII, tab and line feed: kept as they are, without decoding.
bool plain_ascii(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n';
}

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b0 = byte(i);
    std::size_t len;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Most text is plain ASCII: copy such runs whole (this is on every writer's hot path).
        std::size_t run = i;
        while (run < text.size() && plain_ascii(text[run])) ++run;
        out.append(text.data() + i, run - i);
        if ((i = run) == text.size()) break;
        char32_t cp = 0;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) {
            append_utf8(out, 0xFFFD);
            ++i;
            continue;
        }
        if (cp == 0xD) {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (allowed_in_xml(cp)) {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

namespace {

// The entity for a character XML needs escaped, or nullptr.
const char* xml_entity(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&apos;";
        default: return nullptr;
    }
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string clean = clean_text(text);
    if (std::none_of(clean.begin(), clean.end(), xml_entity)) return clean;
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    append_xml_escaped(out, clean);
    return out;
}

void append_xml_escaped(std::string& out, std::string_view clean) {
    // Copies the runs between escapes whole: writers call this for every run of text.
    std::size_t from = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        if (const char* entity = xml_entity(clean[i])) {
            out.append(clean.substr(from, i - from)).append(entity);
            from = i + 1;
        }
    }
    out.append(clean.substr(from));
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) {
            out += text[i++];
            continue;
        }
        if (cp >= 'A' && cp <= 'Z')
            cp += 32;
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            cp += 32;
        append_utf8(out, cp);
        i += len;
    }
    return out;
}

std::string capitalize_first(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) return out;
        bool lower_ascii = cp >= 'a' && cp <= 'z';
        bool lower_latin1 = cp >= 0xE0 && cp <= 0xFE && cp != 0xF7;
        if (lower_ascii || lower_latin1) {
            std::string upper;
            append_utf8(upper, cp - 32);
            out.replace(i, len, upper);
            return out;
        }
        if (cp == ' ' || cp == '"' || cp == '(' || cp == 0xAB /* « */) {
            i += len;
            continue;
        }
        return out;
    }
    return out;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace moudesk
