"""`make scan`: Debian's wapiti against the site served as in production, as a visitor and
logged in as the demo user `member`.

gunicorn (production settings, HTTPS with a certificate made for the run) on 127.0.0.1 serves
a copy of var/db.sqlite3 (`make content`), so what the scanner posts never reaches it. In each
run the crawl stops after SCAN_SECONDS and each attack module after an eighth of that. wapiti's
reports and output, and the server's logs, go to var/scan/. Prints the findings per module and
the server's answers by status; fails on a server error (500)."""

import json
import os
import re
import sqlite3
import ssl

# Runs openssl, gunicorn and wapiti, fixed commands.
import subprocess  # nosec B404
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from contextlib import contextmanager
from http.cookiejar import CookieJar

from bench import GUNICORN, ROOT, environment, manage

SCAN_DIR = ROOT / "var" / "scan"
SITE_DATABASE = ROOT / "var" / "db.sqlite3"
PORT = int(os.environ.get("SCAN_PORT", "8767"))
SECONDS = os.environ.get("SCAN_SECONDS", "360")
MODULES = os.environ.get(
    "SCAN_MODULES",
    "exec,file,sql,xss,permanentxss,redirect,crlf,methods:get,http_headers,csp,cookieflags",
)
MEMBER = ("member", "demo-4p1000")  # seed_demo's demo user
OPENSSL = "/usr/bin/openssl"
# Debian's wapiti, through a fix for its URL exclusions (tools/wapiti_run.py).
WAPITI = ["/usr/bin/python3", str(ROOT / "tools" / "wapiti_run.py")]
CERTIFICATE, KEY = SCAN_DIR / "localhost.pem", SCAN_DIR / "localhost-key.pem"
ACCESS_LOG = SCAN_DIR / "access.log"
INTERESTING_METHODS = re.compile(r"Interesting methods allowed on (\S+): (.+)")
STATUS = re.compile(r'^\S+ \S+ \S+ \[[^]]+\] "([A-Z]+) [^"]*" (\d{3}) ', re.MULTILINE)


def database_copy():
    """A copy of the demo database; the backup API copies what the write-ahead log holds too."""
    copy = SCAN_DIR / "db.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        copy.with_name(copy.name + suffix).unlink(missing_ok=True)
    with sqlite3.connect(SITE_DATABASE) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return f"sqlite:///{copy}"


def certificate():
    """A self-signed certificate for 127.0.0.1: the site runs over HTTPS, as in production."""
    # Fixed command, no shell.
    subprocess.run(  # noqa: S603  # nosec B603
        [
            OPENSSL,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(KEY),
            "-out",
            str(CERTIFICATE),
        ],
        check=True,
        capture_output=True,
    )
    return ssl.create_default_context(cafile=str(CERTIFICATE))


@contextmanager
def serving(env, context, log):
    """gunicorn over HTTPS until the block ends; yields its base URL."""
    # Fixed command, no shell.
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            GUNICORN,
            "-w",
            "2",
            "--threads",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--certfile",
            str(CERTIFICATE),
            "--keyfile",
            str(KEY),
            "--access-logfile",
            str(ACCESS_LOG),
            "cms.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"https://127.0.0.1:{PORT}"
    deadline = time.monotonic() + 30
    while True:
        try:
            # Only https://127.0.0.1.
            urllib.request.urlopen(  # noqa: S310  # nosec B310
                base + "/health/", timeout=2, context=context
            ).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.terminate()
                raise SystemExit("gunicorn did not answer") from None
            time.sleep(0.3)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def log_in(base, context, username, password):
    """The cookies of a session logged in through the login form, in wapiti's format."""
    jar = CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar)
    )
    login = base + "/en/accounts/login/"
    html = opener.open(login).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    # Only https://127.0.0.1.
    request = urllib.request.Request(login, data, headers={"Referer": login})  # noqa: S310  # nosec B310
    opener.open(request).read()
    cookies = {cookie.name: cookie for cookie in jar}
    if "sessionid" not in cookies:
        raise SystemExit(f"could not log in as {username}")
    return {
        "127.0.0.1": {
            "/": {
                name: {
                    "value": c.value,
                    "expires": c.expires,
                    "secure": c.secure,
                    "port": None,
                    "version": 0,
                }
                for name, c in cookies.items()
            }
        }
    }


def wapiti(base, label, cookies=None):
    """wapiti's JSON report and what its `methods` module printed."""
    report = SCAN_DIR / f"{label}.json"
    command = [
        *WAPITI,
        "-u",
        base + "/",
        "--scope",
        "domain",
        "-m",
        MODULES,
        "--max-scan-time",
        SECONDS,
        "--max-attack-time",
        str(int(SECONDS) // 8),
        "-x",
        base + "/admin/*",
        "-x",
        base + "/*/accounts/logout/",
        "--flush-session",
        "--store-session",
        str(SCAN_DIR / f"{label}-session"),
        "-f",
        "json",
        "-o",
        str(report),
        "--no-bugreport",
        "-v",
        "1",
    ]
    if cookies:
        cookie_file = SCAN_DIR / f"{label}-cookies.json"
        cookie_file.write_text(json.dumps(cookies))
        command += ["-c", str(cookie_file)]
    # Fixed command, no shell.
    output = subprocess.run(  # noqa: S603  # nosec B603
        command, cwd=SCAN_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ).stdout
    (SCAN_DIR / f"{label}.txt").write_text(output)
    return json.loads(report.read_text()), INTERESTING_METHODS.findall(output)


def answers(log):
    """How many requests the server answered, by status, from gunicorn's access log."""
    statuses = Counter(status for _method, status in STATUS.findall(log))
    return f"{sum(statuses.values())} requests: " + ", ".join(
        f"{count} × {status}" for status, count in sorted(statuses.items())
    )


def summary(label, report, methods, log):
    print(f"\n{label}: {answers(log)}")
    for section in ("vulnerabilities", "anomalies"):
        for category, findings in sorted(report.get(section, {}).items()):
            if findings:
                print(f"  {len(findings):4} {category}")
                for finding in findings[:5]:
                    print(
                        f"         {finding['method']} {finding['path']}: {finding['info'][:150]}"
                    )
    for path, allowed in methods:
        print(f"       methods: {path} allows {allowed}")


def main():
    SCAN_DIR.mkdir(parents=True, exist_ok=True)
    env = {
        **environment(database_copy()),
        "SECURE_SSL_REDIRECT": "true",
        "STATIC_ROOT": str(SCAN_DIR / "static"),
        "PAGE_CACHE_GENERATION_FILE": str(SCAN_DIR / "page-cache-generation"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--clear")
    context = certificate()
    server_log = SCAN_DIR / "server.log"
    with server_log.open("w") as log, serving(env, context, log) as base:
        runs = [("anonymous", None), ("member", log_in(base, context, *MEMBER))]
        for label, cookies in runs:
            start = ACCESS_LOG.stat().st_size
            report, methods = wapiti(base, label, cookies)
            with ACCESS_LOG.open() as access:
                access.seek(start)
                summary(label, report, methods, access.read())
    errors = Counter(re.findall(r"Internal Server Error: (\S+)", server_log.read_text()))
    print(f"\nServer errors (500) in {server_log.relative_to(ROOT)}: {sum(errors.values())}")
    for path, count in errors.most_common():
        print(f"  {count:4} {path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
