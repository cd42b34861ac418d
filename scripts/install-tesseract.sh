#!/bin/sh
# Install Debian's tesseract command for the native OCR engine's tests (`--ocr-engine native`).
# Only the command: the Vietnamese model comes from the npm package @tesseract.js-data/vie.
# Idempotent: does nothing when `tesseract` is already on the PATH. Prints what it did.
set -eu

if command -v tesseract >/dev/null 2>&1; then
  echo "install-tesseract: $(tesseract --version 2>/dev/null | head -n 1) already present; nothing to do"
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tesseract: tesseract is missing and apt-get cannot run here; install it with: sudo apt-get install -y tesseract-ocr" >&2
  echo "install-tesseract: the native OCR engine tests will be skipped" >&2
  exit 0
fi

echo "install-tesseract: tesseract missing; running apt-get update && apt-get install -y tesseract-ocr"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends tesseract-ocr
echo "install-tesseract: installed $(tesseract --version 2>/dev/null | head -n 1)"
