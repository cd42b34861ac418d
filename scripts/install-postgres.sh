#!/bin/sh
# Install Debian's PostgreSQL server for the tests that run the store, the job queue and the
# CLI against a real PostgreSQL (issue 14). Only the binaries are needed: each test run creates
# a throw-away cluster with initdb (as the `postgres` user, since the server refuses to run as
# root) on a free loopback port and removes it after (test/store/pg-cluster.ts).
# Idempotent: does nothing when initdb is already installed. Prints what it did.
set -eu

found() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }

if found; then
  echo "install-postgres: $(ls /usr/lib/postgresql/*/bin/initdb | head -n 1) already present; nothing to do"
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres: PostgreSQL is missing and apt-get cannot run here; install it with: sudo apt-get install -y postgresql" >&2
  echo "install-postgres: the PostgreSQL tests will be skipped" >&2
  exit 0
fi

echo "install-postgres: PostgreSQL missing; running apt-get update && apt-get install -y postgresql"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends postgresql
# The package starts a default cluster where a service manager runs; the tests do not use it.
echo "install-postgres: installed $(ls /usr/lib/postgresql/*/bin/initdb | head -n 1)"
