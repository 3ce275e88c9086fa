"""Extraction and audit throughput on the bundled transcript, side by side with quantulum3.

    pip install -e '.[bench]'          # quantulum3, only for this comparison
    python benchmarks/bench_extract.py

Prints claimcheck's extraction throughput (MB/s, one core) on the transcript repeated to about
1 MB, quantulum3's on the transcript itself in the same run, the speed ratio, and the cost of
``audit`` relative to ``extract`` on the transcript. Nothing here asserts a time limit.
"""

from __future__ import annotations

import warnings

from _common import best_of, mb, repeated, transcript

from claimcheck.auditing import run_checks
from claimcheck.document import Document
from claimcheck.extraction import extract_document


def main() -> None:
    text = transcript()
    big = repeated(text, 1_000_000)
    t_big = best_of(lambda: extract_document(Document(big)), repeat=3)
    n_big = len(extract_document(Document(big)))
    print(f"claimcheck extract {mb(big):5.2f} MB: {t_big:6.3f} s  {mb(big) / t_big:6.2f} MB/s  "
          f"{n_big} claims")  # fmt: skip

    t_one = best_of(lambda: extract_document(Document(text)), repeat=5)
    claims = extract_document(Document(text))
    t_checks = best_of(lambda: run_checks(text, claims), repeat=5)
    print(f"claimcheck extract transcript ({mb(text):.3f} MB): {t_one:6.3f} s")
    print(f"claimcheck audit   transcript: {t_one + t_checks:6.3f} s "
          f"= {(t_one + t_checks) / t_one:.2f}x extraction")  # fmt: skip

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        print("quantulum3 not installed: pip install -e '.[bench]' for the side-by-side ratio")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("warm up 5 kg")  # load its tables before timing
        t_q = best_of(lambda: parser.parse(text), repeat=1)
        n_q = len(parser.parse(text))
    print(f"quantulum3 parse   transcript ({mb(text):.3f} MB): {t_q:6.3f} s  "
          f"{mb(text) / t_q:6.3f} MB/s  {n_q} quantities")  # fmt: skip
    print(f"claimcheck is {t_q / t_one:.0f}x faster than quantulum3 on the same text")


if __name__ == "__main__":
    main()
