#!/usr/bin/env bash
# What the report tests need from Debian: Chromium (headless print-to-PDF), fonts-noto-cjk (Japanese in the PDFs; without
# it Chromium draws boxes) and poppler-utils (pdfinfo / pdftotext / pdftoppm read the PDFs back). Installs what is missing.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-cjk)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "report-deps: installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
