"""How well and how fast the Stap 3 personal-data detector works, over the labelled case set.

Prints the one-off cost of a fresh process (importing the detector, building deduce's
annotators on first use: seconds and resident memory), precision and recall per kind over
tests/unit/privacy_cases.py, and the time per 1,000 texts: the labelled cases as they are, and
cases at the form's 2,000-character limit. With --stock-deduce it also loads `deduce.Deduce()`
as the package ships it, for the comparison in the detector's docstring; the first time after
an install that builds deduce's lookup cache (a minute or more) inside site-packages. It prints
figures and asserts nothing.

    .venv/bin/python bench/privacy.py --rounds 5
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def ms_per_thousand(call, texts: list[str], rounds: int, before_round=lambda: None) -> float:
    """Median over `rounds` of the time to call `call` on every text, scaled to 1,000 texts."""
    times = []
    for _ in range(rounds):
        before_round()
        times.append(timed(lambda: [call(text) for text in texts])[0])
    return statistics.median(times) / len(texts) * 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds (median shown)")
    parser.add_argument("--stock-deduce", action="store_true", help="also load deduce.Deduce()")
    args = parser.parse_args()

    before = resident_mb()
    import_seconds, privacy = timed(lambda: importlib.import_module("game.practice.privacy"))
    imported = resident_mb()
    build_seconds, _ = timed(privacy._deduce)
    built = resident_mb()
    print("one-off, in a fresh process:")
    print(f"  import the detector (phonenumbers, stdnum)  {import_seconds:5.2f} s ", end="")
    print(f"{imported - before:+4.0f} MB")
    print(f"  build deduce's annotators (at first use)    {build_seconds:5.2f} s ", end="")
    print(f"{built - imported:+4.0f} MB")

    from tests.unit.privacy_cases import CASES, DIRECT_IDENTIFIERS, TODAY, score, total

    def find(text: str):
        return privacy.find_personal_data(text, today=TODAY)

    tallies, mistakes = score(find)
    print(f"\nlabelled set: {len(CASES)} cases, {sum(not c.expected for c in CASES)} traps only")
    print(f"{'kind':<16} {'labelled':>8} {'found':>6} {'precision':>10} {'recall':>7}")
    rows = [(kind, tallies[kind]) for kind in privacy.KINDS if kind in tallies]
    rows += [("direct ids", total(tallies, DIRECT_IDENTIFIERS)), ("all", total(tallies))]
    for kind, tally in rows:
        print(
            f"{kind:<16} {tally.labelled:>8} {tally.found:>6} "
            f"{tally.precision:>10.3f} {tally.recall:>7.3f}"
        )
    for mistake in mistakes:
        print(f"  {mistake}")

    texts = [case.text for case in CASES]
    long_texts = [(" ".join(texts[i:] + texts[:i]))[:2000] for i in range(len(texts))]
    print(f"\n{'texts (each new to the cache)':<30} {'chars':>6} {'ms per 1,000 texts':>19}")
    for label, batch in (("labelled cases", texts), ("cases of 2,000 characters", long_texts)):
        per_thousand = ms_per_thousand(find, batch, args.rounds, privacy._findings.cache_clear)
        chars = statistics.mean(len(text) for text in batch)
        print(f"{label:<30} {chars:>6.0f} {per_thousand:>19.0f}")

    if args.stock_deduce:
        import deduce

        loaded = resident_mb()
        load_seconds, stock = timed(deduce.Deduce)
        per_thousand = ms_per_thousand(stock.deidentify, texts, args.rounds)
        print(f"\nstock deduce.Deduce(): load {load_seconds:.2f} s, ", end="")
        print(f"{resident_mb() - loaded:+.0f} MB, {per_thousand:.0f} ms per 1,000 labelled cases")


if __name__ == "__main__":
    main()
