"""Observe tenable.errors (pyTenable 1.3.3) inside its venv.

APIError-family errors get real requests.Response objects built in memory.
The status -> error mapping and the retry rule are observed by driving the
real APISession._request (and TenableSC's overrides) with a fake
requests session and a recording time.sleep; nothing touches the network.
"""

import argparse
import http
import importlib.metadata
import logging
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import (  # noqa: E402
    BIG_53, BIG_63, QUOTES, UNICODE, arg_record, call_with, describe_exception,
    describe_params, emit, observe_attributes, own_doc, placeholder_template, safe_str,
    seed_text,
)

import requests  # noqa: E402
from requests.structures import CaseInsensitiveDict  # noqa: E402

MODULE = "tenable.errors"
BASE_URL = "https://cloud.tenable.com"
UUID = "4b1c0d6e-7f3a-4e55-9a2c-0f1e2d3c4b5a"


def make_response(status, text='{"error":"Invalid request"}', method="GET", path="/scans/1",
                  headers=None):
    """A requests.Response built in memory."""
    resp = requests.Response()
    resp.status_code = status
    try:
        resp.reason = http.HTTPStatus(status).phrase
    except ValueError:
        resp.reason = ""
    resp.url = BASE_URL + path
    resp.headers = CaseInsensitiveDict(
        {"Content-Type": "application/json"} if headers is None else headers)
    resp._content = text.encode("utf-8")
    resp.encoding = "utf-8"
    resp.request = requests.Request(method, resp.url).prepare()
    return resp


def response_record(resp):
    """JSON description of a fake response."""
    return {
        "status": resp.status_code,
        "reason": resp.reason,
        "method": resp.request.method,
        "url": resp.url,
        "headers": {k.lower(): v for k, v in resp.headers.items()},
        "body": resp.text,
    }


def register_converters():
    """Responses appear as {"$response": {...}} in args and attributes."""
    common.CONVERTERS.append((
        lambda v: isinstance(v, requests.Response),
        lambda v: {"$response": {"status": v.status_code, "url": v.url}},
    ))


def error_classes(E):
    """Every exception class defined in tenable.errors, sorted by name."""
    return sorted(
        (obj for obj in vars(E).values()
         if isinstance(obj, type) and issubclass(obj, BaseException) and obj.__module__ == E.__name__),
        key=lambda c: c.__name__,
    )


def parent_of(cls, E):
    """Direct base if it is a tenable error, else None."""
    base = cls.__bases__[0]
    return f"{MODULE}.{base.__name__}" if base.__module__ == E.__name__ else None


def observe_instance(inst):
    """message (str), repr, msg attribute, status (code) and attributes of an error."""
    return {
        "message": safe_str(inst),
        "repr": safe_str(repr(inst)) if not isinstance(inst, type) else None,
        "status": getattr(inst, "code", None),
        "headers": None,
        "body": None,
        "attributes": observe_attributes(inst, [n for n in ("uuid", "attempts", "msg", "code")
                                                if hasattr(type(inst), n) or hasattr(inst, n)]),
    }


def run_case(cls, label, args, resp=None):
    """Instantiate cls positionally from args and record the observation."""
    case = {"reference": f"{MODULE}.{cls.__name__}", "label": label, "call": "positional",
            "overrides": {}, "response": response_record(resp) if resp is not None else None}
    case.update(arg_record(args))
    inst, fail, warns = call_with(cls, args)
    if warns:
        case["warnings"] = warns
    if fail:
        case["error"] = fail
    else:
        case.update(observe_instance(inst))
    return case


def api_error_cases(cls, status):
    """APIError-family cases: response variants (uuid header, bodies, methods)."""
    uuid_hdr = {"Content-Type": "application/json", "X-Request-Uuid": UUID}
    variants = [
        ("typical with X-Request-Uuid", make_response(status, headers=uuid_hdr)),
        ("no uuid header", make_response(status)),
        ("lower-case x-request-uuid header", make_response(status, headers={"x-request-uuid": "abc"})),
        ("unicode body", make_response(status, text=UNICODE, method="POST", path="/caf%C3%A9")),
        ("quotes body", make_response(status, text=QUOTES, method="PUT")),
        ("empty body", make_response(status, text="", method="DELETE", headers={})),
        ("empty uuid header", make_response(status, headers={"X-Request-Uuid": ""})),
    ]
    cases = []
    for label, resp in variants:
        args = {"r": resp}
        if cls.__name__ == "RetryError":
            args["attempts"] = 3
        cases.append(run_case(cls, label, args, resp))
    if cls.__name__ == "RetryError":
        for label, attempts in [("attempts 0", 0), ("attempts 2**53+1", BIG_53),
                                ("attempts 2**63-1", BIG_63), ("attempts None", None),
                                ("attempts unicode", UNICODE)]:
            resp = make_response(429, headers=uuid_hdr)
            cases.append(run_case(cls, label, {"r": resp, "attempts": attempts}, resp))
    return cases


def value_cases(cls, params):
    """Cases for classes taking plain values (msg / export, uuid / resource, ...)."""
    names = [p["name"] for p in params if p["kind"] != "var_positional"]
    typical = {"msg": "Something went wrong", "export": "vulns", "uuid": UUID,
               "resource": "scans", "resource_id": "42", "filename": "report.nessus"}
    sets = [
        ("typical", lambda n: typical.get(n, f"example-{n}")),
        ("unicode", lambda n: UNICODE),
        ("quotes", lambda n: QUOTES),
        ("empty strings", lambda n: ""),
        ("int 2**53+1", lambda n: BIG_53),
        ("int 2**63-1", lambda n: BIG_63),
        ("None", lambda n: None),
    ]
    return [run_case(cls, label, {n: values(n) for n in names}) for label, values in sets]


class FakeSession:
    """Stands in for requests.Session: replays queued statuses, records calls."""

    def __init__(self, script):
        self.script = list(script)
        self.calls = []
        self.headers = {}
        self.proxies = {}
        self.verify = None

    def request(self, method, url, **kwargs):
        status, headers, text = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        self.calls.append({"method": method, "url": url,
                           "headers": dict(kwargs.get("headers") or {})})
        path = url[len(BASE_URL):] if url.startswith(BASE_URL) else url
        return make_response(status, text=text, method=method, path=path, headers=headers)

    def mount(self, *a, **k):
        pass

    def close(self):
        pass


def drive(session_factory, script, request_kwargs=None):
    """Run session._request('GET', 'scans') against a scripted fake; record the outcome."""
    import tenable.base.v1 as v1

    sleeps = []
    real_sleep = v1.time.sleep
    v1.time.sleep = sleeps.append
    fake = FakeSession(script)
    try:
        api = session_factory(fake)
        try:
            resp = api._request("GET", "scans", **(request_kwargs or {}))
            outcome = {"raised": None, "returned_status": resp.status_code}
        except Exception as exc:  # noqa: BLE001
            outcome = {"raised": type(exc).__name__, "message": safe_str(exc),
                       "status": getattr(exc, "code", None)}
            if hasattr(exc, "attempts"):
                outcome["attempts"] = exc.attempts
    finally:
        v1.time.sleep = real_sleep
    outcome["requests_made"] = len(fake.calls)
    outcome["sleeps"] = sleeps
    retry_headers = [{k: v for k, v in c["headers"].items() if k.lower().startswith("x-tio")}
                     for c in fake.calls]
    if any(retry_headers):
        outcome["request_retry_headers"] = retry_headers
    return outcome


def classification(E):
    """Status -> error class and retry behaviour of APISession/TenableIO/TenableSC."""
    from tenable.base.v1 import APISession
    from tenable.io import TenableIO
    from tenable.sc import TenableSC

    def base_session(fake):
        return APISession(url=BASE_URL, session=fake)

    def io_session(fake):
        return TenableIO(access_key="a" * 8, secret_key="b" * 8, url=BASE_URL, session=fake)

    def sc_session(fake):
        sc = TenableSC.__new__(TenableSC)  # skip the constructor's network handshake
        APISession.__init__(sc, url=BASE_URL, session=fake)
        return sc

    sessions = {
        "tenable.base.v1.APISession": base_session,
        "tenable.io.TenableIO": io_session,
        "tenable.sc.TenableSC": sc_session,
    }
    statuses = [200, 204, 302, 400, 401, 403, 404, 405, 409, 418, 422, 429, 500, 501, 502, 503, 504]
    out = {}
    for name, factory in sessions.items():
        cls = factory(FakeSession([(200, {}, "{}")])).__class__
        per_status = []
        for status in statuses:
            result = drive(factory, [(status, {"X-Request-Uuid": UUID}, '{"error":"x"}')])
            result["status_in"] = status
            per_status.append(result)
        scripted = [
            ("429 with Retry-After: 3, then 200",
             [(429, {"Retry-After": "3"}, "{}"), (200, {}, "{}")], None),
            ("503 with Retry-After: 2.5 then 200",
             [(503, {"Retry-After": "2.5"}, "{}"), (200, {}, "{}")], None),
            ("two 502 then 200", [(502, {"X-Request-Uuid": UUID}, "{}"),
                                  (502, {"X-Request-Uuid": UUID}, "{}"), (200, {}, "{}")], None),
            ("429 always with Retry-After: 0", [(429, {"Retry-After": "0"}, "{}")], None),
            ("400 with retry_on=[400]", [(400, {}, "{}")], {"retry_on": [400]}),
            ("200 with JSON error_code 1", [(200, {}, '{"error_code": 1, "error_msg": "bad"}')], None),
            ("200 with JSON error_code 0", [(200, {}, '{"error_code": 0}')], None),
            ("200 with non-JSON body", [(200, {}, "not json")], None),
        ]
        for label, script, kwargs in scripted:
            result = drive(factory, script, kwargs)
            result["label"] = label
            result["script"] = [{"status": s, "headers": h, "body": b} for s, h, b in script]
            if kwargs:
                result["request_kwargs"] = kwargs
            per_status.append(result)
        out[name] = {
            "error_codes": {str(k): v.__name__ for k, v in sorted(cls._error_codes.items())},
            "retries": cls._retries,
            "backoff": cls._backoff,
            "cases": per_status,
        }
    return out


def retry_codes_from_source():
    """The retry_codes list literal in APISession._request (read from the installed source)."""
    import ast
    import inspect
    from tenable.base.v1 import APISession

    tree = ast.parse(inspect.getsource(APISession._request).lstrip())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "retry_codes":
            return ast.literal_eval(node.value)
    return None


def mapped_status(cls, table):
    """Statuses APISession maps to cls, lowest first."""
    return sorted(int(s) for s, name in table.items() if name == cls.__name__)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", required=True)
    opts = ap.parse_args()
    logging.disable(logging.CRITICAL)  # TenableException logs every message at ERROR
    register_converters()

    import tenable.errors as E

    documented = set(re.findall(r"^class (\w+)\(", seed_text(opts.seeds, "001_"), re.M))
    cls_info = classification(E)
    base_map = cls_info["tenable.base.v1.APISession"]["error_codes"]
    entries, cases = [], []
    for cls in error_classes(E):
        params = describe_params(cls)
        is_api = issubclass(cls, E.APIError)
        statuses = mapped_status(cls, base_map)
        if is_api:
            def render(v, cls=cls):
                resp = make_response(400, text="{text}", headers={"X-Request-Uuid": "{uuid}"})
                resp.status_code = "{code}"
                resp.request.method, resp.request.url = "{method}", "{url}"
                args = [resp] + (["{attempts}"] if cls.__name__ == "RetryError" else [])
                inst = cls(*args)
                return {"str": str(inst), "msg": inst.msg}
        else:
            def render(v, cls=cls, params=params):
                inst = cls(*[v[p["name"]] for p in params])
                return {"str": str(inst), "msg": inst.msg}
        templ = placeholder_template(render, [p["name"] for p in params])
        entries.append({
            "reference": f"{MODULE}.{cls.__name__}",
            "kind": "class",
            "parent": parent_of(cls, E),
            "params": params,
            "code": None,
            "status": statuses[0] if statuses else None,
            "mapped_statuses": statuses,
            "errcode": None,
            "error_type": None,
            "message": templ.get("str") if isinstance(templ, dict) and "str" in templ else templ,
            "msg_template": templ.get("msg") if isinstance(templ, dict) and "msg" in templ else None,
            "doc": own_doc(cls),
            "in_page": cls.__name__ in documented,
        })
        if is_api:
            cases.extend(api_error_cases(cls, statuses[0] if statuses else 400))
        else:
            cases.extend(value_cases(cls, params))
    emit({
        "library": "pyTenable",
        "version": importlib.metadata.version("pytenable"),
        "entries": entries,
        "cases": cases,
        "classification": {
            "sessions": cls_info,
            "retry_codes": retry_codes_from_source(),
        },
    })


if __name__ == "__main__":
    main()
