"""Scenario analysis at scale: grids, sensitivity, uncertainty, goal seek, funding views."""

from tarieven.analyse._gemeen import BLOKGROOTTE, Voortgang, VoortgangRegel
from tarieven.analyse.bekostiging import Bekostiging, bekostiging
from tarieven.analyse.doelzoeken import doelzoek, doelzoek_rooster
from tarieven.analyse.gevoeligheid import gevoeligheid
from tarieven.analyse.montecarlo import Driehoek, Keuze, MonteCarlo, Normaal, Uniform, Verdeling, monte_carlo
from tarieven.analyse.rooster import rooster

__all__ = [
    "BLOKGROOTTE",
    "Bekostiging",
    "Driehoek",
    "Keuze",
    "MonteCarlo",
    "Normaal",
    "Uniform",
    "Verdeling",
    "Voortgang",
    "VoortgangRegel",
    "bekostiging",
    "doelzoek",
    "doelzoek_rooster",
    "gevoeligheid",
    "monte_carlo",
    "rooster",
]
