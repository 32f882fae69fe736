"""The HTML report: self-contained, escaped, and working in a real headless Chromium.

Static tests read the page's source. Browser tests open it in Debian's Chromium driven by
Playwright (no browser download: the system binary via executable_path, a new empty profile,
no network): findings visible, filters hide what they should, clicking a finding scrolls its
document to the marked span, no console error, and a hostile document runs no script. The
seeds test also saves screenshots at 1280x800 and 390x844 in test-artifacts/ (git-ignored)
for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from report_kit import sample_run

from factcheck.reporters.html import HtmlReporter, script_hash

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
# The flags the brief asks for; the profile is a new empty folder (Playwright's user_data_dir).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def needs_chromium(test):
    """A browser test: marked so the run's summary says whether it ran; skipped only without Chromium."""
    skip = pytest.mark.skipif(
        chromium_path() is None,
        reason="Chromium is not installed (apt-get install chromium; .ci/run installs it): browser test not run",
    )
    return pytest.mark.browser(skip(test))


# --- the page's source ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_source() -> str:
    return HtmlReporter().render(sample_run())


def test_the_page_is_self_contained(page_source):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page_source, re.I)
    assert "<link" not in page_source and "@import" not in page_source and "url(" not in page_source
    assert re.search(r"<script>", page_source) and not re.search(r"<script[^>]*\bsrc=", page_source)


def test_document_text_is_escaped_and_shown(page_source):
    # The hostile document's markup appears only as text.
    assert "<script>document.title" not in page_source and "<img" not in page_source
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page_source
    assert "javascript:alert(1)" in page_source and 'href="javascript' not in page_source
    assert "onerror=&#34;" in page_source and 'onerror="' not in page_source
    # Bidi controls are shown as escapes, never applied.
    assert "\u202e" not in page_source and "\\u202e" in page_source
    assert "evil&lt;b&gt;" in page_source


def test_only_the_pages_own_script_may_run(page_source):
    script = re.search(r"<script>(.*?)</script>", page_source, re.S).group(1)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_source).group(1)
    assert "default-src 'none'" in policy and f"script-src '{script_hash(script)}'" in policy
    assert page_source.count("<script>") == 1


def test_findings_grouped_with_resolutions_and_filters(page_source):
    articles = re.findall(
        r'<article class="finding[^"]*" id="[^"]+" data-severity="(\w+)" data-status="(\w+)" '
        r'data-check="([\w-]+)"',
        page_source,
    )
    assert len(articles) == 6
    assert [severity for severity, status, _ in articles if status == "open"][:3] == ["error", "warning", "warning"]
    assert ("info", "accepted", "uncorroborated") in articles
    assert "Attributed in the print edition." in page_source
    # the error and the temporal warning concern one sentence: one block holds both
    first_block = page_source.split('<div class="sentence">')[1]
    assert "FC011 ledger-conflict" in first_block and "FC001 temporal" in first_block
    # cross-source evidence side by side, differing words marked
    assert '<div class="sources">' in page_source and '<span class="ev diff">45</span>' in page_source
    for control in ('name="severity" value="warning"', 'name="status" value="accepted"', 'id="check-filter"'):
        assert control in page_source


# --- in the browser ---------------------------------------------------------------------------


@contextmanager
def browser_page(tmp_path: Path, width: int = 1280, height: int = 800):
    """A page in headless Chromium with every network request refused and problems recorded."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=chromium_path(),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": width, "height": height},
            java_script_enabled=True,
        )
        try:

            def refuse(route):
                if not route.request.url.startswith(("file:", "data:", "about:")):
                    problems.append(f"network request: {route.request.url}")
                    return route.abort()
                return route.continue_()

            context.route("**/*", refuse)
            page = context.new_page()
            page.on(
                "console",
                lambda message: (
                    problems.append(f"console {message.type}: {message.text}")
                    if message.type in ("error", "warning")
                    else None
                ),
            )
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
            yield page, problems
        finally:
            context.close()


def _visible_in_container(page, element_id: str) -> bool:
    return page.evaluate(
        """(id) => {
        const mark = document.getElementById(id);
        const box = mark.closest('pre').getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= window.innerHeight;
    }""",
        element_id,
    )


@needs_chromium
def test_hostile_document_runs_no_script_and_filters_work(tmp_path):
    report = tmp_path / "report.html"
    report.write_text(HtmlReporter().render(sample_run()), encoding="utf-8")
    with browser_page(tmp_path) as (page, problems):
        page.goto(report.as_uri())
        page.wait_for_selector("article.finding")
        assert page.title() == "factcheck report"
        assert page.evaluate("document.querySelectorAll('a, img, iframe, object, embed').length") == 0
        assert page.evaluate("document.scripts.length") == 1
        assert "<script>document.title" in page.inner_text("#documents")  # shown as text
        assert page.locator("article.finding:visible").count() == 6
        assert page.inner_text("#shown") == "6 of 6 findings shown"

        page.uncheck('input[name="severity"][value="warning"]')
        assert page.locator('article.finding[data-severity="warning"]:visible').count() == 0
        assert page.locator('article.finding[data-severity="error"]:visible').count() == 1
        page.check('input[name="severity"][value="warning"]')
        page.uncheck('input[name="status"][value="accepted"]')
        assert page.locator('article.finding[data-status="accepted"]:visible').count() == 0
        page.check('input[name="status"][value="accepted"]')
        page.select_option("#check-filter", "numeric-conflict")
        visible = page.locator("article.finding:visible")
        assert visible.count() == 1 and visible.first.get_attribute("data-check") == "numeric-conflict"
        assert page.locator("h2.section:visible").count() == 1

        page.select_option("#check-filter", "")
        page.click('article[data-check="attribution-conflict"] .message')
        target = page.get_attribute('article[data-check="attribution-conflict"]', "data-target")
        assert "focus" in page.get_attribute(f"#{target}", "class")
        assert page.title() == "factcheck report"
        assert problems == []


@pytest.mark.slow
@needs_chromium
def test_seeds_report_in_the_browser(tmp_path, monkeypatch):
    """The issue's browser test on the real seeds report (the real models make it slow)."""
    from typer.testing import CliRunner

    from factcheck.cli import app

    for name in [n for n in os.environ if n.startswith("FACTCHECK_") and n != "FACTCHECK_CACHE_DIR"]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(REPO)
    report = tmp_path / "seeds.html"
    result = CliRunner().invoke(
        app,
        [
            "check",
            "seeds",
            "--isolated",
            "--resolutions",
            str(tmp_path / "none.yaml"),
            "-f",
            "html",
            "-o",
            str(report),
            "--exit-zero",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    data = CliRunner().invoke(
        app,
        ["check", "seeds", "--isolated", "--resolutions", str(tmp_path / "none.yaml"), "-f", "json", "--exit-zero"],
        catch_exceptions=False,
    )
    findings = json.loads(data.stdout)["findings"]
    assert findings

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (390, 844)):
        with browser_page(tmp_path, width, height) as (page, problems):
            page.goto(report.as_uri())
            page.wait_for_selector("article.finding")
            page.screenshot(path=str(SCREENSHOTS / f"seeds-{width}x{height}.png"))
            assert problems == []
    with browser_page(tmp_path) as (page, problems):
        page.goto(report.as_uri())
        articles = page.locator("article.finding")
        assert articles.count() == len(findings)
        assert page.locator("article.finding:visible").count() == len(findings)
        first = page.locator("article.finding").first
        assert first.get_attribute("data-severity") == "error" and first.is_visible()

        page.uncheck('input[name="severity"][value="info"]')
        assert page.locator('article.finding[data-severity="info"]:visible').count() == 0
        assert page.locator("article.finding:visible").count() == sum(1 for f in findings if f["severity"] != "info")
        page.check('input[name="severity"][value="info"]')

        # A finding whose span lies deep in a long document: out of view, then in view after a click.
        deep = page.evaluate("""() => {
            for (const article of document.querySelectorAll('article.finding[data-target]')) {
                const mark = document.getElementById(article.dataset.target);
                const pre = mark.closest('pre');
                if (mark.offsetTop - pre.offsetTop > pre.clientHeight * 2) return article.id;
            }
            return null;
        }""")
        assert deep is not None
        target = page.get_attribute(f"#{deep}", "data-target")
        assert not _visible_in_container(page, target)
        page.click(f"#{deep} .message")
        page.wait_for_function("(id) => document.getElementById(id).classList.contains('focus')", arg=target)
        page.wait_for_timeout(300)
        assert _visible_in_container(page, target)
        page.screenshot(path=str(SCREENSHOTS / "seeds-1280x800-clicked.png"))
        assert problems == []
