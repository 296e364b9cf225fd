#!/usr/bin/env bash
# Installs what the UI and export tests drive, from Debian when missing: chromium and chromedriver (no test tool can
# download a browser here), and poppler-utils (pdftotext, pdffonts).
set -euo pipefail
CI_NAME=browser
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
{ command -v pdftotext && command -v pdffonts; } >/dev/null || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
fi

echo "browser: $(chromium --version 2>/dev/null | head -n 1) at $(command -v chromium)," \
    "$(chromedriver --version | cut -d' ' -f1-2) at $(command -v chromedriver)," \
    "$(pdftotext -v 2>&1 | head -n 1) at $(command -v pdftotext)${missing[*]:+ (installed ${missing[*]})}"
