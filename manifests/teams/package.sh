#!/usr/bin/env bash
# Builds the Teams app package: manifest.json (placeholders filled in) + color.png + outline.png in a zip.
# Usage: manifests/teams/package.sh BOT_ID [OUT]   (APP_ID env var: the Teams app id; defaults to BOT_ID)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bot_id="${1:?usage: package.sh BOT_ID [OUT.zip]}"
out="${2:-$PWD/pmbot-teams.zip}"
app_id="${APP_ID:-$bot_id}"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ "$bot_id" =~ $guid ]] || { echo "BOT_ID must be a GUID (the bot's Entra app id): $bot_id" >&2; exit 2; }
[[ "$app_id" =~ $guid ]] || { echo "APP_ID must be a GUID: $app_id" >&2; exit 2; }
[[ -f "$here/color.png" && -f "$here/outline.png" ]] || python3 "$here/make-icons.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s/{{BOT_ID}}/$bot_id/g" -e "s/{{APP_ID}}/$app_id/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
rm -f "$out"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
  python3 - "$work" "$out" <<'PY'
import sys, zipfile, os
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(src, name), name)
PY
fi
echo "$out"
