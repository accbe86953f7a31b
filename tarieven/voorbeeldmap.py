"""The bundled example scenarios (``voorbeelden/``), found from any working directory.

The wheel ships the repository's ``voorbeelden/`` folder as ``tarieven/voorbeelden``
(``pyproject.toml``, ``force-include``), so a notebook or script reads an example as a
package resource, never relative to the current directory (a Jupyter kernel may run in
any folder and has no ``__file__`` to go by)::

    import tarieven
    tarieven.bereken(tarieven.voorbeeld("dagbesteding-licht"))

From a source checkout (an editable install, or ``PYTHONPATH``) the package has no
``voorbeelden`` folder of its own; the repository's is used instead, as
:func:`tarieven.parameterbestanden.params_pad` does for ``params/``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from tarieven.fouten import OnbekendeNaam

__all__ = ["voorbeeld", "voorbeelden", "voorbeelden_pad"]

_EXTENSIES = (".toml", ".json")


def voorbeelden_pad() -> Path:
    """The folder of the example scenarios: inside the installed package, or the repository's."""
    in_pakket = files("tarieven") / "voorbeelden"
    if isinstance(in_pakket, Path) and in_pakket.is_dir():
        return in_pakket
    return Path(__file__).resolve().parents[1] / "voorbeelden"


def voorbeelden() -> list[str]:
    """The names of the example scenarios (file names without extension), sorted."""
    map_ = voorbeelden_pad()
    return sorted(p.stem for p in map_.iterdir() if p.suffix in _EXTENSIES) if map_.is_dir() else []


def voorbeeld(naam: str) -> Path:
    """The path of an example scenario by name (``"dagbesteding-licht"``; the extension may be given).

    Raises
    ------
    OnbekendeNaam
        For a name that is not an example (a ``KeyError``), listing the examples.
    """
    map_ = voorbeelden_pad()
    stam = Path(naam).stem if Path(naam).suffix in _EXTENSIES else naam
    if Path(stam).name == stam:  # a bare name, never a path out of the folder
        for ext in _EXTENSIES:
            pad = map_ / f"{stam}{ext}"
            if pad.is_file():
                return pad
    raise OnbekendeNaam(naam, "voorbeeld", voorbeelden())
