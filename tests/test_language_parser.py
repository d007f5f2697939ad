"""The dependency parser: what later stages read from it (the verb a time expression hangs from, complement
clauses of reporting verbs, subjects), and training on a tiny treebank."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronology.language import pos
from chronology.language.parser import (
    LABEL_GROUPS,
    LABEL_TEMPLATES,
    MODEL_FILE,
    MOVE_GROUPS,
    MOVE_TEMPLATES,
    MOVES,
    Parser,
    Sentence,
    _Parse,
    label_features,
    move_features,
    named,
    parse,
)
from chronology.language.perceptron import load
from chronology.language.train_parser import projectivise, read_conllu, train


def split(text: str) -> list[str]:
    return text.split()


WORDS = split("Officials said on Monday that schools would reopen on Friday")
TAGS = split("NNS VBD IN NNP IN NNS MD VB IN NNP")
OFFICIALS, SAID, ON, MONDAY, THAT, SCHOOLS, WOULD, REOPEN, ON_, FRIDAY = range(10)

# The sentence as written, and as it comes out of the tokenizer, with its full stop.
SENTENCES = pytest.mark.parametrize(("words", "tags"), [(WORDS, TAGS), ([*WORDS, "."], [*TAGS, "."])])


@SENTENCES
def test_time_expressions_attach_to_the_verb_they_modify(words: list[str], tags: list[str]) -> None:
    parsed = parse(words, tags)
    assert parsed[MONDAY] == (SAID, "obl")
    assert parsed[ON] == (MONDAY, "case")
    assert parsed[FRIDAY] == (REOPEN, "obl")
    assert parsed[ON_] == (FRIDAY, "case")


@SENTENCES
def test_reported_clause_and_subjects(words: list[str], tags: list[str]) -> None:
    parsed = parse(words, tags)
    assert parsed[SAID] == (-1, "root")
    assert parsed[OFFICIALS] == (SAID, "nsubj")
    assert parsed[REOPEN] == (SAID, "ccomp")
    assert parsed[THAT] == (REOPEN, "mark")
    assert parsed[SCHOOLS] == (REOPEN, "nsubj")
    assert parsed[WOULD] == (REOPEN, "aux")


def test_every_parse_is_one_tree() -> None:
    words = split("Yesterday , the minister , who resigned , said nothing about it and left .")
    tags = split("NN , DT NN , WP VBD , VBD NN IN PRP CC VBD .")
    parsed = parse(words, tags)
    assert len(parsed) == len(words)
    assert [head for head, _ in parsed].count(-1) == 1
    for start in range(len(words)):
        seen = {start}
        head = parsed[start][0]
        while head != -1:
            assert head not in seen, "cycle"
            seen.add(head)
            head = parsed[head][0]
    assert parse([], []) == []
    assert parse(["Stop"], ["VB"]) == [(-1, "root")]


# Three sentences, with a multiword token line ("1-2") and an empty node ("5.1") to skip.
TREEBANK = """\
# text = Officials said on Monday that schools would reopen on Friday.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\ton\ton\tADP\tIN\t_\t4\tcase\t_\t_
4\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\tthat\tthat\tSCONJ\tIN\t_\t8\tmark\t_\t_
6\tschools\tschool\tNOUN\tNNS\t_\t8\tnsubj\t_\t_
7\twould\twould\tAUX\tMD\t_\t8\taux\t_\t_
8\treopen\treopen\tVERB\tVB\t_\t2\tccomp\t_\t_
9\ton\ton\tADP\tIN\t_\t10\tcase\t_\t_
10\tFriday\tFriday\tPROPN\tNNP\t_\t8\tobl\t_\t_
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\twait\twait\tVERB\tVB\t_\t0\troot\t_\t_
4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tfirm\tfirm\tNOUN\tNN\t_\t3\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tsold\tsell\tVERB\tVBN\t_\t0\troot\t_\t_
5\tlast\tlast\tADJ\tJJ\t_\t6\tamod\t_\t_
5.1\tsold\tsell\tVERB\tVBN\t_\t_\t_\t4:conj\t_
6\tyear\tyear\tNOUN\tNN\t_\t4\tobl:unmarked\t_\t_
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
"""


def test_training_on_a_tiny_treebank_reproduces_it(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(TREEBANK, encoding="utf-8")
    trees = read_conllu(path)
    assert [tree.words for tree in trees][1] == ("ca", "n't", "wait", "!")
    assert trees[2].labels[1] == "nsubj"  # subtypes are dropped
    assert len(trees[2].words) == 7
    parser = Parser(train(trees, epochs=8, log=lambda _: None).averaged())
    for tree in trees:
        assert parser.parse(tree.words, tree.tags) == list(zip(tree.heads, tree.labels, strict=True))
    again = train(trees, epochs=8, log=lambda _: None).averaged()
    assert again.weights == train(trees, epochs=8, log=lambda _: None).averaged().weights


def test_crossing_arcs_are_lifted() -> None:
    # "A hearing is scheduled on the issue today": "on the issue" belongs to "hearing" across "is scheduled".
    heads = [1, 3, 3, -1, 6, 6, 1, 3]
    assert projectivise(heads) == [1, 3, 3, -1, 6, 6, 3, 3]


def test_the_grouped_sums_are_the_feature_lists() -> None:
    # The parser sums groups of features once per word or per combination of tags; at every decision and every
    # arc the sum must be what the full feature lists score.
    assert sorted(template for group in MOVE_GROUPS for template in group) == sorted(MOVE_TEMPLATES)
    assert sorted(template for group in LABEL_GROUPS for template in group) == sorted(LABEL_TEMPLATES)
    model = load(MODEL_FILE)
    checked = {"moves": 0, "arcs": 0}

    class Checked(Parser):
        def _move_total(self, state: _Parse, b: int) -> complex:
            total = super()._move_total(state, b)
            shift, left, right = model.scores(named(MOVE_TEMPLATES, move_features(state, state.stack, b)))[:3]
            assert total == complex(left - shift, right - shift)
            checked["moves"] += 1
            return total

        def _label_total(self, sentence: Sentence, child: int, head: int) -> int:
            total = super()._label_total(sentence, child, head)
            scores = model.scores(named(LABEL_TEMPLATES, label_features(sentence, child, head)))[len(MOVES) :]
            fields = self._unpack_labels(total.to_bytes(self._label_bytes, "little"))
            # Each found feature adds the same bias to every field.
            assert [field - fields[0] for field in fields] == [score - scores[0] for score in scores]
            checked["arcs"] += 1
            return total

    parser = Checked(model)
    for text in (
        "Officials said on Monday that schools , which closed in 2020 , would reopen on Friday .",
        "The firm , whose shares fell 5 % , was sold last year to a rival it had sued twice .",
    ):
        words = text.split()
        assert parser.parse(words, pos.tag(words)) == parse(words, pos.tag(words))
    assert checked["moves"] > 20 and checked["arcs"] > 20
