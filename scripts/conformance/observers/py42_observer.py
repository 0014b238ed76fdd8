"""Observe py42.exceptions (py42 1.29.1) inside its venv.

Every HTTP-wrapping error receives a real requests.HTTPError produced by
requests.Response.raise_for_status() on a response built in memory (no
network), exactly as py42's connection does.
"""

import argparse
import importlib.metadata
import http
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import (  # noqa: E402
    BIG_53, BIG_63, QUOTES, UNICODE, arg_record, call_with, describe_exception,
    describe_params, emit, observe_attributes, own_doc, placeholder_template,
    public_properties, safe_str, seed_text, to_json,
)

import requests  # noqa: E402
from requests.structures import CaseInsensitiveDict  # noqa: E402

MODULE = "py42.exceptions"
BASE_URL = "https://console.us.code42.com"

# Typical values, by parameter name, for the "typical" argument set.
TYPICAL = {
    "device_guid": "4439384992342",
    "file_path": "/Users/alice/Documents/report.pdf",
    "checksum_name": "SHA256",
    "checksum_value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "org_uid": "890854247383106706",
    "resource": "user",
    "resource_id": "942897397520289999",
    "user_id": "942897397520289999",
    "list_name": "Departing Employee",
    "resource_uid": "1000000000000001",
    "legal_hold_resource": "membership",
    "legal_hold_matter_uid": "934798436436743983",
    "rule_id": "e6b4c9b5-1a4e-4d5f-9a4f-2f1f3e3a6e1c",
    "source": "Exfiltration",
    "email": "not-an-email",
    "page_token": "0_147e9445-2f30-4a91-8b2a-9455332e880a_973435567569502913_986467523038446097_163",
    "username": "alice@example.com",
    "case_name": "Case 42",
    "user_uid": "911162111513111325",
    "value": "example.com",
    "watchlist_id": "1b2c3d4e-0000-4000-8000-000000000001",
    "watchlist_type": "DEPARTING",
    "identifier": "username",
    "message": "Custom message",
}


def make_response(status, text='{"error":[{"primaryErrorKey":"SYSTEM","description":"x"}]}',
                  method="GET", path="/api/v1/Example?id=1", headers=None, reason=None):
    """A requests.Response built in memory (status, reason, url, headers, body)."""
    resp = requests.Response()
    resp.status_code = status
    if reason is None:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    resp.reason = reason
    resp.url = BASE_URL + path
    resp.headers = CaseInsensitiveDict(headers or {"Content-Type": "application/json"})
    resp._content = text.encode("utf-8")
    resp.encoding = "utf-8"
    resp.request = requests.Request(method, resp.url).prepare()
    return resp


def http_error_for(resp):
    """The HTTPError raise_for_status() gives, or a hand-made one if it does not raise."""
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        return exc, False
    return requests.HTTPError(f"{resp.status_code} {resp.reason}", response=resp), True


def response_record(resp, error=None, constructed=False):
    """JSON description of the fake response (and the HTTPError wrapping it)."""
    rec = {
        "status": resp.status_code,
        "reason": resp.reason,
        "method": resp.request.method,
        "url": resp.url,
        "headers": {k.lower(): v for k, v in resp.headers.items()},
        "body": resp.text,
    }
    if error is not None:
        rec["exception_str"] = str(error)
        rec["exception_constructed"] = constructed
    return rec


def register_converters():
    """Show responses/HTTP errors in args and attributes as small tagged objects."""
    common.CONVERTERS.append((
        lambda v: isinstance(v, requests.HTTPError),
        lambda v: {"$http_error": str(v)},
    ))
    common.CONVERTERS.append((
        lambda v: isinstance(v, requests.Response),
        lambda v: {"$response": {"status": v.status_code, "url": v.url}},
    ))


def py42_classes(E):
    """All Py42* exception classes of the module, sorted by name."""
    return sorted(
        (obj for name, obj in vars(E).items()
         if name.startswith("Py42") and isinstance(obj, type) and issubclass(obj, BaseException)),
        key=lambda c: c.__name__,
    )


def parent_of(cls, E):
    """Reference of the direct base class if it is a py42 exception, else None."""
    base = cls.__bases__[0]
    return f"{MODULE}.{base.__name__}" if base.__module__ == E.__name__ else None


def classify_all(E):
    """status -> class name produced by raise_py42_error for every status 100..599."""
    out = {}
    for status in range(100, 600):
        resp = make_response(status)
        err, _ = http_error_for(resp)
        try:
            E.raise_py42_error(err)
        except Exception as exc:  # noqa: BLE001
            out[status] = type(exc).__name__
    return out


def status_ranges(statuses):
    """[[lo, hi], ...] for a sorted list of ints."""
    ranges = []
    for s in sorted(statuses):
        if ranges and ranges[-1][1] == s - 1:
            ranges[-1][1] = s
        else:
            ranges.append([s, s])
    return ranges


def class_status(cls, mapping):
    """Status raise_py42_error maps to cls (or its nearest mapped ancestor).

    Returns (lowest status of a single contiguous range or None, ranges, via).
    """
    for klass in cls.__mro__:
        statuses = [s for s, name in mapping.items() if name == klass.__name__]
        if statuses:
            ranges = status_ranges(statuses)
            # A catch-all class (several disjoint ranges) has no single status.
            return (ranges[0][0] if len(ranges) == 1 else None), ranges, klass.__name__
    return None, [], None


def arg_value(cls, E, name, value, resp):
    """The real argument for parameter `name`: HTTP errors/responses get the fake response."""
    if name == "exception":
        if issubclass(cls, E.Py42HTTPError):
            return http_error_for(resp)[0]
        return requests.exceptions.ConnectionError(f"Failed to connect: {value}")
    if name == "response":
        return resp
    return value


def build_args(cls, E, params, values, resp, include_defaults=True):
    """Ordered args for cls: params with defaults are omitted unless include_defaults."""
    args = {}
    for p in params:
        if p["kind"] == "var_positional":
            continue
        if p["has_default"] and not include_defaults:
            continue
        args[p["name"]] = arg_value(cls, E, p["name"], values(p["name"]), resp)
    return args


def observe_case(cls, E, label, args, resp):
    """Instantiate and record message/status/attributes."""
    ref = f"{MODULE}.{cls.__name__}"
    case = {"reference": ref, "label": label, "call": "positional", "overrides": {}}
    case.update(arg_record(args))
    err_obj = next((v for v in args.values() if isinstance(v, requests.HTTPError)), None)
    uses_response = any(isinstance(v, (requests.HTTPError, requests.Response)) for v in args.values())
    case["response"] = response_record(resp, err_obj, False) if uses_response else None
    inst, fail, warns = call_with(cls, args)
    if warns:
        case["warnings"] = warns
    if fail:
        case["error"] = fail
        return case
    case["message"] = safe_str(inst)
    case["repr"] = repr(inst)
    response = getattr(inst, "_response", None)
    case["status"] = getattr(response, "status_code", None)
    case["headers"] = None
    case["body"] = None
    case["attributes"] = observe_attributes(inst, public_properties(cls))
    return case


def class_cases(cls, E, params, default_status):
    """Several argument sets per class: typical, unicode, quotes, empty, big ints, None."""
    status = default_status or 400
    cases = []
    sets = [
        ("typical", lambda n: TYPICAL.get(n, f"example-{n}"), make_response(status)),
        ("unicode", lambda n: UNICODE, make_response(status, text=UNICODE, path="/api/v1/Caf%C3%A9")),
        ("quotes", lambda n: QUOTES, make_response(status, text=QUOTES)),
        ("empty strings", lambda n: "", make_response(status, text="")),
        ("int 2**53+1", lambda n: BIG_53, make_response(status)),
        ("int 2**63-1", lambda n: BIG_63, make_response(status)),
        ("None", lambda n: None, make_response(status)),
    ]
    for label, values, resp in sets:
        args = build_args(cls, E, params, values, resp)
        cases.append(observe_case(cls, E, label, args, resp))
    if any(p["has_default"] for p in params):
        resp = make_response(status, text='{"message":"default path"}', method="POST")
        args = build_args(cls, E, params, lambda n: TYPICAL.get(n, f"example-{n}"), resp,
                          include_defaults=False)
        cases.append(observe_case(cls, E, "defaults omitted", args, resp))
    if any(p["kind"] == "var_positional" for p in params) and params[0]["name"] == "exception":
        resp = make_response(status)
        args = build_args(cls, E, params, lambda n: TYPICAL.get(n, f"example-{n}"), resp)
        args["*args"] = ["extra", 42]
        cases.append(observe_case(cls, E, "extra positional args", args, resp))
    return cases


def message_templates(cls, E, params):
    """Template of args[0] and of str(e) with every required parameter as "{name}"."""
    required = [p["name"] for p in params if not p["has_default"] and p["kind"] != "var_positional"]
    templ_resp = make_response(400, text="{response_text}")
    templ_err = requests.HTTPError("{exception}", response=templ_resp)

    def render(values, which):
        args = []
        for name in required:
            if name == "exception":
                args.append(templ_err if issubclass(cls, E.Py42HTTPError) else Exception("{exception}"))
            elif name == "response":
                args.append(templ_resp)
            else:
                args.append(values[name])
        inst = cls(*args)
        if which != "message":
            return str(inst)
        # The message is the first str argument that is more than a bare "{param}".
        strings = [a for a in inst.args if isinstance(a, str)]
        bare = {"{" + n + "}" for n in required}
        rich = [a for a in strings if a not in bare]
        return (rich or strings or [""])[0]

    message = placeholder_template(lambda v: render(v, "message"), required)
    display = placeholder_template(lambda v: render(v, "str"), required)
    return message, display


def classification_cases(E):
    """raise_py42_error and the connection's _handle_error for selected statuses."""
    from py42.services import _connection

    cases = []
    for status in [400, 401, 403, 404, 409, 429, 500, 502, 503, 418, 302]:
        resp = make_response(status, text='{"error":"boom"}')
        err, constructed = http_error_for(resp)
        case = {"function": f"{MODULE}.raise_py42_error", "input": {"status": status},
                "response": response_record(resp, err, constructed)}
        try:
            E.raise_py42_error(err)
            case["raised"] = None
        except Exception as exc:  # noqa: BLE001
            case["raised"] = type(exc).__name__
            case["message"] = str(exc)
        cases.append(case)

        hcase = {"function": "py42.services._connection._handle_error",
                 "input": {"status": status, "method": "GET", "url": resp.url},
                 "response": response_record(resp)}
        try:
            _connection._handle_error("GET", resp.url, resp)
            hcase["raised"] = None
        except Exception as exc:  # noqa: BLE001
            hcase["raised"] = type(exc).__name__
            hcase["message"] = str(exc)
        cases.append(hcase)
    none_case = {"function": "py42.services._connection._handle_error",
                 "input": {"status": None, "method": "GET", "url": BASE_URL + "/api"},
                 "response": None}
    try:
        _connection._handle_error("GET", BASE_URL + "/api", None)
    except Exception as exc:  # noqa: BLE001
        none_case["raised"] = type(exc).__name__
        none_case["message"] = str(exc)
    cases.append(none_case)
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", required=True)
    opts = ap.parse_args()
    register_converters()

    import py42
    import py42.exceptions as E

    documented = set(re.findall(r"^exception py42\.exceptions\.(\w+)", seed_text(opts.seeds, "000_"), re.M))
    mapping = classify_all(E)
    entries, cases = [], []
    for cls in py42_classes(E):
        params = describe_params(cls)
        status, ranges, via = class_status(cls, mapping)
        message, display = message_templates(cls, E, params)
        entries.append({
            "reference": f"{MODULE}.{cls.__name__}",
            "kind": "class",
            "parent": parent_of(cls, E),
            "params": params,
            "properties": public_properties(cls),
            "code": None,
            "status": status,
            "mapped_statuses": ranges,
            "status_via": f"{MODULE}.{via}" if via else None,
            "errcode": None,
            "error_type": None,
            "message": message,
            "str_template": display,
            "doc": own_doc(cls),
            "in_page": cls.__name__ in documented,
        })
        cases.extend(class_cases(cls, E, params, status))
    emit({
        "library": "py42",
        "version": importlib.metadata.version("py42"),
        "entries": entries,
        "cases": cases,
        "classification": {
            "raise_py42_error": {
                "status_map": [{"statuses": status_ranges([s for s, n in mapping.items() if n == name]),
                                "class": name} for name in sorted(set(mapping.values()))],
                "cases": classification_cases(E),
            },
        },
    })


if __name__ == "__main__":
    main()
