#!/usr/bin/env bash
# Runs every PmBot test: unit, integration (real PostgreSQL and SQLite), and end-to-end (headless Chromium on the
# web chat, the Microsoft 365 Agents Playground for Teams); npm validators check Block Kit, Adaptive Cards and the
# Teams manifest.
# On a fresh Debian machine it first installs what the tests need and the machine lacks (as root: apt-get).
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Outbox").
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || [ -n "${PMBOT_TEST_POSTGRES:-}" ] || missing+=(postgresql)
# Charts: SkiaSharp finds fonts through fontconfig; Chinese labels need a CJK font.
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing test prerequisites: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing test prerequisites: ${missing[*]} (install them with your package manager)." >&2
  fi
fi

exec dotnet test PmBot.sln "$@"
