"""Run the scanner against quantulum3's public test suite of quantity expressions.

    pip install -e '.[bench]'
    python benchmarks/number_suite.py [-v]

Reads ``quantulum3/_lang/en_US/tests/quantities.json`` from the installed package (not copied
here) and reports, per expected quantity, whether claimcheck found it with the same value and
unit (compared in pint base units; currencies by ISO code). Units quantulum3 knows and pint
does not are compared by value only and counted separately.
"""

from __future__ import annotations

import json
import math
import sys
from importlib import resources

import attrs

from claimcheck import ureg
from claimcheck.numbers import scan

_CURRENCY = {"pound sterling": "GBP", "united states dollar": "USD", "euro": "EUR",
             "japanese yen": "JPY", "dollar": "USD", "renminbi": "CNY", "yuan": "CNY",
             "indian rupee": "INR"}  # fmt: skip
#: Sub-units and counting words quantulum3 keeps as units: name -> (unit, factor).
_SCALED = {"cent": ("USD", 0.01), "penny": ("GBP", 0.01), "dozen": ("", 12.0)}
_ALIASES = {"metre": "meter", "kilometre": "kilometer", "centimetre": "centimeter",
            "millimetre": "millimeter", "litre": "liter", "tonne": "metric_ton",
            "degree celsius": "degC", "degree fahrenheit": "degF", "percentage": "percent",
            "dimensionless": "", "square metre": "meter**2", "cubic metre": "meter**3"}  # fmt: skip


def _base(value: float, unit: str):
    try:
        q = ureg.Quantity(value, unit or "dimensionless")
        return q.to_base_units()
    except Exception:
        return None


def main(verbose: bool) -> None:
    path = resources.files("quantulum3") / "_lang" / "en_US" / "tests" / "quantities.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    found = value_ok = unit_ok = total = unknown_unit = 0
    for case in cases:
        got = list(scan(case["req"]))
        for exp in case["res"]:
            total += 1
            name = exp["unit"].lower()
            code = _CURRENCY.get(name)
            expected = float(exp["value"])
            if name in _SCALED:
                code, factor = _SCALED[name]
                expected *= factor
            unit = code if code is not None else _ALIASES.get(name, name.replace(" ", "_"))
            want = _base(expected, unit)
            exp = {**exp, "value": expected}
            match = None
            at = case["req"].find(exp["surface"])
            span = (at, at + len(exp["surface"]))
            for k, m in enumerate(got):
                if at >= 0 and m.start < span[1] and span[0] < m.end:
                    match = m
                    nxt = got[k + 1] if k + 1 < len(got) else None
                    if m.bound == "low" and nxt is not None and nxt.text in exp["surface"]:
                        # quantulum3 states a range by its midpoint; claimcheck keeps both ends
                        match = attrs.evolve(m, value=(m.value + nxt.value) / 2)
                    break
            if match is None:
                if verbose:
                    print(f"MISSED {exp['surface']!r} in {case['req']!r}")
                continue
            found += 1
            if math.isclose(match.signed_value, float(exp["value"]), rel_tol=1e-6) or (
                want is not None
                and (have := _base(match.signed_value, match.unit)) is not None
                and have.dimensionality == want.dimensionality
                and math.isclose(have.magnitude, want.magnitude, rel_tol=1e-3)
            ):
                value_ok += 1
            elif verbose:
                print(f"VALUE  {exp['surface']!r}: got {match.value} {match.unit!r}, "
                      f"want {exp['value']} {exp['unit']!r}")  # fmt: skip
            if want is None:
                unknown_unit += 1
                continue
            have = _base(match.signed_value, match.unit)
            if have is not None and have.dimensionality == want.dimensionality:
                unit_ok += 1
            elif verbose:
                print(f"UNIT   {exp['surface']!r}: got {match.unit!r}, want {exp['unit']!r}")
    print(f"quantulum3 suite: {total} expected quantities in {len(cases)} sentences")
    print(f"  found (overlapping span): {found}/{total} = {found / total:.3f}")
    print(f"  value right:              {value_ok}/{total} = {value_ok / total:.3f}")
    known = total - unknown_unit
    print(f"  unit dimension right:     {unit_ok}/{known} = {unit_ok / known:.3f} "
          f"({unknown_unit} expected units pint does not know)")  # fmt: skip


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
