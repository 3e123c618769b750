#!/usr/bin/env bash
# Sets up, builds and runs every test: unit tests of each module and integration tests that
# read the documents back with LibreOffice, pandoc and pdftotext.
#   scripts/test.sh             normal build in build/
#   scripts/test.sh --sanitize  unit tests under AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
if [[ "${1:-}" == "--sanitize" ]]; then
  export BUILD_DIR=${BUILD_DIR:-$root/build-asan}
  "$root/scripts/build.sh" -DMOUDESK_SANITIZE=ON -DMOUDESK_BUILD_BENCH=OFF -DMOUDESK_BUILD_GUI=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
  ctest --test-dir "$BUILD_DIR" -L unit --output-on-failure --parallel "$(nproc)"
else
  export BUILD_DIR=${BUILD_DIR:-$root/build}
  "$root/scripts/build.sh"
  ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
fi
