#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks a man page against its program: groff renders it without warnings, and every option
# the program's --help prints is described in it. With --cli, also every "AREA VERB" command
# of opentok-admin-cli has its own subsection naming each option of "AREA VERB --help".
# Usage: check-man-page.sh [--cli] PAGE PROGRAM
set -euo pipefail
cli=0
if [ "${1:-}" = "--cli" ]; then
  cli=1
  shift
fi
page="$1"
program="$2"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

command -v groff >/dev/null || { echo "groff not found: run scripts/install-deps" >&2; exit 1; }
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# 1. Renders cleanly (-ww: every warning; -z: no output, the warnings go to stderr).
warnings="$(groff -mandoc -Tutf8 -ww -z "$page" 2>&1 || true)"
[ -z "$warnings" ] || fail "groff warnings in $page: $warnings"

# The page's text with roff's escaped hyphens as plain ones, for searching.
source_text="$(sed 's/\\-/-/g' "$page")"

# Long options of a --help text (lines listing options start with spaces).
options_of() {
  grep -E '^ +(-[a-zA-Z], )?--[a-z]' | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}

# 2. Every option of PROGRAM --help (the exit status is ignored: sanitizer builds may report at
# exit). For the CLI, the options listed under "Global options".
help="$("$program" --help 2>/dev/null || true)"
[ -n "$help" ] || fail "$program --help printed nothing"
for option in $(printf '%s\n' "$help" | options_of); do
  grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$source_text" \
    || fail "$page does not describe $option (from $program --help)"
done

if [ "$cli" -eq 1 ]; then
  # 3. Every command, in its own subsection, with each of its options.
  commands="$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | grep -E '^  [a-z]' \
    | awk '{print $1" "$2}')"
  [ -n "$commands" ] || fail "no commands found in $program --help"
  while read -r area verb; do
    section="$(awk -v head=".SS \"$area $verb" '
      index($0, head) == 1 { inside = 1; print; next }
      inside && (/^\.SS / || /^\.SH /) { exit }
      inside { print }' <<<"$source_text")"
    if [ -z "$section" ]; then
      fail "$page has no subsection for \"$area $verb\""
      continue
    fi
    verb_help="$("$program" "$area" "$verb" --help 2>/dev/null || true)"
    for option in $(printf '%s\n' "$verb_help" | sed -n '/^Options:/,/^$/p' | options_of); do
      grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$section" \
        || fail "$page: \"$area $verb\" does not describe $option"
    done
  done <<<"$commands"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) in $page" >&2
  exit 1
fi
echo "$page: renders cleanly and describes every option of $program"
