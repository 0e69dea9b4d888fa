#!/usr/bin/env bash
# The browser tests drive Debian's chromium (test tools may not download browsers here).
# Install it when missing and we are root; otherwise say what to do instead of failing obscurely.
set -u
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium (needed by the browser tests)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && [ -x "$path" ] && exit 0
fi
echo "e2e: chromium not found at $path — install it (apt-get install -y chromium) or set CHROMIUM_PATH" >&2
exit 1
