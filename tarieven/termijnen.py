"""The term of a source and the rule past it, as a parameter file declares them.

Every general parameter file says in ``[bestand]`` until when its source holds
(``geldig_tot``: a date, or ``"tot wijziging"`` for a norm that holds until it is changed)
and may declare a ``projectie``: the rule that carries its values past that term
(:class:`tarieven.parameters.Projectie`). A parameter may declare its own. This module
reads those declarations strictly; :mod:`tarieven.parameterbestanden` applies them to
each parameter, and :attr:`tarieven.parameters.Parameter.reeks` carries the values forward.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from tarieven.fouten import ZONDER_WAARDE, Probleem, onbekende_sleutels
from tarieven.parameters import PROJECTIEREGELS, Bron, Parameter, Projectie

__all__ = ["TOT_WIJZIGING", "Termijn", "koppel_loonontwikkeling", "lees_bron", "lees_datum", "lees_termijn"]

_BRON_SLEUTELS = {"titel", "artikel", "url", "datum", "document"}


def lees_bron(obj: Any, sleutel: str, p: list[Probleem]) -> Bron | None:
    if isinstance(obj, str):
        return Bron(titel=obj)
    if not isinstance(obj, Mapping):
        p.append(Probleem(sleutel, obj, "een bron: tekst of een tabel met ten minste 'titel'"))
        return None
    onbekende_sleutels(f"{sleutel}.", obj, _BRON_SLEUTELS, p, " van een bron")
    titel = obj.get("titel")
    if not isinstance(titel, str) or not titel.strip():
        p.append(Probleem(f"{sleutel}.titel", titel if titel is not None else ..., "de titel van de bron (tekst)"))
        return None
    velden = {k: (str(v) if v is not None else None) for k, v in obj.items() if k != "titel" and k in _BRON_SLEUTELS}
    return Bron(titel=titel, **velden)


def lees_datum(obj: Any, sleutel: str, p: list[Probleem]) -> dt.date | None:
    if isinstance(obj, dt.datetime) or not isinstance(obj, dt.date):
        p.append(Probleem(sleutel, obj, "een TOML-datum zoals 2025-01-01 (zonder aanhalingstekens)"))
        return None
    return obj


TOT_WIJZIGING = "tot wijziging"
"""``geldig_tot`` of a source that holds until it is changed (a region's norm, a product)."""
_PROJECTIE_SLEUTELS = {"regel", "tot", "bron", "toelichting"}


@dataclass(frozen=True)
class Termijn:
    """The term of a source and the rule past it, as declared (in [bestand] or on a parameter)."""

    geldig_tot: dt.date | None
    projectie: Projectie | None


def lees_termijn(obj: Mapping[str, Any], waar: str, standaard: Termijn | None, p: list[Probleem]) -> Termijn | None:
    """``geldig_tot`` and ``projectie`` of a table; what it does not say comes from ``standaard``."""
    if "geldig_tot" not in obj and standaard is not None:
        geldig_tot = standaard.geldig_tot
    else:
        ruw = obj.get("geldig_tot", ...)
        if ruw == TOT_WIJZIGING:
            geldig_tot = None
        elif isinstance(ruw, dt.date) and not isinstance(ruw, dt.datetime):
            geldig_tot = ruw
        else:
            verwacht = (
                f'de laatste dag waarop de bron geldt (een TOML-datum zoals 2025-12-31), of "{TOT_WIJZIGING}" voor een '
                "norm of aanname die geldt tot ze wordt gewijzigd"
            )
            p.append(Probleem(f"{waar}geldig_tot", ruw, verwacht))
            return None
    if "projectie" not in obj:
        projectie = standaard.projectie if standaard is not None and "geldig_tot" not in obj else None
    else:
        projectie = _projectie(obj["projectie"], f"{waar}projectie", geldig_tot, p)
    return Termijn(geldig_tot, projectie)


def _projectie(obj: Any, waar: str, geldig_tot: dt.date | None, p: list[Probleem]) -> Projectie | None:
    if obj == "geen":
        return None
    start = len(p)
    if not isinstance(obj, Mapping):
        p.append(Probleem(waar, obj, '"geen", of een tabel { regel, tot, bron, toelichting }'))
        return None
    onbekende_sleutels(f"{waar}.", obj, _PROJECTIE_SLEUTELS, p, " van een projectie")
    regel = obj.get("regel", ...)
    if regel not in PROJECTIEREGELS:
        p.append(Probleem(f"{waar}.regel", regel, f"een van {', '.join(PROJECTIEREGELS)}"))
    tot = lees_datum(obj.get("tot", ...), f"{waar}.tot", p)
    if geldig_tot is None:
        p.append(Probleem(waar, ZONDER_WAARDE, "een projectie alleen na een geldig_tot (een datum)"))
    elif tot is not None and tot <= geldig_tot:
        p.append(Probleem(f"{waar}.tot", str(tot), f"een datum na geldig_tot ({geldig_tot})"))
    bron = lees_bron(obj.get("bron", ...), f"{waar}.bron", p) if "bron" in obj else None
    if bron is None and "bron" not in obj:
        p.append(Probleem(f"{waar}.bron", ..., "de bron of redenering van de projectie"))
    uitleg = obj.get("toelichting")
    if not (isinstance(uitleg, str) and uitleg.strip()):
        p.append(Probleem(f"{waar}.toelichting", uitleg if uitleg is not None else ..., "de projectie in woorden"))
    if len(p) > start or tot is None or bron is None:
        return None
    return Projectie(str(regel), tot, bron, str(uitleg))


def koppel_loonontwikkeling(parameters: dict[str, Parameter], p: list[Probleem]) -> None:
    """Give each ``loonontwikkeling`` projection the file's series of expected raises."""
    for naam, par in parameters.items():
        pr = par.projectie
        if pr is None or pr.regel != "loonontwikkeling":
            continue
        reeks = parameters.get("loonontwikkeling")
        if reeks is None or reeks.soort != "fractie":
            verwacht = "een parameter [loonontwikkeling] (fracties per datum) in hetzelfde bestand"
            p.append(Probleem(f"{naam}.projectie", pr.regel, verwacht))
            continue
        te_laat = [w for w in reeks.waarden if w.vanaf > pr.tot]
        if te_laat:
            verwacht = f"verhogingen tot en met het einde van de projectie ({pr.tot}); verleng projectie.tot"
            p.append(Probleem("loonontwikkeling.vanaf", str(te_laat[0].vanaf), verwacht))
            continue
        parameters[naam] = replace(par, projectie=replace(pr, verhogingen=reeks))
