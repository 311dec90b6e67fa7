"""Small general word lists: nouns that name happenings, tense and modality cues."""

from __future__ import annotations

import re

from timeline_app.core.lang import word_list

# Nouns naming the same kind of happening share a group, so "the summit" and "the meeting" can corefer.
EVENT_NOUN_GROUPS: dict[str, str] = {}
for _group, _words in {
    "meeting": "meeting meetings summit talks discussion discussions conference negotiations session sessions "
    "consultations encounter",
    "parade": "parade ceremony ceremonies celebration celebrations commemoration festival rally march procession",
    "attack": "attack attacks bombing bombings explosion explosions blast blasts strike strikes raid raids assault",
    "election": "election elections vote voting poll polls referendum ballot",
    "disaster": "earthquake quake storm hurricane typhoon flood floods fire wildfire crash accident collision",
    "launch": "launch release unveiling debut",
    "trial": "trial hearing verdict sentencing",
    "speech": "speech address interview statement announcement",
    "protest": "protest protests demonstration demonstrations strike walkout riot riots",
    "deal": "deal agreement accord treaty contract merger acquisition",
    "deployment": "deployment deployments dispatch",
    "war": "war invasion offensive battle fighting conflict",
}.items():
    for _word in _words.split():
        EVENT_NOUN_GROUPS.setdefault(_word, _group)

_IRREGULAR_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "went",
        "made",
        "sent",
        "took",
        "met",
        "held",
        "gave",
        "came",
        "saw",
        "said",
        "told",
        "began",
        "led",
        "won",
        "fought",
        "left",
        "fell",
        "rose",
        "spoke",
        "wrote",
        "brought",
        "bought",
        "built",
        "caught",
        "chose",
        "drew",
        "drove",
        "ate",
        "felt",
        "found",
        "flew",
        "forgot",
        "froze",
        "got",
        "grew",
        "heard",
        "hid",
        "hit",
        "hurt",
        "kept",
        "knew",
        "laid",
        "lost",
        "meant",
        "paid",
        "put",
        "quit",
        "ran",
        "read",
        "rode",
        "rang",
        "sought",
        "sold",
        "set",
        "shot",
        "shut",
        "sang",
        "sank",
        "sat",
        "slept",
        "slid",
        "spent",
        "spread",
        "stood",
        "stole",
        "struck",
        "swore",
        "swept",
        "swam",
        "threw",
        "understood",
        "woke",
        "wore",
        "wept",
        "withdrew",
        "overtook",
        "undertook",
        "became",
    ]
)
_NOT_PAST_ED = frozenset(
    [
        "need",
        "needed",
        "speed",
        "embed",
        "indeed",
        "seed",
        "feed",
        "breed",
        "bed",
        "red",
        "shed",
        "hundred",
        "exceed",
        "proceed",
        "succeed",
        "bleed",
        "heed",
        "greed",
        "deed",
        "creed",
        "weed",
    ]
)
# After these a verb is a bare infinitive: "could exceed", "to proceed".
_BEFORE_INFINITIVE = frozenset(["will", "would", "could", "may", "might", "shall", "should", "can", "must", "to"])
_WORD = re.compile(r"[A-Za-z']+")

STRONG_EXPECTATION = re.compile(
    r"\b(?:is|are|was|were)\s+(?:widely\s+)?(?:anticipated|expected|scheduled|slated|set|due|poised|likely|planned)\b|"
    r"\b(?:plans?|planning|intends?|intending|aims?|vows?|pledged|promised|threatened)\s+to\b|"
    r"\bupcoming\b|\bforthcoming\b|\bwill\s+be\s+held\b|\b(?:expects?|forecasts?|predicts?|anticipates?)\b",
    re.IGNORECASE,
)
WEAK_EXPECTATION = re.compile(r"\b(?:will|shall|may|might|could|would|going\s+to)\s+(?!have\b)\w+", re.IGNORECASE)
ONGOING = re.compile(
    r"\b(?:has|have)\s+been\b|\b(?:continues|continue|continuing|remains|remain)\b|\bongoing\b|\bstill\b",
    re.IGNORECASE,
)
IT_IS_THAT = re.compile(
    r"^\s*it\s+(?:is|was|has\s+been)\s+(?:widely\s+)?(?:anticipated|expected|believed|reported|thought|said|"
    r"feared|hoped|likely|possible|understood|estimated)\s+that\s+",
    re.IGNORECASE,
)


def event_nouns(text: str) -> list[str]:
    """Happening nouns in order of appearance, as group names."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        group = EVENT_NOUN_GROUPS.get(word)
        if group and group not in out:
            out.append(group)
    return out


_PRESENT_COPULA = frozenset(
    [
        "is",
        "are",
        "am",
        "be",
        "being",
        "seems",
        "seem",
        "looks",
        "look",
        "remains",
        "remain",
        "very",
        "more",
        "most",
        "so",
        "too",
    ]
)


def is_past(text: str) -> bool:
    """Past or present-perfect verb forms; "is complicated" is an adjective after a present verb, not a past."""
    previous = ""
    for word in _WORD.findall(text):
        lw = word.lower()
        if lw in _IRREGULAR_PAST:
            return True
        if (
            lw.endswith("ed")
            and len(lw) > 4
            and lw not in _NOT_PAST_ED
            and previous not in _PRESENT_COPULA
            and previous not in _BEFORE_INFINITIVE
        ):
            return True
        previous = lw
    return False


CONTENT_STOPWORDS = frozenset(word_list("stopwords"))


def content_words(text: str) -> set[str]:
    """Lower-case words that carry meaning (names excluded: they say who, not what)."""
    return {w for w in _WORD.findall(text) if w.islower() and len(w) > 3 and w not in CONTENT_STOPWORDS}
