#!/bin/sh
# Install Debian's chromium for the review end-to-end test (playwright-core drives /usr/bin/chromium).
# Idempotent: does nothing when /usr/bin/chromium is already there. Prints what it did.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "install-chromium: $CHROMIUM already present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown')); nothing to do"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "install-chromium: $CHROMIUM is missing and we are not root; install it with: sudo apt-get install -y chromium" >&2
  echo "install-chromium: the review end-to-end test will be skipped" >&2
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing and apt-get is not available; install chromium by hand" >&2
  exit 0
fi

echo "install-chromium: $CHROMIUM missing; running apt-get update && apt-get install -y chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
