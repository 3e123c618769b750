#pragma once
/// @brief A small register for the Agreements and Dashboard tests, written through the store
/// API: three agreements at different stages (one in force and due for review, with an overdue
/// and an upcoming action; a draft with non-ASCII party names; a signed one), dates relative to
/// today so the deadlines stay where the tests expect them.

#include <filesystem>

#include "moudesk/store/actions.h"
#include "moudesk/store/agreements.h"
#include "moudesk/store/database.h"

namespace moudesk::gui::test {

struct SampleRegister {
    store::Id in_force = 0;  ///< MOU/2025/001, in force, review overdue, two actions
    store::Id draft = 0;     ///< MOA/2026/002, draft, parties of Côte-Claire
    store::Id signed_ = 0;   ///< MOU/2024/003, signed, review in 60 days
    store::Id overdue_action = 0;
    store::Id upcoming_action = 0;
};

inline SampleRegister fill_sample_register(const std::filesystem::path& path) {
    using tracking::Date;
    using tracking::Status;
    auto db = store::Database::open(path);
    store::Agreements agreements(*db);
    store::Actions actions(*db);
    const Date today = Date::today();
    SampleRegister ids;

    store::AgreementRecord a;
    a.reference = "MOU/2025/001";
    a.title = "Information exchange between the Customs and the Police of Atlantis";
    a.instrument = "mou";
    a.level = "communication";
    a.languages = {"en", "fr"};
    a.parties = {
        {0,
         "Customs Administration of Atlantis",
         "Customs",
         "customs",
         "AT",
         "party",
         "A. Director",
         "Director-General",
         {}},
        {0, "National Police of Atlantis", "Police", "police", "AT", "party", "B. Chief", "Chief of Police", {}}};
    a.parties[0].contacts.push_back(
        {0, "focal-point", "Ana Lopes", "Liaison officer", "ana@customs.example", "+1 555 0101"});
    a.elements = {{"information-exchange", "manual", std::nullopt}};
    ids.in_force = agreements.add(a);
    agreements.set_status(ids.in_force, Status::signed_, today.add_days(-400), "signed at the joint committee");
    agreements.set_status(ids.in_force, Status::in_force, today.add_days(-380), "notifications exchanged");
    store::AgreementRecord stored = agreements.get(ids.in_force);
    stored.dates.signature = today.add_days(-400);
    stored.dates.entry_into_force = today.add_days(-380);
    stored.dates.duration = tracking::Duration::parse("P5Y");
    stored.dates.next_review = today.add_days(-10);
    agreements.update(stored);

    store::ActionRecord overdue;
    overdue.agreement = ids.in_force;
    overdue.title = "Designate the focal points";
    overdue.owner_party = stored.parties[0].id;
    overdue.due = today.add_days(-5);
    ids.overdue_action = actions.add(overdue);
    store::ActionRecord upcoming;
    upcoming.agreement = ids.in_force;
    upcoming.title = "Send the annual joint report";
    upcoming.due = today.add_days(20);
    ids.upcoming_action = actions.add(upcoming);

    store::AgreementRecord d;
    d.reference = "MOA/2026/002";
    d.title = "Joint operations at the border of Côte-Claire";
    d.instrument = "moa";
    d.languages = {"fr"};
    d.parties = {{0, "Douanes de Côte-Claire", "Douanes", "customs", "CC", "party", "", "", {}},
                 {0, "Gendarmerie nationale de Côte-Claire", "Gendarmerie", "gendarmerie", "CC", "party", "", "", {}}};
    ids.draft = agreements.add(d);

    store::AgreementRecord s;
    s.reference = "MOU/2024/003";
    s.title = "Training cooperation with Bordeland";
    s.instrument = "mou";
    s.status = Status::signed_;
    s.parties = {{0, "Bordeland Revenue and Customs", "BRC", "customs", "BL", "party", "", "", {}},
                 {0, "Bordeland Federal Police", "BFP", "police", "BL", "party", "", "", {}}};
    s.dates.signature = today.add_days(-30);
    s.dates.next_review = today.add_days(60);
    ids.signed_ = agreements.add(s);
    return ids;
}

}  // namespace moudesk::gui::test
