"""Vocabulary of the scanner: scale words, units, currencies, qualifiers and directions.

Units are a closed list on purpose: pint parses many English words as units ("a" is a year,
"at" an atmosphere, "are" 100 m2), so free text never reaches pint without passing this list.
"tons" are metric tonnes (the usage of the statistical offices this tool reads); "short ton" and
"long ton" are honoured when the text says so.
"""

from __future__ import annotations

import re

from ..units import CURRENCIES

#: Scale words folded into the value ("4.089 million" -> 4089000). Lower-case keys.
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
#: Abbreviated scales, case-sensitive where case matters ("m" million vs "M" mega in units).
SCALE_ABBR: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "M": 1e6,
    "bn": 1e9, "b": 1e9, "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "T": 1e12,
}  # fmt: skip

# Long unit names (matched case-insensitively, singular or plural) -> pint unit.
_LONG_UNITS: dict[str, str] = {
    # power and energy
    "watt": "watt", "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt",
    "terawatt": "terawatt", "kilowatt-hour": "kilowatt_hour", "kilowatt hour": "kilowatt_hour",
    "megawatt-hour": "megawatt_hour", "megawatt hour": "megawatt_hour",
    "gigawatt-hour": "gigawatt_hour", "gigawatt hour": "gigawatt_hour",
    "terawatt-hour": "terawatt_hour", "terawatt hour": "terawatt_hour",
    "joule": "joule", "kilojoule": "kilojoule", "megajoule": "megajoule",
    "british thermal unit": "btu", "horsepower": "horsepower",
    # length, area, volume
    "meter": "meter", "metre": "meter", "kilometer": "kilometer", "kilometre": "kilometer",
    "centimeter": "centimeter", "centimetre": "centimeter", "millimeter": "millimeter",
    "millimetre": "millimeter", "nanometer": "nanometer", "nanometre": "nanometer",
    "micrometer": "micrometer", "micron": "micrometer", "mile": "mile", "nautical mile": "nautical_mile",
    "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch", "yard": "yard",
    "square meter": "meter**2", "square metre": "meter**2", "square kilometer": "kilometer**2",
    "square kilometre": "kilometer**2", "square mile": "mile**2", "square foot": "foot**2",
    "square feet": "foot**2", "hectare": "hectare", "acre": "acre", "mu": "mu",
    "cubic meter": "meter**3", "cubic metre": "meter**3", "liter": "liter", "litre": "liter",
    "milliliter": "milliliter", "millilitre": "milliliter", "gallon": "gallon",
    "barrel": "oil_barrel",
    # mass
    "gram": "gram", "kilogram": "kilogram", "milligram": "milligram",
    "ton": "metric_ton", "tonne": "metric_ton", "metric ton": "metric_ton",
    "metric tonne": "metric_ton", "short ton": "short_ton", "long ton": "long_ton",
    # time
    "second": "second", "millisecond": "millisecond", "microsecond": "microsecond",
    "nanosecond": "nanosecond", "minute": "minute", "hour": "hour", "day": "day",
    "week": "week", "month": "month", "year": "year",
    # data and frequency
    "bit": "bit", "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte",
    "gigabyte": "gigabyte", "terabyte": "terabyte", "petabyte": "petabyte",
    "cup": "cup", "tablespoon": "tablespoon", "teaspoon": "teaspoon", "kelvin": "kelvin",
    "electronvolt": "electron_volt", "electron volt": "electron_volt", "watt-hour": "watt_hour",
    "watt hour": "watt_hour", "hertz": "hertz", "kilohertz": "kilohertz", "megahertz": "megahertz", "gigahertz": "gigahertz",
    # temperature and speed
    "degree celsius": "degree_Celsius", "degrees celsius": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit", "degrees fahrenheit": "degree_Fahrenheit",
    "kilometers per hour": "kilometer/hour", "kilometres per hour": "kilometer/hour",
    "miles per hour": "mile/hour",
    # computation
    "flops": "FLOPS", "exaflops": "EFLOPS", "petaflops": "PFLOPS", "teraflops": "TFLOPS",
    "gigaflops": "GFLOPS",
}  # fmt: skip

# Symbols, matched case-sensitively and only as whole tokens.
_SYMBOL_UNITS: dict[str, str] = {
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt",
    "kWh": "kilowatt_hour", "MWh": "megawatt_hour", "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour", "kwh": "kilowatt_hour",
    "km": "kilometer", "cm": "centimeter", "mm": "millimeter", "nm": "nanometer",
    "km2": "kilometer**2", "km²": "kilometer**2", "m2": "meter**2", "m²": "meter**2",
    "m3": "meter**3", "m³": "meter**3", "ha": "hectare",
    "kg": "kilogram", "mg": "milligram", "g": "gram", "t": "metric_ton", "kt": "kilotonne",
    "Mt": "megatonne", "Gt": "gigatonne",
    "ms": "millisecond", "μs": "microsecond", "µs": "microsecond", "ns": "nanosecond",
    "s": "second", "sec": "second", "min": "minute", "hrs": "hour", "hr": "hour", "h": "hour",
    "KB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "PB": "petabyte",
    "Gbps": "gigabit/second", "Mbps": "megabit/second", "Kbps": "kilobit/second",
    "Tbps": "terabit/second", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz",
    "GHz": "gigahertz", "°C": "degree_Celsius", "°F": "degree_Fahrenheit",
    "km/h": "kilometer/hour", "kph": "kilometer/hour", "mph": "mile/hour", "m/s": "meter/second",
    "FLOPS": "FLOPS", "EFLOPS": "EFLOPS", "PFLOPS": "PFLOPS", "TFLOPS": "TFLOPS",
    "GFLOPS": "GFLOPS", "Eflops": "EFLOPS", "Pflops": "PFLOPS",
    "tbsp": "tablespoon", "tsp": "teaspoon", "eV": "electron_volt", "keV": "kiloelectron_volt", "MeV": "megaelectron_volt",
    "GeV": "gigaelectron_volt", "TeV": "teraelectron_volt", "Wh": "watt_hour",
    "L": "liter", "mL": "milliliter", "ml": "milliliter", "cl": "centiliter", "kl": "kiloliter",
    "sq mi": "mile**2", "sq ft": "foot**2", "μm": "micrometer", "µm": "micrometer",
    "GW·h": "gigawatt_hour", "kWp": "kilowatt", "MWp": "megawatt",
    "bbl": "oil_barrel", "lb": "pound", "lbs": "pound", "oz": "ounce", "ft": "foot", "mi": "mile",
    "sq km": "kilometer**2", "sq m": "meter**2",
}  # fmt: skip

#: Month names and their abbreviations, for the regexes that must not read dates as figures.
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"

#: Unit words that also name the "pound" currency: read as GBP when a scale word precedes them.
MONEY_OR_MASS = {"pound", "pounds"}

#: Words (any case) and signs naming currencies, mapped to ISO codes.
CURRENCY_WORDS: dict[str, str] = {}
for _code, _names in CURRENCIES.items():
    for _n in _names:
        CURRENCY_WORDS[_n] = _code
#: Sub-units: "9 cents" is 0.09 USD.
SUBUNITS: dict[str, tuple[str, float]] = {
    "cent": ("USD", 0.01), "cents": ("USD", 0.01), "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
    "fen": ("CNY", 0.01), "jiao": ("CNY", 0.1),
}  # fmt: skip

QUALIFIERS: dict[str, str] = {
    # more_than
    "over": "more_than", "more than": "more_than", "exceeded": "more_than",
    "exceeding": "more_than", "exceed": "more_than", "exceeds": "more_than",
    "above": "more_than", "greater than": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "upward of": "more_than", "well over": "more_than",
    "just over": "more_than", "well above": "more_than", "surpassed": "more_than",
    "surpassing": "more_than", "topped": "more_than", "north of": "more_than",
    "higher than": "more_than",
    # less_than
    "less than": "less_than", "under": "less_than", "below": "less_than",
    "fewer than": "less_than", "just under": "less_than", "short of": "less_than",
    "lower than": "less_than",
    # about
    "nearly": "about", "almost": "about", "close to": "about", "about": "about",
    "around": "about", "approximately": "about", "approx.": "about", "some": "about",
    "roughly": "about", "approach": "about", "approaching": "about", "approaches": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "c.": "about",
    "about a": "about", "nigh on": "about", "an average of": "about",
    # at_least
    "at least": "at_least", "no less than": "at_least", "not less than": "at_least",
    "no fewer than": "at_least", "a minimum of": "at_least", "minimum of": "at_least",
    # at_most
    "at most": "at_most", "up to": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most", "as many as": "at_most",
    "as much as": "at_most", "not exceeding": "at_most", "maximum of": "at_most",
}  # fmt: skip
#: Qualifiers written after the figure: "50 or more".
POST_QUALIFIERS: dict[str, str] = {
    "or more": "at_least", "or above": "at_least", "and above": "at_least",
    "or higher": "at_least", "and over": "at_least", "or over": "at_least",
    "plus": "at_least", "or less": "at_most", "or fewer": "at_most", "or below": "at_most",
    "or so": "about",
}  # fmt: skip

# Direction words immediately before the figure (optionally followed by "by"/"of").
_UP = [
    "up",
    "increased",
    "increase",
    "increases",
    "increasing",
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "gained",
    "gain",
    "gains",
    "added",
    "adding",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "soared",
    "climbed",
    "climb",
    "widened",
    "expanded",
    "higher",
    "raised",
    "boosted",
    "accelerated",
]
_DOWN = [
    "down",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "declined",
    "decline",
    "declines",
    "declining",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "lost",
    "losing",
    "shrank",
    "shrunk",
    "shrink",
    "contracted",
    "contraction",
    "narrowed",
    "narrowing",
    "lower",
    "reduced",
    "cut",
    "slipped",
    "slid",
    "slumped",
    "plunged",
    "eased",
    "edged-down",
    "subtracted",
    "detracted",
    "shaved",
]
DIRECTION_WORDS: dict[str, int] = {**dict.fromkeys(_UP, 1), **dict.fromkeys(_DOWN, -1)}
#: Nouns of change: "an increase of 4.4%", "a 5.8% year-on-year increase".
CHANGE_NOUNS: dict[str, int] = {
    "increase": 1, "rise": 1, "growth": 1, "gain": 1, "jump": 1, "surge": 1, "expansion": 1,
    "decrease": -1, "decline": -1, "fall": -1, "drop": -1, "reduction": -1, "contraction": -1,
    "loss": -1, "cut": -1, "slump": -1,
}  # fmt: skip


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first, with flexible inner whitespace and hyphens."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\-", "\x00").replace(r"\ ", r"[\s\-]+")
        esc = esc.replace("\x00", r"[\s\-]?")
        parts.append(esc)
    return "|".join(parts)


def _plural_forms(name: str) -> list[str]:
    if name.endswith(("s", "feet", "inches")) or name in ("mu", "horsepower"):
        return [name]
    if " per " in name:
        return [name]
    if name.endswith("y") and name[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [name, name[:-1] + "ies"]
    if name.endswith(("ch", "sh")):
        return [name, name + "es"]
    return [name, name + "s"]


LONG_UNIT_LOOKUP: dict[str, str] = {}
for _name, _unit in _LONG_UNITS.items():
    for _form in _plural_forms(_name):
        LONG_UNIT_LOOKUP[_form] = _unit
SYMBOL_UNIT_LOOKUP: dict[str, str] = dict(_SYMBOL_UNITS)
# SI-prefixed symbols ("14 mGy", "5 kPa", "230 kV", "2 µg"): generated rather than listed, and
# only with a prefix, so a bare capital letter ("Class 3 A") is never read as a unit.
_SI_PREFIXES = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli", "µ": "micro",
                "μ": "micro", "n": "nano", "h": "hecto"}  # fmt: skip
_SI_BASES = {"Gy": "gray", "Sv": "sievert", "Bq": "becquerel", "Pa": "pascal", "J": "joule",
             "N": "newton", "V": "volt", "A": "ampere", "Ω": "ohm", "g": "gram", "L": "liter",
             "W": "watt", "Wh": "watt_hour", "Hz": "hertz", "eV": "electron_volt",
             "VA": "volt_ampere", "var": "volt_ampere"}  # fmt: skip
#: Prefixed symbols that are more often something else: states, degrees, "TV", "ML" models.
_SI_CLASHES = frozenset("MA GA TA ML MN TN TV MV GV Mg TL GN".split())
for _sym, _base in _SI_BASES.items():
    if len(_sym) > 1:
        SYMBOL_UNIT_LOOKUP.setdefault(_sym, _base)
    for _p, _pname in _SI_PREFIXES.items():
        if _p == "h" and _base != "pascal":
            continue  # hPa is common; "hg", "hL" are not, and "5 hV" reads as a typo
        if _p + _sym not in _SI_CLASHES:
            SYMBOL_UNIT_LOOKUP.setdefault(_p + _sym, _pname + _base)

LONG_UNIT_RE = _alternation(list(LONG_UNIT_LOOKUP))
SYMBOL_UNIT_RE = "|".join(re.escape(s) for s in sorted(SYMBOL_UNIT_LOOKUP, key=len, reverse=True))


def normalize_key(s: str) -> str:
    """Lower-case and collapse whitespace/hyphen runs to one space, for dictionary lookups."""
    return re.sub(r"[\s\-]+", " ", s.strip().lower())


LONG_UNIT_KEYS: dict[str, str] = {normalize_key(k): v for k, v in LONG_UNIT_LOOKUP.items()}
QUALIFIER_KEYS: dict[str, str] = {normalize_key(k): v for k, v in QUALIFIERS.items()}
