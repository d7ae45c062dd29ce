"""The learned layers (names CRF, relation classifier), the constructions of this round and
the rule-usage report. Pure: no database. Texts are our own, in the genre's phrasing.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import learned, names
from loaders.doc import Doc
from loaders.extract import analyse_text, extract_text

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def rels(rec, rtype=None):
    return {(r["type"], r["source"], r["target"]) for r in rec["relations"]
            if rtype is None or r["type"] == rtype}


def ents(rec, kind):
    return {e["name"] for e in rec[kind]}


# -- constructions ---------------------------------------------------------------------
def test_a_project_name_read_short_takes_the_continuation_the_page_shows():
    text = ("Projektet Steg mot arbete\n\n"
            "Karin Ek leder projektet Steg mot arbete och har sitt kontor i Norrby. "
            "Tanken med projektet Steg mot arbete är att fler ska komma i arbete.")
    rec = extract_text(text)
    assert "Steg mot arbete" in ents(rec, "projects")
    assert "Steg" not in ents(rec, "projects")


def test_a_version_number_belongs_to_the_name():
    rec = extract_text("Förbundet har beviljat medel för projektet Bryggan 2.0 under 2024. "
                       "Projektet Bryggan 2.0 vänder sig till unga.")
    assert "Bryggan 2.0" in ents(rec, "projects")


def test_no_continuation_without_evidence():
    # the following words occur once, after the name only: they are not part of it
    rec = extract_text("Insatsen Kompassen hjälper unga i kommunen att hitta ett arbete.")
    assert not any(p.startswith("Kompassen ") for p in ents(rec, "projects"))


@pytest.mark.parametrize("text", [
    "Medverkande kommuner är Åre, Krokom och Bräcke.",
    "Länets tre kommuner (Åre, Krokom och Bräcke) har tecknat en överenskommelse.",
    "Tre kommuner – Åre, Krokom och Bräcke – står bakom satsningen.",
    "De kommuner som är med i avtalet är Åre, Krokom och Bräcke.",
    "I länet har följande kommuner fått medel: Åre, Krokom och Bräcke.",
])
def test_a_plural_kommuner_introducing_a_list_names_each_kommun_as_actor(text):
    rec = extract_text(text)
    assert {"Åre kommun", "Krokoms kommun", "Bräcke kommun"} <= ents(rec, "organizations")


def test_a_list_after_kommuner_that_is_not_kommuner_names_none():
    rec = extract_text("Flera kommuner (Arbetsförmedlingen, Försäkringskassan och Region Norrbotten deltar) ...")
    assert not any(o["kind"] == "municipality_org" for o in rec["organizations"])


def test_the_parties_of_an_agreement_collaborate_pairwise_forbund_included():
    rec = extract_text("De samverkande parterna i överenskommelsen är Arbetsförmedlingen, "
                       "Försäkringskassan och Samordningsförbundet Västra Norrby.")
    collab = rels(rec, "COLLABORATES_WITH")
    names_ = {"Arbetsförmedlingen", "Försäkringskassan", "Samordningsförbundet Västra Norrby"}
    got = {frozenset((a, b)) for _, a, b in collab}
    assert {frozenset(p) for p in itertools.combinations(names_, 2)} <= got


def test_members_of_a_forbund_listed_as_its_parties_do_not_collaborate():
    rec = extract_text("Samordningsförbundet Västra Norrby\n\nSamverkande parter är Arbetsförmedlingen, "
                       "Försäkringskassan och Region Norrland.")
    assert not rels(rec, "COLLABORATES_WITH")


def test_partners_in_inverted_word_order_and_past_tense():
    text = ("Projektet Vägen vidare\n\nProjektet Vägen vidare pågår 2022–2024. "
            "I projektet deltar Arbetsförmedlingen och Försäkringskassan. "
            "Tidigare medverkade även Region Västerbotten.")
    rec = extract_text(text)
    partners = {s for t, s, g in rels(rec, "PARTNER_IN") if g == "Vägen vidare"}
    assert {"Arbetsförmedlingen", "Försäkringskassan", "Region Västerbotten"} <= partners


def test_a_suffix_word_before_a_kommun_name_is_a_local_body_not_a_project():
    rec = extract_text("I projektet deltar Fontänhuset Malmö och Arbetsförmedlingen. "
                       "Fontänhuset erbjuder en meningsfull vardag.")
    assert "Fontänhuset" not in ents(rec, "projects")


def test_a_person_whose_first_name_no_list_has_is_found_by_shape_and_context():
    # "Zyrelle" is in no first-name list; the learned layer reads the title-and-employer line
    text = ("Talare\n\nZyrelle Okonkwo-Berg, enhetschef på Arbetsförmedlingen\n"
            "Anna Svensson, samordnare, Försäkringskassan")
    rec = extract_text(text)
    assert "Zyrelle Okonkwo-Berg" in ents(rec, "people")
    assert ("WORKS_FOR", "Zyrelle Okonkwo-Berg", "Arbetsförmedlingen") in rels(rec)


# -- the name layer's decoding ---------------------------------------------------------
def _random_model(rng: random.Random, attrs: list[str]) -> dict:
    labels = list(names.LABELS)
    raw = {"labels": labels,
           "state": {a: {str(i): round(rng.uniform(-3, 3), 3) for i in range(len(labels)) if rng.random() < 0.5}
                     for a in attrs},
           "transitions": {a: {b: round(rng.uniform(-4, 2), 3) for b in labels} for a in labels}}
    # a strong O bias on most attributes, as a trained model has, so the shortcut is taken
    for a in attrs[: len(attrs) // 2]:
        raw["state"][a]["0"] = round(rng.uniform(4, 9), 3)
    return names.runtime(raw)


def _brute_force(model: dict, feats: list[list[str]]) -> list[str]:
    labels, state, trans = model["labels"], model["state"], model["trans"]
    k = len(labels)

    def emit(i, j):
        return sum(state.get(a, [0.0] * k)[j] for a in feats[i])
    best, best_path = None, None
    for path in itertools.product(range(k), repeat=len(feats)):
        sc = sum(emit(i, j) for i, j in enumerate(path)) + sum(trans[a][b] for a, b in zip(path, path[1:]))
        if best is None or sc > best + 1e-9:
            best, best_path = sc, path
    return [labels[j] for j in best_path]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 4))
def test_viterbi_with_its_all_o_shortcut_finds_the_best_labelling(seed, n):
    rng = random.Random(seed)
    attrs = [f"a{i}" for i in range(8)]
    model = _random_model(rng, attrs)
    feats = [rng.sample(attrs, rng.randint(1, 4)) for _ in range(n)]
    got = names.viterbi(model, feats)

    def score(path):
        k = len(model["labels"])
        idx = [model["labels"].index(x) for x in path]
        return (sum(sum(model["state"].get(a, [0.0] * k)[j] for a in feats[i]) for i, j in enumerate(idx))
                + sum(model["trans"][a][b] for a, b in zip(idx, idx[1:])))
    assert score(got) == pytest.approx(score(_brute_force(model, feats)))


_PAGE = ("Samordningsförbundet Orsa\n\nNyheter\n\n2023-05-02\nProjektledare Anna Berg, Orsa kommun, leder "
         "Jobbstart tillsammans med Arbetsförmedlingen och Region Dalarna. Insatsen Steg för steg vänder sig "
         "till unga vuxna i Mora och Älvdalen. Den finansieras av Europeiska socialfonden.\n\nKontakt\nPer Ek\n"
         "Samordningsförbundet Orsa\nE-post: per.ek@example.se\n\n• Navet\n• Vägen Vidare 2\nAF")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_pages_sequences_decoded_together_label_as_each_decoded_alone(seed):
    # predicted_spans decodes all of a page's sequences at once (numpy): the labels are those of
    # decode(_emissions(...)) of each sequence, with the stored model and with random ones over
    # the page's own attributes (a strong O bias on half of them, so runs are cut)
    seen = []
    analyse_text(_PAGE + "\n" + _PAGE.replace("\n", " ") * 2, on_names=seen.append)
    doc = seen[0]
    seqs, feats = names.doc_features(doc)
    tags, line_of = names._rule_tags(doc), names._line_start_fn(doc.text)
    attrs = sorted({a for fe in feats for f in fe for a in f})
    rng = random.Random(seed)
    rng.shuffle(attrs)
    flat = _random_model(rng, attrs)  # and one with no O bias: runs as long as the lines
    flat["state"] = {a: [round(rng.uniform(-3, 3), 1) for _ in row] for a, row in flat["state"].items()}
    ties = {**flat, "state": {a: [float(rng.randint(-1, 1)) for _ in row] for a, row in flat["state"].items()},
            "trans": [[float(rng.randint(-1, 0)) for _ in row] for row in flat["trans"]]}  # equal scores: first index wins
    for model in (names.load_model(), _random_model(rng, attrs), flat, ties):
        pick = [s for s in seqs if rng.random() < 0.7] or seqs[:1]
        one_by_one = [names._emissions(model, s, tags, line_of) for s in pick]
        assert names._page_emissions(model, pick, tags, line_of).tolist() == [r for e in one_by_one for r in e]
        assert names._decode_all(model, pick, tags, line_of) == [names.decode(model, e) for e in one_by_one]


def test_spans_from_labels():
    seq = [("Region", 0, 6), ("Norrland", 7, 15), ("och", 16, 19), ("Anna", 20, 24), ("Berg", 25, 29)]
    assert names.spans(seq, ["B-ORG", "I-ORG", "O", "B-PER", "I-PER"]) == [("ORG", 0, 15), ("PER", 20, 29)]
    assert names.spans(seq, ["I-ORG", "O", "O", "I-PER", "B-PER"]) == [("ORG", 0, 6), ("PER", 20, 24), ("PER", 25, 29)]


def test_the_stored_models_load_and_are_small():
    for f in ("names.json", "relations.json"):
        p = ROOT / "loaders" / "models" / f
        assert p.stat().st_size < 1_000_000
        json.loads(p.read_text(encoding="utf-8"))
    assert names.load_model() is not None
    assert set(learned.load_model()["types"]) <= set(learned.ENDS)


# -- the relation layer ----------------------------------------------------------------
def _doc_with_two_orgs():
    doc, _ = analyse_text("Arbetsförmedlingen och Försäkringskassan träffas varje vecka i Norrby.",
                          names_model={})
    return doc


def test_a_model_above_threshold_adds_and_below_removes_the_rules_relations():
    doc = _doc_with_two_orgs()
    assert any(k[0] == "COLLABORATES_WITH" for k in doc.relations)  # the rules' vote
    never = {"types": {"COLLABORATES_WITH": {"threshold": 0.5, "mode": "replace", "weights": {"bias": -9.0}}}}
    learned.apply(doc, never)
    assert not any(k[0] == "COLLABORATES_WITH" for k in doc.relations)
    doc = _doc_with_two_orgs()
    keep = {"types": {"COLLABORATES_WITH": {"threshold": 0.5, "mode": "add", "weights": {"bias": -9.0}}}}
    learned.apply(doc, keep)
    assert any(k[0] == "COLLABORATES_WITH" for k in doc.relations)  # "add" never removes
    doc = _doc_with_two_orgs()
    always = {"types": {"PART_OF": {"threshold": 0.5, "mode": "add", "weights": {"bias": 9.0}}}}
    learned.apply(doc, always)
    part = [r for k, r in doc.relations.items() if k[0] == "PART_OF"]
    assert len(part) == 2  # both directions, each with a quote from the text
    assert all(doc.text[r["start"]:r["end"]] == r["evidence"] for r in part)


def test_pair_features_carry_the_rules_vote_and_the_words_between():
    doc = _doc_with_two_orgs()
    view = learned._DocView(doc)
    a, b = sorted([e for e in doc.of_type("org")], key=lambda e: e.uid)
    f = learned.pair_features(view, "COLLABORATES_WITH", a, b)
    assert f["rule"] == 1.0 and "same_line" in f and "coord" in f
    assert learned.pair_features(view, "COLLABORATES_WITH", a, b) == f  # deterministic


# -- rebuild and report ----------------------------------------------------------------
@pytest.mark.skipif(not (EVAL / "train").is_dir(), reason="the annotated sets (../shared/eval) are not here")
def test_the_committed_models_are_what_their_commands_rebuild(tmp_path):
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for module, name in (("loaders.train_names", "names.json"), ("loaders.train_relations", "relations.json")):
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", module, "--eval", str(EVAL), "--out", str(out)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        assert out.read_bytes() == (ROOT / "loaders" / "models" / name).read_bytes(), (
            f"loaders/models/{name} is not what `python -m {module}` builds: rebuild and commit it")


def test_the_rule_report_counts_documents_per_rule_and_changes_nothing(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Projektet Vägen vidare drivs av Norrby kommun tillsammans med Arbetsförmedlingen.", encoding="utf-8")
    b.write_text("Samordningsförbundet Norrby finansierar insatsen Steget. Projektledare är Anna Berg.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "loaders.rule_report", str(tmp_path), "--tsv"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    rows = {line.split("\t")[0]: int(line.split("\t")[2]) for line in run.stdout.splitlines()[1:]}
    assert rows["orgs.find_all()"] == 2
    assert rows["relations.OWN_CUES"] == 1
    assert any(k.startswith("relations.OWN_CUES | ") and v == 1 for k, v in rows.items())
    assert "orgs.find_all()" in rows
    # the instrumented run extracts exactly what the plain one does
    probe = ("import json,sys; from loaders import rule_report as R; "
             "from loaders.extract import extract_text; t=open(sys.argv[1]).read(); "
             "x=json.dumps(extract_text(t), sort_keys=True); R.instrument(); "
             "print(x == json.dumps(extract_text(t), sort_keys=True))")
    same = subprocess.run([sys.executable, "-c", probe, str(a)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert same.stdout.strip() == "True"


@pytest.mark.parametrize("text,expected", [
    ("Förbundet satsar på två nya projekt, Bryggan och Nya spår, via Europeiska socialfonden.",
     {"Bryggan", "Nya spår"}),
    ("Några av de beviljade projekten är Pappor i Norrby (Norrby kommun), Språkstöd för alla "
     "(Västby kommun) och Jobbkedjan.", {"Pappor i Norrby", "Språkstöd för alla", "Jobbkedjan"}),
    ("Styrelsen godkände två projektansökningar, Hållbar start och Ung Kraft, från kommunen.",
     {"Hållbar start", "Ung Kraft"}),
])
def test_projects_listed_after_a_counted_plural(text, expected):
    assert expected <= ents(extract_text(text), "projects")


def test_a_compound_head_and_a_naming_verb_introduce_names():
    rec = extract_text("Utifrån Klara steg-projektet i Norrby har ett nätverk bildats. "
                       "Kommunen fick statsbidrag för en pilotstudie kallad Brevlådan.")
    assert {"Klara steg", "Brevlådan"} <= ents(rec, "projects")
    rec = extract_text("Det nya EU-projektet startar i höst.")
    assert not ents(rec, "projects")  # a kind of project, not a name


BOARD = """Protokoll från styrelsemöte, Samordningsförbundet Västra Norrby

Närvarande:
Karin Ek, ordförande, Sala kommun
Lars Holm, ledamot, Försäkringskassan
Övriga deltagande:
Sara Lind, revisor
"""


def test_board_members_work_for_the_forbund_and_their_own_row():
    r = rels(extract_text(BOARD))
    assert ("WORKS_FOR", "Karin Ek", "Samordningsförbundet Västra Norrby") in r
    assert ("WORKS_FOR", "Karin Ek", "Sala kommun") in r
    assert ("WORKS_FOR", "Lars Holm", "Samordningsförbundet Västra Norrby") in r
    assert ("WORKS_FOR", "Sara Lind", "Samordningsförbundet Västra Norrby") not in r  # not on the board


def test_a_chair_of_another_body_is_not_on_the_forbunds_board():
    text = ("Samordningsförbundet Västra Norrby\n\nPå mötet talade Per Ek, ordförande i "
            "arbetsmarknadsnämnden Norrby kommun, om samverkan.")
    r = rels(extract_text(text))
    assert ("WORKS_FOR", "Per Ek", "Samordningsförbundet Västra Norrby") not in r


GRANTS = """Länsstyrelsen har fördelat medel. Årets medel har fördelats till tre insatser:

Sala kommun:

 • Jobbguide för nyanlända
 • Språkstöd för föräldrar

Studieförbundet Vuxenskolan

 • Samhällsinformation på lätt svenska

Övrigt

Länsstyrelsen fördelar även statliga ersättningar för verksamhet som riktar sig till asylsökande i länet.
"""


def test_bullets_under_a_list_intro_are_projects_owned_by_the_line_above_them():
    rec = extract_text(GRANTS)
    assert {"Jobbguide för nyanlända", "Språkstöd för föräldrar", "Samhällsinformation på lätt svenska"} <= ents(rec, "projects")
    owns = rels(rec, "OWNS")
    assert ("OWNS", "Sala kommun", "Språkstöd för föräldrar") in owns
    assert ("OWNS", "Studieförbundet Vuxenskolan", "Samhällsinformation på lätt svenska") in owns


def test_owner_in_parentheses_after_a_listed_project_and_a_grantee():
    rec = extract_text("Några av de beviljade projekten är Pappor i fokus (Sala kommun) och Jobbkedjan (Arbetsförmedlingen).")
    assert ("OWNS", "Sala kommun", "Pappor i fokus") in rels(rec)
    rec = extract_text("Studieförbundet Vuxenskolan har beviljats stöd för projektet Utveckling från dag ett.")
    assert ("OWNS", "Studieförbundet Vuxenskolan", "Utveckling från dag ett") in rels(rec)
    rec = extract_text("Projektet Steg framåt drivs 2019–2022 av Umeå universitet i samarbete med Region Västerbotten.")
    assert ("OWNS", "Umeå universitet", "Steg framåt") in rels(rec)


def test_a_label_ending_in_a_colon_speaks_of_every_bullet_under_it():
    text = ("Samordningsförbundet Västra Norrby bildades 2011 och består av:\n\n"
            "  • Sala kommun\n  • Heby kommun\n  • Arbetsförmedlingen\n  • Försäkringskassan\n\n"
            "Förbundet leds av en styrelse.")
    members = {s for t, s, o in rels(extract_text(text), "MEMBER_OF")}
    assert {"Sala kommun", "Heby kommun", "Arbetsförmedlingen", "Försäkringskassan"} <= members


def test_a_forbund_named_in_the_genitive_keeps_that_name():
    rec = extract_text("Sjuhärads samordningsförbund finansierar insatsen Kliv in.")
    (forb,) = [o for o in rec["organizations"] if o["kind"] == "coordination_association"]
    assert forb["name"] == "Sjuhärads samordningsförbund"


def test_a_page_title_is_the_project_the_page_then_calls_projektet():
    text = ("Bryggbygget\n\nProjektet bedrevs i samverkan mellan Försäkringskassan och Arbetsförmedlingen.\n\n"
            "Syfte\nBryggbygget skulle stärka unga.")
    assert "Bryggbygget" in ents(extract_text(text), "projects")
    assert not ents(extract_text("Bakgrund\n\nProjektet bedrevs i samverkan med kommunen."), "projects")
    rec = extract_text("Projekt 14 45 87 - Vägar mot jobb är ett arbetsmarknadsprojekt i länet.")
    assert "Vägar mot jobb" in ents(rec, "projects")


@pytest.mark.parametrize("text,bad", [
    ("Läs mer om projektet Läs mer och om insatsen Steget.", "Läs mer"),
    ("Vi har startat projektet Tingsvägen 12 i Solna.", "Tingsvägen"),
    ("I Halmstad finns projektet Bumerang ideell förening som driver ett café.", "Bumerang ideell förening"),
])
def test_page_furniture_addresses_and_legal_forms_are_no_project_names(text, bad):
    rec = extract_text(text)
    assert bad not in ents(rec, "projects")


def test_a_kind_written_before_a_name_is_no_part_of_it():
    rec = extract_text("Stockholms stad driver ESF-projektet ”Care för nyanlända” sedan 2022.")
    assert "ESF-projektet ”Care för nyanlända”" not in ents(rec, "projects")


def test_partner_nouns_in_compounds_and_joining_verbs():
    text = ("Projektet Unga framåt\n\nRegion Uppsala är projektägare och projektpartners är Heby kommun, "
            "Knivsta kommun och Tierps kommun. I projektet Unga framåt har vi gått samman med Arbetsförmedlingen.")
    partners = {s for s, t in ((r[1], r[2]) for r in rels(extract_text(text), "PARTNER_IN")) if t == "Unga framåt"}
    assert {"Heby kommun", "Knivsta kommun", "Tierps kommun", "Arbetsförmedlingen"} <= partners
    assert "Region Uppsala" not in partners  # the owner is no partner


def test_affiliations_written_around_the_name():
    r = rels(extract_text("Förstudien initierades av Laholms kommuns utvecklingschef Ulf Testsson i maj."))
    assert ("WORKS_FOR", "Ulf Testsson", "Laholms kommun") in r
    r = rels(extract_text("Deltar gör: Jan-Olof Provare och Ingela Exempel (Arbetsförmedlingen) samt andra."))
    assert {("WORKS_FOR", "Jan-Olof Provare", "Arbetsförmedlingen"), ("WORKS_FOR", "Ingela Exempel", "Arbetsförmedlingen")} <= r
    r = rels(extract_text("– Vi samarbetar nu, säger Christer Provsson, arbetsmarknadschef i Hylte."))
    assert ("WORKS_FOR", "Christer Provsson", "Hylte kommun") in r


def test_a_forbund_made_up_of_its_members_is_membership_not_collaboration():
    text = ("Samordningsförbundet Västra Norrby\n\nFörbundet är en juridisk person som utgörs gemensamt av "
            "Försäkringskassan, Arbetsförmedlingen och Sala kommun.")
    r = extract_text(text)
    assert not rels(r, "COLLABORATES_WITH")
    assert {s for _, s, _ in rels(r, "MEMBER_OF")} >= {"Försäkringskassan", "Arbetsförmedlingen", "Sala kommun"}
