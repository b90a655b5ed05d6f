"""The report of the seeds in a real headless Chromium: quotes, speakers, no console errors.

Needs the Debian packages chromium and chromium-driver (`apt-get install -y chromium
chromium-driver`; `make test` installs them when it runs as root) and selenium (test extra).
Skipped where they are missing, except under CI, where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import IN_CI, ROOT, SEEDS
from tests.test_inspect import article, write_table

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOT = ROOT / "docs" / "report_screenshot.png"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,2200")


def _require_browser():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        message = (f"missing {', '.join(missing)}: install with `apt-get install -y chromium "
                   "chromium-driver` (as root) and `pip install -e '.[test]'`")
        if IN_CI:
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newsbeam-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path):
    driver.get(path.as_uri())
    driver.get_log("browser")  # nothing from an earlier page may count against this one
    driver.refresh()


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    _require_browser()  # before the (slow) pipeline run
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "out"
    assert main(["run", "--input", str(SEEDS / "*"), "--output", str(out), "--overwrite"]) == 0
    page = tmp / "report.html"
    assert main(["report", str(out), "--out", str(page)]) == 0
    return page


@pytest.mark.slow
def test_seed_report_shows_quotes_and_speakers(browser, seeds_report, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, seeds_report)
    browser.save_screenshot(str(tmp_path / "report.png"))
    if os.environ.get("NEWSBEAM_UPDATE_SCREENSHOT"):
        # opt-in, so that a test run never leaves the checkout modified
        shutil.copyfile(tmp_path / "report.png", SCREENSHOT)

    quotes = browser.find_elements(By.CSS_SELECTOR, ".nb-quote")
    by_text = {q.get_attribute("textContent"): q for q in quotes}
    chuviliaev = [q for t, q in by_text.items()
                  if "This is the first time an EU country has permitted" in t]
    assert len(chuviliaev) == 1, sorted(by_text)
    assert chuviliaev[0].get_attribute("data-speaker") == "Ivan Chuviliaev"
    assert "Ivan Chuviliaev" in chuviliaev[0].get_attribute("title")
    leshchenko = [q for t, q in by_text.items() if "President Zelensky has stood firm" in t]
    assert [q.get_attribute("data-speaker") for q in leshchenko] == ["Serhii Leshchenko"]

    # the speaker mention is marked in the text, and hovering it shows the resolved name
    speaker = browser.find_element(By.CSS_SELECTOR, '.nb-speaker[data-speaker="Ivan Chuviliaev"]')
    assert speaker.is_displayed() and "Chuviliaev" in speaker.text
    ActionChains(browser).move_to_element(speaker).perform()
    tooltip = browser.execute_script(
        "return getComputedStyle(arguments[0], '::before').content", speaker)
    assert "Ivan Chuviliaev" in tooltip

    # the article's quote list and the corpus's top speakers name both speakers
    rows = browser.find_elements(By.CSS_SELECTOR, ".nb-quote-row .nb-q-speaker")
    names = {r.text for r in rows}
    assert {"Ivan Chuviliaev", "Serhii Leshchenko"} <= names
    top = browser.find_element(By.CSS_SELECTOR, "table.nb-top-speakers").text
    # the speakers table's identities, most quoted first (Leshchenko's one quote ranks below
    # the top 15 of the seeds' 20 speakers)
    assert "Ivan Chuviliaev PERSON 2 1" in top
    counts = [int(line.split()[-2]) for line in top.splitlines()[1:]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 15

    # entities are coloured by type (PERSON in displaCy's violet)
    person = browser.find_element(By.CSS_SELECTOR, ".nb-ent-PERSON")
    assert person.value_of_css_property("background-color") == "rgba(170, 156, 252, 1)"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.nb-chart rect")

    # the filter runs (the report's own script is allowed by the page's CSP)
    box = browser.find_element(By.ID, "nb-filter")
    box.send_keys("Chuviliaev")
    shown = [a for a in browser.find_elements(By.CSS_SELECTOR, ".nb-article") if a.is_displayed()]
    assert len(shown) == 1
    assert "articles shown" in browser.find_element(By.ID, "nb-count").text
    assert console_errors(browser) == []


EVIL = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        ' Ann Lee said, \u201cHello.\u201d')


def test_injected_markup_is_shown_as_text_not_run(browser, tmp_path):
    from selenium.webdriver.common.by import By

    out = tmp_path / "out"
    write_table(out, "articles", [article("aaa111", EVIL, title=EVIL[:40])])
    start = EVIL.index("Hello")
    write_table(out, "quotes", [{
        "quote_id": "q1", "article_id": "aaa111", "kind": "DIRECT", "start": start,
        "end": start + 6, "text": "Hello.", "speaker_start": None, "speaker_end": None,
        "speaker_text": None, "speaker_name": '<img src=x onerror="window.__pwned = 3">',
        "cue_start": None, "cue_end": None, "cue_text": None, "sentence_start_index": 0,
        "sentence_end_index": 0}])
    for table in ("sentences", "entities", "errors"):
        write_table(out, table, [])
    page = tmp_path / "evil.html"
    assert main(["report", str(out), "--out", str(page)]) == 0
    open_page(browser, page)
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, ".nb-text img, .nb-text script") == []
    text = browser.find_element(By.CSS_SELECTOR, ".nb-text").get_attribute("textContent")
    assert text == EVIL
    assert console_errors(browser) == []
