"""Results out: every breakdown line with value, unit, formula and the inputs it used.

:class:`Uitkomst` is what :func:`tarieven.bereken` returns for one scenario. Values are
kept in full float64 precision; rounding to cents (half up, via Decimal) happens only in
what is shown or exported.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven._versie import __version__
from tarieven.afronding import op_centen
from tarieven.fouten import InvoerFout, OnbekendeNaam, Probleem, Waarschuwing
from tarieven.inlezen import herlees, lees_scenario
from tarieven.invoerjson import eigen_invoer_json, invoer_json
from tarieven.model import STAPPEN, RegelDefinitie, regeldefinities, verwijzing
from tarieven.model import bereken as bereken_regels
from tarieven.parameters import Herkomst, ParameterSet
from tarieven.scenario import Scenario
from tarieven.uitleg import invoer_tekst, uitleg
from tarieven.voorwaarden import MAX_TARIEF, uitkomstproblemen
from tarieven.weergave import euro, is_geld, met_eenheid, telling

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ANDERE_EENHEDEN", "MAX_TARIEF", "OPBOUW", "Regel", "Uitkomst", "bereken"]

OPBOUW = (
    "opbouw.personeel_direct",
    "opbouw.personeel_indirect",
    "opbouw.huisvesting_eenheid",
    "opbouw.materieel",
    "opbouw.clientkosten",
    "opbouw.overhead",
    "opbouw.risico",
)
"""The parts of the tariff per client, in the order they are shown; they add up to the tariff."""
ANDERE_EENHEDEN = ("tarief_per_uur", "tarief_per_minuut", "tarief_per_week", "tarief_per_jaar", "tarief_per_traject")
"""The tariff in other units, where a result has them, in the order they are shown."""


@dataclass(frozen=True)
class Regel:
    """One line of a result: its definition and its value."""

    definitie: RegelDefinitie
    waarde: float

    @property
    def naam(self) -> str:
        return self.definitie.naam

    @property
    def eenheid(self) -> str:
        return self.definitie.eenheid

    @property
    def afgerond(self) -> Decimal:
        """The value rounded to cents, half up (for display and export)."""
        return op_centen(self.waarde)

    def toon(self) -> str:
        """The value as shown: ``€ 1.234,56`` for money, ``1.877,15 uur/jaar`` otherwise."""
        return met_eenheid(self.waarde, self.eenheid)


class Uitkomst:
    """The result of one scenario: the tariff and the breakdown that explains it.

    Index it by line name (``u["personeel_direct"]``) for the full-precision float.

    Attributes
    ----------
    scenario
        The validated input.
    versie
        The tarieven version that computed it.
    invoer_hash
        SHA-256 of every input (:attr:`Scenario.invoer_hash`).
    """

    def __init__(
        self, scenario: Scenario, waarden: dict[str, Any], definities: tuple[RegelDefinitie, ...] | None = None
    ) -> None:
        self.scenario = scenario
        self.versie = __version__
        self.invoer_hash = scenario.invoer_hash
        if definities is None:
            definities = regeldefinities(scenario.structuur)
        self._regels = {d.naam: Regel(d, float(waarden[d.naam])) for d in definities}

    # -- access ---------------------------------------------------------------------------
    def __getitem__(self, naam: str) -> float:
        return self.regel(naam).waarde

    def __iter__(self) -> Iterator[Regel]:
        return iter(self._regels.values())

    def __len__(self) -> int:
        return len(self._regels)

    def regel(self, naam: str) -> Regel:
        """The line of that name; :class:`~tarieven.fouten.OnbekendeNaam` (a ``KeyError``) lists the lines."""
        try:
            return self._regels[naam]
        except KeyError:
            raise OnbekendeNaam(naam, "regel", self._regels) from None

    def onzekere_invoer(self) -> dict[str, Herkomst]:
        """Inputs whose value is ``indicatief`` or an ``aanname`` (key -> origin with status)."""
        return {k: h for k, h in self.scenario.herkomst.items() if h.status in ("indicatief", "aanname")}

    @property
    def waarschuwingen(self) -> tuple[Waarschuwing, ...]:
        """Inputs that are allowed but unusual (outside their field's plausible range)."""
        return self.scenario.waarschuwingen

    def waarschuwing(self) -> str | None:
        """One Dutch line when the result rests on indicative values or assumptions, else None."""
        if not self.onzekere_invoer():
            return None
        return f"Let op: dit tarief rust op {self.onzeker_telling()} (zie 'tarieven uitleg')."

    @property
    def tarief(self) -> float:
        """Tariff per client per unit [EUR], full precision."""
        return self["tarief_per_client"]

    def band(self) -> tuple[float, float]:
        """The band of the tariff: every bundled assumption at its low and at its high reading,
        what the user gave kept (:func:`tarieven.inlezen.herlees`); both ends equal the tariff when
        no input carries readings."""
        s = self.scenario
        if not any(h.lezing for h in s.herkomst.values()):
            return self.tarief, self.tarief
        laag, hoog = (bereken(herlees(s, kant)).tarief for kant in ("laag", "hoog"))
        return laag, hoog

    @property
    def eenheid(self) -> str:
        return self.scenario.structuur.eenheid

    def __repr__(self) -> str:
        return (
            f"<Uitkomst {self.scenario.product_code or self.scenario.bron}: "
            f"tarief {euro(self.tarief)} per cliënt per {self.eenheid}>"
        )

    # -- explanation ---------------------------------------------------------------------
    def eigen_invoer(self) -> list[str]:
        """The inputs the user gave on top of a product it builds on (empty without a basis)."""
        s = self.scenario
        if not isinstance(s.eigen.get("basis"), str):
            return []
        return [k for k in s.waarden if self.is_eigen_invoer(k)]

    def is_eigen_invoer(self, sleutel: str) -> bool:
        """Given by the user, or a salary from the user's own CAO, scale or step."""
        eigen = self.scenario.eigen
        if sleutel in eigen:
            return True
        kop, _, veld = sleutel.rpartition(".")
        return veld == "maandsalaris" and any(f"{kop}.{k}" in eigen for k in ("functie", "cao", "schaal", "trede"))

    def geprojecteerde_invoer(self) -> dict[str, Herkomst]:
        """Inputs carried past the term of their source by a declared rule (key -> origin)."""
        return {k: h for k, h in self.scenario.herkomst.items() if h.geprojecteerd}

    def onzeker_telling(self) -> str:
        """``5 indicatieve waarden en 54 aannames``: one phrase for the warning and the explanation."""
        onzeker = self.onzekere_invoer()
        n_ind = sum(h.status == "indicatief" for h in onzeker.values())
        n_aan = len(onzeker) - n_ind
        delen = [telling(n_ind, "indicatieve waarde", "indicatieve waarden")] if n_ind else []
        return " en ".join(delen + ([telling(n_aan, "aanname", "aannames")] if n_aan else []))

    def uitleg(self) -> str:
        """The full explanation in Dutch: each line with value, unit, formula and inputs
        (:func:`tarieven.uitleg.uitleg`)."""
        return uitleg(self)

    explain = uitleg

    # -- export ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: money lines as strings of whole cents, other lines as floats.

        Per-function lines nest (``{"uurkosten": {"mbo": "44.98"}}``); the keys are the line
        names, as in ``docs/schema/uitkomst.schema.json``. ``onzekere_invoer`` maps each input that is indicatief or
        an aanname to its status; ``peildatum`` is the date of the bundled parameters used,
        ``tariefjaar`` the year they were time-weighted over (each None if not used);
        ``aannames`` the assumption set the values with readings were read at.

        So that anyone can recompute it (``tarieven bereken uitkomst.json``), it carries
        ``invoer``: every resolved input with its value in the unit of its field, its origin,
        status, source and date; ``eigen_invoer``: the user's own inputs as given; and
        ``parameterset_hash``: the hash of the parameter files looked up in.
        """
        uit: dict[str, Any] = {
            "tarieven_versie": self.versie,
            "invoer_hash": self.invoer_hash,
            "bron": self.scenario.bron,
            "eenheid": self.eenheid,
            "peildatum": str(self.scenario.peildatum) if self.scenario.peildatum else None,
            "tariefjaar": self.scenario.tariefjaar,
            "aannames": self.scenario.aannames,
            "onzekere_invoer": {k: h.status for k, h in self.onzekere_invoer().items()},
            "geprojecteerde_invoer": sorted(self.geprojecteerde_invoer()),
            "waarschuwingen": [str(w) for w in self.waarschuwingen],
        }
        s = self.scenario
        uit["parameterset_hash"] = s.parameters.hash if s.parameters is not None else None
        uit["eigen_invoer"] = eigen_invoer_json(s)
        uit["invoer"] = invoer_json(s)
        for r in self:
            waarde: Any = str(r.afgerond) if is_geld(r.eenheid) else round(r.waarde, 6)
            doel = uit
            *pad, blad = r.naam.split(".")
            for deel in pad:
                doel = doel.setdefault(deel, {})
            doel[blad] = waarde
        return uit

    def naar_excel(self, pad: str | os.PathLike[str], *, schildwacht: float | None = None) -> Path:
        """The whole calculation as a workbook with live formulas over named input cells.

        Every line is a formula derived from its one definition, with its value cached and
        its JSON key path as a defined name; see :mod:`tarieven.werkmap`. ``schildwacht``
        caches that value for every formula instead (to test that a spreadsheet engine
        recalculated). Uses XlsxWriter (in the base install).
        """
        from tarieven.werkmap import schrijf_werkmap

        s = self.scenario
        kop = f"Tariefberekening: {s.kop}"
        herkomst = f"tarieven {self.versie} · bron {s.bron} · invoer-hash {self.invoer_hash[:12]}"
        definities = tuple(r.definitie for r in self)
        waarden = {r.naam: r.waarde for r in self}
        return schrijf_werkmap(pad, s, definities, waarden, titel=kop, herkomst=herkomst, schildwacht=schildwacht)

    def rapport(self, pad: str | os.PathLike[str], *, overschrijven: bool = True) -> Path:
        """The report for the negotiating table, as ``.html`` or ``.pdf`` (A4): the tariff and its band,
        the waterfall, every line with its formula, every input with status and source, the warnings,
        the published comparable level, the method; for a provider's scenario on a product also the
        comparison with it. See :mod:`tarieven.rapport` (``tarieven rapport`` on the command line).

        The report is a front end above this layer (it draws, and runs the level check and the
        comparison): it is reached by name, as pandas reaches its plotting backend, so that this
        module never imports it (docs/architectuur.md). ``overschrijven=False`` refuses an existing file.
        """
        import importlib

        schrijf = importlib.import_module("tarieven.rapport").schrijf_rapport
        geschreven: Path = schrijf(self, pad, overschrijven=overschrijven)[0]
        return geschreven

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=kwargs.pop("indent", 2), allow_nan=False, **kwargs)

    def to_frame(self) -> pd.DataFrame:
        """The breakdown as a DataFrame, one row per line (index: line name).

        Columns: ``waarde`` (float, full precision), ``eenheid``, ``afgerond`` (Decimal,
        cents, for money lines), ``omschrijving``, ``formule``, ``expressie``, ``stap``,
        ``grondslag`` (the cost elements with their articles).
        """
        import pandas as pd

        rijen = [
            {
                "naam": r.naam,
                "waarde": r.waarde,
                "eenheid": r.eenheid,
                "afgerond": r.afgerond if is_geld(r.eenheid) else None,
                "omschrijving": r.definitie.omschrijving,
                "formule": r.definitie.formule,
                "expressie": r.definitie.expressie,
                "stap": r.definitie.stap,
                "grondslag": r.definitie.grondslag,
            }
            for r in self
        ]
        df = pd.DataFrame(rijen).set_index("naam")
        df.attrs.update(tarieven_versie=self.versie, invoer_hash=self.invoer_hash, bron=self.scenario.bron)
        return df

    def _repr_html_(self) -> str:
        import html  # only a notebook asks for HTML; the command line need not load it

        e = html.escape
        s = self.scenario
        rijen = []
        stap = None
        for r in sorted(self, key=lambda r: r.definitie.stap):
            d = r.definitie
            if d.stap != stap:
                stap = d.stap
                rijen.append(
                    f'<tr><th colspan="3" style="text-align:left">{e(stap)}. {e(STAPPEN[stap])} '
                    f"<small>(zie {e(verwijzing(stap))})</small></th></tr>"
                )
            invoer = "<br>".join(e(invoer_tekst(self, n)) for n in d.invoer if n in s.waarden)
            rijen.append(
                f"<tr><td><code>{e(d.naam)}</code><br><small>{e(d.omschrijving)}</small></td>"
                f'<td style="text-align:right;white-space:nowrap">{e(r.toon())}</td>'
                f"<td><small>{e(d.formule)}<br>{invoer}</small></td></tr>"
            )
        let_op = "".join(f"<li>{e(str(w))}</li>" for w in self.waarschuwingen)
        return (
            f"<div><p><b>{e(s.kop)}</b><br>"
            f"Tarief per cliënt per {e(self.eenheid)}: <b>{e(euro(self.tarief))}</b> · "
            f"tarieven {e(self.versie)} · invoer-hash <code>{e(self.invoer_hash[:12])}</code></p>"
            + (f'<p style="color:#a00"><b>Waarschuwingen</b></p><ul>{let_op}</ul>' if let_op else "")
            + "<table><thead><tr><th>regel</th><th>waarde</th><th>formule en invoer</th></tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table></div>"
        )


def _controleer_uitkomst(u: Uitkomst, regels: Mapping[str, Any]) -> None:
    """No NaN, infinity or absurd tariff reaches a user: each is an error naming the lines and the
    inputs (the conditions of :mod:`tarieven.voorwaarden`, for one scenario)."""
    s = u.scenario
    ongebruikelijk = {w.sleutel: True for w in s.waarschuwingen}
    problemen = uitkomstproblemen(regels, u.eenheid, s.waarden, ongebruikelijk, np.ones(1, dtype=bool))
    if problemen:
        raise InvoerFout(list(problemen.values()), s.bron, s.waarschuwingen)


def bereken(
    scenario: Scenario | Mapping[str, Any] | str | os.PathLike[str],
    peildatum: dt.date | str | None = None,
    *,
    tariefjaar: int | None = None,
    met: Mapping[str, Any] | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    aannames: str | None = None,
) -> Uitkomst:
    """Compute the tariff and its breakdown for one scenario or product.

    Parameters
    ----------
    scenario
        A :class:`~tarieven.scenario.Scenario`, a dict in the scenario schema, the path of a
        JSON or TOML scenario file, or the code of a catalogue product (``"41A22"``).
    peildatum
        Date (``datetime.date`` or ISO text) on which bundled parameters are looked up
        (default: the scenario's own, else today).
    tariefjaar
        Instead of a peildatum: every bundled parameter time-weighted over this calendar
        year (by the days each value was in force).
    met
        Inputs that replace or add to the scenario's, as dotted keys:
        ``{"product.groepsgrootte": 8}``; transport ``{"product.afstand_km": 12,
        "product.vorm": "groep"}``.
    params
        The parameter set to look up in (default: the bundled one), or the path of the
        user's own parameter file or folder laid over it (``"mijn-parameters/"``): their
        values replace or extend the bundled ones, and the explanation names them.
    aannames
        The assumption set: ``"centraal"`` (the default: every assumption at its central
        reading), ``"laag"`` or ``"hoog"`` (every assumption with readings at its lowest or
        highest still defensible reading; the band of a product). Default: the scenario's own
        ``aannames``, else centraal. A value the user gives always wins.

    Returns
    -------
    Uitkomst
        The tariff with every breakdown line, its formula and the inputs it used.

    Raises
    ------
    InvoerFout
        When the scenario is not valid; the message names file, key, value and
        expectation. Also when the inputs, valid one by one, give no finite tariff.
    """
    if isinstance(scenario, Scenario):
        if peildatum is not None or tariefjaar is not None or params is not None or aannames is not None:
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum/tariefjaar",
                        peildatum or tariefjaar,
                        "geen peildatum, tariefjaar, aannames of parameters bij een Scenario (dat is al "
                        "opgezocht); geef ze aan lees_scenario()",
                    )
                ]
            )
        s = scenario.met(**met) if met else scenario
    else:
        s = lees_scenario(scenario, peildatum, tariefjaar=tariefjaar, params=params, met=met, aannames=aannames)
    with np.errstate(all="ignore"):  # an overflow or 0/0 is reported by the check below, naming the lines
        regels = bereken_regels(s.structuur, s.waarden)
    u = Uitkomst(s, regels)
    _controleer_uitkomst(u, regels)
    return u
