#!/usr/bin/env python3
"""Splits a perf recording into disjoint buckets by the frames on each sampled stack.

Usage: perf-breakdown.py PERF_DATA LABEL=SUBSTRING [LABEL=SUBSTRING ...]
       perf-breakdown.py PERF_DATA --inclusive [REGEX]

With rules, each sample goes to the first rule whose SUBSTRING occurs in any frame of its stack (so order the
rules from the innermost to the outermost), else to "other"; the shares add up to 100 %. With --inclusive it
prints the share of samples whose stack contains each method (methods matching REGEX, default Nexus|Jint).
Needs `perf script` (Debian: linux-perf) and a recording with call graphs (bench/tools/perf-profile.sh makes one).
"""
import collections
import re
import subprocess
import sys


def stacks(data):
    out = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip,sym'], capture_output=True, text=True, check=True).stdout
    current = []
    for line in out.splitlines():
        if not line.strip():
            if current:
                yield current
                current = []
            continue
        parts = line.strip().split(' ', 1)
        current.append(parts[1] if len(parts) > 1 else parts[0])
    if current:
        yield current


def method(frame):
    frame = re.sub(r'class |valuetype |instance ', '', frame)
    frame = re.sub(r'\[System[^\]]*\]', '', frame)
    found = re.search(r'([\w`.+<>]+::[\w<>`.]+)\(', frame)
    return found.group(1) if found else frame[:80]


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    samples = list(stacks(sys.argv[1]))
    total = len(samples)
    counts = collections.Counter()
    if sys.argv[2] == '--inclusive':
        pattern = re.compile(sys.argv[3] if len(sys.argv) > 3 else 'Nexus|Jint')
        for sample in samples:
            for name in {method(f) for f in sample}:
                if pattern.search(name):
                    counts[name] += 1
        for name, count in counts.most_common(60):
            print(f'{count / total:7.1%}  {name}')
    else:
        rules = [arg.split('=', 1) for arg in sys.argv[2:]]
        for sample in samples:
            label = next((label for label, text in rules if any(text in f for f in sample)), 'other')
            counts[label] += 1
        for label, count in counts.most_common():
            print(f'{count / total:7.1%}  {label}')
    print(f'({total} samples)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
