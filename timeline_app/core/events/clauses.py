"""Splitting a sentence into the clauses that can carry an event of their own.

Roles: ``main`` (the sentence's own statement), ``attribution`` ("as reported by X on Monday",
"according to X", "officials said"), ``content`` (what a reporting verb introduces: "noted that ..."),
``subordinate`` (introduced by a temporal link: "after", "before", "when", "since"), ``frame``
(a leading adverbial such as "At the onset of the meeting,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline_app.core.events.lexicon import is_past
from timeline_app.core.lang import alternation

# Forms that are also plural nouns ("states", "reports") are left out of the list: "in nine states".
REPORTING_VERBS = alternation("reporting_verbs", longest_first=False)
# "as reported by X", "according to X": who told the news.
SOURCE_OPENERS = rf"as\s+(?:{alternation('attribution_verbs', longest_first=False)})\s+(?:by|in)|" + alternation(
    "source_openers", longest_first=False
)
_ATTRIBUTION = re.compile(
    rf",?\s*\b(?:{SOURCE_OPENERS}|as\s+(?:\w+\s+){{1,4}}(?:reported|said|announced|stated))\b",
    re.IGNORECASE,
)
_TRAILING_SAID = re.compile(
    rf",\s?[\"”']?\s*(?:(?:the\s+)?[\w'’.\- ]{{1,60}}?\s+(?:{REPORTING_VERBS})"
    rf"|(?:{REPORTING_VERBS})\s+[\w'’.\- ]{{1,60}}?)"
    # "told parliament on Wednesday": an addressee and a time, no clause of its own.
    r"(?:\s+(?:(?:on|to|at|in)\s+)?\w+(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:on|at|in)\s+\w+)?)?"
    r"\s*[.!?]?[\"”]?$",
    re.IGNORECASE,
)
_MID_SAID = re.compile(
    rf"(?<=\w),\s+(?:the\s+)?(?:[\w'’.\-]+\s+){{0,5}}(?:{REPORTING_VERBS})"
    r"(?:\s+(?:(?:this|last|on|early|late)\s+\w+|yesterday|today|tonight))?,\s+",
    re.IGNORECASE,
)
_MID_SAID_WORDS = re.compile(r"\w+\s+\w+")
_CONTENT = re.compile(rf"\b(?:{REPORTING_VERBS})\s+(?:\w+\s+){{0,4}}?that\s+", re.IGNORECASE)
# "said the firm would cut ...": reported speech without "that", told by a subject and a back-shifted verb.
_CONTENT_BARE = re.compile(
    rf"\b(?:{REPORTING_VERBS})\s+(?:(?:on|last|this|early|late)\s+\w+\s+|yesterday\s+|today\s+)?"
    r"(?=(?:the|a|an|it|he|she|they|we|its|his|her|their|this|these)\b"
    r"(?:\s+[\w'’\-]+){0,3}?\s+(?:would|could|might|will|may|should|had|was|were|expected|expects|planned|plans|"
    r"intended|intends|hoped|hopes)\s+\w)",
    re.IGNORECASE,
)
_LINKS = re.compile(
    r"\s+(?P<link>(?:shortly|soon|just|hours|days|weeks|months|years|a\s+day|a\s+week|immediately|only)\s+after|"
    r"after|before|when|while|since|until|as\s+soon\s+as)\s+(?=\w)",
    re.IGNORECASE,
)
_FRAME = re.compile(r"(?:(?:At|In|On|During|After|Before|Since|Following|Amid|Amidst|Earlier|Later)\b[^,]{0,80}),\s+")
_COORD = re.compile(
    r"(?:,\s+(?:but|although|though|whereas|while|where|and|or|so)\s+|;\s+|\s+although\s+)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    role: str  # main | attribution | content | subordinate | frame | coordinate
    # subordinate clauses: the word that links them ("after", "since"); attributions: "statement"
    # ("X said on Friday") or "source" ("according to X", "as reported by X")
    link: str = ""

    def text_in(self, text: str, offset: int = 0) -> str:
        """The clause's words, from the whole text or from a slice of it starting at ``offset``."""
        return text[self.start - offset : self.end - offset]


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Clauses of the sentence text[start:end], in order, covering the sentence without overlap."""
    clauses: list[Clause] = []
    body_start, body_end = start, end
    sentence = text[start:end]
    # Trailing attribution: "..., according to X." / "..., X said Friday."
    cut = _ATTRIBUTION.search(sentence)
    # A trailing "..., X said Friday." is short: look only at the sentence's tail.
    tail_at = max(0, len(sentence) - 160)
    said = _TRAILING_SAID.search(sentence, tail_at)
    attribution_at: int | None = None
    kind = ""
    inner = _inner_source_end(sentence, cut) if cut else None
    if cut and inner is not None:
        # "NPD said according to those figures, sales fell": the source opens the sentence; the news follows.
        clauses.append(Clause(start, start + inner, "attribution", "source"))
        body_start = start + inner
        cut = _ATTRIBUTION.search(sentence, inner)
    if cut and cut.start() > 0:
        attribution_at, kind = cut.start(), "source"
    if said and said.start() > 0 and (attribution_at is None or said.start() < attribution_at):
        attribution_at, kind = said.start(), "statement"
    if attribution_at is not None:
        clauses.append(Clause(start + attribution_at, end, "attribution", kind))
        body_end = start + attribution_at
    frame = _FRAME.match(text, body_start, body_end)
    if frame:
        clauses.append(Clause(body_start, frame.end(), "frame"))
        body_start = frame.end()
    content = _CONTENT.search(text, body_start, body_end)
    bare = _CONTENT_BARE.search(text, body_start, body_end)
    if bare and (content is None or bare.start() < content.start()):
        content = bare
    if content and content.start() - body_start < 120:
        clauses.append(Clause(body_start, content.end(), "attribution", "statement"))
        clauses.extend(_split_body(text, content.end(), body_end, "content"))
    elif (mid := _MID_SAID.search(text, body_start, body_end)) and _has_clause_around(text, body_start, mid, body_end):
        # "Buses will return from May 6, the authority announced this morning, two years after ...": the statement
        # sits between the news and a trailing phrase; it is an attribution, not words of the title.
        clauses.extend(_split_body(text, body_start, mid.start(), "main"))
        clauses.append(Clause(mid.start(), mid.end(), "attribution", "statement"))
        clauses.extend(_split_body(text, mid.end(), body_end, "coordinate"))
    else:
        clauses.extend(_split_body(text, body_start, body_end, "main"))
    clauses.sort(key=lambda c: c.start)
    return [c for c in clauses if text[c.start : c.end].strip()]


def _has_clause_around(text: str, start: int, mid: re.Match[str], end: int) -> bool:
    """A whole clause before the statement ('The rebels, officials said, had' has only a subject), words after."""
    before = text[start : mid.start()]
    return (
        len(before.split()) >= 3
        and _starts_clause(before)
        and _MID_SAID_WORDS.search(text[mid.end() : end]) is not None
    )


def _inner_source_end(sentence: str, cut: re.Match[str]) -> int | None:
    """Where an 'according to X,' that a clause of its own follows ends (after its comma), or None."""
    comma = sentence.find(",", cut.end())
    if comma < 0 or not cut.group(0).lstrip(", ").lower().startswith(("according", "citing", "quoting", "as per")):
        return None
    source = sentence[cut.end() : comma]
    rest = sentence[comma + 1 :]
    # Only a source that opens the sentence ("NPD said according to ..."); later it ends the news.
    opening = len(sentence[: cut.start()].split()) <= 4
    if not opening or len(source.split()) > 6 or len(rest.split()) < 3 or not _starts_clause(rest):
        return None
    return comma + 1


def _split_body(text: str, start: int, end: int, role: str) -> list[Clause]:
    out: list[Clause] = []
    pieces: list[tuple[int, int, str, str]] = []  # start, end, role, link
    pos = start
    current_role, current_link = role, ""
    for m in _COORD.finditer(text, start, end):
        if m.group(0).strip(" ,").lower() in ("and", "or", "so") and not _starts_new_subject(text[m.end() : end]):
            continue
        pieces.append((pos, m.start(), current_role, current_link))
        pos = m.end()
        current_role, current_link = "coordinate", ""
    pieces.append((pos, end, current_role, current_link))
    for s, e, r, link in pieces:
        link_match = _LINKS.search(text, s, e)
        if link_match and link_match.start() > s + 3 and _starts_clause(text[link_match.end() : e]):
            out.append(Clause(s, link_match.start(), r, link))
            out.append(Clause(link_match.end(), e, "subordinate", _norm(link_match.group("link"))))
        else:
            out.append(Clause(s, e, r, link))
    return out


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b", re.IGNORECASE)


def _starts_clause(words: str) -> bool:
    """'after [both leaders attended ...]' links a clause; 'after [the meeting]' is just a preposition."""
    head = " ".join(words.split()[:8])
    return is_past(head) or bool(_FINITE.search(head))


def _starts_new_subject(words: str) -> bool:
    """', and the army is expected to ...' starts a clause; ', and injured more than 5,000' continues one."""
    split = words.split()
    if not split or is_past(split[0]) or _FINITE.match(split[0]):
        return False
    head = " ".join(split[1:6])
    return _FINITE.search(head) is not None or is_past(head)


def _norm(link: str) -> str:
    return " ".join(link.lower().split())


_AND = re.compile(r",?\s+and\s+(?:(?:then|later|subsequently|eventually|finally)\s+)?", re.IGNORECASE)
_AUX = re.compile(
    r"(?:was|were|is|are|has|have|had|will|would)(?:\s+(?:not|never|also|later|then))?(?:\s+been)?\b", re.IGNORECASE
)
_INTENT = re.compile(
    rf"(?:{alternation('intention_verbs', longest_first=False)}|"
    rf"{alternation('intention_verbs_clauses', longest_first=False)})\s+to\b",
    re.IGNORECASE,
)
_OWN_SUBJECT = re.compile(r"\s*(?:the|a|an|its|his|her|their|our|this|[A-Z][\w'’\-]+)\s+[\w'’\-]+", re.IGNORECASE)
_NAME_SUBJECT = re.compile(
    r"\s*(?!(?:The|A|An|This|That|These|Its|His|Her|Their|Our|In|On|At|By|After|Before|Since)\s)"
    r"(?:[A-Z][\w'’.\-]*\s+){1,4}(?=[a-z])"
)
_FIRST_WORD = re.compile(r"[\w'’\-]+")


def split_dated_conjuncts(
    text: str, clause: Clause, dated: list[tuple[int, int]], subject: str = ""
) -> list[tuple[Clause, str]]:
    """'was arrested in March 2021 and charged the following year': one clause per verb with its own date.

    Each piece comes with the subject its title needs: the given one for the first piece, the words
    before the first verb for the others, with a shared passive auxiliary ('was') when the next verb
    is a bare participle. ``dated`` are spans of time expressions that date a happening.
    """
    pieces: list[tuple[Clause, str]] = []
    pos = clause.start
    carried = subject
    for m in _AND.finditer(text, clause.start, clause.end):
        if m.start() < pos or _inside(m.start(), dated):
            continue
        left_dated = any(pos <= s and e <= m.start() for s, e in dated)
        next_and = _AND.search(text, m.end(), clause.end)
        stop = next_and.start() if next_and else clause.end
        right_dated = any(m.end() <= s and e <= stop for s, e in dated)
        verb = _verb_start(text[m.end() : stop])
        if not verb and m.group(0).startswith(",") and _OWN_SUBJECT.match(text, m.end()):
            verb = "subject"  # ", and the trust plans to ...": a clause with a subject of its own
        if not (left_dated and right_dated and verb):
            continue
        left = Clause(pos, m.start(), clause.role, clause.link if not pieces else "")
        pieces.append((left, carried))
        shared = "" if verb == "subject" else _subject_for_next(text[pos : m.start()], carried, verb)
        if shared is None:
            return [(clause, subject)]  # no subject to lend: a title would read as a fragment
        carried = shared
        pos = m.end()
    if not pieces:
        return [(clause, subject)]
    pieces.append((Clause(pos, clause.end, clause.role, ""), carried))
    return pieces


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _verb_start(words: str) -> str:
    """'aux' when the words open with an auxiliary, 'participle' with a past form, '' otherwise."""
    first = _FIRST_WORD.match(words.lstrip())
    if first is None or first.group(0)[:1].isupper():
        return ""
    if _AUX.match(words.lstrip()) or _INTENT.match(words.lstrip()):
        return "aux"
    return "participle" if is_past(first.group(0).replace("-", "")) else ""


def _subject_for_next(left: str, subject: str, verb: str) -> str | None:
    """The subject the next conjunct shares, with the auxiliary it leaves out ('He was' + 'charged')."""
    words = left.split()
    for i, word in enumerate(words):
        bare = word.strip(",;:").lower()
        if _AUX.fullmatch(bare) or (is_past(bare) and word[:1].islower()):
            head = subject or " ".join(words[:i])
            if not head or len(head.split()) > 8:
                return None
            aux = _AUX.match(" ".join(words[i:]))
            after = " ".join(words[i:])[aux.end() :].split()[:1] if aux else []
            if verb == "participle" and aux and after and is_past(after[0]) and not _AUX.fullmatch(after[0]):
                return f"{head} {aux.group(0)}"
            return head
    name = _NAME_SUBJECT.match(left)
    if not subject and name and _verb_start(left[name.end() :]) == "" and len(words) > len(name.group(0).split()):
        return name.group(0).strip()  # "Halden cut 1,200 jobs": a name, then a verb the lexicon cannot tell
    return subject or None
