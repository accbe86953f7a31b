"""``tarieven.verken``: the explorer in JupyterLab. Move a control, and the tariff, its band and the waterfall follow.

::

    import tarieven
    v = tarieven.verken("41A22", peildatum="2025-06-01")
    v                                   # the controls, the tariff with its band, the waterfall
    v.widgets["product.groepsgrootte"].value = 8
    v.uitkomst.tarief                   # = bereken("41A22", "2025-06-01", met={"product.groepsgrootte": 8}).tarief
    v.bewaar("groep-van-8.toml")        # the scenario as a file (the button does the same)

The controls are the inputs a tariff negotiation turns on, where the scenario has them: group
size, occupancy, staff (the ratio and the mix, or the counts per function), the salary step per
function, overhead, risk and the assumption set. ``.widgets`` holds them by field path (the key
``--met`` takes; ``"aannames"`` for the set). Every change prices the scenario again through the
one input path (:func:`tarieven.bereken` with ``met=`` the controls that differ from the
scenario), so what the explorer shows is what ``tarieven bereken --met ...`` prints; an input
the validator refuses is shown as its Dutch message and the last valid result stays.
The waterfall is the report's (:mod:`tarieven.rapport`), drawn as SVG.

Needs ipywidgets (the ``notebooks`` extra: ``pip install 'tarieven[notebooks]'``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tarieven.catalogus import maandsalaris
from tarieven.fouten import InvoerFout, Probleem, TarievenFout
from tarieven.inlezen import herlees
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import AANNAMESETS
from tarieven.rapport.opmaak import e, figuur, legenda_onder, nieuwe_figuur, tekenen
from tarieven.rapport.schrijven import schrijf
from tarieven.scenario import Scenario
from tarieven.uitkomst import Uitkomst, bereken
from tarieven.weergave import band_tekst, euro

__all__ = ["Verkenner", "verken"]


_STIJL = {"description_width": "45%"}
"""Room for the Dutch labels before each control."""


def _ipywidgets() -> Any:
    try:
        import ipywidgets
    except ImportError:
        verwacht = "ipywidgets voor de verkenner (pip install 'tarieven[notebooks]')"
        raise InvoerFout([Probleem("verken", "ipywidgets", verwacht)]) from None
    return ipywidgets


def _treden(s: Scenario, f: str) -> list[tuple[str, int | str]]:
    """The steps of function ``f``'s scale, as a dropdown offers them; empty where its scale is not known."""
    params = s.parameters if s.parameters is not None else standaard_parameters()
    try:
        functies = params.bestand("functies").tekst
    except (KeyError, TarievenFout):
        return []
    ref = s.invoer.get(f"functies.{f}.functie")
    cao = s.invoer.get(f"functies.{f}.cao") or functies.get(f"{ref}.cao")
    schaal = s.invoer.get(f"functies.{f}.schaal") or functies.get(f"{ref}.schaal")
    if not cao or schaal is None:
        return []
    try:
        _, _, _, w = maandsalaris(params, str(cao), schaal, "max", s.peildatum, tariefjaar=s.tariefjaar)
    except TarievenFout:
        return []
    assert isinstance(w.waarde, tuple)
    nummers = range(w.eerste_trede, w.eerste_trede + len(w.waarde))
    return [("midden", "midden"), ("max", "max"), *((f"trede {n}", n) for n in nummers)]


def _trede(x: Any) -> int | str:
    """A step as a dropdown holds it: a number as an int, ``midden`` and ``max`` as text."""
    return int(x) if isinstance(x, str) and x.isdigit() else x


class Verkenner:
    """The explorer of one scenario (see the module docstring).

    Attributes
    ----------
    widgets
        The controls by field path (``"product.groepsgrootte"``, ``"functies.mbo.trede"``,
        ``"aannames"``); setting a control's ``value`` prices the scenario again.
    uitkomst
        The current result (:class:`tarieven.Uitkomst`).
    """

    def __init__(
        self, bron: Any, peildatum: dt.date | str | None = None, *, tariefjaar: int | None = None, params: Any = None
    ) -> None:
        self._w = _ipywidgets()
        self.bron, self.peildatum, self.tariefjaar, self.params = bron, peildatum, tariefjaar, params
        self.basis = bereken(bron, peildatum, tariefjaar=tariefjaar, params=params)
        self.uitkomst: Uitkomst = self.basis
        self._oorspronkelijk: dict[str, Any] = {}
        self.widgets: dict[str, Any] = {}
        self._afgeleid: str | None = None  # the last function's share of the mix: 1 minus the others
        self._bezig = False
        self._bouw_controls()
        w = self._w
        self.tarief = w.HTML()
        self.melding = w.HTML()
        self.waterval = w.HTML()
        self.bestandsnaam = w.Text(value="scenario.toml", description="bestand", layout=w.Layout(width="60%"))
        self.knop = w.Button(description="Bewaar als TOML", icon="save", layout=w.Layout(width="auto"))
        self.knop.on_click(lambda _: self._bewaar_knop())
        for sleutel, control in self.widgets.items():
            if sleutel != self._afgeleid:
                control.observe(self._bij_wijziging, names="value")
        self._toon()
        self.paneel = w.HBox(
            [
                w.VBox([*self.widgets.values(), w.HBox([self.bestandsnaam, self.knop])], layout=w.Layout(width="42%")),
                w.VBox([self.tarief, self.melding, self.waterval], layout=w.Layout(width="58%")),
            ]
        )

    # -- the controls ----------------------------------------------------------------------
    def _schuif(self, sleutel: str, laag: float, hoog: float, stap: float, *, geheel: bool = False, **kw: Any) -> None:
        s = self.basis.scenario
        if sleutel not in s.waarden:
            return
        x = s.waarden[sleutel]
        soort = self._w.IntSlider if geheel else self._w.FloatSlider
        waarde = round(x) if geheel else x
        label = s.veld(sleutel).label_voor(sleutel)
        self.widgets[sleutel] = soort(
            value=waarde,
            min=min(laag, waarde),
            max=max(hoog, waarde),
            step=stap,
            description=label,
            style=_STIJL,
            layout=self._w.Layout(width="98%"),
            continuous_update=False,
            **kw,
        )
        self._oorspronkelijk[sleutel] = waarde

    def _bouw_controls(self) -> None:
        s = self.basis.scenario
        groep = s.waarden.get("product.groepsgrootte", 10)
        self._schuif("product.groepsgrootte", 1, max(30, 2 * groep), 1, geheel=True)
        self._schuif("product.bezettingsgraad", 0.3, 1.0, 0.01, readout_format=".0%")
        ratio = s.waarden.get("product.ratio.kinderen_per_medewerker", 5)
        self._schuif("product.ratio.kinderen_per_medewerker", 1, max(12, 2 * ratio), 0.5)
        mix = [k for k in s.waarden if k.startswith("product.ratio.mix.")]
        for k in mix[:-1]:
            self._schuif(k, 0.0, 1.0, 0.05, readout_format=".0%")
        if len(mix) > 1:  # the mix adds up to 1: the last share follows the others
            self._afgeleid = mix[-1]
            self.widgets[mix[-1]] = self._w.FloatText(
                value=s.waarden[mix[-1]],
                disabled=True,
                description=s.veld(mix[-1]).label_voor(mix[-1]),
                style=_STIJL,
                layout=self._w.Layout(width="98%"),
            )
            self._oorspronkelijk[mix[-1]] = s.waarden[mix[-1]]
        for k in [k for k in s.waarden if k.startswith("product.personeel.")]:
            self._schuif(k, 0.0, max(4.0, 2 * s.waarden[k]), 0.5)
        for f in s.structuur.functies:
            sleutel = f"functies.{f}.trede"
            if sleutel in s.invoer and (treden := _treden(s, f)):
                waarde = _trede(s.invoer[sleutel])
                opties = treden if waarde in [v for _, v in treden] else [(str(waarde), waarde), *treden]
                self.widgets[sleutel] = self._w.Dropdown(
                    options=opties,
                    value=waarde,
                    description=f"trede {f}",
                    style=_STIJL,
                    layout=self._w.Layout(width="98%"),
                )
                self._oorspronkelijk[sleutel] = waarde
        self._schuif("opslagen.overhead", 0.0, 0.5, 0.005, readout_format=".1%")
        self._schuif("opslagen.risico_opslag", 0.0, 0.1, 0.005, readout_format=".1%")
        self.widgets["aannames"] = self._w.ToggleButtons(
            options=list(AANNAMESETS),
            value=s.aannames,
            description="aannames",
            style={**_STIJL, "button_width": "6.5em"},
        )
        self._oorspronkelijk["aannames"] = s.aannames

    # -- pricing ---------------------------------------------------------------------------
    def met(self) -> dict[str, Any]:
        """The controls that differ from the scenario, as ``met=`` takes them (without the assumption set)."""
        return {k: c.value for k, c in self.widgets.items() if k != "aannames" and c.value != self._oorspronkelijk[k]}

    def _bij_wijziging(self, _: Any = None) -> None:
        if self._bezig:
            return
        self._bezig = True
        try:
            if self._afgeleid is not None:
                anderen = [
                    c.value
                    for k, c in self.widgets.items()
                    if k.startswith("product.ratio.mix.") and k != self._afgeleid
                ]
                self.widgets[self._afgeleid].value = round(1.0 - sum(anderen), 12)
            self.uitkomst = self._prijs(self.met() or None, self.widgets["aannames"].value)
            self.melding.value = ""
        except TarievenFout as fout:
            self.melding.value = f"<p style='color:#8c1c13'>{e(fout)}</p>"
        finally:
            self._bezig = False
        self._toon()

    def _prijs(self, met: dict[str, Any] | None, aannames: str) -> Uitkomst:
        """The source priced with ``met`` at ``aannames``, as ``bereken`` does; a :class:`Scenario` that was
        looked up already is read again at another assumption set (:func:`tarieven.inlezen.herlees`)."""
        if isinstance(self.bron, Scenario):
            s = self.bron if aannames == self.bron.aannames else herlees(self.bron, aannames)
            return bereken(s, met=met)
        return bereken(
            self.bron, self.peildatum, tariefjaar=self.tariefjaar, params=self.params, met=met, aannames=aannames
        )

    def _toon(self) -> None:
        u = self.uitkomst
        laag, hoog = u.band()
        self.tarief.value = (
            f"<div>Tarief per cliënt per {e(u.eenheid)}</div>"
            f"<div style='font-size:2em;font-weight:bold'>{e(euro(u.tarief))}</div>"
            f"<div>band {e(band_tekst(laag, hoog))} (aannames laag – hoog); aannames {e(u.scenario.aannames)}</div>"
        )
        if "opbouw.personeel_direct" not in {r.naam for r in u}:
            self.waterval.value = ""
            return
        from tarieven.plots import waterval

        with tekenen():
            fig, ax = nieuwe_figuur(80, 150)
            waterval(u, ax=ax, titel=f"Van kosten naar tarief per cliënt per {u.eenheid}")
            legenda_onder(fig, ax)
            self.waterval.value = figuur(fig, 1, passend=True)

    # -- saving ----------------------------------------------------------------------------
    def scenario(self) -> dict[str, Any]:
        """The scenario the controls describe: the source's own inputs (or its product as ``basis``), the
        controls that differ, the peildatum or tariff year it was priced on, and the assumption set."""
        s = self.uitkomst.scenario
        plat: dict[str, Any] = {k: v for k, v in self.basis.scenario.eigen.items()}
        plat.update(self.met())
        uit: dict[str, Any] = {}
        for k, v in plat.items():
            if k.startswith("product.personeel."):  # counts per function: the scenario's list
                continue
            doel = uit
            *pad, blad = k.split(".")
            for deel in pad:
                doel = doel.setdefault(deel, {})
            doel[blad] = v
        if any(k.startswith("product.personeel.") for k in self.met()):
            personeel = {k.rsplit(".", 1)[1]: v for k, v in s.waarden.items() if k.startswith("product.personeel.")}
            uit.setdefault("product", {})["personeel"] = [{"functie": f, "aantal": n} for f, n in personeel.items()]
        kop: dict[str, Any] = {}
        if s.tariefjaar is not None:
            kop["tariefjaar"] = s.tariefjaar
        elif s.peildatum is not None:
            kop["peildatum"] = s.peildatum
        if s.aannames != "centraal":
            kop["aannames"] = s.aannames
        return {
            **{k: v for k, v in uit.items() if not isinstance(v, Mapping)},
            **kop,
            **{k: v for k, v in uit.items() if isinstance(v, Mapping)},
        }

    def bewaar(self, pad: str | os.PathLike[str], *, overschrijven: bool = False) -> Path:
        """Write :meth:`scenario` as a TOML file (``tarieven bereken`` reads it back to the same tariff)."""
        doel = Path(pad)
        if doel.suffix.lower() != ".toml":
            raise InvoerFout([Probleem("bestand", str(doel), "een bestandsnaam op .toml")])
        if not doel.parent.is_dir():
            raise InvoerFout([Probleem("bestand", str(doel), f"een bestand in een bestaande map ({doel.parent})")])
        if not overschrijven and (doel.exists() or doel.is_symlink()):
            raise InvoerFout([Probleem("bestand", str(doel), "een nieuw bestand; dit bestaat al")])
        kop = f"# tarieven verken: {self.uitkomst.scenario.kop}; tarief {euro(self.uitkomst.tarief)}\n"
        tekst = kop + "\n".join(_toml(self.scenario())) + "\n"
        return schrijf(doel, tekst.encode("utf-8"), overschrijven=overschrijven, optie="bestand")

    def _bewaar_knop(self) -> None:
        try:
            pad = self.bewaar(self.bestandsnaam.value)
            self.melding.value = f"<p>bewaard: {e(pad)}</p>"
        except TarievenFout as fout:
            self.melding.value = f"<p style='color:#8c1c13'>{e(fout)}</p>"

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.paneel._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<Verkenner {self.uitkomst!r}>"


def _toml_waarde(x: Any) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, float)):
        return repr(x)
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, Mapping):
        return "{" + ", ".join(f"{k} = {_toml_waarde(v)}" for k, v in x.items()) + "}"
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(_toml_waarde(v) for v in x) + "]"
    return json.dumps(str(x), ensure_ascii=False)  # a TOML basic string


def _toml(d: Mapping[str, Any], pad: str = "") -> list[str]:
    """A scenario as TOML: values first, then one table per nested table."""
    regels = [f"{k} = {_toml_waarde(v)}" for k, v in d.items() if not isinstance(v, Mapping)]
    for k, v in d.items():
        if isinstance(v, Mapping):
            naam = f"{pad}.{k}" if pad else k
            kop = ["", f"[{naam}]"] if any(not isinstance(x, Mapping) for x in v.values()) else []
            regels += [*kop, *_toml(v, naam)]
    return regels


def verken(
    bron: Any, peildatum: dt.date | str | None = None, *, tariefjaar: int | None = None, params: Any = None
) -> Verkenner:
    """The explorer of a product code, scenario file or dict (see :class:`Verkenner`)."""
    return Verkenner(bron, peildatum, tariefjaar=tariefjaar, params=params)
