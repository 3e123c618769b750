#pragma once
/// @brief The register as tables and calendar events, ready for the CSV, XLSX and iCalendar
/// writers of moudesk::tracking.
#include <vector>

#include "moudesk/store/database.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/tracking/calendar.h"
#include "moudesk/tracking/table_export.h"

namespace moudesk::store {

/// Every agreement: reference, title, instrument, status, parties, dates, key elements.
tracking::Table register_table(Database& db);
/// Every action with its agreement, owner, due date, recurrence and status.
tracking::Table action_plan_table(Database& db);
/// One all-day event per deadline, with stable UIDs ("action-42@moudesk", "review-7@moudesk").
std::vector<tracking::CalendarEvent> deadline_events(const std::vector<Deadline>& deadlines);

}  // namespace moudesk::store
