"""Check text extraction on real HTML files: same text as an HTML5 parser, exact source positions.

    python benchmarks/check_extraction.py DIR [DIR ...] [--limit 600]

For every *.html / *.htm file (UTF-8 or with a detectable charset):

1. the extracted text (image alt text left out) equals selectolax/lexbor's text of the same page with
   script/style/noscript/template removed — compared on the sequence of CJK runs and ASCII words, so
   separators and whitespace do not count;
2. every extracted character maps back to the same character in the decoded source, or to a character
   reference (``&amp;``, ``&#x4E2D;`` …) that decodes to it.

Prints the files that differ (first difference in context) and a summary line.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofread.errors import InputError
from proofread.sources.html_text import extract
from proofread.sources.page import decode_html

WORDS = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")


def reference_text(src: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(src)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    return "".join(WORDS.findall(tree.root.text(separator=" ") if tree.root else ""))


def check_file(path: Path) -> tuple[bool, bool, int, str]:
    """(text agrees, positions exact, characters checked, detail)."""
    src, _ = decode_html(path.read_bytes(), str(path))
    pt = extract(src)
    ours = "".join(WORDS.findall("\n".join(pt.text[b.start : b.end] for b in pt.blocks if b.tag != "img")))
    expected = reference_text(src)
    detail = ""
    same = ours == expected
    if not same:
        i = next((k for k, (a, b) in enumerate(zip(expected, ours)) if a != b), min(len(expected), len(ours)))
        detail = f"text differs at {i}: parser …{expected[max(0, i - 30) : i + 30]}… ours …{ours[max(0, i - 30) : i + 30]}…"
    exact = True
    n = 0
    for i, ch in enumerate(pt.text):
        if ch in " \n":
            continue
        a, b = pt.source_span(i, i + 1)
        piece = pt.source[a:b]
        n += 1
        if piece != ch and not (piece.startswith("&") and ch in html.unescape(piece)):
            exact = False
            detail += f" position of text[{i}]={ch!r} maps to {piece!r}"
            break
    return same, exact, n, detail


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="check a seeded random sample of this many files")
    a = ap.parse_args(argv)
    files = sorted(f for d in a.dirs for f in d.rglob("*") if f.suffix.lower() in (".html", ".htm") and f.is_file())
    if a.limit and len(files) > a.limit:
        files = random.Random(1).sample(files, a.limit)
    ok_text = ok_pos = chars = failed = 0
    for f in files:
        try:
            same, exact, n, detail = check_file(f)
        except InputError as exc:
            failed += 1
            print(f"unreadable: {exc}")
            continue
        ok_text += same
        ok_pos += exact
        chars += n
        if detail:
            print(f"{f}: {detail}")
    print(f"{len(files)} files: text agrees on {ok_text}, positions exact on {ok_pos}, "
          f"{chars} characters checked, {failed} unreadable")
    return 0 if ok_text == ok_pos == len(files) - failed else 1


if __name__ == "__main__":
    sys.exit(main())
