#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright-core never downloads its own browser here) and
# need CJK fonts for screenshots. Installs both when missing and we may (root); otherwise says how.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${need[*]} for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "browser tests need: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
