"""Pages and feeds through the test client (both engines), and the HTML builders on their own."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kamerstukken.api import create_app
from kamerstukken.model import Statement
from kamerstukken.store import open_store
from kamerstukken.web.render import render_paragraph, safe_snippet

from storefixtures import ENGINES, drop, store_url
from webhelpers import HOSTILE_ID, SCRIPT_TITLE, hostile_doc, sample_docs

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=ENGINES)
def client(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    url = store_url(request.param, tmp)
    store = open_store(url)
    store.put_many(list(sample_docs()) + [hostile_doc(tmp)])
    try:
        with TestClient(create_app(url)) as c:
            yield c
    finally:
        drop(store)


def test_home_has_search_box_and_newest(client):
    html = client.get("/").text
    assert '<html lang="nl">' in html and 'action="/search"' in html
    assert "Nieuwste documenten" in html
    assert html.count('class="docline"') == 20


def test_search_page_snippets_and_facet_links(client):
    r = client.get("/search", params={"q": "Rusland"})
    assert r.status_code == 200
    assert "<mark>" in r.text and "Resultaten voor" in r.text
    assert 'href="/search?q=Rusland&amp;kind=brief' in r.text        # a facet filter link
    narrowed = client.get("/search", params={"q": "Rusland", "kind": "brief"}).text
    assert "kst-28676-235" in narrowed and "Soort: Brief ×" in narrowed
    year = client.get("/search", params={"q": "NAVO", "year": "2015"}).text
    assert "kst-28676-235" in year and re.search(r'class="summary">1 document\s', year)


def test_bad_query_is_said_on_the_page(client):
    r = client.get("/search", params={"q": '"open'})
    assert r.status_code == 400 and "Zoekopdracht niet begrepen" in r.text


def test_document_page(client):
    seed = sample_docs()[0]
    html = client.get(f"/documents/{seed.id}").text
    decision = next(s for s in seed.statements if s.kind == "decision")
    # the decision highlighted in place, by its offsets
    assert 'class="st st-decision"' in html
    para = seed.sections[decision.section].paragraphs[decision.paragraph]
    start = html.index('id="p-%d-%d"' % (decision.section, decision.paragraph))
    shown = re.sub(r"<[^>]+>", "", html[start:html.index("</p>", start)])
    assert para[decision.start:decision.end].replace("’", "’") in shown.replace("&#39;", "'")
    assert 'href="/entities/Rusland"' in html                           # entity linked
    target = next(r.target for r in seed.references if r.kind == "kamerstuk" and r.target)
    assert f'href="/documents/{target}"' in html                        # reference linked
    for label in ("Gegevens", "Datum", "16 december 2015", "Voetnoten", "Bijlagen",
                  "Brontekst", "Uitspraken in dit document"):
        assert label in html, label
    assert client.get("/documents/kst-0-0").status_code == 404


def test_pages_forbid_scripts(client):
    r = client.get("/")
    assert "script-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_hostile_document_renders_inert(client):
    for path in (f"/documents/{HOSTILE_ID}", "/search?q=defensie-uitgaven", "/dossiers/28676",
                 "/"):
        html = client.get(path).text
        assert "<script" not in html.lower() and "<img" not in html.lower(), path
    page = client.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(&#34;titel&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#34;img&#34;)&gt;" in page


def test_dossier_timeline_in_date_order(client):
    html = client.get("/dossiers/28676").text
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html)
    assert len(dates) >= 10 and dates == sorted(dates)
    assert "28676 · NAVO" in html and 'href="/feeds/dossiers/28676"' in html
    assert client.get("/dossiers/1").status_code == 404


def test_sub_dossiers_sharing_a_number(client):
    for key, n in (("21501-02", 1), ("21501-20", 1), ("21501", 2)):
        html = client.get(f"/dossiers/{key}").text
        assert html.count('class="event"') == n, key
    assert len(client.get("/api/dossiers/21501-20").json()["documents"]) == 1
    doc = client.get("/api/dossiers/21501-02").json()["documents"][0]["id"]
    assert 'href="/dossiers/21501-02"' in client.get(f"/documents/{doc}").text


def test_entity_page(client):
    r = client.get("/entities/Rusland")
    assert r.status_code == 200 and "<h1>Rusland</h1>" in r.text
    assert "kst-28676-235" in r.text
    assert client.get("/entities/Atlantis").status_code == 404


def test_statement_register_filters(client):
    html = client.get("/statements", params={"kind": "commitment"}).text
    assert "Register van toezeggingen" in html
    kinds = set(re.findall(r'<span class="badge st-(\w+)">', html))
    has_commitments = any(s.kind == "commitment" for d in sample_docs() for s in d.statements)
    assert kinds == ({"commitment"} if has_commitments else set())
    navo = client.get("/statements", params={"kind": "decision", "actor": "NAVO"}).text
    assert 'class="actor" href="/entities/NAVO"' in navo
    assert set(re.findall(r'class="actor" href="/entities/([^"]+)"', navo)) == {"NAVO"}
    old = client.get("/statements", params={"since": "2030-01-01"}).text
    assert "Geen uitspraken gevonden" in old


def _atom(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None, tag
    entries = feed.findall(f"{ATOM}entry")
    for e in entries:
        for tag in ("id", "title", "updated", "link"):
            assert e.find(f"{ATOM}{tag}") is not None, tag
        assert re.match(r"\d{4}-\d\d-\d\dT", e.find(f"{ATOM}updated").text)
    return entries


def test_atom_feeds(client):
    entries = _atom(client, "/feeds/search", q="Rusland")
    assert entries and any("kst-28676-235" in e.find(f"{ATOM}id").text for e in entries)
    dossier = _atom(client, "/feeds/dossiers/28676")
    titles = [e.find(f"{ATOM}title").text for e in dossier]
    assert any(SCRIPT_TITLE in t for t in titles)  # escaped in the XML, literal once parsed
    assert "<script>" not in client.get("/feeds/dossiers/28676").text
    assert client.get("/feeds/dossiers/1").status_code == 404


# --- the HTML builders alone -------------------------------------------------------------

def _st(kind, start, end):
    return (start, end, Statement(kind=kind, cue="x", text="", section=0, paragraph=0,
                                  start=start, end=end, actor="A&B"))


def test_render_paragraph_escapes_and_nests():
    text = "De <b>NAVO</b> besloot & Rusland zweeg."
    nav = text.index("NAVO")
    html = str(render_paragraph(text, [_st("decision", 0, 23)],
                                [(nav, nav + 4, "NAVO", "organisation")],
                                [(len(text), "1", 0)]))
    assert html.startswith('<span class="st st-decision"')
    assert "&lt;b&gt;" in html and "&amp; Rusland" in html and "<b>" not in html
    assert '<a class="ent ent-organisation" href="/entities/NAVO"' in html
    assert 'title="Besluit — A&amp;B (x)"' in html
    assert html.endswith('<sup class="fn"><a href="#fn-0" id="fnref-0">1</a></sup>')
    assert re.sub(r"<[^>]+>", "", html.replace('1</a></sup>', '</a></sup>')) == \
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_render_paragraph_drops_what_does_not_fit():
    text = "Een twee drie vier."
    html = str(render_paragraph(
        text,
        [_st("decision", 0, 8), _st("position", 4, 12), _st("request", 5, 99)],
        [(6, 12, "Crossing", "person"), (-1, 3, "Bad", "person")]))
    assert html.count("<span") == 1 and html.count("</span>") == 1
    assert "<a " not in html                       # the mention crossed the statement border
    assert re.sub(r"<[^>]+>", "", html) == text


def test_safe_snippet_keeps_only_mark():
    s = str(safe_snippet('a <mark>b</mark> <script>x</script> &lt;i&gt; <mark>c'))
    assert s == "a <mark>b</mark> &lt;script&gt;x&lt;/script&gt; &lt;i&gt; <mark>c</mark>"


def test_demo_builds_from_the_shipped_sample(tmp_path):
    from kamerstukken.cli import app

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    run = CliRunner().invoke(app, ["demo", "--no-serve", "--db", url, "--workers", "1"])
    assert run.exit_code == 0, run.output
    assert "314 new" in run.output and "0 failed" in run.output and "314 documents" in run.output
    again = CliRunner().invoke(app, ["demo", "--no-serve", "--db", url, "--json"])
    assert again.exit_code == 0 and '"new": 0' in again.output


def test_kst_serve_with_two_workers_serves_and_stops(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from webhelpers import free_port

    url = f"sqlite:///{tmp_path / 'serve.db'}"
    with open_store(url) as store:
        store.put_many(list(sample_docs())[:3])
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kamerstukken.cli", "serve", "--db", url,
                             "--port", str(port), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, seen = time.time() + 30, None
        while time.time() < deadline and seen is None:
            try:
                seen = httpx.get(f"http://127.0.0.1:{port}/api/documents/kst-28676-235", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.2)
        assert seen is not None and seen.status_code == 200
        # a second server on the same port: one clear line, exit code 2
        busy = subprocess.run([sys.executable, "-m", "kamerstukken.cli", "serve", "--db", url,
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
        assert busy.returncode == 2 and "cannot listen" in busy.stderr
        assert "Traceback" not in busy.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out
    assert proc.returncode == 0, err


def test_an_estimated_total_says_so(tmp_path):
    """PostgreSQL estimates the total of a very large result: the page says `ongeveer`, facet
    counts get `≈`; an exact total shows neither."""
    url = store_url("sqlite", tmp_path)
    open_store(url).put_many(list(sample_docs()))

    def estimating(u):
        store = open_store(u)
        exact = store.search

        def search(query):
            result = exact(query)
            result.total_exact = result.facets_exact = False
            return result
        store.search = search
        return store

    with TestClient(create_app(url, opener=estimating)) as c:
        html = c.get("/search", params={"q": "NAVO"}).text
    assert re.search(r'<p class="summary"><abbr class="estimate"[^>]*>ongeveer</abbr> \d+ documenten', html)
    assert '<span class="count">≈' in html
    with TestClient(create_app(url)) as c:
        html = c.get("/search", params={"q": "NAVO"}).text
    assert "ongeveer" not in html and "≈" not in html and re.search(r'<p class="summary">\d+ documenten', html)
