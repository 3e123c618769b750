#pragma once
/// @brief Validates XML files against an XSD with libxml2's xmlSchema API, collecting every
/// error with its line and column. Used by the library loader and by the diagnostic
/// questionnaire; libxml2 itself stays private to the content module.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "moudesk/core/error.h"

namespace moudesk::content {

/// One compiled XSD; load it once, validate many files with it. Nothing is printed: every
/// message goes to the Problems given.
class SchemaValidator {
public:
    /// Compiles the schema at `xsd` (and the files it includes). Throws Error(bad_content)
    /// naming the schema and its first problems when it cannot be read or compiled.
    explicit SchemaValidator(const std::filesystem::path& xsd);
    ~SchemaValidator();
    SchemaValidator(const SchemaValidator&) = delete;
    SchemaValidator& operator=(const SchemaValidator&) = delete;

    /// Validates an XML text named `file`; adds an error per violation (malformed XML
    /// included) and returns false when there is any.
    bool validate(std::string_view bytes, const std::string& file, Problems& problems) const;
    /// Reads and validates `path` (named as `path.string()`); a file that cannot be read is an
    /// error too.
    bool validate_file(const std::filesystem::path& path, Problems& problems) const;

    const std::filesystem::path& path() const { return path_; }

private:
    struct Impl;
    std::filesystem::path path_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace moudesk::content
