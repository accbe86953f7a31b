"""MODEL.md step 1: personeelskosten per FTE per year for one function.

Pure numpy functions; every argument may be a float or an array (broadcast).
"""

from __future__ import annotations

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = ["bruto_jaarsalaris", "jaarloon", "loonkosten", "personeelskosten"]

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
