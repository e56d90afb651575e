#!/usr/bin/env python3
"""MSRV check: no locked dependency may need a newer Rust than the crate declares.

Reads `cargo metadata --format-version 1 --locked` (run at the repository root), takes the
root package's `rust-version`, walks the resolved graph (`resolve.nodes`) from the root
through normal and build dependencies, plus the root's dev-dependencies (CI builds tests,
examples and benches too), and compares each reached package's declared `rust_version`.

Exit 0 with one OK line when none is newer; exit 1 naming every package that is newer
(and whether only the dev graph reaches it); exit 2 when cargo metadata cannot be read or
the root declares no rust-version. Standard library only.

Usage: python3 .ci/msrv.py
"""
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def version(text):
    """'1.90' or '1.89.0' as a comparable (major, minor, patch) tuple; '1.90' is 1.90.0."""
    parts = []
    for piece in text.strip().split(".")[:3]:
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts + [0] * (3 - len(parts)))


def die(message, code=2):
    print(f"msrv: {message}", file=sys.stderr)
    sys.exit(code)


def main():
    run = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        die("cargo metadata --locked failed:\n" + run.stderr.strip())
    meta = json.loads(run.stdout)

    resolve = meta.get("resolve") or {}
    root_id = resolve.get("root")
    if not root_id:
        die("no root package in cargo metadata (a virtual workspace?)")
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in resolve["nodes"]}
    root = packages[root_id]
    declared = root.get("rust_version")
    if not declared:
        die(f"{root['name']} declares no rust-version in Cargo.toml")

    # Packages reached through normal/build edges from the root: what a user compiles.
    # Then the root's dev-dependencies and their normal/build closure: what CI compiles.
    def walk(starts, seen):
        todo = list(starts)
        while todo:
            pkg = todo.pop()
            if pkg in seen:
                continue
            seen.add(pkg)
            for dep in nodes[pkg]["deps"]:
                if any(k["kind"] in (None, "build") for k in dep["dep_kinds"]):
                    todo.append(dep["pkg"])
        return seen

    normal = walk([root_id], set())
    dev_starts = [
        dep["pkg"]
        for dep in nodes[root_id]["deps"]
        if any(k["kind"] == "dev" for k in dep["dep_kinds"])
    ]
    everything = walk(dev_starts, set(normal))

    ours = version(declared)
    newer = []
    for pkg in everything - {root_id}:
        p = packages[pkg]
        needs = p.get("rust_version")
        if needs and version(needs) > ours:
            newer.append((version(needs), needs, p["name"], p["version"], pkg not in normal))
    if newer:
        newer.sort(key=lambda t: (t[0], t[2]), reverse=True)
        print(
            f"msrv: {root['name']} declares rust-version {declared}, but "
            f"{len(newer)} locked dependenc{'y needs' if len(newer) == 1 else 'ies need'} "
            f"a newer Rust:"
        )
        for _, needs, name, ver, dev_only in newer:
            via = " (dev-dependency graph only)" if dev_only else ""
            print(f"  {name} {ver} needs rust {needs}{via}")
        print(
            f"msrv: raise rust-version in Cargo.toml to {newer[0][1]}, "
            "or lock older versions of these packages"
        )
        sys.exit(1)

    top = max(
        (
            (version(packages[p]["rust_version"]), packages[p]["name"], packages[p]["rust_version"])
            for p in everything - {root_id}
            if packages[p].get("rust_version")
        ),
        default=None,
    )
    highest = f" (highest: {top[1]}, rust {top[2]})" if top else ""
    print(
        f"msrv: OK, rust-version {declared} covers all {len(everything) - 1} locked "
        f"dependencies{highest}"
    )


if __name__ == "__main__":
    main()
