#!/usr/bin/env sh
# Installs headless Chromium (Debian package `chromium`) for tests/test_html_browser.py; does nothing if present.
# Non-interactive and idempotent; needs root (or sudo) only when Chromium is missing.
set -eu

if command -v chromium >/dev/null 2>&1; then
    echo "chromium: $(command -v chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "setup-browser: chromium is missing and this user cannot install it (not root, no sudo)" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
command -v chromium
