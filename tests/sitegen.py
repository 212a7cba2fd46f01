"""Small generated sites for tests: benchmarks/make_dump.py's pages with our own paragraphs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Written for the tests (not corpus text): plain official-style sentences.
PARAGRAPHS = [
    "为进一步做好政务公开工作，提高政府信息公开质量，现将有关事项通知如下。",
    "各区县人民政府、市政府各部门要高度重视，明确责任分工，确保各项任务落到实处。",
    "坚持以人民为中心的发展思想，持续优化营商环境，推动经济社会高质量发展。",
    "本办法自发布之日起施行，由市人民政府办公室负责解释。",
    "加强安全生产监督管理，防范化解重大风险，保障人民群众生命财产安全。",
    "深入推进依法行政，全面建设法治政府，提升行政执法规范化水平。",
    "统筹做好就业、教育、医疗、养老等民生保障工作，增进民生福祉。",
    "严格落实生态环境保护责任制，持续改善空气和水环境质量。",
    "各单位要按照职责分工，认真组织实施，及时报送工作进展情况。",
    "进一步规范财政资金管理，提高资金使用效益，自觉接受社会监督。",
    "优化政务服务流程，推行一网通办，让数据多跑路、群众少跑腿。",
    "做好防汛抗旱和防灾减灾工作，完善应急预案，加强应急演练。",
]


def make_dump_module():
    spec = importlib.util.spec_from_file_location("make_dump", ROOT / "benchmarks" / "make_dump.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pages(n: int, seed: int = 7) -> list[tuple[str, str, str, list]]:
    """``n`` generated pages: (url, html, encoding, injected errors)."""
    maker = make_dump_module().PageMaker(seed, PARAGRAPHS)
    return [maker.page(i) for i in range(n)]


def write_dump(out: Path, size_mb: float = 0.3, seed: int = 7) -> dict:
    """The same pages as a folder, a WARC.gz and a JSONL under ``out`` (see make_dump.generate)."""
    return make_dump_module().generate(out, size_mb, seed, {"folder", "warc", "jsonl"}, PARAGRAPHS)


class Crashy:
    """A proofreader stand-in for worker-failure tests (picklable, importable by workers).

    ``崩溃`` in a page kills the worker every time; ``闪退`` kills it once (a flag file
    records it), as when an operator or the OOM killer ends a worker; ``异常`` raises.
    """

    def __init__(self, flag: str = ""):
        self.flag = flag

    def check(self, text):
        import os
        import signal

        from proofread.finding import Finding

        if "崩溃" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "闪退" in text and self.flag and not os.path.exists(self.flag):
            open(self.flag, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        if "异常" in text:
            raise RuntimeError("测试异常")
        i = text.find("页")
        return [Finding(i, i + 1, "页", "typo", "test.page", "info", "页")] if i >= 0 else []
