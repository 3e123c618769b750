#pragma once
/// @brief The one place where UTF-8 std::string and wxString meet.

#include <filesystem>
#include <string>

#include <wx/string.h>

namespace moudesk::gui {

inline wxString to_wx(const std::string& utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}
inline std::string from_wx(const wxString& text) {
    const wxScopedCharBuffer buf = text.utf8_str();
    return std::string(buf.data(), buf.length());
}
inline wxString to_wx(const std::filesystem::path& path) {
    return to_wx(path.string());
}
inline std::filesystem::path path_from_wx(const wxString& text) {
    return std::filesystem::path(from_wx(text));
}

}  // namespace moudesk::gui
