"""MODEL.md step 1: personeelskosten per FTE per year for one function.

Pure numpy functions; every argument may be a float or an array (broadcast).
"""

from __future__ import annotations

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = [
    "bruto_jaarsalaris",
    "jaarloon",
    "jaarloon_met_minimum",
    "loonkosten",
    "werkgeverslasten_bedrag",
    "personeelskosten",
]

MAANDEN_PER_JAAR = 12.0


def bruto_jaarsalaris(maandsalaris: GetalInvoer) -> Getal:
    """Gross annual salary.

    Parameters
    ----------
    maandsalaris : [EUR/maand]
        Gross monthly salary, from the CAO table (schaal, trede) or the provider's own
        average.

    Returns
    -------
    [EUR/jaar] ``maandsalaris * 12`` (MODEL.md 1).
    """
    return np.multiply(maandsalaris, MAANDEN_PER_JAAR)


def jaarloon(
    bruto_jaarsalaris: GetalInvoer,
    vakantietoeslag: GetalInvoer,
    eindejaarsuitkering: GetalInvoer,
) -> Getal:
    """Annual pay including holiday allowance and year-end bonus.

    Parameters
    ----------
    bruto_jaarsalaris : [EUR/jaar]
    vakantietoeslag : [-]
        Holiday allowance as a fraction of the gross annual salary (CAO Jeugdzorg
        art. 7.3: 0.08).
    eindejaarsuitkering : [-]
        Year-end bonus as a fraction of the gross annual salary (CAO art. 7.2).

    Returns
    -------
    [EUR/jaar] ``bruto_jaarsalaris * (1 + vakantietoeslag + eindejaarsuitkering)``.
    """
    b = np.asarray(bruto_jaarsalaris, dtype=float)
    return b * (1.0 + np.add(vakantietoeslag, eindejaarsuitkering))


def jaarloon_met_minimum(
    bruto_jaarsalaris: GetalInvoer,
    vakantietoeslag: GetalInvoer,
    vakantietoeslag_minimum: GetalInvoer,
    eindejaarsuitkering: GetalInvoer,
) -> Getal:
    """Annual pay with a holiday allowance that has a monthly minimum.

    Parameters
    ----------
    bruto_jaarsalaris : [EUR/jaar]
    vakantietoeslag : [-]
    vakantietoeslag_minimum : [EUR/maand]
        Minimum holiday allowance per month at full time (CAO Jeugdzorg art. 7.3:
        211.13 from 1 July 2024).
    eindejaarsuitkering : [-]

    Returns
    -------
    [EUR/jaar] ``bruto * (1 + eindejaarsuitkering) + max(vakantietoeslag * bruto,
    vakantietoeslag_minimum * 12)``.
    """
    b = np.asarray(bruto_jaarsalaris, dtype=float)
    toeslag = np.maximum(np.multiply(vakantietoeslag, b), np.multiply(vakantietoeslag_minimum, MAANDEN_PER_JAAR))
    uit: Getal = b * (1.0 + np.asarray(eindejaarsuitkering)) + toeslag
    return uit


def werkgeverslasten_bedrag(
    jaarloon: GetalInvoer,
    premies: GetalInvoer,
    maximum_premieloon: GetalInvoer,
    pensioenpremie: GetalInvoer,
    premie_ap: GetalInvoer,
    franchise: GetalInvoer,
    franchise_ap: GetalInvoer,
    maximum_pensioengevend_salaris: GetalInvoer,
    werkgeversdeel: GetalInvoer,
) -> Getal:
    """Employer charges built from their components (MODEL.md 1), for one FTE.

    Parameters
    ----------
    jaarloon : [EUR/jaar]
        Annual pay incl. holiday allowance and year-end bonus; also taken as the
        pensionable salary (PFZW counts both allowances).
    premies : [-]
        Sum of the statutory employer premiums (AWf, Aof, Ufo, Whk, Zvw,
        kinderopvangtoeslag), on the wage up to ``maximum_premieloon``.
    maximum_premieloon : [EUR/jaar]
    pensioenpremie : [-]
        Pension fund's retirement premium (OP/PP), on ``pensioengevend - franchise``.
    premie_ap : [-]
        Disability part of the pension scheme (AP), on ``pensioengevend - franchise_ap``.
    franchise, franchise_ap : [EUR/jaar]
    maximum_pensioengevend_salaris : [EUR/jaar]
    werkgeversdeel : [-]
        Employer's share of the pension premiums.

    Returns
    -------
    [EUR/jaar] ``premies * min(jaarloon, max_premieloon) + werkgeversdeel *
    (pensioenpremie * max(0, P - franchise) + premie_ap * max(0, P - franchise_ap))``
    with ``P = min(jaarloon, maximum_pensioengevend_salaris)``.
    """
    loon = np.asarray(jaarloon, dtype=float)
    pensioengevend = np.minimum(loon, maximum_pensioengevend_salaris)
    pensioen = np.multiply(pensioenpremie, np.maximum(0.0, pensioengevend - np.asarray(franchise))) + np.multiply(
        premie_ap, np.maximum(0.0, pensioengevend - np.asarray(franchise_ap))
    )
    uit: Getal = np.multiply(premies, np.minimum(loon, maximum_premieloon)) + np.multiply(werkgeversdeel, pensioen)
    return uit


def loonkosten(jaarloon: GetalInvoer, werkgeverslasten: GetalInvoer) -> Getal:
    """Employer's wage cost: pay plus social charges and the employer's pension part.

    Parameters
    ----------
    jaarloon : [EUR/jaar]
    werkgeverslasten : [-]
        Employer charges as one fraction of ``jaarloon``.

    Returns
    -------
    [EUR/jaar] ``jaarloon * (1 + werkgeverslasten)``.
    """
    return np.multiply(jaarloon, np.add(1.0, werkgeverslasten))


def personeelskosten(loonkosten: GetalInvoer, overige_personeelskosten: GetalInvoer) -> Getal:
    """Personnel cost per FTE: wage cost plus other personnel costs (training, travel...).

    Parameters
    ----------
    loonkosten : [EUR/jaar]
    overige_personeelskosten : [-]
        Other personnel costs as a fraction of ``loonkosten``.

    Returns
    -------
    [EUR/jaar] ``loonkosten * (1 + overige_personeelskosten)``.
    """
    return np.multiply(loonkosten, np.add(1.0, overige_personeelskosten))
