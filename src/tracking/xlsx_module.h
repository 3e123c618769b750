#pragma once
/// @brief The entry table of the moudesk-xlsx module: register tables as an XLSX workbook with
/// libxlsxwriter. Only an XLSX export loads it, so every other command starts without
/// libxlsxwriter, minizip and libcrypto. Internal to the tracking module; both sides are built
/// from this header in the same build.

#include <filesystem>
#include <vector>

#include "moudesk/tracking/table_export.h"

namespace moudesk::tracking {

struct XlsxModule {
    /// Bumped whenever the table changes, so a stale module is refused with a clear message.
    static constexpr int current_version = 1;
    int version = current_version;
    /// write_xlsx() (table_export.h) for tables already checked.
    void (*write_xlsx)(const std::filesystem::path& path, const std::vector<Table>& sheets);
};

}  // namespace moudesk::tracking

/// The module's one exported symbol.
extern "C" const moudesk::tracking::XlsxModule* moudesk_xlsx_module();
