"""The arguments of an event mention: who did what to whom, where, and who says so (chronology.language.arguments),
read from sentences as the tagger and parser read them."""

from __future__ import annotations

from chronology.language.arguments import Argument, location, participants, reported_by
from chronology.language.mentions import find_mentions
from chronology.language.syntax import Sentence, analyse
from chronology.tagger import tag


def _parse(text: str, start: int = 0) -> Sentence:
    sentence = analyse(text, start, len(text))
    assert sentence is not None
    return sentence


def _at(sentence: Sentence, word: str) -> int:
    """The index of the first token `word`."""
    return next(index for index, token in enumerate(sentence.tokens) if token.text == word)


def _classes(text: str, sentence: Sentence) -> dict[int, str]:
    """The event model's TimeML class of each trigger, by token index."""
    first = {token.start: index for index, token in enumerate(sentence.tokens)}
    mentions = find_mentions(text, tokens=sentence.tokens, tags=sentence.tags)
    return {first[mention.start]: mention.event_class for mention in mentions if mention.start in first}


def _times(text: str) -> list[tuple[int, int]]:
    return [(timex.start, timex.end) for timex in tag(text)]


def _roles(text: str, trigger: str) -> list[tuple[str, str]]:
    sentence = _parse(text)
    return [(argument.role, argument.text) for argument in participants(sentence, text, _at(sentence, trigger))]


def _place(text: str, trigger: str, times: list[tuple[int, int]] | None = None) -> str | None:
    sentence = _parse(text)
    found = location(sentence, text, _at(sentence, trigger), _times(text) if times is None else times)
    return None if found is None else found.text


def _reporter(text: str, trigger: str) -> tuple[str, str | None] | None:
    """The reporting word and the source's text."""
    sentence = _parse(text)
    report = reported_by(sentence, text, _at(sentence, trigger), _classes(text, sentence))
    if report is None:
        return None
    return sentence.tokens[report.trigger_index].text, None if report.source is None else report.source.text


def test_who_did_what() -> None:
    assert _roles("Apple unveiled the iPhone in San Francisco on Tuesday.", "unveiled") == [
        ("agent", "Apple"),
        ("patient", "the iPhone"),
    ]
    # An argument is its whole noun phrase as written, possessor and all.
    assert _roles("Apple unveiled its new iPhone at an event in Cupertino on Tuesday.", "unveiled") == [
        ("agent", "Apple"),
        ("patient", "its new iPhone"),
    ]


def test_a_noun_with_its_copula_shares_the_subject_as_a_verb_does() -> None:
    text = "Steve Jobs has been fighting pancreatic cancer and has been on medical leave."
    assert _roles(text, "leave") == [("agent", "Steve Jobs")]
    # A headline's phrase in apposition to a name tells of that name.
    assert _roles("Apple Inc. CEO Steve Jobs on medical leave", "leave") == [("agent", "Steve Jobs")]


def test_a_noun_after_by_is_never_the_next_verbs_subject() -> None:
    # The parser hangs "by then-President Donald Trump" on "claimed" as its subject.
    text = "The targeted drone strike, authorized by then-President Donald Trump, claimed the lives of two generals."
    assert ("agent", "then-President Donald Trump") not in _roles(text, "claimed")
    assert ("agent", "Donald Trump") not in _roles(text, "claimed")
    # A relative pronoun after a "by" phrase is a subject.
    assert _roles("They found the crater left by the blast that killed twelve people.", "killed")[0][0] == "agent"


def test_a_passive_names_its_agent_in_the_by_phrase() -> None:
    assert sorted(_roles("The bridge was destroyed by the storm.", "destroyed")) == [
        ("agent", "the storm"),
        ("patient", "The bridge"),
    ]


def test_a_verb_without_a_subject_shares_the_one_of_the_verb_it_depends_on() -> None:
    assert _roles("The minister met the envoy and flew home.", "flew") == [("agent", "The minister")]
    assert _roles("The minister wants to resign.", "resign") == [("agent", "The minister")]
    # An infinitive's subject is the object of the verb that governs it, when it has one.
    assert _roles("The company urged shareholders to reject the offer.", "reject") == [
        ("agent", "shareholders"),
        ("patient", "the offer"),
    ]
    # Conjoined passives share the auxiliary as well.
    assert _roles("Officials said the minister was arrested and charged with fraud.", "charged") == [
        ("patient", "the minister")
    ]


def test_a_relative_pronoun_stands_for_its_noun() -> None:
    text = "The minister, who resigned on Monday, criticised the decision."
    sentence = _parse(text)
    (agent,) = participants(sentence, text, _at(sentence, "resigned"))
    assert (agent.role, agent.text, agent.pronoun) == ("agent", "The minister", False)


def test_conjoined_participants_are_each_named() -> None:
    assert _roles("The minister and his deputy resigned in March.", "resigned") == [
        ("agent", "The minister"),
        ("agent", "his deputy"),
    ]


def test_an_event_noun_takes_its_possessor_and_its_of_phrase() -> None:
    assert _roles("The government's sale of the airline was approved in May.", "sale") == [
        ("agent", "The government"),
        ("patient", "the airline"),
    ]


def test_pronouns_are_kept_and_marked() -> None:
    text = "The carmaker said it lost $2 billion in the second quarter."
    sentence = _parse(text)
    found = participants(sentence, text, _at(sentence, "lost"), _times(text))
    assert [(argument.role, argument.text, argument.pronoun) for argument in found] == [
        ("agent", "it", True),
        ("patient", "$2 billion", False),
    ]


def test_spans_are_in_the_coordinates_of_the_text() -> None:
    text = "Markets were calm. The prime minister arrived in Port Louis on Tuesday."
    start = text.index("The prime")
    sentence = _parse(text, start)
    arrived = _at(sentence, "arrived")
    (agent,) = participants(sentence, text, arrived)
    place = location(sentence, text, arrived, _times(text))
    assert agent == Argument("agent", start, start + len("The prime minister"), "The prime minister", agent.head, False)
    assert place is not None and text[place.start : place.end] == place.text == "Port Louis"


def test_a_location_is_the_place_named_without_its_preposition() -> None:
    assert _place("In San Francisco, Apple unveiled the iPhone on Tuesday.", "unveiled") == "San Francisco"
    assert _place("The president spoke at the White House on Monday.", "spoke") == "the White House"
    assert _place("Protesters gathered outside the embassy in Nairobi on Sunday.", "gathered") == (
        "the embassy in Nairobi"
    )
    assert _place("Police said the suspect was arrested at Heathrow Airport.", "arrested") == "Heathrow Airport"


def test_a_time_is_not_a_place() -> None:
    assert _place("The strike began in March.", "began") is None
    assert _place("The strike began in March.", "began", times=[]) is None  # a month name, even untagged
    # A name that is only a time when the caller says so.
    assert _place("The shops closed at Christmas.", "closed", times=[]) == "Christmas"
    assert _place("The shops closed at Christmas.", "closed") is None
    # A place the parser hung on a time is still the event's.
    assert _place("The strike began in Paris in March.", "began") == "Paris"


def test_a_place_needs_a_name() -> None:
    assert _place("The minister met the envoy in the capital.", "met") is None


def test_a_reported_event_and_its_source() -> None:
    text = "The carmaker said it lost $2 billion in the second quarter."
    assert _reporter(text, "lost") == ("said", "The carmaker")
    assert _reporter(text, "said") is None
    text = "Officials said on Monday that schools would reopen on Friday."
    assert _reporter(text, "reopen") == ("said", "Officials")
    assert _roles(text, "reopen") == [("agent", "schools")]
    assert _reporter("Officials said the minister was arrested and charged with fraud.", "charged") == (
        "said",
        "Officials",
    )


def test_a_report_after_its_statement() -> None:
    assert _reporter("Schools will reopen on Friday, officials said.", "reopen") == ("said", "officials")


def test_according_to_names_a_source() -> None:
    assert _reporter("According to police, the gunman fled the scene.", "fled") == ("According", "police")


def test_a_quotation_is_reported_by_the_verb_outside_its_marks() -> None:
    text = '"We will close the plant and move production to Mexico," the company said.'
    assert _reporter(text, "close") == ("said", "the company")
    assert _reporter(text, "move") == ("said", "the company")
    # The parser reads the quotation as an adverbial clause here: the quote marks still tell who speaks.
    assert _reporter('"The talks collapsed last night," a spokesman told reporters.', "collapsed") == (
        "told",
        "a spokesman",
    )
    # An inverted subject.
    assert _reporter('"They attacked the village at dawn," said a witness.', "attacked") == ("said", "a witness")


def test_nothing_is_invented() -> None:
    # A verb with a subject only, an event noun with no modifiers, a writer's own statement, no place.
    assert _roles("Sales rose.", "rose") == [("agent", "Sales")]
    assert _roles("The strike began in March.", "strike") == []
    assert _reporter("The minister met the envoy and flew home.", "flew") is None
    assert _reporter("Sales rose.", "rose") is None
    assert _place("Sales rose.", "rose") is None


def test_a_fronted_phrase_read_as_a_second_subject_gives_way_to_the_one_before_the_verb() -> None:
    # The tagger reads "Ahead" as a name and the parser hangs it on "said" as a subject too.
    text = "Ahead of a planned trip to Washington, the Iraqi foreign minister said on Monday that talks would start."
    assert _roles(text, "said") == [("agent", "the Iraqi foreign minister")]


def test_a_phrase_opening_with_a_two_word_preposition_is_nobody() -> None:
    # The parser reads "Ahead" (tagged as a name) as the subject of "said" and the minister as an apposition.
    text = (
        "Ahead of a planned trip to Washington, Iraq’s Prime Minister Mustafa al-Kadhimi said that the US and Iraq "
        "agreed in April."
    )
    assert not [phrase for _, phrase in _roles(text, "said") if phrase.startswith("Ahead")]
    report = _reporter(text, "agreed")
    assert report is not None and report[0] == "said" and not (report[1] or "").startswith("Ahead")
