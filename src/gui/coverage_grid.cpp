#include "coverage_grid.h"

#include <algorithm>

#include <wx/dcclient.h>

#include "agreement_labels.h"
#include "wx_text.h"

namespace moudesk::gui {

class CoverageGrid::Table : public wxGridTableBase {
public:
    explicit Table(const content::Library& library) : library_(library) {
        for (std::uint8_t cell = 0; cell < 3; ++cell) {
            attrs_[cell] = new wxGridCellAttr;
            attrs_[cell]->SetBackgroundColour(cell_colour(cell));
            attrs_[cell]->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
            attrs_[cell]->SetReadOnly();
        }
        attrs_[store::CoverageMatrix::covered_overdue]->SetTextColour(wxColour(0x70, 0x30, 0x00));
    }
    ~Table() override {
        for (wxGridCellAttr* attr : attrs_) attr->DecRef();
    }

    store::CoverageMatrix matrix;

    int GetNumberRows() override { return static_cast<int>(matrix.rows.size()); }
    int GetNumberCols() override { return static_cast<int>(matrix.elements.size()); }
    bool IsEmptyCell(int, int) override { return false; }
    wxString GetValue(int row, int col) override {
        // A mark as well as a colour: readable by people who do not tell the colours apart.
        switch (cell(row, col)) {
            case store::CoverageMatrix::covered: return wxString::FromUTF8("✓");
            case store::CoverageMatrix::covered_overdue: return "!";
            default: return wxString();
        }
    }
    void SetValue(int, int, const wxString&) override {}
    wxString GetRowLabelValue(int row) override {
        if (row < 0 || row >= GetNumberRows()) return wxString();
        return to_wx(matrix.rows[static_cast<std::size_t>(row)].reference);
    }
    wxString GetColLabelValue(int col) override {
        if (col < 0 || col >= GetNumberCols()) return wxString();
        return element_title(library_, matrix.elements[static_cast<std::size_t>(col)]);
    }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        wxGridCellAttr* attr = attrs_[cell(row, col)];
        attr->IncRef();
        return attr;
    }
    bool CanHaveAttributes() override { return true; }

    std::uint8_t cell(int row, int col) const {
        if (row < 0 || col < 0 || static_cast<std::size_t>(row) >= matrix.rows.size()) return 0;
        const auto& cells = matrix.rows[static_cast<std::size_t>(row)].cells;
        const std::uint8_t value =
            static_cast<std::size_t>(col) < cells.size() ? cells[static_cast<std::size_t>(col)] : 0;
        return value <= 2 ? value : 0;
    }

private:
    const content::Library& library_;
    wxGridCellAttr* attrs_[3] = {nullptr, nullptr, nullptr};
};

CoverageGrid::CoverageGrid(wxWindow* parent, const content::Library& library) : wxGrid(parent, wxID_ANY) {
    SetName("coverage-grid");
    table_ = new Table(library);
    SetTable(table_, true, wxGridSelectCells);
    EnableEditing(false);
    EnableDragRowSize(false);
    EnableDragGridSize(false);
    DisableDragColMove();
    SetColLabelTextOrientation(wxVERTICAL);
    SetColLabelAlignment(wxALIGN_CENTRE, wxALIGN_BOTTOM);
    SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
    SetDefaultColSize(FromDIP(34), true);
    SetDefaultRowSize(FromDIP(26), true);
    SetColLabelSize(FromDIP(190));
    SetRowLabelSize(FromDIP(150));
    SetCellHighlightPenWidth(2);
    Bind(wxEVT_GRID_CELL_LEFT_DCLICK, [this](wxGridEvent& event) { open_row(event.GetRow()); });
    Bind(wxEVT_GRID_LABEL_LEFT_DCLICK, [this](wxGridEvent& event) {
        if (event.GetRow() >= 0) open_row(event.GetRow());
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER)
            open_row(GetGridCursorRow());
        else
            event.Skip();
    });
    // The cell under the mouse says what it means.
    GetGridWindow()->Bind(wxEVT_MOTION, [this](wxMouseEvent& event) {
        const wxPoint p = CalcUnscrolledPosition(event.GetPosition());
        const int row = YToRow(p.y);
        const int col = XToCol(p.x);
        wxString tip;
        if (row != wxNOT_FOUND && col != wxNOT_FOUND)
            tip = wxString::Format("%s — %s: %s", table_->GetRowLabelValue(row), table_->GetColLabelValue(col),
                                   cell_label(table_->cell(row, col)));
        if (GetGridWindow()->GetToolTipText() != tip) GetGridWindow()->SetToolTip(tip);
        event.Skip();
    });
}

void CoverageGrid::set_matrix(store::CoverageMatrix matrix) {
    BeginBatch();
    const int old_rows = table_->GetNumberRows();
    const int old_cols = table_->GetNumberCols();
    table_->matrix = std::move(matrix);
    const int rows = table_->GetNumberRows();
    const int cols = table_->GetNumberCols();
    // Tell the grid how the table changed, then repaint.
    if (old_rows > 0) {
        wxGridTableMessage removed(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, 0, old_rows);
        ProcessTableMessage(removed);
    }
    if (old_cols > 0) {
        wxGridTableMessage removed(table_, wxGRIDTABLE_NOTIFY_COLS_DELETED, 0, old_cols);
        ProcessTableMessage(removed);
    }
    if (rows > 0) {
        wxGridTableMessage added(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows);
        ProcessTableMessage(added);
    }
    if (cols > 0) {
        wxGridTableMessage added(table_, wxGRIDTABLE_NOTIFY_COLS_APPENDED, cols);
        ProcessTableMessage(added);
    }
    // Labels as long as the longest title and reference, so none is cut.
    wxClientDC dc(this);
    dc.SetFont(GetLabelFont());
    int longest_title = 0, longest_reference = 0;
    for (int c = 0; c < cols; ++c) longest_title = std::max(longest_title, dc.GetTextExtent(GetColLabelValue(c)).x);
    for (int r = 0; r < rows; ++r)
        longest_reference = std::max(longest_reference, dc.GetTextExtent(GetRowLabelValue(r)).x);
    SetColLabelSize(std::clamp(longest_title + FromDIP(16), FromDIP(60), FromDIP(360)));
    SetRowLabelSize(std::clamp(longest_reference + FromDIP(16), FromDIP(90), FromDIP(280)));
    EndBatch();
    ForceRefresh();
}

const store::CoverageMatrix& CoverageGrid::matrix() const {
    return table_->matrix;
}

void CoverageGrid::open_row(int row) {
    if (row < 0 || static_cast<std::size_t>(row) >= table_->matrix.rows.size() || !open_) return;
    open_(table_->matrix.rows[static_cast<std::size_t>(row)].agreement);
}

wxColour CoverageGrid::cell_colour(std::uint8_t cell) {
    switch (cell) {
        case store::CoverageMatrix::covered: return wxColour(0x9C, 0xD0, 0x9C);
        case store::CoverageMatrix::covered_overdue: return wxColour(0xF2, 0xC0, 0x6B);
        default: return wxColour(0xEE, 0xEE, 0xEE);
    }
}

wxString CoverageGrid::cell_label(std::uint8_t cell) {
    switch (cell) {
        case store::CoverageMatrix::covered: return _("covered");
        case store::CoverageMatrix::covered_overdue: return _("covered, actions overdue");
        default: return _("not covered");
    }
}

}  // namespace moudesk::gui
