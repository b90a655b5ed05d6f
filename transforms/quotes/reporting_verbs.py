"""Reporting verbs: the words that introduce what someone said, wrote, found or believes.

The model is loaded without a lemmatizer, so the lexicon is matched on inflected word forms. Base
forms are written by hand (speech, writing, argument and belief verbs that take a clause, from
general English usage and the verbs textacy and the Gender Gap Tracker use); ``inflections``
spells out their forms, with a table for the irregular ones.
"""

from __future__ import annotations

# Verbs of saying and writing: with a clause or a nearby quotation they attribute content.
_SPEECH = """
acknowledge add admit advise affirm agree allege announce answer argue ask assert assure
chant continue
blast boast brag caution charge chide claim comment complain concede conclude confess
confirm contend counter cry declare decry demand deny describe detail disclose dispute
echo emphasise emphasize estimate exclaim explain express forecast grumble hint indicate
inform insist instruct joke lament maintain mention muse note observe opine order plead
pledge point post predict proclaim promise propose protest quip read reaffirm
recall recount reiterate remark remind reply report respond retort reveal say scoff scream
shout sing snap speak specify state stress suggest swear tell testify text theorize tout
tweet underline underscore urge vow warn whisper write yell clarify
bark beam blurt boom email gush interject marvel retaliate wonder
fume gripe rage rant react scold sigh tease thunder vent
""".split()

# Verbs of finding, believing and wanting: they attribute content only through a clause
# complement, never a free-standing quotation ("Polls show that ..."; "He believes ...").
# Knowing, realising and noticing count: "Voters know that ...", "She realised that ...", "He
# noticed that ..." put a view in the subject's mind as "believe" does (PolNeAR attributes
# them). Not "see": "saw those voters swing to Cruz" is an event witnessed (on PolNeAR train 14
# of 33 matched nothing); "see X as Y" is a view held, and clauses.py takes it on its own
# (``_seen_as``).
_COGNITION = """
believe doubt expect fear feel find figure guess hope imagine predict reckon show
suspect think worry
assume know learn notice realise realize recognise recognize remember understand
""".split()

# Verbs of stance and intention: their object or to-infinitive is what the subject holds or
# wants ("Trump called for a special prosecutor", "She criticized the plan", "They hailed the
# deal", "He vowed to win", "She hopes to win"). "seek" counts only with its to-infinitive
# (``_STRIVING``): with any object it was wrong 50 times in 141 on PolNeAR train.
_STANCE = """
accuse acknowledge admit advocate agree announce applaud ask attack back bash blame blast
call champion cite condemn confirm criticise criticize decline decry defend demand denounce
deny describe dismiss dispute dub echo endorse favor favour hail intend label lambast mock
decide discuss liken offer oppose plan pledge point praise predict promise propose question
hope recommend refuse reject request reveal show slam support talk threaten tout urge vow want
welcome worry
seek
name list identify
""".split()

# Verbs of striving: their to-infinitive is the aim the subject holds ("The mayor sought to
# reassure donors"); a bare object is a thing pursued ("sought reelection", "seeking shelter").
_STRIVING = """
seek
""".split()

# Stance verbs whose bare noun object is a thing taken, turned down or held out, not a view put
# in words: "rejected a 3 per cent pay offer", "welcomed the decision", "offered a window into
# her thinking". With a clause or to-infinitive they still report a view ("rejected claims that
# ...", "welcomed the chance to ...", "offered to resign").
_CHOICE = """
offer reject welcome
""".split()

# Verbs of labelling: what they report is the label given with "as" ("named Cleveland as the most
# dangerous city", "identified China as the culprit"); otherwise they report an act ("named five
# people to the committee", "named Dorsey its chief executive", "listed the house for sale").
_LABELLING = """
name list identify
""".split()

# Verbs of requesting: what was asked is the to-infinitive or clause ("asked residents to stay
# indoors"); a bare object is no content ("asked me a question").
_REQUEST = """
ask request
""".split()

# Verbs of holding back: with a verb of saying as their complement they report that nothing was
# said ("declined to comment", "refused to say whether ..."), which is no quote.
_REFUSAL = """
decline refuse
""".split()

# Verbs of saying whose direct object is what was said ("mentioned the wall", "expressed
# frustration", "tweeted his condolences"). Other speech verbs take an object that is no
# statement: a document ("wrote a letter", "read the list"), a duration or a manner ("spoke for
# an hour", "continued the tour"), an act ("declared victory", "conceded the race"), figures
# ("reported a profit of $1.78 a share") or the addressee ("emailed Brafman", "told reporters").
_OBJECT_IS_SAID = """
allege assert emphasise emphasize estimate explain express mention note proclaim
recall reiterate say state stress suggest tweet underline
""".split()

# Adjectives of conviction: with a that-clause they state a view their subject holds ("is
# confident that ...", "remain hopeful that ..."), as "believes that" does. Not "sure" ("not
# sure he would", "not sure why": a doubt or a question) nor "clear" ("it is clear that": the
# writer's).
_CONVICTION_ADJECTIVES = frozenset(
    "confident certain convinced hopeful optimistic aware adamant".split()
)

# Verbs of seeming: "X seems to ...", "X appeared unmoved", "it seems that ...". What seems so
# is an impression the writer reports, which PolNeAR attributes (mostly to no named source).
_SEEMING = """
appear seem
""".split()

# Participles that, passive with a to-infinitive, report what others expect or say of the
# subject: "X is expected to resign", "is said to have", "was thought to be", "is understood to
# be preparing" (the British press's unnamed briefing).
_HEARSAY_PARTICIPLES = frozenset(
    "alleged believed expected reported rumored rumoured said thought understood".split()
)

# Nouns whose that-clause is what someone claims, fears or believes: "Trump's claim that ...",
# "the suggestion that ...". Not "fact", "news" or "sign": the writer's own facts and
# inferences (on PolNeAR train "the fact that" matched an attribution 14 times in 30).
_CONTENT_NOUNS = """
acknowledgment acknowledgement admission allegation argument assertion assumption assurance
belief charge claim comment complaint concern conclusion contention conviction doubt
expectation fear feeling hope idea impression insistence message narrative notion perception
pledge prediction promise recognition remark report rumor rumour sense speculation statement
suggestion suspicion theory thought view warning worry
""".split()

# Nouns of stance with the preposition that introduces what the stance is on: "support for the
# bill", "attacks on Clinton", "opposition to the deal". Not "attack" or "endorsement" in the
# singular, "remarks" or "position" (on PolNeAR train two in five of those matched nothing),
# "call for" (mostly the verb, parsed as a noun, whose clause the verb rule has) or "questions
# about" (raised by events and documents, which PolNeAR gives no source).
_STANCE_NOUN_PREPOSITIONS = {
    "praise": "for", "support": "for",
    "attacks": "on", "stance": "on",
    "condemnation": "of", "criticism": "of", "criticisms": "of",
    "opposition": "to",
}

_IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "speak": ["speak", "speaks", "spoke", "spoken", "speaking"],
    "swear": ["swear", "swears", "swore", "sworn", "swearing"],
    "think": ["think", "thinks", "thought", "thinking"],
    "find": ["find", "finds", "found", "finding"],
    "feel": ["feel", "feels", "felt", "feeling"],
    "sing": ["sing", "sings", "sang", "sung", "singing"],
    "read": ["read", "reads", "reading"],
    "show": ["show", "shows", "showed", "shown", "showing"],
    # not "knowing": "..., knowing that ..." ascribes a state of mind in passing, to a subject
    # two verbs away (none of its clauses on PolNeAR train is an attribution's content)
    "know": ["know", "knows", "knew", "known"],
    "seek": ["seek", "seeks", "sought", "seeking"],
    "understand": ["understand", "understands", "understood", "understanding"],
    "forecast": ["forecast", "forecasts", "forecasted", "forecasting"],
    "make": ["make", "makes", "made", "making"],
}


# Verbs whose last consonant doubles before -ed and -ing.
_DOUBLED = {"admit", "quip", "snap", "plan", "slam"}


def inflections(base: str) -> list[str]:
    """Regular English verb forms of ``base`` (or the irregular table's)."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base.endswith("ee"):
        past, ing = base + "d", base + "ing"
    elif base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif base in _DOUBLED:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return [base, third, past, ing]


def _forms(bases: list[str]) -> frozenset[str]:
    return frozenset(form for base in bases for form in inflections(base))


SPEECH_VERBS = _forms(_SPEECH)
COGNITION_VERBS = _forms(_COGNITION) - SPEECH_VERBS
STANCE_VERBS = _forms(_STANCE)
REPORTING_VERBS = SPEECH_VERBS | COGNITION_VERBS | STANCE_VERBS
CHOICE_VERBS = _forms(_CHOICE)
REQUEST_VERBS = _forms(_REQUEST)
STRIVING_VERBS = _forms(_STRIVING)
LABELLING_VERBS = _forms(_LABELLING)
REFUSAL_VERBS = _forms(_REFUSAL)
OBJECT_IS_SAID_VERBS = _forms(_OBJECT_IS_SAID)
SEEMING_VERBS = _forms(_SEEMING)
CONTENT_NOUNS = frozenset(_CONTENT_NOUNS) | frozenset(n + "s" for n in _CONTENT_NOUNS)  # plurals


def is_speech_verb(word: str) -> bool:
    return word.lower() in SPEECH_VERBS


# Verbs that report speech only with their particle: "Sanders shot back, “...”", "Fallon fired
# back:", "her husband cut in" (every form written out: the irregular ones are not in _IRREGULAR).
_PHRASAL_SPEECH = {
    "back": "shoot shoots shot shooting fire fires fired firing hit hits hitting",
    "in": "cut cuts cutting",
    "on": "go goes went going",
}
PHRASAL_SPEECH = frozenset(
    (form, particle) for particle, forms in _PHRASAL_SPEECH.items() for form in forms.split()
)
# Verbs that cue a quotation next to them ("“And then?” Hannity interrupted.") but report no
# clause or object: "interrupted the meeting" says nothing.
_QUOTATION_CUES = """
interrupt elaborate riff surmise
""".split()
QUOTATION_CUE_VERBS = _forms(_QUOTATION_CUES)


def is_quotation_cue(word: str, next_word: str) -> bool:
    """Whether ``word`` (then ``next_word``) cues a quotation: a verb of speech, one with its
    particle, or a verb that cues only a quotation ("interrupted", "elaborated")."""
    lower = word.lower()
    return (
        lower in SPEECH_VERBS
        or lower in QUOTATION_CUE_VERBS
        or (lower, next_word.lower()) in PHRASAL_SPEECH
    )


def is_cognition_verb(word: str) -> bool:
    return word.lower() in COGNITION_VERBS


def is_stance_verb(word: str) -> bool:
    return word.lower() in STANCE_VERBS


def is_reporting_verb(word: str) -> bool:
    return word.lower() in REPORTING_VERBS


def is_choice_verb(word: str) -> bool:
    return word.lower() in CHOICE_VERBS


def is_labelling_verb(word: str) -> bool:
    return word.lower() in LABELLING_VERBS


def is_striving_verb(word: str) -> bool:
    return word.lower() in STRIVING_VERBS


def is_refusal_verb(word: str) -> bool:
    return word.lower() in REFUSAL_VERBS


def is_request_verb(word: str) -> bool:
    return word.lower() in REQUEST_VERBS


def is_object_said_verb(word: str) -> bool:
    return word.lower() in OBJECT_IS_SAID_VERBS


def is_conviction_adjective(word: str) -> bool:
    return word.lower() in _CONVICTION_ADJECTIVES


def is_seeming_verb(word: str) -> bool:
    return word.lower() in SEEMING_VERBS


def is_hearsay_participle(word: str) -> bool:
    return word.lower() in _HEARSAY_PARTICIPLES


def is_content_noun(word: str) -> bool:
    return word.lower() in CONTENT_NOUNS


_STANCE_NOUN_PREPOSITION_SETS = {
    noun: frozenset(preps.split()) for noun, preps in _STANCE_NOUN_PREPOSITIONS.items()
}


def stance_noun_prepositions(word: str) -> frozenset[str]:
    """The prepositions after which ``word``'s object is a stance's content; empty when it is
    no noun of stance. (Asked of every token outside quotation marks: the sets are built once.)"""
    return _STANCE_NOUN_PREPOSITION_SETS.get(word.lower(), frozenset())
