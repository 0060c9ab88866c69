"""Hostile links: every page with each of its parameters set to values an attacker, a broken mail client or a careless
copy-paste would send, and addresses that lead nowhere. Each must open with no exception, without echoing the value
where Markdown or HTML would be interpreted, and in under 5 s (reported by the runners, never asserted as a time).

A sample runs in `make test` (tests/app/test_hostile_links.py, AppTest); the whole list in bench/hostile.py against
the real server. Cases known to fail are listed in PARSER_LIMITS.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

PAGES = {  # page address → the parameters it reads from a link
    "": ["lang", "year"],
    "ban-do": ["lang", "year", "metric", "colour", "show2025", "province"],
    "ho-so-tinh": ["lang", "year", "province", "compare", "compare_year", "mean", "best"],
    "ke-hoach": ["lang", "province", "plan"],
    "kham-pha": [
        *["lang", "years", "metrics", "regions", "groups", "scores", "q", "base"],
        *["chart", "x", "y", "chart_year", "chart_metric", "start", "end"],
    ],
    "gioi-thieu": ["lang"],
}
SCRIPT = "<script>alert(1)</script>"
# Values that must never be shown where Markdown or HTML is interpreted.
MARKUP = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "**bold**<b>b</b>",
    ":red[red] $$\\frac{1}{0}$$",
]
VALUES = [
    # type confusion
    "abc",
    "1.5",
    "-1",
    "[]",
    "{}",
    "true",
    # NaN, infinities, huge numbers
    "nan",
    "-inf",
    "1e309",
    "99999999999999999999999999",
    # Unicode: decomposed (NFD) Hà Nội, zero-width and direction marks, a lone BOM
    "Ha\u0300 No\u0302\u0323i",
    "H\u200ba\u0300 N\u200bo\u0323i",
    "\u202e01",
    "\ufeff",
    # path traversal and control characters
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "\x00",
    "%0d%0aSet-Cookie:%20x=1",
    # lists where one value is expected, and too many where a few are
    "01,01,01",
    ",,,",
    "79,27,48,31,92",
    # 100 KB
    "a" * 100_000,
    *MARKUP,
]
PATHS = ["khong-co-trang", "ban-do/extra/deeper", "etc/passwd", "%3Cscript%3E", "gioi-thieu/..%2f..%2fetc"]

# Known failures, each marked xfail(strict=True) in the sample: (page, parameter, value). Empty since the URL-state
# rework (the profile's five-province compare, which crashed the page, is corrected with a notice now).
PARSER_LIMITS: set[tuple[str, str, str]] = set()


@dataclass(frozen=True)
class Link:
    page: str
    query: str  # URL-encoded
    param: str = ""
    value: str = ""

    @property
    def known_failure(self) -> bool:
        return (self.page, self.param, self.value) in PARSER_LIMITS

    @property
    def markup(self) -> str | None:
        """The value when it is markup that must not be echoed where it would be interpreted."""
        return self.value if self.value in MARKUP else None

    def __str__(self) -> str:
        shown = self.query if len(self.query) < 60 else self.query[:40] + f"…({len(self.query)} chars)"
        return f"/{self.page}?{shown}"


def hostile_links() -> list[Link]:
    """Every page × parameter × value, repeated and conflicting keys, and the unknown addresses."""
    links = []
    for page, params in PAGES.items():
        for param in params:
            links += [Link(page, f"{param}={quote(value, safe='')}", param, value) for value in VALUES]
        links.append(Link(page, "&".join(f"{p}=2020&{p}=x&{p}=" for p in params), "repeated"))
    links += [Link(path, "lang=en") for path in PATHS]
    return links


ALWAYS_SAMPLED = {("ho-so-tinh", "compare", "79,27,48,31,92")}  # the link that crashed the profile (issue 13)


def sample(links: list[Link], every: int) -> list[Link]:
    """Every `every`-th link, the known failures and the links of issue 13, the markup in the explorer's search (the
    one free-text parameter) and the unknown addresses: a spread over pages and kinds of value."""
    return [
        link
        for i, link in enumerate(links)
        if i % every == 0
        or link.known_failure
        or (link.page, link.param, link.value) in ALWAYS_SAMPLED
        or (link.markup and link.param == "q")
        or link.page in PATHS
    ]


# The open-data API (server/api): every endpoint with each parameter set to each hostile value, repeated keys, too
# many keys, and addresses under /api/v1 that lead nowhere. Each must answer 200 or a JSON 400/404 (never a
# traceback, never the value echoed when it holds markup); tests/api/test_hostile_api.py runs the whole list.
API_ENDPOINTS = {  # address → the parameters it reads
    "api/v1/scores.csv": ["lang", "year", "province", "metric", "region", "group"],
    "api/v1/scores.json": ["year", "province", "metric"],
    "api/v1/provinces.json": ["lang", "region"],
    "api/v1/metrics.parquet": ["lang", "level"],
    "api/v1/plans.csv": ["lang", "province", "status", "plan"],
    "api/v1/citation.json": ["lang", "year", "link"],
    "api/v1/charts/map.svg": ["lang", "year", "metric", "province", "width", "height"],
    "api/v1/charts/radar.png": ["year", "metric", "province", "width", "height"],
}
API_PATHS = [
    "api/v1/khong-co",
    "api/v1/scores.xml",
    "api/v1/scores.csv/extra",
    "api/v1/charts/pie.svg",
    "api/v1/charts/map.gif",
    "api/v1/..%2f..%2fetc%2fpasswd",
    "api/v1/%3Cscript%3E.csv",
]


def api_links() -> list[Link]:
    """Every API endpoint × parameter × value, repeated keys, more keys than allowed, unknown keys (markup among
    them), and the unknown addresses."""
    links = []
    for address, params in API_ENDPOINTS.items():
        for param in params:
            links += [Link(address, f"{param}={quote(value, safe='')}", param, value) for value in VALUES]
        links.append(Link(address, "&".join(f"{p}=2020&{p}=x&{p}=" for p in params), "repeated"))
        links.append(Link(address, "&".join(f"year={2000 + i}" for i in range(40)), "many"))
        links += [Link(address, f"{quote(value, safe='')}=1", "key", value) for value in MARKUP]
    links += [Link(path, "lang=en") for path in API_PATHS]
    return links
