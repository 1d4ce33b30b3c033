"""How long the outcome document takes to build for a realistic 40-person traject, per format.

Plays a 40-person traject through Stap 1 and 2 with `game.sample.populate` on a temporary SQLite
database, then times building the document model and rendering each format (best and median of
a few runs), and prints the sizes. It prints figures and asserts nothing.

    .venv/bin/python bench/document.py --runs 5
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="workshop.settings",
            VERTICAAL_VAR_DIR=workdir,
            SQLITE_PATH=str(Path(workdir) / "bench.sqlite3"),
            DEBUG="0",
        )
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command

        from game.core.models import Programme
        from game.core.services import create_traject
        from game.document.formats import FORMATS
        from game.document.model import build_document
        from game.sample import populate

        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_content", verbosity=0, stdout=io.StringIO())
        user = get_user_model().objects.create_user("bench")
        traject = create_traject(
            facilitator=user,
            gemeente="Gemeente Benchdam",
            title="Verticaal maatwerk leren",
            date=date(2026, 11, 23),
            programme=Programme.objects.get(key="verticaal"),
        )
        started = time.perf_counter()
        populate(traject)
        print(f"40-person traject played in {time.perf_counter() - started:.2f} s")

        def timed(call) -> tuple[list[float], object]:
            times, result = [], None
            for _ in range(args.runs):
                start = time.perf_counter()
                result = call()
                times.append((time.perf_counter() - start) * 1000)
            return times, result

        times, doc = timed(lambda: build_document(traject))
        print(f"{'format':<8} {'best ms':>9} {'median ms':>10} {'size':>10}")
        print(f"{'model':<8} {min(times):>9.1f} {statistics.median(times):>10.1f} {'':>10}")
        for extension, fmt in FORMATS.items():
            times, output = timed(lambda fmt=fmt: fmt.render(doc))
            size = len(output.encode() if isinstance(output, str) else output)
            print(
                f"{extension:<8} {min(times):>9.1f} {statistics.median(times):>10.1f} "
                f"{size / 1024:>8.1f} kB"
            )


if __name__ == "__main__":
    main()
