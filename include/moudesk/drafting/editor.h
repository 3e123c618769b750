#pragma once
/// @brief Editing a draft as the desktop application does it: every change is one undoable
/// step, the assembly and lint are kept current, and choosing a key element says which clauses
/// it pulls in and why, or refuses with the reason. The GUI holds no drafting rules of its own.

#include <optional>
#include <string>
#include <vector>

#include "moudesk/content/library.h"
#include "moudesk/drafting/assembler.h"
#include "moudesk/drafting/draft.h"

namespace moudesk::drafting {

class Editor {
public:
    /// Edits `draft` against `library`, which must outlive the editor.
    Editor(const content::Library& library, Draft draft);

    const Draft& draft() const { return draft_; }
    const content::Library& library() const { return library_; }
    /// The assembled document and findings for the current draft.
    const Assembly& assembly() const { return assembly_; }
    /// Lint findings for the current draft (assembly findings included).
    const std::vector<Finding>& findings() const { return findings_; }

    /// Whether the draft changed since it was loaded or last marked saved.
    bool modified() const { return revision_ != saved_revision_; }
    void mark_saved() { saved_revision_ = revision_; }

    // --- edits: each is one undo step, labelled for the Edit menu --------------------------

    void set_instrument(Instrument instrument, Instrument base_instrument = Instrument::mou);
    void set_languages(std::vector<Language> languages, Layout layout);
    void set_level(PartnershipLevel level);

    void add_party(Party party);
    void update_party(std::size_t index, Party party);
    void remove_party(std::size_t index);
    /// Moves the party at `from` to position `to`.
    void move_party(std::size_t from, std::size_t to);

    /// What choosing a key element did.
    struct ElementResult {
        bool accepted = false;
        std::string refusal;  ///< why it was refused (a conflict), when not accepted
        /// Clauses now in the draft because of it: "information-exchange.general: chosen",
        /// "data-protection.general: required by information-exchange.general".
        std::vector<std::string> pulled_in;
    };
    /// Adds a key element with its default clauses (or `clauses`); refused when that creates a
    /// conflict the draft did not have, and then nothing changes.
    ElementResult choose_element(const std::string& slug, std::vector<std::string> clauses = {});
    /// Removes a key element (clauses it required stay only if something else requires them).
    void drop_element(const std::string& slug);
    /// The level of one element; nullopt follows the draft's level.
    void set_element_level(const std::string& slug, std::optional<PartnershipLevel> level);

    /// Sets a field value (empty removes it); language nullopt sets the value for all languages.
    void set_value(const std::string& field, std::optional<Language> language, const std::string& value);

    // --- undo / redo ---------------------------------------------------------------------------

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    /// "Add party", "Choose Information exchange", … ; empty when there is nothing.
    std::string undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
    std::string redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }
    void undo();
    void redo();

    /// Why a clause is in the draft ("chosen", "required by …"), or nullopt when it is not.
    std::optional<std::string> reason_for(std::string_view clause_id) const;
    /// Whether the element is in the assembled draft only because another clause requires it.
    bool implied(std::string_view slug) const;

private:
    struct Step {
        std::string label;
        Draft before;
        long revision_before;
    };
    void apply(std::string label, Draft next);
    void refresh();

    const content::Library& library_;
    Draft draft_;
    Assembly assembly_;
    std::vector<Finding> findings_;
    std::vector<Step> undo_;
    std::vector<Step> redo_;
    long revision_ = 0;
    long saved_revision_ = 0;
    long next_revision_ = 1;
};

}  // namespace moudesk::drafting
