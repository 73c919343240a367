#!/usr/bin/env bash
# Install (from Debian packages) and start a local PostgreSQL server for the test suite.
# Prints nothing on success; the Makefile then uses DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='portal'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='portal'\"" | grep -q 1 ||
  su postgres -c "createdb -O portal portal"
