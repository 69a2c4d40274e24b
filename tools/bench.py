"""`make bench`: each page type under load, served as in production, against a bare Django view.

gunicorn (2 sync workers, production settings) on 127.0.0.1, wrk (2 threads, 8 connections).
SQLite always; PostgreSQL too when DATABASE_URL names one (the Makefile starts one when it can).

The speed of a shared machine drifts by a third within minutes (a neighbour's load): each row is
measured in rounds, each round the bare view then the page, and compared with the bare view of
its own round. The row's share is the median of its rounds'.
"""

import json
import os
import statistics

# Runs manage.py, gunicorn and wrk, fixed commands.
import subprocess  # nosec B404
import sys
import time
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DURATION = os.environ.get("BENCH_SECONDS", "4")  # per round
BARE_DURATION = os.environ.get("BENCH_BARE_SECONDS", "2")  # the bare view's, before each round
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
BARE = "bare Django view, no middleware"
BARE_PORT = PORT + 1
ROWS = [
    ("bare Django view, all middleware", "/health/alive/", False),
    ("home", "/en/", False),
    ("strategy", "/en/task-forces/", False),
    ("goal", "/en/task-forces/goal-a/", False),
    ("objective", "/en/task-forces/goal-a/a1/", False),
    ("objective (Arabic)", "/ar/task-forces/goal-c/c3/", False),
    ("search", "/en/search/?query=carbon", False),
    ("strategy, logged in", "/en/task-forces/", True),
    ("goal, logged in", "/en/task-forces/goal-a/", True),
    ("objective, logged in", "/en/task-forces/goal-a/a1/", True),
    ("objective (Arabic), logged in", "/ar/task-forces/goal-c/c3/", True),
    ("search, logged in", "/en/search/?query=carbon", True),
    ("join form, step 1 (logged in)", "/en/join/a1/role/", True),
]
# In the server's settings and process, nine times per page type: the page's first render after
# its publish (the search page's, after the strategy page's), as an editor's change leaves the
# caches; then after every cache was emptied, as a restart of Redis would. Server time, and the
# process's CPU time, which a busy neighbour on the machine moves less.
COLD_RENDERS = """
import json, os, statistics, time
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

client = Client(HTTP_HOST="127.0.0.1")
live = {page.url: page for page in Page.objects.live().specific() if page.url}


def first_render(path, before):  # milliseconds of server time, and of this process's CPU
    before()
    started, cpu = time.perf_counter(), time.process_time()
    client.get(path)
    return 1000 * (time.perf_counter() - started), 1000 * (time.process_time() - cpu)


times = {}
for name, path in json.loads(os.environ["BENCH_PAGES"]):
    page = live.get(path.split("?")[0], live["/en/task-forces/"])
    client.get(path)
    runs = {
        "publish": [first_render(path, page.save_revision().publish) for _ in range(9)],
        "emptied": [first_render(path, cache.clear) for _ in range(9)],
    }
    times[name] = {
        kind: (
            statistics.median(ms for ms, cpu in run),
            max(ms for ms, cpu in run),
            statistics.median(cpu for ms, cpu in run),
        )
        for kind, run in runs.items()
    }
print(json.dumps(times))
"""
LOGIN_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
from django.conf import settings
from taskforce_forms.models import Profile
user, _ = get_user_model().objects.get_or_create(
    username="bench", defaults={"email": "bench@example.org"}
)
Profile.objects.get_or_create(user=user)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def environment(database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "PAGE_CACHE_GENERATION_FILE": str(ROOT / "var" / "bench-page-cache-generation"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *arguments):
    # Fixed command, no shell.
    result = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def prepare_site(env):
    """A database with the strategy's pages in six languages, and the static files."""
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--clear")
    manage(env, "load_strategy")


def prepare(env):
    prepare_site(env)
    return manage(env, "shell", "-c", LOGIN_SESSION).splitlines()[-1]


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            # Only http://127.0.0.1.
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  # nosec B310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url}")


@contextmanager
def gunicorn(env, *options, port=PORT, app="cms.wsgi", ready="/health/"):
    """gunicorn serving `app` on 127.0.0.1 until the block ends; yields its base URL."""
    # Fixed command, no shell.
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [GUNICORN, *options, "-b", f"127.0.0.1:{port}", "--log-level", "warning", app],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + ready)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def worker(env):
    """The task worker beside the app servers, as in production: it sends the e-mails."""
    # Fixed command, no shell.
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.2", "-v", "0"],
        cwd=ROOT,
        env=env,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url, cookies=None, duration=DURATION):
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "-s", str(ROOT / "tools" / "wrk_json.lua")]
    if cookies:
        command += ["-H", f"Cookie: {cookie_header(cookies)}"]
    # Fixed command, no shell.
    output = subprocess.run(  # noqa: S603  # nosec B603
        [*command, url], check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return {
        "rps": result["rps"],
        "p50": result["lat_ms"]["p50"],
        "p99": result["lat_ms"]["p99"],
        "non_2xx": result["errors"]["status"],
    }


def bench(database_label, database_url):
    env = environment(database_url)
    session = prepare(env)
    bare_app = "--pythonpath", "tools", "-w", "2"
    with (
        gunicorn(env, *bare_app, port=BARE_PORT, app="bare_wsgi:application", ready="/") as bare,
        gunicorn(env, "-w", "2") as base,
    ):
        rows = [
            (name, against_bare(bare, base, path, session if logged_in else None))
            for name, path, logged_in in ROWS
        ]
    print_table(database_label, rows)
    print_cold_renders(env)


def against_bare(bare, base, path, session=None):
    """The page's figures over ROUNDS rounds, each after the bare view's, and its share of it."""
    warm_up(bare, "/")
    cookies = warm_up(base, path, session)
    rounds = [
        (wrk(bare + "/", duration=BARE_DURATION), wrk(base + path, cookies))
        for _round in range(ROUNDS)
    ]
    return {
        "bare_rps": statistics.median(bare_round["rps"] for bare_round, _page in rounds),
        "rps": statistics.median(page["rps"] for _bare, page in rounds),
        "p50": statistics.median(page["p50"] for _bare, page in rounds),
        "p99": max(page["p99"] for _bare, page in rounds),
        "non_2xx": sum(page["non_2xx"] for _bare, page in rounds),
        "share": statistics.median(page["rps"] / bare_round["rps"] for bare_round, page in rounds),
    }


def warm_up(base, path, session=None):
    """Three requests that warm the workers up; the cookies a signed-in visitor then sends. Like
    a browser, it sends back the cookies the site sets: the CSRF cookie, which a visitor
    without it is given anew on every page."""
    cookies = {"sessionid": session} if session else {}
    for _warm in range(3):
        # Only http://127.0.0.1.
        request = urllib.request.Request(base + path)  # noqa: S310  # nosec B310
        if cookies:
            request.add_header("Cookie", cookie_header(cookies))
        # Only http://127.0.0.1.
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  # nosec B310
            response.read()
            if session:
                cookies.update(cookies_set(response))
    return cookies


def cookies_set(response):
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def print_cold_renders(env):
    """Server time of each page type's first render after a publish, and with every cache
    emptied."""
    pages = [(name, path) for name, path, logged_in in ROWS if not logged_in and path != "/"]
    pages = [(name, path) for name, path in pages if not path.startswith("/health/")]
    times = json.loads(
        manage({**env, "BENCH_PAGES": json.dumps(pages)}, "shell", "-c", COLD_RENDERS).splitlines()[
            -1
        ]
    )
    print(
        f"\n| {'first render (ms, median of 9)':<34} | {'after a publish':>15} | {'max':>6} | "
        f"{'CPU':>6} | {'caches emptied':>14} | {'max':>6} | {'CPU':>6} |"
    )
    print(f"|{'-' * 36}|{'-' * 17}|{'-' * 8}|{'-' * 8}|{'-' * 16}|{'-' * 8}|{'-' * 8}|")
    for name, kinds in times.items():
        (published, published_max, published_cpu) = kinds["publish"]
        (emptied, emptied_max, emptied_cpu) = kinds["emptied"]
        print(
            f"| {name:<34} | {published:>15.1f} | {published_max:>6.1f} | {published_cpu:>6.1f} | "
            f"{emptied:>14.1f} | {emptied_max:>6.1f} | {emptied_cpu:>6.1f} |"
        )


def print_table(database_label, rows):
    print(
        f"\n{database_label}: gunicorn 2 sync workers, wrk -t2 -c8, {ROUNDS} rounds of "
        f"{DURATION} s per row, each after {BARE_DURATION} s of the {BARE}"
    )
    print(
        f"| {'page':<34} | {'requests/s':>10} | {'p50 ms':>7} | {'p99 ms':>7} | "
        f"{'non-2xx':>7} | {'bare req/s':>10} | {'vs bare':>7} |"
    )
    print(f"|{'-' * 36}|{'-' * 12}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 12}|{'-' * 9}|")
    for name, result in rows:
        print(
            f"| {name:<34} | {result['rps']:>10.0f} | {result['p50']:>7.2f} | "
            f"{result['p99']:>7.2f} | {result['non_2xx']:>7} | {result['bare_rps']:>10.0f} | "
            f"{result['share']:>7.0%} |"
        )


def main():
    bench("SQLite", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    if postgres:
        bench("PostgreSQL", postgres)
    else:
        print("\nPostgreSQL: skipped (no BENCH_POSTGRES_URL; `make bench` starts one when root)")


if __name__ == "__main__":
    sys.exit(main())
