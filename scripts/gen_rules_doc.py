"""Write docs/rules.md from the rules the default Proofreader knows.

Run: python scripts/gen_rules_doc.py          (rewrites docs/rules.md)
     python scripts/gen_rules_doc.py --check  (exit 1 when docs/rules.md is stale; used by tests)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from proofread import Proofreader
    from proofread.finding import CATEGORIES

    p = Proofreader()
    rules = p.rules()
    counts = {rid: info.count for rid, info in p.dictionary_rules.items()}
    lines = [
        "# 规则说明 (rules reference)",
        "",
        "本文件由 `python scripts/gen_rules_doc.py` 生成，请勿手工修改；`proofread rules` 显示相同内容。",
        "规则编号稳定，不会改变含义。`--select`/`--ignore` 可以用类别名、规则编号或以点分隔的编号前缀。",
        "",
        "| 类别 | 中文 |",
        "|---|---|",
        *[f"| `{c}` | {zh} |" for c, zh in CATEGORIES.items()],
        "",
    ]
    for cat in CATEGORIES:
        in_cat = [r for r in rules if r.category == cat]
        if not in_cat:
            continue
        lines += [f"## {cat}：{CATEGORIES[cat]}", ""]
        for r in in_cat:
            state = "默认启用" if r.default_enabled else "默认不启用（用 --select 选中）"
            n = f"，词条 {counts[r.id]} 条" if r.id in counts else ""
            lines += [f"### `{r.id}` — {r.title}", "", f"严重程度 `{r.severity}`，{state}{n}。", ""]
            if r.doc:
                lines += [r.doc, ""]
            for ex in r.examples:
                lines += [f"- 例：{ex}"]
            if r.examples:
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/rules.md 已过期：请运行 python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
