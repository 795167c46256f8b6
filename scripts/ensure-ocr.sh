#!/usr/bin/env bash
# Makes sure the OCR of scanned PDFs (src/readers/pdf/ocr.ts) has its programs: pdftoppm (poppler-utils) and
# Tesseract with its Simplified Chinese model. `npm test` runs this first, as the scan tests read real scans.
set -euo pipefail

missing=()
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
  missing+=(tesseract-ocr-chi-sim)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-ocr: ${missing[*]} missing and we are not root; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "ensure-ocr: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "${missing[@]}" >&2
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || { echo "ensure-ocr: apt-get ran but tesseract lists no chi_sim" >&2; exit 1; }
