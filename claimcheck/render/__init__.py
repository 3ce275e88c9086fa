"""Renderers: one per output format, registered by name.

A renderer is a plain callable ``(Report, RenderOptions) -> str``. The built-in ones live in one
module per format (``text``, ``json``/``jsonl``, ``markdown``, ``html``, ``sarif``) and register
themselves when this package is imported; a new format is one decorated function::

    @claimcheck.render.register("yaml")
    def render_yaml(report, options):
        ...

Claim lists (the ``extract`` command) go through :func:`render_claims` instead, with the formats
in :data:`CLAIM_FORMATS`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

import attrs

from ..errors import ClaimcheckError
from ..report import Report

__all__ = [
    "CLAIM_FORMATS",
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "UnknownFormatError",
    "register",
    "render",
    "render_claims",
]


@attrs.frozen(slots=True)
class RenderOptions:
    """What a renderer may be asked to do beyond its format.

    ``color``: ANSI colours (the CLI sets it only when writing to a terminal).
    ``show_info``: include ``info`` findings. The human formats (text, markdown, html) and SARIF
    honour it; ``json``/``jsonl`` are the full record and always carry everything.
    """

    color: bool = False
    show_info: bool = True


Renderer = Callable[[Report, RenderOptions], str]

#: Format name -> renderer. Filled by the ``@register`` decorators of the modules below.
RENDERERS: dict[str, Renderer] = {}


class UnknownFormatError(ClaimcheckError, ValueError):
    """A format name no renderer is registered under."""

    def __init__(self, name: str, choices: Iterable[str]) -> None:
        choices = tuple(sorted(choices))
        super().__init__(name, choices)
        self.name = name
        self.choices = choices

    def __str__(self) -> str:
        message = f"unknown format {self.name!r}"
        close = difflib.get_close_matches(self.name.lower(), self.choices, n=1, cutoff=0.5)
        if close:
            message += f"; did you mean {close[0]!r}?"
        return f"{message} (choose from: {', '.join(self.choices)})"


def register(name: str, *, replace: bool = False) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the renderer for format ``name``.

    Registering a name twice is an error unless ``replace=True``.
    """

    def decorator(func: Renderer) -> Renderer:
        if name in RENDERERS and not replace and RENDERERS[name] is not func:
            raise ValueError(f"a renderer is already registered for format {name!r}")
        RENDERERS[name] = func
        return func

    return decorator


def render(report: Report, fmt: str, *, color: bool = False, show_info: bool = True) -> str:
    """Render ``report`` in format ``fmt`` (a key of :data:`RENDERERS`).

    Raises :class:`UnknownFormatError` (a ``ValueError``) with a suggestion for an unknown name.
    """
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UnknownFormatError(fmt, RENDERERS) from None
    return renderer(report, RenderOptions(color=color, show_info=show_info))


# Import the built-in formats so their @register decorators run. Imported last: they use
# ``register`` and ``RenderOptions`` from this module.
from . import html, json, markdown, sarif, text  # noqa: E402, F401
from .claims import CLAIM_FORMATS, render_claims  # noqa: E402
