"""Observe every py42.exceptions class built with no arguments, and with only its required ones.

Run inside the py42 venv. It uses py42_observer's conventions: the same class list,
the same argument values (TYPICAL, or "example-<name>"), and for an `exception` /
`response` parameter a real requests.HTTPError / requests.Response built in memory
for the class's status (see py42_observer.make_response).
"""

import argparse
import importlib.metadata
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import describe_params, emit, own_doc, public_properties  # noqa: E402
from py42_observer import (  # noqa: E402
    MODULE, TYPICAL, build_args, class_status, classify_all, make_response, observe_case, parent_of,
    py42_classes, register_converters,
)


def required_params(params):
    return [p["name"] for p in params if not p["has_default"] and p["kind"] not in ("var_positional", "var_keyword")]


def add_message_attribute(case, cls, args):
    """Whether the instance has a `message` attribute (py42 sets none; Python 3 exceptions have none)."""
    if "error" in case:
        return case
    from common import call_with

    inst, _err, _warns = call_with(cls, args)
    case["has_message_attribute"] = hasattr(inst, "message")
    return case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds")
    ap.parse_args()
    register_converters()

    import py42.exceptions as E

    mapping = classify_all(E)
    entries, cases = [], []
    for cls in py42_classes(E):
        params = describe_params(cls)
        required = required_params(params)
        status, _ranges, _via = class_status(cls, mapping)
        case = observe_case(cls, E, "no args", {}, None)
        add_message_attribute(case, cls, {})
        cases.append(case)
        if required:
            resp = make_response(status or 400)
            args = build_args(cls, E, params, lambda n: TYPICAL.get(n, f"example-{n}"), resp,
                              include_defaults=False)
            rcase = observe_case(cls, E, "required only", args, resp)
            cases.append(add_message_attribute(rcase, cls, args))
        entries.append({
            "reference": f"{MODULE}.{cls.__name__}",
            "kind": "class",
            "parent": parent_of(cls, E),
            "params": params,
            "required": required,
            "properties": public_properties(cls),
            "constructible_without_args": "error" not in case,
            "no_args_error": case.get("error"),
            "doc": own_doc(cls),
        })
    emit({
        "library": "py42",
        "version": importlib.metadata.version("py42"),
        "entries": entries,
        "cases": cases,
    })


if __name__ == "__main__":
    main()
