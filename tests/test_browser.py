"""Clicking through in real headless Chromium (Debian's, driven by Playwright for Python)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kamerstukken.api import create_app
from kamerstukken.store import open_store

from webhelpers import HOSTILE_ID, SCRIPT_TEXT, SCRIPT_TITLE, LiveServer, hostile_doc, sample_docs

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'site.db'}"
    with open_store(url) as store:
        store.put_many(list(sample_docs()) + [hostile_doc(tmp)])
    with LiveServer(create_app(url)) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (set KST_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                                  java_script_enabled=True)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    try:
        yield pg
    finally:
        context.close()


def test_search_facet_document_decision_reference(site, page):
    page.goto(site + "/")
    page.get_by_role("searchbox", name="Zoekterm").first.fill("Rusland")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Rusland")
    assert page.locator("li.hit").count() >= 2
    assert page.locator(".snippet mark").count() >= 1

    # follow a facet: only letters (Brief) remain
    page.locator(".facet-kind a", has_text="Brief").click()
    page.wait_for_url("**kind=brief**")
    kinds = page.locator("li.hit .badge").all_inner_texts()
    assert kinds and {k.strip().lower() for k in kinds} == {"brief"}

    # open the seed and see a highlighted decision
    page.locator("li.hit a.doctitle").first.click()
    page.wait_for_url("**/documents/kst-28676-235")
    decision = page.locator("p[id^=p-] span.st-decision").first
    assert decision.is_visible()
    colour = decision.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "Besluit" in decision.get_attribute("title")

    # an entity is a link to its page
    page.locator("a.ent", has_text="Rusland").first.click()
    page.wait_for_url("**/entities/Rusland")
    assert page.locator("h1").inner_text() == "Rusland"
    page.go_back()

    # follow a reference to another Kamerstuk
    ref = page.locator("ul.refs a.ref").first
    target = ref.get_attribute("href")
    ref.click()
    page.wait_for_url("**" + target)
    assert page.locator("h1").inner_text().strip()
    assert page.locator(".kicker .badge").inner_text().strip().lower() == "motie"
    assert not page.dialogs


def test_dossier_and_register_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    try:
        pg.goto(site + "/dossiers/28676")
        assert pg.locator("ol.timeline li.event").count() >= 10
        pg.goto(site + "/statements?kind=commitment")
        pg.locator("select[name=kind]").select_option("decision")
        pg.locator("form.filters button").click()
        pg.wait_for_url("**kind=decision**")
        badges = {t.strip().lower() for t in pg.locator("ul.stmts .badge").all_inner_texts()}
        assert badges == {"besluit"}
    finally:
        context.close()


def test_hostile_document_is_inert(site, page):
    page.goto(f"{site}/documents/{HOSTILE_ID}")
    assert page.locator("h1").inner_text() == SCRIPT_TITLE.strip() or \
        SCRIPT_TITLE in page.locator("h1").inner_text()
    assert SCRIPT_TEXT in page.locator("div.text").inner_text()
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("img").count() == 0
    page.goto(f"{site}/search?q=defensie-uitgaven")
    assert SCRIPT_TITLE in page.locator("main").inner_text()
    page.goto(f"{site}/dossiers/28676")
    assert page.evaluate("document.scripts.length") == 0
    assert page.dialogs == []
