// Precision and recall of key-element detection over the project's test set of agreements
// (tests/data/detection, expectations in expected.json written with each text, before the
// detector was run on it; the held-out rounds are printed one by one).
// Prints the figures and every wrong decision; fails below floors set a little under the
// measured values, so that a regression in the detector or in the catalogue patterns shows.

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "moudesk/content/library.h"
#include "moudesk/core/file.h"
#include "moudesk/diagnostic/agreement_text.h"
#include "moudesk/diagnostic/detect.h"

namespace moudesk::diagnostic {
namespace {

namespace fs = std::filesystem;

fs::path detection_dir() {
    return fs::path(MOUDESK_TEST_DATA_DIR) / "detection";
}

const content::Library& bundled_library() {
    static const content::Library lib = [] {
        Problems problems;
        fs::path dir = MOUDESK_SOURCE_DATA_DIR;
        return content::load_library(dir / "clauses", dir / "templates", problems, content::SchemaCheck::quick);
    }();
    return lib;
}

struct Counts {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
    void add(const Counts& o) {
        tp += o.tp;
        fp += o.fp;
        fn += o.fn;
        tn += o.tn;
    }
};

std::ostream& operator<<(std::ostream& out, const Counts& c) {
    return out << std::fixed << std::setprecision(3) << "precision " << c.precision() << ", recall " << c.recall()
               << "  (TP " << c.tp << ", FP " << c.fp << ", FN " << c.fn << ", TN " << c.tn << ")";
}

struct Measure {
    Counts all, text_files, en, fr, tuning, heldout;
    // Per held-out round ("batch" in expected.json; the first round has none): each round was
    // measured before the tuning that followed it.
    std::map<std::string, Counts> batches;
};

Measure measure(bool verbose) {
    nlohmann::json expected = nlohmann::json::parse(read_file(detection_dir() / "expected.json"));
    const auto& docs = expected.at("documents");
    const content::Library& lib = bundled_library();
    Detector detector(lib);
    Measure m;
    for (auto it = docs.begin(); it != docs.end(); ++it) {
        const std::string name = it.key();
        const nlohmann::json& entry = it->contains("source") ? docs.at((*it)["source"].get<std::string>()) : *it;
        std::set<std::string> want = entry.at("covers").get<std::set<std::string>>();
        const std::string language = entry.at("language");
        std::set<std::string> got;
        std::map<std::string, Detection> found;
        for (Detection& d : detector.detect(extract_text(detection_dir() / name))) {
            got.insert(d.element);
            found[d.element] = std::move(d);
        }
        Counts c;
        for (const auto& e : lib.elements) {
            bool w = want.contains(e.slug), g = got.contains(e.slug);
            if (w && g) ++c.tp;
            if (!w && g) ++c.fp;
            if (w && !g) ++c.fn;
            if (!w && !g) ++c.tn;
            if (verbose && w != g) {
                std::cout << "  " << name << ": " << (g ? "FALSE POSITIVE " : "MISSED ") << e.slug << "\n";
                // What a false positive rests on: the patterns and the first sentences.
                if (g) {
                    const Detection& d = found.at(e.slug);
                    std::cout << "    confidence " << d.confidence << ", patterns:";
                    for (const auto& p : d.patterns) std::cout << " [" << p << "]";
                    std::cout << "\n";
                    for (std::size_t i = 0; i < d.evidence.size() && i < 3; ++i)
                        std::cout << "    > " << d.evidence[i] << "\n";
                }
            }
        }
        for (const auto& slug : want)
            EXPECT_NE(lib.find_element(slug), nullptr) << name << " expects unknown element " << slug;
        m.all.add(c);
        bool heldout = entry.value("heldout", false);
        (heldout ? m.heldout : m.tuning).add(c);
        m.batches[entry.value("batch", heldout ? std::string("heldout-1") : std::string("tuning"))].add(c);
        if (fs::path(name).extension() == ".txt") m.text_files.add(c);
        (language == "en" ? m.en : m.fr).add(c);
    }
    return m;
}

TEST(DetectionQuality, PrecisionAndRecallOverTheTestSet) {
    ASSERT_FALSE(bundled_library().elements.empty());
    Measure m = measure(true);
    std::cout << "detection, all documents:  " << m.all << "\n"
              << "detection, .txt only:      " << m.text_files << "\n"
              << "detection, English:        " << m.en << "\n"
              << "detection, French:         " << m.fr << "\n"
              << "detection, tuning set:     " << m.tuning << "\n"
              << "detection, held out:       " << m.heldout << "\n";
    for (const auto& [batch, counts] : m.batches)
        std::cout << "detection, batch " << std::left << std::setw(11) << batch + ":" << counts << "\n";
    RecordProperty("precision", std::to_string(m.all.precision()));
    RecordProperty("recall", std::to_string(m.all.recall()));
    // Floors a little under the figures measured over all documents after the last round of
    // tuning (precision 0.992, recall 0.951; English 0.943, French 0.964); raise them when the
    // detector or the patterns improve. The held-out rounds are printed, not asserted: each is a
    // measurement taken once, before the tuning that followed it (see the README).
    EXPECT_GE(m.all.precision(), 0.95);
    EXPECT_GE(m.all.recall(), 0.92);
    EXPECT_GE(m.en.recall(), 0.92);
    EXPECT_GE(m.fr.recall(), 0.93);
}

TEST(DetectionQuality, ConvertedFilesGiveTheSameElementsAsTheirText) {
    nlohmann::json expected = nlohmann::json::parse(read_file(detection_dir() / "expected.json"));
    Detector detector(bundled_library());
    for (const auto& [name, entry] : expected.at("documents").items()) {
        if (!entry.contains("source")) continue;
        std::set<std::string> from_text, from_file;
        for (const auto& d : detector.detect(read_file(detection_dir() / entry["source"].get<std::string>())))
            from_text.insert(d.element);
        for (const auto& d : detector.detect(extract_text(detection_dir() / name))) from_file.insert(d.element);
        EXPECT_EQ(from_file, from_text) << name;
    }
}

}  // namespace
}  // namespace moudesk::diagnostic
