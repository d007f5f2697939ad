"""The arguments of an event mention, read from its sentence's dependency tree: who did it and to what
(`participants`), where (`location`), and who says so (`reported_by`).

Every answer is a character span of the text the sentence was parsed from (the `text` given to
`syntax.analyse`), so spans line up with tokens, triggers and time expressions.

- An argument is the whole noun phrase of its head as written ("the second quarter", "the Bank of England",
  "its new iPhone"): determiners, adjectives, compounds, names, numbers and possessors stay, and so do "of"
  modifiers; relative clauses, appositions, conjuncts, punctuation and other prepositional modifiers (mostly the
  verb's adjuncts that the parser hung on the noun) end it. A location also keeps place modifiers ("an event in
  Cupertino"). A pronoun is kept and marked, so that a later stage can prefer a name.
- Roles: the subject is the agent, or the patient of a passive ("The bridge was destroyed"), whose "by" phrase
  is the agent; the object is the patient, an indirect object the recipient. An event noun's possessor is its
  agent ("the minister's resignation"), its "of" modifier the patient ("the destruction of the bridge"). A verb
  without a subject of its own takes the one it shares: a conjunct's from the verb it is conjoined to ("met the
  envoy and flew home"), an infinitive complement's from its controller (the object if there is one: "urged the
  minister to resign"), a participle clause's from its main clause or from the noun it modifies ("the bridge
  destroyed by the storm"); a relative pronoun stands for the noun its clause modifies. A noun or adjective with
  its copula is a predicate as a verb is ("fighting cancer and has been on medical leave"), and a headline's
  phrase in apposition to a name tells of it ("Steve Jobs on medical leave").
- A location is a place phrase of the event ("in", "at", "near", ...: lexicon.PLACE_PREPOSITIONS) naming a proper
  noun, given without its preposition ("San Francisco", "the White House"). Times are not places: phrases
  overlapping the caller's time expressions, and month and weekday names, are skipped.
- A report: the event sits in the complement of a reporting verb ("Officials said that schools would reopen"),
  or under an "X said" tail, or in a clause with an "according to X" phrase, or between quote marks in a sentence
  whose reporting verb stands outside them. The source is the reporter's agent.

The parser gives UD relations without subtypes (`nsubj` also for `nsubj:pass`, `nmod` also for `nmod:poss`), so
passives and possessors are read from the verb group and the tags; the subtypes are honoured where present.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from chronology.language.syntax import Sentence
from chronology.language.tokens import Token
from chronology.lexicon import (
    EVENT_NOUN_ROLES,
    FULL_WEEKDAYS,
    MONTHS,
    PASSIVE_AGENT_PREPOSITION,
    PHRASAL_PREPOSITIONS,
    PHRASE_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    REPORTING_VERBS,
    SOURCE_PREPOSITIONS,
)

Role = Literal["agent", "patient", "recipient", "location", "source"]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Argument:
    """An argument of an event: its role, its character span [start, end) and text, the token index of its head,
    and whether that head is a pronoun."""

    role: Role
    start: int
    end: int
    text: str
    head: int
    pronoun: bool


@dataclass(frozen=True, slots=True)
class Report:
    """Who reports an event: the reporting word's token index ("said", or "according" in "according to X") and the
    source, when the sentence names one."""

    trigger_index: int
    source: Argument | None


_VERB_TAGS: Final = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_NOUN_TAGS: Final = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PROPER_TAGS: Final = frozenset({"NNP", "NNPS"})
_PRONOUN_TAGS: Final = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})
_RELATIVE_TAGS: Final = frozenset({"WP", "WP$", "WDT"})
# Words that may stand inside a noun phrase before its head ("then-President Donald"), and how far back "by" is
# looked for.
_PHRASE_TAGS: Final = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "CD", "PRP$", "POS"})
_TITLE_TAGS: Final = frozenset({"RB", "HYPH"})
_BY_REACH = 6
_QUOTES: Final = frozenset({'"', "“", "”", "``", "''"})
# Relations that keep a dependent inside a noun phrase ("nmod" only for possessors and PHRASE_PREPOSITIONS).
_PHRASE_RELATIONS: Final = frozenset(
    {"det", "amod", "compound", "flat", "nummod", "fixed", "goeswith", "advmod", "case", "nmod"}
)
_TIME_WORDS: Final = frozenset(MONTHS) | FULL_WEEKDAYS


def _token_start(token: Token) -> int:
    return token.start


@lru_cache(maxsize=256)
def _children(heads: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """Each token's dependents, in sentence order: one pass over the heads, kept per tree."""
    found: list[list[int]] = [[] for _ in heads]
    for child, head in enumerate(heads):
        if head >= 0:
            found[head].append(child)
    return tuple(tuple(children) for children in found)


def _base(relation: str) -> str:
    return relation.split(":", 1)[0]


def _marker(sentence: Sentence, node: int, kids: tuple[tuple[int, ...], ...]) -> str:
    """The preposition of a nominal, lower case with its fixed words ("in", "according to"); "" for none."""
    words: list[int] = []
    for child in kids[node]:
        if _base(sentence.relations[child]) == "case":
            words.append(child)
            words.extend(word for word in kids[child] if _base(sentence.relations[word]) == "fixed")
    return " ".join(sentence.tokens[word].text.lower() for word in sorted(words))


def _possessive(sentence: Sentence, node: int, kids: tuple[tuple[int, ...], ...]) -> bool:
    """Whether a nominal is a possessor ("its", "the company's")."""
    return (
        sentence.relations[node] == "nmod:poss"
        or sentence.tags[node] in ("PRP$", "WP$")
        or any(sentence.tags[child] == "POS" for child in kids[node])
    )


def _overlaps(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(start < last and first < end for first, last in spans)


def _glued(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a token touches both neighbours with no space ("Port-au-Prince"'s hyphens)."""
    return (
        0 < index < len(tokens) - 1
        and tokens[index - 1].end == tokens[index].start
        and tokens[index].end == tokens[index + 1].start
    )


def _extent(
    sentence: Sentence, head: int, kids: tuple[tuple[int, ...], ...], place: bool, times: tuple[Span, ...]
) -> tuple[int, int]:
    """The first and last token of the noun phrase headed by `head`, without its own preposition; `place` keeps
    place modifiers too. Parts overlapping a time expression are left out."""
    allowed = PHRASE_PREPOSITIONS | PLACE_PREPOSITIONS if place else PHRASE_PREPOSITIONS
    tokens = sentence.tokens
    members = {head}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in kids[node]:
            relation = _base(sentence.relations[child])
            if (
                relation not in _PHRASE_RELATIONS
                or (relation == "case" and node == head)
                or (relation == "advmod" and sentence.tags[node] in _VERB_TAGS)
                or (
                    relation == "nmod"
                    and not _possessive(sentence, child, kids)
                    and _marker(sentence, child, kids) not in allowed
                )
                or _is_time(sentence, child, times)
            ):
                continue
            members.add(child)
            stack.append(child)
    # The unbroken run of the phrase's words around its head: a dependent the parser attached across a clause
    # does not stretch the span.
    first = last = head
    while True:
        if first - 1 in members:
            first -= 1
        elif first - 2 in members and _glued(tokens, first - 1):
            first -= 2
        else:
            break
    while True:
        if last + 1 in members:
            last += 1
        elif last + 2 in members and _glued(tokens, last + 1):
            last += 2
        else:
            break
    return first, last


def _argument(
    sentence: Sentence,
    text: str,
    head: int,
    role: Role,
    kids: tuple[tuple[int, ...], ...],
    place: bool = False,
    times: tuple[Span, ...] = (),
) -> Argument:
    first, last = _extent(sentence, head, kids, place, times)
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    return Argument(role, start, end, text[start:end], head, sentence.tags[head] in _PRONOUN_TAGS)


def _nonfinite(sentence: Sentence, index: int, kids: tuple[tuple[int, ...], ...]) -> bool:
    """A participle or infinitive ("killing 12 people", "to meet the envoy")."""
    return sentence.tags[index] in ("VB", "VBG", "VBN") or any(sentence.tags[child] == "TO" for child in kids[index])


def _infinitive(sentence: Sentence, index: int, kids: tuple[tuple[int, ...], ...]) -> bool:
    return any(sentence.tags[child] == "TO" for child in kids[index])


def _has_relation(sentence: Sentence, index: int, kids: tuple[tuple[int, ...], ...], relation: str) -> bool:
    return any(_base(sentence.relations[child]) == relation for child in kids[index])


def _after_by(sentence: Sentence, index: int) -> bool:
    """Whether the noun at `index` follows "by" with only words of its own phrase between: a passive's agent ("The
    strike, authorized by then-President Donald Trump, claimed ..."), which the parser may take for the subject of
    the verb after it. A noun phrase after "by" is never a subject; a pronoun after such a phrase may be ("the
    blast that killed", "helped by the cooperation we had")."""
    if sentence.tags[index] not in _NOUN_TAGS:
        return False
    for before in range(index - 1, max(-1, index - _BY_REACH), -1):
        if sentence.tokens[before].text.lower() == PASSIVE_AGENT_PREPOSITION:
            return True
        # Only the noun's own modifiers, and the adverbs and hyphens of a title ("then-President"), stand between.
        inside = sentence.tags[before] in _PHRASE_TAGS and _descends(sentence, before, index)
        if not (inside or sentence.tags[before] in _TITLE_TAGS):
            return False
    return False


def _descends(sentence: Sentence, index: int, ancestor: int) -> bool:
    """Whether the token at `index` is in the phrase of `ancestor` (a few arcs up at most)."""
    for _ in range(_BY_REACH):
        index = sentence.heads[index]
        if index == ancestor:
            return True
        if index < 0:
            return False
    return False


def _subject(sentence: Sentence, index: int, kids: tuple[tuple[int, ...], ...], seen: set[int]) -> int | None:
    """The subject of the predicate at `index`: its own, or the one it shares with the verb it depends on. A clause
    has one subject: where the parser hangs two on a verb (a fronted phrase read as a subject: "Ahead of a planned
    trip, the minister said"), the one nearest before the verb wins."""
    subjects = [
        child for child in kids[index]
        if _base(sentence.relations[child]) == "nsubj" and not _after_by(sentence, child)
    ]
    if subjects:
        before = [child for child in subjects if child < index]
        return before[-1] if before else subjects[0]
    relation = _base(sentence.relations[index])
    head = sentence.heads[index]
    if head < 0 or head in seen:
        return None
    if relation == "appos" and sentence.tags[head] in _NOUN_TAGS and _has_relation(sentence, index, kids, "case"):
        return head  # a headline's predicate phrase: "Steve Jobs on medical leave"
    # A verb, or a noun or adjective with its copula ("has been on medical leave"), is a predicate.
    if sentence.tags[index] not in _VERB_TAGS and not _has_relation(sentence, index, kids, "cop"):
        return None
    seen.add(index)
    if relation == "xcomp":
        # Control: the object of the governing verb if it has one ("urged the minister to resign"), else its
        # subject ("wants to resign").
        for child in kids[head]:
            if _base(sentence.relations[child]) in ("obj", "iobj"):
                return child
        return _subject(sentence, head, kids, seen)
    if relation == "conj" or (relation == "advcl" and _nonfinite(sentence, index, kids)):
        return _subject(sentence, head, kids, seen)
    if relation == "acl" and sentence.tags[head] in _NOUN_TAGS and not _infinitive(sentence, index, kids):
        return head  # "the bridge destroyed by the storm", "people fleeing the fighting"
    return None


def _passive(sentence: Sentence, index: int, kids: tuple[tuple[int, ...], ...], depth: int = 0) -> bool:
    """Whether the predicate at `index` is passive: a participle after a form of "be", or without auxiliaries in
    a participle clause ("Founded in 1976, ...") or as the conjunct of a passive ("was arrested and charged")."""
    if any(sentence.relations[child] in ("nsubj:pass", "aux:pass", "obl:agent") for child in kids[index]):
        return True
    if sentence.tags[index] != "VBN":
        return False
    if sentence.group(index).passive:
        return True
    if any(_base(sentence.relations[child]) in ("aux", "obj", "nsubj") for child in kids[index]):
        return False
    relation = _base(sentence.relations[index])
    head = sentence.heads[index]
    if relation == "acl" and head >= 0 and sentence.heads[head] < 0:
        # A noun at the root with a participle is a past tense the tagger took for a participle ("The minister
        # resigned" tagged NN VBN): no main verb but this one.
        return False
    if relation in ("acl", "advcl"):
        return True
    return relation == "conj" and head >= 0 and depth < 8 and _passive(sentence, head, kids, depth + 1)


def _antecedent(sentence: Sentence, index: int, argument: int) -> int:
    """A relative pronoun stands for the noun its clause modifies ("the minister, who resigned")."""
    head = sentence.heads[index]
    if sentence.tags[argument] in _RELATIVE_TAGS and _base(sentence.relations[index]) == "acl" and head >= 0:
        return head
    return argument


def participants(
    sentence: Sentence, text: str, index: int, times: Iterable[Span] = ()
) -> tuple[Argument, ...]:
    """Who and what take part in the event whose trigger is token `index`: agents, patients and recipients, each
    with its conjuncts ("Apple and Google sued ..."), none overlapping a time expression in `times` (character
    spans of `text`)."""
    kids = _children(sentence.heads)
    spans = tuple(times)
    passive = _passive(sentence, index, kids)
    found: list[tuple[Role, int]] = []
    subject = _subject(sentence, index, kids, set())
    if subject is not None:
        found.append(("patient" if passive else "agent", subject))
    nominal = sentence.tags[index] in _NOUN_TAGS
    for child in kids[index]:
        relation = sentence.relations[child]
        base = _base(relation)
        if base == "obj":
            found.append(("patient", child))
        elif base == "iobj":
            found.append(("recipient", child))
        elif relation == "obl:agent" or (
            base == "obl" and passive and _marker(sentence, child, kids) == PASSIVE_AGENT_PREPOSITION
        ):
            found.append(("agent", child))
        elif base == "nmod" and nominal:
            marker = _marker(sentence, child, kids)
            noun_role = "agent" if _possessive(sentence, child, kids) else EVENT_NOUN_ROLES.get(marker)
            if noun_role is not None:
                found.append((noun_role, child))
    arguments: list[Argument] = []
    heads: set[int] = set()
    for role, head in found:
        head = _antecedent(sentence, index, head)
        conjuncts = [
            child
            for child in kids[head]
            if _base(sentence.relations[child]) == "conj" and sentence.tags[child] in _NOUN_TAGS | _PRONOUN_TAGS
        ]
        for member in (head, *conjuncts):
            if member in heads or member == index:
                continue
            argument = _argument(sentence, text, member, role, kids, times=spans)
            if not _overlaps(argument.start, argument.end, spans) and not _prepositional(sentence, argument):
                heads.add(member)
                arguments.append(argument)
    return tuple(arguments)


def _prepositional(sentence: Sentence, argument: Argument) -> bool:
    """Whether an argument opens with a two-word preposition ("Ahead of a planned trip"): an adjunct the parser
    took for a noun phrase."""
    first = bisect_left(sentence.tokens, argument.start, key=_token_start)
    words = tuple(token.text.lower() for token in sentence.tokens[first : first + 2])
    return words in PHRASAL_PREPOSITIONS


def _is_time(sentence: Sentence, node: int, spans: tuple[Span, ...]) -> bool:
    token = sentence.tokens[node]
    return _overlaps(token.start, token.end, spans) or token.text.lower().rstrip(".") in _TIME_WORDS


def location(sentence: Sentence, text: str, index: int, times: Iterable[Span] = ()) -> Argument | None:
    """Where the event whose trigger is token `index` takes place, when the sentence names the place: the first
    place phrase of the trigger whose words include a proper noun ("in Port Louis" -> "Port Louis", "at the White
    House" -> "the White House"). Time expressions (`times`: character spans of `text`) are no place; a place
    the parser hung on one ("in March in Paris") is the event's."""
    kids = _children(sentence.heads)
    spans = tuple(times)
    candidates = [child for child in kids[index] if _base(sentence.relations[child]) in ("obl", "nmod")]
    position = 0
    while position < len(candidates):
        node = candidates[position]
        position += 1
        if _is_time(sentence, node, spans):
            candidates.extend(child for child in kids[node] if _base(sentence.relations[child]) == "nmod")
            continue
        if _marker(sentence, node, kids) not in PLACE_PREPOSITIONS:
            continue
        first, last = _extent(sentence, node, kids, True, spans)
        start, end = sentence.tokens[first].start, sentence.tokens[last].end
        if _overlaps(start, end, spans) or not any(tag in _PROPER_TAGS for tag in sentence.tags[first : last + 1]):
            continue
        return Argument("location", start, end, text[start:end], node, False)
    return None


def _reporting(sentence: Sentence, index: int, classes: Mapping[int, str]) -> bool:
    return classes.get(index) == "REPORTING" or (
        sentence.tags[index] in _VERB_TAGS and sentence.lemma(index).lower() in REPORTING_VERBS
    )


def _source(sentence: Sentence, text: str, verb: int, kids: tuple[tuple[int, ...], ...]) -> Argument | None:
    """Who reports: the reporting verb's agent, as a source; for a verb without one, a noun object after it (the
    parser's reading of an inverted subject: '"...," said a witness')."""
    found = participants(sentence, text, verb)
    agent = next((argument for argument in found if argument.role == "agent"), None)
    if agent is None:
        agent = next(
            (
                argument
                for argument in found
                if argument.role == "patient" and argument.head > verb and sentence.tags[argument.head] in _NOUN_TAGS
            ),
            None,
        )
    if agent is None:
        return None
    return Argument("source", agent.start, agent.end, agent.text, agent.head, agent.pronoun)


def _according(sentence: Sentence, node: int, kids: tuple[tuple[int, ...], ...]) -> tuple[int, int] | None:
    """For an "according to X" phrase at `node`, the token of "according" and X's head."""
    relation = _base(sentence.relations[node])
    if relation in ("obl", "nmod") and _marker(sentence, node, kids) in SOURCE_PREPOSITIONS:
        marker = min(child for child in kids[node] if _base(sentence.relations[child]) == "case")
        return marker, node
    if relation in ("advcl", "obl", "nmod"):
        # "according" read as a verb whose object is "to X".
        word = sentence.tokens[node].text.lower()
        for child in kids[node]:
            if f"{word} {_marker(sentence, child, kids)}" in SOURCE_PREPOSITIONS:
                return node, child
    return None


def _quoted(sentence: Sentence, text: str, index: int, classes: Mapping[int, str]) -> Report | None:
    """A trigger between quote marks is reported by the reporting verb outside them ('"We will not resign," the
    minister said.'): the first after the closing mark, else the last before the opening one."""
    quotes = [i for i, token in enumerate(sentence.tokens) if token.text in _QUOTES]
    pairs = list(zip(quotes[0::2], quotes[1::2], strict=False))
    around = next(((opening, closing) for opening, closing in pairs if opening < index < closing), None)
    if around is None:
        return None
    verbs = [
        i
        for i in range(len(sentence.tokens))
        if sentence.tags[i] in _VERB_TAGS
        and _reporting(sentence, i, classes)
        and not any(opening < i < closing for opening, closing in pairs)
    ]
    after = [i for i in verbs if i > around[1]]
    before = [i for i in verbs if i < around[0]]
    verb = after[0] if after else before[-1] if before else None
    if verb is None:
        return None
    return Report(verb, _source(sentence, text, verb, _children(sentence.heads)))


def reported_by(
    sentence: Sentence, text: str, index: int, classes: Mapping[int, str] | None = None
) -> Report | None:
    """Who reports the event whose trigger is token `index`, or None when the writer tells it. `classes` maps
    trigger token indices to their TimeML class (as `find_mentions` gives them); a REPORTING class, or a lemma in
    lexicon.REPORTING_VERBS, makes a reporting verb. The nearest report up the tree wins: the complement of a
    reporting verb ("said that schools would reopen"), an "X said" tail, an "according to X" phrase; then quote
    marks."""
    known: Mapping[int, str] = classes if classes is not None else {}
    kids = _children(sentence.heads)
    node, below = index, -1
    seen: set[int] = set()
    while node >= 0 and node not in seen:
        seen.add(node)
        for child in kids[node]:
            if child == below:
                continue
            according = _according(sentence, child, kids)
            if according is not None:
                marker, source = according
                return Report(marker, _argument(sentence, text, source, "source", kids))
            if (
                _base(sentence.relations[child]) == "parataxis"
                and _reporting(sentence, child, known)
                and not any(_base(sentence.relations[k]) in ("ccomp", "parataxis") for k in kids[child])
            ):
                return Report(child, _source(sentence, text, child, kids))
        head = sentence.heads[node]
        complement = _base(sentence.relations[node]) in ("ccomp", "parataxis")
        if head >= 0 and complement and _reporting(sentence, head, known):
            return Report(head, _source(sentence, text, head, kids))
        below, node = node, head
    return _quoted(sentence, text, index, known)
