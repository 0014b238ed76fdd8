"""Observe how Djblets 6.1 writes API errors as XML, JSON and JSONP (run inside the djblets venv).

Prints {"entries": [...], "cases": [...], ...} as JSON on stdout.

Each case builds a real Django request with RequestFactory. The request goes
through the real Djblets code: WebAPIResponseError, or a real WebAPIResource
subclass whose handler returns the error, or the XMLEncoderAdapter /
JSONEncoderAdapter classes called directly. The observer records the response
object (status, headers, exact body). The same request is also sent through
Django's WSGIHandler with CommonMiddleware to record what goes on the wire.
Nothing here re-implements Djblets: which adapter ran is found by wrapping the
adapters' encode methods, and the source lines quoted in `entries` are searched
for in the installed files.
"""

import argparse
import inspect
import json
import logging
import os
import sys
import types
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (  # noqa: E402
    BIG_53, BIG_63, CONVERTERS, UNICODE, describe_exception, describe_params, emit, own_doc, to_json,
)
from djblets_observer import MODULE, constant_names  # noqa: E402

XML_SPECIAL = "<tag> & \"quotes\" 'apos'"
CONTROL = "a\x00b\x01c\x08d\te\nf\rg\x0bh\x0ci\x1fj\x7fk"
JS_SEPARATORS = "line\u2028sep\u2029end </script>"
PATH = "/api/"
VENDOR = "example"
#: The in-memory module serving as ROOT_URLCONF for the WSGI observations.
URLCONF = "djblets_formats_urls"


def _has_surrogate(value):
    return isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value)


# A str holding a lone surrogate cannot be written as UTF-8 JSON: tag it, escaped.
CONVERTERS.append((_has_surrogate,
                   lambda v: {"$str_with_surrogates": v.encode("utf-8", "backslashreplace").decode("ascii")}))

#: The view that the WSGI URLconf dispatches to for the current case.
CURRENT = {"view": None, "error": None}
#: Names of the adapter classes whose encode() ran during the current render.
ADAPTER_CALLS = []


def setup_django():
    """The settings of djblets_observer.setup_django, plus a URLconf and CommonMiddleware for WSGI."""
    import django
    from django.conf import settings
    from django.urls import path

    def dispatch(request):
        return CURRENT["view"](request)

    urls = types.ModuleType(URLCONF)
    urls.urlpatterns = [path(PATH.lstrip("/"), dispatch)]
    sys.modules[URLCONF] = urls
    settings.configure(
        DEBUG=False,
        SECRET_KEY="conformance-fixtures",
        ALLOWED_HOSTS=["*"],
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.sites",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        USE_TZ=True,
        ROOT_URLCONF=URLCONF,
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    )
    django.setup()
    # 404s and 500s are logged by django.request; keep stderr quiet.
    logging.disable(logging.CRITICAL)


def spy_adapters():
    """Wrap JSONEncoderAdapter.encode / XMLEncoderAdapter.encode to record which one ran."""
    from djblets.webapi.encoders import JSONEncoderAdapter, XMLEncoderAdapter

    for cls in (JSONEncoderAdapter, XMLEncoderAdapter):
        original = cls.encode

        def encode(self, *args, _original=original, _name=cls.__name__, **kwargs):
            ADAPTER_CALLS.append(_name)
            return _original(self, *args, **kwargs)

        cls.encode = encode


def resource_classes():
    """A plain WebAPIResource and one with mimetype_vendor; both return CURRENT['error']."""
    from djblets.webapi.resources.base import WebAPIResource

    class ConformanceResource(WebAPIResource):
        name = "conformance"
        singleton = True
        allowed_methods = ("GET", "POST")

        def get(self, request, *args, **kwargs):
            return CURRENT["error"]

        def create(self, request, *args, **kwargs):
            return CURRENT["error"]

    class VendorConformanceResource(ConformanceResource):
        mimetype_vendor = VENDOR

    return {
        "WebAPIResource": ConformanceResource(),
        f"WebAPIResource(mimetype_vendor={VENDOR!r})": VendorConformanceResource(),
    }


# --------------------------------------------------------------------------- requests


def req(query=(), accept=None, method="GET", form=None):
    """A request spec: query pairs, Accept header (None = no header), method, form body pairs."""
    return {"method": method, "query": [list(p) for p in query], "accept": accept,
            "form": [list(p) for p in form] if form is not None else None}


def encode_pairs(pairs):
    """application/x-www-form-urlencoded text of [name, value] pairs, in order."""
    return urlencode([tuple(p) for p in pairs])


def request_record(spec):
    """The JSON description of a request spec, with the exact query string and body."""
    out = {
        "method": spec["method"],
        "path": PATH,
        "query": spec["query"],
        "query_string": encode_pairs(spec["query"]),
        "accept": spec["accept"],
    }
    if spec["form"] is not None:
        out["content_type"] = "application/x-www-form-urlencoded"
        out["form_body"] = encode_pairs(spec["form"])
    return out


def make_request(spec):
    """A fresh Django WSGIRequest for a spec (a new one each time: body streams are read once)."""
    from django.test import RequestFactory

    rf = RequestFactory()
    qs = encode_pairs(spec["query"])
    path = PATH + ("?" + qs if qs else "")
    extra = {"HTTP_ACCEPT": spec["accept"]} if spec["accept"] is not None else {}
    if spec["method"] == "GET":
        return rf.get(path, **extra)
    return rf.generic(spec["method"], path, data=encode_pairs(spec["form"] or []),
                      content_type="application/x-www-form-urlencoded", **extra)


# --------------------------------------------------------------------------- observing


def safe(fn):
    """fn(), or {"$raised": ...} when it raises."""
    try:
        return fn()
    except BaseException as exc:  # noqa: BLE001 - we record whatever happens
        return {"$raised": describe_exception(exc)}


def decode(data):
    """Body bytes as UTF-8 text, or a hex tag when they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return {"$bytes_hex": data.hex()}


def xml_parse(data):
    """"ok" when xml.etree parses the bytes, else the parser's error."""
    import xml.etree.ElementTree as ET

    try:
        ET.fromstring(data)
        return "ok"
    except BaseException as exc:  # noqa: BLE001
        return describe_exception(exc)


def is_family(mimetype, parent):
    from djblets.util.http import is_mimetype_a

    return isinstance(mimetype, str) and "/" in mimetype and is_mimetype_a(mimetype, parent)


def observe_response(resp):
    """Everything observable on a built WebAPIResponse(Error) object."""
    ADAPTER_CALLS.clear()
    content = safe(lambda: bytes(resp.content))
    adapters = list(ADAPTER_CALLS)
    headers = safe(lambda: {k.lower(): v for k, v in resp.items()})
    out = {
        "status": resp.status_code,
        "reason": safe(lambda: resp.reason_phrase),
        "headers": headers,
        "content_type": headers.get("content-type") if "$raised" not in headers else None,
        "mimetype": getattr(resp, "mimetype", None),
        "callback": getattr(resp, "callback", None),
        "adapter": adapters[0] if adapters else None,
        "body_text": decode(content) if isinstance(content, bytes) else content,
        "body": None,
        "xml_parse": None,
    }
    if isinstance(content, bytes):
        text = out["body_text"]
        mimetype = out["mimetype"]
        if isinstance(text, str) and (mimetype == "text/plain" or is_family(mimetype, "application/json")):
            cb = out["callback"]
            inner = text
            if cb is not None and text.startswith(cb + "(") and text.endswith(");"):
                inner = text[len(cb) + 1:-2]
            out["body"] = to_json(safe(lambda: json.loads(inner)))
        if is_family(mimetype, "application/xml"):
            out["xml_parse"] = xml_parse(content)
    return out


def observe_wsgi(spec, view):
    """The same request sent through django.core.handlers.wsgi.WSGIHandler (with CommonMiddleware)."""
    from django.core.handlers.wsgi import WSGIHandler

    CURRENT["view"] = view
    environ = make_request(spec).environ
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status_line"] = status
        seen["headers"] = [[k, v] for k, v in headers]

    try:
        body = b"".join(WSGIHandler()(environ, start_response))
    except BaseException as exc:  # noqa: BLE001
        return {"$raised": describe_exception(exc)}
    return {"status_line": seen["status_line"], "headers": seen["headers"], "body_text": decode(body)}


def render_case(spec, build, wsgi=True):
    """Build the response for spec with build(request); observe the object and the WSGI output."""
    out = {}
    resp = safe(lambda: build(make_request(spec)))
    if isinstance(resp, dict) and "$raised" in resp:
        out["raised"] = resp["$raised"]
    else:
        out.update(observe_response(resp))
    if wsgi:
        out["wsgi"] = observe_wsgi(spec, build)
    return out


def direct_builder(err, extra_params=None, response_headers=None, response_kwargs=None):
    """A view building WebAPIResponseError(request, err, ...) directly."""
    from djblets.webapi.responses import WebAPIResponseError

    kwargs = dict(response_kwargs or {})
    if extra_params is not None:
        kwargs["extra_params"] = extra_params
    if response_headers is not None:
        kwargs["headers"] = response_headers
    return lambda request: WebAPIResponseError(request, err, **kwargs)


def resource_builder(resource, err):
    """A view calling a real WebAPIResource whose GET/POST handler returns err."""
    def build(request):
        CURRENT["error"] = err
        return resource(request)
    return build


class Cases:
    """Accumulates cases in generation order."""

    def __init__(self):
        self.items = []

    def add(self, category, reference, label, spec, build, via="WebAPIResponseError", error_method=None,
            overrides=None, extra_params=None, response_headers=None, response_kwargs=None, wsgi=True):
        case = {
            "category": category,
            "reference": reference,
            "label": label,
            "via": via,
            "request": request_record(spec),
            "method": error_method,
            "overrides": to_json(overrides or {}),
            "extra_params": to_json(extra_params),
            "extra_params_repr": repr(extra_params) if extra_params is not None else None,
            # The fixture's keys are sorted; this keeps the order Djblets writes XML members in.
            "extra_params_in_order": (json.dumps(to_json(extra_params), ensure_ascii=False)
                                      if extra_params is not None else None),
            "response_headers": to_json(response_headers),
            "response_kwargs": to_json(response_kwargs or {}),
        }
        case.update(render_case(spec, build, wsgi=wsgi))
        self.items.append(case)
        return case


# --------------------------------------------------------------------------- categories


def xml_all_cases(cases, E, names):
    """1. Every predefined error, ?api_format=xml, no Accept header."""
    for name in names:
        err = getattr(E, name)
        cases.add("xml-all", f"{MODULE}.{name}", "api_format=xml", req([("api_format", "xml")]),
                  direct_builder(err))


def variant_specs(err):
    """(label, method, overrides, build_error, extra_params, response_headers) for one error."""
    full = {"msg": UNICODE, "error_subtype": "x-vendor-<sub>&", "detail": XML_SPECIAL,
            "trace_id": "trace-0001 \"t\""}
    err_headers = {"X-Error-Header": "from-error", "Retry-After": "30"}
    resp_headers = {"X-Response-Header": "from-response", "Retry-After": "60",
                    "WWW-Authenticate": 'Bearer realm="response"'}
    both_resp = dict(resp_headers, **{"X-Content-Type-Options": "off", "Content-Type": "text/plain"})
    return [
        ("as-is", None, {}, lambda: err, None, None),
        ("with_message unicode", "with_message", {"msg": UNICODE}, lambda: err.with_message(UNICODE), None, None),
        ("with_message xml-special", "with_message", {"msg": XML_SPECIAL},
         lambda: err.with_message(XML_SPECIAL), None, None),
        ("with_message control characters", "with_message", {"msg": CONTROL},
         lambda: err.with_message(CONTROL), None, None),
        ("with_message U+2028/U+2029 and </script>", "with_message", {"msg": JS_SEPARATORS},
         lambda: err.with_message(JS_SEPARATORS), None, None),
        ("with_overrides msg/subtype/detail/trace_id", "with_overrides", full,
         lambda: err.with_overrides(**full), None, None),
        ("extra_params form fields", None, {}, lambda: err,
         {"fields": {"name": ["This field is required."],
                     "email": ["Enter a valid email address.", "Too long & <bad>"]}}, None),
        ("extra_params scalars and nesting", None, {}, lambda: err,
         {"flag_true": True, "flag_false": False, "nothing": None, "count": 42, "ratio": 0.5,
          "negative": -7, "big": BIG_53, "empty": "", "list": [1, "two", None, True],
          "nested": {"a": {"b": [{"c": 1}, []]}}}, None),
        ("error headers (with_overrides headers=)", "with_overrides", {"headers": err_headers},
         lambda: err.with_overrides(headers=err_headers), None, None),
        ("response headers (WebAPIResponseError headers=)", None, {}, lambda: err, None, resp_headers),
        ("error headers and response headers together", "with_overrides", {"headers": err_headers},
         lambda: err.with_overrides(headers=err_headers), None, both_resp),
        ("error header value non-ASCII", "with_overrides", {"headers": {"X-Unicode": UNICODE}},
         lambda: err.with_overrides(headers={"X-Unicode": UNICODE}), None, None),
        ("error header value with newline", "with_overrides", {"headers": {"X-Bad": "a\r\nInjected: 1"}},
         lambda: err.with_overrides(headers={"X-Bad": "a\r\nInjected: 1"}), None, None),
    ]


VARIANT_ERRORS = ("DOES_NOT_EXIST", "INVALID_FORM_DATA", "NOT_LOGGED_IN", "PERMISSION_DENIED",
                  "RATE_LIMIT_EXCEEDED")
VARIANT_FORMATS = (("xml", req([("api_format", "xml")])), ("jsonp", req([("callback", "cb")])))


def variant_cases(cases, E):
    """2. Overrides, awkward text, extra_params and headers, each as XML and as JSONP."""
    for name in VARIANT_ERRORS:
        for label, method, overrides, build_err, extra, resp_headers in variant_specs(getattr(E, name)):
            for fmt, spec in VARIANT_FORMATS:
                err = safe(build_err)
                cases.add("variants", f"{MODULE}.{name}", f"{fmt}: {label}", spec,
                          direct_builder(err, extra_params=extra, response_headers=resp_headers),
                          error_method=method, overrides=overrides, extra_params=extra,
                          response_headers=resp_headers)


NEGOTIATION_REQUESTS = [
    ("no query, no Accept", req()),
    ("api_format=json", req([("api_format", "json")])),
    ("api_format=xml", req([("api_format", "xml")])),
    ("Accept: application/xml", req(accept="application/xml")),
    ("Accept: application/json", req(accept="application/json")),
    ("Accept: application/xml;q=0.5, application/json", req(accept="application/xml;q=0.5, application/json")),
    ("Accept: application/xml; q=0.5, application/json (space before q)",
     req(accept="application/xml; q=0.5, application/json")),
    ("Accept: text/html", req(accept="text/html")),
    ("Accept: */*", req(accept="*/*")),
    ("Accept: empty string", req(accept="")),
    ("api_format=json with Accept: application/xml", req([("api_format", "json")], accept="application/xml")),
    ("api_format=xml with Accept: application/json", req([("api_format", "xml")], accept="application/json")),
    ("api_format=bogus", req([("api_format", "bogus")])),
    ("api_format=XML (upper case)", req([("api_format", "XML")])),
    ("api_format= (empty) with Accept: application/xml", req([("api_format", "")], accept="application/xml")),
    ("api_format=json&api_format=xml (repeated)", req([("api_format", "json"), ("api_format", "xml")])),
    ("Accept: application/json;q=0", req(accept="application/json;q=0")),
    ("Accept: application/json;q=0, application/xml;q=0",
     req(accept="application/json;q=0, application/xml;q=0")),
    ("Accept: */*;q=0", req(accept="*/*;q=0")),
    ("Accept: */*;q=0 with api_format=xml", req([("api_format", "xml")], accept="*/*;q=0")),
    ("Accept: application/vnd.example.error+xml", req(accept="application/vnd.example.error+xml")),
    ("Accept: APPLICATION/XML (upper case)", req(accept="APPLICATION/XML")),
    ("Accept: browser default", req(accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")),
    ("Accept: application/xml;q=abc, application/json;q=0.9",
     req(accept="application/xml;q=abc, application/json;q=0.9")),
    ("POST, form body api_format=xml", req(method="POST", form=[("api_format", "xml")])),
    ("POST, query api_format=xml", req([("api_format", "xml")], method="POST", form=[])),
]

NEGOTIATION_KWARGS = [
    ("kwarg api_format='xml'", req(), {"api_format": "xml"}),
    ("kwarg api_format='xml' with query api_format=json", req([("api_format", "json")]), {"api_format": "xml"}),
    ("kwarg mimetype='application/vnd.example.error+xml'", req(), {"mimetype": "application/vnd.example.error+xml"}),
    ("kwarg mimetype='application/vnd.example.error+json' with api_format=xml", req([("api_format", "xml")]),
     {"mimetype": "application/vnd.example.error+json"}),
    ("kwarg mimetype='text/plain'", req(), {"mimetype": "text/plain"}),
    ("kwarg mimetype='text/html'", req(), {"mimetype": "text/html"}),
]


def negotiation_cases(cases, E, resources):
    """3. Which format DOES_NOT_EXIST is written in, per query / Accept / method, and per code path."""
    err = E.DOES_NOT_EXIST
    ref = f"{MODULE}.DOES_NOT_EXIST"
    for label, spec in NEGOTIATION_REQUESTS:
        cases.add("negotiation", ref, label, spec, direct_builder(err))
    for label, spec, kwargs in NEGOTIATION_KWARGS:
        cases.add("negotiation", ref, label, spec, direct_builder(err, response_kwargs=kwargs),
                  response_kwargs=kwargs)
    for via, resource in resources.items():
        for label, spec in NEGOTIATION_REQUESTS:
            cases.add("negotiation", ref, label, spec, resource_builder(resource, err), via=via)


JSONP_CALLBACKS = [
    ("myCallback", [("callback", "myCallback")], None),
    ("myCallback with api_format=json", [("callback", "myCallback"), ("api_format", "json")], None),
    ("a.b.c", [("callback", "a.b.c")], None),
    ("jQuery123_456", [("callback", "jQuery123_456")], None),
    ("$", [("callback", "$")], None),
    ("alert(1)//", [("callback", "alert(1)//")], None),
    ("a-b", [("callback", "a-b")], None),
    ("1abc", [("callback", "1abc")], None),
    ("empty string", [("callback", "")], None),
    ("a b (space)", [("callback", "a b")], None),
    ("<script>", [("callback", "<script>")], None),
    ("</script><script>alert(1)</script>", [("callback", "</script><script>alert(1)</script>")], None),
    ("a;b", [("callback", "a;b")], None),
    ("newline a\\nb", [("callback", "a\nb")], None),
    ("non-ASCII café☃", [("callback", "café☃")], None),
    ("very long (2048 x)", [("callback", "x" * 2048)], None),
    ("repeated callback=a&callback=b", [("callback", "a"), ("callback", "b")], None),
    ("callback=x&api_format=xml", [("callback", "x"), ("api_format", "xml")], None),
    ("callback=x with Accept: application/xml", [("callback", "x")], "application/xml"),
]


def jsonp_cases(cases, E, resources):
    """4. The callback query parameter, benign and hostile."""
    err = E.DOES_NOT_EXIST
    ref = f"{MODULE}.DOES_NOT_EXIST"
    for label, query, accept in JSONP_CALLBACKS:
        cases.add("jsonp", ref, label, req(query, accept=accept), direct_builder(err))
    cases.add("jsonp", ref, "POST with query callback=cb", req([("callback", "cb")], method="POST", form=[]),
              direct_builder(err))
    cases.add("jsonp", ref, "POST with form body callback=cb", req(method="POST", form=[("callback", "cb")]),
              direct_builder(err))
    cases.add("jsonp", f"{MODULE}.NOT_LOGGED_IN", "NOT_LOGGED_IN callback=cb (401 with WWW-Authenticate)",
              req([("callback", "cb")]), direct_builder(E.NOT_LOGGED_IN))
    for via, resource in resources.items():
        for label, query in (("myCallback", [("callback", "myCallback")]),
                             ("alert(1)//", [("callback", "alert(1)//")]),
                             ("callback=x&api_format=xml", [("callback", "x"), ("api_format", "xml")])):
            cases.add("jsonp", ref, label, req(query), resource_builder(resource, err), via=via)


class Opaque:
    """An object that no registered WebAPIEncoder can encode (with a stable repr)."""

    def __repr__(self):
        return "Opaque()"


def encoding_values():
    """(label, extra_params) pairs probing the XML writer; rendered through WebAPIResponseError."""
    import datetime
    import decimal
    import uuid

    return [
        ("booleans", {"t": True, "f": False}),
        ("None and empty string", {"none": None, "empty": ""}),
        ("integers", {"zero": 0, "negative": -5, "big_53": BIG_53, "big_63": BIG_63}),
        ("floats", {"half": 0.5, "third": 1 / 3, "sum": 0.1 + 0.2, "e20": 1e20, "e_7": 1e-7, "neg_zero": -0.0,
                    "whole": 2.0}),
        ("non-finite floats", {"nan": float("nan"), "inf": float("inf"), "ninf": float("-inf")}),
        ("lists", {"empty": [], "flat": [1, "a", None, True], "nested": [[1, 2], []]}),
        ("tuple", {"tup": (1, "a")}),
        ("dicts", {"empty": {}, "nested": {"inner": {"deep": "x"}}, "list_of_dicts": [{"a": 1}, {"b": 2}]}),
        ("key order (XML keeps insertion order, JSON sorts)", {"zeta": 1, "alpha": 2, "mid": 3}),
        ("integer keys", {1: "one", 20: "twenty", -3: "minus"}),
        ("bool key", {True: "t"}),
        ("float key", {1.5: "x"}),
        ("None key", {None: "x"}),
        ("keys that are not XML names", {"a b": 1, "1abc": 2, "x&y": 3, "<k>": 4, "": 5}),
        ("text: & < > \" '", {"s": "& < > \" ' &amp; &#60;"}),
        ("text: ]]>", {"s": "a]]>b"}),
        ("text: tab, newline, carriage return", {"s": "a\tb\nc\rd"}),
        ("text: C0 controls and DEL", {"s": "\x00\x01\x08\x0b\x0c\x1f\x7f"}),
        ("text: U+0085, U+2028, U+FFFE, U+FFFF", {"s": "\x85\u2028\ufffe\uffff"}),
        ("text: non-ASCII and astral", {"s": UNICODE + " \U0001f600"}),
        ("text: lone surrogate", {"s": "a\ud800b"}),
        ("datetime (aware, with microseconds)",
         {"when": datetime.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.timezone.utc)}),
        ("date", {"day": datetime.date(2024, 1, 2)}),
        ("Decimal", {"d": decimal.Decimal("1.10")}),
        ("UUID", {"u": uuid.UUID("12345678-1234-5678-1234-567812345678")}),
        ("set", {"s": {"b", "a"}}),
        ("bytes", {"b": b"ab"}),
        ("object no encoder handles", {"o": Opaque()}),
        ("extra_params overriding stat and err", {"stat": "ok", "err": {"code": -1}}),
    ]


def encoding_cases(cases, E):
    """5. How the XML writer writes each kind of value (JSON alongside for comparison)."""
    from djblets.webapi.encoders import BasicAPIEncoder, JSONEncoderAdapter, XMLEncoderAdapter

    err = E.INVALID_FORM_DATA
    ref = f"{MODULE}.INVALID_FORM_DATA"
    xml_spec, json_spec = req([("api_format", "xml")]), req([("api_format", "json")])
    for label, extra in encoding_values():
        case = cases.add("xml-encoding", ref, label, xml_spec, direct_builder(err, extra_params=extra),
                         extra_params=extra)
        json_out = render_case(json_spec, direct_builder(err, extra_params=extra), wsgi=False)
        case["json_body_text"] = json_out.get("body_text", {"$raised": json_out.get("raised")})

    # The adapters called directly on values that are not a dict (the response always passes a dict).
    for label, value in (("root list", [1, "a"]), ("root string", XML_SPECIAL), ("root None", None),
                         ("root integer", 7), ("root boolean", False),
                         ("dict holding an object no encoder handles", {"o": Opaque()})):
        case = {"category": "xml-encoding", "reference": "djblets.webapi.encoders.XMLEncoderAdapter",
                "label": label, "via": "XMLEncoderAdapter", "request": None, "method": None, "overrides": {},
                "extra_params": None, "extra_params_repr": None, "response_headers": None,
                "response_kwargs": {}, "value": to_json(value), "value_repr": repr(value)}
        case["body_text"] = safe(lambda: XMLEncoderAdapter(BasicAPIEncoder()).encode(value))
        case["json_body_text"] = safe(lambda: JSONEncoderAdapter(BasicAPIEncoder()).encode(value))
        cases.items.append(case)


# --------------------------------------------------------------------------- entries


def site_relpath(path):
    """A source path relative to its site-packages or stdlib root."""
    import sysconfig

    roots = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"]}, key=len, reverse=True)
    for root in roots:
        if path.startswith(root + os.sep):
            return os.path.relpath(path, root)
    return os.path.basename(path)


def source_entry(reference, obj, kind, needles, **extra):
    """An entry for a Djblets (or stdlib) function/class: params, doc, source span, quoted lines."""
    target = inspect.unwrap(obj.fget if isinstance(obj, property) else obj)
    lines, start = inspect.getsourcelines(target)
    key_lines = []
    for needle in needles:
        hits = [{"line": start + i, "text": line.strip()} for i, line in enumerate(lines) if needle in line]
        if not hits:
            raise SystemExit(f"source line {needle!r} not found in {reference}")
        key_lines.extend(hits)
    func = target.__init__ if isinstance(target, type) else target
    entry = {
        "reference": reference,
        "kind": kind,
        "params": describe_params(func),
        "doc": own_doc(target),
        "source": {"file": site_relpath(inspect.getsourcefile(target)), "first_line": start,
                   "last_line": start + len(lines) - 1},
        "key_lines": sorted(key_lines, key=lambda h: h["line"]),
    }
    entry.update(extra)
    return entry


def entries():
    import xml.sax.saxutils as saxutils

    from djblets.util import http
    from djblets.webapi import encoders, responses
    from djblets.webapi.resources.base import WebAPIResource

    return [
        source_entry("djblets.webapi.responses.WebAPIResponse", responses.WebAPIResponse, "class", [
            "self.status_code = 400",
            "super().__init__(content_type=mimetype,",
            "self.callback = request.GET.get('callback', None)",
            "self[header] = value",
            "self['X-Content-Type-Options'] = 'nosniff'",
            "self.mimetype == 'text/plain'",
            "is_mimetype_a(self.mimetype, 'application/json')",
            'is_mimetype_a(self.mimetype, "application/xml")',
            "if self.callback is not None:",
            "content = f'{self.callback}({content});'",
        ], supported_mimetypes=list(responses.WebAPIResponse.supported_mimetypes)),
        source_entry("djblets.webapi.responses.WebAPIResponseError", responses.WebAPIResponseError, "class", [
            "if err.error_type:",
            "if err.error_subtype:",
            "if err.detail:",
            "if err.trace_id:",
            "errdata.update(extra_params)",
            "headers = headers.copy()",
            "headers.update(err.headers(request))",
            "headers.update(err.headers)",
            "stat='fail',",
        ]),
        source_entry("djblets.webapi.responses._normalize_response_mimetype",
                     responses._normalize_response_mimetype, "function", [
                         "if not mimetype:",
                         "api_format = request.GET.get('api_format')",
                         "api_format = request.POST.get('api_format')",
                         "mimetype = get_http_requested_mimetype(",
                         "elif api_format == 'json':",
                         "elif api_format == 'xml':",
                     ]),
        source_entry("djblets.util.http.get_http_accept_lists", http.get_http_accept_lists, "function", [
            "request.META.get('HTTP_ACCEPT', '').strip().split(',')",
            'parts = accept_item.strip().split(";")',
            "key, value = part.split('=')",
            "if key == 'q':",
            "if priority == 0:",
            "acceptable_mimetypes.sort(key=lambda x: x[1], reverse=True)",
        ]),
        source_entry("djblets.util.http.get_http_requested_mimetype", http.get_http_requested_mimetype,
                     "function", [
                         "if not supported_mimetypes_set.intersection(acceptable_mimetypes_set):",
                         "if '*/*' in unacceptable_mimetypes:",
                         "if mimetype in supported_mimetypes:",
                         "if mimetype not in unacceptable_mimetypes:",
                         "return None",
                     ]),
        source_entry("djblets.util.http.is_mimetype_a", http.is_mimetype_a, "function", [
            "parts[1].endswith('+' + parent_parts[1])",
        ]),
        source_entry("djblets.webapi.encoders.JSONEncoderAdapter", encoders.JSONEncoderAdapter, "class", [
            "sort_keys=kwargs.pop('sort_keys', True)",
        ]),
        source_entry("djblets.webapi.encoders.XMLEncoderAdapter", encoders.XMLEncoderAdapter, "class", [
            "XMLGenerator(stream, settings.DEFAULT_CHARSET)",
            "self.xml.startDocument()",
            'self.startElement("rsp")',
            "attrs['value'] = str(key)",
            "key = 'int'",
            'self.startElement("array")',
            'self.startElement("item")',
            "elif isinstance(o, int):",
            'self.text("%d" % o)',
            'self.text("%s" % o)',
            "elif isinstance(o, bool):",
            "elif o is None:",
            "self.xml.ignorableWhitespace('\\n' + ' ' * self.level)",
        ]),
        source_entry("djblets.webapi.resources.base.WebAPIResource.__call__", WebAPIResource.__call__,
                     "method", [
                         "@vary_on_headers('Accept', 'Cookie')",
                         "mimetype=self._build_error_mimetype(request))",
                     ]),
        source_entry("djblets.webapi.resources.base.WebAPIResource._build_error_mimetype",
                     WebAPIResource._build_error_mimetype, "method", [
                         "request, WebAPIResponse.supported_mimetypes)",
                         "name='error')",
                     ]),
        source_entry("xml.sax.saxutils.escape", saxutils.escape, "function", [
            'data = data.replace("&", "&amp;")',
            'data = data.replace(">", "&gt;")',
            'data = data.replace("<", "&lt;")',
        ]),
        source_entry("xml.sax.saxutils.XMLGenerator.startDocument", saxutils.XMLGenerator.startDocument,
                     "method", ["<?xml version=\"1.0\" encoding=\"%s\"?>\\n"]),
        source_entry("xml.sax.saxutils.XMLGenerator.characters", saxutils.XMLGenerator.characters,
                     "method", ["if content:", "self._write(escape(content))"]),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", help="accepted for the driver's uniform call; unused")
    ap.parse_args()

    setup_django()
    spy_adapters()
    import djblets
    import djblets.webapi.errors as E
    from django.conf import settings
    from djblets.webapi.auth.backends import get_auth_backends

    names, _src = constant_names(E)
    resources = resource_classes()
    cases = Cases()
    xml_all_cases(cases, E, names)
    variant_cases(cases, E)
    negotiation_cases(cases, E, resources)
    jsonp_cases(cases, E, resources)
    encoding_cases(cases, E)

    order = ["xml-all", "variants", "negotiation", "jsonp", "xml-encoding"]
    counts = {c: sum(1 for case in cases.items if case["category"] == c) for c in order}
    emit({
        "library": "Djblets",
        "version": djblets.get_package_version(),
        "entries": entries(),
        "cases": cases.items,
        "categories": [{"name": c, "cases": counts[c]} for c in order],
        "environment": {
            "python": "%d.%d" % sys.version_info[:2],
            "django": __import__("django").get_version(),
            "default_charset": settings.DEFAULT_CHARSET,
            "wsgi_middleware": list(settings.MIDDLEWARE),
            "auth_backends": [f"{b.__module__}.{b.__qualname__}" for b in get_auth_backends()],
            "web_api_encoders": list(getattr(settings, "WEB_API_ENCODERS",
                                             ["djblets.webapi.encoders.BasicAPIEncoder"])),
        },
    })


if __name__ == "__main__":
    main()
