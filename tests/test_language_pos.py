"""Part-of-speech tags and lemmas as later stages read them: tense from the Penn tags, lemmas of verbs."""

from __future__ import annotations

from chronology.language import pos
from chronology.language.tokens import tokenize
from chronology.language.train_pos import read_conllu, train_upos, train_xpos


def tagged(text: str) -> list[tuple[str, str]]:
    words = [token.text for token in tokenize(text)]
    return list(zip(words, pos.tag(words), strict=True))


def test_past_tense_verbs() -> None:
    tags = dict(tagged("He said the company lost $2 billion."))
    assert tags["said"] == "VBD"
    assert tags["lost"] == "VBD"
    assert tags["$"] == "$"
    assert tags["billion"] == "CD"


def test_perfect_and_future() -> None:
    assert tagged("The index has fallen.")[2:4] == [("has", "VBZ"), ("fallen", "VBN")]
    assert tagged("The minister will announce the budget.")[2:4] == [("will", "MD"), ("announce", "VB")]


def test_names_and_clitics() -> None:
    tags = tagged("Apple didn't comment on Tuesday.")
    assert tags[:4] == [("Apple", "NNP"), ("did", "VBD"), ("n't", "RB"), ("comment", "VB")]
    assert tags[-2] == ("Tuesday", "NNP")


def test_a_headline_verb_is_a_verb() -> None:
    # Headlines drop the articles that tell a verb is coming; a sentence needs a finite verb.
    assert tagged("Apple releases Macbook")[1] == ("releases", "VBZ")
    assert tagged("Apple executive Steve Jobs resigns")[-1] == ("resigns", "VBZ")
    assert tagged("Beatles' Apple Corps sues Apple Computer")[4] == ("sues", "VBZ")


def test_a_compound_or_a_passive_headline_keeps_its_tags() -> None:
    assert tagged("Fast and great service on pool covers")[-1] == ("covers", "NNS")
    assert tagged("Apple swamped by iPhone 4 pre-orders")[1] == ("swamped", "VBN")
    assert tagged("Oil prices today")[1] == ("prices", "NNS")


def test_a_full_sentence_has_a_finite_verb() -> None:
    # "Jobs" reads as the plural noun, and a plural noun before a participle as a reduced relative clause.
    assert tagged("Jobs resigned in a letter to the board.")[1] == ("resigned", "VBD")
    assert tagged("Five people killed in the blast.")[2] == ("killed", "VBD")
    # A headline without its full stop is a passive; a sentence with a finite verb keeps its participle.
    assert tagged("Five people killed in the blast")[2] == ("killed", "VBN")
    assert tagged("The letter signed by Jobs was read aloud.")[2] == ("signed", "VBN")


def test_a_word_seen_only_as_a_past_tense_is_never_read_as_a_noun() -> None:
    # After a noun, context alone reads "struck" as the second word of a compound.
    assert tagged("The earthquake struck at 9:58 p.m. on Tuesday.")[2] == ("struck", "VBD")
    assert tagged("A strong quake struck the coast late Tuesday.")[3] == ("struck", "VBD")
    # A base form seen only as a verb may still be a noun; a word seen as both keeps both readings.
    assert tagged("Steve Jobs on medical leave")[-1] == ("leave", "NN")
    assert tagged("The hit was a surprise.")[1] == ("hit", "NN")


def test_an_attribution_tail_leaves_the_main_clause_without_a_finite_verb() -> None:
    # "said" is the tail's verb: the main clause still needs its own.
    tags = dict(tagged("The earthquake struck at 9:58 p.m. local time on Tuesday, the national office said."))
    assert tags["struck"] == "VBD"
    assert tagged("The bridge collapsed, officials said.")[2] == ("collapsed", "VBD")


def test_product_names_in_camel_case_are_nouns() -> None:
    tags = dict(tagged("Apple unveils iPhone 4, iOS 4 and iCloud"))
    assert (tags["iPhone"], tags["iOS"], tags["iCloud"], tags["unveils"]) == ("NN", "NN", "NN", "VBZ")
    assert not pos._camel_case("http://www.example.com/newsArticle")
    assert not pos._camel_case("iphone")


def test_universal_tags() -> None:
    words = ["She", "has", "gone", "to", "Paris", "."]
    assert pos.upos(words, pos.tag(words)) == ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]


def test_lemmas() -> None:
    assert pos.lemma("struck", "VBD") == "strike"
    assert pos.lemma("left", "VBD") == "leave"
    assert pos.lemma("left", "JJ") == "left"
    assert pos.lemma("companies", "NNS") == "company"
    assert pos.lemma("was", "VBD") == "be"
    assert pos.lemma("'s", "VBZ") == "be"
    assert pos.lemma("n't", "RB") == "not"
    assert pos.lemma("The", "DT") == "the"
    assert pos.lemma("Reuters", "NNP") == "Reuters"


def test_tagging_is_deterministic() -> None:
    words = [token.text for token in tokenize("Officials said on Monday that the bridge had been closed.")]
    first = pos.tag(words)
    assert all(pos.tag(words) == first for _ in range(3))
    assert pos.tag([]) == []


def test_the_fast_scorer_agrees_with_the_plain_features() -> None:
    # The tagger sums cached groups of features; they must add up to what training scored.
    tagger = pos._tagger()
    words = [token.text for token in tokenize("The unexpectedly frobnicated widgets, said Ms. O'Brien, sold out.")]
    ctx = pos.context(words)
    prev, prev2 = pos.START
    for i, guess in enumerate(tagger.tag(words)):
        if words[i] not in tagger.tagdict:
            expected = tagger.model.predict(pos.features(words, ctx, i, prev, prev2, tagger.lexicon))
            assert guess == expected
        prev2, prev = prev, guess


_SNIPPET = """\
# text = The dog barked.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = A cat has slept.
1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\t_\t4\tnsubj\t_\t_
3\thas\thave\tAUX\tVBZ\t_\t4\taux\t_\t_
4\tslept\tsleep\tVERB\tVBN\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = The cat's toy barked.
1-2\tcat's\t_\t_\t_\t_\t_\t_\t_\t_
1\tcat\tcat\tNOUN\tNN\t_\t0\troot\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
2.1\tghost\tghost\tNOUN\tNN\t_\t_\t_\t1:dep\t_
"""


def test_training_learns_a_tiny_treebank() -> None:
    sentences = read_conllu(_SNIPPET.splitlines())
    assert [[word.form for word in sentence] for sentence in sentences][2] == ["cat", "'s"]
    tagger = train_xpos(sentences, epochs=5, tagdict_min_count=1, min_feature_count=1)
    assert tagger.tag(["The", "cat", "barked", "."]) == ["DT", "NN", "VBD", "."]
    assert tagger.tag(["A", "dog", "has", "slept", "."]) == ["DT", "NN", "VBZ", "VBN", "."]
    universal = train_upos(sentences, tagger, epochs=5, min_feature_count=1)
    words = ["A", "cat", "has", "slept", "."]
    assert universal.tag(words, tagger.tag(words)) == ["DET", "NOUN", "AUX", "VERB", "PUNCT"]
