"""Observe djblets.webapi.errors (Djblets 6.1) inside its venv.

Prints {"entries": [...], "cases": [...]} as JSON on stdout. Every value is
taken from the real WebAPIError objects and from real WebAPIResponseError
responses rendered through a minimally configured Django.
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (  # noqa: E402
    BIG_53, BIG_63, QUOTES, UNICODE, call_with, describe_exception,
    describe_params, emit, hash_comment_docs, own_doc, seed_text, to_json,
)

MODULE = "djblets.webapi.errors"


def setup_django():
    """Configure the smallest Django that WebAPIResponseError and the auth backends need."""
    import django
    from django.conf import settings

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
    )
    django.setup()


def constant_names(module):
    """Module-level WebAPIError instances, in source order."""
    src = open(module.__file__, encoding="utf-8").read()
    names = re.findall(r"^([A-Z][A-Z0-9_]*) = WebAPIError\(", src, re.M)
    return names, src


def page_names(seeds):
    """Names documented on the Djblets seed page (constants + WebAPIError)."""
    text = seed_text(seeds, "002_")
    names = set(re.findall(r"^- ([A-Z][A-Z0-9_]*) = <API Error", text, re.M))
    if re.search(r"class WebAPIError\(", text):
        names.add("WebAPIError")
    return names


def render(err, extra_params=None, accept="application/json", api_format=None):
    """Render err through the real WebAPIResponseError; return status, headers, body."""
    from django.test import RequestFactory
    from djblets.webapi.responses import WebAPIResponseError

    path = "/api/"
    if api_format:
        path += f"?api_format={api_format}"
    request = RequestFactory().get(path, HTTP_ACCEPT=accept)
    kwargs = {}
    if extra_params is not None:
        kwargs["extra_params"] = extra_params
    resp = WebAPIResponseError(request, err, **kwargs)
    text = resp.content.decode("utf-8")
    out = {
        "status": resp.status_code,
        "headers": {k.lower(): v for k, v in resp.items()},
        "body_text": text,
    }
    if resp["Content-Type"].startswith("application/json"):
        out["body"] = json.loads(text)
    return out


def err_attributes(err):
    """The public attributes of a WebAPIError."""
    return {k: to_json(v) for k, v in vars(err).items()}


def observe_error(err):
    """message/status/repr/attributes of an error object plus its rendered response."""
    rendered = render(err)
    return {
        "message": err.msg,
        "repr": repr(err),
        "str": str(err),
        "status": rendered["status"],
        "headers": rendered["headers"],
        "body": rendered.get("body"),
        "body_text": rendered["body_text"],
        "attributes": err_attributes(err),
    }


def constant_cases(name, err):
    """Cases for one predefined error: as-is, with_message, with_overrides variants, extras."""
    cases = []
    ref = f"{MODULE}.{name}"

    def add(label, method, overrides, build, extra_params=None, api_format=None):
        case = {"reference": ref, "label": label, "args": {}, "call": None, "method": method,
                "overrides": overrides, "extra_params": extra_params}
        try:
            derived = build()
        except BaseException as exc:  # noqa: BLE001
            case["error"] = describe_exception(exc)
            cases.append(case)
            return
        case.update(observe_error(derived))
        if extra_params is not None or api_format:
            rendered = render(derived, extra_params=extra_params, api_format=api_format)
            case.update({"status": rendered["status"], "headers": rendered["headers"],
                         "body": rendered.get("body"), "body_text": rendered["body_text"]})
        if api_format:
            case["api_format"] = api_format
        cases.append(case)

    add("as-is", None, {}, lambda: err)
    add("with_message unicode", "with_message", {"msg": UNICODE}, lambda: err.with_message(UNICODE))
    add("with_message quotes", "with_message", {"msg": QUOTES}, lambda: err.with_message(QUOTES))
    add("with_message empty (falsy: keeps default msg)", "with_message", {"msg": ""},
        lambda: err.with_message(""))
    full = {"msg": "Custom message", "headers": {"X-Custom": "value", "Retry-After": "30"},
            "error_subtype": "x-vendor-subtype", "detail": UNICODE, "trace_id": "trace-0001"}
    add("with_overrides all fields", "with_overrides", full, lambda: err.with_overrides(**full))
    empties = {"msg": "", "error_subtype": "", "detail": "", "trace_id": ""}
    add("with_overrides empty strings (falsy: not applied)", "with_overrides", empties,
        lambda: err.with_overrides(**empties))
    nones = {"msg": None, "headers": None, "error_subtype": None, "detail": None, "trace_id": None}
    add("with_overrides None (keeps originals)", "with_overrides", nones,
        lambda: err.with_overrides(**nones))
    chained = {"detail": "first detail", "trace_id": "t-1"}
    add("with_overrides chained then with_message", "with_overrides+with_message",
        {"first": chained, "then_msg": "second"},
        lambda: err.with_overrides(**chained).with_message("second"))
    add("extra root fields", None, {}, lambda: err,
        extra_params={"fields": {"name": ["This field is required."]}, "reason": UNICODE})
    add("extra root fields colliding with err/stat", None, {}, lambda: err,
        extra_params={"err": {"code": -1}, "stat": "ok"})
    add("xml api_format", "with_overrides", {"detail": "d"}, lambda: err.with_overrides(detail="d"),
        api_format="xml")
    return cases


def class_cases():
    """Cases constructing WebAPIError directly with varied arguments."""
    from djblets.webapi.errors import WebAPIError

    ref = f"{MODULE}.WebAPIError"
    arg_sets = [
        ("minimal", {"code": 200, "msg": "Something failed"}),
        ("all fields", {"code": 300, "msg": "Quota", "http_status": 402,
                        "headers": {"X-Quota": "0", "Retry-After": "60"},
                        "error_type": "x-vendor-quota", "error_subtype": "x-vendor-monthly",
                        "detail": "Monthly quota used", "trace_id": "abc-123"}),
        ("unicode", {"code": 1, "msg": UNICODE, "error_type": UNICODE, "error_subtype": UNICODE,
                     "detail": UNICODE, "trace_id": UNICODE}),
        ("quotes", {"code": 2, "msg": QUOTES, "error_type": QUOTES, "detail": QUOTES}),
        ("empty strings", {"code": 0, "msg": "", "error_type": "", "error_subtype": "",
                           "detail": "", "trace_id": ""}),
        ("subtype without type", {"code": 3, "msg": "m", "error_subtype": "x-orphan"}),
        ("large int 2**53+1", {"code": BIG_53, "msg": "big", "http_status": 500}),
        ("large int 2**63-1", {"code": BIG_63, "msg": "big", "http_status": 599}),
        ("negative code", {"code": -1, "msg": "neg"}),
        ("None optionals", {"code": 5, "msg": "m", "error_type": None, "error_subtype": None,
                            "detail": None, "trace_id": None}),
        ("None msg", {"code": 6, "msg": None}),
        ("status 200", {"code": 7, "msg": "ok?", "http_status": 200}),
    ]
    cases = []
    for label, args in arg_sets:
        case = {"reference": ref, "label": label, "args": to_json(args), "call": "keyword",
                "method": None, "overrides": {}, "extra_params": None}
        err, fail, warns = call_with(WebAPIError, args, call="keyword")
        if warns:
            case["warnings"] = warns
        if fail:
            case["error"] = fail
        else:
            try:
                case.update(observe_error(err))
            except BaseException as exc:  # noqa: BLE001
                case["error"] = describe_exception(exc)
                case["repr"] = repr(err) if err is not None else None
                case["attributes"] = err_attributes(err)
        cases.append(case)

    # Deprecated positional http_status/headers (still accepted in 6.1, with a warning).
    case = {"reference": ref, "label": "positional http_status (deprecated)",
            "args": {"code": 10, "msg": "m", "http_status": 404}, "call": "positional",
            "arg_order": ["code", "msg", "http_status"],
            "method": None, "overrides": {}, "extra_params": None}
    err, fail, warns = call_with(WebAPIError, {"code": 10, "msg": "m", "http_status": 404})
    case["warnings"] = warns
    if fail:
        case["error"] = fail
    else:
        case.update(observe_error(err))
    cases.append(case)
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", required=True)
    opts = ap.parse_args()

    setup_django()
    import djblets
    import djblets.webapi.errors as E

    names, src = constant_names(E)
    docs = hash_comment_docs(src)
    documented = page_names(opts.seeds)

    entries = [{
        "reference": f"{MODULE}.WebAPIError",
        "kind": "class",
        "parent": None,
        "params": describe_params(E.WebAPIError),
        "code": None,
        "status": E.WebAPIError(code=0, msg="").http_status,
        "errcode": None,
        "error_type": None,
        "message": None,
        "doc": own_doc(E.WebAPIError),
        "in_page": "WebAPIError" in documented,
        "methods": {
            "with_overrides": describe_params(E.WebAPIError.with_overrides),
            "with_message": describe_params(E.WebAPIError.with_message),
        },
    }]
    cases = []
    for name in names:
        err = getattr(E, name)
        headers = err.headers
        entries.append({
            "reference": f"{MODULE}.{name}",
            "kind": "constant",
            "parent": f"{MODULE}.WebAPIError",
            "params": [],
            "code": err.code,
            "status": err.http_status,
            "errcode": None,
            "error_type": err.error_type,
            "message": err.msg,
            "repr": repr(err),
            "headers_source": ("callable:" + headers.__name__) if callable(headers) else "static",
            "doc": docs.get(name),
            "in_page": name in documented,
        })
        cases.extend(constant_cases(name, err))
    cases.extend(class_cases())
    emit({"library": "Djblets", "version": djblets.get_package_version(),
          "entries": entries, "cases": cases})


if __name__ == "__main__":
    main()
