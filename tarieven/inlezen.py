"""Reading a scenario in: from a file, a dict or a product code to a validated Scenario.

Steps 1 to 3 of the one input path (step 4, validation, is :func:`tarieven.scenario.valideer`):

1. **read** (:mod:`tarieven.lezen`): a JSON or TOML file, strictly; a filled template
   (:mod:`tarieven.sjabloonlezen`), its messages naming sheet and cell; or a dict;
2. **flatten** (:func:`plat`): the nested scenario becomes dotted keys
   (``product.groepsgrootte``), each checked against the field registry
   (:mod:`tarieven.velden`): an unknown key is an error naming the keys that exist;
3. **complete** (:func:`tarieven.catalogus.vul_aan`), only when the scenario refers to bundled
   parameters (``basis``, a ``functie`` or ``cao``, a ``peildatum`` or ``tariefjaar``):
   what the user did not give is looked up, with its origin.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from tarieven.catalogus import AANNAMES_VERWACHT, Zoeker, producten, vul_aan
from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import ZONDER_WAARDE, InvoerFout, Probleem, TypeFout, bedoeld, opsomming, toon
from tarieven.herkomst import OPGEGEVEN
from tarieven.lezen import bestaat, lees_bestand
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import AANNAMESETS, CENTRAAL, Herkomst, ParameterSet, kort
from tarieven.scenario import Scenario, valideer
from tarieven.velden import LEEG, is_tabel, kinderen, veld, veld_of_none

__all__ = ["herlees", "lees_scenario", "plat", "scenario_met_parameters", "scenario_uit_product"]

_META = ("basis", "peildatum", "tariefjaar", "weglaten", "aannames")
_HOE = ("peildatum", "tariefjaar", "aannames")
"""How the bundled parameters are read (a date or year, an assumption set), not an input of the calculation."""
_VERWIJZING = ("functie", "cao")


def _bekend(sleutel: str) -> bool:
    return veld_of_none(sleutel) is not None


# -- 2. flatten ---------------------------------------------------------------------------


def plat(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[Probleem]]:
    """A nested scenario as flat dotted keys.

    Returns the flat inputs, how each key was written where that differs (an entry of the
    ``personeel`` list: ``product.personeel[2].aantal``), and the problems: unknown keys, a
    value where a table belongs or the other way round. ``verwacht`` (the expected values of
    a worked example) is read past.
    """
    uit: dict[str, Any] = {}
    geschreven: dict[str, str] = {}
    p: list[Probleem] = []

    def loop(pad: str, obj: Mapping[str, Any]) -> None:
        for k, v in obj.items():
            if not isinstance(k, str) or not k:
                p.append(Probleem(f"{pad}.{k}" if pad else str(k), v, "een sleutel die tekst is"))
                continue
            sleutel = f"{pad}.{k}" if pad else k
            if sleutel == "verwacht":
                continue
            if sleutel == "product.personeel":
                _personeel(v, uit, geschreven, p)
            elif is_tabel(sleutel):
                if not isinstance(v, Mapping):
                    p.append(Probleem(sleutel, v, "een tabel (in TOML [sectie], in JSON een object {...})", "type"))
                elif not v:
                    uit[sleutel] = LEEG
                else:
                    loop(sleutel, v)
            elif not _bekend(sleutel):
                p.append(Probleem(sleutel, v, f"een bekende sleutel ({opsomming(kinderen(pad), 30)})", "onbekend"))
            elif isinstance(v, Mapping) or (isinstance(v, list) and sleutel != "weglaten"):
                p.append(Probleem(sleutel, v, veld(sleutel).verwacht(sleutel), "type"))
            else:
                uit[sleutel] = v

    loop("", data)
    return uit, geschreven, p


def _personeel(lijst: Any, uit: dict[str, Any], geschreven: dict[str, str], p: list[Probleem]) -> None:
    """``personeel = [{functie, aantal}, ...]`` as ``product.personeel.<functie>`` (summed)."""
    if not isinstance(lijst, list) or not lijst:
        p.append(Probleem("product.personeel", lijst, "een lijst van {functie, aantal}"))
        return
    for i, item in enumerate(lijst):
        s = f"product.personeel[{i}]"
        if not isinstance(item, Mapping) or set(item) != {"functie", "aantal"} or not isinstance(item["functie"], str):
            p.append(Probleem(s, item, "een object met precies 'functie' (tekst) en 'aantal'"))
            continue
        sleutel = f"product.personeel.{item['functie']}"
        geschreven.setdefault(sleutel, f"{s}.functie")
        try:
            aantal = naar_eenheid(item["aantal"], "1")
        except EenheidFout as e:
            p.append(Probleem(f"{s}.aantal", item["aantal"], f"{veld(sleutel).verwacht()}; {e}"))
            continue
        uit[sleutel] = uit.get(sleutel, 0.0) + aantal


# -- 1 and 3: reading and completing -------------------------------------------------------


def _datum(ruw: Any, bron: str | None) -> dt.date:
    """A peildatum: a date (TOML date, ``datetime.date``) or its ISO text; not a date-time."""
    if isinstance(ruw, dt.date) and not isinstance(ruw, dt.datetime):
        return ruw
    if isinstance(ruw, str):
        try:
            return dt.date.fromisoformat(ruw.strip())
        except ValueError:
            pass
    uitleg = "; een tijdstip hoort er niet bij" if isinstance(ruw, dt.datetime) else ""
    raise InvoerFout([Probleem("peildatum", ruw, f"een datum zoals 2027-01-01{uitleg}")], bron)


def _jaartal(ruw: Any, bron: str | None) -> int:
    """A tariff year: a whole number (or its digits as text) from 1900 to 2999."""
    if isinstance(ruw, str) and ruw.strip().isdigit():
        ruw = int(ruw)
    if not isinstance(ruw, int) or isinstance(ruw, bool) or not 1900 <= ruw <= 2999:
        raise InvoerFout([Probleem("tariefjaar", ruw, "een jaartal zoals 2025")], bron)
    return ruw


def _wanneer(eigen: Mapping[str, Any], peildatum: Any, tariefjaar: Any, bron: str) -> tuple[dt.date | None, int | None]:
    """The peildatum or tariff year: the caller's choice, else the scenario's own (never both)."""
    for p_, j_, waar in ((eigen.get("peildatum"), eigen.get("tariefjaar"), bron), (peildatum, tariefjaar, None)):
        if p_ is not None and j_ is not None:
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum en tariefjaar",
                        f"{toon(p_, 40)} en {toon(j_, 40)}",
                        "óf een peildatum (waarden op die dag) óf een tariefjaar (tijdgewogen over het jaar), "
                        "niet beide",
                    )
                ],
                waar,
            )
    if peildatum is not None:
        return _datum(peildatum, None), None
    if tariefjaar is not None:
        return None, _jaartal(tariefjaar, None)
    if eigen.get("tariefjaar") is not None:
        return None, _jaartal(eigen["tariefjaar"], bron)
    if eigen.get("peildatum") is not None:
        return _datum(eigen["peildatum"], bron), None
    return None, None


def _aannames(eigen: Mapping[str, Any], aannames: Any, bron: str) -> str:
    """The assumption set: the caller's choice, else the scenario's own ``aannames``, else centraal."""
    for waarde, waar in ((aannames, None), (eigen.get("aannames"), bron)):
        if waarde is None:
            continue
        if waarde not in AANNAMESETS:
            sleutel = "aannames" if waar is not None else f"aannames ({OPGEGEVEN})"
            raise InvoerFout([Probleem(sleutel, waarde, AANNAMES_VERWACHT)], waar)
        return str(waarde)
    return CENTRAAL


def _verwijst(eigen: Mapping[str, Any]) -> bool:
    return any(k in eigen for k in _META if k != "aannames") or any(
        k.startswith("functies.") and k.rsplit(".", 1)[1] in _VERWIJZING for k in eigen
    )


def _soorten(bron: object, met: object, params: object) -> None:
    """Arguments of the wrong kind, named as a caller wrote them (a number where a scenario belongs)."""
    if not isinstance(bron, str | os.PathLike | Mapping):
        verwacht = "een productcode (zoals '41A22'), het pad van een scenariobestand of een dict met het scenario"
        raise TypeFout("scenario", bron, verwacht)
    if met is not None and not isinstance(met, Mapping):
        raise TypeFout("met", met, "een dict van invoer, zoals {'product.groepsgrootte': 8}")
    if params is not None and not isinstance(params, ParameterSet | str | os.PathLike):
        raise TypeFout("params", params, "een ParameterSet of het pad van een eigen parameterbestand of -map")


def lees_scenario(
    bron: str | os.PathLike[str] | Mapping[str, Any],
    peildatum: dt.date | str | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    met: Mapping[str, Any] | None = None,
    naam: str | None = None,
    aannames: str | None = None,
) -> Scenario:
    """Read and validate a scenario from a JSON or TOML file, a dict, or a product code.

    Parameters
    ----------
    bron
        Path to a ``.json`` or ``.toml`` file, a mapping with the same structure, or the
        code of a catalogue product (``"41A22"``).
    peildatum
        Date (or ISO text) on which bundled parameters are looked up (products, ``basis``,
        functions given by ``functie`` or ``cao``/``schaal``/``trede``); default: the
        scenario's own ``peildatum``, else today.
    tariefjaar
        Instead of a peildatum: time-weight every bundled parameter over this calendar
        year (days in force).
    params
        The parameter set to look up in (default: the bundled one), or the path of the
        user's own parameter file or folder, laid over the bundled set
        (:func:`tarieven.laad_parameters`).
    met
        Inputs that replace or add to the scenario's own, as dotted keys
        (``{"product.groepsgrootte": 8}``; for transport ``{"product.afstand_km": 12,
        "product.vorm": "groep"}``); they count as the user's own.
    naam
        For a mapping: the name to use in messages and origins (default ``<dict>``).
    aannames
        The assumption set every bundled value with readings is looked up at: ``"laag"``,
        ``"centraal"`` or ``"hoog"``; default: the scenario's own ``aannames``, else
        ``"centraal"``. What the user gives always wins over a reading.

    Raises
    ------
    InvoerFout
        Listing every problem: file, key, value and what was expected.
    """
    _soorten(bron, met, params)
    if params is not None and not isinstance(params, ParameterSet):
        params = laad_parameters(params)
    cellen: dict[str, str] = {}
    if isinstance(bron, Mapping):
        data, naam = dict(bron), naam or "<dict>"
    else:
        pad = Path(bron)
        if isinstance(bron, str) and not bestaat(pad, bestand=True) and bron in producten(params):
            product = (params or standaard_parameters()).product(bron)
            naam = kort(product.pad)
            data = {"basis": bron}
        elif not bestaat(pad):
            codes = producten(params)
            verwacht = f"een bestaand .json- of .toml-bestand, of een productcode ({', '.join(codes)})"
            verwacht += bedoeld(bron, codes)
            raise InvoerFout([Probleem("bestand", str(pad), verwacht)])
        elif _is_werkmap(pad):  # a filled template: read strictly, then the same path as TOML and JSON
            from tarieven.sjabloonindeling import indeling, lees_ingevuld, product_van  # only when needed
            from tarieven.sjabloonlezen import lees_sjabloon

            sjabloon = lees_sjabloon(pad)  # read safely; then exactly the cells its layout defines
            code, datum, jaar, lezing = product_van(sjabloon, params)
            rijen = indeling(lees_scenario(code, datum, tariefjaar=jaar, params=params, aannames=lezing))
            (data, cellen), naam = lees_ingevuld(sjabloon, rijen), str(pad)
        else:
            data, naam = lees_bestand(pad), str(pad)
            if "tarieven_versie" in data:  # a result of tarieven: recompute it from the inputs it carries
                return scenario_uit_uitkomst(data, naam, params)
    eigen, geschreven, problemen = plat(data)
    geschreven.update(cellen)
    opgegeven = Herkomst(OPGEGEVEN)
    for k, v in (met or {}).items():
        if not _bekend(k):
            problemen.append(Probleem(k, v, f"een bekende invoer ({opsomming(kinderen(k.rpartition('.')[0]), 30)})"))
        eigen[k] = v
    if problemen:
        raise InvoerFout(problemen, naam)
    gegeven = {k: str(v) if isinstance(v, dt.date) else v for k, v in eigen.items()}
    datum, jaar = _wanneer(eigen, peildatum, tariefjaar, naam)
    aannameset = _aannames(eigen, aannames, naam)
    params = params or standaard_parameters()
    wml = _minimumuurloon(params, datum or (dt.date(jaar, 1, 1) if jaar else dt.date.today()))
    if not _verwijst(eigen) and datum is None and jaar is None:
        herkomst = dict.fromkeys(met or {}, opgegeven)
        eigen = {k: v for k, v in eigen.items() if k != "aannames"}
        s = valideer(eigen, bron=naam, herkomst=herkomst, geschreven=geschreven, minimumuurloon=wml)
        return replace(s, eigen=gegeven, aannames=aannameset)
    if jaar is None and datum is None:
        datum = dt.date.today()
    eigen = {k: v for k, v in eigen.items() if k not in _HOE}
    zoeker = Zoeker(params, datum, jaar, aannameset)
    eigen_herkomst = Herkomst("scenario (dict)" if naam == "<dict>" else f"scenario {Path(naam).name}")
    try:
        invoer, herkomst = vul_aan(eigen, zoeker, naam, lambda k: opgegeven if k in (met or {}) else eigen_herkomst)
    except InvoerFout as e:  # a lookup that failed on the user's date: the user's scenario is where to look
        if (peildatum is not None or tariefjaar is not None) and {q.sleutel for q in e.problemen} <= _DATUM:
            opgegeven_datum = [replace(q, sleutel=f"{q.sleutel} ({OPGEGEVEN})") for q in e.problemen]
            raise InvoerFout(opgegeven_datum) from None
        raise _waar_geschreven(e, naam, geschreven) from None
    s = valideer(
        invoer,
        bron=naam,
        herkomst=herkomst,
        geschreven=geschreven,
        peildatum=datum,
        tariefjaar=jaar,
        minimumuurloon=wml,
    )
    return replace(s, eigen=gegeven, parameters=params, aannames=aannameset)


_DATUM = {"peildatum", "tariefjaar"}  # a date given with the call, not in the scenario


def _waar_geschreven(e: InvoerFout, naam: str, geschreven: Mapping[str, str]) -> InvoerFout:
    """A lookup's error about the user's own inputs, each named where the user wrote it.

    Completing from the catalogue (a CAO scale or step that is not in its table) names the
    dotted key; for a template that is its sheet and cell (``Invoer!C31 (salarisschaal
    hbo ...)``), as the validator names every other input. A problem in a parameter file
    keeps its key and file.
    """
    if e.bestand not in (None, naam):
        return InvoerFout(e.problemen, e.bestand)
    return InvoerFout([replace(q, sleutel=geschreven.get(q.sleutel, q.sleutel)) for q in e.problemen], naam)


def _is_werkmap(pad: Path) -> bool:
    from tarieven.sjabloonlezen import is_werkmap

    return is_werkmap(pad)


def _herkomst(v: Mapping[str, Any], naam: str) -> Herkomst:
    vanaf = dt.date.fromisoformat(v["vanaf"]) if v.get("vanaf") else None
    lezing = v.get("lezing") if v.get("lezing") in AANNAMESETS else None
    return Herkomst(
        str(v.get("herkomst", naam)),
        v.get("status"),
        v.get("bron"),
        vanaf,
        None,
        bool(v.get("geprojecteerd")),
        lezing=lezing,
    )


def scenario_uit_uitkomst(data: Mapping[str, Any], naam: str, params: ParameterSet | None = None) -> Scenario:
    """The scenario of a stored result (``tarieven bereken ... --formaat json``), from the
    resolved inputs it carries, validated again; nothing is looked up anew (for that, see
    :func:`tarieven.herberekenen.herbereken`)."""
    invoer = data.get("invoer")
    if not isinstance(invoer, Mapping) or not all(isinstance(v, Mapping) and "waarde" in v for v in invoer.values()):
        verwacht = "de invoer van de uitkomst (tarieven 0.1 of later schrijft die mee): {sleutel: {waarde, ...}}"
        raise InvoerFout([Probleem("invoer", ZONDER_WAARDE, verwacht)], naam)
    datum = dt.date.fromisoformat(str(data["peildatum"])) if data.get("peildatum") else None
    jaar = data.get("tariefjaar")
    herkomst = {k: _herkomst(v, naam) for k, v in invoer.items() if "herkomst" in v}
    params = params or standaard_parameters()
    wml = _minimumuurloon(params, datum or (dt.date(jaar, 1, 1) if isinstance(jaar, int) else dt.date.today()))
    flat = {k: v["waarde"] for k, v in invoer.items()}
    s = valideer(flat, bron=naam, herkomst=herkomst, peildatum=datum, tariefjaar=jaar, minimumuurloon=wml)
    eigen = data.get("eigen_invoer")
    aannames = data.get("aannames", CENTRAAL)
    if aannames not in AANNAMESETS:
        raise InvoerFout([Probleem("aannames", aannames, AANNAMES_VERWACHT)], naam)
    return replace(s, eigen=dict(eigen) if isinstance(eigen, Mapping) else {}, aannames=str(aannames))


MINIMUMLOON = ("minimumloon", "minimumuurloon")
"""Where the statutory minimum hourly wage is (file, parameter)."""


def _minimumuurloon(params: ParameterSet, op: dt.date) -> tuple[float, dt.date] | None:
    """The minimum hourly wage in force on a date; None when the parameter set has none then."""
    try:
        par = params.parameter(*MINIMUMLOON)
        w = par.op(op)
    except (InvoerFout, KeyError):
        return None
    # carried past its term, the amount is still the one set on its own date: name that date
    vanaf = max((v.vanaf for v in par.waarden if v.vanaf <= op), default=w.vanaf) if w.geprojecteerd else w.vanaf
    return (w.waarde, vanaf) if isinstance(w.waarde, float) else None


def scenario_met_parameters(
    data: Mapping[str, Any],
    *,
    bron: str = "<dict>",
    peildatum: dt.date | None = None,
    params: ParameterSet | None = None,
    tariefjaar: int | None = None,
    aannames: str | None = None,
) -> Scenario:
    """A scenario (dict) that may refer to bundled parameters, looked up in ``params``."""
    return lees_scenario(data, peildatum, tariefjaar=tariefjaar, params=params, naam=bron, aannames=aannames)


def scenario_uit_product(
    code: str,
    peildatum: dt.date | None = None,
    params: ParameterSet | None = None,
    *,
    tariefjaar: int | None = None,
    aannames: str | None = None,
) -> Scenario:
    """The scenario of a catalogue product on a peildatum (default: today), or time-weighted
    over a ``tariefjaar``, with its assumptions at the set ``aannames`` (default centraal)."""
    params = params or standaard_parameters()
    params.product(code)  # an unknown code: the catalogue's own message
    return lees_scenario(code, peildatum, tariefjaar=tariefjaar, params=params, aannames=aannames)


def herlees(s: Scenario, aannames: str) -> Scenario:
    """The same scenario read at another assumption set: from the user's own inputs, on the same
    peildatum or tariff year, in the same parameters (``laag`` and ``hoog`` give the band).

    Only what was looked up moves; what the user gave stays. A scenario whose inputs carry no
    readings is returned as it is.
    """
    if not any(h.lezing for h in s.herkomst.values()):
        return s
    eigen = {k: ({} if v is LEEG else v) for k, v in s.eigen.items() if k not in _HOE}
    return lees_scenario(
        eigen, s.peildatum, tariefjaar=s.tariefjaar, params=s.parameters, naam=s.bron, aannames=aannames
    )
