#!/usr/bin/env bash
# Debian's libfaketime, for `make test-clock` (the tests that use dates, run at a day boundary).
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi
