#!/usr/bin/env python3
"""Produce the `.aws-sam/build` output of `sam build` for this app, without SAM installed (stdlib only).

    python3 build.py                      # good build in .aws-sam/build
    python3 build.py --variant broken     # the incident: router map with the "src." prefix
    python3 build.py --build-dir /tmp/b   # elsewhere

Like `sam build` for a stdlib-only Python function, each function's CodeUri is copied to
<build-dir>/<LogicalId>/ and the template is written to <build-dir>/template.yaml with CodeUri rewritten to that
directory. The function directory is what Lambda puts in /var/task: the task root.
"""
import argparse
import os
import re
import shutil
import sys

APP_DIR = os.path.dirname(os.path.abspath(__file__))
REGISTRY = os.path.join("api", "v1", "registry.py")
RESOURCE_LINE = re.compile(r"^  ([A-Za-z0-9]+):\s*$")
CODE_URI_LINE = re.compile(r"^(\s+CodeUri:\s*)(\S+)\s*$")
FUNCTION_TYPE = "Type: AWS::Serverless::Function"


def function_code_uris(template_lines):
    """{logical id: CodeUri} of the template's AWS::Serverless::Function resources (two-space indented)."""
    in_resources, current, is_function, found = False, None, False, {}
    for line in template_lines:
        if not line.startswith(" ") and line.strip():
            in_resources = line.startswith("Resources:")
            current = None
            continue
        match = RESOURCE_LINE.match(line)
        if in_resources and match:
            current, is_function = match.group(1), False
            continue
        if current and line.strip() == FUNCTION_TYPE:
            is_function = True
        code_uri = CODE_URI_LINE.match(line)
        if current and is_function and code_uri:
            found[current] = code_uri.group(2)
    return found


def break_router_map(function_dir):
    """The incident: module paths written relative to the repository root instead of the task root."""
    path = os.path.join(function_dir, REGISTRY)
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace('"api.v1.', '"src.api.v1.'))
    return True


def build(variant, build_dir):
    with open(os.path.join(APP_DIR, "template.yaml"), encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    code_uris = function_code_uris(lines)
    if not code_uris:
        sys.exit("build.py: no AWS::Serverless::Function with a CodeUri in template.yaml")
    if os.path.isdir(build_dir):
        shutil.rmtree(build_dir)
    os.makedirs(build_dir)
    for logical_id, code_uri in code_uris.items():
        target = os.path.join(build_dir, logical_id)
        shutil.copytree(os.path.join(APP_DIR, code_uri), target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tests"))
        if variant == "broken":
            break_router_map(target)
    out, current = [], None
    for line in lines:
        match = RESOURCE_LINE.match(line)
        if match:
            current = match.group(1)
        code_uri = CODE_URI_LINE.match(line)
        if code_uri and current in code_uris:
            line = code_uri.group(1) + current + "\n"
        out.append(line)
    with open(os.path.join(build_dir, "template.yaml"), "w", encoding="utf-8") as f:
        f.writelines(out)
    return sorted(code_uris)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=["good", "broken"], default="good")
    parser.add_argument("--build-dir", default=os.path.join(APP_DIR, ".aws-sam", "build"))
    args = parser.parse_args(argv)
    functions = build(args.variant, os.path.abspath(args.build_dir))
    print("Built %s (%s): %s" % (args.build_dir, args.variant, ", ".join(functions)))


if __name__ == "__main__":
    main()
