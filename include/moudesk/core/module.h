#pragma once
/// @brief moudesk's own loadable modules: shared objects that carry heavy libraries (cairo and
/// pango for PDF and charts, poppler for reading PDF agreements), loaded the first time a command
/// needs them so that every other command starts without mapping and relocating them.

#include <filesystem>
#include <string>
#include <vector>

#include "moudesk/core/error.h"

namespace moudesk {

/// The folders searched for a module, in order: $MOUDESK_MODULE_DIR; <exe>/../<libdir>/moudesk
/// (an installed or relocated moudesk); the build tree's module folder.
std::vector<std::filesystem::path> module_dirs();

/// The address of `symbol` in the module `name` ("moudesk-graphics" → moudesk-graphics.so),
/// opening it on first use (thread-safe; a module stays loaded). Throws Error(environment)
/// naming every file tried and the loader's reason when the module or the symbol is missing.
void* module_symbol(const std::string& name, const char* symbol);

/// The entry table of the module `name`: `symbol` is a function returning a `const Table*` whose
/// `version` must equal `Table::current_version`. Throws Error(environment) like module_symbol(),
/// and when the module belongs to another version of moudesk.
template <typename Table>
const Table& module_table(const std::string& name, const char* symbol) {
    auto entry = reinterpret_cast<const Table* (*)()>(module_symbol(name, symbol));
    const Table* table = entry();
    if (table->version != Table::current_version)
        throw Error(ErrorCategory::environment,
                    "moudesk's module " + name + " belongs to another version of moudesk; reinstall moudesk");
    return *table;
}

}  // namespace moudesk
