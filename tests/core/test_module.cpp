// A module for module_test.cpp: one exported function, one hidden.

extern "C" __attribute__((visibility("default"))) int moudesk_test_answer() {
    return 42;
}

extern "C" __attribute__((visibility("hidden"))) int moudesk_test_hidden() {
    return 7;
}

// An entry table as moudesk's modules export one (core/module.h, module_table()).
struct TestTable {
    int version;
    int answer;
};

extern "C" __attribute__((visibility("default"))) const TestTable* moudesk_test_table() {
    static const TestTable table{1, 42};
    return &table;
}
