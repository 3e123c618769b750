#include "detect_dialog.h"

#include <algorithm>
#include <cmath>

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "agreement_labels.h"
#include "moudesk/core/text.h"
#include "wx_text.h"

namespace moudesk::gui {

namespace {

DetectAnswer& detect_answer() {
    static DetectAnswer instance;
    return instance;
}

std::string esc(const wxString& text) {
    return xml_escape(from_wx(text));
}

// Lower case without the accents of French and the other Latin-1 letters: how the detector
// compares words, near enough to show which words matched.
wxString fold(const wxString& word) {
    static const wxString from = wxString::FromUTF8("àâäáãåçéèêëíìîïñóòôöõúùûüýÿ");
    static const wxString to = "aaaaaaceeeeiiiinooooouuuuyy";
    wxString out;
    for (wxUniChar c : word.Lower()) {
        const int i = from.Find(c);
        if (c == wxUniChar(0x0153))
            out << "oe";
        else if (c == wxUniChar(0x00E6))
            out << "ae";
        else
            out << (i == wxNOT_FOUND ? c : to[static_cast<std::size_t>(i)]);
    }
    return out;
}

struct Word {
    std::size_t start = 0, end = 0;
    wxString folded;
    bool prefix = false;  ///< pattern words: "power*"
};

std::vector<Word> words_of(const wxString& text, bool pattern) {
    std::vector<Word> words;
    std::size_t i = 0;
    const std::size_t n = text.length();
    while (i < n) {
        while (i < n && !wxIsalnum(text[i])) ++i;
        if (i >= n) break;
        Word w;
        w.start = i;
        while (i < n && wxIsalnum(text[i])) ++i;
        w.end = i;
        w.folded = fold(text.Mid(w.start, w.end - w.start));
        if (pattern && i < n && text[i] == '*') w.prefix = true;
        words.push_back(w);
    }
    return words;
}

}  // namespace

DetectAnswer set_detect_answer(DetectAnswer answer) {
    DetectAnswer old = std::move(detect_answer());
    detect_answer() = std::move(answer);
    return old;
}

std::string DetectDialog::highlight(const std::string& sentence, const std::vector<std::string>& patterns) {
    const wxString text = to_wx(sentence);
    const std::vector<Word> words = words_of(text, false);
    std::vector<bool> marked(text.length(), false);
    for (const std::string& p : patterns) {
        const std::vector<Word> pw = words_of(to_wx(p), true);
        if (pw.empty() || pw.size() > words.size()) continue;
        for (std::size_t i = 0; i + pw.size() <= words.size(); ++i) {
            bool match = true;
            for (std::size_t j = 0; j < pw.size() && match; ++j) {
                const wxString& w = words[i + j].folded;
                match = pw[j].prefix ? w.StartsWith(pw[j].folded) : w == pw[j].folded;
            }
            if (!match) continue;
            for (std::size_t k = words[i].start; k < words[i + pw.size() - 1].end; ++k) marked[k] = true;
        }
    }
    std::string html;
    bool open = false;
    std::size_t run_start = 0;
    auto flush = [&](std::size_t end) {
        if (end > run_start) html += xml_escape(from_wx(text.Mid(run_start, end - run_start)));
        run_start = end;
    };
    for (std::size_t i = 0; i <= text.length(); ++i) {
        const bool m = i < text.length() && marked[i];
        if (m != open) {
            flush(i);
            html += m ? "<b><u><font color=\"#0b4f9c\">" : "</font></u></b>";
            open = m;
        }
    }
    flush(text.length());
    if (open) html += "</font></u></b>";
    return html;
}

DetectDialog::DetectDialog(wxWindow* parent, const content::Library& library, const std::filesystem::path& file,
                           const diagnostic::Examination& examination, std::vector<store::AgreementRow> agreements,
                           store::Id preselect)
    : wxDialog(parent, wxID_ANY, _("Key elements found in the agreement"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      library_(library),
      examination_(examination),
      agreements_(std::move(agreements)) {
    SetName("detect-dialog");
    // Every key element of the library, in catalogue order, with what the detector found.
    for (const content::KeyElement& element : library_.elements) {
        Row row;
        row.element = element.slug;
        for (const diagnostic::Detection& d : examination_.elements)
            if (d.element == element.slug) row.detection = &d;
        row.reported = row.detection && row.detection->confidence >= diagnostic::Detector::threshold &&
                       !row.detection->evidence.empty();
        rows_.push_back(row);
    }

    auto* top = new wxBoxSizer(wxVERTICAL);
    int reported = 0;
    for (const Row& row : rows_) reported += row.reported ? 1 : 0;
    const wxString language = examination_.language == Language::fr ? _("French") : _("English");
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("%s: %d sentences read (%s); %d key elements recognised. Tick the key elements the "
                           "agreement covers — untick a wrong one, tick one the reading missed — then choose the "
                           "agreement of the register to record them on."),
                         to_wx(file.filename()), static_cast<int>(examination_.sentences), language, reported));
    intro->Wrap(FromDIP(820));
    top->Add(intro, 0, wxALL, FromDIP(10));

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    wxArrayString labels;
    for (const Row& row : rows_) {
        wxString label = element_title(library_, row.element);
        if (row.reported)
            label += wxString::Format(_(" — %d %%"), static_cast<int>(std::lround(row.detection->confidence * 100)));
        else if (row.detection && !row.detection->evidence.empty())
            label += wxString::Format(_(" — %d %%, uncertain"),
                                      static_cast<int>(std::lround(row.detection->confidence * 100)));
        else if (row.detection && !row.detection->negated.empty())
            label += _(" — said not to be covered");
        labels.Add(label);
    }
    list_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(330, 420)), labels);
    list_->SetName("elements");
    for (std::size_t i = 0; i < rows_.size(); ++i) list_->Check(static_cast<unsigned>(i), rows_[i].reported);
    middle->Add(list_, 0, wxEXPAND | wxRIGHT, FromDIP(8));
    evidence_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(480, 420)),
                                 wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    evidence_->SetName("evidence");
    evidence_->SetBorders(FromDIP(6));
    middle->Add(evidence_, 1, wxEXPAND);
    top->Add(middle, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* choose = new wxBoxSizer(wxHORIZONTAL);
    choose->Add(new wxStaticText(this, wxID_ANY, _("Record on the &agreement:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                FromDIP(6));
    agreement_ = new wxChoice(this, wxID_ANY);
    agreement_->SetName("agreement");
    for (const store::AgreementRow& a : agreements_)
        agreement_->Append(wxString::Format("%s — %s", to_wx(a.reference), to_wx(a.title)));
    if (!agreements_.empty()) agreement_->SetSelection(0);
    if (preselect) choose_agreement(preselect);
    choose->Add(agreement_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(choose, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    if (agreements_.empty()) {
        auto* none = new wxStaticText(this, wxID_ANY,
                                      _("The register has no agreement yet: add one on the Agreements page first."));
        none->SetForegroundColour(wxColour(0xA0, 0x00, 0x00));
        top->Add(none, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    }
    if (wxSizer* buttons = CreateSeparatedButtonSizer(wxOK | wxCANCEL))
        top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    if (wxWindow* ok = FindWindow(wxID_OK)) {
        ok->SetLabel(_("&Record"));
        ok->Enable(!agreements_.empty());
    }
    SetSizerAndFit(top);
    CentreOnParent();

    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { show_row(event.GetSelection()); });
    list_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) {
        list_->SetSelection(event.GetSelection());
        show_row(event.GetSelection());
    });
    // The first recognised element is shown at once.
    int first = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].reported) {
            first = static_cast<int>(i);
            break;
        }
    if (!rows_.empty()) {
        list_->SetSelection(first);
        show_row(first);
    }
}

int DetectDialog::run() {
    if (detect_answer()) return detect_answer()(*this);
    return ShowModal();
}

void DetectDialog::show_row(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= rows_.size()) return;
    const Row& row = rows_[static_cast<std::size_t>(index)];
    std::string html =
        "<html><body><p><font size=\"+1\"><b>" + esc(element_title(library_, row.element)) + "</b></font></p>";
    const diagnostic::Detection* d = row.detection;
    if (!d) {
        html += "<p>" +
                esc(_("Nothing in the text matched this key element. Tick it if the agreement covers it in other "
                      "words: it is then recorded as added by hand.")) +
                "</p>";
    } else {
        html += "<p>" +
                esc(wxString::Format(_("Confidence: %d %% (recorded from %d %%)"),
                                     static_cast<int>(std::lround(d->confidence * 100)),
                                     static_cast<int>(std::lround(diagnostic::Detector::threshold * 100)))) +
                "</p>";
        if (!d->evidence.empty()) {
            html += "<p><b>" + esc(_("Sentences that show it")) + "</b></p><ul>";
            for (const std::string& s : d->evidence) html += "<li>" + highlight(s, d->patterns) + "</li>";
            html += "</ul>";
        }
        if (!d->negated.empty()) {
            html += "<p><b><font color=\"#a00000\">" + esc(_("Sentences that say it is not covered")) +
                    "</font></b></p><ul>";
            for (const std::string& s : d->negated)
                html += "<li><font color=\"#6b2020\">" + highlight(s, d->patterns) + "</font></li>";
            html += "</ul>";
        }
    }
    html += "</body></html>";
    evidence_source_ = to_wx(html);
    evidence_->SetPage(evidence_source_);
}

std::vector<store::ElementCoverage> DetectDialog::chosen() const {
    std::vector<store::ElementCoverage> out;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (!list_->IsChecked(static_cast<unsigned>(i))) continue;
        store::ElementCoverage c;
        c.element = rows_[i].element;
        if (rows_[i].reported) {
            c.source = "detected";
            c.confidence = rows_[i].detection->confidence;
        } else {
            c.source = "manual";
        }
        out.push_back(c);
    }
    return out;
}

std::optional<store::Id> DetectDialog::agreement() const {
    const int i = agreement_->GetSelection();
    if (i < 0 || static_cast<std::size_t>(i) >= agreements_.size()) return std::nullopt;
    return agreements_[static_cast<std::size_t>(i)].id;
}

int DetectDialog::row_of(const std::string& slug) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].element == slug) return static_cast<int>(i);
    return -1;
}

bool DetectDialog::is_checked(const std::string& slug) const {
    const int i = row_of(slug);
    return i >= 0 && list_->IsChecked(static_cast<unsigned>(i));
}

void DetectDialog::set_checked(const std::string& slug, bool checked) {
    if (const int i = row_of(slug); i >= 0) list_->Check(static_cast<unsigned>(i), checked);
}

void DetectDialog::show_element(const std::string& slug) {
    if (const int i = row_of(slug); i >= 0) {
        list_->SetSelection(i);
        show_row(i);
    }
}

bool DetectDialog::choose_agreement(store::Id id) {
    for (std::size_t i = 0; i < agreements_.size(); ++i)
        if (agreements_[i].id == id) {
            agreement_->SetSelection(static_cast<int>(i));
            return true;
        }
    return false;
}

const diagnostic::Detection* DetectDialog::detection(const std::string& slug) const {
    const int i = row_of(slug);
    return i < 0 ? nullptr : rows_[static_cast<std::size_t>(i)].detection;
}

}  // namespace moudesk::gui
