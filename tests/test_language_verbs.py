"""The verb group: TimeML tense, aspect, modality and polarity of an event from the words around its trigger."""

import pytest

from chronology.language.verbs import read


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        ("The index has fallen", "DT NN VBZ VBN", ("PRESENT", "PERFECTIVE", None, "POS")),
        ("Apple will announce", "NNP MD VB", ("FUTURE", "NONE", None, "POS")),
        ("schools would reopen", "NNS MD VB", ("NONE", "NONE", "would", "POS")),
        ("the plant was sold", "DT NN VBD VBN", ("PAST", "NONE", None, "POS")),
        ("they are meeting", "PRP VBP VBG", ("PRESENT", "PROGRESSIVE", None, "POS")),
        ("it is going to announce", "PRP VBZ VBG TO VB", ("FUTURE", "NONE", None, "POS")),
        ("he did not say", "PRP VBD RB VB", ("PAST", "NONE", None, "NEG")),
        ("the company plans to announce", "DT NN VBZ TO VB", ("INFINITIVE", "NONE", None, "POS")),
        ("prices have been rising", "NNS VBP VBN VBG", ("PRESENT", "PERFECTIVE_PROGRESSIVE", None, "POS")),
        ("the minister said", "DT NN VBD", ("PAST", "NONE", None, "POS")),
        ("the president was dead", "DT NN VBD JJ", ("PAST", "NONE", None, "POS")),
        ("the earthquake", "DT NN", ("NONE", "NONE", None, "POS")),
        ("they could n't have known", "PRP MD RB VB VBN", ("NONE", "PERFECTIVE", "could", "NEG")),
    ],
)
def test_verb_group(words: str, tags: str, expected: tuple[str, str, str | None, str]) -> None:
    tokens, tag_list = words.split(), tags.split()
    group = read(tokens, tag_list, len(tokens) - 1)
    assert (group.tense, group.aspect, group.modality, group.polarity) == expected


def test_passive_voice_is_read() -> None:
    assert read(["the", "law", "was", "passed"], ["DT", "NN", "VBD", "VBN"], 3).passive
    assert not read(["the", "law", "has", "passed"], ["DT", "NN", "VBZ", "VBN"], 3).passive
