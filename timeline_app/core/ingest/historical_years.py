"""Years of widely commemorated events, so that "the 80th anniversary of ..." can date an article.

General knowledge only; each entry is (year, patterns naming the event). Patterns are regular
expressions matched case-insensitively as whole words in the words following "anniversary of".
"""

from __future__ import annotations

_WW1 = r"(?:world war (?:i|1|one)|the first world war|wwi)\b"
_WW2 = r"(?:world war (?:ii|2|two)|the second world war|wwii)\b"
_START = r"(?:outbreak|start|beginning)"
_END = r"(?:end|conclusion|close)"

HISTORICAL_YEARS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1215, ("magna carta",)),
    (1492, ("columbus", "discovery of america")),
    (1776, ("declaration of independence", "american independence")),
    (1789, ("french revolution", "(?:storming|fall) of the bastille")),
    (
        1865,
        (
            r"end of the (?:american )?civil war",
            "abolition of slavery",
            "(?:lincoln's assassination|assassination of lincoln)",
        ),
    ),
    (1912, ("sinking of the titanic", "titanic")),
    (1914, (rf"{_START} of {_WW1}",)),
    (1917, ("(?:russian|october|bolshevik) revolution",)),
    (1918, (rf"{_END} of {_WW1}", "armistice of 1918", "end of the great war")),
    (1919, ("treaty of versailles", "march 1st movement", "may fourth movement")),
    (1939, (rf"{_START} of {_WW2}", "invasion of poland")),
    (1941, ("(?:attack on )?pearl harbor",)),
    (1944, ("d-day", "normandy landings", "liberation of paris")),
    (
        1945,
        (
            rf"{_END} of {_WW2}",
            r"victory (?:over|against|in) (?:japan|fascism|nazi germany|europe)",
            r"(?:japan's|japanese) surrender|surrender of japan",
            r"v-?e day|v-?j day",
            r"great patriotic war|world anti-fascist war|war of resistance against japanese aggression",
            r"liberation of auschwitz|(?:atomic )?bombings? of (?:hiroshima|nagasaki)",
            r"founding of the united nations|united nations",
            r"(?:korea's |korean )?liberation from japanese",
        ),
    ),
    (1947, ("indian independence", "independence of india", "partition of india")),
    (1948, ("founding of israel", "universal declaration of human rights")),
    (1949, ("founding of (?:the people's republic of china|nato)", "people's republic of china")),
    (1950, (r"(?:outbreak|start) of the korean war", "korean war")),
    (1953, ("korean war armistice", "armistice agreement", "end of the korean war")),
    (1961, ("construction of the berlin wall", "first human spaceflight", "gagarin")),
    (1963, ("assassination of president kennedy", "kennedy assassination", "march on washington")),
    (1969, ("(?:first )?moon landing", "apollo 11")),
    (1975, ("fall of saigon", "end of the vietnam war")),
    (1986, ("chernobyl",)),
    (1989, ("fall of the berlin wall", "tiananmen")),
    (1990, ("german reunification", "reunification of germany")),
    (1991, ("(?:dissolution|collapse) of the soviet union", "gulf war")),
    (1994, ("rwandan genocide", "genocide in rwanda")),
    (1995, ("srebrenica",)),
    (2001, ("september 11", "9/11", "attacks of 11 september")),
    (2004, ("indian ocean tsunami",)),
    (2005, ("hurricane katrina",)),
    (2008, ("global financial crisis", "collapse of lehman brothers")),
    (2011, ("fukushima", "great east japan earthquake")),
    (2014, ("annexation of crimea",)),
    (2016, ("brexit referendum",)),
    (2020, ("covid-19 pandemic", "start of the pandemic")),
    (2022, ("(?:full-scale )?invasion of ukraine",)),
)
