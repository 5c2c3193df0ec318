#!/usr/bin/env bash
# Install the real tools the interop tests use, when missing: LibreOffice (reads our .xlsx),
# xmllint (checks our XSD independently of lxml), Chromium (renders our HTML), from Debian.
set -euo pipefail
need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v chromium >/dev/null || need+=(chromium)
# Chinese text in the browser screenshots needs a CJK font (the small WenQuanYi Micro Hei).
{ command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh)" ]; } || need+=(fonts-wqy-microhei fontconfig)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${need[*]} (install them as root)." >&2
  exit 1
fi
