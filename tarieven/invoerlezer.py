"""Reading flat inputs field by field, for the one validator (:func:`tarieven.scenario.valideer`).

Each number is converted to the unit of its field (:mod:`tarieven.eenheden`), checked
against the field's hard range (an error) and plausible range (a warning), and an
ambiguous Dutch number is read the one plausible way, with a warning. Every problem is
collected, named by the key as the user wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.fouten import Probleem, Waarschuwing
from tarieven.velden import Veld, veld

__all__ = ["Lezer"]


class Lezer:
    """Collects validated numbers and texts from flat inputs, and every problem."""

    def __init__(
        self, invoer: Mapping[str, Any], geschreven: Mapping[str, str], fout_namen: Mapping[str, str] | None = None
    ) -> None:
        """``geschreven``: how a key was written where that differs from its dotted name (a cell of a
        template); ``fout_namen``: how a problem names a key, where that says more (a value given with
        the call: ``product.groepsgrootte (opgegeven bij de berekening)``); a warning does not."""
        self.invoer = invoer
        self.geschreven = geschreven
        self.fout_namen = fout_namen or {}
        self.p: list[Probleem] = []
        self.waarschuwingen: list[Waarschuwing] = []
        self.waarden: dict[str, float] = {}
        self._onder: dict[str, list[str]] = {}
        for k in invoer:  # every table's children, in order of first appearance, in one pass
            delen = k.split(".")
            for i in range(len(delen) - 1):
                kinderen = self._onder.setdefault(".".join(delen[: i + 1]) + ".", [])
                if delen[i + 1] not in kinderen:
                    kinderen.append(delen[i + 1])

    def naam(self, sleutel: str) -> str:
        return self.geschreven.get(sleutel, sleutel)

    def fout(self, sleutel: str, waarde: Any, verwacht: str, code: str = "") -> None:
        self.p.append(Probleem(self.fout_naam(sleutel), waarde, verwacht, code))

    def fout_naam(self, sleutel: str) -> str:
        return self.fout_namen.get(sleutel) or self.naam(sleutel)

    def getal(self, sleutel: str, v: Veld | None = None, *, verplicht: bool = False) -> float | None:
        v = v or veld(sleutel)
        if sleutel not in self.invoer:
            if verplicht:
                self.fout(sleutel, ..., v.verwacht(sleutel), "ontbreekt")
            return None
        ruw = self.invoer[sleutel]

        def kies(lezingen: Any) -> float | None:  # "3.250": the one plausible reading, if there is one
            goed = [x for x in lezingen if v.past(x) and v.is_plausibel(x)]
            if len(goed) != 1:
                return None
            anders = ", ".join(v.toon(x) for x in lezingen if x != goed[0])
            tekst = f"dubbelzinnig geschreven; gelezen als {v.toon(goed[0])} (niet {anders}, dat ongebruikelijk is)"
            self.waarschuwingen.append(Waarschuwing(self.naam(sleutel), ruw, tekst))
            return float(goed[0])

        try:
            x = naar_eenheid(ruw, v.eenheid, kies)
        except EenheidFout as e:
            self.fout(sleutel, ruw, f"{v.verwacht(sleutel)}; {e}", e.code)
            return None
        if not v.past(x):
            self.fout(sleutel, ruw, v.verwacht(sleutel), "buiten_bereik")
            return None
        if (tekst := v.ongebruikelijk(x)) is not None:
            self.waarschuwingen.append(Waarschuwing(self.naam(sleutel), ruw, tekst))
        self.waarden[sleutel] = x
        return x

    def tekst(self, sleutel: str, *, verplicht: bool = False, standaard: str | None = None) -> str | None:
        v = veld(sleutel)
        ruw = self.invoer.get(sleutel, ...)
        if ruw is ...:
            if verplicht:
                self.fout(sleutel, ..., v.verwacht(sleutel), "ontbreekt")
            return standaard
        if not isinstance(ruw, str) or (v.keuzes and ruw not in v.keuzes):
            self.fout(sleutel, ruw, v.verwacht(sleutel), "keuze" if isinstance(ruw, str) else "type")
            return standaard
        return ruw

    def onder(self, prefix: str) -> list[str]:
        """The names directly under a table, in order of first appearance."""
        return list(self._onder.get(prefix, ()))
