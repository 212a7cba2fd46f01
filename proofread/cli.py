"""The command line: a thin Typer layer over proofread.Proofreader."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from . import __version__
from .config import Config, find_config, load_config
from .errors import ConfigError, DictionaryError, InputError
from .finding import at_least
from .proofreader import Proofreader, apply_fixes

app = typer.Typer(
    help="proofread：政府网站内容校对（错别字、敏感词、不规范表述）。Chinese proofreading for government websites.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    warc = "warc"
    jsonl = "jsonl"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"proofread {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
) -> None:
    """proofread：政府网站内容校对。"""


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _load_config(path: Path | None) -> Config:
    found = path or find_config()
    return load_config(found) if found else Config()


def _build(config: Path | None, select, ignore, dicts, allow) -> tuple[Proofreader, Config, dict]:
    """The Proofreader, its config and its arguments; a bad config or dictionary exits with 2."""
    try:
        kwargs, cfg = _proof_kwargs(config, select, ignore, dicts, allow)
        return Proofreader(**kwargs), cfg, kwargs
    except (ConfigError, DictionaryError) as exc:
        _err(f"proofread: {exc}")
        raise typer.Exit(EXIT_USAGE) from None


def _proof_kwargs(config: Path | None, select, ignore, dicts, allow) -> tuple[dict, Config]:
    """Proofreader arguments for the options (picklable: worker processes rebuild from them)."""
    cfg = _load_config(config)
    allow_files = list(cfg.allow)
    allow_files.extend(str(p) for p in allow or ())
    from dataclasses import replace

    cfg = replace(cfg, allow=tuple(allow_files))
    kwargs = {
        "user_dicts": [str(p) for p in dicts or ()],
        "select": _split(select) if select else None,
        "ignore": _split(ignore),
        "config": cfg,
    }
    return kwargs, cfg


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _inputs(paths: list[str] | None):
    """Yield (name, text) pairs, or (name, InputError) for inputs that cannot be read."""
    from .sources.text import decode_bytes, expand_paths, read_text_file

    if not paths:
        paths = ["-"]
    for raw in paths:
        if raw == "-":
            try:
                yield "<stdin>", decode_bytes(sys.stdin.buffer.read(), "<stdin>").text
            except InputError as exc:
                yield "<stdin>", exc
            continue
        p = Path(raw)
        if not p.exists():
            yield raw, InputError(f"{raw}: 文件不存在")
            continue
        for f in expand_paths([p]):
            try:
                yield str(f), read_text_file(f).text
            except InputError as exc:
                yield str(f), exc


PathsArg = typer.Argument(None, help="要检查的文件或目录；不给或给 - 时读标准输入。")
SelectOpt = typer.Option(None, "--select", help="只启用这些类别或规则（可用逗号分隔，规则前缀选中一族）。")
IgnoreOpt = typer.Option(None, "--ignore", help="停用这些类别或规则。")
DictOpt = typer.Option(None, "--dict", help="追加用户词典文件（可重复）。")
AllowOpt = typer.Option(None, "--allow", help="白名单文件，每行一个词（可重复）。")
ConfigOpt = typer.Option(None, "--config", help="配置文件（proofread.toml 或 pyproject.toml）；默认向上查找。")


@app.command()
def check(
    paths: list[str] | None = PathsArg,
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", help="输出格式：text、json、jsonl、csv、html（网站报告）。"
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format",
        help="输入格式：auto（按扩展名和内容判断）、text、html、warc（含 .warc.gz）、jsonl（每行一个页面）。",
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="并行检查的工作进程数（默认：全部 CPU 核）。"),
    url_field: str | None = typer.Option(None, "--url-field", help="JSONL 中存放页面地址的字段名（默认 url）。"),
    html_field: str | None = typer.Option(None, "--html-field", help="JSONL 中存放 HTML 的字段名（默认 html）。"),
    text_field: str | None = typer.Option(None, "--text-field", help="JSONL 中存放纯文本的字段名（默认 text）。"),
    output: Path | None = typer.Option(None, "--output", "-o", help="把报告写入该文件（默认写到标准输出）。"),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="达到该严重程度即以退出码 1 结束：error（默认）、warning、info、never。"
    ),
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    dicts: list[Path] | None = DictOpt,
    allow: list[Path] | None = AllowOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """检查文件、目录（含网站镜像）、WARC、JSONL 或标准输入中的错别字、敏感词和不规范表述。

    退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法或输入错误。
    """
    proof, cfg, kwargs = _build(config, select, ignore, dicts, allow)
    threshold = fail_on.value if fail_on else cfg.fail_on
    from . import scan

    # Site dumps, and any run that writes its report to a file (-o), go through the page scan.
    if output is not None or scan.wants_page_scan(paths, input_format.value, output_format.value, jobs):
        raise typer.Exit(_scan_pages(paths, kwargs, proof, input_format, output_format, jobs,
                                     (url_field, html_field, text_field), output, threshold))
    colour = output_format is OutputFormat.text and sys.stdout.isatty()
    counts = {s: 0 for s in ("error", "warning", "info")}
    failed = at_threshold = n = 0
    files, errors, out = [], [], sys.stdout
    from .report.json import dumps_json, dumps_jsonl, finding_records
    from .report.text import format_text, summary_line

    for name, text in _inputs(paths):
        n += 1
        if isinstance(text, InputError):
            failed += 1
            _err(f"proofread: {text}")
            errors.append({"path": name, "error": str(text)})
            continue
        findings = proof.check(text)
        for f in findings:
            counts[f.severity] += 1
            at_threshold += at_least(f.severity, threshold)
        if output_format is OutputFormat.text:
            out.write(format_text(name, text, findings, colour))
        elif output_format is OutputFormat.jsonl:
            out.write(dumps_jsonl(finding_records(name, text, findings)))
        else:
            files.append({"path": name, "findings": finding_records(name, text, findings)})
        out.flush()
    if output_format is OutputFormat.json:
        out.write(dumps_json(files, errors, counts))
    elif output_format is OutputFormat.text:
        _err(summary_line(n, counts, failed))
    if failed:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if at_threshold and threshold != "never" else EXIT_OK)


def _same(proof: Proofreader) -> Proofreader:
    return proof


class _Reuse:
    """Factory that hands out an existing Proofreader in this process and pickles as its
    arguments, so a spawned worker builds its own."""

    def __init__(self, proof: Proofreader, kwargs: dict):
        self.proof = proof
        self.kwargs = kwargs

    def __call__(self) -> Proofreader:
        return self.proof if self.proof is not None else Proofreader(**self.kwargs)

    def __getstate__(self) -> dict:
        return {"proof": None, "kwargs": self.kwargs}


def _scan_pages(paths, kwargs, proof, input_format, output_format, jobs, fields, output, threshold) -> int:
    """Site dumps (HTML, WARC, JSONL, folders): the streaming page scan in proofread.scan."""
    import contextlib
    from functools import partial

    from . import scan
    from .sources.dump import JsonlFields

    names = JsonlFields()
    url_f, html_f, text_f = fields
    names = JsonlFields(
        url=(url_f,) if url_f else names.url, html=(html_f,) if html_f else names.html,
        text=(text_f,) if text_f else names.text,
    )
    # The proofreader built above is reused (forked workers inherit it); workers started by
    # spawn/forkserver rebuild it from the same arguments.
    factory = partial(_same, proof) if jobs == 1 else _Reuse(proof, kwargs)
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        except OSError as exc:
            _err(f"proofread: {output}: 无法写入：{exc.strerror or exc}")
            return EXIT_USAGE
        colour = output_format is OutputFormat.text and out.isatty()
        return scan.run(paths, factory, input_format=input_format.value, output_format=output_format.value,
                        jobs=jobs, fields=names, out=out, colour=colour, fail_on=threshold)


@app.command()
def fix(
    paths: list[str] | None = PathsArg,
    write: bool = typer.Option(False, "--write", help="直接改写文件（默认把改正后的文本打印到标准输出）。"),
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    dicts: list[Path] | None = DictOpt,
    allow: list[Path] | None = AllowOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """只采用标记为“可安全自动修改”的建议，输出改正后的文本（或用 --write 改写文件）。"""
    proof, _, _ = _build(config, select, ignore, dicts, allow)
    from .sources.text import read_text_file

    failed = 0
    for name, text in _inputs(paths):
        if isinstance(text, InputError):
            failed += 1
            _err(f"proofread: {text}")
            continue
        fixed = apply_fixes(text, proof.check(text))
        if write and name != "<stdin>":
            if fixed != text:
                enc = read_text_file(name).encoding
                Path(name).write_bytes(fixed.encode("utf-8-sig" if enc == "utf-8-sig" else enc))
                _err(f"已改写 {name}")
        else:
            sys.stdout.write(fixed)
    raise typer.Exit(EXIT_USAGE if failed else EXIT_OK)


@app.command()
def rules(
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="输出格式：text 或 json。"),
    select: list[str] | None = SelectOpt,
    ignore: list[str] | None = IgnoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """列出所有规则：编号、类别、严重程度、是否默认启用、说明。"""
    proof, _, _ = _build(config, select, ignore, None, None)
    items = proof.rules()
    if output_format is not OutputFormat.text:
        import json

        rows = [
            {"id": r.id, "category": r.category, "severity": r.severity, "title": r.title, "doc": r.doc,
             "enabled": proof.rule_enabled(r), "fixable": r.fixable, "examples": list(r.examples)}
            for r in items
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in items:
        state = "启用" if proof.rule_enabled(r) else "未启用"
        typer.echo(f"{r.id}  [{r.category}/{r.severity}/{state}]  {r.title}")
        for line in (r.doc or "").splitlines():
            typer.echo(f"    {line}")
        for ex in r.examples:
            typer.echo(f"    例：{ex}")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `proofread check big.txt | head` must not print a traceback
        sys.stderr.close()
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
