"""The learned target-group filter: without a usable model it changes nothing."""
from loaders import target_model, targets


def test_without_a_usable_model_keep_returns_found_unchanged():
    text = "Satsningen vänder sig till ungdomar mellan 16 och 24 år i kommunen."
    found = targets.find_groups(text)
    assert found
    assert target_model.keep(text, found, model={"use": False}) == found


def test_features_are_general_cues():
    text = "År 2020 var andelen utrikes födda i kommunen 12 %. Projektet riktar sig till unga som saknar gymnasieutbildning."
    found = targets.find_groups(text)
    by_key = {m.key: target_model.features(text, m, found) for m in found}
    assert by_key["young_people"]["aim"] == 1.0
