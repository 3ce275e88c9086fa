"""Scanner throughput on the bundled transcript repeated to 1 MB and 10 MB.

    python benchmarks/bench_scanner.py

Prints MB/s for each size and the cost ratio 10 MB / 1 MB (linear cost is about 10x; the issue's
bound is 12x). A benchmark, not a test: nothing here asserts a wall-clock limit.
"""

from __future__ import annotations

from _common import best_of, mb, repeated, transcript

from claimcheck.numbers import scan


def main() -> None:
    base = transcript()
    rows = []
    for size in (1_000_000, 10_000_000):
        text = repeated(base, size)
        seconds = best_of(lambda text=text: sum(1 for _ in scan(text)), repeat=3)
        count = sum(1 for _ in scan(text))
        rows.append((mb(text), seconds, count))
        print(f"scan {mb(text):6.2f} MB: {seconds:7.3f} s  {mb(text) / seconds:7.2f} MB/s  "
              f"{count} mentions")  # fmt: skip
    (m1, t1, _), (m10, t10, _) = rows
    print(f"cost ratio 10 MB / 1 MB: {t10 / t1:.2f}x for {m10 / m1:.2f}x the text")


if __name__ == "__main__":
    main()
