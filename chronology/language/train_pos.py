"""Train the part-of-speech tagger on the UD English Web Treebank and measure it on the test file.

    python -m chronology.language.train_pos --ud /work/shared/data/ud-english-ewt

Deterministic: sentences are visited in a seeded order and the weights are saved sorted and rounded, so two runs
write byte-identical files.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, NamedTuple

from chronology.language import pos
from chronology.language.perceptron import Perceptron, Trainer, shuffled

SEED: Final = 7
EPOCHS: Final = 8
# A word enters the tag dictionary when seen this often with one tag this large a share of the time.
TAGDICT_MIN_COUNT: Final = 20
TAGDICT_MIN_SHARE: Final = 0.97
# A word's ambiguity class lists the tags it took at least this share of the time, if seen this often.
LEXICON_MIN_COUNT: Final = 2
LEXICON_MIN_SHARE: Final = 0.05
# A (Penn tag, word) pair is looked up for its universal tag when it took one tag this share of the time.
UPOS_DICT_MIN_COUNT: Final = 2
UPOS_DICT_MIN_SHARE: Final = 0.98
UPOS_EPOCHS: Final = 3
# Features scored fewer times than this in the first epoch are dropped from the saved model: they are mostly
# one-off words and word pairs, which cost file size and barely move accuracy.
MIN_FEATURE_COUNT: Final = 2


class Word(NamedTuple):
    form: str
    lemma: str
    upos: str
    xpos: str


def read_conllu(lines: Iterable[str]) -> list[list[Word]]:
    """The sentences of a CoNLL-U file, without multiword-token ranges ("1-2") and empty nodes ("1.1")."""
    sentences: list[list[Word]] = []
    current: list[Word] = []
    for line in lines:
        line = line.rstrip("\n")
        if not line:
            if current:
                sentences.append(current)
                current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        current.append(Word(cols[1], cols[2], cols[3], cols[4]))
    if current:
        sentences.append(current)
    return sentences


def make_tagdict(sentences: Iterable[Sequence[Word]], min_count: int, min_share: float) -> dict[str, str]:
    """Frequent words that (almost) always take one tag; the tagger looks them up instead of scoring them."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for word in sentence:
            counts[word.form][word.xpos] += 1
    tagdict: dict[str, str] = {}
    for form, tags in sorted(counts.items()):
        (best, n), total = max(tags.items(), key=lambda item: (item[1], item[0])), tags.total()
        if total >= min_count and n / total >= min_share:
            tagdict[form] = best
    return tagdict


def make_lexicon(sentences: Iterable[Sequence[Word]]) -> dict[str, str]:
    """The ambiguity class ("NN|VB") of each normalized word seen often enough in training."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for word in sentence:
            counts[pos.normalize(word.form)][word.xpos] += 1
    lexicon: dict[str, str] = {}
    for norm, tags in sorted(counts.items()):
        total = tags.total()
        if total >= LEXICON_MIN_COUNT:
            lexicon[norm] = "|".join(sorted(tag for tag, n in tags.items() if n / total >= LEXICON_MIN_SHARE))
    return lexicon


def _prune(model: Perceptron, seen: Counter[str], min_count: int) -> dict[str, tuple[tuple[int, float], ...]]:
    return {feature: row for feature, row in model.weights.items() if seen[feature] >= min_count}


def train_xpos(
    sentences: Sequence[Sequence[Word]],
    epochs: int = EPOCHS,
    tagdict_min_count: int = TAGDICT_MIN_COUNT,
    min_feature_count: int = MIN_FEATURE_COUNT,
) -> pos.Tagger:
    """A Penn tagger learned from gold-tagged sentences."""
    tagdict = make_tagdict(sentences, tagdict_min_count, TAGDICT_MIN_SHARE)
    lexicon = make_lexicon(sentences)
    trainer = Trainer(sorted({word.xpos for sentence in sentences for word in sentence}))
    # The features that do not depend on the predicted tags are the same every epoch: extract them once.
    prepared = []
    for sentence in sentences:
        words = [word.form for word in sentence]
        ctx = pos.context(words)
        static = [pos.static_features(words, ctx, i, lexicon) for i in range(len(words))]
        prepared.append((words, [word.xpos for word in sentence], ctx, static))
    seen: Counter[str] = Counter()
    for epoch in range(epochs):
        for index in shuffled(prepared, SEED, epoch):
            words, gold, ctx, static = prepared[index]
            prev, prev2 = pos.START
            for i, word in enumerate(words):
                guess = tagdict.get(word)
                if guess is None:
                    feats = static[i] + pos.history_features(prev, prev2) + pos.tag_word_features(prev, ctx[i + 2])
                    if epoch == 0:
                        seen.update(feats)
                    guess = trainer.predict(feats)
                    trainer.update(gold[i], guess, feats)
                prev2, prev = prev, guess
    model = trainer.averaged()
    return pos.Tagger(Perceptron(model.classes, _prune(model, seen, min_feature_count), {
        "tagdict": tagdict, "lexicon": lexicon}))


def train_upos(
    sentences: Sequence[Sequence[Word]],
    tagger: pos.Tagger,
    epochs: int = UPOS_EPOCHS,
    min_feature_count: int = MIN_FEATURE_COUNT,
) -> pos.UposTagger:
    """A universal tagger learned from gold sentences, reading the Penn tags `tagger` predicts for them (as it
    will at run time)."""
    prepared = []
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        words = [word.form for word in sentence]
        xpos = tagger.tag(words)
        ctx = pos.context(words)
        gold = [word.upos for word in sentence]
        for i, (xtag, utag) in enumerate(zip(xpos, gold, strict=True)):
            pairs[xtag + " " + ctx[i + 2]][utag] += 1
        prepared.append((words, ctx, [*pos.START, *xpos, *pos.END], gold))
    dictionary: dict[str, str] = {}
    for key, counts in sorted(pairs.items()):
        best, n = max(counts.items(), key=lambda item: (item[1], item[0]))
        if counts.total() >= UPOS_DICT_MIN_COUNT and n / counts.total() >= UPOS_DICT_MIN_SHARE:
            dictionary[key] = best
    trainer = Trainer(sorted({word.upos for sentence in sentences for word in sentence}))
    seen: Counter[str] = Counter()
    for epoch in range(epochs):
        for index in shuffled(prepared, SEED, epoch):
            words, ctx, tags, gold = prepared[index]
            for i in range(len(words)):
                if tags[i + 2] + " " + ctx[i + 2] in dictionary:
                    continue
                feats = pos.upos_features(words, ctx, tags, i)
                if epoch == 0:
                    seen.update(feats)
                trainer.update(gold[i], trainer.predict(feats), feats)
    model = trainer.averaged()
    return pos.UposTagger(Perceptron(model.classes, _prune(model, seen, min_feature_count)), dictionary)


class Scores(NamedTuple):
    tokens: int
    xpos: float
    upos: float
    lemma: float
    # Tagging speed, CPU seconds on one core: Penn tags alone, with the caches empty and after one pass;
    # then Penn tags, universal tags and lemmas together after one pass.
    xpos_cold: float
    xpos_warm: float
    pipeline_warm: float


def evaluate(tagger: pos.Tagger, universal: pos.UposTagger, sentences: Sequence[Sequence[Word]]) -> Scores:
    """Accuracy against gold sentences, and speed in tokens per second."""
    texts = [[word.form for word in sentence] for sentence in sentences]
    tokens = sum(map(len, texts))
    fresh = pos.Tagger(tagger.model)
    seconds = []
    for _ in range(2):
        start = time.process_time()
        predicted = [fresh.tag(words) for words in texts]
        seconds.append(time.process_time() - start)
    pos.lemma.cache_clear()
    for _ in range(2):
        start = time.process_time()
        for words in texts:
            xpos = fresh.tag(words)
            universal.tag(words, xpos)
            for word, xtag in zip(words, xpos, strict=True):
                pos.lemma(word, xtag)
        seconds.append(time.process_time() - start)
    right = Counter[str]()
    for sentence, words, xpos in zip(sentences, texts, predicted, strict=True):
        utags = universal.tag(words, xpos)
        for gold, xtag, utag in zip(sentence, xpos, utags, strict=True):
            right["xpos"] += xtag == gold.xpos
            right["upos"] += utag == gold.upos
            right["lemma"] += pos.lemma(gold.form, xtag) == gold.lemma
    return Scores(
        tokens, right["xpos"] / tokens, right["upos"] / tokens, right["lemma"] / tokens,
        tokens / seconds[0], tokens / seconds[1], tokens / seconds[3],
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud", type=Path, required=True, help="directory of en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / pos.MODEL_FILE)
    parser.add_argument("--upos-out", type=Path, default=Path(__file__).parent / "data" / pos.UPOS_FILE)
    args = parser.parse_args(argv)

    def load(part: str) -> list[list[Word]]:
        with (args.ud / f"en_ewt-ud-{part}.conllu").open(encoding="utf-8") as lines:
            return read_conllu(lines)

    started = time.process_time()
    train = load("train")
    tagger = train_xpos(train)
    universal = train_upos(train, tagger)
    print(f"trained in {time.process_time() - started:.0f} s (CPU): {len(tagger.model)} Penn-tag features, "
          f"{len(universal.model)} universal-tag features")
    accuracy: dict[str, object] = {}
    for part in ("dev", "test"):
        scores = evaluate(tagger, universal, load(part))
        print(f"{part}: {scores.tokens} tokens, XPOS {scores.xpos:.4f}, UPOS {scores.upos:.4f}, "
              f"lemma {scores.lemma:.4f}; tokens/s: XPOS {scores.xpos_cold:,.0f} (caches empty), "
              f"{scores.xpos_warm:,.0f} (warm); XPOS+UPOS+lemma {scores.pipeline_warm:,.0f} (warm)")
        # Only the accuracies go in the file: the speeds vary from run to run, the file must not.
        accuracy[part] = {"xpos": round(scores.xpos, 4), "upos": round(scores.upos, 4),
                          "lemma": round(scores.lemma, 4)}
    tagger.model.save(args.out, {**tagger.model.meta, "accuracy": accuracy})
    universal.save(args.upos_out)
    for path in (args.out, args.upos_out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
