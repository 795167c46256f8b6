#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium, with a Chinese font, for the browser tests and bench:site.
# `npx playwright install` cannot download on these machines, so we use the distribution's build
# (see ../shared/design/platform-notes.md, "Real browser tests"). Without a CJK font chromium draws Chinese as
# empty boxes, and a page printed to PDF carries no Chinese text, so the print tests need fonts-noto-cjk too.
set -euo pipefail
# shellcheck source=apt-install.sh
source "$(dirname "$0")/apt-install.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
apt_install ensure-chromium "${missing[@]}"
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get installed chromium but $CHROMIUM is still missing" >&2
  exit 1
fi
if [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  echo "ensure-chromium: apt-get installed fonts-noto-cjk but fontconfig lists no Chinese font" >&2
  exit 1
fi
