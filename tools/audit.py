"""`make audit`: every package installed in .venv against the advisories known for it.

pip-audit asks PyPI for the advisories of each installed version. Where that per-version data
cannot be reached (our machines see PyPI through a proxy that serves only project pages), PyPI's
project page still lists the advisories affecting the latest release: that settles a package
installed at its latest release, and only hints at one installed behind it. Packages that
neither source settles are named, loudly; AUDIT_STRICT=1 makes them a failure.

Advisories we accept are listed in tools/audit-ignore.toml, each with a reason and an expiry.
"""

import json
import os

# Runs pip and pip-audit from .venv, fixed commands.
import subprocess  # nosec B404
import sys
import time
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CACHE = ROOT / "var" / "audit"
IGNORE_FILE = Path(__file__).with_name("audit-ignore.toml")
PYPI_PROJECT_URL = "https://pypi.org/pypi/{name}/json"
# Together under two minutes, whatever the network does.
PIP_LIST_SECONDS = 20
PIP_AUDIT_SECONDS = 45
PYPI_SECONDS = 30
REQUEST_SECONDS = 8
CACHE_SECONDS = 3600


class Unavailable(Exception):
    """A source of advisories did not answer, or answered something we cannot read."""


@dataclass(frozen=True)
class Advisory:
    package: str
    version: str
    id: str
    aliases: tuple[str, ...] = ()
    fixed_in: tuple[str, ...] = ()
    # False when PyPI lists it for a later release and our version may or may not be affected.
    certain: bool = True

    @property
    def names(self):
        return {self.id, *self.aliases}

    def __str__(self):
        aliases = f" ({', '.join(self.aliases)})" if self.aliases else ""
        fixed = f"fixed in {', '.join(self.fixed_in)}" if self.fixed_in else "no fix released"
        return f"{self.package} {self.version}: {self.id}{aliases}, {fixed}"


@dataclass(frozen=True)
class Ignore:
    id: str
    reason: str
    expires: date


@dataclass
class Findings:
    """What one audit settled, and what it could not."""

    packages: dict[str, str]
    by_pip_audit: set[str] = field(default_factory=set)
    by_project_page: set[str] = field(default_factory=set)
    pip_audit_skipped: dict[str, str] = field(default_factory=dict)
    unaudited: dict[str, str] = field(default_factory=dict)
    advisories: list[Advisory] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def installed_packages():
    """Name and version of each package in .venv but the project itself (installed editable)."""
    command = [PYTHON, "-m", "pip", "list", "--format", "json", "--exclude-editable"]
    output = subprocess.run(  # noqa: S603  # nosec B603
        command, capture_output=True, text=True, check=True, timeout=PIP_LIST_SECONDS
    ).stdout
    return {
        canonicalize_name(package["name"]): package["version"] for package in json.loads(output)
    }


def run_pip_audit(packages):
    """pip-audit's JSON report on exactly these pinned versions."""
    CACHE.mkdir(parents=True, exist_ok=True)
    requirements = CACHE / "installed.txt"
    requirements.write_text("".join(f"{name}=={packages[name]}\n" for name in sorted(packages)))
    command = [
        PYTHON, "-m", "pip_audit", "--requirement", requirements, "--no-deps", "--disable-pip",
        "--format", "json", "--aliases", "on", "--desc", "off", "--progress-spinner", "off",
        "--timeout", str(REQUEST_SECONDS), "--cache-dir", CACHE / "pip-audit",
    ]  # fmt: skip
    try:
        result = subprocess.run(  # noqa: S603  # nosec B603
            command, capture_output=True, text=True, timeout=PIP_AUDIT_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise Unavailable(f"pip-audit did not finish within {PIP_AUDIT_SECONDS} s") from None
    try:
        return json.loads(result.stdout)
    except ValueError:
        last_line = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise Unavailable(f"pip-audit failed (exit {result.returncode}): {last_line}") from None


def fetch_project(name):
    """What we read of PyPI's project page for `name`, kept an hour under var/audit/pypi/."""
    cached = CACHE / "pypi" / f"{name}.json"
    if cached.exists() and time.time() - cached.stat().st_mtime < CACHE_SECONDS:
        return json.loads(cached.read_text())
    # A fixed https URL; `name` is a canonical package name ([a-z0-9-]).
    url = PYPI_PROJECT_URL.format(name=name)
    with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:  # noqa: S310  # nosec B310
        page = json.load(response)
    # The page lists every file of every release: keep only what the audit reads.
    project = {
        "info": {"version": page["info"]["version"]},
        "vulnerabilities": page.get("vulnerabilities"),
        "releases": {
            version: [{"yanked": file.get("yanked", False)} for file in files]
            for version, files in page.get("releases", {}).items()
        },
    }
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(project))
    partial.replace(cached)
    return project


def read_pip_audit(report, findings):
    """Record what pip-audit audited, what it found, and what it skipped."""
    audited, skipped, advisories = set(), {}, []
    try:
        for dependency in report["dependencies"]:
            name = canonicalize_name(dependency["name"])
            if name not in findings.packages:
                continue
            if "skip_reason" in dependency:
                skipped[name] = dependency["skip_reason"]
                continue
            audited.add(name)
            advisories += [
                Advisory(
                    name,
                    findings.packages[name],
                    vulnerability["id"],
                    tuple(vulnerability.get("aliases", ())),
                    tuple(vulnerability["fix_versions"]),
                )
                for vulnerability in dependency["vulns"]
            ]
    except (KeyError, TypeError) as error:
        raise Unavailable(f"pip-audit's report has an unexpected shape ({error!r})") from None
    findings.by_pip_audit |= audited
    findings.pip_audit_skipped |= skipped
    findings.advisories += advisories


def fixed_on_our_line(ours, fixed_in):
    """Whether a fix was released on our release line (same major.minor), at or before ours."""
    for text in fixed_in:
        try:
            fix = Version(text)
        except InvalidVersion:
            continue
        if fix <= ours and fix.release[:2] == ours.release[:2]:
            return True
    return False


def newer_on_our_line(ours, releases):
    """The newest final release on our line after ours, if any (a likely security fix)."""
    newer = []
    for text, files in releases.items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        yanked = bool(files) and all(file.get("yanked") for file in files)
        if (
            version > ours
            and not version.is_prerelease
            and not yanked
            and version.release[:2] == ours.release[:2]
        ):
            newer.append(version)
    return max(newer, default=None)


def check_project_page(name, version, project):
    """Advisories for our `version` from PyPI's project page, and why that settles nothing.

    The page lists the advisories affecting the latest release. For that release they are the
    whole answer. For another they can only add advisories not fixed on its own line, as
    possibly affecting it; those fixed before the latest release are not on the page at all.
    """
    vulnerabilities = project.get("vulnerabilities")
    if vulnerabilities is None:
        return [], "PyPI's project page carries no vulnerability data"
    latest = project["info"]["version"]
    try:
        ours = Version(version)
        on_latest = ours == Version(latest)
    except InvalidVersion:
        return [], f"{version} or {latest} is not a version we can compare"
    advisories = [
        Advisory(
            name,
            version,
            entry["id"],
            tuple(entry.get("aliases") or ()),
            tuple(entry.get("fixed_in") or ()),
            certain=on_latest,
        )
        for entry in vulnerabilities
        if entry.get("withdrawn") is None
        and (on_latest or not fixed_on_our_line(ours, entry.get("fixed_in") or ()))
    ]
    if on_latest:
        return advisories, None
    unsettled = f"the latest release is {latest}, PyPI's project page lists advisories for it only"
    newer = newer_on_our_line(ours, project.get("releases") or {})
    if newer:
        unsettled += f"; {newer} is out on the {ours.major}.{ours.minor} line"
    return advisories, unsettled


def check_project_pages(packages, findings):
    """Check each of `packages` {name: version} against PyPI's project page, in parallel."""
    pool = ThreadPoolExecutor(max_workers=8)
    futures = {pool.submit(fetch_project, name): name for name in packages}
    done, late = wait(futures, timeout=PYPI_SECONDS)
    pool.shutdown(wait=False, cancel_futures=True)
    for future in late:
        findings.unaudited[futures[future]] = f"PyPI did not answer within {PYPI_SECONDS} s"
    for future in done:
        name = futures[future]
        try:
            advisories, unsettled = check_project_page(name, packages[name], future.result())
        except (OSError, ValueError) as error:
            findings.unaudited[name] = f"PyPI's project page could not be read: {error}"
            continue
        except (KeyError, TypeError) as error:
            findings.unaudited[name] = f"PyPI's project page has an unexpected shape ({error!r})"
            continue
        findings.advisories += advisories
        if unsettled:
            findings.unaudited[name] = unsettled
        else:
            findings.by_project_page.add(name)


def distinct(advisories):
    """One advisory per package and vulnerability, however many ids name it."""
    kept = []
    for advisory in advisories:
        if not any(
            other.package == advisory.package and other.names & advisory.names for other in kept
        ):
            kept.append(advisory)
    return kept


def audit(packages):
    findings = Findings(packages)
    try:
        read_pip_audit(run_pip_audit(packages), findings)
    except Unavailable as error:
        findings.problems.append(str(error))
    rest = {
        name: version for name, version in packages.items() if name not in findings.by_pip_audit
    }
    if rest:
        check_project_pages(rest, findings)
    findings.advisories = distinct(findings.advisories)
    return findings


def entry_problem(entry, today):
    if not isinstance(entry, dict):
        return "not a table"
    unknown = set(entry) - {"id", "reason", "expires"}
    if unknown:
        return f"unknown keys: {', '.join(sorted(unknown))}"
    if not isinstance(entry.get("id"), str) or not entry["id"].strip():
        return "no id"
    if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
        return "no reason given"
    expires = entry.get("expires")
    if not isinstance(expires, date) or isinstance(expires, datetime):
        return "no expiry date (expires = YYYY-MM-DD)"
    if expires < today:
        return f"expired on {expires}: read the advisory again, then renew or remove the entry"
    return None


def load_ignores(path, today):
    """The accepted advisories in `path`, and what is wrong in it (each one a failure)."""
    if not path.exists():
        return [], []
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as error:
        return [], [f"{path.name}: {error}"]
    entries = data.pop("advisory", [])
    if data or not isinstance(entries, list):
        return [], [f"{path.name}: only [[advisory]] tables are expected"]
    ignores, problems = [], []
    for number, entry in enumerate(entries, start=1):
        problem = entry_problem(entry, today)
        if problem:
            label = entry.get("id", "no id") if isinstance(entry, dict) else "?"
            problems.append(f"{path.name}, advisory {number} ({label}): {problem}")
        else:
            ignores.append(Ignore(entry["id"].strip(), entry["reason"].strip(), entry["expires"]))
    return ignores, problems


def explain(advisories, ignores):
    """Split advisories into the unexplained and the (advisory, ignore) pairs explained."""
    unexplained, explained = [], []
    for advisory in advisories:
        ignore = next((ignore for ignore in ignores if ignore.id in advisory.names), None)
        if ignore:
            explained.append((advisory, ignore))
        else:
            unexplained.append(advisory)
    return unexplained, explained


def report(findings, unexplained, explained, ignores, ignore_problems, strict):
    """The lines to print: details first, the summary and any warning last."""
    lines = []
    for problem in findings.problems:
        lines.append(f"pip-audit: {problem}")
    if findings.pip_audit_skipped:
        reason = next(iter(findings.pip_audit_skipped.values()))
        lines.append(
            f"pip-audit could not audit {len(findings.pip_audit_skipped)} packages"
            f" (e.g. {reason!r}); they were checked through PyPI's project pages."
        )
    certain = [advisory for advisory in unexplained if advisory.certain]
    possible = [advisory for advisory in unexplained if not advisory.certain]
    if certain:
        lines += ["", "VULNERABLE:"] + [f"  {advisory}" for advisory in certain]
    if possible:
        lines += ["", "POSSIBLY AFFECTED, check (listed for a later release, no fix on our line):"]
        lines += [f"  {advisory}" for advisory in possible]
    if unexplained:
        lines.append(f"Upgrade, or explain each one in tools/{IGNORE_FILE.name}.")
    if explained:
        lines += ["", f"Ignored, as explained in tools/{IGNORE_FILE.name}:"]
        lines += [
            f"  {advisory} - {ignore.reason} (until {ignore.expires})"
            for advisory, ignore in explained
        ]
    used = {ignore.id for _, ignore in explained}
    for ignore in ignores:
        if ignore.id not in used:
            lines.append(f"Note: {ignore.id} in tools/{IGNORE_FILE.name} matches nothing now.")
    if ignore_problems:
        lines += ["", f"tools/{IGNORE_FILE.name} is not valid:"]
        lines += [f"  {problem}" for problem in ignore_problems]
    if findings.unaudited:
        lines += ["", "NOT AUDITED (known vulnerabilities in these would not be seen):"]
        lines += [
            f"  {name} {findings.packages[name]}: {why}"
            for name, why in sorted(findings.unaudited.items())
        ]
    unaudited = sorted(findings.unaudited)
    if len(unaudited) > 10:
        unaudited[10:] = [f"and {len(unaudited) - 10} more"]
    audited = len(findings.by_pip_audit) + len(findings.by_project_page)
    lines += [
        "",
        f"{len(findings.packages)} packages installed in .venv (all but the project itself)",
        f"  audited by pip-audit:                 {len(findings.by_pip_audit)}",
        f"  checked through PyPI's project data:  {len(findings.by_project_page)}",
        f"  not auditable from this machine:      {len(findings.unaudited)}"
        + (f" ({', '.join(unaudited)})" if unaudited else ""),
        f"  vulnerabilities:                      {len(unexplained)}"
        f" in the {audited} packages audited"
        + (f", and {len(explained)} ignored with a reason" if explained else ""),
    ]
    if findings.unaudited or findings.problems:
        what = (
            f"{len(findings.unaudited)} packages were not audited"
            if findings.unaudited
            else "pip-audit did not run"
        )
        consequence = "this run fails (AUDIT_STRICT=1)" if strict else "AUDIT_STRICT=1 fails on it"
        lines.append(f"WARNING: the audit is INCOMPLETE, {what}; {consequence}.")
    return lines


def main(env=os.environ, today=None):
    today = today or date.today()
    strict = env.get("AUDIT_STRICT") == "1"
    ignores, ignore_problems = load_ignores(IGNORE_FILE, today)
    findings = audit(installed_packages())
    unexplained, explained = explain(findings.advisories, ignores)
    print("\n".join(report(findings, unexplained, explained, ignores, ignore_problems, strict)))
    incomplete = bool(findings.unaudited or findings.problems)
    return 1 if unexplained or ignore_problems or (strict and incomplete) else 0


if __name__ == "__main__":
    sys.exit(main())
