"""Step 1 of the method: personnel cost per FTE per year for one function.

Described in ``docs/methode.md#stap-1-personeelskosten-per-fte-per-jaar``.

Pure functions over floats or numpy arrays (they broadcast). Each is the one definition
of its breakdown line: the formula shown in an explanation and written into a workbook is
traced from the function itself (:mod:`tarieven.formule`), so the docstrings name the
rule and its source and do not restate the arithmetic. ``tarieven.model`` lists which
function computes which line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = [
    "bruto_jaarsalaris",
    "jaarloon",
    "jaarloon_met_minimum",
    "loonkosten",
    "loonkosten_uit_bedrag",
    "personeelskosten",
    "werkgeverslasten_bedrag",
    "werkgeverslasten_fractie",
]

MAANDEN_PER_JAAR = 12
"""Months of salary in a year (the holiday allowance and year-end bonus come on top)."""


def bruto_jaarsalaris(maandsalaris: Any) -> Any:
    """Gross annual salary [EUR/jaar] from the gross monthly salary.

    Parameters
    ----------
    maandsalaris : [EUR/maand]
        From the CAO table (schaal, trede) or the provider's own average.
    """
    return maandsalaris * MAANDEN_PER_JAAR


def jaarloon(bruto_jaarsalaris: Any, vakantietoeslag: Any, eindejaarsuitkering: Any) -> Any:
    """Annual pay [EUR/jaar] including holiday allowance and year-end bonus.

    Parameters
    ----------
    bruto_jaarsalaris : [EUR/jaar]
    vakantietoeslag : [-]
        Fraction of the gross annual salary (CAO Jeugdzorg art. 7.3: 8 %).
    eindejaarsuitkering : [-]
        Fraction of the gross annual salary (CAO Jeugdzorg art. 7.2).
    """
    return bruto_jaarsalaris * (1 + (vakantietoeslag + eindejaarsuitkering))


def jaarloon_met_minimum(
    bruto_jaarsalaris: Any, vakantietoeslag: Any, vakantietoeslag_minimum: Any, eindejaarsuitkering: Any
) -> Any:
    """Annual pay [EUR/jaar] with a holiday allowance that has a monthly minimum.

    The allowance is the larger of the percentage of the gross salary and the minimum per
    month for twelve months (CAO Jeugdzorg art. 7.3).

    Parameters
    ----------
    bruto_jaarsalaris : [EUR/jaar]
    vakantietoeslag : [-]
    vakantietoeslag_minimum : [EUR/maand]
        Minimum at full time (CAO Jeugdzorg art. 7.3).
    eindejaarsuitkering : [-]
    """
    toeslag = np.maximum(vakantietoeslag * bruto_jaarsalaris, vakantietoeslag_minimum * MAANDEN_PER_JAAR)
    return bruto_jaarsalaris * (1 + eindejaarsuitkering) + toeslag


def werkgeverslasten_bedrag(
    jaarloon: Any,
    premies: Sequence[Any],
    maximum_premieloon: Any,
    pensioenpremie: Any,
    premie_ap: Any,
    franchise: Any,
    franchise_ap: Any,
    maximum_pensioengevend_salaris: Any,
    werkgeversdeel: Any,
) -> Any:
    """Employer charges [EUR/jaar] built from their components, for one FTE.

    The statutory employer premiums apply to the wage up to the maximum premium wage. The
    employer's share of the retirement premium (OP/PP) applies to the pensionable salary
    (the annual pay up to the maximum pensionable salary, PFZW counting both allowances)
    above the franchise; the disability part (PFZW's AP premium until 2025, the
    WIA-excedent premium from 2026) is paid by the employer alone, at 100 %, above its own
    franchise (the agreement in the CAO Jeugdzorg; no source says otherwise).

    Parameters
    ----------
    jaarloon : [EUR/jaar]
    premies : sequence of [-]
        The statutory employer premiums (AWf, Aof, Ufo, Whk, Zvw, kinderopvangtoeslag).
    maximum_premieloon : [EUR/jaar]
    pensioenpremie : [-]
        The fund's retirement premium (OP/PP).
    premie_ap : [-]
        The disability part of the scheme (AP; WIA-excedent from 2026), paid by the employer alone.
    franchise, franchise_ap : [EUR/jaar]
    maximum_pensioengevend_salaris : [EUR/jaar]
    werkgeversdeel : [-]
        The employer's share of the retirement premium.
    """
    pensioengevend = np.minimum(jaarloon, maximum_pensioengevend_salaris)
    ouderdom = werkgeversdeel * pensioenpremie * np.maximum(0, pensioengevend - franchise)
    arbeidsongeschiktheid = premie_ap * np.maximum(0, pensioengevend - franchise_ap)
    return sum(premies) * np.minimum(jaarloon, maximum_premieloon) + ouderdom + arbeidsongeschiktheid


def werkgeverslasten_fractie(werkgeverslasten_bedrag: Any, jaarloon: Any) -> Any:
    """The employer charges as one fraction of the annual pay [-], to compare both forms."""
    return werkgeverslasten_bedrag / jaarloon


def loonkosten_uit_bedrag(jaarloon: Any, werkgeverslasten_bedrag: Any) -> Any:
    """Employer's wage cost [EUR/jaar]: the annual pay plus the employer charges as an amount."""
    return jaarloon + werkgeverslasten_bedrag


def loonkosten(jaarloon: Any, werkgeverslasten: Any) -> Any:
    """Employer's wage cost [EUR/jaar] with the employer charges as one fraction.

    Parameters
    ----------
    jaarloon : [EUR/jaar]
    werkgeverslasten : [-]
        Social charges and the employer's pension part, as a fraction of the annual pay.
    """
    return jaarloon * (1 + werkgeverslasten)


def personeelskosten(loonkosten: Any, overige_personeelskosten: Any) -> Any:
    """Personnel cost per FTE [EUR/jaar]: wage cost plus other personnel costs.

    Parameters
    ----------
    loonkosten : [EUR/jaar]
    overige_personeelskosten : [-]
        Training, travel and the like, as a fraction of the wage cost.
    """
    return loonkosten * (1 + overige_personeelskosten)
