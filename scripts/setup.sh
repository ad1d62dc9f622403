#!/usr/bin/env bash
# Install what plandata needs to build, test and demo on Debian 12 (run as
# root).  Packages already present are left alone; apt-get runs only when
# something is missing.  Used by scripts/demo.sh and scripts/test.sh.
set -euo pipefail

PGV=${PGV:-15}
PKGS=(
  build-essential                  # cc, make
  "postgresql-$PGV" "postgresql-server-dev-$PGV" postgresql-contrib libpq-dev
  "postgresql-$PGV-postgis-3"      # plandata_geo
  opencc libopencc-dev             # Traditional->Simplified data (build) and libopencc (tests)
  libuchardet-dev libjansson-dev   # planload: encoding detection, JSON output
  pkg-config libxml2-dev libzip-dev libpoppler-glib-dev poppler-data
                                   # planload's formats: HTML, DOCX, OFD (libxml2, libzip), PDF (poppler; CJK maps)
  python3-docx python3-reportlab fonts-wqy-zenhei qpdf
                                   # planload_formats test: real DOCX and PDF (CJK font) made in the test, encrypted PDF
  python3 python3-psycopg2         # BI-client test with a client library we did not write
  clang libclang-rt-14-dev         # libFuzzer + sanitizers
  valgrind                         # core unit tests under memcheck
  ca-certificates
)
BENCH_PKGS=("postgresql-$PGV-unit" "postgresql-$PGV-semver" hyperfine)
# scripts/dashboard.sh (PLANDATA_DASHBOARD=1): headless Chromium for the
# screenshots and checks, a CJK font so the pages show Chinese (its npm
# packages, dashboard/package-lock.json, need the npm wanted below anyway)
DASHBOARD_PKGS=(chromium fonts-noto-cjk)

want=("${PKGS[@]}")
# plandata_geo's gazetteer is built from npm packages (`npm pack` by the
# Makefile, converted by node): Debian's npm brings node; a node that comes
# with its own npm (NodeSource) is used as it is
command -v npm >/dev/null 2>&1 || want+=(npm)
[ "${PLANDATA_BENCH:-0}" = 1 ] && want+=("${BENCH_PKGS[@]}")
[ "${PLANDATA_DASHBOARD:-0}" = 1 ] && want+=("${DASHBOARD_PKGS[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# the Debian package starts a system cluster; we never use it
command -v pg_config >/dev/null
