#!/usr/bin/env bash
# Makes sure the OCR of scanned PDFs (src/readers/pdf/ocr.ts) has its programs: pdftoppm (poppler-utils) and
# Tesseract with its Simplified Chinese and English models (the English one reads doubtful figures again). `npm test` runs this first, as the scan tests read real scans.
set -euo pipefail
# shellcheck source=apt-install.sh
source "$(dirname "$0")/apt-install.sh"

missing=()
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
  missing+=(tesseract-ocr-chi-sim)
fi
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx eng; then
  missing+=(tesseract-ocr-eng)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
apt_install ensure-ocr "${missing[@]}"
for lang in chi_sim eng; do
  tesseract --list-langs 2>/dev/null | grep -qx "$lang" || { echo "ensure-ocr: apt-get ran but tesseract lists no $lang" >&2; exit 1; }
done
