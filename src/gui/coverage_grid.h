#pragma once
/// @brief The coverage matrix as a coloured grid: one row per agreement (in force, or every
/// agreement), one column per key element; a cell is covered, covered with overdue actions, or
/// not covered. The grid reads its cells from the matrix through a wxGridTableBase, so any number
/// of agreements scrolls without a control per cell. A double click on a row's cell calls
/// `on_open` with the agreement.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/grid.h>

#include "moudesk/content/library.h"
#include "moudesk/store/coverage.h"

namespace moudesk::gui {

class CoverageGrid : public wxGrid {
public:
    CoverageGrid(wxWindow* parent, const content::Library& library);

    /// Shows `matrix` (its elements as columns, its agreements as rows).
    void set_matrix(store::CoverageMatrix matrix);
    const store::CoverageMatrix& matrix() const;
    /// Called with the agreement's id on a double click (or Enter) on one of its cells.
    void on_open(std::function<void(std::int64_t agreement)> open) { open_ = std::move(open); }

    /// The colour of a cell value (store::CoverageMatrix::Cell).
    static wxColour cell_colour(std::uint8_t cell);
    /// "covered", "covered, actions overdue", "not covered".
    static wxString cell_label(std::uint8_t cell);

private:
    class Table;
    void open_row(int row);

    Table* table_ = nullptr;  ///< owned by the grid
    std::function<void(std::int64_t)> open_;
};

}  // namespace moudesk::gui
