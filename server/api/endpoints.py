"""The API's endpoints: scores, provinces, metrics, plans (each as CSV, JSON or Parquet), the citation, and the
answers for a bad request or an unknown address. Plain functions: Starlette runs them in its thread pool, so the
pandas work never holds up the server's event loop (the pages' websockets share it)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

import pandas as pd
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from papi_data import explore
from papi_data.citation import citation, view_citation
from papi_data.store.load import StoreUnavailable
from server.api import charts, formats, params, tables
from server.api.cache import OnceCache
from server.api.params import BadRequest
from ui.exports.renderer import RenderError

PREFIX = "/api/v1"
TERMS = (
    "PAPI's figures are published by CECODES, VFF-CRT, RTA and UNDP at papi.org.vn; cite them as given in `citation`. "
    "The publishers state no open licence; this service adds none."
)
_answers = OnceCache(max_entries=512, max_bytes=96 * 2**20)
_log = logging.getLogger("papi.api")


def _query(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    raw = request.url.query
    return params.checked(request.query_params.multi_items(), len(raw), (*allowed, "lang"))


def error_response(error: BadRequest, request: Request) -> JSONResponse:
    lang = params.reader_lang(request.query_params, request.headers.get("accept-language", ""))
    return JSONResponse(
        error.body(lang),
        status_code=error.status,
        headers={"cache-control": "no-store", "x-content-type-options": "nosniff", "access-control-allow-origin": "*"},
    )


_ready: OrderedDict[tuple, tuple[bytes, dict[str, str]]] = OrderedDict()  # answers sent: request → body, headers
_READY_ENTRIES = 1024


def forget() -> None:
    """Forget the answers sent (the tests do, between stand-in renderers)."""
    _ready.clear()


def _ready_key(request: Request) -> tuple:
    """A request as sent (address, query, host) on the live build and today: the same request, the same answer."""
    host = request.headers.get("host", "")
    return (tables.served_build(), request.url.path, request.url.query, host, dt.date.today())


def guarded(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
    """A handler whose bad request is a JSON 400, an unavailable store a JSON 503, and any other failure a JSON 500
    with the traceback in the server's log only. An answer already sent for the same request is sent again from
    memory on the event loop (a few dozen microseconds); anything else runs in the thread pool, so the pandas work
    and the renderings never hold up the loop that the pages' websockets share."""

    async def run(request: Request) -> Response:
        key = _ready_key(request)
        sent = _ready.get(key)
        if sent is not None:
            body, headers = sent
            if request.headers.get("if-none-match") == headers["etag"]:
                return Response(status_code=304, headers={"etag": headers["etag"]})
            return Response(body, headers=headers)
        try:
            response = await run_in_threadpool(handler, request)
        except BadRequest as error:
            return error_response(error, request)
        except StoreUnavailable:
            return error_response(BadRequest("unavailable", status=503), request)
        except Exception:
            _log.exception("API request failed: %s", request.url.path)
            return error_response(BadRequest("render_failed", status=500), request)
        if response.status_code == 200 and "etag" in response.headers:
            headers = {k: v for k, v in response.headers.items() if k != "content-length"}
            _ready[key] = (bytes(response.body), headers)
            while len(_ready) > _READY_ENTRIES:
                _ready.popitem(last=False)
        return response

    run.__name__ = handler.__name__
    return run


def _format(request: Request) -> formats.Format:
    fmt = request.path_params["fmt"]
    if fmt not in formats.FORMATS:
        raise BadRequest("not_found", status=404, allowed=", ".join(f".{f}" for f in formats.FORMATS))
    return fmt


def prefix(request: Request) -> str:
    """Where the API is mounted as the request reached it: /api/v1, or under the server's base path (/papi/api/v1)."""
    return str(request.scope.get("root_path") or PREFIX).rstrip("/")


def _citation_url(request: Request, years: tuple[int, int], lang: str) -> str:
    span = str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
    return f"{prefix(request)}/citation.json?{urlencode({'year': span, 'lang': lang})}"


def _meta(t: tables.Tables, request: Request, years: tuple[int, int], lang: str, query: dict[str, str]) -> dict:
    store = t.store
    shown = list(range(years[0], years[1] + 1))
    return {
        "build": t.build,
        "built_at": store.manifest.get("built_at"),
        "source": citation(store.report_partners, store.partners, shown, lang),
        "citation": view_citation(
            store.report_partners, store.partners, shown, lang, str(request.url), dt.date.today()
        ).as_dict(),
        "terms": TERMS,
        "query": query,
        "missing": "null: PAPI published no figure (never 0, never estimated)",
        "documentation": f"{prefix(request)}/openapi.json",
    }


def _answer(
    request: Request,
    name: str,
    allowed: tuple[str, ...],
    select: Callable[[tables.Tables, dict[str, str]], tuple[pd.DataFrame, tuple[int, int]]],
) -> Response:
    """The table `select` makes of the query, in the format the path asks for, made once per build, query and day."""
    fmt = _format(request)
    query = _query(request, allowed)
    lang = params.choice(query, "lang", params.LANGS, "vi")
    t = tables.current()
    etag = f'"{t.build}"'
    span = (t.years[0], t.years[-1])
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})

    def make() -> bytes:
        table, years = select(t, query)
        whole = t.scores_arrow if name == "scores" else None
        return formats.encode(table, fmt, _meta(t, request, years, lang, query), whole)

    key = (t.build, name, fmt, tuple(sorted(query.items())), str(request.url.netloc), dt.date.today())
    body = _answers.get(key, make)
    if "year" in query:
        span = params.years(query, t.years)
    cited = _citation_url(request, span, lang)
    return Response(body, headers=formats.headers(t.build, cited, formats.MEDIA[fmt], f"papi-{name}.{fmt}"))


def select_scores(t: tables.Tables, query: dict[str, str]) -> tuple[pd.DataFrame, tuple[int, int]]:
    """The explorer's own filter (papi_data.explore.apply_filters) on the explorer's own table: the same rows, in
    the same order, as the explorer shows for the same filters; every metric when none is named."""
    years = params.years(query, t.years)
    metrics = params.choices(query, "metric", t.metrics.ids, "metric ids (see /api/v1/metrics)")
    filters = explore.Filters(
        years=years,
        metrics=metrics or t.metrics.ids,
        regions=params.choices(
            query, "region", tuple(t.store.regions["region_id"]), "region ids (see /api/v1/provinces)"
        ),
        groups=params.groups(query),
        provinces=params.provinces(query, set(t.store.provinces["code"]), t.province_named),
    )
    keys = t.keys[t.keys["year"].between(*years)]  # the columns and years the filter reads: the same rows and order
    shown = explore.apply_filters(keys, t.store.provinces, filters)
    return t.scores.loc[shown.index], years


def select_provinces(t: tables.Tables, query: dict[str, str]) -> tuple[pd.DataFrame, tuple[int, int]]:
    regions = params.choices(query, "region", tuple(t.store.regions["region_id"]))
    table = t.provinces[t.provinces["region"].isin(regions)] if regions else t.provinces
    return table, (t.years[0], t.years[-1])


def select_metrics(t: tables.Tables, query: dict[str, str]) -> tuple[pd.DataFrame, tuple[int, int]]:
    levels = params.choices(query, "level", ("total", "dimension", "subdimension"))
    table = t.metric_table[t.metric_table["level"].isin(levels)] if levels else t.metric_table
    return table, (t.years[0], t.years[-1])


def select_plans(t: tables.Tables, query: dict[str, str]) -> tuple[pd.DataFrame, tuple[int, int]]:
    table = t.plans
    codes = params.provinces(query, set(t.store.provinces["code"]), t.province_named)
    if codes is not None:
        table = table[table["province_code"].isin(codes)]
    statuses = params.choices(query, "status", params.STATUSES)
    if statuses:
        table = table[table["status"].isin(statuses)]
    plans = params.choices(query, "plan", tuple(t.plans["plan_id"].unique()), "plan ids (see /api/v1/plans)")
    if plans:
        table = table[table["plan_id"].isin(plans)]
    return table, (t.years[0], t.years[-1])


SCORE_PARAMS = ("year", "province", "metric", "region", "group")


@guarded
def scores(request: Request) -> Response:
    return _answer(request, "scores", SCORE_PARAMS, select_scores)


@guarded
def provinces(request: Request) -> Response:
    return _answer(request, "provinces", ("region",), select_provinces)


@guarded
def metrics(request: Request) -> Response:
    return _answer(request, "metrics", ("level",), select_metrics)


@guarded
def plans(request: Request) -> Response:
    return _answer(request, "plans", ("province", "status", "plan"), select_plans)


@guarded
def cite(request: Request) -> Response:
    """The citation of the reports of `year` (one or a range) as JSON (plain, APA, BibTeX), text or BibTeX."""
    fmt = request.path_params["fmt"]
    if fmt not in ("json", "txt", "bib"):
        raise BadRequest("not_found", status=404, allowed=".json, .txt, .bib")
    query = _query(request, ("year", "link"))
    lang = params.choice(query, "lang", params.LANGS, "vi")
    t = tables.current()
    years = params.years(query, t.years)
    link = query.get("link") or str(request.base_url).rstrip("/")
    if (
        not link.startswith(("http://", "https://"))
        or params.shown_value(link.replace("/", "").replace("?", "")) is None
    ):
        link = str(request.base_url).rstrip("/")  # a link is cited only when it is a plain web address
    shown = list(range(years[0], years[1] + 1))
    cited = view_citation(t.store.report_partners, t.store.partners, shown, lang, link, dt.date.today())
    head = formats.headers(t.build, _citation_url(request, years, lang), "", f"papi-citation.{fmt}")
    if fmt == "json":
        return JSONResponse(cited.as_dict(), headers={**head, "content-type": "application/json"})
    text = cited.bibtex if fmt == "bib" else f"{cited.plain}\n\n{cited.apa}\n"
    media = "application/x-bibtex; charset=utf-8" if fmt == "bib" else "text/plain; charset=utf-8"
    return Response(text.encode("utf-8"), headers={**head, "content-type": media})


@guarded
def chart(request: Request) -> Response:
    """A chart image by URL (server.api.charts)."""
    kind, fmt = request.path_params["kind"], request.path_params["fmt"]
    if kind not in charts.KINDS or fmt not in charts.IMAGE_FORMATS:
        raise BadRequest("not_found", status=404, allowed="charts/{map,ranking,radar,trend}.{svg,png}")
    query = _query(request, charts.CHART_PARAMS)
    t = tables.current()
    view = charts.read_view(kind, fmt, query, t)
    etag = f'"{t.build}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})
    try:
        body = charts.image(view, t, str(request.base_url))
    except RenderError as error:
        _log.warning("chart image failed: %s", error)
        raise BadRequest("render_failed", status=503) from error
    head = formats.headers(t.build, _citation_url(request, (view.year, view.year), view.lang), formats.MEDIA[fmt], "")
    head["content-disposition"] = f'inline; filename="papi-{kind}-{view.year}-{view.metric}.{fmt}"'
    return Response(body, headers=head)


def index(request: Request) -> Response:
    """What the API offers, for a person who opens /api/v1/ in a browser."""
    base = prefix(request)
    return JSONResponse(
        {
            "name": "PAPI open data API",
            "documentation": f"{base}/openapi.json",
            "endpoints": [
                f"{base}/scores.{{csv,json,parquet}}",
                f"{base}/provinces.{{csv,json,parquet}}",
                f"{base}/metrics.{{csv,json,parquet}}",
                f"{base}/plans.{{csv,json,parquet}}",
                f"{base}/charts/{{map,ranking,radar,trend}}.{{svg,png}}",
                f"{base}/citation.{{json,txt,bib}}",
            ],
        },
        headers={"cache-control": f"public, max-age={formats.MAX_AGE_S}", "access-control-allow-origin": "*"},
    )


def not_found(request: Request) -> Response:
    """Any other address under /api/v1: 404 (405 for a method other than GET or HEAD), as JSON."""
    if request.method not in ("GET", "HEAD"):
        error = BadRequest("not_found", status=405, allowed="GET, HEAD")
    else:
        error = BadRequest("not_found", status=404, allowed=f"see {prefix(request)}/openapi.json")
    return error_response(error, request)
