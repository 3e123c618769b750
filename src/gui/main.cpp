// moudesk — the desktop application. Everything but this line is in the moudesk_gui library,
// so the GUI tests drive the same windows.
#include "app.h"

wxIMPLEMENT_APP(moudesk::gui::App);
