"""`make lighthouse`: Lighthouse's scores for the home, strategy and objective pages, in English
and Arabic, served as in production.

gunicorn (production settings, plain HTTP on 127.0.0.1, a free port) serves a copy of
var/db.sqlite3, or, on a fresh machine, a database built with `load_strategy`; Lighthouse
(var/tools, Debian's Chromium, its mobile defaults) audits each page. Exits 1 when a category
is below its minimum: MIN_A11Y, MIN_BP and MIN_SEO (100 unless set), MIN_PERF (0).

    tools/lighthouse.py                      the six pages
    tools/lighthouse.py /en/ /ar/task-forces/goal-c/c3/
"""

import json
import os
import re
import socket
import sqlite3

# Runs the Lighthouse command line, a fixed command.
import subprocess  # nosec B404
import sys
import time
from contextlib import closing
from pathlib import Path

from bench import ROOT, gunicorn, manage
from bench import environment as bench_environment

LIGHTHOUSE = ROOT / "var" / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking"
)
WORK_DIR = ROOT / "var" / "lighthouse"
SITE_DATABASE = ROOT / "var" / "db.sqlite3"
PAGES = [
    "/en/",
    "/ar/",
    "/en/task-forces/",
    "/ar/task-forces/",
    "/en/task-forces/goal-c/c3/",
    "/ar/task-forces/goal-c/c3/",
]
CATEGORIES = {
    "performance": "MIN_PERF",
    "accessibility": "MIN_A11Y",
    "best-practices": "MIN_BP",
    "seo": "MIN_SEO",
}
DEFAULT_MINIMUM = {"performance": 0}


def minimums():
    return {
        category: int(os.environ.get(variable, DEFAULT_MINIMUM.get(category, 100)))
        for category, variable in CATEGORIES.items()
    }


def database_copy():
    """A copy of the demo database (`make content`), or a new file when there is none."""
    copy = WORK_DIR / "db.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        copy.with_name(copy.name + suffix).unlink(missing_ok=True)
    if SITE_DATABASE.exists():
        # The backup API copies what the write-ahead log holds too.
        source, target = sqlite3.connect(SITE_DATABASE), sqlite3.connect(copy)
        with closing(source), closing(target):
            source.backup(target)
    return copy


def holds_strategy(copy):
    with closing(sqlite3.connect(copy)) as database:
        (pages,) = database.execute("SELECT count(*) FROM strategy_pages_strategypage").fetchone()
    return pages > 0


def prepare(env, copy):
    """The site as a deployment leaves it: schema up to date, static files collected; the
    strategy is loaded when the copy holds none. var/db.sqlite3 may exist and be empty: on a
    fresh clone `makemigrations --check` (`make lint`) creates the file."""
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--clear")
    if not holds_strategy(copy):
        manage(env, "load_strategy")


def environment(database_url):
    return {
        **bench_environment(database_url),
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "PAGE_CACHE_GENERATION_FILE": str(WORK_DIR / "page-cache-generation"),
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def audit(url, report, attempts=3):
    """Lighthouse's report on one URL, as a dict (also kept as report.html beside it).

    Lighthouse now and then fails to record a page load's trace on a busy machine ("NO_NAVSTART",
    "Please run Lighthouse again"): a run that fails so is tried again, up to `attempts` times."""
    for attempt in range(1, attempts + 1):
        try:
            return lighthouse(url, report)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"    Lighthouse failed on {url}; trying again ({attempt + 1}/{attempts})")


def lighthouse(url, report):
    # Fixed command, no shell.
    subprocess.run(  # noqa: S603  # nosec B603
        [
            LIGHTHOUSE,
            url,
            f"--chrome-flags={CHROMIUM_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output=html",
            f"--output-path={report}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    return json.loads(Path(f"{report}.report.json").read_text())


def scores(result):
    return {
        category: round(result["categories"][category]["score"] * 100) for category in CATEGORIES
    }


def lost_points(result, category):
    """The audits that cost the category points, by title."""
    audits = result["audits"]
    return [
        audits[ref["id"]]["title"]
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


def report_name(path):
    return re.sub(r"[^\w]+", "-", path).strip("-") or "root"


def run(paths):
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    copy = database_copy()
    env = environment(f"sqlite:///{copy}")
    prepare(env, copy)
    required = minimums()
    passed = True
    print(f"| {'page':<30} | " + " | ".join(f"{c:>14}" for c in CATEGORIES) + " |")
    with gunicorn(env, "-w", "2", port=free_port()) as base:
        for path in paths:
            started = time.monotonic()
            result = audit(base + path, WORK_DIR / report_name(path))
            page_scores = scores(result)
            print(
                f"| {path:<30} | "
                + " | ".join(f"{page_scores[c]:>14}" for c in CATEGORIES)
                + f" | {time.monotonic() - started:.0f} s"
            )
            for category, score in page_scores.items():
                if score < required[category]:
                    passed = False
                    lost = "; ".join(lost_points(result, category)) or "no audit named"
                    print(f"    {category} {score} < {required[category]}: {lost}")
    print(f"Reports: {WORK_DIR.relative_to(ROOT)}/*.report.html")
    return passed


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: `make lighthouse` installs it.")
    return 0 if run(sys.argv[1:] or PAGES) else 1


if __name__ == "__main__":
    sys.exit(main())
