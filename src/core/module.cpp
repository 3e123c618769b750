#include "moudesk/core/module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>

#include "moudesk/core/error.h"

namespace moudesk {

namespace fs = std::filesystem;

std::vector<fs::path> module_dirs() {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("MOUDESK_MODULE_DIR"); env && *env) dirs.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back((exe.parent_path() / ".." / MOUDESK_INSTALL_MODULE_SUBDIR).lexically_normal());
    dirs.emplace_back(MOUDESK_BUILD_MODULE_DIR);
    return dirs;
}

void* module_symbol(const std::string& name, const char* symbol) {
    static std::mutex mutex;
    static std::map<std::string, void*> opened;
    const std::lock_guard lock(mutex);
    void*& handle = opened[name];
    if (!handle) {
        std::string tried;
        for (const fs::path& dir : module_dirs()) {
            const fs::path file = dir / (name + ".so");
            std::error_code ec;
            if (!fs::exists(file, ec)) {
                tried += "\n  " + file.string() + ": not there";
                continue;
            }
            // RTLD_LOCAL: the module's libraries stay out of the global symbol scope.
            handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (handle) break;
            const char* why = dlerror();
            tried += "\n  " + file.string() + ": " + (why ? why : "cannot be loaded");
        }
        if (!handle)
            throw Error(
                ErrorCategory::environment,
                "moudesk's module " + name + " could not be loaded (is moudesk completely installed?):" + tried);
    }
    dlerror();
    void* address = dlsym(handle, symbol);
    if (!address)
        throw Error(ErrorCategory::environment, "moudesk's module " + name + " has no " + symbol +
                                                    ": it does not belong to this version of moudesk");
    return address;
}

}  // namespace moudesk
