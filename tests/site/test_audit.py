"""tools/audit.py (`make audit`), with pip-audit and PyPI replaced by what they would answer."""

import importlib.util
import sys
import urllib.error
from datetime import date, timedelta
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "audit.py"
spec = importlib.util.spec_from_file_location("audit_tool", TOOL)
audit = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = audit
spec.loader.exec_module(audit)

TODAY = date(2026, 11, 26)
INSTALLED = {"django": "5.2.19", "wagtail": "8.0.1"}
DJANGO_ADVISORY = {
    "id": "GHSA-aaaa-bbbb-cccc",
    "fix_versions": ["5.2.20", "6.1.4"],
    "aliases": ["CVE-2026-1234", "PYSEC-2026-99"],
}


def audited(name, version, *vulns):
    return {"name": name, "version": version, "vulns": list(vulns)}


def not_found(name, version):
    reason = f"Dependency not found on PyPI and could not be audited: {name} ({version})"
    return {"name": name, "skip_reason": reason}


def project(latest, *vulnerabilities, releases=()):
    return {
        "info": {"version": latest},
        "vulnerabilities": list(vulnerabilities),
        "releases": {version: [{"yanked": False}] for version in (*releases, latest)},
    }


def pypi_advisory(id, fixed_in=(), withdrawn=None, aliases=()):
    return {"id": id, "aliases": list(aliases), "fixed_in": list(fixed_in), "withdrawn": withdrawn}


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    """Run the audit on INSTALLED against a pip-audit report and PyPI project pages.

    `pip_audit` is a report or an exception to raise; `pages` maps names to a page or an
    exception; `ignore` is the text of tools/audit-ignore.toml.
    """

    def run(pip_audit, pages=None, ignore="", strict=False):
        def run_pip_audit(packages):
            if isinstance(pip_audit, Exception):
                raise pip_audit
            return pip_audit

        def fetch_project(name):
            page = (pages or {})[name]
            if isinstance(page, Exception):
                raise page
            return page

        ignore_file = tmp_path / "audit-ignore.toml"
        ignore_file.write_text(ignore)
        monkeypatch.setattr(audit, "IGNORE_FILE", ignore_file)
        monkeypatch.setattr(audit, "installed_packages", lambda: dict(INSTALLED))
        monkeypatch.setattr(audit, "run_pip_audit", run_pip_audit)
        monkeypatch.setattr(audit, "fetch_project", fetch_project)
        code = audit.main(env={"AUDIT_STRICT": "1"} if strict else {}, today=TODAY)
        return code, capsys.readouterr().out

    return run


def ignore_entry(id, reason="Only affects a backend we do not use.", expires=TODAY):
    lines = ["[[advisory]]", f'id = "{id}"']
    if reason is not None:
        lines.append(f'reason = "{reason}"')
    lines.append(f"expires = {expires.isoformat()}")
    return "\n".join(lines) + "\n"


CLEAN = {"dependencies": [audited("django", "5.2.19"), audited("wagtail", "8.0.1")], "fixes": []}
VULNERABLE = {
    "dependencies": [audited("django", "5.2.19", DJANGO_ADVISORY), audited("wagtail", "8.0.1")],
    "fixes": [],
}


def test_a_clean_report_passes_and_says_what_was_audited(run):
    code, output = run(CLEAN)

    assert code == 0
    assert "audited by pip-audit:                 2" in output
    assert "not auditable from this machine:      0" in output
    assert "vulnerabilities:                      0 in the 2 packages audited" in output
    assert "WARNING" not in output


def test_a_vulnerable_package_fails_with_its_advisory_and_fixes(run):
    code, output = run(VULNERABLE)

    assert code == 1
    assert "VULNERABLE:" in output
    assert (
        "django 5.2.19: GHSA-aaaa-bbbb-cccc (CVE-2026-1234, PYSEC-2026-99), fixed in 5.2.20, 6.1.4"
        in output
    )
    assert "vulnerabilities:                      1 in the 2 packages audited" in output


def test_an_advisory_ignored_with_a_reason_passes(run):
    code, output = run(VULNERABLE, ignore=ignore_entry("CVE-2026-1234"))

    assert code == 0
    assert (
        "vulnerabilities:                      0 in the 2 packages audited, and 1 ignored" in output
    )
    assert "Only affects a backend we do not use. (until 2026-11-26)" in output


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (ignore_entry("CVE-2026-1234", expires=TODAY - timedelta(days=1)), "expired on 2026-11-25"),
        (ignore_entry("CVE-2026-1234", reason=None), "no reason given"),
        (ignore_entry("CVE-2026-1234", reason="  "), "no reason given"),
        ('[[advisory]]\nid = "CVE-2026-1234"\nreason = "Fine."\n', "no expiry date"),
    ],
)
def test_an_expired_or_unexplained_ignore_fails(run, entry, problem):
    code, output = run(VULNERABLE, ignore=entry)

    assert code == 1
    assert problem in output
    # The advisory it meant to cover is not hidden either.
    assert "VULNERABLE:\n  django 5.2.19: GHSA-aaaa-bbbb-cccc" in output


def test_an_invalid_ignore_file_fails_even_without_any_advisory(run):
    code, output = run(CLEAN, ignore=ignore_entry("CVE-2026-1234", reason=None))

    assert code == 1
    assert "advisory 1 (CVE-2026-1234): no reason given" in output


def test_a_package_behind_its_latest_release_is_reported_as_not_audited(run):
    pip_audit = {"dependencies": [not_found("django", "5.2.19"), audited("wagtail", "8.0.1")]}
    pages = {"django": project("6.1.3", releases=["5.2.19", "5.2.20"])}

    code, output = run(pip_audit, pages)

    assert code == 0
    assert "not auditable from this machine:      1 (django)" in output
    assert "django 5.2.19: the latest release is 6.1.3" in output
    assert "5.2.20 is out on the 5.2 line" in output
    assert "WARNING: the audit is INCOMPLETE, 1 packages were not audited" in output
    assert run(pip_audit, pages, strict=True)[0] == 1


def test_a_package_on_its_latest_release_is_checked_through_its_project_page(run):
    pip_audit = {"dependencies": [not_found("django", "5.2.19"), not_found("wagtail", "8.0.1")]}
    pages = {
        "django": project("5.2.19", pypi_advisory("PYSEC-OLD", withdrawn="2026-01-01T00:00:00")),
        "wagtail": project(
            "8.0.1",
            pypi_advisory("GHSA-wagt-ail0-0001", aliases=["PYSEC-2026-5"]),
            pypi_advisory("PYSEC-2026-5", aliases=["GHSA-wagt-ail0-0001"]),
        ),
    }

    code, output = run(pip_audit, pages, strict=True)

    assert code == 1
    assert "checked through PyPI's project data:  2" in output
    assert "wagtail 8.0.1: GHSA-wagt-ail0-0001 (PYSEC-2026-5), no fix released" in output
    assert "vulnerabilities:                      1 in the 2 packages audited" in output
    assert "PYSEC-OLD" not in output
    assert "not auditable from this machine:      0" in output


def test_an_advisory_of_the_latest_release_not_fixed_on_our_line_is_possible(run):
    pip_audit = {"dependencies": [not_found("django", "5.2.19"), audited("wagtail", "8.0.1")]}
    pages = {
        "django": project(
            "6.1.3",
            pypi_advisory("GHSA-unfi-xed0-0001"),
            pypi_advisory("GHSA-fixe-donl-ine1", fixed_in=["5.2.12", "6.2.0"]),
            pypi_advisory("GHSA-late-rfix-0001", fixed_in=["5.2.25", "6.2.0"]),
        )
    }

    code, output = run(pip_audit, pages)

    assert code == 1
    assert "POSSIBLY AFFECTED, check" in output
    assert "django 5.2.19: GHSA-unfi-xed0-0001, no fix released" in output
    assert "django 5.2.19: GHSA-late-rfix-0001, fixed in 5.2.25, 6.2.0" in output
    assert "GHSA-fixe-donl-ine1" not in output
    assert "not auditable from this machine:      1 (django)" in output


@pytest.mark.parametrize(
    "error",
    [
        urllib.error.URLError("[Errno -2] Name or service not known"),
        TimeoutError("The read operation timed out"),
        ValueError("Expecting value: line 1 column 1 (char 0)"),
    ],
)
def test_a_network_error_is_not_a_pass(run, error):
    pip_audit_down = audit.Unavailable("pip-audit failed (exit 1): ConnectionError")

    code, output = run(pip_audit_down, {"django": error, "wagtail": project("8.0.1")})

    assert "pip-audit: pip-audit failed (exit 1): ConnectionError" in output
    assert "django 5.2.19: PyPI's project page could not be read" in output
    assert "not auditable from this machine:      1 (django)" in output
    assert "vulnerabilities:                      0 in the 1 packages audited" in output
    assert "WARNING: the audit is INCOMPLETE" in output
    assert code == 0
    assert run(pip_audit_down, {"django": error, "wagtail": project("8.0.1")}, strict=True)[0] == 1


def test_pip_audit_failing_fails_a_strict_run_even_when_pypi_covers_everything(run):
    pages = {"django": project("5.2.19"), "wagtail": project("8.0.1")}

    code, output = run(
        audit.Unavailable("pip-audit did not finish within 45 s"), pages, strict=True
    )

    assert code == 1
    assert "WARNING: the audit is INCOMPLETE, pip-audit did not run" in output
