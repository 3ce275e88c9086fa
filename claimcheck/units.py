"""The one pint registry claimcheck uses.

Currencies are separate dimensions named by their ISO 4217 code: a report that mixes yuan and
dollars states two facts, and converting between them at some exchange rate would invent a third.
``percentage_point`` is its own dimension for the same reason: a difference of two rates is not a
rate. ``mu`` is defined explicitly because stock pint reads it as milli-atomic-mass-unit.
"""

from __future__ import annotations

import pint

__all__ = ["CURRENCIES", "ureg"]

#: ISO 4217 code -> names and signs that denote it in running text (lower-case, except signs).
CURRENCIES: dict[str, tuple[str, ...]] = {
    "CNY": ("yuan", "renminbi", "rmb", "cny", "¥", "元"),
    "USD": ("dollar", "dollars", "us dollar", "us dollars", "usd", "$", "us$", "u.s.$"),
    "EUR": ("euro", "euros", "eur", "€"),
    "GBP": ("pound", "pounds", "pounds sterling", "sterling", "gbp", "£"),
    "JPY": ("yen", "jpy", "円"),
    "HKD": ("hong kong dollar", "hong kong dollars", "hkd", "hk$"),
    "INR": ("rupee", "rupees", "inr", "₹"),
    "KRW": ("won", "krw", "₩"),
    "CHF": ("swiss franc", "swiss francs", "chf"),
    "CAD": ("canadian dollar", "canadian dollars", "cad", "c$"),
    "AUD": ("australian dollar", "australian dollars", "aud", "a$"),
}

_DEFINITIONS = [
    *(f"{code} = [currency_{code}]" for code in CURRENCIES),
    "percentage_point = [percentage_point] = _ = percentage_points",
    # Chinese land unit: 1/15 hectare.
    "mu = 10000 / 15 * meter ** 2",
    # Floating-point operations per second; SI prefixes make EFLOPS, PFLOPS ...
    "FLOPS = [computation]",
]


def _build() -> pint.UnitRegistry:
    reg = pint.UnitRegistry(on_redefinition="raise", cache_folder=None)
    for line in _DEFINITIONS:
        reg.define(line)
    return reg


#: The registry every quantity claimcheck returns belongs to.
ureg: pint.UnitRegistry = _build()


_SHORT_PREFIXED = {"FLOPS"}


def canonical_unit(unit: str | pint.Unit) -> str:
    """The unit string a ``Claim`` stores: pint's long name, except prefixed FLOPS (``EFLOPS``).

    >>> canonical_unit("MW")
    'megawatt'
    >>> canonical_unit("EFLOPS")
    'EFLOPS'
    >>> canonical_unit("")
    ''
    """
    if unit in ("", None):
        return ""
    u = ureg.Unit(unit) if isinstance(unit, str) else unit
    if u.dimensionless and not str(u):
        return ""
    long = str(u)
    if long == "ton":
        return "short_ton"  # pint's "ton" is the US short ton; say so where a reader can see it
    for base in _SHORT_PREFIXED:
        if long.endswith(base) and long != base:
            return format(u, "~").replace(" ", "")
    return long
