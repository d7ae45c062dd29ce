"""Target groups from Swedish phrasing, and the annotation rules (CONVENTIONS.md)."""
from __future__ import annotations

import pytest

from loaders.targets import find_groups, keys_in, target_sections


@pytest.mark.parametrize("text,key", [
    ("Projektet söker upp unga som varken studerar, arbetar eller är inskrivna på arbetsförmedlingen.", "not_registered_af"),
    ("Vi söker upp de unga som varken studerar, arbetar eller har kontakt med myndigheter.", "not_registered_af"),
    ("Vi fångar upp de personer som står utanför både skola, arbete och myndighet.", "not_registered_af"),
    ("Förbundet samordnar rehabiliteringen av sjuka, utförsäkrade och långtidsarbetslösa.", "sick_listed"),
    ("Deltagaren får stöd för att kunna lämna långvarig sjukfrånvaro.", "sick_listed"),
    ("Människor med medicinska, psykiska, sociala och arbetsmarknadsrelaterade problem får stöd.", "mental_ill_health"),
    ("Arbetsspecialister arbetar med patienter på fem psykosmottagningar.", "mental_ill_health"),
    ("Insatsen riktar sig till långtidsarbetslösa.", "long_term_unemployed"),
    ("Deltagarna har varit arbetslösa i mer än två år.", "long_term_unemployed"),
    ("Målgruppen är personer med ekonomiskt bistånd.", "social_assistance_recipients"),
    ("Projektet är för dem som inte är självförsörjande.", "social_assistance_recipients"),
    ("Vi stöttar nyanlända i etableringen.", "newly_arrived"),
    ("Flyktingar med tillfälligt skydd får stöd.", "newly_arrived"),
    ("Målgruppen är lågutbildade.", "short_education"),
    ("Personer som saknar gymnasieutbildning deltar.", "short_education"),
    ("Insatsen är för unga som saknar fullständiga betyg från grundskolan.", "short_education"),
    ("Deltagarna är vuxna utan slutförd gymnasieutbildning.", "short_education"),
    ("Unga som inte har fullföljt gymnasieskolan får stöd.", "short_education"),
    ("Målgruppen har låg utbildning och lång tid i arbetslöshet.", "short_education"),
    ("Nyanlända med kort eller ingen skolbakgrund deltar.", "short_education"),
    ("Den som deltar ska som högst ha grundskoleutbildning.", "short_education"),
    ("Stöd till långtidssjukskrivna.", "sick_listed"),
    ("Personer med psykisk ohälsa deltar.", "mental_ill_health"),
    ("Deltagare från daglig verksamhet enligt LSS.", "daily_activity_participants"),
    ("Unga med aktivitetsersättning.", "young_activity_compensation"),
    ("Insatsen är för ungdomar mellan 16 och 24 år.", "young_people"),
    ("Personer med utomeuropeisk bakgrund.", "foreign_born"),
    ("Personer med svaga kunskaper i svenska.", "low_swedish_proficiency"),
    ("Sfi-studerande som riskerar avbrott.", "sfi_students"),
    ("Personer som inte är inskrivna på Arbetsförmedlingen.", "not_registered_af"),
    ("Kompetensutveckling för handläggare inom socialtjänsten.", "professionals"),
    ("Projektet riktar sig till arbetsgivare i regionen.", "employers"),
])
def test_phrasing_to_key(text, key):
    assert key in keys_in(text)


def test_compound_group_gets_each_attribute():
    ks = set(keys_in("Målgrupp: utrikesfödda med svaga kunskaper i svenska, som inte är självförsörjande."))
    assert {"foreign_born", "low_swedish_proficiency", "social_assistance_recipients"} <= ks


@pytest.mark.parametrize("text,specific,generic", [
    ("Projektet vänder sig till utrikes födda kvinnor.", "foreign_born_women", {"women", "foreign_born"}),
    ("Målgruppen är invandrarkvinnor.", "foreign_born_women", {"women"}),
    ("Systugan välkomnar utlandsfödda kvinnor som vill börja arbeta.", "foreign_born_women", {"women", "foreign_born"}),
    ("Unga med aktivitetsersättning deltar.", "young_activity_compensation", {"young_people"}),
])
def test_specific_replaces_generic(text, specific, generic):
    ks = set(keys_in(text))
    assert specific in ks and not (generic & ks)


def test_utanforskap_is_a_state_when_the_text_names_the_group():
    named = ("Målgrupp: utrikesfödda kvinnor som saknar grundläggande kunskaper i svenska. "
             "Utan stöd stagnerar många i utanförskap och försörjningsberoende.")
    assert "far_from_labour_market" not in keys_in(named)
    alone = "Föreningen driver en mötesplats för personer i utanförskap i Gävle."
    assert keys_in(alone) == ["far_from_labour_market"]


def test_far_from_labour_market_only_when_it_is_the_group():
    assert keys_in("Målgruppen är personer som står långt från arbetsmarknaden.") == ["far_from_labour_market"]
    ks = keys_in("Långtidsarbetslösa som står långt från arbetsmarknaden.")
    assert "long_term_unemployed" in ks and "far_from_labour_market" not in ks


def test_women_and_men_is_everyone():
    assert "women" not in keys_in("Deltagarna är kvinnor och män i alla åldrar.")
    assert "women" in keys_in("Insatsen riktar sig till kvinnor.")


def test_staff_and_employers_need_context():
    assert "professionals" not in keys_in("Personalen på kontoret svarar i telefon.")
    assert "employers" not in keys_in("Vi har goda kontakter med arbetsgivare.")


def test_staff_near_the_word_malgrupp_are_not_a_target_group_without_training():
    # the staff are only a target group when the work trains them
    assert "professionals" not in keys_in(
        "Uppsökande verksamhet förstärkt med anställda unga marknadsförare från samma miljöer som målgruppen.")
    assert "professionals" not in keys_in(
        "Tilltron till myndigheterna är låg hos både deltagare och personal i målgruppen.")
    assert "professionals" in keys_in("Målgruppen är personal i kommunen som får kompetensutveckling.")


def test_what_the_participants_turned_out_to_have_is_not_a_target_group():
    assert "short_education" not in keys_in("En majoritet av deltagarna hade kort eller ingen utbildning.")
    assert "short_education" not in keys_in(
        "Bland deltagarna fanns de med kort eller ingen utbildning och de med lång utbildning.")
    # a statement of whom the work is for still counts, and so does the plain statement
    assert "short_education" in keys_in("Projektet riktar sig till personer med kort utbildning.")
    assert "short_education" in keys_in(
        "Många av deltagarna var personer med kort utbildning, som insatsen riktar sig till.")


def test_the_employers_need_is_not_the_employers_as_a_target_group():
    assert "employers" not in keys_in(
        "Modellen ska göra personer i målgruppen anställningsbara och möta arbetsgivarnas behov av personal.")
    assert "employers" in keys_in("Målgruppen är arbetsgivare och arbetssökande i regionen.")
    assert "employers" in keys_in("Målgruppen är arbetsgivarna och deras anställda.")


def test_names_are_not_groups():
    text = "Projektet Unga in startar nu."
    span = (text.index("Unga in"), text.index("Unga in") + len("Unga in"))
    assert not find_groups(text, skip_spans=[span])


def test_target_section_covers_its_list():
    text = "Bakgrund\nText.\n\nProjektets målgrupper är:\n- Långtidsarbetslösa\n- Unga vuxna\n\nMetod\nVi jobbar."
    (a, b), = [s for s in target_sections(text) if s[0] <= text.index("Projektets") < s[1]]
    assert text.index("Unga vuxna") < b <= text.index("Metod")


def test_offsets_point_at_the_phrase():
    text = "Stöd till sjukskrivna och nyanlända kvinnor."
    for g in find_groups(text):
        assert text[g.start:g.end] == g.phrase


def test_horizontal_principles_are_not_groups():
    assert keys_in("Projektet säkerställer att jämställdhet och tillgänglighet för personer med "
                   "funktionsnedsättning genomsyrar verksamheten.") == []


def test_young_people_at_risk_of_activity_compensation_stay_young_people():
    ks = keys_in("Insatser riktade mot unga i farozonen för aktivitetsersättning.")
    assert "young_people" in ks


def test_the_stem_precheck_never_changes_the_result(monkeypatch):
    """The per-key stem pre-check is only a shortcut: on every document we have and on every
    phrasing above, the groups found are the same with and without it."""
    from pathlib import Path

    import loaders.targets as T

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "seeds").glob("*.txt"))]
    texts += [t for t, _ in test_phrasing_to_key.pytestmark[0].args[1]]
    texts += [t for t, _, _ in test_specific_replaces_generic.pytestmark[0].args[1]]
    for text in texts:
        with_stems = T.find_groups(text)
        monkeypatch.setattr(T, "_USE_STEMS", False)
        without = T.find_groups(text)
        monkeypatch.setattr(T, "_USE_STEMS", True)
        assert with_stems == without, text[:80]


def test_whom_a_project_is_for_outside_a_malgrupp_heading():
    t = "Ett nytt projekt för nyanlända kvinnor har startat i Ljungby. Det leds av kommunen."
    assert any(a <= t.find("nyanlända") < b for a, b in target_sections(t))
    t2 = ("Kommunen tar emot flyktingar som behöver anpassade insatser för att komma in på arbetsmarknaden. "
          "Kommunen har också en simhall med många besökare.")
    spans = target_sections(t2)
    assert any(a <= t2.find("flyktingar") < b for a, b in spans)
    assert not any(a <= t2.find("simhall") < b for a, b in spans)
    # "projekt för att ..." states a purpose, not whom it is for
    assert not target_sections("Ett projekt för att minska sjukskrivningarna i regionen.")


def test_newly_arrived_modifying_foreign_born_is_one_group_and_coordination_two():
    assert keys_in("Det vänder sig till nyanlända utrikes födda med uppehållstillstånd.") == ["newly_arrived"]
    assert set(keys_in("Insatsen vänder sig till nyanlända och utrikes födda.")) == {"newly_arrived", "foreign_born"}


def test_the_women_a_text_speaks_of_after_naming_foreign_born_women_are_those():
    text = ("Genom insatsen fick utrikes födda kvinnor studera svenska. "
            "Kvinnorna studerade svenska genom film och musik.")
    assert keys_in(text) == ["foreign_born_women"]


def test_statistics_about_a_population_name_no_target_group():
    from loaders.targets import keys_in
    assert keys_in("Länet har en högre andel lågutbildade och arbetslösa bland unga och utrikesfödda än riksgenomsnittet.") == []
    assert keys_in("Antalet personer som står långt från arbetsmarknaden har ökat kraftigt i länet.") == []
    # whom the work is for still counts in the same words
    assert "far_from_labour_market" in keys_in("Projektet riktar sig till personer som står långt ifrån den reguljära arbetsmarknaden.")


def test_far_from_the_labour_market_with_any_article_or_adjective():
    from loaders.targets import keys_in
    assert keys_in("Insatsen vänder sig till personer som står långt ifrån svensk arbetsmarknad.") == ["far_from_labour_market"]
    assert "far_from_labour_market" in keys_in("Målgrupp: personer som står långt ifrån sysselsättning.")


def test_nominalised_adjectives_and_registration_words_name_their_groups():
    from loaders.targets import keys_in
    keys = keys_in("Målgruppen är arbetssökande, däribland utrikesfödda, funktionsnedsatta och långtidsinskrivna "
                   "på Arbetsförmedlingen.")
    assert {"persons_with_disabilities", "long_term_unemployed", "foreign_born"} <= set(keys)
    assert "newly_arrived" in keys_in("Projektet riktar sig till unga som har permanent eller tillfälligt uppehållstillstånd.")


def test_more_wordings_of_the_taxonomys_groups():
    from loaders.targets import keys_in
    assert "newly_arrived" in keys_in("Målgruppen är unga som har hälsoproblem eller nyligen anlänt till Sverige.")
    assert "low_swedish_proficiency" in keys_in("Målgruppen är kvinnor som har brister i svenska språket.")
    assert "persons_with_disabilities" in keys_in("Målgruppen är personer med nedsatt funktions- och arbetsförmåga.")
    assert "social_assistance_recipients" in keys_in("Projektet ska minska bidragsberoendet bland deltagarna.")
    assert "short_education" in keys_in("Projektets målgrupp är nyanlända kortutbildade personer.")


def test_a_group_after_oavsett_is_no_target():
    assert "persons_with_disabilities" not in keys_in(
        "Projektet ska kunna ta emot alla i målgruppen, oavsett eventuella funktionsnedsättningar.")
    assert "persons_with_disabilities" in keys_in("Projektet ska ta emot personer med funktionsnedsättningar.")


def test_who_is_in_a_picture_is_no_target_group():
    text = ("Projektet Steget ska locka internationell kompetens.\n\nTvå kvinnor framför en fontän\n"
            "Fr v näringslivschefen Anna Berg och kommunalrådet Eva Ek. Foto: Bo Wik.\n")
    assert "women" not in keys_in(text)
    assert "women" in keys_in("Projektet Steget riktar sig till kvinnor som vill starta företag.")


def test_a_title_after_a_dash_is_a_phrase_of_its_own():
    # "Mission Possible – Nyanlända invandrares etablering": the newly arrived, not a name
    assert keys_in("Program för seminariet: Mission Possible – Nyanlända invandrares etablering.") == ["newly_arrived"]


def test_riktar_sig_mot_states_whom_the_work_is_for():
    from loaders.targets import target_sections
    text = "Inledning.\n\nProjektet Femina riktar sig mot långtidsarbetslösa kvinnor i stadsdelen."
    assert any(a <= text.index("långtids") < b for a, b in target_sections(text))


def test_what_statistics_show_is_no_target_group():
    keys = {g.key for g in find_groups("Projektet riktar sig till ungdomar mellan 16 och 24 år. Statistiken visar "
                                       "att andelen unga med psykisk ohälsa ökar.")}
    assert "young_people" in keys and "mental_ill_health" not in keys


def test_a_prioritised_group_is_whom_the_work_is_for():
    text = "Projektet Nya Jobb vänder sig till utrikes födda med kort utbildning. Kvinnor är särskilt prioriterade."
    sections = target_sections(text)
    at = text.index("Kvinnor")
    assert any(a <= at < b for a, b in sections)


def test_a_share_said_to_be_high_is_population_statistics():
    keys = {g.key for g in find_groups("Bakgrund\n\nAndelen personer med försörjningsstöd är hög i kommunen.\n\n"
                                       "Målgrupp\n\nLångtidsarbetslösa, 18–64 år.")}
    assert "long_term_unemployed" in keys and "social_assistance_recipients" not in keys


def test_a_teaser_linking_to_another_page_states_no_group():
    assert not find_groups("Läs också: Så fungerar etableringsprogrammet. Relaterade artiklar: Fler unga i jobb.")
    assert {g.key for g in find_groups("Projektet riktar sig till unga. Läs mer: Om oss.")} == {"young_people"}


def test_a_share_of_a_count_of_participants_is_no_target_group():
    keys = {g.key for g in find_groups("Insatsen riktar sig till långtidsarbetslösa. Under 2023 deltog 120 personer, "
                                       "varav 60 procent kvinnor.")}
    assert keys == {"long_term_unemployed"}


@pytest.mark.parametrize("text", [
    "Andelen sjukskrivna har ökat och många med försörjningsstöd saknar gymnasieutbildning, visar rapporten.",
    "Antalet unga med aktivitetsersättning har fördubblats sedan 2010.",
    "På seminariet pratade vi om psykisk ohälsa bland unga och hur arbetsgivare kan bli bättre på att anställa.",
    "Forskaren föreläste om långtidsarbetslösa i Europa.",
])
def test_trends_and_talked_about_subjects_are_no_target_groups(text):
    # CONVENTIONS: population statistics are not groups; a topic is not whom work is for
    assert keys_in(text) == []


def test_a_group_the_work_is_aimed_at_is_kept_beside_a_trend_or_a_talk():
    assert "sick_listed" in keys_in("Andelen sjukskrivna har ökat, och projektet Nya steg riktar sig till sjukskrivna.")
    assert "young_people" in keys_in("Vi pratade om insatsen, som vänder sig till unga som varken arbetar eller studerar.")


@pytest.mark.parametrize("text", [
    "Projektet vänder sig till kvinnor som har varit arbetslösa länge.",
    "Insatsen är för personer som varit utan arbete en längre tid.",
])
def test_long_unemployment_written_with_an_adverb_of_time(text):
    assert "long_term_unemployed" in keys_in(text)
    assert "long_term_unemployed" not in keys_in("Många blev arbetslösa under pandemin och fick ny anställning.")


@pytest.mark.parametrize("text,key", [
    ("Projektet riktar sig till personer som avbrutit sina studier på sfi.", "sfi_students"),
    ("Insatsen är för dig som har hoppat av sfi.", "sfi_students"),
    ("Projektet riktar sig till personer med annat modersmål som behöver stärka sin svenska.", "low_swedish_proficiency"),
    ("Insatsen vänder sig till personer som lever på bidrag.", "social_assistance_recipients"),
    ("Projektet är en satsning för personer med autism eller adhd.", "persons_with_disabilities"),
    ("Insatsen riktar sig till personer med kognitiva svårigheter.", "persons_with_disabilities"),
])
def test_groups_said_with_a_verb_or_a_diagnosis(text, key):
    assert key in keys_in(text)


def test_studies_and_swedish_that_name_no_group():
    # sfi as a provider, Swedish as a subject taught to all: no group
    assert keys_in("Kommunen erbjuder sfi och vuxenutbildning i egen regi.") == []
    assert "low_swedish_proficiency" not in keys_in("Alla elever ska lära sig engelska och matematik.")
    assert "social_assistance_recipients" not in keys_in("Familjen lever på sin egen inkomst.")


@pytest.mark.parametrize("text", [
    "På seminariet diskuterade vi psykisk ohälsa bland unga.",
    "Vid föreläsningen belyste forskaren situationen för nyanlända kvinnor.",
    "Konferensen handlade om hur vi kan nå unga med psykisk ohälsa.",
    "Webbinariet fokuserade på långtidsarbetslösa i glesbygd.",
])
def test_a_subject_discussed_or_an_event_about_it_is_no_target_group(text):
    assert keys_in(text) == []


def test_work_that_is_about_a_group_keeps_it():
    # 'handlar om' with the project as subject says what the work is for
    assert set(keys_in("Projektet handlar om att stötta unga med psykisk ohälsa.")) == {"young_people", "mental_ill_health"}
    assert keys_in("Vi diskuterade insatsen, som riktar sig till sjukskrivna.") == ["sick_listed"]


def test_a_menu_of_short_lines_is_no_target_group():
    text = "Meny\nHem\nUnga\nNyanlända\nArbetsgivare\nKontakt\n\nProjektet Alfa riktar sig till långtidsarbetslösa."
    assert keys_in(text) == ["long_term_unemployed"]


def test_a_list_of_groups_under_an_intro_or_a_heading_is_kept():
    # the same short lines under 'riktar sig till:' or a Målgrupper heading are the groups
    assert set(keys_in("Projektet riktar sig till:\nUnga\nNyanlända\nSjukskrivna\n")) == {
        "young_people", "newly_arrived", "sick_listed"}
    assert set(keys_in("Målgrupper\n\nUnga\nNyanlända\nSjukskrivna\n")) >= {"young_people", "newly_arrived", "sick_listed"}


def test_a_rate_among_a_population_is_no_target_group():
    text = "Arbetslösheten bland utrikes födda är fortfarande hög i kommunen. Projektet ska därför stödja sjukskrivna."
    assert keys_in(text) == ["sick_listed"]
    assert keys_in("Sysselsättningsgraden hos personer med funktionsnedsättning är lägre än hos andra.") == []


def test_a_rate_the_project_is_to_change_keeps_its_group():
    # the project's aim said with the rate: the group is whom the work is for
    assert "foreign_born" in keys_in("Projektet ska minska arbetslösheten bland utrikes födda, som är hög.")


@pytest.mark.parametrize("text", [
    "Projektet riktar sig både till deltagare och till personal inom socialtjänsten.",
    "Projektet drivs av Norrby kommun.\nMålgrupp: Handläggare och chefer inom socialtjänsten.",
    "Projektet ska ge medarbetare i kommunen bättre kunskap om bemötande.",
])
def test_staff_as_whom_the_work_is_aimed_at(text):
    assert "professionals" in keys_in(text)


@pytest.mark.parametrize("text", [
    "Projektet riktar sig till långtidsarbetslösa och leds av personal från kommunen.",
    "Projektet riktar sig till unga. Personalen på kontoret arbetar med coachning.",
])
def test_staff_who_do_the_work_are_no_target_group(text):
    assert "professionals" not in keys_in(text)


@pytest.mark.parametrize("text", [
    "Projektet Beta riktade sig till långtidsarbetslösa.",
    "Insatsen har vänt sig till långtidsarbetslösa i hela länet.",
    "Kommunen driver projektet Beta för långtidsarbetslösa.",
])
def test_past_tense_and_a_name_before_for_are_target_cues(text):
    assert target_sections(text) and "long_term_unemployed" in keys_in(text)


def test_a_name_before_for_att_is_no_target_cue():
    assert target_sections("Kommunen driver projektet Beta för att fler ska få jobb.") == []


@pytest.mark.parametrize("text", [
    "Genom projektet har 30 ungdomar fått jobb.",
    "Under 2023 fick 12 nyanlända kvinnor anställning genom projektet.",
    "Hittills har 45 deltagare med försörjningsstöd gått vidare till studier.",
])
def test_a_counted_result_is_no_target_group(text):
    assert keys_in(text) == []


def test_a_counted_group_the_work_is_to_help_is_kept():
    # a planned count with what the work shall do for them names whom it is for
    assert keys_in("Projektet ska hjälpa 100 långtidsarbetslösa att få jobb.") == ["long_term_unemployed"]
    assert keys_in("Projektet riktar sig till 30 unga som har fått avslag på sin ansökan om jobb.") == ["young_people"]


def test_a_group_the_work_is_said_not_to_be_for_is_dropped():
    assert keys_in("Projektet riktar sig inte till personer med sjukersättning utan till unga som är arbetslösa.") == [
        "young_people"]
    # "inte bara … utan även" keeps both
    assert set(keys_in("Projektet är inte bara till för unga utan även för sjukskrivna.")) == {"young_people", "sick_listed"}


@pytest.mark.parametrize("text,key", [
    ("Projektet riktar sig till personer med skyddsstatus.", "newly_arrived"),
    ("Projektet riktar sig till personer som omfattas av LSS.", "persons_with_disabilities"),
])
def test_groups_said_by_their_legal_status(text, key):
    assert keys_in(text) == [key]


def test_women_picked_out_of_the_newly_arrived_are_foreign_born_women():
    text = ("Projektet riktar sig till nyanlända som har avslutat etableringen. Insatserna ska vara riktade mot dem, "
            "främst kvinnor som kan tänka sig att arbeta inom vården.")
    keys = keys_in(text)
    assert "foreign_born_women" in keys and "women" not in keys


def test_women_picked_out_with_no_foreign_born_group_named_stay_women():
    keys = keys_in("Projektet riktar sig till långtidsarbetslösa, främst kvinnor som vill arbeta inom vården.")
    assert "women" in keys and "foreign_born_women" not in keys


def test_a_changing_share_of_the_participants_is_no_target_group():
    assert keys_in("Under 2023 har andelen deltagare med försörjningsstöd minskat.") == []
    # the group the work is aimed at, in the same sentence, is kept
    assert keys_in("Andelen deltagare har ökat i projektet, som riktar sig till personer med försörjningsstöd.") == [
        "social_assistance_recipients"]


def test_mothers_are_women_and_foreign_born_mothers_foreign_born_women():
    assert keys_in("Projektet riktar sig till ensamstående utlandsfödda mammor.") == ["foreign_born_women"]
    assert keys_in("Projektet riktar sig till ensamstående mammor med försörjningsstöd.") == [
        "women", "social_assistance_recipients"]


@pytest.mark.parametrize("text", ["Insatsen vänder sig till tjejer och killar mellan 15 och 24 år.",
                                  "Projektet riktar sig till mammor och pappor som är unga."])
def test_both_sexes_in_other_words_is_everyone_not_women(text):
    assert "women" not in keys_in(text) and "young_people" in keys_in(text)


def test_the_specific_key_replaces_the_generic_across_a_second_attribute():
    keys = keys_in("Projektet riktar sig till ungdomar med funktionsnedsättning som har aktivitetsersättning.")
    assert set(keys) == {"persons_with_disabilities", "young_activity_compensation"}
    # two groups coordinated keep the generic one
    assert "young_people" in keys_in("Projektet riktar sig till unga med psykisk ohälsa och unga med aktivitetsersättning.")


@pytest.mark.parametrize("text,key", [
    ("Projektet riktar sig till personer som lider av depression eller ångest.", "mental_ill_health"),
    ("Projektet riktar sig till personer som har varit inskrivna på Arbetsförmedlingen i mer än två år.",
     "long_term_unemployed"),
])
def test_groups_said_by_diagnosis_or_by_time_registered(text, key):
    assert keys_in(text) == [key]


def test_an_economic_depression_or_a_short_registration_names_no_group():
    assert keys_in("Under den ekonomiska depressionen på 1930-talet förlorade många sina jobb.") == []
    assert "long_term_unemployed" not in keys_in("Deltagarna ska vara inskrivna på Arbetsförmedlingen.")
