// A module for module_test.cpp: one exported function, one hidden.

extern "C" __attribute__((visibility("default"))) int moudesk_test_answer() {
    return 42;
}

extern "C" __attribute__((visibility("hidden"))) int moudesk_test_hidden() {
    return 7;
}
