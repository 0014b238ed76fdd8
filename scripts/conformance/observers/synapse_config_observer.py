"""Observe how SynapseError.error_dict(config) depends on the homeserver config (Synapse 1.163.2).

Run inside the synapse-1.163.2 venv:

    synapse_config_observer.py --synapse-fixture error-catalog/fixtures/synapse.json

1. The config flags: synapse/api/errors.py is parsed, and every attribute chain
   rooted at a parameter named `config` is recorded (in 1.163.2 there is one:
   `config.experimental.msc3848_enabled` in `UnstableSpecAuthError.error_dict`).
2. Real `HomeServerConfig` objects are built with `parse_config_dict` from a
   minimal config dict: every flag off, and each flag on by itself.
3. Every SynapseError case that synapse_observer builds (its SPECS, with the same
   arguments, and the `SynapseError(status, msg, Codes.X)` cases, whose arguments
   are read from synapse.json so they are the same) is rendered with
   `error_dict(None)` and `error_dict(config)` for each config.

The bodies rendered with `None` are checked against synapse.json's `body`; the
run fails if one differs, or if a case's arguments differ.
"""

import argparse
import ast
import copy
import importlib.metadata
import inspect
import json
import logging
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import call_with, describe_exception, emit, to_json  # noqa: E402
from synapse_observer import SPECS, json_args, real_args  # noqa: E402

MODULE = "synapse.api.errors"

#: HomeServerConfig section attribute -> top-level key of homeserver.yaml.
SECTION_KEYS = {"experimental": "experimental_features"}

#: A fixed ed25519 signing key (32 zero bytes, unpadded base64), so no key is generated.
SIGNING_KEY = "ed25519 a " + "A" * 43 + "\n"

#: Cases added here (not in synapse_observer's SPECS): how the flag meets additional_fields.
EXTRA_SPECS = [
    ("UnstableSpecAuthError", "additional_fields holding the unstable key", {
        "code": 403, "msg": "x", "errcode": "ORG.MATRIX.MSC3848.NOT_JOINED",
        "additional_fields": {"org.matrix.msc3848.unstable.errcode": "FROM_FIELDS"}}),
    ("UnstableSpecAuthError", "additional_fields overriding errcode and error", {
        "code": 403, "msg": "x", "errcode": "ORG.MATRIX.MSC3848.NOT_JOINED",
        "additional_fields": {"errcode": "M_OVERRIDDEN", "error": "overridden"}}),
    ("UnstableSpecAuthError", "errcode equal to previous_errcode", {
        "code": 403, "msg": "x", "errcode": "M_FORBIDDEN"}),
    ("UnstableSpecAuthError", "positional", {"*args": [401, "y", "ORG.MATRIX.MSC3848.X", "M_UNKNOWN_TOKEN"]}),
]


def site_packages_rel(path):
    """A source path relative to site-packages."""
    parts = os.path.abspath(path).split(os.sep)
    idx = max(i for i, p in enumerate(parts) if p == "site-packages")
    return "/".join(parts[idx + 1:])


def attr_chain(node):
    """"a.b.c" for an Attribute chain rooted at a Name, else None."""
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    names.append(node.id)
    return ".".join(reversed(names))


def scan_config_reads(path):
    """Every read of the `config` parameter inside errors.py's functions.

    Returns (functions, reads): the functions (with line ranges) that take a
    parameter named `config`, and each attribute chain rooted at `config`
    (prefix chains of a longer one dropped), with its line.
    """
    source = open(path, encoding="utf-8").read()
    lines = source.splitlines()
    tree = ast.parse(source)
    functions, reads = [], []

    def visit(node, owner):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                params = [a.arg for a in child.args.args + child.args.kwonlyargs]
                ref = f"{MODULE}.{owner}.{child.name}" if owner else f"{MODULE}.{child.name}"
                if child.name in ("error_dict", "cs_error") or "config" in params:
                    functions.append({"reference": ref, "takes_config": "config" in params,
                                      "first_line": child.lineno, "last_line": child.end_lineno})
                if "config" not in params:
                    continue
                chains = {}
                for n in ast.walk(child):
                    if isinstance(n, ast.Attribute):
                        chain = attr_chain(n)
                        if chain and chain.startswith("config."):
                            chains.setdefault(chain, n.lineno)
                for chain, line in sorted(chains.items(), key=lambda kv: (kv[1], kv[0])):
                    if any(other.startswith(chain + ".") for other in chains):
                        continue
                    reads.append({"function": ref, "attribute": chain, "line": line,
                                  "text": lines[line - 1].strip()})

    visit(tree, None)
    return functions, reads


def flag_of(read):
    """(section, option, yaml key path) of a `config.<section>.<option>` read."""
    parts = read["attribute"].split(".")
    if len(parts) != 3 or parts[1] not in SECTION_KEYS:
        raise SystemExit(f"unexpected config read {read['attribute']} at line {read['line']}")
    return parts[1], parts[2], f"{SECTION_KEYS[parts[1]]}.{parts[2]}"


def base_config_dict(tmp):
    """The smallest config dict parse_config_dict accepts without generating files."""
    key = os.path.join(tmp, "signing.key")
    with open(key, "w") as fh:
        fh.write(SIGNING_KEY)
    return {
        "server_name": "example.com",
        "report_stats": False,
        "signing_key_path": key,
        "media_store_path": os.path.join(tmp, "media"),
        "database": {"name": "sqlite3", "args": {"database": ":memory:"}},
        "macaroon_secret_key": "conformance",
        "suppress_key_server_warning": True,
        "trusted_key_servers": [],
    }


def build_config(tmp, flags):
    """A real HomeServerConfig parsed from the base dict plus `flags` ({yaml path: value})."""
    from synapse.config.homeserver import HomeServerConfig

    cfg = base_config_dict(tmp)
    for path, value in flags.items():
        section, option = path.split(".")
        cfg.setdefault(section, {})[option] = value
    config = HomeServerConfig()
    config.parse_config_dict(copy.deepcopy(cfg), tmp, tmp)  # parsing fills in defaults
    return config, cfg


def redact_tmp(value, tmp):
    """The config dict as recorded: the temporary directory shown as "<tmp>"."""
    if isinstance(value, dict):
        return {k: redact_tmp(v, tmp) for k, v in value.items()}
    if isinstance(value, str):
        return value.replace(tmp, "<tmp>")
    return value


def config_states(tmp, flags):
    """[(label, description, flags dict, config or None)]: None, all off, each flag on."""
    states = [("none", "error_dict(None): no config, as synapse.json and http/site.py use", None, None)]
    off = {f["config_option"]: False for f in flags}
    states.append(("all_off", "a HomeServerConfig with every flag set to false", off, build_config(tmp, off)))
    for f in flags:
        on = dict(off, **{f["config_option"]: True})
        states.append((f"{f['option']}=true", f"a HomeServerConfig with only {f['config_option']} true",
                       on, build_config(tmp, on)))
    return states


def body_of(inst, config):
    try:
        return to_json(inst.error_dict(config))
    except BaseException as exc:  # noqa: BLE001
        return {"$raised": describe_exception(exc)}


def diff(base, other):
    """Keys added, removed or changed in `other` relative to `base` (two dict bodies)."""
    if not isinstance(base, dict) or not isinstance(other, dict) or "$raised" in base or "$raised" in other:
        return {"added": {}, "removed": [], "changed": {}} if base == other else {"replaced": other}
    return {
        "added": {k: other[k] for k in other if k not in base},
        "removed": sorted(k for k in base if k not in other),
        "changed": {k: {"from": base[k], "to": other[k]} for k in other if k in base and base[k] != other[k]},
    }


def is_empty(d):
    return not d.get("replaced") and not d.get("added") and not d.get("removed") and not d.get("changed")


def observe_case(mod, inst, states):
    """status, errcode, one body per config state, and the differences from error_dict(None)."""
    out = {"status": to_json(inst.code), "errcode": to_json(getattr(inst, "errcode", None)),
           "class": type(inst).__name__, "bodies": {}, "key_order": {}}
    for label, _desc, _flags, built in states:
        out["bodies"][label] = body_of(inst, built[0] if built else None)
        body = out["bodies"][label]
        out["key_order"][label] = list(body) if isinstance(body, dict) and "$raised" not in body else None
    base = out["bodies"]["none"]
    out["diff_from_none"] = {label: diff(base, body) for label, body in out["bodies"].items() if label != "none"}
    out["config_dependent"] = any(not is_empty(d) for d in out["diff_from_none"].values())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds")
    ap.add_argument("--synapse-fixture", required=True, help="synapse.json (its Codes case arguments are reused)")
    opts = ap.parse_args()
    logging.disable(logging.CRITICAL)

    import synapse.api.errors as mod

    with open(opts.synapse_fixture, encoding="utf-8") as fh:
        fixture = json.load(fh)
    with tempfile.TemporaryDirectory(prefix="synapse-config-") as tmp:
        emit(observe(mod, fixture, tmp))


def observe(mod, fixture, tmp):
    """The fixture data (tmp: a scratch directory for the signing key)."""
    fixture_cases = {(c["reference"], c["label"]): c for c in fixture["cases"]}
    errors_path = inspect.getsourcefile(mod)
    functions, reads = scan_config_reads(errors_path)
    default_config, _ = build_config(tmp, {})
    flags = {}
    for read in reads:
        section, option, path = flag_of(read)
        flag = flags.setdefault(path, {
            "attribute": f"config.{section}.{option}", "section": section, "option": option,
            "config_option": path, "default": to_json(getattr(getattr(default_config, section), option)),
            "read_by": [], "reads": [],
        })
        if read["function"] not in flag["read_by"]:
            flag["read_by"].append(read["function"])
        flag["reads"].append({"file": site_packages_rel(errors_path), "line": read["line"], "text": read["text"]})
        # Where the section class sets the attribute from homeserver.yaml.
        section_src = inspect.getsourcefile(type(getattr(default_config, section)))
        src_lines = open(section_src, encoding="utf-8").read().splitlines()
        set_at = [i for i, t in enumerate(src_lines, 1) if f"self.{option}" in t and "=" in t]
        flag["set_in"] = [{"file": site_packages_rel(section_src), "line": i, "text": src_lines[i - 1].strip()}
                          for i in set_at]
    flags = [flags[k] for k in sorted(flags)]
    states = config_states(tmp, flags)

    classes = {n: c for n, c in vars(mod).items()
               if isinstance(c, type) and issubclass(c, BaseException) and c.__module__ == MODULE}
    cases, excluded = [], []
    problems = []

    # SynapseError(status, msg, Codes.X): the arguments synapse.json recorded.
    for case in fixture["cases"]:
        if case.get("constructor") != f"{MODULE}.SynapseError":
            continue
        rec = {"reference": case["reference"], "label": case["label"], "call": "keyword",
               "constructor": case["constructor"], "args": case["args"]}
        if case.get("error"):
            rec["error"] = case["error"]
            cases.append(rec)
            continue
        inst, fail, _warns = call_with(mod.SynapseError, case["args"], call="keyword")
        if fail:
            rec["error"] = fail
        else:
            rec.update(observe_case(mod, inst, states))
            if rec["bodies"]["none"] != case.get("body"):
                problems.append(f"{case['reference']} {case['label']}: body differs from synapse.json")
        cases.append(rec)

    # synapse_observer's SPECS, for every class that is a SynapseError in this version.
    for idx, (name, label, kwargs) in enumerate(SPECS + EXTRA_SPECS):
        extra = idx >= len(SPECS)
        cls = classes.get(name)
        ref = f"{MODULE}.{name}"
        if cls is None or not issubclass(cls, mod.SynapseError):
            if (name, cls is None) not in [(e["class"], e["absent"]) for e in excluded]:
                excluded.append({"class": name, "absent": cls is None,
                                 "python_base": None if cls is None else cls.__bases__[0].__name__})
            continue
        call = "positional" if "*args" in kwargs else "keyword"
        rec = {"reference": ref, "label": label, "call": call, "args": json_args(kwargs)}
        if call == "positional":
            rec["arg_order"] = list(kwargs)
        fx = fixture_cases.get((ref, label))
        if extra:
            rec["extra"] = True
            fx = None
        elif fx is None or fx["args"] != rec["args"]:
            problems.append(f"{ref} {label}: not in synapse.json with the same args")
        inst, fail, warns = call_with(cls, real_args(kwargs), call=call)
        if warns:
            rec["warnings"] = warns
        if fail:
            rec["error"] = fail
        else:
            rec.update(observe_case(mod, inst, states))
            if fx is not None and rec["bodies"]["none"] != fx.get("body"):
                problems.append(f"{ref} {label}: body differs from synapse.json")
        cases.append(rec)

    if problems:
        raise SystemExit("synapse-config does not match synapse.json:\n" + "\n".join(problems))

    for flag in flags:
        changed = [c for c in cases if "diff_from_none" in c
                   and not is_empty(c["diff_from_none"][f"{flag['option']}=true"])]
        flag["changes_body_of"] = sorted({c["reference"] for c in changed})
        flag["added_keys"] = sorted({k for c in changed for k in c["diff_from_none"][f"{flag['option']}=true"].get("added", {})})
        flag["raises_for"] = [{"reference": c["reference"], "label": c["label"],
                               "raised": c["bodies"][f"{flag['option']}=true"]["$raised"]}
                              for c in changed if "replaced" in c["diff_from_none"][f"{flag['option']}=true"]]

    errors_lines = open(errors_path, encoding="utf-8").read().splitlines()
    entries = []
    for fn in functions:
        entry = {"reference": fn["reference"], "kind": "function" if fn["reference"].count(".") == 3 else "method",
                 "takes_config": fn["takes_config"],
                 "reads_config": [r["attribute"] for r in reads if r["function"] == fn["reference"]],
                 "source": {"file": site_packages_rel(errors_path), "first_line": fn["first_line"],
                            "last_line": fn["last_line"]},
                 "key_lines": [{"line": r["line"], "text": r["text"]} for r in reads
                               if r["function"] == fn["reference"]]}
        if entry["reads_config"]:
            # The guard and the key the flag adds.
            for i in range(fn["first_line"], fn["last_line"] + 1):
                text = errors_lines[i - 1].strip()
                if "msc3848.unstable.errcode" in text or text.startswith("self.previous_errcode"):
                    entry["key_lines"].append({"line": i, "text": text})
            entry["key_lines"].sort(key=lambda k: k["line"])
        entries.append(entry)

    return {
        "library": "matrix-synapse",
        "version": importlib.metadata.version("matrix-synapse"),
        "entries": entries,
        "cases": cases,
        "flags": flags,
        "configs": [{"label": label, "description": desc, "flags": fl,
                     "config_dict": redact_tmp(built[1], tmp) if built else None,
                     "built_with": "synapse.config.homeserver.HomeServerConfig().parse_config_dict(config_dict, <tmp>, <tmp>)"
                     if built else None}
                    for label, desc, fl, built in states],
        "excluded_classes": excluded,
        "callers": scan_callers(os.path.dirname(os.path.dirname(errors_path))),
    }


def scan_callers(pkg_root):
    """Every `X.error_dict(arg)` call in the synapse package outside errors.py, with its argument."""
    out = []
    for dirpath, dirs, files in os.walk(pkg_root):
        dirs.sort()
        for fname in sorted(files):
            if not fname.endswith(".py"):
                continue
            path = os.path.join(dirpath, fname)
            source = open(path, encoding="utf-8").read()
            if ".error_dict(" not in source:
                continue
            lines = source.splitlines()
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr == "error_dict" and site_packages_rel(path) != "synapse/api/errors.py":
                    out.append({"file": site_packages_rel(path), "line": node.lineno,
                                "argument": ast.unparse(node.args[0]) if node.args else None,
                                "text": lines[node.lineno - 1].strip()})
    return sorted(out, key=lambda c: (c["file"], c["line"]))


if __name__ == "__main__":
    main()
