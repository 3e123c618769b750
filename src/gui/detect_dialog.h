#pragma once
/// @brief "Import an agreement": what the detector recognised in an existing agreement's text —
/// every key element with its confidence, the sentences that show it (the matching words
/// highlighted) and apart from them the sentences that say it is not covered — as a list of
/// checkboxes the assessor confirms or corrects (ticking what the detector missed), and the
/// agreement of the register to record them on.
///
/// Confirmed detections are recorded with source "detected" and their confidence; elements
/// ticked by hand with source "manual". Tests answer the dialog with set_detect_answer().

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "moudesk/content/library.h"
#include "moudesk/diagnostic/detect.h"
#include "moudesk/store/records.h"

class wxCheckListBox;
class wxChoice;
class wxHtmlWindow;

namespace moudesk::gui {

class DetectDialog : public wxDialog {
public:
    /// `examination`: Detector::examine() of the file's text; `agreements`: those the elements
    /// can be recorded on; `preselect`: the agreement chosen at first (0: the first).
    DetectDialog(wxWindow* parent, const content::Library& library, const std::filesystem::path& file,
                 const diagnostic::Examination& examination, std::vector<store::AgreementRow> agreements,
                 store::Id preselect = 0);

    /// Shows the dialog (or asks the test hook); wxID_OK when the user chose to record.
    int run();

    /// The elements to record, as ticked: source "detected" with the confidence for what the
    /// detector reported, "manual" for what was ticked by hand.
    std::vector<store::ElementCoverage> chosen() const;
    /// The agreement chosen; nullopt when the register has none.
    std::optional<store::Id> agreement() const;

    // For the page and tests.
    /// The row of key element `slug`, or -1.
    int row_of(const std::string& slug) const;
    bool is_checked(const std::string& slug) const;
    void set_checked(const std::string& slug, bool checked);
    /// Shows the evidence of element `slug`.
    void show_element(const std::string& slug);
    /// Chooses the agreement by id; false when it is not in the list.
    bool choose_agreement(store::Id id);
    /// The detection of `slug` (null when nothing matched it).
    const diagnostic::Detection* detection(const std::string& slug) const;
    wxCheckListBox* element_list() const { return list_; }
    /// The evidence pane's HTML.
    const wxString& evidence_source() const { return evidence_source_; }

    /// `sentence` as HTML with the words of `patterns` (catalogue patterns: words, "*" ending a
    /// prefix) in bold and underlined, ignoring case and accents.
    static std::string highlight(const std::string& sentence, const std::vector<std::string>& patterns);

private:
    struct Row {
        std::string element;
        const diagnostic::Detection* detection = nullptr;
        bool reported = false;  ///< at or over the detector's threshold, with evidence
    };
    void show_row(int row);

    const content::Library& library_;
    diagnostic::Examination examination_;
    std::vector<store::AgreementRow> agreements_;
    std::vector<Row> rows_;
    wxString evidence_source_;
    wxCheckListBox* list_ = nullptr;
    wxHtmlWindow* evidence_ = nullptr;
    wxChoice* agreement_ = nullptr;
};

/// Answers every DetectDialog instead of showing it (tests): returns the button; an empty
/// function shows the dialogs again. Returns the hook that was in place.
using DetectAnswer = std::function<int(DetectDialog&)>;
DetectAnswer set_detect_answer(DetectAnswer answer);

}  // namespace moudesk::gui
