#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a throwaway DESTDIR with prefix /usr (as the .deb and .rpm do) and
# compares the installed files with the expected list: nothing missing, nothing unexpected.
# Usage: check-install-layout.sh BUILD_DIR EXPECTED_LIST
set -euo pipefail
build="$1"
expected="$2"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

DESTDIR="$stage" cmake --install "$build" --prefix /usr >/dev/null
actual="$(cd "$stage" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)"
if ! diff -u <(LC_ALL=C sort "$expected") <(printf '%s\n' "$actual"); then
  echo "FAIL: the installed files differ from $expected (- expected, + installed)" >&2
  exit 1
fi
for program in opentok-admin opentok-admin-cli opentok-sandbox; do
  [ -x "$stage/usr/bin/$program" ] || { echo "FAIL: usr/bin/$program is not executable" >&2; exit 1; }
done
echo "install layout: $(printf '%s\n' "$actual" | wc -l) files as expected"
