#!/usr/bin/env bash
# Install the real tools the interop tests use, when missing: LibreOffice (reads our .xlsx and .docx),
# xmllint (checks our XSD independently of lxml), Chromium (renders our HTML), the JDK and JAXB's xjc
# (a Java platform's view of our XSDs), from Debian.
set -euo pipefail
need=()
# Chromium comes with its recommended packages (its fonts and helpers), as the probe installed it.
with_recommends=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
# Writer prints the .docx guides; Debian's Calc may be installed without it.
if [ -d /usr/lib/libreoffice/program ] && [ ! -e /usr/lib/libreoffice/program/libswlo.so ]; then
  need+=(libreoffice-writer-nogui)
fi
command -v xmllint >/dev/null || need+=(libxml2-utils)
# The JDK validates against all ten XSDs at once; Debian's jaxb (2.3, javax.xml.bind) gives xjc and the
# runtime jars the JAXB round trip runs with.
command -v javac >/dev/null || need+=(default-jdk-headless)
{ command -v xjc >/dev/null && [ -e /usr/share/java/jaxb-runtime.jar ]; } || need+=(jaxb)
command -v chromium >/dev/null || with_recommends+=(chromium)
# The review desk's browser walk drives Chromium through Debian's chromedriver (Selenium).
command -v chromedriver >/dev/null || need+=(chromium-driver)
# The desk's suite also runs against a real PostgreSQL server the tests start (initdb, pg_ctl).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
# Chinese text in the browser screenshots needs a CJK font (the small WenQuanYi Micro Hei).
{ command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh)" ]; } || need+=(fonts-wqy-microhei fontconfig)
[ ${#need[@]} -eq 0 ] && [ ${#with_recommends[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [ ${#need[@]} -gt 0 ]; then
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  if [ ${#with_recommends[@]} -gt 0 ]; then
    apt-get install -y -qq "${with_recommends[@]}" >/dev/null
  fi
else
  echo "The tests need these Debian packages: ${need[*]} ${with_recommends[*]} (install them as root)." >&2
  exit 1
fi
