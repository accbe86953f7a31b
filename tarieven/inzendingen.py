"""Reading the submissions of a cost study: every file on its own, none able to stop the others.

A region reads files from dozens of providers (:mod:`tarieven.normering`); each is untrusted.
:func:`lees_inzendingen` reads every submission of a folder or a list and returns each
either priced-ready (a validated scenario) or with its error, never dropped and never
raising for one file:

- a file that cannot be read or validated, whatever it holds (a broken workbook, a DTD,
  NaN, a missing field), is listed with its error; so is a symbolic link in the folder
  (not followed: it could put another file's contents, a token or a password, in the report);
- the product comes from the submission's ``basis`` (or its template's product): one
  without a basis is an error, and a ``product.code`` that differs from it is one too;
- a submission is named by its code (``aanbieder.code``: letters, digits, ``-``, ``_``,
  ``.``), else by a code assigned to its provider's name (``A001``, never one a provider
  gave), else by its number in the listing (``#3``), never by a provider's name or file
  name; two submissions with the same code for the same product are both left out, naming
  the duplicate code;
- a message about a submission never names its file (it names the number); the key that
  links codes and numbers to providers and files (:attr:`Inzending.bestand`, ``naam``) is
  for the region to keep apart (``tarieven normeer --sleutel``).

An empty or missing folder is an error of the whole study (:class:`InvoerFout`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tarieven.catalogus import producten
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem, veilig
from tarieven.inlezen import lees_scenario, plat
from tarieven.lezen import lees_bestand
from tarieven.parameters import Herkomst, ParameterSet
from tarieven.scenario import Scenario, valideer
from tarieven.velden import LEEG

__all__ = ["ACHTERVOEGSELS", "CODE", "Inzending", "lees_inzendingen"]

ACHTERVOEGSELS = (".toml", ".json", ".xlsx")
"""The files of a folder that are read as submissions."""
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
"""A provider's code: what an AGB code or a region's code looks like, and nothing a
spreadsheet or a terminal would act on."""
_BLOKKEN = ("product.personeel.", "product.ratio.", "werkgeverslasten.")
_VERWIJZINGEN = (".functie", ".cao", ".schaal", ".trede")


@dataclass(frozen=True)
class Inzending:
    """One provider's submission: its code, product, volume and validated scenario (or its error).

    ``code`` is the provider's own, one assigned to its name (``A001``) or the submission's
    number (``#3``) when no code could be read; ``nummer`` its place in the listing (from 1);
    ``bestand`` and ``naam`` (the provider's name, if given) are for the key only."""

    code: str
    bestand: str
    product: str | None
    volume: float | None
    scenario: Scenario | None
    fout: str | None = None
    nummer: int = 0
    naam: str | None = None


class _Basis:
    """The completed basis products, per product: a submission with plain changes is
    validated on top of it (the one validator) without looking the catalogue up again."""

    def __init__(self, peildatum: dt.date | str | None, params: Any, aannames: str | None = None) -> None:
        self.peildatum, self.params, self.aannames = peildatum, params, aannames
        self._per_product: dict[str, Scenario] = {}

    def scenario(self, data: Mapping[str, Any], eigen: Mapping[str, Any], bron: str) -> Scenario:
        """``data`` as read, ``eigen`` its flat inputs."""
        code = eigen.get("basis")
        sleutels = [k for k in eigen if k != "basis"]
        s = self._product(code)
        if s is not None and all(self._eenvoudig(s, k, eigen[k]) for k in sleutels):
            herkomst = {**s.herkomst, **dict.fromkeys(sleutels, Herkomst(f"inzending {Path(bron).name}"))}
            u = valideer(
                {**s.invoer, **{k: eigen[k] for k in sleutels}},
                bron=bron,
                herkomst=herkomst,
                peildatum=s.peildatum,
                tariefjaar=s.tariefjaar,
                minimumuurloon=s.minimumuurloon,
            )
            gegeven = {k: str(v) if isinstance(v, dt.date) else v for k, v in eigen.items()}
            return replace(u, eigen=gegeven, parameters=s.parameters, aannames=s.aannames)
        return lees_scenario(dict(data), self.peildatum, params=self.params, naam=bron, aannames=self.aannames)

    def _product(self, code: Any) -> Scenario | None:
        """The completed product, read once; None for anything but a known product code."""
        if not isinstance(code, str) or code not in producten(self.params):
            return None
        if code not in self._per_product:
            self._per_product[code] = lees_scenario(code, self.peildatum, params=self.params, aannames=self.aannames)
        return self._per_product[code]

    @staticmethod
    def _eenvoudig(s: Scenario, k: str, v: Any) -> bool:
        """A plain change of a number the completed product already has (no block replaced, no lookup)."""
        if k in ("beschrijving", "aanbieder.naam", "aanbieder.code"):
            return isinstance(v, str)
        if k == "aanbieder.volume":
            return not isinstance(v, (Mapping, list))
        return (
            k in s.waarden
            and not isinstance(v, Mapping)
            and v is not LEEG
            and not k.startswith(_BLOKKEN)
            and not k.endswith(_VERWIJZINGEN)
        )


def _bestanden(bron: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> tuple[list[Path], bool]:
    """The submissions to read, and whether they come from a folder (where links are not followed)."""
    if isinstance(bron, (str, os.PathLike)):
        pad = Path(bron)
        if pad.is_dir():
            paden = sorted(p for p in pad.iterdir() if p.suffix.lower() in ACHTERVOEGSELS)
            if not paden:
                verwacht = f"een map met ten minste één inzending ({', '.join(ACHTERVOEGSELS)}); deze map heeft er geen"
                raise InvoerFout([Probleem("MAP", str(pad), verwacht)])
            return paden, True
        if not (pad.exists() or pad.is_symlink()):
            verwacht = f"een bestaande map met inzendingen ({', '.join(ACHTERVOEGSELS)}), of één inzending"
            raise InvoerFout([Probleem("MAP", str(pad), verwacht)])
        return [pad], False
    paden = [Path(p) for p in bron]
    if not paden:
        raise InvoerFout([Probleem("inzendingen", "[]", "ten minste één inzending")])
    return paden, False


def _zonder_bestand(tekst: str, pad: Path, nummer: int) -> str:
    """A message about a submission without its file's name (which may name the provider)."""
    for naam in sorted({str(pad), str(pad.absolute()), pad.name}, key=len, reverse=True):
        tekst = tekst.replace(naam, f"inzending #{nummer}")
    return veilig(tekst)


def _fouttekst(e: Exception, pad: Path, nummer: int) -> str:
    if isinstance(e, InvoerFout):
        tekst = "; ".join(str(p) for p in e.problemen)
    else:  # whatever a file holds, one submission never stops the study
        tekst = f"de inzending kon niet gelezen worden ({type(e).__name__}: {e})"
    return _zonder_bestand(tekst, pad, nummer)


def _kop(data: Any) -> tuple[str | None, str | None, str | None]:
    """The provider's code and name and the product, as written (also when the rest is wrong)."""
    if not isinstance(data, Mapping):
        return None, None, None
    kop = data.get("aanbieder")
    kop = kop if isinstance(kop, Mapping) else {}
    code, naam, basis = kop.get("code"), kop.get("naam"), data.get("basis")
    return (
        code if isinstance(code, str) else None,
        naam if isinstance(naam, str) and naam.strip() else None,
        basis if isinstance(basis, str) else None,
    )


def _lees(pad: Path, basis: _Basis, peildatum: Any, params: Any) -> tuple[Scenario, dict[str, Any]]:
    """One submission, validated; and what it says about its provider (for a failing one too)."""
    if pad.suffix.lower() in (".toml", ".json"):
        data = lees_bestand(pad, soort="inzending", koppeling=False)
        eigen, _, problemen = plat(data)
        if problemen:
            raise InvoerFout(problemen, str(pad))
        if "basis" not in eigen:
            verwacht = (
                f'het product waarop de inzending voortbouwt, zoals basis = "41A22" ({", ".join(producten(params))})'
            )
            raise InvoerFout([Probleem("basis", ..., verwacht)], str(pad))
        return basis.scenario(data, eigen, str(pad)), data
    s = lees_scenario(pad, peildatum, params=params, aannames=basis.aannames)  # a filled template: its product
    return s, {
        "aanbieder": {k.removeprefix("aanbieder."): v for k, v in s.invoer.items() if k.startswith("aanbieder.")}
    }


def lees_inzendingen(
    bron: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    peildatum: dt.date | str | None = None,
    params: Any = None,
    aannames: str | None = None,
) -> tuple[list[Inzending], dict[str, str]]:
    """Read and validate every submission of a folder (or a list of files).

    Returns the submissions (a failing one with its error, never dropped) and the mapping
    from assigned code to the provider name some submissions gave. Raises
    :class:`InvoerFout` only for the study as a whole: a missing or empty folder.
    ``aannames``: the assumption set the bundled assumptions are read at (default: each
    submission's own, else centraal).
    """
    paden, uit_map = _bestanden(bron)
    if params is not None and not isinstance(params, ParameterSet):
        params = laad_parameters(params)  # the user's own parameter file or folder
    basis = _Basis(peildatum, params, aannames)
    gelezen: list[dict[str, Any]] = []
    for nummer, pad in enumerate(paden, start=1):
        r: dict[str, Any] = {"nummer": nummer, "pad": pad, "scenario": None, "fout": None}
        r["code"], r["naam"], r["product"] = None, None, None
        koppeling = uit_map and pad.is_symlink()  # never followed: it could put any file in the report
        try:
            if koppeling:
                raise InvoerFout(
                    [
                        Probleem(
                            "bestand",
                            "symbolische koppeling",
                            "een gewoon bestand in de map; tarieven volgt geen koppelingen in een map met inzendingen",
                        )
                    ]
                )
            s, data = _lees(pad, basis, peildatum, params)
            r["code"], r["naam"], _ = _kop(data)
            r["scenario"], r["product"] = s, s.eigen.get("basis")
        except Exception as e:  # whatever one file holds, the study goes on
            if not koppeling:  # what the file says about its provider, if it says it at all
                with contextlib.suppress(Exception):
                    r["code"], r["naam"], r["product"] = _kop(lees_bestand(pad, soort="inzending", koppeling=False))
            r["fout"] = _fouttekst(e, pad, nummer)
        gelezen.append(r)
    return _met_codes(gelezen)


def _met_codes(gelezen: list[dict[str, Any]]) -> tuple[list[Inzending], dict[str, str]]:
    """Each submission named: its own code, one assigned to its name, or its number; duplicates left out."""
    for r in gelezen:
        if r["code"] is not None and not CODE.fullmatch(r["code"]):
            verwacht = "een code van letters, cijfers, '-', '_' of '.' (hoogstens 40 tekens), zoals A017"
            probleem = str(Probleem("aanbieder.code", r["code"], verwacht))
            r["fout"] = f"{r['fout']}; {probleem}" if r["fout"] else probleem
            r["scenario"], r["code"] = None, None
    gegeven = {r["code"] for r in gelezen if r["code"] is not None}
    namen: dict[str, str] = {}
    volgende = 1
    for r in gelezen:
        if r["code"] is None and r["naam"] is not None and r["scenario"] is not None:
            code = next((c for c, n in namen.items() if n == r["naam"]), None)
            while code is None:
                kandidaat = f"A{volgende:03d}"
                volgende += 1
                if kandidaat not in gegeven:
                    code = kandidaat
                    namen[code] = r["naam"]
            r["code"] = code
        if r["code"] is None:
            r["code"] = f"#{r['nummer']}"
    per_code: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for r in gelezen:
        per_code.setdefault((r["code"], r["product"]), []).append(r)
    for (code, product), groep in per_code.items():
        if len(groep) > 1:
            for r in groep:
                anderen = ", ".join(f"#{q['nummer']}" for q in groep if q is not r)
                dubbel = (
                    f"dubbele code {code} voor {product or 'hetzelfde product'} (ook inzending {anderen}): "
                    "geen van deze inzendingen telt mee"
                )
                r["fout"] = f"{dubbel}; {r['fout']}" if r["fout"] else dubbel
                r["scenario"] = None
    uit = []
    for r in gelezen:
        s = r["scenario"]
        volume = s.waarden.get("aanbieder.volume") if s is not None else None
        uit.append(Inzending(r["code"], str(r["pad"]), r["product"], volume, s, r["fout"], r["nummer"], r["naam"]))
    return uit, namen
