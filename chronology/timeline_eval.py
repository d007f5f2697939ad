"""`chronology evaluate-timeline DIR`: event finding, dating and cross-document merging on SemEval-2015 Task 4
(TimeLine) data, or event triggers and dating on a MEANTIME corpus (`evaluate_meantime`: trigger P/R/F1 on the
exhaustively annotated sentences; dating accuracy of our events found by their trigger at a gold mention whose
event instance has a time anchor, a gold `2008-03` matched by any date in that month; dated coverage; and
cross-document event coreference of the merged chronology, `build`'s merge of all documents, against the gold
event instances, beside the same-lemma baseline: pairwise P/R/F1 over mention pairs from different documents,
MUC, B-cubed, CEAF-e and CoNLL F1, see chronology.coref_scores).

DIR holds documents/*.tml (tokenised TimeML: `<s id>` sentences, a DCT) and gold-timelines/*.txt (lines
`order<TAB>date<TAB>docid-sentence-word ...`; several mentions on one line are one event told several times).
The documents' text (tags stripped, one sentence per paragraph) runs through the pipeline with each DCT as the
publication date, all documents merged into one chronology, as `build` would do.

The tokenised text is joined back into ordinary prose ("April 28, 2003") before tagging.

- recall: of the gold entries with a date, the share for which we have an event whose date expression lies
  in the gold mention's sentence (for a sentence with several, the one nearest the gold word);
- dating accuracy: of those found, the share whose date equals the gold date at the gold's precision
  (our date must be at least that precise: `2010-06` does not match gold `2010-06-07`);
- merge recall: of the pairs of found mentions of one gold event in different documents, the share our
  chronology holds as one event. Gold timelines list only events about their target entity, so a merge
  precision over all our merges cannot be measured honestly; we report how many cross-document merges we made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from chronology import coref_scores, event_scores, meantime
from chronology.context import DateHints
from chronology.errors import InputError
from chronology.language import pos, train_events
from chronology.language.actions import action
from chronology.language.mentions import find_mentions, shipped_model
from chronology.language.perceptron import Model
from chronology.language.syntax import labelling_with
from chronology.language.tokens import Token, tokenize
from chronology.models import Article, Event, Granularity, Timeline, Trigger
from chronology.pipeline import ArticleAnalysis, analyse_article, assemble, merge_analyses

_GOLD_DATE = re.compile(r"(\d{4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?")
_MENTION = re.compile(r"(?P<doc>\d+)-(?P<sentence>\d+)-(?P<word>.+)")
_PRECISION_RANK: dict[Granularity, int] = {
    "millennium": 0, "century": 0, "decade": 0, "year": 1, "half": 1, "quarter": 1, "season": 1,
    "month": 2, "week": 2, "day": 3, "part_of_day": 3, "time": 3,
}
_GOLD_RANK = {4: 1, 7: 2, 10: 3}  # length of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD'
# The documents are tokenised ("April 28 , 2003", "Apple 's"); these tokens join the previous one, and the ones
# after an opener join the next, so the pipeline reads ordinary news text.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "US$"})
# Each gold sentence becomes a paragraph, so that our sentence splitter cannot join two of them.
_SENTENCE_GAP = "\n\n"


@dataclass(frozen=True)
class SemevalDocument:
    docid: str
    title: str | None
    dct: dt.date
    text: str
    sentences: dict[int, tuple[int, int]]


@dataclass(frozen=True)
class GoldMention:
    docid: str
    sentence: int
    word: str


@dataclass(frozen=True)
class GoldEntry:
    timeline: str
    order: int
    date: str | None  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None when the gold leaves the event undated
    mentions: tuple[GoldMention, ...]


class TimelineScores(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: int
    gold_entries: int
    dated_entries: int
    found: int
    recall: float
    correctly_dated: int
    dating_accuracy: float
    cross_document_pairs: int
    merged_pairs: int
    merge_recall: float
    our_events: int
    our_cross_document_events: int


def read_document(path: Path) -> SemevalDocument:
    """Text of a tokenised TimeML document: each `<s>` on its own line, tags stripped, with sentence spans."""
    try:
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    docid, dct_node, body = root.findtext("DOCID"), root.find("DCT/TIMEX3"), root.find("TEXT")
    if not docid or dct_node is None or body is None:
        raise InputError(f"{path}: a SemEval document needs DOCID, DCT and TEXT")
    try:
        dct = dt.date.fromisoformat(dct_node.get("value", "")[:10])
    except ValueError:
        raise InputError(f"{path}: unreadable DCT value {dct_node.get('value')!r}") from None
    parts: list[str] = []
    sentences: dict[int, tuple[int, int]] = {}
    offset = 0
    for sentence in body.iter("s"):
        text = detokenise("".join(sentence.itertext()).split())
        sentences[int(sentence.get("id", "0"))] = (offset, offset + len(text))
        parts.append(text)
        offset += len(text) + len(_SENTENCE_GAP)
    title = root.findtext("EXTRAINFO")
    return SemevalDocument(docid.strip(), title.strip() if title else None, dct, _SENTENCE_GAP.join(parts), sentences)


def detokenise(tokens: Sequence[str]) -> str:
    text = ""
    for index, token in enumerate(tokens):
        joined = index == 0 or token in _NO_SPACE_BEFORE or tokens[index - 1] in _NO_SPACE_AFTER
        text += token if joined else " " + token
    return text


def _gold_date(text: str) -> str | None:
    match = _GOLD_DATE.fullmatch(text.strip())
    if match is None:
        return None
    parts = [match[1]] + [p for p in (match[2], match[3]) if p]
    known: list[str] = []
    for part in parts:
        if part == "XX":
            break
        known.append(part)
    return "-".join(known)


def read_gold(path: Path) -> list[GoldEntry]:
    lines = path.read_text(encoding="utf-8").splitlines()
    entries: list[GoldEntry] = []
    for line in lines[1:]:  # the first line names the target entity
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        mentions = tuple(
            GoldMention(m["doc"], int(m["sentence"]), m["word"].replace("_", " "))
            for m in (_MENTION.fullmatch(f.strip()) for f in fields[2:])
            if m is not None
        )
        entries.append(GoldEntry(path.stem, int(fields[0]), _gold_date(fields[1]), mentions))
    return entries


def run_pipeline(
    documents: Sequence[SemevalDocument], explicit_only: bool = False, models: Mapping[str, Model] | None = None
) -> Timeline:
    """One merged chronology of all documents, each dated by its DCT (as `--published DOC=DCT` would), with
    the statements without a date of their own unless `explicit_only` (as `build --explicit-only`). A document
    whose DOCID `models` names has its events found by that model, the others by the shipped one."""
    models = models or {}
    analyses = []
    for document in documents:
        article = Article(
            id=f"{document.docid}#0", source=document.docid, index=0, headline=document.title, start=0,
            end=len(document.text), text=document.text, published=document.dct.isoformat(),
        )
        model = models.get(document.docid)
        with labelling_with(model) if model is not None else nullcontext():
            analyses.append(analyse_article(article, DateHints(published_all=document.dct), explicit_only))
    return assemble(analyses)


def _word_offset(document: SemevalDocument, mention: GoldMention) -> int:
    """Where the gold word is in its sentence; a split multi-word event ("took_off" in "took six months off")
    is found by its first word."""
    start, end = document.sentences[mention.sentence]
    for word in (mention.word, mention.word.split()[0]):
        found = document.text.find(word, start, end)
        if found >= 0:
            return found
    return start


def _triggers(event: Event) -> list[Trigger]:
    """The event words an event dates: each mention's trigger and the triggers that take its date."""
    return [
        trigger
        for mention in event.mentions
        for trigger in ((mention.trigger,) if mention.trigger else ()) + mention.related_triggers
    ]


def _event_at(
    events_by_doc: dict[str, list[tuple[int, int, Event]]], document: SemevalDocument, mention: GoldMention
) -> Event | None:
    """Our event that dates the gold word (its trigger, or a trigger taking its date); else the event whose date
    expression is in the mention's sentence, nearest the gold word."""
    start, end = document.sentences[mention.sentence]
    word = _word_offset(document, mention)
    for _, _, event in events_by_doc.get(document.docid, []):
        if any(span[0] <= word < span[1] for span in (trigger.span for trigger in _triggers(event))):
            return event
    candidates = [(s, e, event) for s, e, event in events_by_doc.get(document.docid, []) if start <= s < end]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (min(abs(c[0] - word), abs(c[1] - word)), c[0]))[2]


def dated_correctly(event: Event, gold: str) -> bool:
    """Our date equals the gold date at the gold's precision, and is at least that precise."""
    rank = _GOLD_RANK[len(gold)]
    return _PRECISION_RANK[event.date.granularity] >= rank and event.date.start.isoformat()[: len(gold)] == gold


def score(documents: Sequence[SemevalDocument], gold: Iterable[GoldEntry], timeline: Timeline) -> TimelineScores:
    by_id = {document.docid: document for document in documents}
    events_by_doc: dict[str, list[tuple[int, int, Event]]] = {}
    for event in timeline.events:
        for m in event.mentions:
            events_by_doc.setdefault(m.source, []).append((m.span[0], m.span[1], event))
    entries = [g for g in gold if all(m.docid in by_id and m.sentence in by_id[m.docid].sentences for m in g.mentions)]
    dated = [g for g in entries if g.date]
    found = correct = pairs = merged = 0
    for entry in entries:
        matches = [_event_at(events_by_doc, by_id[m.docid], m) for m in entry.mentions]
        if entry.date:
            hits = [event for event in matches if event is not None]
            if hits:
                found += 1
                correct += dated_correctly(hits[0], entry.date)
        located = [(m.docid, event) for m, event in zip(entry.mentions, matches, strict=True) if event is not None]
        for (doc_a, event_a), (doc_b, event_b) in combinations(located, 2):
            if doc_a != doc_b:
                pairs += 1
                merged += event_a.id == event_b.id
    cross = sum(1 for e in timeline.events if len({m.source for m in e.mentions}) > 1)
    return TimelineScores(
        documents=len(documents), gold_entries=len(entries), dated_entries=len(dated), found=found,
        recall=round(found / len(dated), 4) if dated else 0.0, correctly_dated=correct,
        dating_accuracy=round(correct / found, 4) if found else 0.0, cross_document_pairs=pairs, merged_pairs=merged,
        merge_recall=round(merged / pairs, 4) if pairs else 0.0, our_events=len(timeline.events),
        our_cross_document_events=cross,
    )


def _title(name: str) -> str:
    """A file name's title, to find one article in two corpora: "11212_Apple_releases_iPhone_SDK,_announces"
    and "101354_Apple_releases_iPhone_SDK,_announces" give one title (the numbers are each corpus's own)."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^\d+[-_]", "", name).lower())


def same_articles(names: Iterable[str], others: Iterable[str]) -> dict[str, str]:
    """Each name with the one of `others` naming the same article: one title is the other's or begins it ("Apple
    executive leaves" and "Apple executive leaves company")."""
    titles = {_title(other): other for other in others}
    found: dict[str, str] = {}
    for name in names:
        title = _title(name)
        matches = [other for key, other in titles.items() if key.startswith(title) or title.startswith(key)]
        if len(matches) == 1:
            found[name] = matches[0]
    return found


def evaluate_folder(
    folder: Path, explicit_only: bool = False, models: Mapping[str, Model] | None = None
) -> TimelineScores:
    """SemEval-2015 Task 4 figures; `models` (by MEANTIME document name, as `_fold_models` gives them) label the
    events of the documents that are the same articles, the shipped model the others."""
    document_paths = sorted((folder / "documents").glob("*.tml"))
    gold_paths = sorted((folder / "gold-timelines").glob("*.txt"))
    if not document_paths or not gold_paths:
        raise InputError(f"{folder}: expected documents/*.tml and gold-timelines/*.txt")
    documents = [read_document(path) for path in document_paths]
    gold = [entry for path in gold_paths for entry in read_gold(path)]
    by_docid: dict[str, Model] = {}
    if models:
        same = same_articles((path.stem for path in document_paths), models)
        by_docid = {
            document.docid: models[same[path.stem]]
            for path, document in zip(document_paths, documents, strict=True)
            if path.stem in same
        }
    return score(documents, gold, run_pipeline(documents, explicit_only, by_docid))


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", metavar="DIR",
        help="SemEval-2015 timeline data (documents/ and gold-timelines/), or a MEANTIME corpus folder "
        "(intra_cross-doc_annotation/ and list_instances_*.tsv)",
    )
    parser.add_argument(
        "--explicit-only",
        action="store_true",
        help="score the chronology `build --explicit-only` gives (only events dated by an expression of their own)",
    )
    parser.add_argument(
        "--cross-validate", metavar="TIMEML", type=Path, default=None,
        help="score each article by an event model learned as the shipped one is, from the TimeML corpora in "
        "TIMEML (TimeBank/, AQUAINT/) and MEANTIME, but without the MEANTIME fold holding that article (a few "
        "minutes); without it, the shipped model, which learned from MEANTIME apple (the same articles as the "
        "SemEval-2015 trial data), is scored",
    )
    parser.add_argument(
        "--meantime", metavar="MEANTIME", type=Path, default=None,
        help="with --cross-validate on SemEval data: the MEANTIME corpus the folds come from "
        "(default: meantime-apple beside TIMEML)",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def _fold_models(timeml: Path, meantime_folder: Path) -> dict[str, Model]:
    """Per MEANTIME document, the event model of its cross-validation fold (`train_events.meantime_fold_models`)."""
    if not any(timeml.glob("*/*.tml")):
        raise InputError(f"{timeml}: expected corpus folders of .tml files (TimeBank/, AQUAINT/)")
    print("learning one event model per cross-validation fold (a few minutes) ...", file=sys.stderr, flush=True)
    timeml_documents = train_events.read_timeml(timeml)
    return dict(train_events.meantime_fold_models(timeml_documents, meantime.read_corpus(meantime_folder)))


def _warn_if_learned_from(names: Iterable[str]) -> None:
    """Say so when the shipped event model learned from any of these articles (by file name)."""
    trained = shipped_model().meta.get("meantime", [])
    if isinstance(trained, list) and same_articles(names, (str(name) for name in trained)):
        print(
            "note: the shipped event model learned from these articles, so these figures are not blind; "
            "--cross-validate TIMEML scores each article by a model that never saw it",
            file=sys.stderr,
        )


def _meantime_command(folder: Path, explicit_only: bool, as_json: bool, timeml: Path | None) -> int:
    if timeml is None:
        _warn_if_learned_from(path.stem for path in meantime.document_paths(folder))
    models = _fold_models(timeml, folder) if timeml is not None else None
    scores = evaluate_meantime(folder, explicit_only, models)
    if as_json:
        print(json.dumps(scores.model_dump(), indent=2))
        return 0
    out = sys.stdout
    out.write(f"documents: {scores.documents}\n")
    out.write(f"event triggers (exhaustively annotated sentences): precision {scores.trigger_precision:.3f}, "
              f"recall {scores.trigger_recall:.3f}, F1 {scores.trigger_f1:.3f} "
              f"(gold {scores.gold_triggers}, ours {scores.our_triggers})\n")
    out.write(f"dating accuracy (our events found by trigger at a time-anchored gold mention, dated to its "
              f"instance's time): {scores.dating_accuracy:.3f} ({scores.correctly_dated}/{scores.found})\n")
    out.write(f"dated coverage (found and correctly dated / time-anchored gold mentions): "
              f"{scores.dated_coverage:.3f} ({scores.correctly_dated}/{scores.anchored_mentions})\n")
    out.write(f"cross-document event coreference over the {scores.coreference_mentions} gold mentions of "
              f"{scores.coreference_instances} event instances ({scores.coreference_found} found by a trigger of "
              f"ours; the rest count as singletons); targets (#17): pairwise precision >= 0.80, recall >= 0.60\n")
    for name, coreference in (("our merge", scores.coreference), ("same-lemma baseline", scores.lemma_baseline)):
        out.write(f"  {name}: pairwise (mention pairs from different documents) precision "
                  f"{coreference.pairwise_precision:.3f}, recall {coreference.pairwise_recall:.3f}, "
                  f"F1 {coreference.pairwise_f1:.3f} (gold {coreference.gold_pairs}, ours {coreference.our_pairs}, "
                  f"both {coreference.common_pairs}); F1 MUC {coreference.muc_f1:.3f}, "
                  f"B3 {coreference.b_cubed_f1:.3f}, CEAF-e {coreference.ceaf_e_f1:.3f}, "
                  f"CoNLL {coreference.conll_f1:.3f}\n")
    return 0


def command(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if (folder / "intra_cross-doc_annotation").is_dir():
        return _meantime_command(folder, args.explicit_only, args.json, args.cross_validate)
    timeml: Path | None = args.cross_validate
    if timeml is None:
        _warn_if_learned_from(path.stem for path in (folder / "documents").glob("*.tml"))
    models = _fold_models(timeml, args.meantime or timeml.parent / "meantime-apple") if timeml is not None else None
    scores = evaluate_folder(folder, args.explicit_only, models)
    if args.json:
        print(json.dumps(scores.model_dump(), indent=2))
        return 0
    out = sys.stdout
    out.write(f"documents: {scores.documents}; gold entries: {scores.gold_entries} ({scores.dated_entries} dated)\n")
    out.write(f"recall (dated gold entries with our event in their sentence): {scores.recall:.3f} "
              f"({scores.found}/{scores.dated_entries})\n")
    out.write(f"dating accuracy (found events with the gold date at its precision): {scores.dating_accuracy:.3f} "
              f"({scores.correctly_dated}/{scores.found})\n")
    out.write(f"merge recall (cross-document mention pairs of one gold event merged): {scores.merge_recall:.3f} "
              f"({scores.merged_pairs}/{scores.cross_document_pairs})\n")
    out.write(f"our events: {scores.our_events}, of which told by several documents: "
              f"{scores.our_cross_document_events}\n")
    return 0


class CoreferenceScores(BaseModel):
    """One clustering of the gold mentions scored against MEANTIME's cross-document event instances: pairwise
    over the pairs of mentions from different documents (counts of pairs given), and MUC, B-cubed, CEAF-e and
    the CoNLL F1 (their mean) over the whole clustering, all documents as one collection."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gold_pairs: int
    our_pairs: int
    common_pairs: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    muc_precision: float
    muc_recall: float
    muc_f1: float
    b_cubed_precision: float
    b_cubed_recall: float
    b_cubed_f1: float
    ceaf_e_precision: float
    ceaf_e_recall: float
    ceaf_e_f1: float
    conll_f1: float


class MeantimeScores(BaseModel):
    """Event finding and dating on MEANTIME: triggers against the gold mentions of the exhaustively annotated
    sentences, and the dates of our events at the gold mentions that have a time anchor. Then cross-document
    event coreference over the gold mentions that refer to an event instance: our merge's clustering (a mention
    found by a trigger of a merged event is in that event's cluster, an unfound one alone) and the same-lemma
    baseline's (found mentions whose trigger lemmas are equal are one cluster)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: int
    gold_triggers: int
    our_triggers: int
    trigger_precision: float
    trigger_recall: float
    trigger_f1: float
    anchored_mentions: int
    found: int
    correctly_dated: int
    dating_accuracy: float
    dated_coverage: float
    coreference_mentions: int
    coreference_instances: int
    coreference_found: int
    coreference: CoreferenceScores
    lemma_baseline: CoreferenceScores


# A gold mention: its document's name and its MEANTIME m_id.
MentionKey = tuple[str, str]


@dataclass(frozen=True)
class _Found:
    event: str  # the id of the merged event whose trigger overlaps the gold mention
    lemma: str  # that trigger's lemma
    action: str  # the action it names (chronology.language.actions)

    @property
    def cluster(self) -> str:
        """Our event for coreference: an event record holds its trigger and the words that take its date, which
        are events of their own ("said" and "sold"); those naming the same action are one event."""
        return f"{self.event} {self.action}"


def _overlaps(span: tuple[int, int], parts: Sequence[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in parts)


def _lemma(text: str, span: tuple[int, int], tagged: dict[int, tuple[list[Token], list[str]]]) -> str:
    """The lower-cased lemma of the trigger at `span` (its words' lemmas, for a multi-word trigger), each word
    tagged in its line (a MEANTIME sentence), as the event grammar tags it; `tagged` caches each line's tags."""
    line = text.rfind("\n", 0, span[0]) + 1
    if line not in tagged:
        end = text.find("\n", line)
        tokens = tokenize(text, line, len(text) if end < 0 else end)
        tagged[line] = (tokens, pos.tag([token.text for token in tokens]))
    tokens, tags = tagged[line]
    words = [
        pos.lemma(token.text, tag).lower()
        for token, tag in zip(tokens, tags, strict=True)
        if token.start < span[1] and span[0] < token.end
    ]
    # A trigger always covers a token; the text is there only so that a lemma is never empty (one cluster).
    return " ".join(words) or text[span[0] : span[1]].lower()


def _found_mentions(documents: Sequence[meantime.Document], events: Iterable[Event]) -> dict[MentionKey, _Found]:
    """The gold mentions with an instance that one of our merged events has a trigger on (a mention's trigger,
    or a word taking its date), each with that event and the trigger's lemma. Where several overlap, an event's
    own trigger wins over a word that only takes its date, then the earlier event in chronology order."""
    triggers: dict[str, list[tuple[bool, Trigger, str]]] = {}
    for event in events:
        for mention in event.mentions:
            own = [(False, mention.trigger, event.id)] if mention.trigger else []
            related = [(True, trigger, event.id) for trigger in mention.related_triggers]
            triggers.setdefault(mention.source, []).extend(own + related)
    found: dict[MentionKey, _Found] = {}
    for document in documents:
        candidates = sorted(triggers.get(document.name, []), key=lambda item: item[0])  # stable
        tagged: dict[int, tuple[list[Token], list[str]]] = {}
        for gold in document.mentions:
            if gold.instance is None:
                continue
            hit = next(((t, event_id) for _, t, event_id in candidates if _overlaps(t.span, gold.parts)), None)
            if hit is not None:
                trigger, event_id = hit
                found[document.name, gold.m_id] = _Found(
                    event_id, _lemma(document.text, trigger.span, tagged), action(trigger.text)
                )
    return found


def _coreference_scores(
    key: coref_scores.Clustering[MentionKey], response: coref_scores.Clustering[MentionKey]
) -> CoreferenceScores:
    def document(mention: MentionKey) -> str:
        return mention[0]

    pairs = coref_scores.pairwise(key, response, document)
    muc, b_cubed = coref_scores.muc(key, response), coref_scores.b_cubed(key, response)
    ceaf_e = coref_scores.ceaf_e(key, response)
    return CoreferenceScores(
        gold_pairs=int(pairs.recall_denominator), our_pairs=int(pairs.precision_denominator),
        common_pairs=int(pairs.recall_numerator), pairwise_precision=round(pairs.precision, 4),
        pairwise_recall=round(pairs.recall, 4), pairwise_f1=round(pairs.f1, 4),
        muc_precision=round(muc.precision, 4), muc_recall=round(muc.recall, 4), muc_f1=round(muc.f1, 4),
        b_cubed_precision=round(b_cubed.precision, 4), b_cubed_recall=round(b_cubed.recall, 4),
        b_cubed_f1=round(b_cubed.f1, 4), ceaf_e_precision=round(ceaf_e.precision, 4),
        ceaf_e_recall=round(ceaf_e.recall, 4), ceaf_e_f1=round(ceaf_e.f1, 4),
        conll_f1=round((muc.f1 + b_cubed.f1 + ceaf_e.f1) / 3, 4),
    )


def evaluate_meantime(
    folder: Path, explicit_only: bool = False, models: Mapping[str, Model] | None = None
) -> MeantimeScores:
    """`folder`: a MEANTIME corpus folder (intra_cross-doc_annotation/ and list_instances_*.tsv). With `models`,
    each document's event mentions are labelled by the model it names for the document (a cross-validation
    fold's), not the shipped one."""
    documents = meantime.read_corpus(folder)
    lists = sorted(folder.glob("list_instances*.tsv"))
    if not lists:
        raise InputError(f"{folder}: expected a list_instances_*.tsv beside the documents")
    anchors = meantime.read_time_anchors(lists[0])
    triggers = event_scores.Score()
    anchored = found = correct = 0
    analyses: list[ArticleAnalysis] = []
    for document in documents:
        top = document.exhaustive_end
        gold = [event_scores.Span(m.parts, "", m.text) for m in document.mentions if m.end <= top]
        article = Article(
            id=f"{document.name}#0", source=document.name, index=0, start=0, end=len(document.text),
            text=document.text, published=document.dct.isoformat() if document.dct else None,
        )
        hints = DateHints(published_all=document.dct) if document.dct else DateHints()
        with labelling_with(models[document.name]) if models is not None else nullcontext():
            ours = [event_scores.Span(((m.start, m.end),), "", m.text) for m in find_mentions(document.text, 0, top)]
            analysis = analyse_article(article, hints, explicit_only)
        triggers.add(event_scores.score(gold, ours))
        # Dating is scored on each document's own events; coreference on the merge of all, as `build` makes it.
        analyses.append(analysis.lean())
        triggered = [(trigger.span, event) for event in analysis.events for trigger in _triggers(event)]
        for mention in document.mentions:
            time = anchors.get(mention.instance or "")
            if time is None:
                continue
            anchored += 1
            hit = next((event for span, event in triggered if _overlaps(span, mention.parts)), None)
            if hit is not None:
                found += 1
                correct += dated_correctly(hit, time)
    instances = {
        (document.name, mention.m_id): mention.instance
        for document in documents
        for mention in document.mentions
        if mention.instance is not None
    }
    located = _found_mentions(documents, merge_analyses(analyses).events)
    # An unfound mention is a cluster of its own (its key cannot equal a cluster of ours or a lemma, which are str).
    merged = {key: located[key].cluster if key in located else key for key in instances}
    same_lemma = {key: located[key].lemma if key in located else key for key in instances}
    key = coref_scores.clusters(instances)
    return MeantimeScores(
        documents=len(documents), gold_triggers=triggers.gold, our_triggers=triggers.predicted,
        trigger_precision=round(triggers.precision, 4), trigger_recall=round(triggers.recall, 4),
        trigger_f1=round(triggers.f1, 4),
        anchored_mentions=anchored, found=found, correctly_dated=correct,
        dating_accuracy=round(correct / found, 4) if found else 0.0,
        dated_coverage=round(correct / anchored, 4) if anchored else 0.0,
        coreference_mentions=len(instances), coreference_instances=len(key), coreference_found=len(located),
        coreference=_coreference_scores(key, coref_scores.clusters(merged)),
        lemma_baseline=_coreference_scores(key, coref_scores.clusters(same_lemma)),
    )
