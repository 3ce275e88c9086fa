"""Arithmetic check families: share, difference, part_whole, subset, growth, granularity, derived.

Claims are built by hand (the extractor is tested elsewhere): a figure is marked in a sentence as
``[8.316 million|subject=production of NEVs]``; the factory parses value, unit and resolution from
the surface text as a writer printed it and lays out offsets, sentences and paragraphs exactly as
the extractor would.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

from claimcheck.checks import CHECKS, CheckContext, load_builtin_checks
from claimcheck.checks import _subjects as share_mod
from claimcheck.claim import KINDS, QUALIFIERS, Claim
from claimcheck.intervals import resolution_of
from claimcheck.report import Finding

load_builtin_checks()

# --- the factory ----------------------------------------------------------------------------

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(r"\[([^\]|]+)((?:\|[^\]]*)?)\]")
_NUMBER = re.compile(r"([+\-−]?)(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(thousand|million|billion|trillion)?")


def _parse(surface: str) -> tuple[float, str, float]:
    """Value, unit and resolution of a figure as printed ("8.316 million" -> 8316000, "", 1000)."""
    m = _NUMBER.search(surface)
    assert m, surface
    sign, digits, scale = m.groups()
    step = Decimal(str(resolution_of(digits)))
    value = Decimal(digits.replace(",", ""))
    mult = Decimal(str(_SCALES.get(scale or "", 1)))
    low = surface.lower()
    unit = ""
    if "percentage point" in low:
        unit = "percentage_point"
    elif "%" in low or "percent" in low or "per cent" in low:
        unit = "percent"
    elif "$" in surface or "dollar" in low or "cent" in low:
        unit = "USD"
        if re.search(r"\bcents?\b", low):
            mult /= 100
    elif "£" in surface:
        unit = "GBP"
    elif "yuan" in low:
        unit = "CNY"
    elif "hour" in low:
        unit = "hour"
    v = value * mult * (-1 if sign in "-−" and sign else 1)
    return float(v), unit, float(step * mult)


class Doc:
    """A document assembled paragraph by paragraph; ``ctx`` is what a check receives."""

    def __init__(self) -> None:
        self.text = ""
        self.claims: list[Claim] = []
        self._para = 0

    def para(self, *sentences: str) -> Doc:
        if self.text:
            self.text += "\n\n"
            self._para += 1
        for i, marked in enumerate(sentences):
            if i:
                self.text += " "
            self._sentence(marked)
        return self

    def _sentence(self, marked: str) -> None:
        plain = _FIGURE.sub(lambda m: m.group(1), marked)
        s_start = len(self.text)
        self.text += plain
        s_end = len(self.text)
        shift = 0
        for m in _FIGURE.finditer(marked):
            surface, attrs_text = m.group(1), m.group(2)
            start = s_start + m.start() - shift
            shift += len(m.group(0)) - len(surface)
            self.claims.append(self._claim(surface, attrs_text, start, s_start, s_end, plain))

    def _claim(
        self, surface: str, attrs_text: str, start: int, s_start: int, s_end: int, sentence: str
    ) -> Claim:
        value, unit, resolution = _parse(surface)
        fields: dict[str, object] = {"kind": "level", "qualifier": "exact", "subject": ""}
        low = surface.lower()
        if re.match(r"(?:over|more than|above)\b", low):
            fields["qualifier"] = "more_than"
        elif re.match(r"(?:about|nearly|around|approximately)\b", low):
            fields["qualifier"] = "about"
        for item in filter(None, attrs_text.split("|")):
            key, eq, val = item.partition("=")
            if not eq:
                if key in KINDS:
                    fields["kind"] = key
                elif key in QUALIFIERS:
                    fields["qualifier"] = key
                elif key == "neg":
                    value = -value
                else:
                    raise ValueError(f"unknown flag {key!r}")
            elif key == "period":
                a, _, b = val.partition("..")
                fields["period_start"], fields["period_end"] = a or None, b or None
            elif key in ("value", "resolution"):
                value = float(val) if key == "value" else value
                resolution = float(val) if key == "resolution" else resolution
            else:
                fields[key] = val
        fields.setdefault("unit", unit)
        return Claim(
            id=f"c{len(self.claims) + 1:04d}",
            start=start,
            end=start + len(surface),
            text=surface,
            line=1,
            column=start + 1,
            value=value,
            resolution=resolution,
            sentence=sentence,
            sentence_start=s_start,
            sentence_end=s_end,
            paragraph=self._para,
            **fields,  # type: ignore[arg-type]
        )

    @property
    def ctx(self) -> CheckContext:
        for c in self.claims:
            assert self.text[c.start : c.end] == c.text
        return CheckContext(text=self.text, claims=tuple(self.claims))

    def run(self, name: str) -> list[Finding]:
        return list(CHECKS[name](self.ctx))

    def claim(self, surface: str) -> Claim:
        return next(c for c in self.claims if c.text == surface)


def doc(*sentences: str) -> Doc:
    """One paragraph of sentences."""
    return Doc().para(*sentences)


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


Q3 = "period=2024-01-01..2024-09-30"
H1 = "period=2024-01-01..2024-06-30"


def test_factory_lays_out_offsets() -> None:
    d = doc("Exports reached [4.312 million|subject=vehicles exported] vehicles.", "Next [5%].")
    c = d.claims[0]
    assert (c.value, c.unit, c.resolution) == (4312000.0, "", 1000.0)
    assert d.text[c.sentence_start : c.sentence_end] == c.sentence
    assert _parse("9 cents") == (0.09, "USD", 0.01)
    assert _parse("over 90%")[1:] == ("percent", 1.0)


def test_every_family_is_registered() -> None:
    for name in ("share", "difference", "part_whole", "subset", "growth", "granularity", "derived"):
        assert name in CHECKS


# ============================================================================================
# share
# ============================================================================================

NEV = (
    f"In the first three quarters, production of NEVs reached [8.316 million|subject=production "
    f"of NEVs|{Q3}] vehicles, and NEVs accounted for [{{share}}|share|subject=NEVs|whole=vehicles "
    f"produced|{Q3}] of the [21.47 million|subject=vehicles produced|{Q3}] vehicles produced."
)


def test_share_holds() -> None:
    found = doc(NEV.format(share="38.7%")).run("share")
    assert rules(found) == ["CC201"]
    f = found[0]
    assert f.severity == "info" and f.slip == 0.0
    assert "8.316 million / 21.47 million = 38.73%" in f.message
    assert f.observed == 38.7 and f.expected == pytest.approx(38.733, abs=1e-3)


def test_share_contradiction_is_an_error_however_small() -> None:
    (f,) = doc(NEV.format(share="38.9%")).run("share")
    assert (f.rule, f.severity, f.gross) == ("CC202", "error", False)
    assert f.slip == pytest.approx(38.85 - 38.7445, abs=1e-3)
    assert "8.316 million / 21.47 million" in f.message and "beyond rounding" in f.message


def test_share_contradiction_across_half_is_gross() -> None:
    (f,) = doc(NEV.format(share="52.1%")).run("share")
    assert f.rule == "CC202" and f.gross


def test_share_threshold_qualifier_contradicted_is_gross() -> None:
    (f,) = doc(NEV.format(share="more than 40%")).run("share")
    assert f.rule == "CC202" and f.gross


def test_share_rounding_edge_does_not_error() -> None:
    # 8.316 / 21.47 = 38.733%, and 38.77% rounds from [38.765, 38.775]: too far. But the part and
    # the whole are rounded too: 8.3165 / 21.465 = 38.744%, so "38.74%" must hold.
    assert rules(doc(NEV.format(share="38.74%")).run("share")) == ["CC201"]
    assert rules(doc(NEV.format(share="39%")).run("share")) == ["CC201"]


def test_share_finds_part_by_subject_in_adjacent_sentence() -> None:
    d = doc(
        f"Production of NEVs reached [8.316 million|subject=production of NEVs|{Q3}] vehicles.",
        f"That is [38.7%|share|subject=NEVs|whole=vehicles produced|{Q3}] of all "
        f"vehicles produced, which totalled [21.47 million|subject=vehicles produced|{Q3}].",
    )
    assert rules(d.run("share")) == ["CC201"]


def test_share_quiet_for_different_periods() -> None:
    d = doc(
        f"Production of NEVs reached [8.316 million|subject=production of NEVs|{H1}] vehicles, "
        f"and NEVs accounted for [38.7%|share|subject=NEVs|whole=vehicles produced|{Q3}] of the "
        f"[21.47 million|subject=vehicles produced|{Q3}] vehicles produced."
    )
    assert rules(d.run("share")) == []


def test_share_quiet_for_unrelated_subjects() -> None:
    d = doc(
        "Registered users exceeded [600 million|subject=registered users], and Mobile IoT "
        "terminal users now account for [59.2%|share|subject=Mobile IoT terminal users|"
        "whole=total users] of total users."
    )
    assert errors(d.run("share")) == []
    assert rules(d.run("share")) == []


def test_share_implied_from_part_and_whole() -> None:
    d = doc(
        f"Vehicle production reached [21.47 million|subject=vehicles produced|{Q3}], with "
        f"[8.316 million|subject=NEVs produced|{Q3}] NEVs produced."
    )
    (f,) = d.run("share")
    assert f.rule == "CC203" and f.severity == "info"
    assert "8.316 million / 21.47 million = 38.73%" in f.message


def test_phrase_normalization() -> None:
    p = share_mod.phrase
    assert share_mod.same_thing(p("vehicles produced"), p("vehicle production"))
    assert share_mod.covers(p("production of NEVs"), p("NEVs"))
    assert not share_mod.covers(p("vehicles produced"), p("NEVs"))
    assert share_mod.part_of(p("5G base stations"), p("base stations")) == "kind"
    assert share_mod.part_of(p("gigabit broadband users"), p("broadband users")) == "kind"
    assert share_mod.part_of(p("high-tech manufacturing"), p("manufacturing")) == "kind"
    assert share_mod.part_of(p("new energy passenger vehicles"), p("NEVs")) == "kind"
    assert share_mod.part_of(p("NEVs"), p("automobiles")) == "kind"
    assert share_mod.part_of(p("vehicles"), p("NEVs")) is None
    assert share_mod.part_of(p("electric vehicles"), p("electronic vehicles")) is None


# ============================================================================================
# difference
# ============================================================================================


def _electronics(diff: str, industrial: str = "5.8%", period: str = Q3) -> Doc:
    return (
        Doc()
        .para(
            f"In the first three quarters, the added value of industrial enterprises above designated "
            f"size increased by [{industrial}|change|subject=value added of industrial enterprises "
            f"above designated size|basis=year on year|{period}] year on year."
        )
        .para(
            f"From January to September, the added value of electronic information manufacturing "
            f"industry above designated size increased by [12.8%|change|subject=added value of "
            f"electronic information manufacturing industry above designated size|basis=year on year"
            f"|{Q3}] year on year, [{diff}|difference] higher than the industrial growth in the same "
            f"period.",
            f"The added value of the automobile industry increased by [7.9%|change|subject=added "
            f"value of the automobile industry|basis=year on year|{Q3}] year on year.",
        )
    )


def test_difference_holds() -> None:
    (f,) = _electronics("7 percentage points").run("difference")
    assert (f.rule, f.severity) == ("CC301", "info")
    assert "12.8% − 5.8% = 7 percentage points" in f.message
    assert f.expected == pytest.approx(7.0)


def test_difference_contradiction() -> None:
    (f,) = _electronics("9 percentage points").run("difference")
    assert (f.rule, f.severity, f.gross) == ("CC302", "error", False)
    assert f.slip == pytest.approx(8.5 - 7.1, abs=1e-9)


def test_difference_sign_flip_is_gross() -> None:
    (f,) = _electronics("2 percentage points", industrial="14.1%").run("difference")
    assert f.rule == "CC302" and f.gross


def test_difference_rounding_edge() -> None:
    # 12.8 - 6.3 = 6.5, but [12.75, 12.85] - [6.25, 6.35] = [6.4, 6.6] meets "7" = [6.5, 7.5].
    assert rules(_electronics("7 percentage points", industrial="6.3%").run("difference")) == [
        "CC301"
    ]


def test_difference_other_period_is_not_the_comparison() -> None:
    found = _electronics("7 percentage points", period=H1).run("difference")
    assert rules(found) == ["CC303"]
    assert "12.8% − 7 percentage points = 5.8%" in found[0].message


def test_difference_absolute_in_one_sentence() -> None:
    d = doc(
        "Nonfarm payroll employment for January was revised to [+472,000|change|subject=change in "
        "nonfarm payroll employment], [32,000|difference] lower than the previously reported "
        "[+504,000|change|subject=change in nonfarm payroll employment]."
    )
    (f,) = d.run("difference")
    assert f.rule == "CC301" and f.observed == -32000
    bad = doc(d.text.replace("[", "").replace("]", ""))  # sanity: plain text has no claims
    assert bad.claims == []
    d2 = doc(
        "Nonfarm payroll employment for January was revised to [+472,000|change|subject=change "
        "in nonfarm payroll employment], [32,000|difference] higher than the previously reported "
        "[+504,000|change|subject=change in nonfarm payroll employment]."
    )
    (f2,) = d2.run("difference")
    assert f2.rule == "CC302" and f2.gross


# ============================================================================================
# part_whole
# ============================================================================================


def test_part_whole_of_which_holds() -> None:
    d = doc(
        f"Sales reached [21.571 million|subject=vehicles sold|{Q3}] vehicles, of which "
        f"[4.312 million|subject=vehicles exported|{Q3}] were exported."
    )
    (f,) = d.run("part_whole")
    assert (f.rule, f.severity) == ("CC401", "info")


def test_part_whole_part_above_whole() -> None:
    d = doc(
        f"Sales reached [21.571 million|subject=vehicles sold|{Q3}] vehicles, of which "
        f"[25 million|subject=vehicles exported|{Q3}] were exported."
    )
    (f,) = d.run("part_whole")
    assert (f.rule, f.severity, f.gross) == ("CC402", "error", True)
    assert f.slip == pytest.approx(24.5e6 - 21.5715e6)


def test_part_whole_parts_sum_past_total() -> None:
    d = doc(
        "The region received [12.4 million|subject=tourists] tourists, of which "
        "[7.1 million|subject=domestic tourists] were domestic and [5.6 million|subject="
        "foreign tourists] came from abroad."
    )
    (f,) = d.run("part_whole")
    assert (f.rule, f.severity, f.gross) == ("CC403", "error", False)
    assert "7.1 million + 5.6 million = 12.7 million" in f.message


def test_part_whole_majority_flip_is_gross() -> None:
    d = doc(
        "The fund holds [10 billion|subject=assets|unit=USD] dollars, of which "
        "[6 billion|subject=equities|unit=USD] in equities and [5.5 billion|subject=bonds|unit=USD]"
        " in bonds."
    )
    (f,) = d.run("part_whole")
    assert f.rule == "CC403" and f.gross


def test_part_whole_exhaustive_sum_short() -> None:
    d = doc(
        "The workforce of [5.2 million|subject=workers] workers, comprising "
        "[3.1 million|subject=men] men and [1.6 million|subject=women] women, grew."
    )
    (f,) = d.run("part_whole")
    assert f.rule == "CC404" and f.severity == "error"


def test_part_whole_rounding_edge() -> None:
    # 3.6 + 1.6 = 5.2 exactly; 3.64 + 1.64 = 5.28 prints as 3.6, 1.6 and 5.3 -- consistent.
    d = doc(
        "The workforce of [5.3 million|subject=workers] workers, comprising "
        "[3.6 million|subject=men] men and [1.6 million|subject=women] women, grew."
    )
    assert rules(d.run("part_whole")) == ["CC401"]


def test_part_whole_quiet_for_including() -> None:
    d = doc(
        "Emerging industries generated [2 trillion|subject=revenue|unit=CNY] yuan, including "
        "[1.5 trillion|subject=AI revenue|unit=CNY] yuan from AI and "
        "[0.9 trillion|subject=blockchain revenue|unit=CNY] yuan from blockchain."
    )
    assert d.run("part_whole") == []


def test_part_whole_together_after_parts() -> None:
    d = doc(
        "Exports were [3.2 billion|subject=exports|unit=GBP] pounds and imports "
        "[2.1 billion|subject=imports|unit=GBP] pounds, together [5.3 billion|subject=trade|"
        "unit=GBP] pounds."
    )
    assert rules(d.run("part_whole")) == ["CC401"]


def test_part_whole_shares_past_hundred() -> None:
    d = doc(
        "Fibre users accounted for [60%|share|subject=fibre users|whole=total users] and cable "
        "users for [55%|share|subject=cable users|whole=total users] of total users."
    )
    (f,) = d.run("part_whole")
    assert (f.rule, f.severity, f.gross) == ("CC405", "error", True)
    ok = doc(
        "Fibre users accounted for [60%|share|subject=fibre users|whole=total users] and cable "
        "users for [35%|share|subject=cable users|whole=total users] of total users."
    )
    assert rules(ok.run("part_whole")) == ["CC401"]


# ============================================================================================
# subset
# ============================================================================================


def _phones(smart: str, mobile: str = "1.184 billion", *, smart_period: str = Q3) -> Doc:
    return doc(
        f"In the first nine months, [{mobile}|subject=mobile phones shipped|{Q3}] mobile phones "
        "were shipped.",
        f"China's smartphone shipments reached [{smart}|subject=China's smartphone shipments|"
        f"{smart_period}] units.",
    )


def test_subset_holds() -> None:
    (f,) = _phones("206 million").run("subset")
    assert (f.rule, f.severity) == ("CC501", "info")


def test_subset_violation_is_gross() -> None:
    (f,) = _phones("1.3 billion").run("subset")
    assert (f.rule, f.severity, f.gross) == ("CC502", "error", True)
    assert f.slip == pytest.approx(1.25e9 - 1.1845e9)


def test_subset_rounding_edge() -> None:
    # "1.2 billion" smartphones may be 1.15 billion: below "1.184 billion" phones, so no error;
    # "1.19 billion" is at least 1.185 billion, above any reading of 1.184 billion (<= 1.1845).
    assert rules(_phones("1.2 billion").run("subset")) == ["CC501"]
    assert rules(_phones("1.18 billion").run("subset")) == ["CC501"]
    assert rules(_phones("1.19 billion").run("subset")) == ["CC502"]
    assert rules(_phones("1.2 billion", mobile="1.144 billion").run("subset")) == ["CC502"]


def test_subset_exports_above_production_is_a_warning() -> None:
    d = doc(
        f"Production reached [4.1 million|subject=NEVs produced|{Q3}] NEVs, and "
        f"[4.3 million|subject=NEVs exported|{Q3}] NEVs were exported."
    )
    (f,) = d.run("subset")
    assert (f.rule, f.severity) == ("CC503", "warning")


def test_subset_quiet() -> None:
    assert _phones("1.3 billion", smart_period=H1).run("subset") == []
    averages = doc(
        "Average hourly earnings of all employees rose to [33.18 dollars|subject=average hourly "
        "earnings of employees|ratio], and for production employees to [34.50 dollars|subject="
        "average hourly earnings of production employees|ratio]."
    )
    assert averages.run("subset") == []
    unrelated = doc(
        "We built [4.089 million|subject=5G base stations] 5G base stations and connected "
        "[196 million|subject=gigabit broadband users] gigabit broadband users."
    )
    assert unrelated.run("subset") == []


# ============================================================================================
# growth
# ============================================================================================

EARNINGS = (
    "In March, average hourly earnings for all employees on private nonfarm payrolls rose by "
    "[{inc}|change|subject=average hourly earnings], or [{rate}|change|subject=average hourly "
    "earnings], to [{level}|ratio|subject=average hourly earnings]."
)


def test_growth_increment_rate_level_holds() -> None:
    d = doc(EARNINGS.format(inc="9 cents", rate="0.3 percent", level="$33.18"))
    (f,) = d.run("growth")
    assert (f.rule, f.severity) == ("CC601", "info")
    assert "0.09 USD / (33.18 USD − 0.09 USD) = 0.27%" in f.message


def test_growth_rate_contradiction_and_sign_flip() -> None:
    (f,) = doc(EARNINGS.format(inc="9 cents", rate="0.5 percent", level="$33.18")).run("growth")
    assert (f.rule, f.severity, f.gross) == ("CC602", "error", False)
    (g,) = doc(EARNINGS.format(inc="9 cents", rate="-0.3 percent", level="$33.18")).run("growth")
    assert g.rule == "CC602" and g.gross


def test_growth_rounding_edge() -> None:
    # 0.09 / 33.09 = 0.272%; with 8.5 cents on 33.1 it is 0.257%, so "0.26 percent" must hold.
    found = doc(EARNINGS.format(inc="9 cents", rate="0.26 percent", level="$33.18")).run("growth")
    assert rules(found) == ["CC601"]


def test_growth_revision_from_to() -> None:
    text = (
        "The change in total nonfarm payroll employment for January was revised down by "
        "[{c}|change|neg|subject=revision], from [+504,000|change|subject=change in employment]"
        " to [+472,000|change|subject=change in employment]."
    )
    (f,) = doc(text.format(c="32,000")).run("growth")
    assert (f.rule, f.severity, f.expected) == ("CC601", "info", -32000)
    (g,) = doc(text.format(c="23,000")).run("growth")
    assert (g.rule, g.gross) == ("CC602", False)
    assert g.slip == pytest.approx(9000 - 1, abs=1)


def test_growth_increment_without_rate_implies_previous_level() -> None:
    d = doc(
        "A total of [13|change|subject=Chinese enterprises added] Chinese enterprises were added "
        "to the Global Lighthouse Network, bringing the country's total number of \"lighthouse "
        'factories" to [72|subject=lighthouse factories].'
    )
    (f,) = d.run("growth")
    assert f.rule == "CC603" and f.expected == 59
    assert "72 − 13 = 59" in f.message


def test_growth_level_with_rate_implies_base() -> None:
    d = doc(
        "Revenue of the software industry reached [325.2 billion yuan|subject=revenue of the "
        "software industry], a year-on-year increase of [9.4%|change|basis=year on year]."
    )
    (f,) = d.run("growth")
    assert f.rule == "CC603"
    assert f.expected == pytest.approx(297.26e9, rel=1e-3)
    assert "a year earlier" in f.message


def test_growth_respectively_runs_pair_in_order() -> None:
    d = doc(
        f"Production and sales reached [21.47 million|subject=vehicles produced|{Q3}] vehicles "
        f"and [21.571 million|subject=vehicles sold|{Q3}] vehicles, respectively, up "
        f"[1.9%|change|{Q3}] and [2.4%|change|{Q3}] year on year, respectively."
    )
    found = d.run("growth")
    assert rules(found) == ["CC603", "CC603"]
    assert found[0].expected == pytest.approx(21.47e6 / 1.019)
    assert found[1].expected == pytest.approx(21.571e6 / 1.024)


def test_growth_direction_from() -> None:
    ok = doc(
        "The current account deficit was [£18.5 billion|subject=current account deficit] in "
        "Quarter 1 2014, down from a revised deficit of [£23.5 billion|subject=deficit] in "
        "Quarter 4 2013."
    )
    assert rules(ok.run("growth")) == ["CC601"]
    bad = doc(
        "The current account deficit was [£25.5 billion|subject=current account deficit] in "
        "Quarter 1 2014, down from a revised deficit of [£23.5 billion|subject=deficit] in "
        "Quarter 4 2013."
    )
    (f,) = bad.run("growth")
    assert (f.rule, f.gross) == ("CC602", True)


def test_growth_quiet_across_sentences_and_ranges() -> None:
    d = doc(
        "Earnings rose by [9 cents|change|subject=earnings].",
        "The average was [$33.18|ratio|subject=average hourly earnings].",
        "TVs ranging from [75|subject=inches] to [100|subject=inches] inches sold well.",
    )
    assert d.run("growth") == []


# ============================================================================================
# granularity
# ============================================================================================


def test_granularity_reachable_counts() -> None:
    d = doc(
        "Of the industrial sectors in [31|subject=provinces] provinces and equivalent "
        "administrative units, and [41|subject=major industrial categories] major industrial "
        "categories, [over 90%|share] experienced growth."
    )
    found = d.run("granularity")
    assert rules(found) == ["CC1201", "CC1201"]
    assert "28 to 31 of 31" in found[0].message
    assert "37 to 41 of 41" in found[1].message


def test_granularity_impossible_share() -> None:
    (f,) = doc("Growth was recorded in [33%|share] of [4|subject=regions] regions.").run(
        "granularity"
    )
    assert (f.rule, f.severity, f.gross) == ("CC1202", "error", False)
    assert f.expected == 25.0 and f.slip == pytest.approx(7.5)


def test_granularity_rounding_edge() -> None:
    # 2 of 3 is 66.67%: "67%" ([66.5, 67.5]) and "66.7%" hold; "66%" ([65.5, 66.5]) does not.
    for share, ok in (("67%", True), ("66.7%", True), ("66%", False)):
        found = doc(f"Of the [3|subject=plants] plants, [{share}|share] passed.").run("granularity")
        assert rules(found) == (["CC1201"] if ok else ["CC1202"]), share


def test_granularity_quiet() -> None:
    assert (
        doc("About [40%|share] of [about 300|subject=firms] firms grew.").run("granularity") == []
    )
    assert (
        doc("[33%|share] of firms grew, and [4|subject=regions] regions...").run("granularity")
        == []
    )
    assert doc("[33%|share] of [40,000|subject=firms] firms grew.").run("granularity") == []


# ============================================================================================
# derived
# ============================================================================================


def test_derived_implied_whole() -> None:
    d = doc(
        "A total of [13|change|subject=Chinese enterprises added] Chinese enterprises were added, "
        "bringing the country's total number of lighthouse factories to [72|resolution=0|"
        "subject=lighthouse factories], accounting for [42%|share|subject=lighthouse factories|whole=global total] of "
        "the global total."
    )
    (f,) = d.run("derived")
    assert f.rule == "CC1101" and f.severity == "info"
    # A count of factories is exact by nature (resolution 0): only the share is rounded.
    assert "72 / 42% = 171.4529 (169.4118 to 173.494)" in f.message
    assert d.run("share") == []


def test_derived_implied_part() -> None:
    d = doc(
        f"NEVs accounted for [38.7%|share|subject=NEVs|whole=vehicles produced|{Q3}] of the "
        f"[21.47 million|subject=vehicles produced|{Q3}] vehicles produced."
    )
    (f,) = d.run("derived")
    assert f.rule == "CC1102" and f.expected == pytest.approx(8.309e6, rel=1e-3)


def test_derived_quiet_when_share_check_has_both() -> None:
    assert doc(NEV.format(share="38.7%")).run("derived") == []


# ============================================================================================
# properties: rounding never errs; a real slip always does
# ============================================================================================


@st.composite
def stated(draw: st.DrawFn, true: float) -> tuple[str, float]:
    """``true`` printed as a writer would: 0-3 decimals, maybe with a scale word."""
    places = draw(st.integers(0, 3))
    scale_word = draw(
        st.sampled_from([w for w in ("", "thousand", "million") if _SCALES.get(w, 1) <= true])
    )
    scale = _SCALES.get(scale_word, 1.0)
    shown = round(Decimal(true) / Decimal(scale), places)
    text = f"{shown:,f}" + (f" {scale_word}" if scale_word else "")
    return text, float(shown) * scale


def _rel_res(text: str) -> float:
    value, _, res = _parse(text)
    return res / abs(value) if value else float("inf")


def _pct(x: float, places: int) -> str:
    return f"{round(Decimal(x), places):f}%"


@settings(max_examples=150, deadline=None)
@given(
    whole=st.integers(1_000, 10**9),
    frac=st.floats(0.01, 0.99),
    places=st.integers(0, 3),
    data=st.data(),
)
@example(whole=21_470_000, frac=8.316 / 21.47, places=1, data=None).via("NEV example")
def test_share_property(whole: int, frac: float, places: int, data: st.DataObject) -> None:
    if data is None:
        whole_text, part_text = "21.47 million", "8.316 million"
    else:
        whole_text, _ = data.draw(stated(whole))
        part_text, _ = data.draw(stated(round(whole * frac)))  # a count of vehicles
    assume(_parse(part_text)[0] > 0 and _parse(whole_text)[0] > 0)
    true_share = 100 * round(whole * frac) / whole
    text = (
        "Production of NEVs reached [{p}|subject=production of NEVs], and NEVs accounted for "
        "[{s}|share|subject=NEVs|whole=vehicles produced] of the [{w}|subject=vehicles produced] "
        "vehicles produced."
    )
    found = doc(text.format(p=part_text, s=_pct(true_share, places), w=whole_text)).run("share")
    assert rules(found) == ["CC201"]
    # A slip well beyond rounding: 10% off (relative) while part and whole are within 1%.
    off = true_share * 1.1 + 10**-places
    if _rel_res(part_text) > 0.01 or _rel_res(whole_text) > 0.01 or off > 100:
        return
    event("share perturbed")
    found = doc(text.format(p=part_text, s=_pct(off, places), w=whole_text)).run("share")
    assert rules(found) == ["CC202"]
    assert "c0002" in found[0].claims


@settings(max_examples=150, deadline=None)
@given(
    own=st.floats(-20, 40),
    other=st.floats(-20, 40),
    p1=st.integers(0, 3),
    p2=st.integers(0, 3),
    p3=st.integers(0, 3),
    perturb=st.floats(1.0, 10.0),
)
def test_difference_property(
    own: float, other: float, p1: int, p2: int, p3: int, perturb: float
) -> None:
    own_s = round(Decimal(own), p1)
    other_s = round(Decimal(other), p2)
    diff = own - other
    assume(abs(diff) > 0.1)
    word = "higher" if diff > 0 else "lower"

    def make(d: float) -> Doc:
        return (
            Doc()
            .para(
                f"Industrial growth was [{other_s:f}%|change|subject=added value of industrial "
                f"enterprises|{Q3}] in the first three quarters."
            )
            .para(
                f"Electronics grew by [{own_s:f}%|change|subject=added value of electronics "
                f"manufacturing|{Q3}], [{round(Decimal(abs(d)), p3):f} percentage points|difference] "
                f"{word} than the industrial growth in the same period."
            )
        )

    assert errors(make(diff).run("difference")) == []
    # Off by 1 to 10 points plus every rounding step: beyond rounding whatever the precision.
    slipped = abs(diff) + perturb + 1.5
    (f,) = make(slipped if diff > 0 else -slipped).run("difference")
    assert f.rule == "CC302" and "c0003" in f.claims


@settings(max_examples=150, deadline=None)
@given(
    before=st.integers(1_000, 10**8),
    growth=st.floats(-0.5, 2.0),
    data=st.data(),
    places=st.integers(0, 3),
)
def test_growth_property(before: int, growth: float, data: st.DataObject, places: int) -> None:
    after = round(before * (1 + growth))  # counts are whole numbers
    inc = after - before
    growth = inc / before
    assume(abs(inc) >= 1)
    level_text, _ = data.draw(stated(after))
    inc_text, _ = data.draw(stated(abs(inc)))
    assume(_parse(level_text)[0] > 0 and _parse(inc_text)[0] > 0)
    rate = 100 * growth
    verb = "rose" if inc > 0 else "fell"

    def make(r: float) -> Doc:
        return doc(
            f"Output {verb} by [{inc_text}|change|subject=output{'' if inc > 0 else '|neg'}], or "
            f"[{round(Decimal(abs(r)), places):f} percent|change|subject=output"
            f"{'' if r > 0 else '|neg'}], to [{level_text}|subject=output]."
        )

    found = make(rate).run("growth")
    assert rules(found) == ["CC601"]
    if _rel_res(level_text) > 0.001 or _rel_res(inc_text) > 0.01:
        return
    event("growth perturbed")
    off = rate * 1.5 + (3 if rate >= 0 else -3)
    (f,) = make(off).run("growth")
    assert f.rule == "CC602" and "c0002" in f.claims


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.integers(1_000, 10**8), min_size=2, max_size=4),
    data=st.data(),
    victim=st.integers(0, 3),
)
def test_part_whole_property(parts: list[int], data: st.DataObject, victim: int) -> None:
    texts = [data.draw(stated(p))[0] for p in parts]
    whole_text, _ = data.draw(stated(sum(parts)))
    assume(all(_parse(t)[0] > 0 for t in texts))
    names = ["north", "south", "east", "west"]

    def make(ts: list[str]) -> Doc:
        listed = " and ".join(
            f"[{t}|subject={names[i]} region users] in the {names[i]}" for i, t in enumerate(ts)
        )
        return doc(f"The network has [{whole_text}|subject=users] users, comprising {listed}.")

    assert errors(make(texts).run("part_whole")) == []
    victim %= len(texts)
    if any(_rel_res(t) > 0.01 for t in [*texts, whole_text]):
        return
    event("part perturbed")
    bumped = list(texts)
    bumped[victim] = f"{round(parts[victim] + 0.2 * sum(parts)):,}"
    (f,) = make(bumped).run("part_whole")
    assert f.severity == "error" and f.rule in ("CC402", "CC403")
    assert f"c{victim + 2:04d}" in f.claims


# ============================================================================================
# regressions: pairings the first corpus runs got wrong (each names what it caught)
# ============================================================================================


def test_growth_rates_do_not_cross_a_clause() -> None:
    # Caught: "$2.1 billion" was paired with the -3% of the imports clause that follows it.
    d = doc(
        "Exports rose [5%|change|subject=exports] to [$2.1 billion|subject=exports], while "
        "imports fell [3%|change|neg|subject=imports] to [$1.8 billion|subject=imports]."
    )
    found = d.run("growth")
    assert rules(found) == ["CC603", "CC603"]
    assert found[0].claims == ("c0002", "c0001") and found[1].claims == ("c0004", "c0003")
    assert found[1].expected == pytest.approx(1.8e9 / 0.97, rel=1e-3)
    assert "(1 − 3%)" in found[1].message


def test_growth_rate_against_stated_earlier_level() -> None:
    text = (
        "In 2023, the company sold [1.2 million|subject=cars sold] cars, up "
        "[{r}|change|subject=cars sold] from [1.04 million|subject=cars sold] in 2022."
    )
    (f,) = doc(text.format(r="15%")).run("growth")
    assert f.rule == "CC601" and "100 × (1.2 million / 1.04 million − 1) = 15.41%" in f.message
    (g,) = doc(text.format(r="25%")).run("growth")
    assert (g.rule, g.gross) == ("CC602", False)


def test_growth_points_onto_a_rate() -> None:
    d = doc(
        "The unemployment rate rose by [0.2 percentage point|difference|subject=unemployment rate]"
        " to [3.7 percent|share|subject=unemployment rate]."
    )
    (f,) = d.run("growth")
    assert f.rule == "CC603" and f.expected == pytest.approx(3.5)
    assert "3.7% − 0.2 percentage points = 3.5%" in f.message


def test_growth_change_is_not_a_later_level() -> None:
    # Caught: "fell by £0.9 billion, decreasing from £10.5 billion" read as a level of -0.9 bn.
    d = doc(
        "The portfolio investment deficit fell by [£0.9 billion|change|neg|subject=deficit], "
        "decreasing from [£10.5 billion|subject=deficit] in Quarter 4 2013 to "
        "[£9.6 billion|subject=deficit] in Quarter 1 2014."
    )
    (f,) = d.run("growth")
    assert f.rule == "CC601" and f.claims == ("c0001", "c0002", "c0003")


def test_difference_comparison_in_the_same_sentence() -> None:
    d = doc(
        "Wages grew [4.2%|change|subject=wages] over the year, [1.1 percentage points|difference]"
        " above inflation of [3.1%|share|subject=inflation]."
    )
    (f,) = d.run("difference")
    assert f.rule == "CC301" and f.claims == ("c0002", "c0001", "c0003")


def test_difference_against_an_earlier_period_is_derived() -> None:
    # Caught: "higher than in Quarter 4 2013" was looked up by subject and hit an unrelated figure.
    d = doc(
        "Receipts were [£19.4 billion|subject=receipts|period=2014-01-01..2014-03-31] in "
        "Quarter 1 2014, [£5.3 billion|difference] higher than in Quarter 4 2013.",
        "Net investment fell to [£1.5 billion|subject=net investment in Quarter|"
        "period=2014-01-01..2014-03-31].",
    )
    (f,) = d.run("difference")
    assert f.rule == "CC303" and f.expected == pytest.approx(14.1e9)
    assert "receipts in Quarter 4 2013 not stated" in f.message


def test_subset_needs_the_same_head() -> None:
    # Caught: "tourism revenue (hotels)" was read as a kind of "hotels".
    d = doc(
        "Tourism revenue was [5 billion yuan|subject=region's tourism revenue (hotels)], and "
        "hotels earned [2.5 billion yuan|subject=hotels]."
    )
    assert d.run("subset") == [] and d.run("share") == []
    # Caught: "domestic units" vs "export units": "units" names nothing, exports are no kind.
    e = doc(
        "Sales reached [10 million|subject=Sales] units, comprising [6 million|subject=domestic "
        "units] domestic units and [4.5 million|subject=export units] export units."
    )
    assert e.run("subset") == []
    assert rules(e.run("part_whole")) == ["CC401"]


def test_subset_bare_superset_across_sentences_is_not_trusted() -> None:
    # Caught: "profits (foreign owned corporations)" vs another sentence's bare "profits" (now
    # also excluded as non-additive); the same shape with an additive figure stays quiet.
    d = doc(
        "Institutions earned [£1.5 billion|subject=revenue] in revenue.",
        "Foreign owned corporations recorded [£10.0 billion|subject=revenue (foreign owned "
        "corporations)] in revenue.",
    )
    assert d.run("subset") == []
    same_sentence = doc(
        "Revenue reached [£1.5 billion|subject=revenue], and foreign owned corporations "
        "recorded [£10.0 billion|subject=revenue (foreign owned corporations)]."
    )
    assert rules(same_sentence.run("subset")) == ["CC502"]


def test_derived_needs_a_related_part_when_the_whole_is_unstated() -> None:
    # Caught: a share with an inherited subject took an unrelated money figure as its part.
    d = doc(
        "Equity financing exceeded [10 billion yuan|more_than|subject=equity financing] and "
        "[nearly 20%|share|about|subject=equity financing|whole=enterprises] of the "
        "enterprises' valuation has doubled."
    )
    assert d.run("derived") == []
    cued = doc(
        "China has [3.1 million|subject=5G base stations] 5G base stations, accounting for "
        "[60%|share|subject=5G base stations|whole=world's] of the world's total."
    )
    (f,) = cued.run("derived")
    assert f.rule == "CC1101" and f.expected == pytest.approx(3.1e6 / 0.6, rel=0.01)


def test_part_whole_of_which_after_a_growth_rate() -> None:
    d = doc(
        "Production reached [21.47 million|subject=vehicles produced] vehicles, up "
        "[1.9%|change], of which [8.316 million|subject=NEVs produced] were NEVs."
    )
    assert rules(d.run("part_whole")) == ["CC401"]


def _auto_paragraph(nev: str) -> Doc:
    return doc(
        f"Production and sales reached [21.47 million|subject=Production and sales|{Q3}] vehicles "
        f"and [21.571 million|subject=Production and sales|{Q3}] vehicles, respectively.",
        f"A total of [4.312 million|subject=vehicles exported|{Q3}] vehicles were exported.",
        "The NEVs sector has shown robust growth.",
        f"In the first three quarters, production and sales of NEVs reached [{nev}|subject="
        f"production of NEVs|{Q3}] vehicles and [8.32 million|subject=sales of NEVs|{Q3}] "
        "vehicles, respectively.",
    )


def test_subset_lexicon_kind_sentences_apart() -> None:
    # The mutation suite's "part beyond its whole": NEV production above all vehicle production,
    # three sentences apart; "respectively" gives each figure of "Production and sales" its own
    # measure, and the noun after the figure ("vehicles") names what the subject leaves out.
    ok = _auto_paragraph("8.316 million").run("subset")
    assert rules(ok) == ["CC501", "CC501"]
    assert {f.claims for f in ok} == {("c0004", "c0001"), ("c0005", "c0002")}
    (f,) = errors(_auto_paragraph("23.316 million").run("subset"))
    assert (f.rule, f.gross, f.claims) == ("CC502", True, ("c0004", "c0001"))


@pytest.mark.parametrize(
    ("diff", "rule"),
    [("10.6%", "CC301"), ("15%", "CC302"), ("$1.2 billion", "CC301"), ("$1.9 billion", "CC302")],
)
def test_difference_relative_and_absolute(diff: str, rule: str) -> None:
    d = doc(
        f"Revenue was [$12.5 billion|subject=revenue], [{diff}|difference] higher than the "
        "[$11.3 billion|subject=revenue] a year earlier."
    )
    (f,) = d.run("difference")
    assert f.rule == rule
