#pragma once
/// @brief The languages an agreement is written in, and text held in each of them.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace moudesk {

enum class Language { en, fr };

inline constexpr std::array<Language, 2> all_languages{Language::en, Language::fr};

/// "en" or "fr".
const char* to_code(Language language);
/// Returns nullopt for anything but "en" and "fr".
std::optional<Language> language_from_code(std::string_view code);

/// A text in each language; a missing language is an empty string.
struct Localized {
    std::string en;
    std::string fr;

    const std::string& operator[](Language l) const { return l == Language::en ? en : fr; }
    std::string& operator[](Language l) { return l == Language::en ? en : fr; }
    bool has(Language l) const { return !(*this)[l].empty(); }
};

}  // namespace moudesk
