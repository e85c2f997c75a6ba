"""Secrets for development: generated once under var/ so a fresh clone runs, never used in production."""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path

from .env import ConfigError


def _write_exclusive(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another process (a parallel test worker, a second server) won the race: use its file.
        return
    with os.fdopen(fd, "w") as handle:
        handle.write(content)


def dev_secret_key(var_dir: Path) -> str:
    path = var_dir / "secret_key"
    if not path.exists():
        _write_exclusive(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


def dev_audit_key(var_dir: Path) -> str:
    """The audit chain's HMAC key for development: its own file, never a data key."""
    path = var_dir / "audit_key"
    if not path.exists():
        _write_exclusive(path, secrets.token_urlsafe(48))
    return path.read_text().strip()


def new_data_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def parse_data_keys(spec: str) -> list[tuple[str, bytes]]:
    """Parse "kid:base64key,kid2:base64key"; the first key is the current one."""
    keys: list[tuple[str, bytes]] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        kid, sep, encoded = part.partition(":")
        if not sep or not kid.isalnum():
            raise ConfigError("HEARTHSIDE_DATA_KEYS entries must look like kid:base64key (kid alphanumeric)")
        try:
            raw = base64.urlsafe_b64decode(encoded.encode())
        except Exception:
            raise ConfigError(f"HEARTHSIDE_DATA_KEYS key {kid!r} is not valid base64") from None
        if len(raw) != 32:
            raise ConfigError(f"HEARTHSIDE_DATA_KEYS key {kid!r} must be 32 bytes (AES-256)")
        keys.append((kid, raw))
    if not keys:
        raise ConfigError("HEARTHSIDE_DATA_KEYS is empty")
    if len({kid for kid, _ in keys}) != len(keys):
        raise ConfigError("HEARTHSIDE_DATA_KEYS has a repeated key id")
    return keys


def dev_data_keys_path(var_dir: Path) -> Path:
    return var_dir / "data_keys.json"


def dev_data_keys(var_dir: Path) -> str:
    path = dev_data_keys_path(var_dir)
    if not path.exists():
        _write_exclusive(path, json.dumps({"keys": [["k1", new_data_key()]]}))
    data = json.loads(path.read_text())
    return ",".join(f"{kid}:{key}" for kid, key in data["keys"])


def add_dev_data_key(var_dir: Path) -> str:
    """Put a fresh key in front of the development key file; returns its id."""
    path = dev_data_keys_path(var_dir)
    data = json.loads(path.read_text())
    existing = {kid for kid, _ in data["keys"]}
    number = len(existing) + 1
    while f"k{number}" in existing:
        number += 1
    kid = f"k{number}"
    data["keys"].insert(0, [kid, new_data_key()])
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return kid
