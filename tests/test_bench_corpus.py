"""The benchmark corpus generator: deterministic by seed, and its documents extract."""
from __future__ import annotations

import hashlib

from bench.corpus import Corpus, corpus_paths, write_corpus


def _digest(c: Corpus, n: int) -> str:
    h = hashlib.sha256()
    for rel, text in c.iter_documents(n):
        h.update(rel.encode())
        h.update(text.encode())
    return h.hexdigest()


def test_same_seed_same_documents():
    assert _digest(Corpus(7), 60) == _digest(Corpus(7), 60)


def test_other_seed_other_documents():
    assert _digest(Corpus(7), 20) != _digest(Corpus(8), 20)


def test_document_depends_only_on_seed_and_index():
    c = Corpus(3)
    forward = [c.document(i) for i in range(30)]
    assert [c.document(i) for i in reversed(range(30))] == list(reversed(forward))
    assert len({text for _, text in forward}) == 30  # distinct content: distinct doc uids


def test_both_kinds_and_skewed_reuse():
    docs = [text for _, text in Corpus(1).iter_documents(300)]
    assert any("Beviljat ESF-stöd" in t for t in docs)
    assert any(t.startswith("Samordningsförbund") or "\nNyheter\n" in t for t in docs)
    af = sum("Arbetsförmedlingen" in t for t in docs)
    assert af > len(docs) // 4  # the head of the Zipf ranking recurs


def test_prefix_on_disk(tmp_path):
    root = write_corpus(tmp_path / "c", 25, seed=2)
    files = sorted(p for p in root.rglob("*.txt"))
    assert len(files) == 25
    assert len(corpus_paths(root, 25)) == 25  # a partial folder: its first files
    rel, text = Corpus(2).document(24)
    assert (root / rel).read_text(encoding="utf-8") == text


def test_documents_extract_to_non_empty_records():
    from loaders.extract import extract_text

    c = Corpus(1)
    kinds, with_project = set(), 0
    for i in range(20):
        rel, text = c.document(i)
        rec = extract_text(text, rel.split("/")[-1], "/bench/" + rel)
        kinds.add(rel.rsplit("_", 1)[-1])
        assert rec["organizations"], rel
        assert rec["relations"], rel
        with_project += bool(rec["projects"])
    assert with_project >= 16  # the extractor misses a few names (e.g. ending in a kommun)
    assert kinds == {"esf.txt", "news.txt"}
