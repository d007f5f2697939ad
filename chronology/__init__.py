"""chronology: turn news articles into one merged, dated chronology.

`chronology.build(paths)` and `chronology.tag(text)` are the Python API (chronology.api); they are loaded on
first use, so that importing the package (and `chronology --help`) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"
__all__ = ["build", "tag"]

if TYPE_CHECKING:
    from chronology.api import build, tag


def __getattr__(name: str) -> Any:
    if name in __all__:
        from chronology import api

        return getattr(api, name)
    raise AttributeError(f"module 'chronology' has no attribute {name!r}")
