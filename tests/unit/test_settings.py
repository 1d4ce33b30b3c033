"""Production refuses unsafe settings; local use starts with safe defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "workshop.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_public_host_without_secret_key_refuses_to_start():
    result = start(ALLOWED_HOSTS="verticaal.example.nl", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_public_host_with_debug_on_refuses_to_start():
    result = start(ALLOWED_HOSTS="verticaal.example.nl", DEBUG="1", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_a_public_host_with_a_secret_key_starts_without_debug():
    result = start(ALLOWED_HOSTS="verticaal.example.nl", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_typo_in_a_boolean_fails_loudly():
    result = start(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_a_laptop_serving_phones_on_its_private_address_stays_local():
    result = start(ALLOWED_HOSTS="localhost,192.168.1.20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_a_redis_socket_timeout_within_the_layers_blocking_wait_refuses_to_start():
    result = start(REDIS_URL="redis://127.0.0.1:6379/0", REDIS_SOCKET_TIMEOUT_SECONDS="5")
    assert result.returncode != 0
    assert "REDIS_SOCKET_TIMEOUT_SECONDS must be above" in result.stderr
