"""A folder of web pages shared by the worker and Dask tests: the same page on three sites, a page without
text, and a plain-text wire story."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def page_folder(tmp_path: Path) -> tuple[Path, str]:
    """The folder, and the warning a build gives for its page without text."""
    folder = tmp_path / "pages"
    folder.mkdir()
    page = (ROOT / "tests" / "fixtures" / "inputs" / "page.html").read_text(encoding="utf-8")
    for number in range(3):
        (folder / f"site{number}.html").write_text(page, encoding="utf-8")
    (folder / "site1b.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    (folder / "wire.txt").write_text((ROOT / "seeds" / "003_4270a9efd2e10240.txt").read_text("utf-8"), "utf-8")
    return folder, f"chronology: warning: {folder / 'site1b.html'}: no text found, skipped"
