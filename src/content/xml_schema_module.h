#pragma once
/// @brief The entry table of the moudesk-xml-schema module: XSD validation with libxml2. Only
/// full library checks (library check, the desktop application) and the questionnaire load it,
/// so a drafting command starts without libxml2 and ICU. Internal to the content module; both
/// sides are built from this header in the same build.

#include <filesystem>
#include <string>
#include <string_view>

#include "moudesk/core/error.h"

namespace moudesk::content {

struct XmlSchemaModule {
    /// Bumped whenever the table changes, so a stale module is refused with a clear message.
    static constexpr int current_version = 1;
    int version = current_version;
    /// The compiled schema at `xsd`; throws Error(bad_content) naming it and its first problems.
    void* (*compile)(const std::filesystem::path& xsd);
    void (*release)(void* compiled);
    /// SchemaValidator::validate with the compiled schema and its path (named in messages).
    bool (*validate)(const void* compiled, const std::filesystem::path& xsd, std::string_view bytes,
                     const std::string& file, Problems& problems);
};

}  // namespace moudesk::content

/// The module's one exported symbol.
extern "C" const moudesk::content::XmlSchemaModule* moudesk_xml_schema_module();
