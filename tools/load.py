"""`make load`: 50 applicants complete the join form while anonymous visitors browse.

The site runs as in production (gunicorn, 4 workers of 2 threads, production settings, HTTPS
redirect on) on 127.0.0.1, as if behind its TLS proxy: every request says X-Forwarded-Proto:
https. Each applicant comes from an address of its own in 127.0.1.0/24, arrives within the first
30 seconds, logs in through the login form, walks every step of the join form in one of the six
languages for a Task Force and a role it may take (1 to 3 seconds on each step), and submits it;
every tenth one clicks Submit twice at once. Ten anonymous visitors browse home, strategy, goal
and objective pages and search in the six languages, a page every half second each, until the
last applicant is done. Every request, and so the whole run, ends by a hard deadline (120 s).

Fails (exit status 1) on any error — a 5xx, a connection error, an unexpected status or redirect,
a form shown again with its errors — and unless there is exactly one application per completed
form, with the answers sent. Prints the latency of the final step and of the anonymous pages, and
the requests per second. SQLite always; PostgreSQL too when LOAD_POSTGRES_URL names one.

Plain threads and `requests` (already installed: Wagtail depends on it) rather than locust: the
checks need the database after the run, and a fixed scenario needs no web UI or swarm control.
"""

import http.cookiejar
import json
import math
import os
import re
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from bench import ROOT, gunicorn, manage, prepare_site, worker
from bench import environment as bench_environment
from requests.adapters import HTTPAdapter

APPLICANTS = int(os.environ.get("LOAD_APPLICANTS", "50"))
VISITORS = int(os.environ.get("LOAD_VISITORS", "10"))
RAMP_SECONDS = float(os.environ.get("LOAD_RAMP", "30"))
VISITOR_PAUSE_SECONDS = float(os.environ.get("LOAD_VISITOR_PAUSE", "0.5"))
DEADLINE_SECONDS = float(os.environ.get("LOAD_DEADLINE", "120"))
WORKERS = os.environ.get("LOAD_WORKERS", "4")
THREADS = os.environ.get("LOAD_THREADS", "2")
PORT = int(os.environ.get("LOAD_PORT", "8766"))
LOAD_DIR = ROOT / "var" / "load"
# The load run's own throwaway accounts.
PASSWORD = "load-only-password-4p1000"  # noqa: S105  # nosec B105
USERNAME_PREFIX = "load-"

LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru"]
TASK_FORCES = [
    f"{goal}{number}"
    for goal, count in zip("ABCDEF", (6, 4, 4, 4, 3, 3), strict=True)
    for number in range(1, count + 1)
]
QUALIFICATIONS = {
    "en": "Twenty years of soil carbon research; I coordinate our regional network of soil labs.",
    "fr": "Vingt ans de recherche sur le carbone des sols ; je coordonne notre réseau régional.",
    "es": "Veinte años de investigación sobre el carbono del suelo; coordino nuestra red regional.",
    "ar": "عشرون عامًا من البحث في كربون التربة، وأنا أنسق شبكتنا الإقليمية لمختبرات التربة.",
    "zh-hans": "二十年土壤碳研究经验；我负责协调本地区的土壤实验室网络，"
    "并参与国家自主贡献的制定与实施；我们的团队在农田和草地土壤方面都有长期监测数据。",
    "ru": "Двадцать лет исследований углерода почв; я координирую региональную сеть лабораторий.",
}
SEARCHES = {
    "en": "soil carbon",
    "fr": "carbone",
    "es": "carbono",
    "ar": "التربة",
    "zh-hans": "土壤",
    "ru": "почв",
}
CONTRIBUTIONS = [["literature"], ["projects", "funding_search"], ["ongoing_activities", "other"]]
AVAILABILITIES = ["all", "most", "unsure"]
CANDIDACIES = ("leader", "regional_representative")
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REGION_CHOICE = re.compile(r'name="region-region" value="(\d+)"')


@dataclass(frozen=True)
class Applicant:
    """One applicant of the scenario: who they are, and what they apply for."""

    number: int

    @property
    def username(self):
        return f"{USERNAME_PREFIX}{self.number:03d}"

    @property
    def address(self):
        return f"127.0.1.{self.number}"

    @property
    def language(self):
        return LANGUAGES[self.number % len(LANGUAGES)]

    @property
    def task_force(self):
        return TASK_FORCES[(self.number - 1) % len(TASK_FORCES)].lower()

    @property
    def role(self):
        if self.number <= 5:
            return "leader"
        if self.number <= 10:
            return "regional_representative"
        return "team_member"

    @property
    def membership(self):
        """Leaders and Representatives need a partner organization; the Team Members come from
        partners, members, other organizations, or none."""
        if self.role in CANDIDACIES:
            return "partner"
        return ["member", "none", None, "partner"][self.number % 4]

    @property
    def organization(self):
        if self.membership is None:
            return None
        return f"Load {self.membership} organization {self.number % 3 + 1}"

    @property
    def double_clicks(self):
        return self.number % 10 == 0

    @property
    def arrival(self):
        """When this applicant opens the form, in seconds from the start: spread over the ramp."""
        return RAMP_SECONDS * (self.number - 1) / APPLICANTS

    def think(self, step_index):
        """Seconds spent reading and answering a step: 1 to 2.8, varied but repeatable."""
        return 1 + (self.number * 7 + step_index * 3) % 10 / 5

    def steps(self):
        middle = {
            "leader": ["qualification"],
            "regional_representative": ["region", "qualification"],
            "team_member": ["contribution"],
        }[self.role]
        return ["role", *middle, "review"]

    def answers(self, step, page):
        """What this applicant types on `step`, shown as `page`."""
        if step == "role":
            return {"role": self.role}
        if step == "region":
            regions = REGION_CHOICE.findall(page)
            return {"region": regions[self.number % len(regions)]} if regions else {}
        if step == "qualification":
            return {
                "qualification": f"{QUALIFICATIONS[self.language]} ({self.username})",
                "availability": AVAILABILITIES[self.number % len(AVAILABILITIES)],
            }
        if step == "contribution":
            return {
                "contributions": CONTRIBUTIONS[self.number % len(CONTRIBUTIONS)],
                "details": QUALIFICATIONS[self.language],
            }
        consents = {"consent_to_processing": "on"}
        if self.role in CANDIDACIES and self.number % 2:
            consents["consent_to_publication"] = "on"
        return consents


CREATE_APPLICANTS = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from taskforce_forms.models import Organization, Profile

User = get_user_model()
User.objects.filter(username__startswith=os.environ["LOAD_USERNAME_PREFIX"]).delete()
password = make_password(os.environ["LOAD_PASSWORD"])  # hashed once: it is the slow part
for applicant in json.loads(os.environ["LOAD_APPLICANTS"]):
    user = User.objects.create(
        username=applicant["username"],
        email=applicant["username"] + "@example.org",
        first_name="Applicant",
        last_name=applicant["username"],
        password=password,
    )
    organization = None
    if applicant["organization"]:
        organization, _ = Organization.objects.get_or_create(
            name=applicant["organization"],
            defaults={"membership_status": applicant["membership"]},
        )
    Profile.objects.create(user=user, organization=organization)
"""

UNSENT_MAILS = """
from taskforce_forms.models import OutgoingMail
mails = OutgoingMail.objects
print(mails.exclude(status=OutgoingMail.Status.SENT).count(), mails.count())
"""

STORED_APPLICATIONS = """
import json, os
from taskforce_forms.models import Application, JoinDraft

prefix = os.environ["LOAD_USERNAME_PREFIX"]
applications = Application.objects.filter(user__username__startswith=prefix)
print(json.dumps({
    "applications": [
        {
            "username": application.user.username,
            "task_force": application.task_force.code.lower(),
            "role": application.role,
            "region": application.region_id and str(application.region_id),
            "language": application.language,
            "answers": application.answers,
            "consent_to_processing": application.consent_to_processing,
            "consent_to_publication": application.consent_to_publication,
            "events": application.events.count(),
        }
        for application in applications.select_related("user", "task_force")
    ],
    "drafts": JoinDraft.objects.filter(user__username__startswith=prefix).count(),
}))
"""


class Unexpected(Exception):
    """A response a visitor should never get."""


class Results:
    """Latencies and errors of every thread, and the forms completed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.requests = 0
        self.errors = []
        self.completed = {}
        self.load_average = os.getloadavg()
        self.elapsed = 0
        self.mails = (0, 0)  # unsent, all: filled in once the worker is done

    def timed(self, kind, seconds):
        with self.lock:
            self.latencies[kind].append(seconds)

    def counted(self):
        with self.lock:
            self.requests += 1

    def error(self, who, message):
        with self.lock:
            self.errors.append(f"{who}: {message}")


class BehindTLSProxy(http.cookiejar.DefaultCookiePolicy):
    """The site believes it is served over HTTPS, so its cookies are Secure; the proxy that
    would carry them is left out, so they are kept as plain ones, sent back over 127.0.0.1."""

    def set_ok(self, cookie, request):
        cookie.secure = False
        return super().set_ok(cookie, request)


class FromAddress(HTTPAdapter):
    """Connections from one loopback address: each applicant is a client of its own, as the
    per-address rate limits of the login and of the join form's last step expect."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class Browser:
    """One visitor's browser: its cookies and address; every request bounded, counted, checked."""

    def __init__(self, base, address, results, deadline):
        self.base = base
        self.results = results
        self.deadline = deadline
        self.session = requests.Session()
        self.session.cookies.set_policy(BehindTLSProxy())
        # As from a proxy: HTTPS said in a header, one connection per request (as nginx does
        # by default: a kept-alive connection that gunicorn closes meanwhile would reset).
        self.session.headers.update(
            {"X-Forwarded-Proto": "https", "Connection": "close", "User-Agent": "make-load"}
        )
        self.session.mount(base, FromAddress(address))

    def request(self, method, path, data=None):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise Unexpected(f"deadline reached before {method} {path}")
        headers = {"Origin": "https://" + urlsplit(self.base).netloc} if data else {}
        started = time.perf_counter()
        try:
            response = self.session.request(
                method,
                self.base + path,
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=remaining,
            )
        except requests.RequestException as error:
            raise Unexpected(f"{method} {path}: {error}") from error
        finally:
            self.results.counted()
        return response, time.perf_counter() - started

    def pause(self, seconds):
        time.sleep(max(min(seconds, self.deadline - time.monotonic()), 0))

    def get(self, path, kind=None):
        response, seconds = self.request("GET", path)
        expect(response, 200, path)
        if kind:
            self.results.timed(kind, seconds)
        return response.text

    def redirected(self, method, path, to, data=None, kind=None):
        response, seconds = self.request(method, path, data)
        expect(response, 302, path)
        if kind:
            self.results.timed(kind, seconds)
        location = redirect_path(response)
        if location != to:
            raise Unexpected(f"{method} {path} went to {location}, not {to}")

    def follow(self, method, path, data=None):
        """Sends a request and follows its redirects as a browser does; the last path and page."""
        for _hop in range(5):
            response, _seconds = self.request(method, path, data)
            if response.status_code != 302:
                expect(response, 200, path)
                return path, response.text
            method, path, data = "GET", redirect_path(response), None
        raise Unexpected(f"too many redirects, at {path}")


def expect(response, status, path):
    if response.status_code != status:
        raise Unexpected(f"{response.request.method} {path} answered {response.status_code}")
    if 'class="errorlist' in response.text:
        raise Unexpected(f"{response.request.method} {path} shows the form again with errors")


def redirect_path(response):
    target = urlsplit(urljoin(response.url, response.headers["Location"]))
    return target.path + (f"?{target.query}" if target.query else "")


def csrf_token(page):
    match = CSRF_TOKEN.search(page)
    if match is None:
        raise Unexpected("no CSRF token in the page")
    return match.group(1)


def apply(applicant, browser, results):
    """Logs in, walks the join form, submits it; returns what the application must hold."""
    language, code = applicant.language, applicant.task_force
    join = f"/{language}/join/{code}/"
    login = f"/{language}/accounts/login/"
    browser.pause(applicant.arrival)
    browser.redirected("GET", join, f"{login}?next={join}")
    page = browser.get(f"{login}?next={join}")
    credentials = {"username": applicant.username, "password": PASSWORD, "next": join}
    browser.redirected(
        "POST", login, join, {**credentials, "csrfmiddlewaretoken": csrf_token(page)}, "log in"
    )
    browser.redirected("GET", join, f"{join}role/")

    steps = applicant.steps()
    sent = {}
    for index, (step, next_step) in enumerate(zip(steps[:-1], steps[1:], strict=True)):
        page = browser.get(f"{join}{step}/")
        sent[step] = applicant.answers(step, page)
        browser.pause(applicant.think(index))
        browser.redirected(
            "POST", f"{join}{step}/", f"{join}{next_step}/", form(code, step, sent[step], page)
        )
    page = browser.get(f"{join}review/")
    sent["review"] = applicant.answers("review", page)
    submit = form(code, "review", sent["review"], page)
    browser.pause(applicant.think(len(steps)))
    second_click = threading.Thread(target=click_again, args=(applicant, browser, submit, results))
    started = time.perf_counter()
    if applicant.double_clicks:
        second_click.start()
    landed, _page = browser.follow("POST", f"{join}review/", submit)
    results.timed("final step", time.perf_counter() - started)
    if applicant.double_clicks:
        second_click.join()
    if not submission_landed(applicant, landed):
        raise Unexpected(f"Submit ended on {landed}")
    return expected_application(applicant, sent)


def click_again(applicant, browser, submit, results):
    try:
        landed, _page = browser.follow(
            "POST", f"/{applicant.language}/join/{applicant.task_force}/review/", submit
        )
        if not submission_landed(applicant, landed):
            raise Unexpected(f"the second click ended on {landed}")
    except Unexpected as error:
        results.error(applicant.username, error)


def submission_landed(applicant, path):
    """The confirmation page; after a double click, one of the two may show the application."""
    prefix = f"/{applicant.language}/"
    if path == f"{prefix}join/{applicant.task_force}/sent/":
        return True
    return applicant.double_clicks and re.fullmatch(rf"{prefix}my-applications/\d+/", path)


def form(code, step, answers, page):
    return {
        "csrfmiddlewaretoken": csrf_token(page),
        f"join_{code}-current_step": step,
        **{f"{step}-{name}": value for name, value in answers.items()},
    }


def expected_application(applicant, sent):
    answers = {
        name: value
        for step in ("qualification", "contribution")
        for name, value in sent.get(step, {}).items()
    }
    return {
        "username": applicant.username,
        "task_force": applicant.task_force,
        "role": applicant.role,
        "region": sent.get("region", {}).get("region"),
        "language": applicant.language,
        "answers": answers,
        "consent_to_processing": True,
        "consent_to_publication": "consent_to_publication" in sent["review"],
        "events": 1,
    }


def applicant_thread(applicant, base, results, deadline):
    browser = Browser(base, applicant.address, results, deadline)
    try:
        expected = apply(applicant, browser, results)
    except Unexpected as error:
        results.error(applicant.username, error)
    else:
        with results.lock:
            results.completed[applicant.username] = expected


def visitor_pages():
    pages = []
    for language in LANGUAGES:
        strategy = f"/{language}/task-forces/"
        pages += [f"/{language}/", strategy, f"/{language}/search/?query={SEARCHES[language]}"]
        for code in TASK_FORCES:
            goal = f"{strategy}goal-{code[0].lower()}/"
            pages += [goal] if code.endswith("1") else []
            pages.append(f"{goal}{code.lower()}/")
    return pages


def visitor_thread(number, base, stop, results, deadline):
    browser = Browser(base, f"127.0.2.{number}", results, deadline)
    pages = visitor_pages()
    turn = number * 17
    while not stop.is_set() and time.monotonic() < deadline:
        path = pages[turn % len(pages)]
        turn += 1
        try:
            browser.get(path, kind="anonymous pages")
        except Unexpected as error:
            results.error(f"visitor {number}", error)
        browser.pause(VISITOR_PAUSE_SECONDS)


def run_scenario(base, applicants):
    results = Results()
    deadline = time.monotonic() + DEADLINE_SECONDS
    stop = threading.Event()
    visitors = [
        threading.Thread(
            target=visitor_thread, args=(n, base, stop, results, deadline), daemon=True
        )
        for n in range(1, VISITORS + 1)
    ]
    applying = [
        threading.Thread(target=applicant_thread, args=(a, base, results, deadline), daemon=True)
        for a in applicants
    ]
    started = time.monotonic()
    for thread in visitors + applying:
        thread.start()
    for thread in applying:
        thread.join(max(deadline - time.monotonic(), 0))
    stop.set()
    results.elapsed = time.monotonic() - started
    for thread in visitors:
        thread.join(max(deadline - time.monotonic(), 0) + 5)
    late = sum(thread.is_alive() for thread in applying)
    if late:
        results.error("deadline", f"{late} applicants not done in {DEADLINE_SECONDS:.0f} s")
    return results


def check_applications(stored, completed):
    """Problems with what the database holds: one application per completed form, as sent."""
    problems = []
    counts = Counter(application["username"] for application in stored["applications"])
    for username, count in sorted(counts.items()):
        if username not in completed:
            problems.append(f"{username}: {count} application(s) without a completed form")
        elif count != 1:
            problems.append(f"{username}: {count} applications for one form")
    for application in stored["applications"]:
        expected = completed.get(application["username"])
        if expected and not holds(application, expected):
            problems.append(f"{application['username']}: stored {application}, sent {expected}")
    problems += [f"{username}: no application" for username in completed if username not in counts]
    if stored["drafts"]:
        problems.append(f"{stored['drafts']} drafts left after submission")
    return problems


def holds(application, expected):
    """The stored application has what was sent (the form adds empty optional answers)."""
    answers = application["answers"]
    return {**application, "answers": None} == {**expected, "answers": None} and all(
        answers.get(name) == value for name, value in expected["answers"].items()
    )


def percentile(ordered, fraction):
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def report(label, applicants, results, problems):
    print(
        f"\n{label}: gunicorn {WORKERS} workers × {THREADS} threads on 127.0.0.1; "
        f"{APPLICANTS} applicants, {VISITORS} anonymous visitors; "
        "load average before: {:.1f} {:.1f} {:.1f}".format(*results.load_average)
    )
    print(
        f"| {'requests':<26} | {'count':>5} | {'p50 ms':>7} | {'p95 ms':>7} | "
        f"{'p99 ms':>7} | {'max ms':>7} |"
    )
    print(f"|{'-' * 28}|{'-' * 7}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    for kind in ("final step", "log in", "anonymous pages"):
        ordered = sorted(results.latencies[kind])
        if not ordered:
            continue
        cells = " | ".join(
            f"{1000 * percentile(ordered, fraction):>7.1f}" for fraction in (0.5, 0.95, 0.99, 1)
        )
        print(f"| {kind:<26} | {len(ordered):>5} | {cells} |")
    elapsed, anonymous = results.elapsed, len(results.latencies["anonymous pages"])
    print(
        f"Applicants done in {elapsed:.1f} s: {results.requests} requests, "
        f"{results.requests / elapsed:.0f}/s ({anonymous / elapsed:.0f}/s anonymous pages). "
        "Final step = Submit until the confirmation page (3 requests)."
    )
    checks = [
        (not results.errors, f"no error ({len(results.errors)})"),
        (
            len(results.completed) == len(applicants),
            f"{len(results.completed)}/{len(applicants)} forms completed",
        ),
        (
            results.mails[0] == 0 < results.mails[1],
            f"every e-mail sent by the task worker ({results.mails[1] - results.mails[0]}"
            f"/{results.mails[1]})",
        ),
        (
            not problems,
            "exactly one application per completed form, with the answers sent "
            f"({sum(a.double_clicks for a in applicants)} forms submitted twice at once)",
        ),
    ]
    for passed, text in checks:
        print(f"  {'ok  ' if passed else 'FAIL'} {text}")
    for line in (results.errors + problems)[:20]:
        print(f"    {line}")
    return all(passed for passed, _text in checks)


def environment(database_url):
    return {
        **bench_environment(database_url),
        "SECURE_SSL_REDIRECT": "true",
        "STATIC_ROOT": str(LOAD_DIR / "static"),
        "PAGE_CACHE_GENERATION_FILE": str(LOAD_DIR / "page-cache-generation"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOAD_USERNAME_PREFIX": USERNAME_PREFIX,
    }


def prepare(env, applicants):
    prepare_site(env)
    plan = [
        {
            "username": a.username,
            "organization": a.organization,
            "membership": a.membership,
        }
        for a in applicants
    ]
    manage(
        {**env, "LOAD_APPLICANTS": json.dumps(plan), "LOAD_PASSWORD": PASSWORD},
        "shell",
        "-c",
        CREATE_APPLICANTS,
    )


def load(label, database_url):
    env = environment(database_url)
    applicants = [Applicant(number) for number in range(1, APPLICANTS + 1)]
    prepare(env, applicants)
    with gunicorn(env, "-w", WORKERS, "--threads", THREADS, port=PORT) as base, worker(env):
        results = run_scenario(base, applicants)
        results.mails = mails_sent_by_the_worker(env)
    stored = json.loads(manage(env, "shell", "-c", STORED_APPLICATIONS).splitlines()[-1])
    return report(label, applicants, results, check_applications(stored, results.completed))


def mails_sent_by_the_worker(env, patience=60):
    """(unsent, all) e-mails once the worker has emptied the queue, or after `patience` s."""
    deadline = time.monotonic() + patience
    while True:
        unsent, total = map(int, manage(env, "shell", "-c", UNSENT_MAILS).split()[-2:])
        if not unsent or time.monotonic() > deadline:
            return unsent, total
        time.sleep(1)


def fresh_sqlite_url():
    database = LOAD_DIR / "load.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    return f"sqlite:///{database}"


def main():
    LOAD_DIR.mkdir(parents=True, exist_ok=True)
    passed = load("SQLite", fresh_sqlite_url())
    postgres = os.environ.get("LOAD_POSTGRES_URL")
    if postgres:
        passed = load("PostgreSQL", postgres) and passed
    else:
        print("\nPostgreSQL: skipped (no LOAD_POSTGRES_URL; `make load` starts one when root)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
