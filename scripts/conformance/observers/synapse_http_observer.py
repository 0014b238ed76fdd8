"""Observe Synapse 1.163.2's HTTP layer: the UI-auth 401, and the reason phrase in to_synapse_error.

Run inside the synapse-1.163.2 venv. Nothing is re-implemented; the real code runs
in memory, with no network and no database:

* A real `HomeServerConfig` (built as synapse_config_observer does) and a real
  `SynapseHomeServer` that is never `setup()`. Only `get_federation_http_client`
  is replaced: `SynapseSite` builds a federation proxy resource from it (used only
  for `matrix-federation://` URIs) and the real client needs the database.
* The reactor is Twisted's `MemoryReactorClock` plus `callFromThread` and a
  thread pool that runs jobs at once (what Synapse's own test reactor adds), so
  `respond_with_json`'s encoding "thread" runs in line.
* interactive-auth: a `RestServlet` whose `on_POST` is wrapped by
  `synapse.rest.client._base.interactive_auth_handler` raises
  `InteractiveAuthIncompleteError(session_id, result)`. It is registered on a real
  `JsonResource(hs, canonical_json=False)` (as `ClientRestResource` is), served by
  a real `SynapseSite`. The raw request bytes go into the site's real
  `HTTPChannel` over an in-memory transport, and the bytes written back are
  recorded.
* to_synapse_error: `HttpResponseException(code, msg, body)` built directly; and
  the exception the real `SimpleHttpClient.get_raw` raises (the homeserver's own
  client, whose `agent` is a real Twisted `HTTP11ClientProtocol` that is fed the
  raw response bytes, so Twisted parses the status line and its reason phrase).
"""

import argparse
import importlib.metadata
import inspect
import json
import logging
import os
import re
import sys
import tempfile
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import UNICODE, describe_exception, describe_params, emit, own_doc, to_json  # noqa: E402
from synapse_config_observer import build_config, site_packages_rel  # noqa: E402

MODULE = "synapse.api.errors"
SERVER_VERSION = "Synapse/1.163.2"
UI_AUTH_PATH = "/_matrix/client/v3/conformance/ui_auth"

# ---------------------------------------------------------------------------
# The in-memory reactor and homeserver.


class InlineThreadPool:
    """A thread pool that runs each job at once (like Synapse's test ThreadPool)."""

    def callInThreadWithCallback(self, on_result, func, *args, **kwargs):
        from twisted.python.failure import Failure

        try:
            result = func(*args, **kwargs)
        except BaseException:  # noqa: BLE001
            on_result(False, Failure())
        else:
            on_result(True, result)

    def start(self):
        pass

    def stop(self):
        pass


def make_reactor():
    from twisted.internet.testing import MemoryReactorClock

    class Reactor(MemoryReactorClock):
        def __init__(self):
            super().__init__()
            self._pool = InlineThreadPool()

        def callFromThread(self, func, *args, **kwargs):
            self.callLater(0, func, *args, **kwargs)

        def getThreadPool(self):
            return self._pool

    return Reactor()


def make_homeserver(tmp, flags):
    """A real SynapseHomeServer (not set up) over a real HomeServerConfig."""
    from synapse.app.homeserver import SynapseHomeServer

    config, _ = build_config(tmp, flags)
    reactor = make_reactor()
    hs = SynapseHomeServer(config.server.server_name, config=config, reactor=reactor)
    # SynapseSite -> ProxySite -> ProxyResource reads .agent of the federation client, which
    # needs the datastore. The proxy only serves matrix-federation:// URIs.
    hs.get_federation_http_client = lambda: types.SimpleNamespace(agent=None)
    return hs, reactor


def make_site(hs, reactor, resource):
    from synapse.config.server import HttpListenerConfig, TCPListenerConfig
    from synapse.http.site import SynapseSite

    listener = TCPListenerConfig(port=8008, bind_addresses=["127.0.0.1"], type="http",
                                 http_options=HttpListenerConfig())
    return SynapseSite(logger_name="synapse.access.http.conformance", site_tag="conformance",
                       config=listener, resource=resource, server_version_string=SERVER_VERSION,
                       max_request_body_size=1 << 20, reactor=reactor, hs=hs)


def serve(site, reactor, method, path, body):
    """Send one raw HTTP/1.1 request through the site's real channel; parse what is written back."""
    from twisted.internet.error import ConnectionDone
    from twisted.internet.testing import StringTransport
    from twisted.python.failure import Failure

    proto = site.buildProtocol(None)
    proto.callLater = reactor.callLater  # the channel's idle timeout: on the memory reactor
    transport = StringTransport()
    proto.makeConnection(transport)
    raw = (f"{method} {path} HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n"
           f"Content-Length: {len(body)}\r\n\r\n").encode("ascii") + body
    proto.dataReceived(raw)
    for _ in range(100):
        reactor.advance(0)
    written = transport.value()
    proto.connectionLost(Failure(ConnectionDone()))
    return parse_response(written)


def dechunk(data):
    out, rest = b"", data
    while rest:
        size_line, rest = rest.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


def parse_response(written):
    """status line, headers and body of the raw response (Date shown as "<date>")."""
    head, _, body_raw = written.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        value = value.strip()
        headers.append([name, "<date>" if name.lower() == "date" else value])
    chunked = any(n.lower() == "transfer-encoding" and v.lower() == "chunked" for n, v in headers)
    body = dechunk(body_raw) if chunked else body_raw
    status_line = lines[0]
    parts = status_line.split(" ", 2)
    text = body.decode("utf-8")
    try:
        parsed = json.loads(text, object_pairs_hook=lambda pairs: dict(pairs))
        key_order = list(parsed) if isinstance(parsed, dict) else None
    except ValueError:
        parsed, key_order = None, None
    return {
        "status": int(parts[1]),
        "reason": parts[2] if len(parts) > 2 else "",
        "headers": {n.lower(): v for n, v in headers},
        "body_text": text,
        "body": parsed,
        "key_order": key_order,
        "wire": {"status_line": status_line, "headers": headers,
                 "body_raw": body_raw.decode("utf-8"), "chunked": chunked},
    }


# ---------------------------------------------------------------------------
# InteractiveAuthIncompleteError through the real servlet stack.

RESULT_PASSWORD = {"flows": [{"stages": ["m.login.password"]}], "params": {}, "session": "abc"}


def ui_auth_results(hs):
    """(label, session_id, result, note) for the interactive-auth cases."""
    from synapse.api.errors import Codes, LoginError

    completed = {"session": "sess1", "flows": [{"stages": ["m.login.recaptcha", "m.login.terms", "m.login.dummy"]}],
                 "params": {"m.login.recaptcha": {"public_key": "6LcPUBLIC"},
                            "m.login.terms": {"policies": {"privacy_policy": {
                                "version": "1.0", "en": {"name": "Privacy Policy",
                                                         "url": "https://example.com/privacy.html"}}}}},
                 "completed": ["m.login.recaptcha"]}
    # handlers/auth.py check_ui_auth: ret = _auth_dict_for_flows(...); ret["completed"] = ...;
    # ret.update(errordict) where errordict = LoginError.error_dict(self.hs.config).
    with_error = {"session": "sess2", "flows": [{"stages": ["m.login.password"]}], "params": {},
                  "completed": []}
    with_error.update(LoginError(403, "Invalid password", Codes.FORBIDDEN).error_dict(hs.config))
    mas = {"session": "dummy",
           "flows": [{"stages": ["m.oauth"]}, {"stages": ["org.matrix.cross_signing_reset"]}],
           "params": {"m.oauth": {"url": "https://auth.example.com/account?action=org.matrix.cross_signing_reset"},
                      "org.matrix.cross_signing_reset": {
                          "url": "https://auth.example.com/account?action=org.matrix.cross_signing_reset"}},
           "msg": "To reset your end-to-end encryption cross-signing identity, you first need to approve it "
                  "and then try again."}
    return [
        ("password flow", "abc", RESULT_PASSWORD, "the result from the brief, keys in that order"),
        ("completed stage", "sess1", completed, "a first stage completed: _auth_dict_for_flows keys plus completed"),
        ("completed + LoginError fields", "sess2", with_error,
         "check_ui_auth merges a failed stage's LoginError.error_dict(hs.config) into the result"),
        ("MAS cross-signing reset", "dummy", mas, "the shape rest/client/keys.py raises under MAS"),
        ("non-ASCII session and params", UNICODE, {"session": UNICODE, "flows": [{"stages": ["m.login.dummy"]}],
                                                   "params": {"x": UNICODE + " \u2028 \"q\""}}, None),
        ("empty result", "s", {}, None),
    ]


def ui_auth_servlet(session_id, result, wrapped):
    from synapse.api.errors import InteractiveAuthIncompleteError
    from synapse.http.servlet import RestServlet
    from synapse.rest.client._base import client_patterns, interactive_auth_handler

    class UIAuthServlet(RestServlet):
        PATTERNS = client_patterns("/conformance/ui_auth$", releases=("v3",), unstable=False)

        async def on_POST(self, request):
            raise InteractiveAuthIncompleteError(session_id, result)

    if wrapped:
        UIAuthServlet.on_POST = interactive_auth_handler(UIAuthServlet.on_POST)
    return UIAuthServlet()


def interactive_auth_cases(hs, reactor):
    from synapse.http.server import JsonResource

    cases = []
    plans = [(label, sid, result, note, True, False) for label, sid, result, note in ui_auth_results(hs)]
    completed = next(r for lbl, _s, r, _n in ui_auth_results(hs) if lbl == "completed stage")
    plans.append(("completed stage, canonical_json=True resource", "sess1", completed,
                  "JsonResource's default canonical_json=True (client servlets use False): keys sorted", True, True))
    plans.append(("password flow, handler without interactive_auth_handler", "abc", RESULT_PASSWORD,
                  "the error escapes to return_json_error, which knows only SynapseError", False, False))
    for label, sid, result, note, wrapped, canonical in plans:
        resource = JsonResource(hs, canonical_json=canonical)
        ui_auth_servlet(sid, result, wrapped).register(resource)
        site = make_site(hs, reactor, resource)
        case = {"category": "interactive-auth", "reference": f"{MODULE}.InteractiveAuthIncompleteError",
                "label": label, "call": "positional", "args": {"session_id": to_json(sid), "result": to_json(result)},
                "arg_order": ["session_id", "result"],
                "handler": "on_POST wrapped by synapse.rest.client._base.interactive_auth_handler" if wrapped
                else "on_POST, not wrapped",
                "resource": f"synapse.http.server.JsonResource(hs, canonical_json={canonical})",
                "config": "msc3848_enabled=false",
                "request": {"method": "POST", "path": UI_AUTH_PATH, "body": "{}"}}
        if note:
            case["note"] = note
        try:
            case.update(serve(site, reactor, "POST", UI_AUTH_PATH, b"{}"))
        except BaseException as exc:  # noqa: BLE001
            case["raised"] = describe_exception(exc)
        cases.append(case)
    return cases


def synapse_error_cases(tmp):
    """For comparison: UnstableSpecAuthError through the same stack, with the flag off and on."""
    from synapse.api.errors import LimitExceededError, UnstableSpecAuthError
    from synapse.http.server import DirectServeJsonResource, JsonResource

    specs = [
        ("UnstableSpecAuthError", "typical",
         {"code": 403, "msg": "You are not joined", "errcode": "ORG.MATRIX.MSC3848.NOT_JOINED"},
         lambda: UnstableSpecAuthError(403, "You are not joined", "ORG.MATRIX.MSC3848.NOT_JOINED")),
        ("LimitExceededError", "retry 1500 ms", {"limiter_name": "rc_message", "retry_after_ms": 1500},
         lambda: LimitExceededError("rc_message", retry_after_ms=1500)),
    ]
    cases = []
    for flag in (False, True):
        hs, reactor = make_homeserver(tmp, {"experimental_features.msc3848_enabled": flag})
        for name, label, args, make in specs:
            for kind in ("JsonResource", "DirectServeJsonResource"):
                if kind == "JsonResource":
                    from synapse.http.servlet import RestServlet

                    class Servlet(RestServlet):
                        PATTERNS = [re.compile("^" + UI_AUTH_PATH + "$")]

                        async def on_POST(self, request, _make=make):
                            raise _make()

                    resource = JsonResource(hs, canonical_json=False)
                    Servlet().register(resource)
                    desc = "synapse.http.server.JsonResource(hs, canonical_json=False)"
                else:
                    class Direct(DirectServeJsonResource):
                        isLeaf = True

                        async def _async_render_POST(self, request, _make=make):
                            raise _make()

                    resource = Direct(clock=hs.get_clock())
                    desc = "synapse.http.server.DirectServeJsonResource (passes config=None)"
                case = {"category": "synapse-error", "reference": f"{MODULE}.{name}", "label": label,
                        "call": "keyword", "args": args, "resource": desc,
                        "config": f"msc3848_enabled={'true' if flag else 'false'}",
                        "request": {"method": "POST", "path": UI_AUTH_PATH, "body": "{}"}}
                case.update(serve(make_site(hs, reactor, resource), reactor, "POST", UI_AUTH_PATH, b"{}"))
                cases.append(case)
    return cases


# ---------------------------------------------------------------------------
# to_synapse_error and the reason phrase.

BAD_BODIES = [
    ("empty body", b""),
    ("HTML body", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
    ("JSON without errcode", b'{"error":"only a message"}'),
    ("JSON without errcode or error", b'{"detail":"upstream timeout","retry":true}'),
    ("JSON list", b"[1, 2]"),
    ("invalid UTF-8", b"\xff\xfe{"),
]

#: (label, status, reason as str) for HttpResponseException(code, msg, body).
REASONS = [
    ("normal reason", 502, "Bad Gateway"),
    ("empty reason", 502, ""),
    ("non-ASCII reason", 429, "Zu viele Anfragen \u2603"),
    ("custom reason", 502, "Custom Reason"),
]

#: (label, status, raw status line bytes after the status code) for the HTTP client.
STATUS_LINES = [
    ("normal reason", 502, b" Bad Gateway"),
    ("empty reason", 502, b" "),
    ("no reason", 502, b""),
    ("non-ASCII reason, UTF-8", 429, " Zu viele Anfragen \u2603".encode("utf-8")),
    ("non-ASCII reason, latin-1", 429, " Zu viele Anfragen \u00fc".encode("latin-1")),
    ("custom reason", 502, b" Custom Reason"),
]


def body_json(body):
    """The body as synapse.json's classification input gives it: text, or hex when not UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return {"$bytes_hex": body.hex()}


def convert(exc):
    """to_synapse_error() and unsafe_to_verbatim_synapse_error(), as synapse_observer records them."""
    out = {}
    for meth in ("to_synapse_error", "unsafe_to_verbatim_synapse_error"):
        try:
            err = getattr(exc, meth)()
            out[meth] = {"class": type(err).__name__, "status": to_json(err.code), "msg": to_json(err.msg),
                         "errcode": to_json(err.errcode), "body": to_json(err.error_dict(None)),
                         "message": str(err)}
        except BaseException as e:  # noqa: BLE001
            out[meth] = {"raised": describe_exception(e)}
    return out


class WireAgent:
    """An IAgent whose connection is a real HTTP11ClientProtocol fed the raw response bytes."""

    def __init__(self):
        self.response_bytes = b""

    def request(self, method, uri, headers=None, bodyProducer=None):
        from twisted.internet.testing import StringTransport
        from twisted.web._newclient import HTTP11ClientProtocol, Request
        from twisted.web.client import URI
        from twisted.web.http_headers import Headers

        parsed = URI.fromBytes(uri)
        headers = headers.copy() if headers is not None else Headers()
        if not headers.hasHeader(b"host"):
            headers.addRawHeader(b"host", parsed.netloc)  # as twisted.web.client.Agent adds it
        proto = HTTP11ClientProtocol()
        proto.makeConnection(StringTransport())
        req = Request._construct(method, uri, headers, bodyProducer, persistent=False, parsedURI=parsed)
        d = proto.request(req)
        proto.dataReceived(self.response_bytes)
        return d


def client_exception(client, agent, status, line_tail, body):
    """The exception SimpleHttpClient.get_raw raises for this raw response."""
    from twisted.internet import defer

    agent.response_bytes = (b"HTTP/1.1 %d" % status + line_tail + b"\r\nContent-Type: text/plain\r\n"
                            + b"Content-Length: %d\r\n\r\n" % len(body) + body)
    d = defer.ensureDeferred(client.get_raw("https://upstream.example.com/_matrix/x"))
    outcome = {}
    d.addCallbacks(lambda r: outcome.update(result=r), lambda f: outcome.update(failure=f))
    if "failure" not in outcome:
        raise SystemExit(f"get_raw did not raise for status {status}: {outcome}")
    return outcome["failure"].value


def to_synapse_error_cases(hs):
    from synapse.api.errors import HttpResponseException

    version = importlib.metadata.version("matrix-synapse")
    out = []
    for rlabel, status, reason in REASONS:
        for blabel, body in BAD_BODIES:
            exc = HttpResponseException(status, reason, body)
            out.append({"label": f"{blabel}, {rlabel}", "via": "HttpResponseException(code, msg, response)",
                        "input": {"code": status, "msg": reason, "body": body_json(body)},
                        version: convert(exc)})

    client = hs.get_simple_http_client()
    agent = WireAgent()
    client.agent = agent  # the network: everything above it is the homeserver's real client
    for rlabel, status, tail in STATUS_LINES:
        for blabel, body in BAD_BODIES:
            exc = client_exception(client, agent, status, tail, body)
            rec = {"label": f"client: {blabel}, {rlabel}", "via": "synapse.http.client.SimpleHttpClient.get_raw",
                   "status_line": to_json(b"HTTP/1.1 %d" % status + tail)}
            if not isinstance(exc, HttpResponseException):
                rec["input"] = {"code": status, "msg": None, "body": body_json(body)}
                rec["raised"] = describe_exception(exc)
                out.append(rec)
                continue
            rec["input"] = {"code": exc.code, "msg": exc.msg, "body": body_json(exc.response),
                            "phrase": to_json(tail[1:])}
            rec[version] = dict(convert(exc), http_response_exception={
                "class": type(exc).__name__, "code": exc.code, "msg": exc.msg,
                "response": body_json(exc.response), "message": str(exc)})
            out.append(rec)
    return out


# ---------------------------------------------------------------------------
# Entries: the code that decides, with the lines that implement each rule.

KEY_LINES = {
    "synapse.api.errors.InteractiveAuthIncompleteError": [
        'super().__init__("Interactive auth not yet complete")',
        "self.result = result",
    ],
    "synapse.rest.client._base.interactive_auth_handler": [
        "except InteractiveAuthIncompleteError as e:",
        "return 401, e.result",
    ],
    "synapse.http.server.return_json_error": [
        "if f.check(SynapseError):",
        "error_dict = exc.error_dict(config)",
        "error_code = 500",
        'error_dict = {"error": "Internal server error", "errcode": Codes.UNKNOWN}',
    ],
    "synapse.http.server.DirectServeJsonResource._send_response": ["canonical_json=self.canonical_json,"],
    "synapse.http.server.DirectServeJsonResource._send_error_response": ["return_json_error(f, request, None)"],
    "synapse.http.server.JsonResource._send_error_response": ["return_json_error(f, request, self.hs.config)"],
    "synapse.http.server.respond_with_json": [
        "request.setResponseCode(code)",
        "encoder: Callable[[object], bytes] = encode_canonical_json",
        "encoder = _encode_json_bytes",
        'request.setHeader(b"Content-Type", b"application/json")',
    ],
    "synapse.rest.ClientRestResource": ["JsonResource.__init__(self, hs, canonical_json=False)"],
    "synapse.handlers.auth.AuthHandler.check_ui_auth": [
        "errordict = e.error_dict(self.hs.config)",
        'ret["completed"] = list(creds)',
        "ret.update(errordict)",
        "raise InteractiveAuthIncompleteError(session.session_id, ret)",
    ],
    "synapse.api.errors.HttpResponseException.to_synapse_error": [
        'j = json_decoder.decode(self.response.decode("utf-8"))',
        "except ValueError:",
        "if not isinstance(j, dict):",
        'errcode = j.pop("errcode", Codes.UNKNOWN)',
        'errmsg = j.pop("error", self.msg)',
        "errmsg = self.msg",
        "errcode = Codes.UNKNOWN",
        "status = HTTPStatus.BAD_REQUEST",
        "return ProxiedRequestError(status, errmsg, errcode, j)",
    ],
    "synapse.api.errors.HttpResponseException.unsafe_to_verbatim_synapse_error": [
        'j = json_decoder.decode(self.response.decode("utf-8"))',
        'errmsg = j.pop("error", self.msg)',
        "return ProxiedRequestError(self.code, errmsg, errcode, j)",
    ],
    "synapse.http.client.SimpleHttpClient.get_raw": [
        'response.code, response.phrase.decode("ascii", errors="replace"), body',
    ],
    "synapse.http.matrixfederationclient.MatrixFederationHttpClient._send_request": [
        'response_phrase = response.phrase.decode("ascii", errors="replace")',
    ],
    "twisted.web._newclient.HTTPClientParser.statusReceived": [
        'parts = status.split(b" ", 2)',
        'phrase = b""',
    ],
}


def resolve(reference):
    import importlib

    parts = reference.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        return obj
    raise SystemExit(f"cannot resolve {reference}")


def entries():
    out = []
    for reference, needles in KEY_LINES.items():
        obj = resolve(reference)
        func = inspect.unwrap(obj) if callable(obj) and not isinstance(obj, type) else obj
        lines, first = inspect.getsourcelines(func)
        key_lines = []
        for needle in needles:
            hits = [first + i for i, t in enumerate(lines) if needle in t]
            if not hits:
                raise SystemExit(f"{reference}: key line not found: {needle}")
            key_lines.extend({"line": n, "text": lines[n - first].strip()} for n in hits)
        out.append({
            "reference": reference,
            "kind": "class" if isinstance(obj, type) else "function",
            "params": describe_params(obj),
            "doc": own_doc(obj),
            "source": {"file": site_packages_rel(inspect.getsourcefile(func)), "first_line": first,
                       "last_line": first + len(lines) - 1},
            "key_lines": [{"line": n, "text": t} for n, t in sorted({(k["line"], k["text"]) for k in key_lines})],
        })
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds")
    ap.parse_args()
    logging.disable(logging.CRITICAL)

    with tempfile.TemporaryDirectory(prefix="synapse-http-") as tmp:
        hs, reactor = make_homeserver(tmp, {"experimental_features.msc3848_enabled": False})
        cases = interactive_auth_cases(hs, reactor) + synapse_error_cases(tmp)
        tse = to_synapse_error_cases(hs)
    emit({
        "library": "matrix-synapse",
        "version": importlib.metadata.version("matrix-synapse"),
        "entries": entries(),
        "cases": cases,
        "classification": {"to_synapse_error": tse},
        "environment": {"server_version_string": SERVER_VERSION,
                        "python": ".".join(map(str, sys.version_info[:2])),
                        "twisted": importlib.metadata.version("Twisted")},
    })


if __name__ == "__main__":
    main()
