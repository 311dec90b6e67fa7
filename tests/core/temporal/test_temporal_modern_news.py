"""A held-out style check on today's wire and web news: every sentence lists all the expressions it should yield.

The sentences were written for this file in the styles of current agency copy, business reporting,
live blogs and headlines. Each case names the reference date (publication day) and every expected
(text, type, value); anything extra, missing or valued differently fails, so false dates count too.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.temporal import tag

WED = date(2025, 9, 10)  # a Wednesday
MON = date(2026, 1, 12)  # a Monday early in a year
SAT = date(2024, 11, 30)  # a Saturday late in a year

Expected = list[tuple[str, str, str]]

CASES: list[tuple[str, date | None, Expected]] = [
    # --- calendar dates in the forms agencies and websites print them
    ("The deal was signed on Sept. 4, officials said.", WED, [("Sept. 4", "DATE", "2025-09-04")]),
    ("The ceasefire took effect on 4 September 2025.", WED, [("4 September 2025", "DATE", "2025-09-04")]),
    ("The filing, dated 2025-09-04, was made public.", WED, [("2025-09-04", "DATE", "2025-09-04")]),
    ("The court order dated 09/04/2025 was released.", WED, [("09/04/2025", "DATE", "2025-09-04")]),
    ("Polls close on Thursday, Nov. 6, the commission said.", WED, [("Thursday, Nov. 6", "DATE", "2025-11-06")]),
    ("The bank was founded on September 4th, 1998.", WED, [("September 4th, 1998", "DATE", "1998-09-04")]),
    ("Updated: Sep 9, 2025", WED, [("Sep 9, 2025", "DATE", "2025-09-09")]),
    ("The rules were first proposed in March 2023.", WED, [("March 2023", "DATE", "2023-03")]),
    ("He was first elected in 2016 and re-elected in 2020.", WED, [("2016", "DATE", "2016"), ("2020", "DATE", "2020")]),
    ("The law takes effect on Jan. 1.", WED, [("Jan. 1", "DATE", "2026-01-01")]),
    ("Sales in August were the weakest since 2022.", WED, [("August", "DATE", "2025-08"), ("2022", "DATE", "2022")]),
    # --- relative days and parts of days
    ("Police said the attack happened Tuesday night.", WED, [("Tuesday night", "TIME", "2025-09-09TNI")]),
    ("The minister spoke to reporters this morning.", WED, [("this morning", "TIME", "2025-09-10TMO")]),
    ("Storms knocked out power to 40,000 homes overnight.", WED, [("overnight", "TIME", "2025-09-09TNI")]),
    ("The talks collapsed on Monday, two days after they began.", WED,
     [("Monday", "DATE", "2025-09-08"), ("two days", "DURATION", "P2D")]),
    ("Results are expected on Friday.", WED, [("Friday", "DATE", "2025-09-12")]),
    ("The company said it would announce results on Friday.", WED, [("Friday", "DATE", "2025-09-12")]),
    ("Monday's vote was close.", WED, [("Monday", "DATE", "2025-09-08")]),
    ("Rescuers worked through the night, and by Thursday morning the road was open.", SAT,
     [("Thursday morning", "TIME", "2024-11-28TMO")]),
    ("The fire started yesterday afternoon and was contained today.", WED,
     [("yesterday afternoon", "TIME", "2025-09-09TAF"), ("today", "DATE", "2025-09-10")]),
    # --- weeks, months and years counted from the story day
    ("Earlier this month, prices rose sharply.", WED, [("Earlier this month", "DATE", "2025-09")]),
    ("Prices fell late last year.", WED, [("late last year", "DATE", "2024")]),
    ("The minister said talks would resume next month.", WED, [("next month", "DATE", "2025-10")]),
    ("The company said last week it would cut 300 jobs.", WED, [("last week", "DATE", "2025-W36")]),
    ("Talks resume in mid-September.", WED, [("mid-September", "DATE", "2025-09")]),
    ("Officials said the vote would take place in November.", WED, [("November", "DATE", "2025-11")]),
    ("He said he had met her in November.", WED, [("November", "DATE", "2024-11")]),
    ("The lender agreed to extend the credit line through November.", WED, [("November", "DATE", "2025-11")]),
    ("She will succeed the retiring chief executive on Jan. 5.", WED, [("Jan. 5", "DATE", "2026-01-05")]),
    ("The dividend would be paid on a still unspecified date in October.", WED, [("October", "DATE", "2025-10")]),
    ("The launch is planned for next spring.", WED, [("next spring", "DATE", "2026-SP")]),
    ("Protesters gathered over the weekend.", WED, [("the weekend", "DATE", "2025-W36-WE")]),
    ("This weekend, fans will gather outside the stadium.", WED, [("This weekend", "DATE", "2025-W37-WE")]),
    ("It will all be done by the end of the month.", WED, [("the end of the month", "DATE", "2025-09")]),
    ("Elections are due by the end of next year.", WED, [("the end of next year", "DATE", "2026")]),
    ("The war began two decades ago.", WED, [("two decades ago", "DATE", "2005")]),
    ("Exports fell in December, the data showed.", MON, [("December", "DATE", "2025-12")]),
    ("The agency expects a decision in March.", MON, [("March", "DATE", "2026-03")]),
    ("Shops close early on Christmas Eve.", SAT, [("Christmas Eve", "DATE", "2024-12-24")]),
    ("Fireworks on New Year's Day were cancelled.", MON, [("New Year's Day", "DATE", "2026-01-01")]),
    ("Traffic was heavy on Labor Day.", WED, [("Labor Day", "DATE", "2025-09-01")]),
    ("Roads were jammed over the Labor Day weekend.", WED, [("Labor Day weekend", "DATE", "2025-W35-WE")]),
    ("Juneteenth became a federal holiday in 2021.", WED,
     [("Juneteenth", "DATE", "2025-06-19"), ("2021", "DATE", "2021")]),
    ("Stores will open on Thanksgiving Day and Black Friday.", WED,
     [("Thanksgiving Day", "DATE", "2025-11-27"), ("Black Friday", "DATE", "2025-11-28")]),
    ("Voters head to the polls on Election Day.", WED, [("Election Day", "DATE", "2025-11-04")]),
    ("The markets were closed on Easter Monday 2024.", WED, [("Easter Monday 2024", "DATE", "2024-04-01")]),
    ("Shops close early on Christmas Eve. Last Christmas was quiet.", WED,
     [("Christmas Eve", "DATE", "2025-12-24"), ("Last Christmas", "DATE", "2024-12-25")]),
    ("The ship sailed to Easter Island.", WED, []),
    ("The vote was held on Sept. 4. It will be repeated on Oct. 2.", WED,
     [("Sept. 4", "DATE", "2025-09-04"), ("Oct. 2", "DATE", "2025-10-02")]),
    ("The startup was founded in 2015 and went public five years later.", WED,
     [("2015", "DATE", "2015"), ("five years later", "DATE", "2020")]),
    ("The minister resigned earlier this year.", WED, [("earlier this year", "DATE", "2025")]),
    ("Inflation peaked in mid-2022.", WED, [("mid-2022", "DATE", "2022")]),
    ("The vaccine rollout begins in early 2026.", WED, [("early 2026", "DATE", "2026")]),
    ("The bill, introduced last spring, stalled.", WED, [("last spring", "DATE", "2025-SP")]),
    ("The pandemic began more than five years ago.", WED, [("more than five years ago", "DATE", "2020")]),
    ("Last month's figures were revised.", WED, [("Last month", "DATE", "2025-08")]),
    ("The government will publish the budget this autumn.", WED, [("this autumn", "DATE", "2025-FA")]),
    ("The rally is planned for this Saturday.", WED, [("this Saturday", "DATE", "2025-09-13")]),
    ("Unemployment hit its highest level since the 1990s.", WED, [("the 1990s", "DATE", "199X")]),
    # --- vague and stretch-of-time phrases
    ("In recent years, the city has grown rapidly.", WED, [("recent years", "DATE", "PAST_REF")]),
    ("Prices have doubled over the past decade.", WED, [("the past decade", "DURATION", "P1DE")]),
    ("Lawmakers must respond within 48 hours.", WED, [("48 hours", "DURATION", "PT48H")]),
    ("The company will decide in the coming weeks.", WED, [("the coming weeks", "DURATION", "PXW")]),
    ("The strike has now lasted 12 days.", WED, [("now", "DATE", "PRESENT_REF"), ("12 days", "DURATION", "P12D")]),
    # --- business reporting
    ("Profit rose in the first half of 2024.", WED, [("the first half of 2024", "DATE", "2024-H1")]),
    ("Revenue for fiscal 2025 grew 8%.", WED, [("fiscal 2025", "DATE", "2025")]),
    ("Revenue in H1 2024 rose 3%.", WED, [("H1 2024", "DATE", "2024-H1")]),
    ("Q3 revenue rose 5%, and Q4 sales are expected to rise.", WED,
     [("Q3", "DATE", "2025-Q3"), ("Q4", "DATE", "2025-Q4")]),
    ("Apple's Q1 results beat forecasts.", MON, [("Q1", "DATE", "2026-Q1")]),
    ("The Audi Q3 sold well.", WED, []),
    ("Sales rose 4% in August from the same month last year.", WED,
     [("August", "DATE", "2025-08"), ("the same month last year", "DATE", "2024-08")]),
    ("The company reported third-quarter earnings on Thursday.", WED,
     [("third-quarter", "DATE", "2025-Q3"), ("Thursday", "DATE", "2025-09-04")]),
    ("Sales rose to $2.5 billion from $2.1 billion a year earlier.", WED, [("a year earlier", "DATE", "2024")]),
    ("Net income rose in the second quarter compared with the same period last year.", WED,
     [("the second quarter", "DATE", "2025-Q2"), ("the same period last year", "DATE", "2024-Q2")]),
    ("For the year ended June 30, revenue rose 4%.", WED,
     [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2025-06-30")]),
    ("The year has been difficult for retailers.", WED, [("The year", "DATE", "2025")]),
    # --- ranges of years and months
    ("He served in the army from 1950-53.", WED, [("1950", "DATE", "1950"), ("53", "DATE", "1953")]),
    ("She was mayor 2019-2021.", WED, [("2019", "DATE", "2019"), ("2021", "DATE", "2021")]),
    ("The 2024-25 season ended in May.", WED,
     [("2024", "DATE", "2024"), ("25", "DATE", "2025"), ("May", "DATE", "2025-05")]),
    ("She led the agency from 2019 to 2021.", WED, [("2019", "DATE", "2019"), ("2021", "DATE", "2021")]),
    ("Rain fell between March and May.", WED, [("March", "DATE", "2025-03"), ("May", "DATE", "2025-05")]),
    ("The survey ran from March to May 2024.", WED, [("March", "DATE", "2024-03"), ("May 2024", "DATE", "2024-05")]),
    ("The exhibition runs Dec. 28 to Jan. 3, 2026.", WED,
     [("Dec. 28", "DATE", "2025-12-28"), ("Jan. 3, 2026", "DATE", "2026-01-03")]),
    # --- clock times, with and without zones
    ("Shares closed at 4:00 p.m. ET on Friday.", WED, [("4:00 p.m. ET on Friday", "TIME", "2025-09-05T16:00")]),
    ("The flight landed at 14:30 GMT.", WED, [("14:30 GMT", "TIME", "2025-09-10T14:30")]),
    ("The blast occurred at 3 p.m. EST.", WED, [("3 p.m. EST", "TIME", "2025-09-10T15:00")]),
    ("The quake struck at 9:40 a.m. local time (0140 GMT) on Monday.", WED,
     [("9:40 a.m. local time (0140 GMT) on Monday", "TIME", "2025-09-08T09:40")]),
    ("Voting ends at 8 p.m. CET.", WED, [("8 p.m. CET", "TIME", "2025-09-10T20:00")]),
    ("The meeting is at 10:30.", WED, [("10:30", "TIME", "2025-09-10T10:30")]),
    ("Ticket sales open at 10am BST on Friday 12 September.", WED,
     [("10am BST on Friday 12 September", "TIME", "2025-09-12T10:00")]),
    ("Police were called at about 11.45pm on Sunday.", WED, [("11.45pm on Sunday", "TIME", "2025-09-07T23:45")]),
    ("The deadline is midnight on Sunday.", WED, [("midnight on Sunday", "TIME", "2025-09-07T24")]),
    ("Voting begins at 7 a.m. and ends at 8 p.m.", WED,
     [("7 a.m.", "TIME", "2025-09-10T07:00"), ("8 p.m.", "TIME", "2025-09-10T20:00")]),
    ("Last modified on Tue 9 Sep 2025 22.01 BST", WED,
     [("Tue 9 Sep 2025", "DATE", "2025-09-09"), ("22.01 BST", "TIME", "2025-09-09T22:01")]),
    ("Updated Sept. 8, 2025 at 2:30 p.m. ET", WED,
     [("Sept. 8, 2025", "DATE", "2025-09-08"), ("2:30 p.m. ET", "TIME", "2025-09-08T14:30")]),
    ("The story was published 3 hours ago.", WED, [("3 hours ago", "DATE", "2025-09-10")]),
    ("The fire broke out on Sept. 8 and was put out some 30 hours later.", WED,
     [("Sept. 8", "DATE", "2025-09-08"), ("30 hours later", "DATE", "2025-09-09")]),
    ("The page was posted 2025-09-10T14:30:00Z.", WED, [("2025-09-10T14:30:00Z", "TIME", "2025-09-10T14:30")]),
    ("The outage began around 11 p.m. Pacific time on Monday.", WED,
     [("around 11 p.m. Pacific time on Monday", "TIME", "2025-09-08T23:00")]),
    ("The hurricane is forecast to make landfall late Thursday or early Friday.", WED,
     [("late Thursday", "DATE", "2025-09-11"), ("early Friday", "DATE", "2025-09-12")]),
    ("The summit will take place on 15-16 October in Brussels.", WED, [("15-16 October", "DATE", "2025-10-15")]),
    ("The court will hear arguments on Oct. 14, with a ruling expected by year-end.", WED,
     [("Oct. 14", "DATE", "2025-10-14"), ("year-end", "DATE", "2025")]),
    ("Cash at quarter-end was $2 billion.", WED, [("quarter-end", "DATE", "2025-Q3")]),
    # --- halves and quarters of a game are not of a year
    ("He scored twice in the second half to seal a 3-1 win on Saturday night.", WED,
     [("Saturday night", "TIME", "2025-09-06TNI")]),
    ("The Lakers led by 10 points in the fourth quarter.", WED, []),
    ("Profit rose in the first half, the company said.", WED, [("the first half", "DATE", "2025-H1")]),
    # --- headlines
    ("Talks Resume Next Week in Geneva", WED, [("Next Week", "DATE", "2025-W38")]),
    ("MARKETS RALLY AS RATES FALL THIS MONTH", WED, [("THIS MONTH", "DATE", "2025-09")]),
    # --- things that are not dates at all
    ("The team won 3-1 on Saturday.", WED, [("Saturday", "DATE", "2025-09-06")]),
    ("The firm raised $2.5 billion from investors.", WED, []),
    ("A man aged 45 was arrested.", WED, []),
    ("COVID-19 cases fell as the F-35 order and the G20 talks went ahead.", WED, []),
    ("The Top 10 list was published.", WED, []),
    ("The bill passed 52-48.", WED, []),
    ("The case, No. 2023-45, was heard.", WED, []),
    ("There were 2,024 cases.", WED, []),
    ("Temperatures hit 40 degrees.", WED, []),
    ("He appeared on This Week with the host.", WED, []),
    ("She was named Time's Person of the Year.", WED, []),
    ("Some 1500-2000 troops were deployed.", WED, []),
    # --- without a reference date: absolute values kept, anaphora from the text
    ("On March 3, 2020, the virus spread. The next day, schools shut.", None,
     [("March 3, 2020", "DATE", "2020-03-03"), ("The next day", "DATE", "2020-03-04")]),
    ("The year 2024 was hot. That year, rivers dried up. The following year was worse.", None,
     [("The year 2024", "DATE", "2024"), ("That year", "DATE", "2024"), ("The following year", "DATE", "2025")]),
    ("Talks are set for Friday.", None, [("Friday", "DATE", "XXXX-WXX-5")]),
    ("Talks began in January 2024. In March, they collapsed.", None,
     [("January 2024", "DATE", "2024-01"), ("March", "DATE", "2024-03")]),
    ("The firm was founded in 1998. Three years later it went public. In the same year it bought a rival.", None,
     [("1998", "DATE", "1998"), ("Three years later", "DATE", "2001"), ("the same year", "DATE", "2001")]),
    ("Seoul, Sep 4 (WireNews) Leaders met in the capital.", None, [("Sep 4", "DATE", "XXXX-09-04")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reference", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_modern_news_sentence(text: str, reference: date | None, expected: Expected) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, reference)]
    assert found == expected
