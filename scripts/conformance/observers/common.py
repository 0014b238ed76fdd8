"""Helpers shared by the observers (run inside each library's venv).

Only the standard library is used here, so every venv can import it.
"""

import enum
import inspect
import json
import re
import sys
import warnings

# Argument values reused by every system's cases.
UNICODE = "café ☃ 日本"
QUOTES = "\"'`"
BIG_53 = 2**53 + 1
BIG_63 = 2**63 - 1

KIND_NAMES = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


#: Observer-specific converters: (predicate, function) pairs tried first.
CONVERTERS = []


def to_json(value, _depth=0):
    """Convert an observed Python value into plain JSON data.

    Non-JSON values are tagged: bytes become {"$bytes": text}, exceptions
    {"$exception": name, "str": ...}, other objects {"$type": name}.
    """
    if _depth > 20:
        return {"$type": "<too deep>"}
    for predicate, convert in CONVERTERS:
        if predicate(value):
            return convert(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return to_json(value.value, _depth + 1)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"$float": repr(value)}
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return {"$bytes": bytes(value).decode("utf-8")}
        except UnicodeDecodeError:
            return {"$bytes_hex": bytes(value).hex()}
    if isinstance(value, dict):
        return {str(to_json(k, _depth + 1)): to_json(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            items = sorted(items, key=repr)
        return [to_json(v, _depth + 1) for v in items]
    if isinstance(value, BaseException):
        return {"$exception": type(value).__name__, "str": safe_str(value)}
    if callable(value):
        return {"$callable": getattr(value, "__qualname__", type(value).__name__)}
    return {"$type": type(value).__name__}


def safe_str(value):
    """str(value), or a tagged description of the exception str() raised."""
    try:
        return str(value)
    except BaseException as exc:  # noqa: BLE001 - we record whatever happens
        return {"$raised": describe_exception(exc)}


def describe_exception(exc):
    """A deterministic one-line description of an exception raised while observing."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    if isinstance(exc, RecursionError):
        text = "maximum recursion depth exceeded"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def own_doc(obj):
    """First paragraph of the object's *own* docstring (not inherited), whitespace-normalised."""
    doc = obj.__dict__.get("__doc__") if isinstance(obj, type) else getattr(obj, "__doc__", None)
    if not doc:
        return None
    return first_paragraph(inspect.cleandoc(doc))


def first_paragraph(text):
    """Collapse the first blank-line-separated paragraph of text into one line."""
    para = text.strip().split("\n\n")[0]
    return " ".join(line.strip() for line in para.splitlines()).strip() or None


def describe_params(func):
    """Constructor/function parameters in order: name, kind, default, annotation."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        # Builtin Exception.__init__ (class without its own __init__).
        return [
            {"name": "args", "kind": "var_positional", "has_default": False, "annotation": None},
        ]
    out = []
    for p in sig.parameters.values():
        if p.name == "self":
            continue
        item = {
            "name": p.name,
            "kind": KIND_NAMES[p.kind],
            "has_default": p.default is not inspect.Parameter.empty,
            "annotation": None,
        }
        if item["has_default"]:
            item["default"] = to_json(p.default)
        if p.annotation is not inspect.Parameter.empty:
            ann = p.annotation
            item["annotation"] = ann if isinstance(ann, str) else inspect.formatannotation(ann)
        out.append(item)
    return out


def call_with(cls, args, call="positional"):
    """Instantiate cls from an ordered {name: value} mapping.

    call="positional": values are passed positionally in mapping order, a key
    "*args" supplies extra positional values; call="keyword": passed by name.
    Returns (instance, None) or (None, error string); warnings are collected.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if call == "keyword":
                inst = cls(**args)
            else:
                pos = []
                for k, v in args.items():
                    if k == "*args":
                        pos.extend(v)
                    else:
                        pos.append(v)
                inst = cls(*pos)
            err = None
        except BaseException as exc:  # noqa: BLE001
            inst, err = None, describe_exception(exc)
    warns = sorted({f"{w.category.__name__}: {str(w.message).splitlines()[0]}" for w in caught})
    return inst, err, warns


def arg_record(args):
    """JSON form of a case's arguments plus their passing order."""
    return {"args": to_json(args), "arg_order": list(args.keys())}


def public_properties(cls):
    """Names of properties defined on cls or its bases (excluding builtins)."""
    names = set()
    for klass in cls.__mro__:
        if klass.__module__ == "builtins":
            continue
        for name, val in vars(klass).items():
            if isinstance(val, property):
                names.add(name)
    return sorted(names)


def observe_attributes(inst, extra_names=()):
    """Instance __dict__ plus listed properties, each converted to JSON.

    A property that raises is recorded as {"$raised": "..."}.
    """
    out = {}
    for k, v in vars(inst).items():
        if k in ("_log",):
            continue
        out[k] = to_json(v)
    for name in extra_names:
        try:
            out[name] = to_json(getattr(inst, name))
        except BaseException as exc:  # noqa: BLE001
            out[name] = {"$raised": describe_exception(exc)}
    out["args"] = to_json(getattr(inst, "args", ()))
    return out


def hash_comment_docs(source):
    """Map NAME -> first paragraph of the `#:` comment block above `NAME = ...`.

    This is how Sphinx documents module constants (Djblets uses it).
    """
    docs, block = {}, []
    for line in source.splitlines():
        if line.startswith("#:"):
            block.append(line[2:].strip())
            continue
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(:[^=]*)?=", line)
        if m and block:
            docs[m.group(1)] = first_paragraph("\n".join(block))
        block = []
    return docs


def emit(data):
    """Write observation JSON to stdout (the driver re-serialises it)."""
    sys.stdout.write(json.dumps(data, sort_keys=True, ensure_ascii=False))
    sys.stdout.write("\n")


def seed_text(seeds_dir, prefix):
    """Text of the seed page whose file name starts with prefix (e.g. '000_')."""
    import os

    for name in sorted(os.listdir(seeds_dir)):
        if name.startswith(prefix):
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as fh:
                return fh.read()
    raise SystemExit(f"seed page {prefix}* not found in {seeds_dir}")


def placeholder_template(render, names):
    """Render a message with each parameter replaced by the string "{name}".

    Used to recover f-string/format templates from real code; returns the
    rendered template or a {"$raised": ...} description.
    """
    try:
        return render({n: "{" + n + "}" for n in names})
    except BaseException as exc:  # noqa: BLE001
        return {"$raised": describe_exception(exc)}


