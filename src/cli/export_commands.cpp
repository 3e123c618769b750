// moudesk-cli export ics|csv|xlsx: deadlines to calendars, the register and action plan to
// spreadsheets.
#include "cli_common.h"
#include "moudesk/store/deadlines.h"
#include "moudesk/store/register_export.h"

namespace moudesk::cli {

namespace {

int export_ics(const RegisterOptions& reg, const std::string& output, int within) {
    auto db = reg.open();
    auto list = store::deadlines(*db, tracking::Date::today(), within, 100000);
    tracking::write_icalendar(output, store::deadline_events(list), "moudesk deadlines");
    std::cout << "wrote " << output << " (" << list.size() << " deadlines)\n";
    return ok;
}

int export_csv(const RegisterOptions& reg, const std::string& output, const std::string& table) {
    auto db = reg.open();
    tracking::Table t = table == "actions" ? store::action_plan_table(*db) : store::register_table(*db);
    tracking::write_csv(output, t);
    std::cout << "wrote " << output << " (" << t.rows.size() << " rows)\n";
    return ok;
}

int export_xlsx(const RegisterOptions& reg, const std::string& output) {
    auto db = reg.open();
    std::vector<tracking::Table> sheets{store::register_table(*db), store::action_plan_table(*db)};
    tracking::write_xlsx(output, sheets);
    std::cout << "wrote " << output << " (" << sheets[0].rows.size() << " agreements, " << sheets[1].rows.size()
              << " actions)\n";
    return ok;
}

}  // namespace

void add_export_commands(CLI::App& app, Run& run) {
    static RegisterOptions reg;
    static std::string output, table = "register";
    static int within = 365;
    auto* exp = app.add_subcommand("export", "Export deadlines (ics), the register or the action plan (csv, xlsx)");
    exp->require_subcommand(1);

    auto* ics = exp->add_subcommand("ics", "Deadlines as an iCalendar file for calendar programs");
    reg.add_to(ics);
    ics->add_option("-o,--output", output, "The .ics file to write")->required();
    ics->add_option("--within", within, "Days ahead (default 365); overdue ones are always included")
        ->check(CLI::NonNegativeNumber);
    ics->callback([&run] { run = [] { return export_ics(reg, output, within); }; });

    auto* csv = exp->add_subcommand("csv", "The register (or with --table actions, the action plan) as CSV");
    reg.add_to(csv);
    csv->add_option("-o,--output", output, "The .csv file to write")->required();
    csv->add_option("--table", table, "register or actions")->check(CLI::IsMember({"register", "actions"}));
    csv->callback([&run] { run = [] { return export_csv(reg, output, table); }; });

    auto* xlsx = exp->add_subcommand("xlsx", "The register and the action plan as two sheets of an XLSX workbook");
    reg.add_to(xlsx);
    xlsx->add_option("-o,--output", output, "The .xlsx file to write")->required();
    xlsx->callback([&run] { run = [] { return export_xlsx(reg, output); }; });
}

}  // namespace moudesk::cli
