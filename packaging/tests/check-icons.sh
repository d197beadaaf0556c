#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the icons rendered at build time by otadmin-icons: each hicolor PNG has its size, the
# Windows .ico holds its 8 images (16 to 256) and the macOS .icns is a well-formed icon family
# of PNG entries up to 1024 pixels.
# Usage: check-icons.sh ICON_DIR APP_ID SIZE...
set -euo pipefail
dir="$1"
id="$2"
shift 2
command -v file >/dev/null || { echo "file not found: run scripts/install-deps" >&2; exit 1; }
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

for size in "$@"; do
  png="$dir/hicolor/${size}x${size}/apps/$id.png"
  description="$(file -b "$png" 2>&1)"
  case "$description" in
    "PNG image data, $size x $size, 8-bit/color RGBA"*) ;;
    *) fail "$png: $description" ;;
  esac
done

description="$(file -b "$dir/$id.ico")"
case "$description" in
  "MS Windows icon resource - 8 icons, 16x16, 32 bits/pixel"*) ;;
  *) fail "$dir/$id.ico: $description" ;;
esac

icns="$dir/$id.icns"
description="$(file -b "$icns")"
case "$description" in
  "Mac OS X icon"*) ;;
  *) fail "$icns: $description" ;;
esac
# The header's length is the file's length, and the largest entry (ic10, 1024 px) is present.
header_length=$((16#$(od -An -tx1 -j4 -N4 "$icns" | tr -d ' \n')))
[ "$header_length" -eq "$(wc -c <"$icns")" ] || fail "$icns: header length $header_length"
grep -q ic10 "$icns" || fail "$icns: no 1024-pixel (ic10) entry"

if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "icons of $id: $# PNG sizes, .ico and .icns well-formed"
