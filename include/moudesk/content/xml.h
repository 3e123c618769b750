#pragma once
/// @brief The one pugixml adapter of moudesk: parse flags, parse failures turned into Problems,
/// and file:line:column for any node. Used by the content module and by the draft reader.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "moudesk/core/error.h"

namespace moudesk::content::xml {

/// Maps byte offsets of a source text to 1-based line and column; columns count Unicode code
/// points, so "É" is one column.
class SourceMap {
public:
    explicit SourceMap(std::string_view source);

    /// Line and column of byte `offset`; an offset past the end maps to the end.
    SourceLocation at(std::string file, std::size_t offset) const;
    /// Byte offset where 1-based `line` starts; the end of the text for a line past the end.
    std::size_t line_start(int line) const;
    std::string_view source() const { return source_; }

private:
    std::string_view source_;
    std::vector<std::size_t> line_starts_;
};

/// A parsed XML file that keeps its bytes so any node can say where it is.
class Document {
public:
    /// Parses `bytes`, naming the file `file` in locations. Returns nullptr and adds one error
    /// with the line and column of the failure when the XML is malformed.
    static std::unique_ptr<Document> parse(std::string bytes, std::string file, Problems& problems);
    /// Reads and parses `path` (named as `path.string()`). Returns nullptr and adds an error
    /// when it cannot be read or is malformed.
    static std::unique_ptr<Document> load(const std::filesystem::path& path, Problems& problems);

    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    /// The document element; an empty node for an empty document.
    pugi::xml_node root() const { return doc_.document_element(); }
    const std::string& file() const { return file_; }
    const std::string& bytes() const { return bytes_; }
    const SourceMap& map() const { return map_; }

    /// Where `node` starts (the '<' of an element); line 0 when pugixml does not know.
    SourceLocation where(pugi::xml_node node) const;
    /// Where attribute `name` of element `node` is written; where(node) when it is not there.
    SourceLocation where(pugi::xml_node node, std::string_view attribute) const;

private:
    Document(std::string bytes, std::string file);

    std::string file_;
    std::string bytes_;  // the source as read; pugixml parses a copy, offsets refer to both
    SourceMap map_;
    pugi::xml_document doc_;
};

/// Parse flags for the library: the defaults plus white-space-only text, so the space in
/// "<parties/> <w …/>" survives in mixed content.
inline constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

}  // namespace moudesk::content::xml
