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
# The app's two libraries load with every symbol resolved (the sandbox's module is only loaded
# at the sandbox's first call, which the start below does not make) and export their entry.
# A sanitizer's runtime is in the executable that loads them: its symbols do not count.
for module in "$stage"/usr/lib*/opentok-admin/*.so "$stage"/usr/lib/*/opentok-admin/*.so; do
  [ -e "$module" ] || continue
  if ldd -r "$module" 2>&1 | grep -E 'undefined symbol|not found' \
    | grep -vE 'undefined symbol: __(asan|ubsan|lsan|sanitizer)_'; then
    echo "FAIL: $module does not load" >&2
    exit 1
  fi
  nm -D --defined-only "$module" | grep -qE ' T otadmin(GuiMain|ServeSandbox)$' \
    || { echo "FAIL: $module exports no entry point" >&2; exit 1; }
done
# The installed launcher finds its application library where the install put it, and the app
# starts on its sandbox (a throwaway home: nothing of the user's is read or written).
mkdir -m 700 "$stage/runtime"
if ! HOME="$stage" XDG_CONFIG_HOME="$stage/config" XDG_RUNTIME_DIR="$stage/runtime" \
  QT_QPA_PLATFORM=offscreen timeout 60 "$stage/usr/bin/opentok-admin" --sandbox --quit-after-shown \
  >"$stage/gui.log" 2>&1; then
  tail -20 "$stage/gui.log" >&2
  echo "FAIL: the installed opentok-admin did not start on its sandbox" >&2
  exit 1
fi
echo "install layout: $(printf '%s\n' "$actual" | wc -l) files as expected; the installed app starts"
