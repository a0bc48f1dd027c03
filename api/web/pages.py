"""The web page: a public HTML shell at ``/`` and its static script and styles.

The page holds no data. It signs in with a bearer token and reads everything it shows from the
token-protected API, so the server decides who sees what. A strict Content-Security-Policy keeps
scripts to the files served here (no inline script, no other origin).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

WEB = Path(__file__).parent / "assets"
ASSETS = {
    "page.js": "text/javascript", "session.js": "text/javascript", "figures.js": "text/javascript",
    "chart.js": "text/javascript", "caseload.js": "text/javascript", "page.css": "text/css",
    "favicon.svg": "image/svg+xml",
}
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HARDENING = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}
router = APIRouter(include_in_schema=False)


def _served(name: str, media_type: str) -> Response:
    return Response((WEB / name).read_bytes(), media_type=media_type, headers=HARDENING)


@router.get("/")
def page() -> Response:
    """The web page (no data in it: it signs in, then asks the API)."""
    return _served("index.html", "text/html; charset=utf-8")


@router.get("/static/{asset}")
def static_asset(asset: str) -> Response:
    """One of the page's own scripts or its style sheet."""
    media_type = ASSETS.get(asset)
    if media_type is None:
        raise HTTPException(404, "static: no such file")
    return _served(asset, media_type)
