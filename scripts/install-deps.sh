#!/usr/bin/env bash
# Installs the Debian 12 packages moudesk needs to build, run and test.
# Idempotent: asks apt only for the packages that are not installed yet.
# Usage: scripts/install-deps.sh [--no-test-tools]
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config
  libwxgtk3.2-dev              # desktop application
  libsqlitecpp-dev libsqlite3-dev  # the register
  libxlsxwriter-dev            # XLSX exports of the register
  libpugixml-dev libxml2-dev   # clause library: loading, XSD validation
  libminizip-dev               # DOCX / ODT containers
  libpoppler-cpp-dev           # the text of imported PDF agreements
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-noto-core  # PDF
  libcli11-dev libfmt-dev nlohmann-json3-dev  # command line, --json output
  gettext                      # msgfmt: the French and English interface catalogues
  libgtest-dev libgmock-dev libbenchmark-dev
)
test_pkgs=(
  libreoffice-writer-nogui     # reads DOCX/ODT back in tests
  libreoffice-calc-nogui       # reads the XLSX exports back in tests
  pandoc poppler-utils         # pandoc reader, pdftotext
  xvfb xauth                   # GUI tests in a real window
  libxml2-utils                # xmllint, for schema checks in tests
  time                         # /usr/bin/time for peak-memory figures in bench/
  libical-dev                  # a real iCalendar parser reads the deadline exports back
  sqlite3                      # the bare-SQL side of bench/register_vs_sqlite3.sh
)

pkgs=("${build_pkgs[@]}")
[[ "${1:-}" == "--no-test-tools" ]] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#pkgs[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
