"""Score a parsed `Document` against a hand-made gold file (format of shared/gold/kst-28676-235.json).

Statements match on kind + actor + the gold's `contains` substring of the statement text; entities
on kind + name; names of actors and entities compare as the lexicons name what they stand for (a gold
file writes the form its letter uses: `JBZ-Raad` in one, `Raad Justitie en Binnenlandse Zaken` in
another; both are the one council); events on name + dates (+ place); references on kind + text (+ target/date).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .extract import lexicon
from .model import Document, Section, Signatory, Source


def _norm(s: Optional[str]) -> str:
    return re.sub(r"\s+", " ", (s or "").replace("’", "'")).strip().casefold()


def _canon(name: Optional[str]) -> str:
    """`_norm` of the name the lexicons give what `name` stands for (an alias, an abbreviation)."""
    t = lexicon.terms().get((name or "").strip())
    return _norm(t.name if t is not None and not t.adjective else name)


def _same_name(a: Optional[str], b: Optional[str]) -> bool:
    """The same name written alike (any case), or two names of one thing in the lexicons."""
    return _norm(a) == _norm(b) or _canon(a) == _canon(b)


@dataclass
class Tally:
    matched: int = 0
    total: int = 0

    @property
    def rate(self) -> Optional[float]:
        return self.matched / self.total if self.total else None

    def __str__(self) -> str:
        r = self.rate
        return f"{self.matched}/{self.total}" + (f" ({r:.0%})" if r is not None else "")


@dataclass
class Report:
    """What matched and what was missed, by part."""

    statements_recall: Tally = field(default_factory=Tally)
    statements_precision: Tally = field(default_factory=Tally)
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [Tally(), Tally()]))
    by_actor: dict = field(default_factory=lambda: defaultdict(lambda: [Tally(), Tally()]))
    entities: dict = field(default_factory=lambda: defaultdict(Tally))
    events: Tally = field(default_factory=Tally)
    references: Tally = field(default_factory=Tally)
    considerations: Tally = field(default_factory=Tally)
    text: Tally = field(default_factory=Tally)
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    # statements in text the gold did not annotate (an excerpt's cut last paragraph, navigation)
    out_of_scope: list = field(default_factory=list)

    @property
    def entities_total(self) -> Tally:
        t = Tally()
        for v in self.entities.values():
            t.matched += v.matched
            t.total += v.total
        return t

    @property
    def extraction(self) -> Tally:
        """Every extraction item of the gold (statements, entities, events, references) together."""
        t = Tally()
        for part in (self.statements_recall, self.entities_total, self.events, self.references,
                     self.considerations):
            t.matched += part.matched
            t.total += part.total
        return t

    def add(self, other: "Report") -> None:
        for name in ("statements_recall", "statements_precision", "events", "references", "considerations",
                     "text"):
            a, b = getattr(self, name), getattr(other, name)
            a.matched += b.matched
            a.total += b.total
        for mine, theirs in ((self.by_kind, other.by_kind), (self.by_actor, other.by_actor)):
            for k, (r, p) in theirs.items():
                mine[k][0].matched += r.matched
                mine[k][0].total += r.total
                mine[k][1].matched += p.matched
                mine[k][1].total += p.total
        for k, v in other.entities.items():
            self.entities[k].matched += v.matched
            self.entities[k].total += v.total
        self.missed += other.missed
        self.spurious += other.spurious
        self.out_of_scope += other.out_of_scope

    def summary(self) -> str:
        lines = [
            f"extraction matched  {self.extraction}",
            f"statements recall   {self.statements_recall}",
            f"statements precision {self.statements_precision}"
            + (f" ({len(self.out_of_scope)} outside the annotated text not counted)" if self.out_of_scope else ""),
        ]
        for k in sorted(self.by_kind):
            r, p = self.by_kind[k]
            lines.append(f"  {k:<12} recall {r}  precision {p}")
        actors = sorted(self.by_actor.items(), key=lambda kv: -(kv[1][0].total + kv[1][1].total))[:12]
        for a, (r, p) in actors:
            lines.append(f"  actor {a[:40]:<40} recall {r}  precision {p}")
        lines.append(f"entities recall     {self.entities_total}")
        for k in sorted(self.entities):
            lines.append(f"  {k:<12} {self.entities[k]}")
        lines.append(f"events              {self.events}")
        lines.append(f"references          {self.references}")
        if self.considerations.total:
            lines.append(f"considerations      {self.considerations}")
        if self.text.total:
            lines.append(f"clean text checks   {self.text}")
        return "\n".join(lines)


def _letters(text: str) -> str:
    """Only the letters, lower case: footnote digits and spacing do not decide where text is."""
    return "".join(c for c in text.casefold() if c.isalpha())


def _statement_matches(g: dict, s) -> bool:
    return (s.kind == g["kind"] and _same_name(s.actor, g.get("actor"))
            and _norm(g["contains"]) in _norm(s.text))


def score(gold: dict, doc: Document, label: str = "") -> Report:
    """Compare `doc` with `gold`; the report lists every missed and spurious item."""
    rep = Report()
    # statements: one gold item to one statement
    used: set[int] = set()
    for g in gold.get("statements", []):
        rep.statements_recall.total += 1
        rec = rep.by_kind[g["kind"]][0]
        act = rep.by_actor[g.get("actor") or ""][0]
        rec.total += 1
        act.total += 1
        hit = next((i for i, s in enumerate(doc.statements) if i not in used and _statement_matches(g, s)), None)
        if hit is None:
            near = [f"{s.kind}/{s.actor}" for s in doc.statements if _norm(g["contains"]) in _norm(s.text)]
            rep.missed.append(f"{label}statement {g['kind']}/{g.get('actor')}: {g['contains']!r}"
                              + (f" (found as {', '.join(near)})" if near else ""))
        else:
            used.add(hit)
            rep.statements_recall.matched += 1
            rec.matched += 1
            act.matched += 1
    # a gold that lists its paragraphs annotated only those: a statement elsewhere is not judged
    scope = _letters(" ".join(gold["paragraphs"])) if gold.get("paragraphs") else None
    if "statements" in gold:
        for i, s in enumerate(doc.statements):
            ok = i in used or any(_statement_matches(g, s) for g in gold["statements"])
            if not ok and scope is not None and _letters(s.text)[:60] not in scope:
                rep.out_of_scope.append(f"{label}statement {s.kind}/{s.actor} [{s.cue}]: {s.text[:120]!r}")
                continue
            rep.statements_precision.total += 1
            rep.by_kind[s.kind][1].total += 1
            rep.by_actor[s.actor or ""][1].total += 1
            if ok:
                rep.statements_precision.matched += 1
                rep.by_kind[s.kind][1].matched += 1
                rep.by_actor[s.actor or ""][1].matched += 1
            else:
                rep.spurious.append(f"{label}statement {s.kind}/{s.actor} [{s.cue}]: {s.text[:120]!r}")
    # entities
    have = defaultdict(set)
    for e in doc.entities:
        have[e.kind].update((_norm(e.name), _canon(e.name)))
    for kind, names in (gold.get("entities_must_include") or {}).items():
        for n in names:
            t = rep.entities[kind]
            t.total += 1
            if _norm(n) in have[kind] or _canon(n) in have[kind]:
                t.matched += 1
            else:
                rep.missed.append(f"{label}entity {kind}: {n}")
    # events
    for g in gold.get("events", []):
        rep.events.total += 1
        ok = any(_norm(e.name) == _norm(g["name"]) and e.start == g.get("start") and e.end == g.get("end")
                 and (not g.get("place") or _norm(e.place) == _norm(g["place"])) for e in doc.events)
        if ok:
            rep.events.matched += 1
        else:
            rep.missed.append(f"{label}event {g}")
    # references
    for g in gold.get("references_must_include", []):
        rep.references.total += 1
        ok = any(r.kind == g["kind"] and (_norm(g["text"]) in _norm(r.text) or _norm(r.text) in _norm(g["text"]))
                 and (not g.get("target") or r.target == g["target"])
                 and (not g.get("date") or r.date == g["date"]) for r in doc.references)
        if ok:
            rep.references.matched += 1
        else:
            rep.missed.append(f"{label}reference {g}")
    # a motie's grounds: kind + a substring of the clause
    for g in gold.get("considerations_must_include", []):
        rep.considerations.total += 1
        if any(c.kind == g["kind"] and _norm(g["contains"]) in _norm(c.text) for c in doc.considerations):
            rep.considerations.matched += 1
        else:
            rep.missed.append(f"{label}consideration {g['kind']}: {g['contains']!r}")
    # clean text (parse part)
    text = _norm(doc.text)
    for s in gold.get("clean_text_must_contain", []):
        rep.text.total += 1
        if _norm(s) in text:
            rep.text.matched += 1
        else:
            rep.missed.append(f"{label}clean text lacks {s!r}")
    for s in gold.get("clean_text_must_not_contain", []):
        rep.text.total += 1
        if s not in doc.text:
            rep.text.matched += 1
        else:
            rep.missed.append(f"{label}clean text has {s!r}")
    return rep


def document_from_gold(gold: dict) -> Document:
    """A Document built from a letters gold file's clean `paragraphs` and `section_headings`
    (heading before paragraph index), so extraction can be measured without the parser."""
    heads = {int(k): v for k, v in (gold.get("section_headings") or {}).items()}
    sections = [Section(heading=None)]
    for i, p in enumerate(gold.get("paragraphs", [])):
        if i in heads:
            if sections[-1].paragraphs or sections[-1].heading is not None:
                sections.append(Section(heading=heads[i]))
            else:
                sections[-1].heading = heads[i]
        sections[-1].paragraphs.append(p)
    body = "\n\n".join(gold.get("paragraphs", []))
    return Document(
        id=gold.get("id") or "gold",
        source=Source(format="text", sha256=hashlib.sha256(body.encode()).hexdigest()),
        chamber=gold.get("chamber") or "TK",
        kind=gold.get("kind") or "other",
        heading=gold.get("heading"),
        sender=gold.get("sender"),
        addressee=gold.get("addressee"),
        place=gold.get("place"),
        date=gold.get("date"),
        signatories=[Signatory(**s) for s in gold.get("signatories", [])],
        sections=sections,
    )


def run_eval(gold_path, file=None, from_gold_text: bool = False, out=None) -> int:
    """`kst eval`: parse `file` (or read a JSON record, or use the gold's own paragraphs), score it,
    print the summary and every missed and spurious item. Exit code 0."""
    import json
    import sys
    from pathlib import Path

    from .extract import enrich

    out = out or sys.stdout
    if Path(gold_path).is_dir():
        return _run_dir(Path(gold_path), Path(file) if file else None, from_gold_text, out)
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if from_gold_text or file is None:
        doc = enrich(document_from_gold(gold))
    elif str(file).endswith(".json"):
        doc = Document.from_dict(json.loads(Path(file).read_text(encoding="utf-8")))
    else:
        from .pipeline import parse

        doc = parse(file)
    rep = score(gold, doc)
    print(rep.summary(), file=out)
    _print_lists(rep, out)
    return 0


def _print_lists(rep: "Report", out) -> None:
    """What was missed, what the gold lacks, and what lies outside the annotated text."""
    for title, items in (("missed:", rep.missed), ("not in gold:", rep.spurious),
                         ("outside the annotated paragraphs (not judged):", rep.out_of_scope)):
        if items:
            print("\n" + title, file=out)
            for m in items:
                print("  " + m, file=out)


def _source_for(gold: dict, stem: str, folder):
    """The file a gold describes: its `source` under `folder`, else `folder/<stem>.*`."""
    if folder is None:
        return None
    if gold.get("source") and (folder / gold["source"]).exists():
        return folder / gold["source"]
    return next(iter(sorted(folder.glob(stem + ".*"))), None)


def _run_dir(gold_dir, folder, from_gold_text: bool, out) -> int:
    """`kst eval GOLD_DIR [FOLDER]`: every gold file in a folder, one line each, then the totals."""
    import json

    from .extract import enrich
    from .pipeline import parse

    total = Report()
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        src = None if from_gold_text else _source_for(gold, g.stem, folder)
        if src is None and not gold.get("paragraphs"):
            print(f"{g.name}: no source found, skipped", file=out)
            continue
        doc = parse(src) if src is not None else enrich(document_from_gold(gold))
        rep = score(gold, doc, label=f"{g.stem} ")
        total.add(rep)
        print(f"{g.name}: extraction {rep.extraction}, statements recall {rep.statements_recall}, "
              f"precision {rep.statements_precision}, entities {rep.entities_total}", file=out)
    print("\n" + total.summary(), file=out)
    _print_lists(total, out)
    return 0
