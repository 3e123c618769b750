#pragma once
/// @brief Reading and writing whole files, with errors that name the path.

#include <filesystem>
#include <string>
#include <string_view>

namespace moudesk {

/// The bytes of `path`. Throws Error(environment) naming the path when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
/// `path`: readers see the old file or the new one, never a half-written one. Throws
/// Error(environment) naming the path (disk full, no permission, missing folder); on failure the
/// temporary file is removed and an existing `path` is untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace moudesk
