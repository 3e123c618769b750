#include "drafting_page.h"

#include <algorithm>
#include <system_error>

#include <wx/accel.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/propgrid/propgrid.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/stockitem.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "agreement_dialog.h"
#include "drafting_elements.h"
#include "drafting_fields.h"
#include "drafting_host.h"
#include "drafting_labels.h"
#include "drafting_layout.h"
#include "drafting_parties.h"
#include "drafting_preview.h"
#include "error_reporting.h"
#include "moudesk/core/error.h"
#include "moudesk/core/file.h"
#include "moudesk/drafting/editor.h"
#include "moudesk/render/writer.h"
#include "new_draft_dialog.h"
#include "wx_text.h"

namespace fs = std::filesystem;

namespace moudesk::gui {

namespace {

constexpr int autosave_interval_ms = 30'000;
constexpr const char* draft_extension = ".moudraft";

wxString draft_filter() {
    return _("moudesk drafts (*.moudraft)|*.moudraft|All files (*)|*");
}

// What a new draft starts with: the instrument's final provisions (every final element with a
// default clause for it), no cooperation element yet, a customs and a police party to fill in,
// and the level "communication" — the lowest level most agencies start at when they first sign.
drafting::Draft blank_draft(const content::Library& library, const NewDraftSettings& settings) {
    return drafting::blank_draft(library, settings.instrument, settings.base_instrument, settings.languages,
                                 settings.layout);
}

// The engine's undo labels, in the interface language where they are fixed phrases.
wxString step_text(const std::string& label) {
    if (label == "Change instrument") return _("Change instrument");
    if (label == "Change languages") return _("Change languages");
    if (label == "Change partnership level") return _("Change partnership level");
    if (label == "Add party") return _("Add party");
    if (label == "Edit party") return _("Edit party");
    if (label == "Remove party") return _("Remove party");
    if (label == "Move party") return _("Move party");
    return to_wx(label);
}

// The same for a menu item: "&" doubled so that a title with one is not taken as a mnemonic.
wxString step_menu_label(const std::string& label) {
    wxString text = step_text(label);
    text.Replace("&", "&&");
    return text;
}

}  // namespace

struct DraftingPage::Impl final : DraftingHost {
    enum class Leaving { new_draft, open_other, close_draft };

    DraftingPage& page;
    AppContext& ctx;
    std::unique_ptr<drafting::Editor> editor_;
    fs::path path_;           ///< empty: not saved yet
    bool recovered_ = false;  ///< restored from the autosave: unsaved whatever the editor says
    long edits_ = 0;
    long autosaved_edits_ = 0;
    bool autosave_failed_ = false;
    bool refresh_pending_ = false;
    NewDraftSettings last_settings_;
    fs::path last_export_;
    std::function<int(const wxString&, long)> answer_;
    wxTimer autosave_timer_;

    wxStaticText* file_label_ = nullptr;
    wxChoice* instrument_ = nullptr;
    wxChoice* languages_ = nullptr;
    wxChoice* level_ = nullptr;
    wxSplitterWindow* split_ = nullptr;
    wxNotebook* notebook_ = nullptr;
    PartiesPanel* parties_ = nullptr;
    ElementsPanel* elements_ = nullptr;
    FieldsPanel* fields_ = nullptr;
    PreviewPane* preview_ = nullptr;

    Impl(DraftingPage& p, AppContext& context) : page(p), ctx(context) {
        editor_ = std::make_unique<drafting::Editor>(ctx.library, blank_draft(ctx.library, last_settings_));
        build();
        bind();
        refresh_all();
        autosave_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_autosave_timer(); });
        autosave_timer_.Start(autosave_interval_ms);
        page.CallAfter([this] { offer_recovery(); });
    }

    ~Impl() { autosave_timer_.Stop(); }

    // --- DraftingHost ---------------------------------------------------------------------------

    drafting::Editor& editor() override { return *editor_; }

    void edited() override {
        ++edits_;
        // Everything, the preview included (it parses only what changed: a few milliseconds),
        // follows as soon as the event that made the change is over, several changes costing
        // one refresh.
        if (refresh_pending_) return;
        refresh_pending_ = true;
        page.CallAfter([this] {
            if (refresh_pending_) refresh_all();
        });
    }

    void status(const wxString& text) override {
        if (ctx.show_status) ctx.show_status(text);
    }

    void tell(const wxString& message, long icon) override {
        if (answer_) {
            answer_(message, wxOK | icon);
            return;
        }
        wxMessageDialog dialog(&page, message, _("moudesk"), wxOK | icon);
        dialog.ShowModal();
    }

    // --- the one channel for questions and failures ----------------------------------------

    int ask(const wxString& question, long style, const wxString& yes, const wxString& no) {
        if (answer_) return answer_(question, style);
        wxMessageDialog dialog(&page, question, _("moudesk"), style);
        if ((style & wxCANCEL) && (style & wxYES_NO))
            dialog.SetYesNoCancelLabels(yes, no, _("Cancel"));
        else if (style & wxYES_NO)
            dialog.SetYesNoLabels(yes, no);
        else if (style & wxCANCEL)
            dialog.SetOKCancelLabels(yes, no);
        return dialog.ShowModal();
    }

    /// Inside a catch block: reports the failure (the shell's error_reporting; tests catch it with
    /// set_error_sink). `attempted` names what failed, with the file: "save the draft to /x/y".
    void fail(const wxString& attempted) { report_current_exception(&page, attempted); }

    // --- layout -----------------------------------------------------------------------------

    void build() {
        auto* top = new wxBoxSizer(wxVERTICAL);

        auto* header = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
        file_label_ = new wxStaticText(&page, wxID_ANY, wxString());
        file_label_->SetFont(file_label_->GetFont().Bold());
        header->Add(file_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page.FromDIP(18));
        auto add_choice = [&](const wxString& label, const char* name) {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            row->Add(new wxStaticText(&page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page.FromDIP(4));
            auto* choice = new wxChoice(&page, wxID_ANY);
            choice->SetName(name);
            row->Add(choice, 0, wxALIGN_CENTER_VERTICAL);
            header->Add(row, 0, wxRIGHT | wxTOP | wxBOTTOM, page.FromDIP(4));
            header->AddSpacer(page.FromDIP(10));
            return choice;
        };
        instrument_ = add_choice(_("&Instrument:"), "instrument");
        instrument_->SetToolTip(
            _("An MOU is not legally binding, an MOA binds the parties; an addendum amends "
              "either and uses its wording."));
        for (const auto& c : instrument_choices()) instrument_->Append(instrument_choice_label(c));
        languages_ = add_choice(_("Lan&guages:"), "languages");
        for (const auto& c : language_choices()) languages_->Append(language_choice_label(c));
        level_ = add_choice(_("Partnership &level:"), "level");
        for (PartnershipLevel l : all_levels()) level_->Append(level_label(l));
        top->Add(header, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, page.FromDIP(6));

        split_ =
            new wxSplitterWindow(&page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
        split_->SetName("drafting-splitter");
        split_->SetMinimumPaneSize(page.FromDIP(200));
        notebook_ = new wxNotebook(split_, wxID_ANY);
        notebook_->SetName("drafting-tabs");
        parties_ = new PartiesPanel(notebook_, *this);
        elements_ = new ElementsPanel(notebook_, *this);
        fields_ = new FieldsPanel(notebook_, *this);
        notebook_->AddPage(parties_, _("Parties"));
        notebook_->AddPage(elements_, _("Key elements"));
        notebook_->AddPage(fields_, _("Fields"));
        preview_ = new PreviewPane(split_, *this, [this](const drafting::Finding& f, bool focus) { go_to(f, focus); });
        split_->SplitVertically(notebook_, preview_, page.FromDIP(560));
        split_->SetSashGravity(0.5);
        place_sash_when_sized(split_, 0.5);
        top->Add(split_, 1, wxEXPAND | wxALL, page.FromDIP(6));
        page.SetSizer(top);
    }

    void bind() {
        instrument_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            int i = instrument_->GetSelection();
            if (i < 0) return;
            const InstrumentChoice& c = instrument_choices()[static_cast<std::size_t>(i)];
            const drafting::Draft& d = editor_->draft();
            if (c.instrument == d.instrument &&
                (c.instrument != Instrument::addendum || c.base_instrument == d.base_instrument))
                return;
            editor_->set_instrument(c.instrument, c.base_instrument);
            status(wxString::Format(_("The draft is now: %s."), instrument_choice_label(c)));
            edited();
        });
        languages_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            int i = languages_->GetSelection();
            if (i < 0) return;
            const LanguageChoice& c = language_choices()[static_cast<std::size_t>(i)];
            if (language_choice_index(editor_->draft().languages, editor_->draft().layout) == i) return;
            editor_->set_languages(c.languages, c.layout);
            edited();
        });
        level_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            int i = level_->GetSelection();
            if (i < 0) return;
            PartnershipLevel level = all_levels()[static_cast<std::size_t>(i)];
            if (level == editor_->draft().level) return;
            editor_->set_level(level);
            edited();
        });

        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { on_new(); }, wxID_NEW);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { on_open(); }, wxID_OPEN);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { save(); }, wxID_SAVE);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { save_as(); }, wxID_SAVEAS);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { on_close(); }, wxID_CLOSE);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { on_export(); }, ID_EXPORT);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { open_exported(); }, ID_OPEN_EXPORTED);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { register_draft(); }, ID_REGISTER_DRAFT);
        page.Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(ctx.register_db != nullptr); }, ID_REGISTER_DRAFT);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { undo(); }, wxID_UNDO);
        page.Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { redo(); }, wxID_REDO);

        page.Bind(
            wxEVT_UPDATE_UI,
            [this](wxUpdateUIEvent& e) {
                e.Enable(editor_->can_undo());
                wxString text = editor_->can_undo()
                                    ? wxString::Format(_("&Undo %s"), step_menu_label(editor_->undo_label()))
                                    : wxString(_("&Undo"));
                e.SetText(with_accelerator(text, wxID_UNDO));
            },
            wxID_UNDO);
        page.Bind(
            wxEVT_UPDATE_UI,
            [this](wxUpdateUIEvent& e) {
                e.Enable(editor_->can_redo());
                wxString text = editor_->can_redo()
                                    ? wxString::Format(_("&Redo %s"), step_menu_label(editor_->redo_label()))
                                    : wxString(_("&Redo"));
                e.SetText(with_accelerator(text, wxID_REDO));
            },
            wxID_REDO);
        for (int id :
             {int(wxID_NEW), int(wxID_OPEN), int(wxID_SAVE), int(wxID_SAVEAS), int(wxID_CLOSE), int(ID_EXPORT)})
            page.Bind(
                wxEVT_UPDATE_UI, [](wxUpdateUIEvent& e) { e.Enable(true); }, id);
        page.Bind(
            wxEVT_UPDATE_UI,
            [this](wxUpdateUIEvent& e) {
                std::error_code ec;
                e.Enable(!last_export_.empty() && fs::exists(last_export_, ec));
            },
            ID_OPEN_EXPORTED);
    }

    /// `text` with the shortcut the menu item `id` has (the shell's menus decide it), so that
    /// changing the label keeps it.
    wxString with_accelerator(const wxString& text, int id) const {
        wxString shortcut;
        if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(&page)); frame && frame->GetMenuBar()) {
            if (wxMenuItem* item = frame->GetMenuBar()->FindItem(id)) {
                const wxString label = item->GetItemLabel();
                if (int tab = label.Find('\t'); tab != wxNOT_FOUND)
                    shortcut = label.Mid(static_cast<std::size_t>(tab) + 1);
            }
        } else if (std::unique_ptr<wxAcceleratorEntry> accel{
                       wxAcceleratorEntry::Create(wxGetStockLabel(id, wxSTOCK_WITH_ACCELERATOR))}) {
            shortcut = accel->ToString();
        }
        return shortcut.empty() ? text : text + "\t" + shortcut;
    }

    // --- keeping the views in step with the draft ---------------------------------------------

    /// Everything, the preview included, now.
    void refresh_all() {
        refresh_views();
        preview_->refresh_preview();
    }

    /// Everything but the preview.
    void refresh_views() {
        refresh_pending_ = false;
        const drafting::Draft& d = editor_->draft();
        instrument_->SetSelection(instrument_choice_index(d.instrument, d.base_instrument));
        languages_->SetSelection(language_choice_index(d.languages, d.layout));
        level_->SetSelection(static_cast<int>(d.level) - 1);
        parties_->refresh();
        elements_->refresh();
        fields_->refresh();
        preview_->refresh_findings();
        update_title();
    }

    bool modified() const { return editor_->modified() || recovered_; }

    wxString file_name() const { return path_.empty() ? wxString(_("Untitled draft")) : to_wx(path_.filename()); }

    void update_title() {
        const wxString name = file_name() + (modified() ? "*" : "");
        file_label_->SetLabel(name);
        file_label_->SetToolTip(path_.empty() ? wxString(_("Not saved yet")) : to_wx(path_));
        page.Layout();
        if (page.IsShownOnScreen())
            if (auto* frame = dynamic_cast<wxTopLevelWindow*>(wxGetTopLevelParent(&page)))
                frame->SetTitle(wxString::Format(_("%s — moudesk"), name));
    }

    void replace_draft(drafting::Draft draft, fs::path path) {
        editor_ = std::make_unique<drafting::Editor>(ctx.library, std::move(draft));
        path_ = std::move(path);
        recovered_ = false;
        edits_ = autosaved_edits_ = 0;
        remove_autosave();
        fields_->start_over();
        refresh_all();
    }

    // --- findings ----------------------------------------------------------------------------

    void go_to(const drafting::Finding& f, bool focus) {
        if (!f.field.empty()) {
            notebook_->SetSelection(2);
            if (fields_->select_field(f.field) && focus) fields_->grid()->SetFocus();
        } else if (!f.clause.empty() || !f.element.empty()) {
            notebook_->SetSelection(1);
            if (!f.clause.empty() && editor_->library().find_clause(f.clause))
                elements_->select_clause(f.clause);
            else
                elements_->select_element(f.element);
            if (const drafting::ChosenClause* c = editor_->assembly().find(f.clause))
                preview_->show_article(c->article);
            if (focus) elements_->tree()->SetFocus();
        } else if (f.kind == drafting::Finding::Kind::parties) {
            notebook_->SetSelection(0);
            // "party 2 has no name": select that party.
            static const std::string prefix = "party ";
            if (f.message.rfind(prefix, 0) == 0) {
                std::size_t n = 0;
                try {
                    n = std::stoul(f.message.substr(prefix.size()));
                } catch (const std::exception&) {
                }
                if (n > 0) parties_->select(n - 1);
            }
            if (focus) parties_->list()->SetFocus();
        }
    }

    // --- files -------------------------------------------------------------------------------

    /// Asks whether to save unsaved changes; false when the user cancelled (or saving failed).
    bool settle_unsaved(Leaving leaving) {
        if (!modified()) return true;
        wxString question;
        switch (leaving) {
            case Leaving::new_draft:
                question = wxString::Format(_("Save the changes to “%s” before starting a new draft?"), file_name());
                break;
            case Leaving::open_other:
                question = wxString::Format(_("Save the changes to “%s” before opening another draft?"), file_name());
                break;
            case Leaving::close_draft:
                question = wxString::Format(_("Save the changes to “%s” before closing it?"), file_name());
                break;
        }
        question += "\n\n" + wxString(_("If you don't save, your changes will be lost."));
        switch (ask(question, wxYES_NO | wxCANCEL | wxICON_QUESTION, _("&Save"), _("&Don't save"))) {
            case wxID_YES: return save();
            case wxID_NO: return true;
            default: return false;
        }
    }

    void on_new() {
        if (!settle_unsaved(Leaving::new_draft)) return;
        NewDraftDialog dialog(&page, last_settings_);
        if (dialog.ShowModal() != wxID_OK) return;
        new_draft(dialog.settings());
    }

    void new_draft(const NewDraftSettings& settings) {
        last_settings_ = settings;
        replace_draft(blank_draft(ctx.library, settings), {});
        notebook_->SetSelection(0);
        status(_("New draft: enter the parties, then tick the key elements the agreement covers."));
    }

    void on_open() {
        if (!settle_unsaved(Leaving::open_other)) return;
        wxString dir = path_.empty() ? wxString() : to_wx(path_.parent_path());
        wxFileDialog dialog(&page, _("Open draft"), dir, wxString(), draft_filter(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() != wxID_OK) return;
        load(path_from_wx(dialog.GetPath()));
    }

    bool load(const fs::path& path) {
        drafting::Draft draft;
        try {
            draft = drafting::read_draft(path);
        } catch (...) {
            fail(wxString::Format(_("open the draft %s"), to_wx(path)));
            return false;
        }
        replace_draft(std::move(draft), path);
        add_recent(path);
        status(wxString::Format(_("Opened %s."), to_wx(path)));
        return true;
    }

    void add_recent(const fs::path& path) {
        if (ctx.recent_files) ctx.recent_files->AddFileToHistory(to_wx(path));
    }

    bool save() {
        if (path_.empty()) return save_as();
        return save_to(path_);
    }

    bool save_as() {
        wxString dir = path_.empty() ? wxString() : to_wx(path_.parent_path());
        wxString name = path_.empty() ? wxString(_("agreement")) + draft_extension : to_wx(path_.filename());
        wxFileDialog dialog(&page, _("Save draft as"), dir, name, draft_filter(), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return false;
        fs::path path = path_from_wx(dialog.GetPath());
        if (path.extension().empty()) {
            path += draft_extension;
            std::error_code ec;
            if (fs::exists(path, ec) && ask(wxString::Format(_("%s already exists. Replace it?"), to_wx(path)),
                                            wxYES_NO | wxICON_WARNING, _("&Replace"), _("Cancel")) != wxID_YES)
                return false;
        }
        return save_to(path);
    }

    bool save_to(const fs::path& path) {
        try {
            drafting::save_draft(editor_->draft(), path);
        } catch (...) {
            fail(wxString::Format(_("save the draft to %s"), to_wx(path)));
            return false;
        }
        editor_->mark_saved();
        recovered_ = false;
        path_ = path;
        add_recent(path);
        remove_autosave();
        update_title();
        status(wxString::Format(_("Saved %s."), to_wx(path)));
        return true;
    }

    void on_close() {
        if (!settle_unsaved(Leaving::close_draft)) return;
        new_draft(last_settings_);
        status(_("The draft is closed; a new one is ready."));
    }

    bool confirm_close() {
        if (!settle_unsaved(Leaving::close_draft)) return false;
        remove_autosave();
        autosaved_edits_ = -1;  // if the window stays open after all, autosave again
        return true;
    }

    // --- autosave ----------------------------------------------------------------------------

    fs::path autosave_path() const { return ctx.data_dir / "autosave.moudraft"; }
    fs::path autosave_source_path() const { return ctx.data_dir / "autosave.source"; }

    void on_autosave_timer() {
        if (modified() && edits_ != autosaved_edits_) autosave();
    }

    void autosave() {
        if (ctx.data_dir.empty()) return;
        try {
            std::error_code ec;
            fs::create_directories(ctx.data_dir, ec);
            // Which file the autosave belongs to, then the draft itself: both atomically.
            write_file_atomically(autosave_source_path(), path_.string());
            drafting::save_draft(editor_->draft(), autosave_path());
            autosaved_edits_ = edits_;
            autosave_failed_ = false;
        } catch (const std::exception& e) {
            // Tell once, not every 30 seconds; saving by hand still works or says why.
            if (!autosave_failed_) status(wxString::Format(_("Autosave failed: %s"), to_wx(std::string(e.what()))));
            autosave_failed_ = true;
        }
    }

    void remove_autosave() {
        if (ctx.data_dir.empty()) return;
        std::error_code ec;
        fs::remove(autosave_path(), ec);
        fs::remove(autosave_source_path(), ec);
    }

    void offer_recovery() {
        if (ctx.data_dir.empty()) return;
        std::error_code ec;
        const fs::path autosave = autosave_path();
        if (!fs::exists(autosave, ec)) return;
        fs::path source;
        try {
            source = fs::path(read_file(autosave_source_path()));
        } catch (const std::exception&) {
        }
        const auto autosaved = fs::last_write_time(autosave, ec);
        if (!source.empty() && fs::exists(source, ec) && fs::last_write_time(source, ec) >= autosaved) {
            remove_autosave();  // the file was saved after the autosave: nothing to recover
            return;
        }
        const wxString name = source.empty() ? wxString(_("an untitled draft")) : to_wx(source);
        const wxString question =
            wxString::Format(_("moudesk stopped before the changes to %s were saved. An automatic copy of them "
                               "exists.\n\nRecover the changes?"),
                             name);
        if (ask(question, wxYES_NO | wxICON_QUESTION, _("&Recover"), _("&Discard")) != wxID_YES) {
            remove_autosave();
            return;
        }
        drafting::Draft draft;
        try {
            draft = drafting::read_draft(autosave);
        } catch (...) {
            fail(wxString::Format(_("recover the automatic copy %s"), to_wx(autosave)));
            remove_autosave();
            return;
        }
        editor_ = std::make_unique<drafting::Editor>(ctx.library, std::move(draft));
        path_ = source;
        recovered_ = true;  // unsaved until the user saves; the autosave stays until then
        edits_ = 1;
        autosaved_edits_ = 1;
        refresh_all();
        status(_("Recovered the unsaved changes. Save the draft to keep them."));
    }

    // --- export ------------------------------------------------------------------------------

    void on_export() {
        const wxString filters =
            _("Word document (*.docx)|*.docx|OpenDocument text (*.odt)|*.odt|PDF document (*.pdf)|*.pdf|"
              "Web page (*.html)|*.html|Plain text (*.txt)|*.txt");
        static const char* const extensions[] = {".docx", ".odt", ".pdf", ".html", ".txt"};
        wxString dir = path_.empty() ? wxString() : to_wx(path_.parent_path());
        wxString name = path_.empty() ? wxString(_("agreement")) : to_wx(path_.stem());
        wxFileDialog dialog(&page, _("Export the agreement"), dir, name + ".docx", filters,
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        fs::path path = path_from_wx(dialog.GetPath());
        if (!render::format_from_path(path)) {
            int index = std::clamp(dialog.GetFilterIndex(), 0, 4);
            path += extensions[index];
        }
        export_to(path);
    }

    bool export_to(const fs::path& path) {
        auto format = render::format_from_path(path);
        if (!format) {
            tell(
                wxString::Format(_("Cannot tell the format of %s: use .docx, .odt, .pdf, .html or .txt."), to_wx(path)),
                wxICON_WARNING);
            return false;
        }
        const drafting::Assembly& a = editor_->assembly();
        if (a.has_errors()) {
            std::size_t errors = 0;
            wxString examples;
            for (const auto& f : a.findings) {
                if (f.severity != Severity::error) continue;
                if (++errors <= 3) examples += "\n• " + to_wx(f.message);
            }
            wxString question =
                wxString::Format(wxPLURAL("The draft still has %zu error:", "The draft still has %zu errors:", errors),
                                 errors) +
                examples + (errors > 3 ? "\n…" : "") + "\n\n" +
                _("Export it anyway, with the gaps marked [like this] in the document, or cancel and complete the "
                  "draft first?");
            if (ask(question, wxOK | wxCANCEL | wxICON_WARNING, _("&Export with gaps marked"), _("Cancel")) != wxID_OK)
                return false;
        }
        try {
            wxBusyCursor busy;
            render::write_document(a.document, *format, path);
        } catch (...) {
            fail(wxString::Format(_("export the agreement to %s"), to_wx(path)));
            return false;
        }
        last_export_ = path;
        status(wxString::Format(_("Exported %s."), to_wx(path)));
        if (ask(wxString::Format(_("The agreement was exported to %s.\n\nOpen the exported file?"), to_wx(path)),
                wxYES_NO | wxICON_INFORMATION, _("&Open"), _("&Not now")) == wxID_YES)
            open_exported();
        return true;
    }

    void open_exported() {
        if (last_export_.empty()) return;
        if (!wxLaunchDefaultApplication(to_wx(last_export_)))
            tell(wxString::Format(_("No application could open %s."), to_wx(last_export_)), wxICON_WARNING);
    }

    // --- the register ----------------------------------------------------------------------

    /// File ▸ Register this draft: the draft becomes an agreement of the register (its first
    /// version), which the Agreements page then shows.
    void register_draft() {
        const auto id = ask_register_draft(&page, ctx, editor_->draft(), editor_->assembly().document);
        if (!id) return;
        status(_("The draft is registered; it is now on the Agreements page."));
        if (ctx.register_changed) ctx.register_changed();
        if (ctx.show_agreement) ctx.show_agreement(*id, 0);
    }

    // --- undo / redo -------------------------------------------------------------------------

    void undo() {
        if (!editor_->can_undo()) return;
        wxString label = step_text(editor_->undo_label());
        editor_->undo();
        status(wxString::Format(_("Undone: %s"), label));
        edited();
    }

    void redo() {
        if (!editor_->can_redo()) return;
        wxString label = step_text(editor_->redo_label());
        editor_->redo();
        status(wxString::Format(_("Redone: %s"), label));
        edited();
    }
};

DraftingPage::DraftingPage(wxWindow* parent, AppContext& context)
    : Page(parent, wxID_ANY), impl_(std::make_unique<Impl>(*this, context)) {
    SetName("drafting-page");
}

DraftingPage::~DraftingPage() {
    // The panes ask the editor for what they show: they go first, while it still exists.
    DestroyChildren();
}

wxString DraftingPage::page_name() const {
    return _("Drafting");
}

void DraftingPage::page_shown() {
    impl_->update_title();
}

bool DraftingPage::confirm_close() {
    return impl_->confirm_close();
}

bool DraftingPage::open_file(const wxString& path) {
    if (!impl_->settle_unsaved(Impl::Leaving::open_other)) return false;
    return impl_->load(path_from_wx(path));
}

bool DraftingPage::start_new_draft(const drafting::Draft& draft, const wxString& note) {
    if (!impl_->settle_unsaved(Impl::Leaving::new_draft)) return false;
    impl_->replace_draft(draft, {});
    // Unsaved whatever the editor says: closing asks to save it, and the autosave keeps it.
    impl_->recovered_ = true;
    impl_->edits_ = 1;
    impl_->update_title();
    impl_->notebook_->SetSelection(1);
    impl_->status(note);
    return true;
}

DraftingPage::Testing DraftingPage::testing() {
    return Testing(*impl_);
}

void DraftingPage::Testing::answer_dialogs_with(std::function<int(const wxString&, long)> answer) {
    impl_.answer_ = std::move(answer);
}
void DraftingPage::Testing::new_draft(const NewDraftSettings& settings) {
    impl_.new_draft(settings);
}
bool DraftingPage::Testing::save_to(const fs::path& path) {
    return impl_.save_to(path);
}
bool DraftingPage::Testing::export_to(const fs::path& path) {
    return impl_.export_to(path);
}
fs::path DraftingPage::Testing::autosave_now() {
    impl_.autosave();
    return impl_.autosave_path();
}
void DraftingPage::Testing::refresh_now() {
    impl_.refresh_all();
}
drafting::Editor& DraftingPage::Testing::editor() {
    return impl_.editor();
}
wxNotebook* DraftingPage::Testing::notebook() {
    return impl_.notebook_;
}
PartiesPanel& DraftingPage::Testing::parties() {
    return *impl_.parties_;
}
ElementsPanel& DraftingPage::Testing::elements() {
    return *impl_.elements_;
}
FieldsPanel& DraftingPage::Testing::fields() {
    return *impl_.fields_;
}
PreviewPane& DraftingPage::Testing::preview() {
    return *impl_.preview_;
}

}  // namespace moudesk::gui
