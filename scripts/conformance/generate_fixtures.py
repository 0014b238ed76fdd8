#!/usr/bin/env python3
"""Generate error-catalog/fixtures/*.json by observing the real Python libraries.

Usage (from the repository root):

    python3 scripts/conformance/generate_fixtures.py [--only djblets,djblets-formats,py42,...]

Systems: djblets, djblets-formats, py42, py42-noargs, synapse, synapse-config,
synapse-http, tenable. synapse-config reads the Codes cases of synapse.json
(the one in --out, else the repository's), so run it after synapse.

Creates one virtual environment per library under the cache directory
(default: target/conformance-venv), installs the exact pins from
scripts/conformance/requirements-*.txt from PyPI, runs the observers in
scripts/conformance/observers/ inside those venvs and writes the fixtures.
Re-running reuses the venvs (re-installing only when a requirements file
changes) and produces byte-identical output.

This driver uses only the Python standard library.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OBSERVERS = os.path.join(HERE, "observers")
SYSTEMS = ("djblets", "djblets-formats", "py42", "py42-noargs", "synapse", "synapse-config", "synapse-http",
           "tenable")
#: Systems observed in another system's venv (default: the venv named like the system).
VENV_OF = {"djblets-formats": "djblets", "py42-noargs": "py42",
           "synapse-config": "synapse-1.163.2", "synapse-http": "synapse-1.163.2"}
SYNAPSE_OLD = "1.9.1"


def log(msg):
    print(f"[conformance] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    """Run a command, failing loudly with its output."""
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-8000:])
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return proc.stdout


class Venv:
    """A cached virtual environment built from one requirements file."""

    def __init__(self, cache, name, python):
        self.name = name
        self.path = os.path.join(cache, name)
        self.req = os.path.join(HERE, f"requirements-{name}.txt")
        self.python_exe = python

    @property
    def python(self):
        return os.path.join(self.path, "bin", "python")

    def ensure(self):
        """Create the venv and install the pins unless the stamp matches."""
        with open(self.req, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        stamp = os.path.join(self.path, ".requirements.sha256")
        if os.path.exists(stamp) and open(stamp).read().strip() == digest and os.path.exists(self.python):
            return self
        log(f"creating venv {self.path}")
        run([self.python_exe, "-m", "venv", "--clear", self.path])
        log(f"installing {os.path.basename(self.req)}")
        run([self.python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
             "-r", self.req])
        with open(stamp, "w") as fh:
            fh.write(digest + "\n")
        return self

    def observe(self, script, *args):
        """Run an observer inside the venv; return its parsed JSON output."""
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONWARNINGS="ignore",
                   PYTHONDONTWRITEBYTECODE="1")
        out = run([self.python, os.path.join(OBSERVERS, script), *args], env=env, cwd=OBSERVERS)
        return json.loads(out)


def synapse_old_source(venv, cache):
    """Download matrix-synapse 1.9.1's sdist with pip and extract its synapse/ tree."""
    root = os.path.join(cache, f"synapse-{SYNAPSE_OLD}-src")
    pkg = os.path.join(root, f"matrix-synapse-{SYNAPSE_OLD}", "synapse")
    if os.path.exists(os.path.join(pkg, "api", "errors.py")):
        return pkg
    dl = os.path.join(cache, "downloads")
    os.makedirs(dl, exist_ok=True)
    log(f"downloading matrix-synapse=={SYNAPSE_OLD} sdist")
    run([venv.python, "-m", "pip", "download", "--disable-pip-version-check", "--no-deps",
         "--no-binary", ":all:", "--no-build-isolation", "-d", dl, f"matrix-synapse=={SYNAPSE_OLD}"])
    sdist = os.path.join(dl, f"matrix-synapse-{SYNAPSE_OLD}.tar.gz")
    prefix = f"matrix-synapse-{SYNAPSE_OLD}/synapse/"
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(prefix) and m.isfile()]
        tar.extractall(root, members=members)
    return pkg


def observe_simple(name, venv, seeds, *extra):
    """djblets / djblets-formats / py42 / py42-noargs / synapse-config / synapse-http / tenable: one run."""
    return venv.observe(f"{name.replace('-', '_')}_observer.py", "--seeds", seeds, *extra)


def synapse_fixture(out_dir):
    """The synapse.json synapse-config reuses: the one just written to --out, else the repository's."""
    for path in (os.path.join(out_dir, "synapse.json"), os.path.join(REPO, "error-catalog", "fixtures", "synapse.json")):
        if os.path.exists(path):
            return os.path.abspath(path)
    raise SystemExit("synapse-config needs synapse.json: run --only synapse first")


def observe_synapse(cache, python, seeds):
    """Observe 1.9.1 (standalone errors.py) and 1.163.2 (wheel) and merge them."""
    new = Venv(cache, "synapse-1.163.2", python).ensure()
    old = Venv(cache, f"synapse-{SYNAPSE_OLD}", python).ensure()
    src = synapse_old_source(old, cache)
    old_args = ["--errors-file", os.path.join(src, "api", "errors.py"), "--version", SYNAPSE_OLD]
    with tempfile.TemporaryDirectory() as tmp:
        def dump(fname, data):
            path = os.path.join(tmp, fname)
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            return path

        raw_old = dump("raw-old.json", old.observe("synapse_observer.py", "--raw", "--source-root", src, *old_args))
        raw_new = dump("raw-new.json", new.observe("synapse_observer.py", "--raw"))
        statuses = dump("statuses.json", new.observe("synapse_observer.py", "--derive-statuses", raw_new, raw_old))
        codes_old = dump("codes-old.json", old.observe("synapse_observer.py", "--codes-cases", statuses, *old_args))
        codes_new = dump("codes-new.json", new.observe("synapse_observer.py", "--codes-cases", statuses))
        return new.observe("synapse_observer.py", "--merge", raw_new, raw_old, codes_new, codes_old,
                           "--seeds", seeds)


def write_fixture(out_dir, system, data):
    """Write one fixture: fixed top-level keys, sorted keys, UTF-8, trailing newline."""
    fixture = {
        "system": system,
        "library": data.pop("library"),
        "version": data.pop("version"),
        "entries": sorted(data.pop("entries"), key=lambda e: e["reference"]),
        "cases": data.pop("cases"),
    }
    fixture.update(data)  # e.g. "classification", "versions", "flags"
    path = os.path.join(out_dir, f"{system}.json")
    text = json.dumps(fixture, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    log(f"wrote {os.path.relpath(path, REPO)}: {len(fixture['entries'])} entries, "
        f"{len(fixture['cases'])} cases")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache-dir", default=os.environ.get("CONFORMANCE_VENV_DIR",
                                                          os.path.join(REPO, "target", "conformance-venv")))
    ap.add_argument("--out", default=os.path.join(REPO, "error-catalog", "fixtures"))
    ap.add_argument("--seeds", default=os.environ.get("CONFORMANCE_SEEDS",
                                                      os.path.join(os.path.dirname(REPO), "shared", "seeds")),
                    help="folder holding the four documentation pages (for in_page)")
    ap.add_argument("--python", default=sys.executable, help="interpreter used to create the venvs")
    ap.add_argument("--only", default=",".join(SYSTEMS), help="comma-separated subset of " + ", ".join(SYSTEMS))
    opts = ap.parse_args()

    if not os.path.isdir(opts.seeds):
        raise SystemExit(f"seed pages not found at {opts.seeds} (use --seeds)")
    os.makedirs(opts.cache_dir, exist_ok=True)
    os.makedirs(opts.out, exist_ok=True)
    seeds = os.path.abspath(opts.seeds)
    for system in [s.strip() for s in opts.only.split(",") if s.strip()]:
        if system not in SYSTEMS:
            raise SystemExit(f"unknown system {system!r}")
        log(f"observing {system}")
        if system == "synapse":
            data = observe_synapse(opts.cache_dir, opts.python, seeds)
        else:
            venv = Venv(opts.cache_dir, VENV_OF.get(system, system), opts.python).ensure()
            extra = ["--synapse-fixture", synapse_fixture(opts.out)] if system == "synapse-config" else []
            data = observe_simple(system, venv, seeds, *extra)
        write_fixture(opts.out, system, data)


if __name__ == "__main__":
    main()
