#!/usr/bin/env python3
"""Package cycles among the production bundles' Java packages (bundles/*/src, not *.tests).

An edge P -> Q when a source file of package P names a type of package Q (an import or a fully
qualified name, comments and strings left out), for the oko.* packages written by hand. Prints each
strongly connected component of more than one package with its edges; exits 1 when there is one.
Usage: releng/scripts/package-cycles.py [REPOSITORY_ROOT]
"""
import collections
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
files = collections.defaultdict(list)
for bundle in sorted(os.listdir(os.path.join(root, 'bundles'))):
    src = os.path.join(root, 'bundles', bundle, 'src')
    if bundle.endswith('.tests') or not os.path.isdir(src):
        continue
    for directory, _, names in os.walk(src):
        for name in names:
            if name.endswith('.java'):
                text = open(os.path.join(directory, name), encoding='utf-8').read()
                package = re.search(r'^package\s+([\w.]+);', text, re.M)
                if package:
                    files[package.group(1)].append(text)

deps = collections.defaultdict(set)
for package, texts in files.items():
    for text in texts:
        text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        text = re.sub(r'//[^\n]*', '', text)
        text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
        for match in re.finditer(r'\b(oko(?:\.[a-z]\w*)+)\.[A-Z*]', text):
            target = match.group(1)
            if target in files and target != package:
                deps[package].add(target)

index, low, stack, on_stack, cycles, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)


def connect(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on_stack.add(v)
    for w in sorted(deps[v]):
        if w not in index:
            connect(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            cycles.append(sorted(component))


for package in sorted(files):
    if package not in index:
        connect(package)
print('%d packages, %d dependencies between them' % (len(files), sum(len(d) for d in deps.values())))
for component in cycles:
    print('cycle: ' + ', '.join(component))
    for package in component:
        print('    %s -> %s' % (package, ', '.join(sorted(d for d in deps[package] if d in component))))
if not cycles:
    print('no package cycle')
sys.exit(1 if cycles else 0)
