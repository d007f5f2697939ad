"""Declarative knowledge for temporal tagging: names, numbers, units, holidays and cue words.

Only tables live here; chronology.patterns turns them into regular expressions and chronology.resolver applies
them. Keys are lower case; matching is case-insensitive.
"""

from __future__ import annotations

from typing import Final, Literal

MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Month names of the other languages news arrives in, as written there: French, Spanish, Italian and Portuguese in
# lower case (so that "Mars" the planet and "Mayo" the county are no months), German capitalised. Only dates
# written out with them are read ("3 mars 2024", "3 de marzo de 2024", "3. März 2024", "marzo de 2024").
FOREIGN_MONTHS: Final[dict[str, int]] = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "dezembro": 12,
    # German (those not spelled as in English)
    "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "Maerz": 3, "Mai": 5, "Juni": 6, "Juli": 7, "Oktober": 10,
    "Dezember": 12,
}
# Abbreviations that are also ordinary words or names: only taken with a trailing period or a day number.
AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"mar", "jun", "jul", "sep", "dec", "may", "march"})

# After "May", the verb's subject ("May I ask", "May God bless"): never the month.
MAY_VERB_SUBJECTS: Final[tuple[str, ...]] = ("I", "we", "you", "he", "she", "it", "they", "God")
# Capitalised words that may stand right before a month name: a preposition or modifier opening a sentence or a
# title-case headline ("Elections Set For May"), a weekday ("Sunday May 5"). After any other capitalised word,
# "May" is a surname ("Theresa May", "Brian May played").
BEFORE_MONTH: Final[frozenset[str]] = frozenset({
    "in", "on", "by", "since", "until", "till", "through", "throughout", "during", "from", "to", "early", "late",
    "mid", "last", "next", "this", "of", "and", "or", "for", "before", "after", "between", "around", "about",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Proper names that hold a time word and name no time: newspapers and shows, places, movements, companies.
NAMES_WITH_TIME_WORDS: Final[tuple[str, ...]] = (
    "USA Today", "Russia Today", "India Today", "Psychology Today", "Sunday Times", "Sunday Telegraph",
    "Sunday Express", "Sunday Mirror", "Sunday Post", "Daily Mail", "Daily Telegraph", "Daily News", "Daily Star",
    "Daily Beast", "Daily Caller", "Daily Express", "Daily Mirror", "Daily Show", "Daily Record", "Easter Island",
    "Christmas Island", "Fridays for Future", "21st Century Fox", "Man Friday", "Good Friday Agreement",
)
# Possessives before a decade: an age, not a time ("in his sixties", "in their mid-20s").
AGE_POSSESSIVES: Final[tuple[str, ...]] = ("his", "her", "their", "its", "our", "my", "your")

# ISO weekday numbers (Monday = 1).
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
# Weekday abbreviations are only taken with a trailing period ("Sat." but not "sat").
FULL_WEEKDAYS: Final[frozenset[str]] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

CARDINALS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
}
# "two thousand years", "three hundred days".
MULTIPLIERS: Final[dict[str, int]] = {"hundred": 100, "thousand": 1000}
TENS: Final[frozenset[str]] = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
# Words between a number and its unit that keep the duration: "two more weeks", "eight trading days".
UNIT_ADJECTIVES: Final[frozenset[str]] = frozenset(
    {"more", "additional", "extra", "further", "trading", "business", "working"}
)
# Cue-like phrases that are no cue: "next to" is a place.
NOT_CUES: Final[frozenset[str]] = frozenset({"next to"})
# Quantities that leave the number unknown: "several years" is PXY.
VAGUE_QUANTITIES: Final[frozenset[str]] = frozenset(
    {"several", "a few", "few", "many", "some", "numerous", "the past few", "a number of"}
)

ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1,
}

# Unit word -> (TIMEX3 duration letter, is a time unit (PT...), canonical unit for arithmetic).
UNITS: Final[dict[str, tuple[str, bool, str]]] = {
    "second": ("S", True, "second"), "seconds": ("S", True, "second"),
    "minute": ("M", True, "minute"), "minutes": ("M", True, "minute"), "min": ("M", True, "minute"),
    "hour": ("H", True, "hour"), "hours": ("H", True, "hour"),
    "day": ("D", False, "day"), "days": ("D", False, "day"),
    "night": ("D", False, "day"), "nights": ("D", False, "day"),
    "week": ("W", False, "week"), "weeks": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"), "weekends": ("WE", False, "weekend"),
    "month": ("M", False, "month"), "months": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"), "quarters": ("Q", False, "quarter"),
    "year": ("Y", False, "year"), "years": ("Y", False, "year"),
    "decade": ("DE", False, "decade"), "decades": ("DE", False, "decade"),
    "century": ("CE", False, "century"), "centuries": ("CE", False, "century"),
}
# Units whose duration is written in a larger letter: a quarter is three months, a decade ten years.
UNIT_SCALE: Final[dict[str, tuple[int, str]]] = {
    "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y"), "WE": (2, "D"),
}
# The remainder of a fractional duration in the next smaller unit: (TIMEX3 letter, is a time unit) ->
# (units per whole, smaller letter), so that "2 1/2 years" is P2Y6M and "a minute and a half" PT1M30S.
SUBUNITS: Final[dict[tuple[str, bool], tuple[int, str]]] = {
    ("Y", False): (12, "M"), ("W", False): (7, "D"), ("H", True): (60, "M"), ("M", True): (60, "S"),
}
# Adjectival units ("daily", "weekly") for SETs.
SET_ADVERBS: Final[dict[str, str]] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H",
    "biweekly": "P2W",
}
# "quarterly", "annual" and "annually" are left out: in news they mostly qualify reports and dividends, which
# TimeML does not mark.

SEASONS: Final[dict[str, str]] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
# Season start months (meteorological, northern hemisphere), for past/future decisions.
SEASON_START_MONTH: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "daytime": "DT",
}
# Single words that name a day relative to today: offset in days and an optional part of day.
DEICTIC_DAYS: Final[dict[str, tuple[int, str | None]]] = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "tonight": (0, "NI"),
}

# Fixed holidays: (month, day).
FIXED_HOLIDAYS: Final[dict[str, tuple[int, int]]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11), "armistice day": (11, 11),
    "st. patrick's day": (3, 17), "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1),
    "flag day": (6, 14), "labour day": (5, 1), "juneteenth": (6, 19),
}
# Movable holidays: (month, ISO weekday, nth occurrence; -1 = last) of that weekday in the month, and days after
# it (U.S. Election Day: the Tuesday after the first Monday of November).
NTH_WEEKDAY_HOLIDAYS: Final[dict[str, tuple[int, int, int, int]]] = {
    "thanksgiving": (11, 4, 4, 0), "thanksgiving day": (11, 4, 4, 0), "labor day": (9, 1, 1, 0),
    "memorial day": (5, 1, -1, 0), "martin luther king day": (1, 1, 3, 0), "presidents day": (2, 1, 3, 0),
    "presidents' day": (2, 1, 3, 0), "columbus day": (10, 1, 2, 0), "mother's day": (5, 7, 2, 0),
    "father's day": (6, 7, 3, 0), "election day": (11, 1, 1, 1),
}
# Holidays fixed relative to Easter Sunday: offset in days.
EASTER_HOLIDAYS: Final[dict[str, int]] = {
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2, "palm sunday": -7,
    "ash wednesday": -46, "pentecost": 49, "whit sunday": 49,
}

# Decade words: "the nineties" -> 9 (the decade digit; the century comes from context, default 19).
DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Modifiers before a period: "early 1998" START, "mid-October" MID, "late November" END.
PERIOD_MODS: Final[dict[str, str]] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "mid": "MID", "the middle of": "MID", "the end of": "END", "late": "END",
    "the close of": "END", "the latter part of": "END", "later": "END",
}
# Quantity modifiers on durations and dates: "about two weeks" APPROX, "more than 20 years" MORE_THAN.
# TimeML mostly leaves "about", "almost", "around" and "some" outside the extent, and "over"/"under" are mostly
# prepositions.
QUANTITY_MODS: Final[dict[str, str]] = {
    "nearly": "APPROX", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}

# Words that are temporal references without a calendar value.
REFERENCE_WORDS: Final[dict[str, str]] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF", "an earlier date": "PAST_REF",
}
# Left out on purpose, as mostly not temporal references in news: "once", "previously", "soon", "shortly",
# "recent", bare "future" ("future growth").
# Vague spans of time: "recent weeks", "the last few months", "coming years" are durations of unknown length.
VAGUE_SPANS: Final[frozenset[str]] = frozenset({
    "recent", "the past few", "the last few", "past", "coming", "the coming", "the next few", "the first", "the early",
})

# Durations of no stated length, after "for": "for a while" (the unit unknown too).
VAGUE_DURATIONS: Final[dict[str, str]] = {"a while": "PXX", "some time": "PXX"}

# Vague spans that TimeML annotates as references rather than durations: "in recent years" is like "recently".
VAGUE_REFERENCES: Final[dict[str, str]] = {"recent years": "PAST_REF", "past years": "PAST_REF"}

# "last week" / "next month": relation word -> offset in units from the anchor.
RELATION_WORDS: Final[dict[str, int]] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "this": 0, "current": 0,
    "the current": 0, "the present": 0, "next": 1, "coming": 1, "the coming": 1, "the next": 1,
    "following": 1, "the following": 1, "the previous": -1, "the last": -1, "the past": -1, "this past": -1,
    "this coming": 1,
}
# "the past decade", "the past century": TimeML reads these as durations ending now (P10Y), not as the calendar
# decade before this one ("the last decade" stays the 1990s, as TimeBank has it).
WINDOW_RELATIONS: Final[frozenset[str]] = frozenset({"past", "the past"})
WINDOW_UNITS: Final[dict[str, str]] = {"decade": "P10Y", "century": "P100Y"}
# Words naming a shift relative to the anchor: "two days ago", "a year earlier", "three weeks later".
SHIFT_WORDS: Final[dict[str, tuple[int, bool]]] = {
    # word -> (direction, narrative: anchored to the time last mentioned rather than to the publication date)
    "ago": (-1, False), "earlier": (-1, True), "before": (-1, True), "later": (1, True), "after": (1, True),
    "from now": (1, False), "hence": (1, False),
}

# Tense cues around an expression. Future cues turn an unanchored weekday, month or season forward.
# Only unambiguous cues: "would" (reported speech) and "by" are as often past as future; "would be" (mostly "would
# be traveling") is future; "until" is a weak cue (below).
FUTURE_CUES: Final[frozenset[str]] = frozenset({
    "will", "'ll", "shall", "going to", "planned to", "plans to", "plan to", "planning to", "scheduled",
    "is expected to", "are expected to", "is due", "are due", "set to", "is to", "are to", "upcoming", "next",
    "intends to", "intend to", "slated", "tomorrow", "forthcoming", "to be held", "to be announced",
    "will be", "would be", "won't", "expects to", "expect to", "aims to", "payable", "as early as", "as soon as",
    "might",
    # present tenses that announce a schedule ("The law takes effect Jan. 1", "Voters go to the polls Nov. 5")
    "takes effect", "take effect", "goes into effect", "go into effect", "comes into force", "come into force",
    "enters into force", "go to the polls", "goes to the polls", "head to the polls",
})
# Future cues for publication-date clues (chronology.tense.SentenceCues, for chronology.context), in the order
# tried. Broader than FUTURE_CUES ("would", "to be", "later"): a clue wrongly read as future is only left out,
# while in resolution it would move a date; measured with `chronology evaluate-dates`, the resolution list here
# gives worse evidence.
CLUE_FUTURE_CUES: Final[tuple[str, ...]] = (
    "will", "shall", "'ll", "going to", "to be", "plans to", "plan to", "planned", "scheduled", "set for",
    "slated", "expected to", "due to", "upcoming", "next", "would", "intends to", "intend to", "is to", "are to",
    "later",
)
# Words right before an expression that point to the future only when no past cue is near: a deadline ("until
# Tuesday morning") is ahead unless the clause is told in the past ("until Thursday, they had not").
WEAK_FUTURE_CUES: Final[frozenset[str]] = frozenset({"until", "till"})
# Words that may precede an expression opening its sentence ("Also on Sunday, ..."): its verb then follows.
FRONTING_WORDS: Final[frozenset[str]] = frozenset({
    "also", "and", "but", "then", "on", "by", "until", "since", "early", "late", "later", "earlier",
})
# Irregular past forms (regular ones end in -ed); as participles after "be" they are passive, not past. Forms
# that are also the present or the infinitive ("hit", "put", "set": "is set for Nov. 12") are left out.
IRREGULAR_PAST: Final[frozenset[str]] = frozenset({
    "met", "came", "went", "took", "made", "held", "saw", "broke", "gave", "left", "won", "lost", "struck",
    "spoke", "wrote", "sent", "led", "sold", "bought", "brought", "thought", "found", "became", "got", "fought",
    "began", "fell", "rose", "ran", "paid", "shot", "flew", "built", "kept", "showed", "grew",
})
# Past auxiliaries and reporting verbs: the cues every tense reader starts from.
PAST_AUXILIARIES: Final[frozenset[str]] = frozenset({"was", "were", "had", "did", "said", "told"})
PAST_CUES: Final[frozenset[str]] = PAST_AUXILIARIES | IRREGULAR_PAST | frozenset({
    "ago", "last", "earlier", "yesterday", "since", "previously", "has been", "have been", "killed", "died",
    "ended", "closed", "earned", "posted",
})
# Past cues for publication-date clues (chronology.context), in the order tried: the past auxiliaries, "says" (a
# statement reported in the present is no later than publication either) and words of a time gone by. Irregular
# past forms and words in -ed count too, unless a passive auxiliary precedes them ("was signed").
CLUE_PAST_CUES: Final[tuple[str, ...]] = (*sorted(PAST_AUXILIARIES | {"says"}), "ago", "earlier", "last", "since")

# The tense of a statement without a date (chronology.events): present cues are auxiliaries and reporting verbs
# only ("features", "uses" are as often nouns); a present perfect ("have lost", "has been") reports a past event,
# the participle following its auxiliary after at most a few PERFECT_GAP words.
PRESENT_CUES: Final[frozenset[str]] = frozenset(
    {"is", "are", "has", "have", "does", "do", "says", "remains", "remain", "can", "am"}
)
PERFECT_AUXILIARIES: Final[frozenset[str]] = frozenset({"has", "have"})
PERFECT_PARTICIPLES: Final[frozenset[str]] = frozenset({
    "been", "lost", "built", "sold", "made", "taken", "given", "seen", "done", "gone", "won", "left", "become",
    "begun", "kept", "led", "found", "shown", "grown", "got", "gotten", "brought", "thought", "fought", "bought",
    "held", "met", "written", "spoken", "run", "sent", "put", "set", "hit", "struck", "said", "told",
})
PERFECT_GAP: Final[frozenset[str]] = frozenset(
    {"already", "also", "now", "just", "not", "never", "since", "recently", "finally"}
)
# Cues that make a statement expected rather than reported.
STATEMENT_FUTURE_CUES: Final[frozenset[str]] = frozenset({
    "will", "shall", "'ll", "is to", "are to", "is due", "are due", "is expected", "are expected", "is planned",
    "are planned", "is scheduled", "are scheduled", "plans to", "plan to", "intends to", "intend to", "is set to",
    "are set to", "is going to", "are going to", "would be announced", "upcoming", "next",
})
# Words that open a subordinate or sequel clause: a sentence's clauses end before them (chronology.sentences).
CLAUSE_CONNECTORS: Final[tuple[str, ...]] = ("before", "after", "while", "whereas", "and then", "then")
# Connectors after which a gerund takes the subject of the clause before ("The minister held talks before flying
# home"); "whereas" opens a clause with a subject of its own ("whereas nothing changed").
GERUND_CONNECTORS: Final[tuple[str, ...]] = ("before", "after", "while", "then", "and then")
# Verbs that end a sentence's subject (with any word in -ed): "The minister | held talks".
SUBJECT_ENDERS: Final[frozenset[str]] = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
    "shall", "should", "does", "did", "said", "says", "told", "held", "met", "went", "came", "made", "took", "gave",
    "left", "flew", "began", "won", "lost", "saw", "sent", "set", "put", "hit", "struck", "fought", "built",
    "bought", "sold", "kept", "led", "ran", "spoke", "wrote", "became", "brought", "thought", "found",
})

# Fiscal terms: "fiscal 1989", "fiscal year", "FY2024".
FISCAL_WORDS: Final[frozenset[str]] = frozenset({"fiscal", "financial", "fy"})

# Words that, right before a number, show the number is not a year ("300 Israeli attacks" is caught by the
# noun after; these catch "page 1998", "No. 1990").
NON_YEAR_PREFIXES: Final[frozenset[str]] = frozenset({
    "$", "#", "no.", "number", "page", "room", "route", "flight", "highway", "interstate", "channel",
    "model", "section", "article", "resolution", "covid-", "apollo", "boeing", "airbus", "mig-", "f-",
})

# Capitalised words that, right before a bare year, do not make it part of a name: words of the calendar and the
# function words a title-case headline capitalises ("Profit For 2005"). After any other capitalised word the year
# names a thing ("WWDC 2005", "Developers Conference 2010", "Windows 2000") and dates no event.
NOT_NAMES_BEFORE_YEAR: Final[frozenset[str]] = frozenset({
    "in", "on", "at", "for", "by", "since", "until", "till", "from", "to", "of", "during", "before", "after",
    "through", "throughout", "around", "about", "circa", "between", "and", "or", "than", "as", "into", "over",
    "within", "the", "a", "an", "this", "that", "its", "their", "early", "late", "mid", "end", "start", "beginning",
    "fiscal", "financial", "fy", "year", "years", "season", "class", "quarter", "half", "half-year",
})

# The verb group (chronology.language.verbs): auxiliaries read left of a verb to give its TimeML tense, aspect,
# modality and polarity. Modals other than the future ones give modality, not tense ("would reopen").
BE_FORMS: Final[frozenset[str]] = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "'m", "'re"})
HAVE_FORMS: Final[frozenset[str]] = frozenset({"have", "has", "had", "having", "'ve"})
DO_FORMS: Final[frozenset[str]] = frozenset({"do", "does", "did"})
FUTURE_MODALS: Final[frozenset[str]] = frozenset({"will", "shall", "'ll", "wo", "sha"})
MODALS: Final[frozenset[str]] = frozenset({
    "would", "could", "can", "ca", "may", "might", "must", "should", "ought", "'d",
})
PAST_FORMS: Final[frozenset[str]] = frozenset({"was", "were", "had", "did"})
PRESENT_FORMS: Final[frozenset[str]] = frozenset({"am", "is", "are", "has", "have", "does", "do", "'m", "'re", "'ve"})
NEGATIONS: Final[frozenset[str]] = frozenset({"not", "n't", "never"})
# Adverbs that may sit inside a verb group ("has already been", "will not be").
VERB_GROUP_ADVERBS: Final[frozenset[str]] = frozenset({
    "already", "also", "just", "still", "now", "never", "not", "n't", "recently", "finally", "probably",
    "likely", "reportedly", "allegedly", "even", "ever", "only", "soon", "then", "first", "again", "previously",
    "since", "yet", "later", "really", "quickly", "largely", "repeatedly", "always", "often",
})
# Verbs whose infinitive complement is still ahead when they are told in the present or future ("is planned to be
# announced on Monday", "expects to close on Friday"): lemmas.
PLANNING_VERBS: Final[frozenset[str]] = frozenset({
    "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek", "prepare", "decide",
    "promise", "pledge", "vow", "threaten", "propose", "agree", "need", "try", "wish",
})
# Words that make a date a comparison's baseline, not the time of the event ("fell 12% compared with April 2019",
# "higher than in 2019"): such a date dates no event. "since" does so only after a record (RECORD_WORDS or a
# superlative: "its lowest level since 2009", "the first loss since 2001"); elsewhere it opens an interval.
BASELINE_MARKERS: Final[frozenset[str]] = frozenset({"than", "versus", "vs", "vs.", "compared", "against"})
# Words that may stand between a baseline marker and its date ("compared with the April 2019 level").
# Prepositions and conjunctions that put an event before or after the one it hangs from ("five years after its
# launch", "since he took office", "until the vote"): it happens at a time of its own.
SEQUENCE_MARKERS: Final[frozenset[str]] = frozenset({"after", "before", "since", "until", "till", "following", "prior"})
# Prepositions by which an event noun is the setting of the predicate it hangs from ("said in a press conference").
SETTING_PREPOSITIONS: Final[frozenset[str]] = frozenset({"in", "at", "during"})
BASELINE_GAP: Final[frozenset[str]] = frozenset({"with", "to", "in", "the", "of", "during"})
BASELINE_REACH: Final = 3
# Before "since": a record or a first makes the date a baseline ("its lowest level since 2009", "the first loss
# since 2001"), as do superlatives by their tag. Looked for this many words back.
RECORD_WORDS: Final[frozenset[str]] = frozenset({"first", "record", "worst", "best", "most", "least"})
RECORD_REACH: Final = 6

# The arguments of an event (chronology.language.arguments): who, what, where, and who says so.
# Verbs whose complement clause is a report, not an event told by the writer ("Officials said that schools would
# reopen"): lemmas. The event model's REPORTING class counts as well; this list catches what it misses.
REPORTING_VERBS: Final[frozenset[str]] = frozenset({
    "say", "tell", "report", "announce", "state", "claim", "add", "confirm", "deny", "warn", "insist", "explain",
    "note", "write", "testify", "acknowledge", "admit", "allege", "argue", "assert", "disclose", "reveal",
    "declare", "reply", "respond", "tweet", "post", "quote", "predict", "estimate", "indicate", "stress",
})
# Prepositions that give a source without a reporting verb ("According to Reuters, the company cut 300 jobs"), as
# the parser reads them: the case marker and its fixed words.
SOURCE_PREPOSITIONS: Final[frozenset[str]] = frozenset({"according to"})
# Two-word prepositions ("Ahead of a planned trip, the minister said"): a phrase opening with one is an adjunct,
# never who or what an event involves, however the tagger read its first word (a capitalised "Ahead" as a name).
PHRASAL_PREPOSITIONS: Final[frozenset[tuple[str, str]]] = frozenset({
    ("ahead", "of"), ("because", "of"), ("instead", "of"), ("out", "of"), ("prior", "to"), ("due", "to"),
    ("thanks", "to"), ("according", "to"), ("next", "to"), ("close", "to"), ("apart", "from"), ("away", "from"),
})
# Prepositions of place: "in Port Louis", "at the White House", "outside the embassy" give an event's location.
PLACE_PREPOSITIONS: Final[frozenset[str]] = frozenset({"in", "at", "near", "outside", "inside"})
# Prepositional modifiers that stay inside a noun phrase named as an argument ("the Bank of England", "300 of its
# workers"); others ("the iPhone in San Francisco") are mostly adjuncts of the verb the parser hung on the noun.
PHRASE_PREPOSITIONS: Final[frozenset[str]] = frozenset({"of"})
# The role a prepositional modifier of an event noun plays: "the destruction of the bridge by the storm". A
# possessor ("the minister's resignation", "its launch") is the agent.
EVENT_NOUN_ROLES: Final[dict[str, Literal["agent", "patient"]]] = {"of": "patient", "by": "agent"}
# The preposition of a passive's agent ("was destroyed by the storm").
PASSIVE_AGENT_PREPOSITION: Final = "by"

# --- Things that are not events (chronology.nonevents) ---
# Words right before the title of a work: a year or a date in the title dates nothing ("the musical '1776'",
# "the novel 1984", "a film titled 'Born on the Fourth of July'"). Lower case: a capitalised "Show" is more often
# part of a name ("the Auto Show 2019").
WORK_NOUNS: Final[frozenset[str]] = frozenset({
    "film", "movie", "novel", "musical", "album", "song", "single", "book", "play", "series", "miniseries", "show",
    "sitcom", "documentary", "opera", "ballet", "poem", "memoir", "painting", "episode", "titled", "entitled",
})
# Conditionals: the condition's date is not when anything happened ("if it rains tomorrow"); a sentence that opens
# with one is hypothetical as a whole ("If approved, the law would take effect on January 1").
CONDITIONAL_OPENERS: Final[frozenset[str]] = frozenset({
    "if", "unless", "in case", "in the event that", "provided that", "providing that", "on condition that",
})
# Before "if", these make it "whether" ("asked if the vote on Monday would go ahead"), a manner ("as if") or a
# question ("what if"): no condition.
NOT_CONDITIONAL_BEFORE_IF: Final[frozenset[str]] = frozenset({
    "as", "what", "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering", "know", "knows",
    "knew", "see", "check", "checked", "determine", "determined", "decide", "decided", "unclear", "clear", "sure",
    "certain", "doubt", "known", "unknown", "out",
})
# Before a conditional opener, a concession ("even if ..."): the main clause holds whatever the condition.
CONCESSIVE_BEFORE_CONDITION: Final[frozenset[str]] = frozenset({"even"})
# Words after which a condition opens its clause, as at a sentence's start ("He said on Monday that if ...").
CONDITIONAL_LEADS: Final[frozenset[str]] = frozenset({
    "and", "but", "so", "yet", "or", "that", "then", "said", "says", "say", "warned", "warns", "added", "adds",
})
# After "should", a subject makes it a condition ("should Israel strike", "should the talks fail").
INVERSION_SUBJECTS: Final[frozenset[str]] = frozenset({
    "it", "they", "he", "she", "we", "you", "the", "this", "that", "these", "those", "any", "there",
})
# A sentence-final attribution (", officials said on Friday") stays outside a conditional before it.
ATTRIBUTION_VERBS: Final[frozenset[str]] = frozenset({
    "said", "says", "told", "announced", "added", "reported", "stated", "noted", "wrote", "warned", "according to",
})
# A habit: "every Monday", "each morning" (the tagger may take only "Monday morning").
SET_QUANTIFIERS: Final[frozenset[str]] = frozenset({"every", "each"})
# Author notes closing an article: "Jane Doe is a reporter for Reuters", "John Smith has covered the courts for the
# Times since 2012", "Follow her on Twitter", "Editing by John Smith".
BIO_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "they"})
BIO_ROLES: Final[frozenset[str]] = frozenset({
    "reporter", "correspondent", "editor", "writer", "columnist", "contributor", "journalist", "producer",
    "photographer", "photojournalist", "critic", "commentator", "blogger", "fellow", "bureau chief", "intern",
})
BIO_LINKS: Final[frozenset[str]] = frozenset({"is", "has been", "are", "have been"})
# Verbs of a beat, which a bio follows with the outlet ("... for the Times").
BIO_BEAT_VERBS: Final[frozenset[str]] = frozenset({
    "covers", "cover", "has covered", "have covered", "reports on", "report on", "has reported on", "writes",
    "write", "has written", "works", "work", "has worked",
})
BIO_OUTLET_LINKS: Final[frozenset[str]] = frozenset({"for", "at", "with"})
CONTACT_LINES: Final[frozenset[str]] = frozenset({
    "follow him", "follow her", "follow them", "follow me", "follow us", "reach him", "reach her", "reach them",
    "you can reach", "email him", "email her", "email them", "contact him", "contact her", "contact the author",
    "reporting by", "additional reporting by", "editing by", "writing by", "compiled by",
})
# Anywhere in a closing line: "Jane Roe in London contributed to this report."
CONTRIBUTION_NOTES: Final[frozenset[str]] = frozenset({
    "contributed to this report", "contributed to this story", "contributed to this article", "contributed reporting",
})
# "It's 2020": a contraction, not a possessive naming a work.
CONTRACTED_IS: Final[frozenset[str]] = frozenset({
    "it", "that", "there", "here", "what", "who", "he", "she", "let", "where", "how", "this",
})

# --- Actions: when two event words name the same action (cross-source merging, chronology.language.actions). ---
# Event nouns whose verb is not found by a suffix rule ("the death of" -> die).
IRREGULAR_NOMINALISATIONS: Final[dict[str, str]] = {
    "death": "die", "dead": "die", "sale": "sell", "loss": "lose", "birth": "bear", "born": "bear",
    "flight": "fly", "growth": "grow", "entry": "enter", "theft": "steal", "proof": "prove", "choice": "choose",
    "speech": "speak", "complaint": "complain", "defence": "defend", "defense": "defend", "response": "respond",
    "pursuit": "pursue", "acquisition": "acquire", "competition": "compete", "admission": "admit",
    "permission": "permit", "submission": "submit", "descent": "descend", "lawsuit": "sue", "suit": "sue",
    "trial": "try", "analysis": "analyse", "bankruptcy": "bankrupt",
}
# Suffixes that make a noun of a verb, each with the endings that may give the verb back, tried in order; a
# candidate counts only if it is a known verb ("announcement" -> "announce", "decision" -> "decide").
NOMINAL_SUFFIXES: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("ication", ("y",)),
    ("uction", ("uce",)),
    ("scription", ("scribe",)),
    ("mption", ("me",)),
    ("ation", ("ate", "", "e")),
    ("ition", ("ite", "e")),
    ("sion", ("de", "d", "t", "se")),
    ("tion", ("te", "t", "")),
    ("ment", ("",)),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("ure", ("", "e")),
    ("al", ("", "e")),
)
# Nouns that name an event whenever they head their phrase, as TimeML's guidelines count nominal events: the
# event model learns nouns from TimeBank and AQUAINT, which mark some of these in one document and not in
# another, and never saw others ("medical leave", "keynote"). A noun modifying another ("death penalty",
# "takeover bid", "war crimes") is not one. In TBAQ 10-fold cross-validation, marking them lifts event F1
# 0.852 -> 0.856 (benchmarks/events_results.md).
EVENT_NOUNS: Final[frozenset[str]] = frozenset({
    "abduction", "absence", "accident", "acquisition", "airstrike", "announcement", "appeal", "appointment", "arrest",
    "assassination", "assault", "attack", "audit", "bankruptcy", "battle", "birth", "blackout", "blast", "bombing",
    "boycott", "ceasefire", "celebration", "ceremony", "clash", "collision", "concert", "conference", "coup",
    "crackdown", "crash", "cyclone", "death", "demonstration", "departure", "deployment", "derailment", "drought",
    "earthquake", "election", "embargo", "epidemic", "eruption", "escape", "evacuation", "explosion", "festival",
    "flood", "flooding", "funeral", "hearing", "hijacking", "hurricane", "inauguration", "indictment", "inquiry",
    "interview", "invasion", "investigation", "keynote", "kidnapping", "killing", "landslide", "launch", "lawsuit",
    "layoff", "leave", "massacre", "meeting", "merger", "murder", "negotiation", "nomination", "offensive", "outage",
    "outbreak", "pandemic", "parade", "probe", "protest", "quake", "raid", "rally", "recall", "referendum", "rescue",
    "resignation", "retirement", "riot", "ruling", "sentencing", "settlement", "shooting", "shutdown", "siege",
    "speech", "storm", "summit", "surgery", "takeover", "talk", "tornado", "tour", "tournament", "transplant",
    "tremor", "trial", "trip", "truce", "tsunami", "typhoon", "unveiling", "uprising", "verdict", "visit", "vote",
    "war", "wedding", "wildfire", "withdrawal",
})
# Verbs too general to tell one event from another across reports ("had a loss", "took a charge", "came").
LIGHT_VERBS: Final[frozenset[str]] = frozenset({
    "be", "have", "do", "take", "make", "come", "go", "get", "give", "put", "keep", "seem", "appear", "become",
    "remain", "expect", "continue", "begin", "start", "stay", "use", "hold",
})
# Words for one action in news reports: each set is one action, named by its first word.
ACTION_SYNONYMS: Final[tuple[tuple[str, ...], ...]] = (
    ("strike", "hit", "quake", "earthquake", "tremor", "jolt", "shake"),
    ("die", "kill", "slay"),
    ("sue", "litigate"),
    ("resign", "quit"),
    ("buy", "purchase", "acquire"),
    ("arrest", "detain"),
    ("introduce", "unveil"),
    ("fight", "battle"),
    ("crash", "collide"),
    ("attack", "assault", "raid"),
    ("sign", "conclude"),
    ("meet", "talk"),
)

# --- Names as cross-source merging compares them (chronology.coreference). ---
# One form for the names that have several (lower case, before hyphens become spaces).
NAME_ALIASES: Final[dict[str, str]] = {
    "u.s.": "us", "u.s.a.": "us", "usa": "us", "united states": "us", "united states of america": "us",
    "america": "us", "u.k.": "uk", "united kingdom": "uk", "britain": "uk", "great britain": "uk",
    "u.n.": "un", "united nations": "un", "e.u.": "eu", "european union": "eu",
}
# Words of a phrase that say nothing of who or where ("us" stays: it is also the country once lower-cased).
NAME_STOPWORDS: Final[frozenset[str]] = frozenset({
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "its", "his", "her",
    "their", "our", "my", "your", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "him", "them", "who", "which", "what", "some", "all", "more", "than", "s", "'s", "mr", "mrs", "ms",
    "dr", "new", "other", "one", "two", "three", "first", "last", "also", "but", "if", "as", "is", "was",
    "are", "were", "be", "been", "has", "have", "had", "not", "no",
    # What a company's name ends with says nothing of which company it is.
    "corp", "corp.", "corporation", "inc", "inc.", "incorporated", "co", "co.", "company", "ltd", "ltd.", "limited",
    "plc", "llc", "ag", "n.v", "n.v.", "s.a", "s.a.", "group", "holdings",
})
