#include "moudesk/content/xml.h"

#include <algorithm>

#include "moudesk/core/file.h"

namespace moudesk::content::xml {

SourceMap::SourceMap(std::string_view source) : source_(source) {
    line_starts_.reserve(source.size() / 32);
    line_starts_.push_back(0);
    for (std::size_t i = source.find('\n'); i != std::string_view::npos; i = source.find('\n', i + 1))
        line_starts_.push_back(i + 1);
}

SourceLocation SourceMap::at(std::string file, std::size_t offset) const {
    offset = std::min(offset, source_.size());
    // The last line start not after the offset.
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<int>(it - line_starts_.begin());
    const std::size_t start = *(it - 1);
    int column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // Count code points: skip UTF-8 continuation bytes.
        if ((static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80) ++column;
    }
    return {std::move(file), line, column};
}

std::size_t SourceMap::line_start(int line) const {
    if (line < 1) return 0;
    if (static_cast<std::size_t>(line) > line_starts_.size()) return source_.size();
    return line_starts_[static_cast<std::size_t>(line) - 1];
}

Document::Document(std::string bytes, std::string file)
    : file_(std::move(file)), bytes_(std::move(bytes)), map_(bytes_) {}

std::unique_ptr<Document> Document::parse(std::string bytes, std::string file, Problems& problems) {
    std::unique_ptr<Document> doc(new Document(std::move(bytes), std::move(file)));
    // load_buffer copies the bytes; in-place unescaping never moves where a name or value
    // starts, so offset_debug() offsets are offsets into bytes_.
    const pugi::xml_parse_result result =
        doc->doc_.load_buffer(doc->bytes_.data(), doc->bytes_.size(), parse_options, pugi::encoding_utf8);
    if (!result) {
        const auto offset = result.offset < 0 ? std::size_t{0} : static_cast<std::size_t>(result.offset);
        problems.error(doc->map_.at(doc->file_, offset), std::string("malformed XML: ") + result.description());
        return nullptr;
    }
    return doc;
}

std::unique_ptr<Document> Document::load(const std::filesystem::path& path, Problems& problems) {
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const Error& e) {
        problems.error({path.string(), 0, 0}, e.what());
        return nullptr;
    }
    return parse(std::move(bytes), path.string(), problems);
}

SourceLocation Document::where(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {file_, 0, 0};
    auto at = static_cast<std::size_t>(offset);
    // For an element pugixml gives the offset of its name; point at the '<' before it.
    if (node.type() == pugi::node_element && at > 0 && at <= bytes_.size() && bytes_[at - 1] == '<') --at;
    return map_.at(file_, at);
}

SourceLocation Document::where(pugi::xml_node node, std::string_view attribute) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0 || node.type() != pugi::node_element) return where(node);
    // pugixml keeps no offsets for attributes: scan the start tag, skipping quoted values.
    std::size_t i = static_cast<std::size_t>(offset);
    char quote = 0;
    for (; i < bytes_.size(); ++i) {
        const char c = bytes_[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        } else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') &&
                   bytes_.compare(i + 1, attribute.size(), attribute) == 0) {
            const std::size_t after = i + 1 + attribute.size();
            if (after < bytes_.size() &&
                (bytes_[after] == '=' || bytes_[after] == ' ' || bytes_[after] == '\t' || bytes_[after] == '\n'))
                return map_.at(file_, i + 1);
        }
    }
    return where(node);
}

}  // namespace moudesk::content::xml
