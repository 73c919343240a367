#!/usr/bin/env bash
# Debian's Chromium for the Playwright + axe tests (Playwright cannot download a browser here).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
