#include "moudesk/drafting/document.h"

namespace moudesk::drafting {

std::string Block::plain_text() const {
    std::string out;
    for (const auto& span : spans) out += span.text;
    return out;
}

const char* to_code(Layout layout) {
    switch (layout) {
        case Layout::single: return "single";
        case Layout::side_by_side: return "side-by-side";
        case Layout::sequence: return "sequence";
    }
    return "single";
}

int Document::column_of(Language language) const {
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (languages[i] == language) return static_cast<int>(i);
    return -1;
}

}  // namespace moudesk::drafting
