"""Configuration from ``proofread.toml`` or ``[tool.proofread]`` in ``pyproject.toml``.

Found upward from the working directory, or given explicitly. Unknown keys are an error
that names the key and the file. Relative paths are resolved against the file's folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .finding import SEVERITY_RANK

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Settings shared by the API and the CLI; every field is optional in the file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    user_dicts: tuple[str, ...] = ()  # dictionary files added to the built-in ones
    allow: tuple[str, ...] = ()  # allow-list files: one word a line, or category=allow entries
    builtin: bool = True  # load the shipped dictionaries
    spelling: bool = True  # run the statistical corrector when it is installed
    spelling_threshold: float | None = None  # None: the corrector's own default
    path: str | None = field(default=None, compare=False)  # where it was read from


_LIST_KEYS = {"select", "ignore", "user_dicts", "allow"}
_PATH_KEYS = {"user_dicts", "allow"}
KNOWN_KEYS = tuple(f.name for f in fields(Config) if f.name != "path")


def _validate(raw: dict[str, Any], where: str, base: Path) -> Config:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{where}: 未知配置项 {key!r}（可用：{', '.join(KNOWN_KEYS)}）")
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: 配置项 {key!r} 应为字符串列表")
            if key in _PATH_KEYS:
                value = [str((base / v).resolve()) if not os.path.isabs(v) else v for v in value]
            value = tuple(value)
        elif key == "fail_on":
            if value not in SEVERITY_RANK:
                raise ConfigError(f"{where}: fail_on 只能是 error、warning、info 或 never，而不是 {value!r}")
        elif key in {"builtin", "spelling"}:
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: 配置项 {key!r} 应为 true 或 false")
        elif key == "spelling_threshold":
            if not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigError(f"{where}: spelling_threshold 应为 0 到 1 之间的数")
            value = float(value)
        values[key] = value
    return Config(path=where, **values)


def load_config(path: str | os.PathLike) -> Config:
    """Read one config file (``proofread.toml`` or a ``pyproject.toml``)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{p}: 无法读取配置文件：{exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: 配置文件格式错误：{exc}") from exc
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("proofread", {})
        where = f"{p} [tool.proofread]"
    else:
        where = str(p)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: 应为一个表 (table)")
    return _validate(data, where, p.parent)


def find_config(start: str | os.PathLike | None = None) -> Path | None:
    """The nearest proofread.toml, or pyproject.toml with [tool.proofread], upward from start."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "proofread.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8-sig"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "proofread" in data.get("tool", {}):
                return pyproject
    return None


def from_mapping(raw: dict[str, Any], where: str = "<config>") -> Config:
    return _validate(dict(raw), where, Path.cwd())
