"""Observe synapse.api.errors in Synapse 1.9.1 and the current 1.163.2.

Run once per venv:

  * 1.9.1 venv:   --errors-file .../synapse/api/errors.py --source-root <sdist>/synapse --raw
    (the 1.9.1 module is imported standalone from the sdist; prints raw JSON)
  * 1.163.2 venv: --other raw-1.9.1.json
    (imports the installed wheel, then merges both versions into fixture data)

Every case spec below is run in both versions; an argument set a version does
not accept is recorded as that version's "error".
"""

import argparse
import ast
import collections
import http
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (  # noqa: E402
    BIG_53, BIG_63, QUOTES, UNICODE, call_with, describe_exception, describe_params, emit,
    own_doc, safe_str, seed_text, to_json,
)

MODULE = "synapse.api.errors"
FORBIDDEN_BODY = b'{"errcode":"M_FORBIDDEN","error":"You are not allowed"}'


def B(text):
    """Marker for bytes arguments (kept as text in the fixture's args)."""
    return ("$bytes", text)


# (class, label, kwargs) -- kwargs values wrapped by B() are passed as UTF-8 bytes.
# The first spec of each class uses only required arguments (it defines the entry's
# default status / errcode / message).
SPECS = [
    ("CodeMessageException", "typical", {"code": 400, "msg": "Bad request"}),
    ("CodeMessageException", "unicode", {"code": 403, "msg": UNICODE}),
    ("CodeMessageException", "empty msg, code 0", {"code": 0, "msg": ""}),
    ("CodeMessageException", "quotes", {"code": 500, "msg": QUOTES}),
    ("CodeMessageException", "code 2**63-1", {"code": BIG_63, "msg": "big"}),
    ("CodeMessageException", "msg None", {"code": 400, "msg": None}),
    ("CodeMessageException", "with headers", {"code": 503, "msg": "busy", "headers": {"Retry-After": "5"}}),
    ("RedirectException", "typical", {"location": B("https://example.com/login?next=%2F")}),
    ("RedirectException", "unicode location, 307", {"location": B("/" + UNICODE), "http_code": 307}),
    ("RedirectException", "empty location, 301", {"location": B(""), "http_code": 301}),
    ("SynapseError", "typical", {"code": 400, "msg": "Bad request"}),
    ("SynapseError", "with errcode", {"code": 400, "msg": "Content not JSON.", "errcode": "M_NOT_JSON"}),
    ("SynapseError", "unicode", {"code": 403, "msg": UNICODE, "errcode": "M_FORBIDDEN"}),
    ("SynapseError", "quotes", {"code": 500, "msg": QUOTES, "errcode": "M_UNKNOWN"}),
    ("SynapseError", "empty strings", {"code": 400, "msg": "", "errcode": ""}),
    ("SynapseError", "code 2**53+1", {"code": BIG_53, "msg": "big", "errcode": "M_LIMIT_EXCEEDED"}),
    ("SynapseError", "code 2**63-1", {"code": BIG_63, "msg": "big", "errcode": "M_UNKNOWN"}),
    ("SynapseError", "None msg/errcode", {"code": 400, "msg": None, "errcode": None}),
    ("SynapseError", "additional_fields", {"code": 400, "msg": "x", "errcode": "M_FORBIDDEN",
                                           "additional_fields": {"extra": 1, "nested": {"a": [1, 2]}}}),
    ("SynapseError", "additional_fields overriding error", {
        "code": 400, "msg": "x", "errcode": "M_FORBIDDEN",
        "additional_fields": {"error": "overridden", "errcode": "M_OVERRIDDEN"}}),
    ("SynapseError", "headers", {"code": 401, "msg": "x", "errcode": "M_UNKNOWN_TOKEN",
                                 "headers": {"WWW-Authenticate": "Bearer"}}),
    ("InvalidAPICallError", "typical", {"msg": "Missing field 'type'"}),
    ("InvalidAPICallError", "unicode", {"msg": UNICODE}),
    ("InvalidAPICallError", "empty", {"msg": ""}),
    ("InvalidProxyCredentialsError", "typical", {"msg": "Invalid proxy credentials"}),
    ("InvalidProxyCredentialsError", "errcode", {"msg": "x", "errcode": "M_FORBIDDEN"}),
    ("ProxiedRequestError", "typical", {"code": 502, "msg": "Bad gateway"}),
    ("ProxiedRequestError", "additional_fields", {"code": 429, "msg": "slow", "errcode": "M_LIMIT_EXCEEDED",
                                                  "additional_fields": {"retry_after_ms": 5}}),
    ("ProxiedRequestError", "unicode, None fields", {"code": 400, "msg": UNICODE, "errcode": "M_X",
                                                     "additional_fields": None}),
    ("ProxiedRequestError", "additional_fields overriding error", {
        "code": 400, "msg": "x", "additional_fields": {"error": "overridden", "errcode": "M_OVERRIDDEN"}}),
    ("ProxiedRequestError", "additional_fields with 'code' key", {
        "code": 400, "msg": "x", "additional_fields": {"code": 1}}),
    ("ConsentNotGivenError", "typical", {"msg": "Please consent", "consent_uri": "https://example.com/consent?u=%40alice"}),
    ("ConsentNotGivenError", "unicode", {"msg": UNICODE, "consent_uri": UNICODE}),
    ("ConsentNotGivenError", "empty", {"msg": "", "consent_uri": ""}),
    ("ConsentNotGivenError", "None uri", {"msg": "x", "consent_uri": None}),
    ("UserDeactivatedError", "typical", {"msg": "This account has been deactivated"}),
    ("UserDeactivatedError", "unicode", {"msg": UNICODE}),
    ("UserDeactivatedError", "empty", {"msg": ""}),
    ("UserLockedError", "no args", {}),
    ("FederationDeniedError", "typical", {"destination": "evil.example.com"}),
    ("FederationDeniedError", "unicode", {"destination": UNICODE}),
    ("FederationDeniedError", "quotes", {"destination": QUOTES}),
    ("FederationDeniedError", "None", {"destination": None}),
    ("InteractiveAuthIncompleteError", "1.9.1 signature", {"result": {"flows": [{"stages": ["m.login.password"]}], "session": "abc"}}),
    ("InteractiveAuthIncompleteError", "1.163.2 signature", {"session_id": "abc", "result": {"flows": [{"stages": ["m.login.dummy"]}], "session": "abc"}}),
    ("UnrecognizedRequestError", "no args", {}),
    ("UnrecognizedRequestError", "msg", {"msg": "Unrecognized request: GET /x"}),
    ("UnrecognizedRequestError", "msg and code 405", {"msg": "Method not allowed", "code": 405}),
    ("UnrecognizedRequestError", "errcode kwarg", {"errcode": "M_NOT_FOUND"}),
    ("UnrecognizedRequestError", "positional msg", {"*args": [UNICODE]}),
    ("NotFoundError", "no args", {}),
    ("NotFoundError", "msg", {"msg": "Room not found"}),
    ("NotFoundError", "unicode + errcode", {"msg": UNICODE, "errcode": "M_UNRECOGNIZED"}),
    ("NotFoundError", "empty", {"msg": ""}),
    ("AuthError", "typical", {"code": 403, "msg": "You are not invited to this room."}),
    ("AuthError", "errcode", {"code": 401, "msg": "Missing access token", "errcode": "M_MISSING_TOKEN"}),
    ("AuthError", "positional", {"*args": [403, "Not allowed"]}),
    ("AuthError", "unicode", {"code": 403, "msg": UNICODE}),
    ("AuthError", "additional_fields", {"code": 403, "msg": "x", "additional_fields": {"k": "v"}}),
    ("OAuthInsufficientScopeError", "typical", {"required_scopes": ["urn:matrix:client:api:*"]}),
    ("OAuthInsufficientScopeError", "several scopes", {"required_scopes": ["a", "b c", UNICODE]}),
    ("OAuthInsufficientScopeError", "empty", {"required_scopes": []}),
    ("UnstableSpecAuthError", "typical", {"code": 403, "msg": "You are not joined", "errcode": "ORG.MATRIX.MSC3848.NOT_JOINED"}),
    ("UnstableSpecAuthError", "previous errcode + fields", {"code": 403, "msg": "x", "errcode": "ORG.MATRIX.MSC3848.INSUFFICIENT_POWER",
                                                           "previous_errcode": "M_UNKNOWN", "additional_fields": {"k": 1}}),
    ("InvalidClientCredentialsError", "typical", {"msg": "Invalid token", "errcode": "M_UNKNOWN_TOKEN"}),
    ("InvalidClientCredentialsError", "unicode", {"msg": UNICODE, "errcode": "M_MISSING_TOKEN"}),
    ("MissingClientTokenError", "no args", {}),
    ("MissingClientTokenError", "msg", {"msg": UNICODE}),
    ("InvalidClientTokenError", "no args", {}),
    ("InvalidClientTokenError", "soft logout", {"msg": "Token expired", "soft_logout": True}),
    ("InvalidClientTokenError", "soft_logout None", {"soft_logout": None}),
    ("ResourceLimitError", "typical", {"code": 403, "msg": "Monthly Active User Limit Exceeded",
                                       "admin_contact": "mailto:admin@example.com", "limit_type": "monthly_active_user"}),
    ("ResourceLimitError", "no optional fields", {"code": 403, "msg": "x"}),
    ("ResourceLimitError", "unicode", {"code": 403, "msg": UNICODE, "errcode": "M_X", "admin_contact": UNICODE, "limit_type": ""}),
    ("UserLimitExceededError", "typical", {"code": 403, "msg": "User limit", "info_uri": "https://example.com/upgrade"}),
    ("UserLimitExceededError", "can_upgrade", {"code": 403, "msg": "x", "info_uri": "https://e.x", "can_upgrade": True}),
    ("UserLimitExceededError", "can_upgrade False", {"code": 403, "msg": "x", "info_uri": "", "can_upgrade": False}),
    ("EventSizeError", "1.163.2 signature", {"msg": "Event too large", "unpersistable": True}),
    ("EventSizeError", "1.9.1 signature", {"msg": "Event too large"}),
    ("EventSizeError", "unicode", {"msg": UNICODE, "unpersistable": False}),
    ("EventStreamError", "typical", {"code": 400, "msg": "Bad pagination token"}),
    ("LoginError", "typical", {"code": 403, "msg": "Invalid password", "errcode": "M_FORBIDDEN"}),
    ("LoginError", "default errcode", {"code": 400, "msg": UNICODE}),
    ("StoreError", "typical", {"code": 404, "msg": "No row found"}),
    ("StoreError", "errcode", {"code": 500, "msg": QUOTES, "errcode": "M_UNKNOWN"}),
    ("InvalidCaptchaError", "no args", {}),
    ("InvalidCaptchaError", "error_url", {"error_url": "https://captcha.example.com/"}),
    ("InvalidCaptchaError", "everything", {"code": 401, "msg": UNICODE, "error_url": None, "errcode": "M_CAPTCHA_NEEDED"}),
    ("LimitExceededError", "1.163.2 minimal", {"limiter_name": "rc_message"}),
    ("LimitExceededError", "retry 1500 ms", {"limiter_name": "rc_message", "retry_after_ms": 1500}),
    ("LimitExceededError", "retry 0 ms", {"limiter_name": "rc_login", "retry_after_ms": 0}),
    ("LimitExceededError", "retry 1 ms", {"limiter_name": "x", "retry_after_ms": 1}),
    ("LimitExceededError", "retry 999 ms", {"limiter_name": "x", "retry_after_ms": 999}),
    ("LimitExceededError", "retry 1000 ms", {"limiter_name": "x", "retry_after_ms": 1000}),
    ("LimitExceededError", "retry 1001 ms", {"limiter_name": "x", "retry_after_ms": 1001}),
    ("LimitExceededError", "retry 2**53+1 ms", {"limiter_name": "x", "retry_after_ms": BIG_53}),
    ("LimitExceededError", "retry 2**63-1 ms", {"limiter_name": "x", "retry_after_ms": BIG_63}),
    ("LimitExceededError", "code/errcode/pause", {"limiter_name": UNICODE, "code": 503, "retry_after_ms": 2500,
                                                  "errcode": "M_UNKNOWN", "pause": 0.5}),
    ("LimitExceededError", "1.9.1 no args", {}),
    ("LimitExceededError", "1.9.1 retry", {"retry_after_ms": 1500}),
    ("LimitExceededError", "1.9.1 msg", {"code": 429, "msg": UNICODE, "retry_after_ms": BIG_63}),
    ("RoomKeysVersionError", "typical", {"current_version": "5"}),
    ("RoomKeysVersionError", "unicode", {"current_version": UNICODE}),
    ("RoomKeysVersionError", "None", {"current_version": None}),
    ("UnsupportedRoomVersionError", "no args", {}),
    ("UnsupportedRoomVersionError", "msg", {"msg": "Room version 99 unsupported"}),
    ("ThreepidValidationError", "1.163.2 signature", {"msg": "Invalid token"}),
    ("ThreepidValidationError", "errcode", {"msg": "x", "errcode": "M_THREEPID_DENIED"}),
    ("ThreepidValidationError", "1.9.1 signature", {"code": 400, "msg": "Invalid token"}),
    ("IncompatibleRoomVersionError", "typical", {"room_version": "9"}),
    ("IncompatibleRoomVersionError", "unicode", {"room_version": UNICODE}),
    ("IncompatibleRoomVersionError", "None", {"room_version": None}),
    ("PasswordRefusedError", "no args", {}),
    ("PasswordRefusedError", "errcode", {"msg": "Too short", "errcode": "M_PASSWORD_TOO_SHORT"}),
    ("RequestSendFailed", "typical", {"inner_exception": ConnectionRefusedError("Connection refused"), "can_retry": True}),
    ("RequestSendFailed", "unicode", {"inner_exception": ValueError(UNICODE), "can_retry": False}),
    ("UnredactedContentDeletedError", "no args", {}),
    ("UnredactedContentDeletedError", "keep ms", {"content_keep_ms": 86400000}),
    ("UnredactedContentDeletedError", "keep 0", {"content_keep_ms": 0}),
    ("NotApprovedError", "typical", {"msg": "Awaiting approval", "approval_notice_medium": "org.matrix.msc3866.email"}),
    ("NotApprovedError", "unicode", {"msg": UNICODE, "approval_notice_medium": ""}),
    ("FederationError", "typical", {"level": "FATAL", "code": 400, "reason": "Missing field", "affected": "$ev:example.com"}),
    ("FederationError", "source", {"level": "WARN", "code": 403, "reason": UNICODE, "affected": "$a", "source": "$b"}),
    ("FederationError", "bad level", {"level": "INFO", "code": 400, "reason": "x", "affected": "$a"}),
    ("FederationPullAttemptBackoffError", "default message", {"event_ids": ["$a", "$b"], "message": None, "retry_after_ms": 5000}),
    ("FederationPullAttemptBackoffError", "custom message", {"event_ids": [], "message": UNICODE, "retry_after_ms": 0}),
    ("HttpResponseException", "typical", {"code": 403, "msg": "Forbidden", "response": B(FORBIDDEN_BODY.decode())}),
    ("HttpResponseException", "unicode", {"code": 502, "msg": UNICODE, "response": B(UNICODE)}),
    ("HttpResponseException", "empty", {"code": 500, "msg": "", "response": B("")}),
    ("HomeServerNotSetupException", "no args", {}),
    ("ShadowBanError", "no args", {}),
    ("ModuleFailedException", "no args", {}),
    ("PartialStateConflictError", "no args", {}),
    ("SlidingSyncUnknownPosition", "no args", {}),
    ("SlidingSyncUnknownPosition", "message", {"message": UNICODE}),
]

# Bodies for HttpResponseException(code, msg, body).to_synapse_error().
TO_SYNAPSE_ERROR = [
    ("errcode + error + extra", 403, "Forbidden", '{"errcode":"M_FORBIDDEN","error":"nope","extra":1}'),
    ("no errcode", 400, "Bad Request", '{"error":"only a message"}'),
    ("M_UNKNOWN_TOKEN", 401, "Unauthorized", '{"errcode":"M_UNKNOWN_TOKEN","error":"bad token","soft_logout":true}'),
    ("status 401 with M_FORBIDDEN", 401, "Unauthorized", '{"errcode":"M_FORBIDDEN","error":"denied"}'),
    ("M_UNKNOWN_TOKEN with 403", 403, "Forbidden", '{"errcode":"M_UNKNOWN_TOKEN","error":"x"}'),
    ("non-JSON body", 502, "Bad Gateway", "<html>upstream error</html>"),
    ("empty body", 500, "Internal Server Error", ""),
    ("JSON list body", 500, "Internal Server Error", "[1, 2]"),
    ("non-string errcode/error", 400, "Bad Request", '{"errcode": 5, "error": ["x"]}'),
    ("unicode", 429, "Too Many Requests", '{"errcode":"M_LIMIT_EXCEEDED","error":"' + UNICODE + '","retry_after_ms":10}'),
    ("invalid UTF-8", 500, "Internal Server Error", None),
]


def real_args(kwargs):
    """Turn B() markers into bytes; keep everything else."""
    return {k: (v[1].encode("utf-8") if isinstance(v, tuple) and v and v[0] == "$bytes" else v)
            for k, v in kwargs.items()}


def json_args(kwargs):
    """JSON form of spec kwargs (bytes shown as their text)."""
    return {k: (v[1] if isinstance(v, tuple) and v and v[0] == "$bytes" else to_json(v))
            for k, v in kwargs.items()}


def load_module(errors_file):
    """The synapse.api.errors module: the installed one, or a standalone file (1.9.1)."""
    if errors_file:
        spec = importlib.util.spec_from_file_location(MODULE, errors_file)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[MODULE] = mod
        spec.loader.exec_module(mod)
        return mod
    import synapse.api.errors as mod
    return mod


def msc3848_config():
    """Stand-in HomeServerConfig: error_dict only reads config.experimental.msc3848_enabled."""
    return types.SimpleNamespace(experimental=types.SimpleNamespace(msc3848_enabled=True))


def error_dict(inst, config=None):
    """inst.error_dict(config) for 1.163.2, inst.error_dict() for 1.9.1."""
    import inspect

    if inspect.signature(inst.error_dict).parameters:
        return to_json(inst.error_dict(config))
    return to_json(inst.error_dict())


def observe(mod, inst):
    """message/status/headers/body/attributes of one instance."""
    out = {"message": safe_str(inst), "repr": safe_str(repr(inst)),
           "status": getattr(inst, "code", None) if not isinstance(inst, mod.FederationError) else None}
    hdrs = getattr(inst, "headers", None)
    out["headers"] = {k.lower(): v for k, v in hdrs.items()} if isinstance(hdrs, dict) else None
    if hasattr(inst, "error_dict"):
        try:
            out["body"] = error_dict(inst)
        except BaseException as exc:  # noqa: BLE001
            out["body"] = {"$raised": describe_exception(exc)}
        if isinstance(inst, getattr(mod, "UnstableSpecAuthError", ())):
            out["body_msc3848_enabled"] = error_dict(inst, msc3848_config())
    elif hasattr(inst, "get_dict"):
        out["body"] = to_json(inst.get_dict())
    else:
        out["body"] = None
    attrs = {k: to_json(v) for k, v in vars(inst).items()}
    attrs["args"] = to_json(inst.args)
    if hasattr(type(inst), "debug_context"):
        attrs["debug_context"] = to_json(inst.debug_context)
    out["attributes"] = attrs
    return out


def error_classes(mod):
    """Exception classes defined in the module, by name."""
    return {n: c for n, c in vars(mod).items()
            if isinstance(c, type) and issubclass(c, BaseException) and c.__module__ == MODULE}


def run_specs(mod):
    """Results of every spec whose class exists in this version, keyed by spec index."""
    classes = error_classes(mod)
    results = {}
    for idx, (name, _label, kwargs) in enumerate(SPECS):
        cls = classes.get(name)
        if cls is None:
            continue
        args = real_args(kwargs)
        if "*args" in args:
            inst, fail, warns = call_with(cls, args, call="positional")
        else:
            inst, fail, warns = call_with(cls, args, call="keyword")
        res = {"error": fail} if fail else observe(mod, inst)
        if warns:
            res["warnings"] = warns
        results[str(idx)] = res
    return results


def _make(cls, kwargs):
    """Instantiate cls from spec kwargs (positional when "*args" is given)."""
    return call_with(cls, real_args(kwargs), "positional" if "*args" in kwargs else "keyword")[0]


def _template_instance(cls, kwargs):
    """Instance with as many str/bytes arguments as possible replaced by "{name}".

    Substitutions that make the constructor fail (e.g. a validated `level`)
    are left at their real value.
    """
    current = dict(kwargs)
    for k, v in kwargs.items():
        if isinstance(v, str):
            trial = dict(current, **{k: "{" + k + "}"})
        elif isinstance(v, tuple) and v and v[0] == "$bytes":
            trial = dict(current, **{k: ("$bytes", "{" + k + "}")})
        else:
            continue
        if _make(cls, trial) is not None:
            current = trial
    return _make(cls, current)


def class_info(mod):
    """Per class: parent, Python base, params, own doc, and defaults observed from its specs.

    status: the instance's code when no `code`/`http_code` argument was passed;
    errcode: the instance's errcode when no `errcode` was passed;
    message: msg (or str) of the first working spec with str arguments as "{name}".
    """
    classes = error_classes(mod)
    info = {}
    for name, cls in sorted(classes.items()):
        base = cls.__bases__[0]
        entry = {
            "parent": f"{MODULE}.{base.__name__}" if base.__module__ == MODULE else None,
            "python_base": base.__name__,
            "params": describe_params(cls),
            "doc": own_doc(cls),
            "status": None, "errcode": None, "message": None, "str_template": None,
        }
        working = [(i, kw) for i, (n, _l, kw) in enumerate(SPECS) if n == name and _make(cls, kw) is not None]
        for idx, kwargs in working:
            if "code" in kwargs or "http_code" in kwargs or "*args" in kwargs:
                continue
            inst = _make(cls, kwargs)
            if isinstance(getattr(inst, "code", None), int) and not isinstance(inst, mod.FederationError):
                entry["status"] = int(inst.code)
            break
        for idx, kwargs in working:
            if "errcode" in kwargs or "*args" in kwargs:
                continue
            inst = _make(cls, kwargs)
            if hasattr(inst, "errcode"):
                entry["errcode"] = to_json(inst.errcode)
            break
        if working:
            idx, kwargs = working[0]
            inst = _template_instance(cls, kwargs)
            entry["default_spec"] = idx
            entry["message"] = inst.msg if hasattr(inst, "msg") else safe_str(inst)
            entry["str_template"] = safe_str(inst)
        info[name] = entry
    return info


def status_of_node(node):
    """An HTTP status from an AST node: int literal, HTTPStatus.X / http_client.X / http.X."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
        try:
            return int(http.HTTPStatus[node.attr])
        except KeyError:
            return None
    return None


def codes_in(node):
    """Names X of every `Codes.X` inside node."""
    return [n.attr for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Codes"]


def usage_scan(mod, info, source_root):
    """Count (Codes member, HTTP status) pairs in error constructions across the source tree.

    A call to a module error class counts when its status is known: the class's
    fixed status, or the literal/HTTPStatus `code` argument. The errcode is a
    `Codes.X` argument, else the class's default errcode. Raw JSON error
    responses (respond_with_json / `return status, cs_error(...)`) count too.
    """
    classes = error_classes(mod)
    codes = {m: v for m, v in codes_members(mod).items()}
    by_value = {v: m for m, v in codes.items()}
    counts = collections.defaultdict(collections.Counter)
    for dirpath, _dirs, files in sorted(os.walk(source_root)):
        for fname in sorted(files):
            if not fname.endswith(".py"):
                continue
            try:
                tree = ast.parse(open(os.path.join(dirpath, fname), encoding="utf-8").read())
            except (SyntaxError, UnicodeDecodeError):
                continue
            for node in ast.walk(tree):
                # Raw JSON error responses: respond_with_json(request, STATUS, cs_error(.., Codes.X))
                # and `return STATUS, cs_error(...)` / `return STATUS, {"errcode": Codes.X, ...}`.
                pair = None
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) \
                        == "respond_with_json" and len(node.args) >= 3:
                    pair = (node.args[1], node.args[2])
                elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                    pair = (node.elts[0], node.elts[1])
                if pair is not None:
                    status = status_of_node(pair[0])
                    if status is not None and 100 <= status <= 599 and _is_error_body(pair[1]):
                        for m in codes_in(pair[1]):
                            if m in codes:
                                counts[m][status] += 1
                    continue
                if not isinstance(node, ast.Call):
                    continue
                fname_ = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if fname_ not in classes or fname_ not in info:
                    continue
                meta = info[fname_]
                status = meta["status"]
                if status is None:
                    code_node = next((k.value for k in node.keywords if k.arg == "code"), None)
                    if code_node is None and node.args and not meta["params"][0]["name"] in ("msg", "message"):
                        code_node = node.args[0]
                    status = status_of_node(code_node) if code_node is not None else None
                if status is None:
                    continue
                members = []
                for arg in list(node.args) + [k.value for k in node.keywords]:
                    members.extend(codes_in(arg))
                if not members and meta["errcode"] in by_value:
                    members = [by_value[meta["errcode"]]]
                for m in members:
                    if m in codes:
                        counts[m][status] += 1
    return {m: {str(s): n for s, n in sorted(c.items())} for m, c in sorted(counts.items())}


def _is_error_body(node):
    """A cs_error(...) call or a dict literal with an "errcode" key."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "cs_error":
        return True
    return isinstance(node, ast.Dict) and any(
        isinstance(k, ast.Constant) and k.value == "errcode" for k in node.keys)


def codes_members(mod):
    """Codes member name -> errcode string, in definition order."""
    C = mod.Codes
    if isinstance(C, type) and hasattr(C, "__members__"):
        return {n: m.value for n, m in C.__members__.items()}
    return {n: v for n, v in vars(C).items() if not n.startswith("_") and isinstance(v, str)}


def to_synapse_error_cases(mod):
    """HttpResponseException(...).to_synapse_error() (and unsafe_... when present)."""
    out = []
    for label, status, reason, body in TO_SYNAPSE_ERROR:
        raw = b"\xff\xfe{" if body is None else body.encode("utf-8")
        exc = mod.HttpResponseException(status, reason, raw)
        res = {"label": label}
        for meth in ("to_synapse_error", "unsafe_to_verbatim_synapse_error"):
            if not hasattr(exc, meth):
                continue
            try:
                err = getattr(exc, meth)()
                res[meth] = {"class": type(err).__name__, "status": err.code, "msg": err.msg,
                             "errcode": to_json(err.errcode), "body": error_dict(err),
                             "message": str(err)}
            except BaseException as e:  # noqa: BLE001
                res[meth] = {"raised": describe_exception(e)}
        out.append(res)
    return out


def raw_observation(mod, version, source_root):
    """Everything observed in one version (merged later)."""
    info = class_info(mod)
    return {
        "version": version,
        "classes": info,
        "codes": codes_members(mod),
        "results": run_specs(mod),
        "to_synapse_error": to_synapse_error_cases(mod),
        "usage": usage_scan(mod, info, source_root),
    }


def page_documented(seeds):
    """(classes, Codes members) documented on the Synapse seed page."""
    text = seed_text(seeds, "003_")
    classes = set(re.findall(r"(?:exception|class)\nsynapse\.api\.errors\.\n(\w+)", text))
    codes = dict(re.findall(r"^([A-Z_]+)\n= '([^']+)'", text, re.M))
    return classes - {"Codes"}, codes


def version_key(v):
    """Sort key for dotted versions."""
    return tuple(int(p) for p in v.split("."))


def derive_statuses(raws):
    """Default HTTP status per Codes member, from both versions' observations.

    1. "class": the fixed status of the module's dedicated error classes whose
       default errcode is this code, when they agree on one status;
    2. "usage": otherwise the status Synapse's own source uses most often with
       this code (ties -> lowest);
    3. None when neither exists.
    """
    dedicated = collections.defaultdict(set)
    for raw in raws:
        for cname, c in raw["classes"].items():
            if c["status"] is not None and isinstance(c["errcode"], str):
                dedicated[c["errcode"]].add((cname, c["status"]))
    members = []
    for raw in sorted(raws, key=lambda r: version_key(r["version"]), reverse=True):
        members.extend(m for m in raw["codes"] if m not in members)
    out = {}
    for member in members:
        value = next(r["codes"][member] for r in raws if member in r["codes"])
        usage = {r["version"]: r["usage"].get(member, {}) for r in raws if member in r["codes"]}
        classes_ = sorted(dedicated.get(value, set()))
        statuses = sorted({s for _c, s in classes_})
        if len(statuses) == 1:
            status, source = statuses[0], "class"
        else:
            total = collections.Counter()
            for u in usage.values():
                total.update({int(st): n for st, n in u.items()})
            if total:
                best = max(total.values())
                status, source = min(st for st, n in total.items() if n == best), "usage"
            else:
                status, source = None, None
        out[member] = {"value": value, "status": status, "status_source": source,
                       "status_classes": [{"class": f"{MODULE}.{c}", "status": st} for c, st in classes_],
                       "status_usage": usage}
    return out


CODES_MESSAGES = (("typical", "Example message"), ("unicode", UNICODE))


def codes_cases(mod, statuses):
    """SynapseError(status, msg, Codes.X) for each member of this version."""
    out = {}
    for member in codes_members(mod):
        status = (statuses.get(member) or {}).get("status") or 400
        for label, msg in CODES_MESSAGES:
            err = mod.SynapseError(status, msg, getattr(mod.Codes, member))
            out[f"{member}|{label}"] = observe(mod, err)
    return out


OLD_KEYS = ("message", "status", "body", "attributes", "error", "warnings")


def merge(new, old, codes_new, codes_old, seeds):
    """Fixture data from the 1.163.2 (new) and 1.9.1 (old) observations."""
    doc_classes, doc_codes = page_documented(seeds)
    versions = {new["version"]: new, old["version"]: old}
    statuses = derive_statuses([new, old])
    entries, cases = [], []

    for name in sorted(set(new["classes"]) | set(old["classes"])):
        cur = new["classes"].get(name) or old["classes"][name]
        by_version = {v: {k: d["classes"][name].get(k) for k in
                          ("parent", "python_base", "params", "status", "errcode", "message",
                           "str_template", "doc")}
                      for v, d in versions.items() if name in d["classes"]}
        entries.append({
            "reference": f"{MODULE}.{name}", "kind": "class", "parent": cur["parent"],
            "python_base": cur["python_base"], "params": cur["params"], "code": None,
            "status": cur["status"], "errcode": cur["errcode"], "error_type": None,
            "message": cur["message"], "str_template": cur.get("str_template"), "doc": cur["doc"],
            "in_page": name in doc_classes,
            "in_versions": sorted(by_version, key=version_key),
            "by_version": by_version,
        })

    for member, st in statuses.items():
        ref = f"{MODULE}.Codes.{member}"
        entries.append({
            "reference": ref, "kind": "errcode", "parent": None, "params": [], "code": None,
            "status": st["status"], "status_source": st["status_source"],
            "status_classes": st["status_classes"], "status_usage": st["status_usage"],
            "errcode": st["value"], "error_type": None, "message": None, "doc": None,
            "in_page": member in doc_codes,
            "page_value": doc_codes.get(member),
            "in_versions": sorted(st["status_usage"], key=version_key),
        })
        for label, msg in CODES_MESSAGES:
            case = {"reference": ref, "label": label, "call": "keyword",
                    "constructor": f"{MODULE}.SynapseError",
                    "args": {"code": st["status"] or 400, "msg": msg, "errcode": st["value"]},
                    "overrides": {}, "response": None}
            key = f"{member}|{label}"
            if key in codes_new:
                case.update(codes_new[key])
            else:
                case["error"] = f"Codes.{member} not in {new['version']}"
            if key in codes_old:
                for k in OLD_KEYS:
                    if k in codes_old[key]:
                        case[f"{k}_1_9_1"] = codes_old[key][k]
            cases.append(case)

    for idx, (name, label, kwargs) in enumerate(SPECS):
        if name not in new["classes"] and name not in old["classes"]:
            continue
        case = {"reference": f"{MODULE}.{name}", "label": label,
                "call": "positional" if "*args" in kwargs else "keyword",
                "args": json_args(kwargs), "overrides": {}, "response": None}
        if "*args" in kwargs:
            case["arg_order"] = list(kwargs)
        if name == "HttpResponseException":
            case["response"] = {"status": kwargs["code"], "reason": kwargs["msg"],
                                "body": kwargs["response"][1]}
        if name in new["classes"]:
            case.update(new["results"][str(idx)])
        else:
            case["error"] = f"class not in {new['version']}"
        if name in old["classes"]:
            for k in OLD_KEYS:
                if k in old["results"][str(idx)]:
                    case[f"{k}_1_9_1"] = old["results"][str(idx)][k]
        cases.append(case)
    return entries, cases


def merge_tse(new, old):
    """Side-by-side to_synapse_error results for both versions."""
    out = []
    for label, status, reason, body in TO_SYNAPSE_ERROR:
        n = next(r for r in new["to_synapse_error"] if r["label"] == label)
        o = next(r for r in old["to_synapse_error"] if r["label"] == label)
        out.append({
            "label": label,
            "input": {"code": status, "msg": reason,
                      "body": body if body is not None else {"$bytes_hex": "fffe7b"}},
            new["version"]: {k: v for k, v in n.items() if k != "label"},
            old["version"]: {k: v for k, v in o.items() if k != "label"},
        })
    return out


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds")
    ap.add_argument("--errors-file", help="standalone errors.py to import (1.9.1)")
    ap.add_argument("--source-root", help="synapse package tree to scan for status usage")
    ap.add_argument("--version", help="version label when --errors-file is used")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--raw", action="store_true", help="print this version's raw observation")
    mode.add_argument("--derive-statuses", nargs=2, metavar="RAW",
                      help="print per-Codes default statuses from two raw observations")
    mode.add_argument("--codes-cases", metavar="STATUSES",
                      help="print SynapseError(status, msg, Codes.X) observations")
    mode.add_argument("--merge", nargs=4, metavar=("RAW_NEW", "RAW_OLD", "CODES_NEW", "CODES_OLD"),
                      help="print the fixture merged from both versions")
    opts = ap.parse_args()

    if opts.derive_statuses:
        emit(derive_statuses([load_json(p) for p in opts.derive_statuses]))
        return
    if opts.merge:
        new, old, codes_new, codes_old = (load_json(p) for p in opts.merge)
        entries, cases = merge(new, old, codes_new, codes_old, opts.seeds)
        emit({
            "library": "matrix-synapse",
            "version": new["version"],
            "versions": sorted([new["version"], old["version"]], key=version_key),
            "entries": entries,
            "cases": cases,
            "classification": {"to_synapse_error": merge_tse(new, old)},
        })
        return

    mod = load_module(opts.errors_file)
    version = opts.version or importlib.metadata.version("matrix-synapse")
    if opts.codes_cases:
        emit(codes_cases(mod, load_json(opts.codes_cases)))
        return
    source_root = opts.source_root or os.path.dirname(os.path.dirname(mod.__file__))
    emit(raw_observation(mod, version, source_root))


if __name__ == "__main__":
    main()
