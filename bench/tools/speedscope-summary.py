#!/usr/bin/env python3
"""Summarises a BenchmarkDotNet EventPipe (CPU sampling) trace exported as speedscope JSON.

Usage: speedscope-summary.py TRACE.speedscope.json [ROOT_FRAME_SUBSTRING] [TOP]

Only time spent under a frame whose name contains ROOT_FRAME_SUBSTRING (default: "CorpusBenchmarks.Check")
counts. Prints, per frame, the inclusive time (time with the frame anywhere on the stack, recursion counted
once) and the exclusive time (time with the frame on top), as a share of the root's inclusive time.
"""
import json
import sys
from collections import defaultdict


def main():
    path = sys.argv[1]
    root_name = sys.argv[2] if len(sys.argv) > 2 else "CorpusBenchmarks.Check"
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    frames = [fr["name"] for fr in data["shared"]["frames"]]
    inclusive = defaultdict(float)
    exclusive = defaultdict(float)
    root_total = 0.0
    for profile in data["profiles"]:
        if profile["type"] != "evented":
            continue
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                elapsed = at - last
                names = [frames[i] for i in stack]
                if any(root_name in n for n in names):
                    root_total += elapsed
                    for n in set(names):
                        inclusive[n] += elapsed
                    exclusive[names[-1]] += elapsed
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                # Close the innermost open instance of that frame.
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k] == event["frame"]:
                        del stack[k]
                        break
    if root_total == 0:
        sys.exit(f"no time under a frame containing {root_name!r}")
    print(f"time under {root_name}: {root_total:.1f} ms (sampled)")
    print()
    print(f"{'incl %':>7} {'excl %':>7}  frame (top {top} by inclusive time)")
    for name, t in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{100 * t / root_total:7.1f} {100 * exclusive.get(name, 0) / root_total:7.1f}  {name[:150]}")
    print()
    print(f"{'excl %':>7}  frame (top {top} by exclusive time)")
    for name, t in sorted(exclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{100 * t / root_total:7.1f}  {name[:150]}")


if __name__ == "__main__":
    main()
