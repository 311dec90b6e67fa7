"""Short readable event titles from a clause: attribution, time words, titles and asides removed."""

from __future__ import annotations

import re

from timeline_app.core.events.clauses import REPORTING_VERBS
from timeline_app.core.events.entities import TITLES
from timeline_app.core.events.gazetteer import COUNTRIES
from timeline_app.core.events.lexicon import IT_IS_THAT, is_past
from timeline_app.core.lang import word_list

_MAX = 72
_ADVERBS = re.compile(
    r"\s*\b(?:reportedly|also|allegedly|apparently|reportedly|in depth|officially|recently|meanwhile|however|"
    r"nonetheless|nevertheless|moreover|furthermore|indeed)\b,?",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^()]*\)")
_QUOTES = re.compile(r"``|''|[\"“”]|(?<!\w)['‘](?!s\b)|['’](?!\w)")
_ADJECTIVES = sorted({a for adjs, _cap in COUNTRIES.values() for a in adjs}, key=len, reverse=True)
_TITLE_WORDS = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_NATIONALITY_TITLE = re.compile(
    rf"\b(?:(?:{'|'.join(re.escape(a) for a in _ADJECTIVES)})\s+)?(?:{_TITLE_WORDS})\s+(?=[A-Z])"
)
# "Chief executive Jane Doe took over": a title word before a name opening the title, in any case.
_LEADING_TITLE = re.compile(rf"^(?:(?i:{_TITLE_WORDS}|chief\s+\w+\s+officer|chief\s+executive))\s+(?=[A-Z])")
_LEADING = re.compile(
    r"^(?:as\s+(?:\w+\s+)?(?:expected|predicted|planned|anticipated|forecast|reported|noted|usual)\s*,\s*"
    r"|(?:and|but|so|then|yet)\s*,\s*"
    r"|(?:and|but|so|then|while|as|that|which|when|where|although|though|because|whereas)\s+"
    r"|(?:said|says|added|adds)\s*:\s*)",
    re.IGNORECASE,
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says)\b", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where|when)\b")
# Words a title must not end on.
_DANGLING = frozenset(
    [
        "into",
        "onto",
        "through",
        "until",
        "about",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "between",
        "among",
        "against",
        "toward",
        "towards",
        "across",
        "the",
        "not",
        "nor",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "but",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "may",
        "might",
        "could",
        "should",
        "can",
        "said",
        "says",
        "with",
        "for",
        "from",
        "by",
        "in",
        "on",
        "at",
        "as",
        "who",
        "which",
        "than",
        "whether",
        "if",
        "because",
        "although",
        "though",
        "whose",
        "whom",
        "where",
        "when",
        "what",
        "how",
        "why",
        "such",
        "ending",
        "including",
        "following",
        "according",
        "just",
        "up",
        "down",
        "beginning",
        "starting",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
    ]
)
# A time expression that is the clause's subject stays: "today is the eighth day".
_TIME_WORD = (
    r"(?:\d|early|late|mid|the\s+(?:\d|end|start|beginning)|spring|summer|fall|autumn|winter|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)"
)
_JOINED_AFTER = re.compile(rf"^\s*(?:and|or|to|through|until|-|–)\s*{_TIME_WORD}", re.IGNORECASE)
_JOINED_BEFORE = re.compile(r"\b(?:and|or|to|through|until)\s+(?:(?:early|late|mid)\s+)?$|[-–]\s*$", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"^\s*(?:is|was|are|were|has|have|had|will|would|marks|marked|saw|sees|came|comes)\b", re.IGNORECASE
)
# Where a long clause can be cut without leaving a dangling word.
_CUT_BEFORE = re.compile(
    r",|\s+(?:to|for|in|on|at|from|with|between|during|amid|amidst|about|after|before|as|by|while|which|who|"
    r"that|because|despite|including|alongside|against|into|over|under|near|through|than)\s+"
)


def make_title(clause: str, drop_spans: list[tuple[int, int]] | None = None) -> str:
    """A title from the clause text; spans in ``drop_spans`` (time expressions) are removed with their preposition."""
    text = clause
    if m := _CAPS_DATELINE.match(text):
        drop_spans = [(s - m.end(), e - m.end()) for s, e in drop_spans or [] if s >= m.end()]
        text = text[m.end() :]
    for s, e in sorted(_join_ranges(clause, drop_spans or []), reverse=True):
        before = text[:s]
        opens = not before.strip() or before.rstrip().endswith(",")
        if (opens and _SUBJECT_VERB.match(text[e:])) or _POSSESSIVE.match(text, e):
            continue  # the subject ("today is ...") or a modifier ("yesterday's editions"): keep
        if _JOINED_AFTER.match(text[e:]) or _JOINED_BEFORE.search(before):
            continue  # one end of a range or list ("between 1982 and 1992"): removing it would leave a gap
        prep = re.search(
            r"(?:\b(?:as\s+(?:early|soon|late)\s+as|on|in|at|since|by|during|from|until|till|of|as of|early|late"
            r"|between|for|(?:(?:shortly|soon|just|right|immediately|long)\s+)?(?:after|before))\s+)+$",
            before,
            re.I,
        )
        if prep:
            before = before[: prep.start()]
        words_before, words_after = before.split()[-1:], text[e:].split()[:1]
        if words_before and words_after and is_past(words_before[0]) and is_past(words_after[0]):
            continue  # "an update released on July 15 came": without the date two verbs would meet
        text = before.rstrip() + " " + text[e:].lstrip()
    text = _drop_leading_phrase(_drop_appositives(IT_IS_THAT.sub("", text)))
    text = _PAREN.sub("", text).replace(" _ ", ", ")
    text = _QUOTES.sub("", text)
    text = _ADVERBS.sub("", text)
    text = _NAME_AFTER_TITLE.sub(_unless_a_company, text)
    text = _LEADING_TITLE.sub(_unless_a_company, text.lstrip())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)  # a removed quotation or aside leaves its commas behind
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:-—–.!?")
    text = _LEADING.sub("", text)
    text = _SAID_COMMA.sub(r"\1: ", text, count=1)
    text = _SAID_ASIDE.sub("", text)
    text = _first_sentence(text)
    text = _drop_short_comma_tail(_trim_dangling(_drop_trailing_relative(_shorten(text))))
    # "It expected backlogs to clear": the pronoun says nothing; what is expected is the subject.
    text = _PRONOUN_EXPECTS.sub(lambda m: f"{m.group('what')} expected to ", text, count=1)
    return _capitalised(text) if text else ""


# 'Schiller said, "The Mac has outpaced ..."': the speaker and the words.
_SAID_COMMA = re.compile(r"^((?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*)\s+(?:said|says|added|adds)\s*[,:]\s+(?=[A-Z])")
# "Americans in Tanzania, he said, should stay home": the attribution between commas is no part of the title.
_SAID_ASIDE = re.compile(
    r",\s*(?:he|she|they|it|we|(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})\s+(?:said|says|added|noted)\s*,(?=\s)"
)
_POSSESSIVE = re.compile(r" ?['’]s\b")
# "company CEO Steve Jobs": a title word after another word is part of a noun phrase; only an opening one goes.
_NAME_AFTER_TITLE = re.compile(rf"(?:^|(?<=, )|(?<=\band ))(?:{_NATIONALITY_TITLE.pattern})")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")
_COMPANY_AFTER = re.compile(r"(?:[A-Z][\w&\-]*\s+){0,3}(?:" + "|".join(word_list("company_suffixes")) + r")\b\.?")


def _unless_a_company(m: re.Match[str]) -> str:
    """'General Motors Corporation' keeps its first word: a title word that opens a company's name stays."""
    return m.group(0) if _COMPANY_AFTER.match(m.string, m.end()) else ""


def _capitalised(text: str) -> str:
    """The first letter in upper case, unless the first word is written in mixed case (iPhone, eBay)."""
    return text if _CAMEL.match(text) else text[:1].upper() + text[1:]


_PRONOUN_EXPECTS = re.compile(
    r"^(?:it|they|he|she|we)\s+(?:expected|expects|expect)\s+(?P<what>(?!to\b)[\w'’%$,.\- ]{2,60}?)\s+to\s+(?=\w)",
    re.IGNORECASE,
)

_OPENERS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "since",
        "until",
        "following",
        "amid",
        "amidst",
        "with",
        "without",
        "for",
        "by",
        "over",
        "under",
        "within",
        "despite",
        "as",
        "according",
        "last",
        "earlier",
        "later",
        "meanwhile",
        "now",
        "then",
        "today",
        "yesterday",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "many",
        "some",
        "a",
        "an",
    ]
)
# Two words at least (not a list item), then the verb the aside interrupts ("Freeh, on a visit, asked").
_APPOSITIVE = re.compile(r"(?<=\w) ?,\s+(\S+\s[^,]{1,68}),\s+(?=([a-z][\w'’]*))")


_NEXT_SENTENCE = re.compile(r"(?<=[a-z0-9])[.!?]\s+(?=[A-Z])")
_TRAILING_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,]*$")


def _first_sentence(text: str) -> str:
    """A quoted passage may hold two sentences; a title is one."""
    for m in _NEXT_SENTENCE.finditer(text):
        head = text[: m.start()]
        last = head.split()[-1] if head.split() else ""
        if (last[:1].isupper() and len(last) <= 4) or len(last) <= 2 or "." in last:
            continue  # "St. Albans", "Roe vs. Wade", "U.S. officials": an abbreviation, not a sentence end
        return head if len(head.split()) >= 3 else text
    return text


def _drop_trailing_relative(text: str) -> str:
    """'The judge's ruling, which is expected': a relative clause cut short says nothing; end before it."""
    m = _TRAILING_RELATIVE.search(text)
    if not m:
        return text
    head = text[: m.start()]
    return head if len(head.split()) >= 3 and (is_past(head) or _FINITE.search(head)) else text


def _join_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'1982' and '1992' in 'between 1982 and 1992' are removed as one piece."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and re.fullmatch(r"\s*(?:and|to|through|until|till|-|–)\s*", text[out[-1][1] : s], re.IGNORECASE):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _drop_appositives(text: str) -> str:
    """'Freeh, on an official visit to Mexico, asked ...' -> 'Freeh asked ...'."""

    def cut(m: re.Match[str]) -> str:
        inner, after = m.group(1), m.group(2)
        # A participle phrase ("backed by 12 aircraft") is an aside; a clause with its own verb is not.
        if _FINITE.search(inner) or not (first_verb_end(after) or _PRESENT_VERB.match(after)):
            return m.group(0)
        return " "

    return _APPOSITIVE.sub(cut, text)


def _drop_leading_phrase(text: str) -> str:
    """'Five years after its launch, Apple ...' -> 'Apple ...': an opening adverbial is no headline."""
    head, sep, rest = text.partition(", ")
    words = head.split()
    if not (sep and words and len(words) <= 6 and len(rest.split()) >= 4):
        return text
    opener = words[0].lower()
    if (opener in _OPENERS or opener.isdigit()) and not is_past(head) and not _FINITE.search(head):
        return rest
    return text


def _shorten(text: str) -> str:
    relative = _RELATIVE_CLAUSE.search(text, 25)
    if relative:
        text = text[: relative.start()]
    if len(text) <= _MAX:
        return _drop_trailing_comma_phrase(text)
    verb = first_verb_end(text)  # no cut before it: a subject alone says nothing
    cuts = [m.start() for m in _CUT_BEFORE.finditer(text) if 25 <= m.start() <= _MAX and _clean_cut(text, m.start())]
    if not cuts or cuts[-1] < 40:
        # A very short head ("The Persian Gulf showdown") says too little: allow a longer phrase.
        cuts += [m.start() for m in _CUT_BEFORE.finditer(text) if max(_MAX, verb) < m.start() <= _MAX + 20]
        if len(text) <= _MAX + 20:
            cuts.append(len(text))
    for cut in reversed(cuts):
        cut = _keep_topic(text, cut)
        comma = text.rfind(", ", 0, cut)
        if comma >= max(25, verb) and cut < len(text) and _PHRASE_AFTER_COMMA.match(text, comma):
            cut = comma  # never stop inside a comma phrase ("..., forcing more"): end before it
        head = _trim_dangling(text[:cut].rstrip(" ,"))
        if len(head) >= 25:
            return head
    if len(text) <= _MAX + 28:
        return text  # a little long, but whole beats cut
    # No phrase boundary near the limit: a somewhat later one, then a cut before a function word,
    # so that the title still ends on a word that carries meaning.
    reach = max(_MAX + 40, verb + 30)
    later = [m.start() for m in _CUT_BEFORE.finditer(text) if max(_MAX + 20, verb) < m.start() <= reach]
    if later:
        return _trim_dangling(text[: later[0]].rstrip(" ,"))
    soft = [m.start() for m in _FUNCTION_WORD.finditer(text) if max(30, verb) <= m.start() <= max(_MAX, verb + 40)]
    for cut in reversed(soft):
        head = _trim_dangling(text[:cut].rstrip(" ,"))
        if len(head) >= verb:  # not "... platform was" trimmed back to no verb at all
            return head
    # No clean phrase boundary: cut at a word and say so.
    return _trim_dangling(text[:_MAX].rsplit(" ", 1)[0].rstrip(" ,")) + "…"


# ", forcing more ...", ", which ...": a comma that opens a phrase of its own (not "his small, neighbourhood store").
_PHRASE_AFTER_COMMA = re.compile(
    r",\s+(?:[a-z]+(?:ing|ed)\b|which|who|where|while|including|according|as|after|before|but|and|or|with|amid|"
    r"despite|although|though|when|because|since|until|then|up|down)\b"
)
# "INDEPENDENCE, Mo., The alliance ...": a wire dateline left at the head of the first sentence.
_CAPS_DATELINE = re.compile(r"^[A-Z]{3,}(?:[ \-][A-Z]{3,}){0,2},\s+[A-Z][A-Za-z.]{1,8}\.,?\s+(?=[A-Z])")
_FUNCTION_WORD = re.compile(r"\s+(?:of|and|or|but|the|a|an|that|its|their|his|her|whose)\s+", re.IGNORECASE)
_PARTICLES = frozenset(["over", "up", "off", "out", "down", "back", "away", "in", "on"])
_TOPIC = re.compile(r"\s+(?:about|on|over|of)\s+", re.IGNORECASE)


_TAKES_TO = frozenset(
    [
        "expected",
        "scheduled",
        "set",
        "due",
        "likely",
        "unlikely",
        "planned",
        "going",
        "able",
        "poised",
        "slated",
        "plans",
        "planned",
        "wants",
        "wanted",
        "hopes",
        "hoped",
        "aims",
        "aimed",
        "intends",
        "intended",
        "agreed",
        "decided",
        "tried",
        "sought",
        "seeks",
        "seeking",
        "refused",
        "failed",
        "continues",
        "began",
        "ready",
        "willing",
    ]
)


def _clean_cut(text: str, at: int) -> bool:
    """A comma between two describing words ("his small, neighbourhood store") is no place to end, nor is
    the "to" that completes "is expected to ..." or "plans to ...", nor a place before the clause's verb."""
    if at < first_verb_end(text):
        return False  # "Apps, books, documents, photos": the subject alone says nothing
    if text[at] == "," and text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
        return False  # "3,800": a thousands separator
    if text[at] != ",":
        before = text[:at].split()
        if before and re.match(r"\s+that\s", text[at:]) and _REPORTING_END.search(before[-1]):
            return False  # "announced | that ...": what was announced is the point
        return not (before and before[-1].lower() in _TAKES_TO and re.match(r"\s+to\s", text[at:]))
    return not re.match(r",\s+[a-z]", text[at:]) or _PHRASE_AFTER_COMMA.match(text, at) is not None


_REPORTING_END = re.compile(rf"^(?:{REPORTING_VERBS}|claims|thinks|thought|hoped|hopes|expects|expected)$", re.I)
_AUXILIARIES = frozenset(word_list("auxiliaries"))
_WORD_AT = re.compile(r"[A-Za-z][\w'’\-]*")


def first_verb_end(text: str) -> int:
    """Where the clause's first recognisable verb ends (0 when none is recognised).

    A past form followed later by an auxiliary ("troops sent to aid ... have lost") is a participle
    describing the subject; the auxiliary starts the verb.
    """
    previous = ""
    participle = 0
    words_since = 0
    for m in _WORD_AT.finditer(text):
        word = m.group(0)
        lw = word.lower()
        if lw in _AUXILIARIES:
            return m.end()
        if not participle and is_past(f"{previous} {word}") and not is_past(previous):
            if previous.lower() in _SUBJECT_PRONOUNS:
                return m.end()
            participle = m.end()
        elif participle:
            words_since += 1
            # An auxiliary far on, or after a comma, starts another clause: the past form was the verb.
            if "," in text[participle : m.start()] or words_since > 8:
                break
        previous = word
    return participle


_SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "who", "which", "that"])


_PRESENT_VERB = re.compile(r"^[a-z]{3,}s$")  # "adds", "includes": a verb when it follows the subject's aside
_OPENS_WITH_VERB = re.compile(r"^(?:will|would|can|could|may|might|must|should|shall|has|have|is|are|was|were)\b", re.I)


def sentence_subject(before: str, title: str) -> str:
    """For a title that starts with its verb ("Will be free to anyone"), the subject the sentence
    opened with ("Apple's bumpers were priced ..., but will be free"); '' when it needs none."""
    if not _OPENS_WITH_VERB.match(title):
        return ""
    head = _drop_leading_phrase(before.strip())
    verb = first_verb_end(head)
    if not verb:
        return ""
    words = head[:verb].split()[:-1]  # up to the verb, without it
    subject = re.sub(r"\s+(['’]s)\b", r"\1", " ".join(words)).strip(" ,")
    return subject if 0 < len(subject.split()) <= 6 else ""


def _keep_topic(text: str, cut: int) -> int:
    """'... engaged in discussions | about long-term plans' keeps a short topic: it says what about."""
    if not _TOPIC.match(text, cut):
        return cut
    following = [m.start() for m in _CUT_BEFORE.finditer(text, cut + 1)]
    end = following[0] if following else len(text)
    return end if end <= _MAX + 14 else cut


def _trim_dangling(text: str) -> str:
    words = text.split()
    while len(words) > 3 and (words[-1].lower() in _DANGLING or _dangling_participle(words[-2], words[-1])):
        if words[-1].lower() in _PARTICLES and is_past(words[-2]) and len(words) > 2:
            break  # "took over", "handed down": the verb's own particle, not a preposition left hanging
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _dangling_participle(previous: str, word: str) -> bool:
    """'... arrived in Washington seeking' ends on a verb; '... an emergency meeting' ends on a noun."""
    if not word.lower().endswith("ing"):
        return False
    adverb = previous.lower().endswith("ly") and previous.lower() not in _LY_ADJECTIVES  # "in early trading": a noun
    return previous[:1].isupper() or is_past(previous) or adverb


_LY_ADJECTIVES = frozenset(["early", "daily", "weekly", "monthly", "yearly", "only", "likely", "friendly", "costly"])


def _drop_short_comma_tail(text: str) -> str:
    """'Leopard would be released, the same time': a phrase cut down to a few words after a comma says nothing."""
    head, sep, tail = text.rpartition(", ")
    words = tail.split()
    if sep and len(words) <= 3 and words[0].lower() in ("the", "a", "an") and len(head) >= first_verb_end(text):
        return head
    return text


def _drop_trailing_comma_phrase(text: str) -> str:
    head, sep, _tail = text.rpartition(", ")
    return head if sep and len(head) >= max(30, first_verb_end(text)) else text
