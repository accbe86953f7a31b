"""Scenario analysis at scale: grids, sensitivity, uncertainty, goal seek, funding views."""

from tarieven.analyse._gemeen import BLOKGROOTTE, Voortgang, VoortgangRegel, onderwerp
from tarieven.analyse.bekostiging import Bekostiging, bekostiging
from tarieven.analyse.breakeven import break_even_bezetting
from tarieven.analyse.doelzoeken import doelzoek, doelzoek_rooster
from tarieven.analyse.gevoeligheid import gevoeligheid
from tarieven.analyse.groepen import GroepOfIndividueel, groep_of_individueel, indirect_per_week, personeelstekort
from tarieven.analyse.montecarlo import Driehoek, Keuze, MonteCarlo, Normaal, Uniform, Verdeling, monte_carlo
from tarieven.analyse.niveau import Niveaucheck, niveaucheck
from tarieven.analyse.onzekerheid import onzekerheid, onzekerheidsbanden
from tarieven.analyse.rooster import rooster
from tarieven.analyse.vergelijking import productvergelijking

__all__ = [
    "BLOKGROOTTE",
    "Bekostiging",
    "Driehoek",
    "GroepOfIndividueel",
    "Keuze",
    "MonteCarlo",
    "Niveaucheck",
    "Normaal",
    "Uniform",
    "Verdeling",
    "Voortgang",
    "VoortgangRegel",
    "bekostiging",
    "break_even_bezetting",
    "doelzoek",
    "doelzoek_rooster",
    "gevoeligheid",
    "niveaucheck",
    "groep_of_individueel",
    "indirect_per_week",
    "monte_carlo",
    "onderwerp",
    "onzekerheid",
    "onzekerheidsbanden",
    "personeelstekort",
    "productvergelijking",
    "rooster",
]
