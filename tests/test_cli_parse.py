"""`kst parse` and `kst schema` as a user runs them: good files, bad files, exit codes."""
import json
import subprocess
import sys

from conftest import CORPUS, SEED

KST = [sys.executable, "-m", "kamerstukken.cli"]


def run(*args, **kw):
    return subprocess.run(KST + list(args), capture_output=True, text=True, timeout=120, **kw)


def test_parse_one_file_prints_the_record(shared):
    r = run("parse", str(SEED))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["id"] == "kst-28676-235" and doc["schema"] == "kamerstukken/document@1"
    assert doc["source"]["path"] == str(SEED.resolve())


def test_bad_files_fail_one_line_each_and_the_rest_is_parsed(shared, tmp_path):
    real = next((CORPUS / "moties" / "xml").glob("*.xml")).read_bytes()
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_junk.bin").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "c_truncated.xml").write_bytes(real[: len(real) // 3])
    (tmp_path / "d_bomb.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;">]><l>&c;&c;&c;</l>')
    (tmp_path / "e_good.xml").write_bytes(real)
    (tmp_path / "f_seed.txt").write_bytes(SEED.read_bytes())
    r = run("parse", "--jsonl", str(tmp_path))
    assert r.returncode == 1
    records = [json.loads(l) for l in r.stdout.splitlines()]
    assert [rec["source"]["path"].rsplit("/", 1)[-1] for rec in records] == ["e_good.xml", "f_seed.txt"]
    errors = [l for l in r.stderr.splitlines() if l.startswith("kst: ")]
    assert "Traceback" not in r.stderr
    for name in ("a_empty.txt", "b_junk.bin", "c_truncated.xml", "d_bomb.xml"):
        line = next(l for l in errors if name in l)
        assert len(line) < 300
    assert errors[-1] == "kst: 4 of 6 file(s) failed"


def test_missing_file_is_a_clear_error(tmp_path):
    r = run("parse", str(tmp_path / "nope.txt"))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "nope.txt" in r.stderr


def test_schema_is_json_schema():
    r = run("schema")
    schema = json.loads(r.stdout)
    assert schema["title"] == "Document"
    assert {"id", "sections", "statements", "warnings"} <= set(schema["properties"])
