"""Headless Chromium for the tests that check what a person sees (the article page, the web UI)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# the flags that keep Chromium off the network on this machine, and render pages the same way each time
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--force-color-profile=srgb",
)
MISSING = "headless Chromium is missing (/usr/bin/chromium): run scripts/setup-browser.sh"


def find_chromium() -> str | None:
    return shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def required_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def run_chromium(chromium: str, profile: Path, *args: str) -> str:
    """Runs Chromium with a fresh profile and returns what it printed (the DOM for --dump-dom)."""
    profile.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
