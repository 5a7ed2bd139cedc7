#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver for the browser tests (tests marked `browser`).
# Idempotent: does nothing when both are already on PATH. Needs root (or sudo) and Debian's archive.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium: $(chromium --version 2>/dev/null | head -1); chromedriver already installed"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# another apt run (a parallel job) may hold the lock: wait for it rather than fail
for i in $(seq 1 60); do
    if $SUDO apt-get -o DPkg::Lock::Timeout=60 update -qq && \
       $SUDO apt-get -o DPkg::Lock::Timeout=60 install -y -qq --no-install-recommends \
            chromium chromium-driver fonts-noto-cjk >/dev/null; then
        break
    fi
    echo "install-chromium: apt busy or failed, retrying ($i)" >&2
    sleep 5
done
command -v chromium >/dev/null && command -v chromedriver >/dev/null
echo "chromium: $(chromium --version 2>/dev/null | head -1)"
