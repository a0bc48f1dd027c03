"""The README and docs/ link only inside the repository, and the contract names every HTTP route.

No database: the routes are read from the API's routers, which are built at import time without
connecting to anything, and from FastAPI's own documentation routes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from fastapi import APIRouter, FastAPI

import api

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def links(page: Path) -> list[str]:
    """Every Markdown link target on a page, outside code blocks and code spans."""
    text = CODE.sub("", FENCED.sub("", page.read_text()))
    return LINK.findall(text)


def anchors(page: Path) -> set[str]:
    """The anchors a page's headings get, as GitHub makes them (duplicates numbered)."""
    found: set[str] = set()
    for heading in re.findall(r"^#+\s+(.+?)\s*$", FENCED.sub("", page.read_text()), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        candidate, number = slug, 0
        while candidate in found:
            number += 1
            candidate = f"{slug}-{number}"
        found.add(candidate)
    return found


def broken(page: Path, target: str) -> str | None:
    """Why a link from ``page`` does not land on a file (and anchor) inside the repository."""
    if SCHEME.match(target) or target.startswith("/"):
        return "points outside the repository"
    path_part, _, anchor = target.partition("#")
    destination = (page.parent / path_part).resolve() if path_part else page
    if not destination.is_relative_to(ROOT):
        return "points outside the repository"
    if not destination.exists():
        return "names no file"
    if anchor and destination.suffix == ".md" and anchor not in anchors(destination):
        return f"names no heading #{anchor}"
    return None


def served_routes() -> set[tuple[str, str]]:
    """Every (method, path) the API's routers and FastAPI's own OpenAPI document answer."""
    routers: list[APIRouter] = []
    for module in pkgutil.walk_packages(api.__path__, "api."):
        loaded = importlib.import_module(module.name)
        routers += [value for value in vars(loaded).values() if isinstance(value, APIRouter)]
    own = FastAPI(docs_url=None, redoc_url=None).routes  # as create_app builds it: /openapi.json only
    routes = [route for router in routers for route in router.routes] + own
    return {(method, route.path) for route in routes if hasattr(route, "path")
            for method in getattr(route, "methods", None) or () if method != "HEAD"}


def test_every_page_links_only_to_files_in_the_repository() -> None:
    """Each relative link in README.md and docs/*.md resolves to a file (and heading) in the repository."""
    faults = [f"{page.relative_to(ROOT)} → {target}: {why}"
              for page in PAGES for target in links(page)
              if (why := broken(page, target)) is not None]
    assert faults == []


def test_the_readme_links_to_the_docs() -> None:
    """The README sends a newcomer to docs/ for the definitions."""
    assert "docs/README.md" in links(ROOT / "README.md")


def test_the_contract_names_every_route_the_api_serves() -> None:
    """docs/contract.md names every method and path the HTTP API answers."""
    contract = (ROOT / "docs" / "contract.md").read_text()
    routes = served_routes()
    missing = sorted(f"{method} {path}" for method, path in routes
                     if f"`{method} {path}`" not in contract)
    assert len(routes) > 15
    assert missing == []
