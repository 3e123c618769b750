#include "moudesk/store/records.h"

namespace moudesk::store {

bool is_register_instrument(std::string_view code) {
    for (const char* known : register_instruments)
        if (code == known) return true;
    return false;
}

}  // namespace moudesk::store
