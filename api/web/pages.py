"""The web pages: public HTML shells and their static scripts, styles and vendored design system.

The pages hold no data. They sign in with a bearer token and read everything they show from the
token-protected API, so the server decides who sees what. A strict Content-Security-Policy keeps
scripts to the files served here (no inline script, no other origin).

Each page is one file ``assets/pages/<name>.html`` served at ``/<name>`` (``index`` at ``/``),
holding its own title, style sheets and script; what every page's head shares (the character
set, viewport, referrer policy, the vendored NHS.UK style sheet and the icon) is written once
here, ``SHARED_HEAD``, and put at the start of each page's ``<head>`` as it is served. The pages
read before signing in (the sign-in page, /docs) hold ``<header id="signed-out-header"></header>``,
served as the NHS.UK header with the ledger's name, ``SIGNED_OUT_HEADER``, also written once here
(a signed-in page's header is layout.js's, with the caller's links). Static files are served
from ``assets/`` (and the vendored NHS.UK frontend under ``assets/vendor/``) only when they exist
there with a known type: a path that leaves the folder, or names anything else, is 404.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

WEB = Path(__file__).parent / "assets"
PAGES = WEB / "pages"
MEDIA_TYPES = {
    ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
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
SHARED_HEAD = (
    b'\n<meta charset="utf-8">\n'
    b'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    b'<meta name="referrer" content="no-referrer">\n'
    b'<link rel="stylesheet" href="/static/vendor/nhsuk-frontend-10.6.1/nhsuk-frontend.min.css">\n'
    b'<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">\n'
)
SIGNED_OUT_PLACE = b'<header id="signed-out-header"></header>'
SIGNED_OUT_HEADER = (
    b'<header class="nhsuk-header" role="banner">\n'
    b'    <div class="nhsuk-header__container nhsuk-width-container">\n'
    b'      <a class="nhsuk-header__service-name" href="/">Care-journey ledger</a>\n'
    b'    </div>\n'
    b'  </header>'
)
router = APIRouter(include_in_schema=False)


def _static_files() -> dict[str, tuple[Path, str]]:
    """Every servable static file by its path under ``/static/`` (read once, at import)."""
    files: dict[str, tuple[Path, str]] = {}
    for path in sorted(WEB.rglob("*")):
        media_type = MEDIA_TYPES.get(path.suffix)
        if path.is_file() and media_type and PAGES not in path.parents:
            files[path.relative_to(WEB).as_posix()] = (path, media_type)
    return files


STATIC = _static_files()
PAGE_NAMES = sorted(path.stem for path in PAGES.glob("*.html"))


def page_response(name: str) -> Response:
    """A page's HTML with the hardening headers (for a route that shares its path with a page)."""
    return _html(name)


def _html(name: str) -> Response:
    body = (PAGES / f"{name}.html").read_bytes().replace(b"<head>", b"<head>" + SHARED_HEAD, 1)
    body = body.replace(SIGNED_OUT_PLACE, SIGNED_OUT_HEADER, 1)
    return Response(body, media_type="text/html; charset=utf-8", headers=HARDENING)


def _page_route(name: str) -> None:
    def serve() -> Response:
        return _html(name)

    serve.__doc__ = f"The {name} page (no data in it: it signs in, then asks the API)."
    router.add_api_route("/" if name == "index" else f"/{name}", serve, methods=["GET"])


for _name in PAGE_NAMES:
    _page_route(_name)


@router.get("/static/{asset:path}")
def static_asset(asset: str) -> Response:
    """One of the pages' own scripts, style sheets or images."""
    found = STATIC.get(asset)
    if found is None:
        raise HTTPException(404, "static: no such file")
    path, media_type = found
    return Response(path.read_bytes(), media_type=media_type, headers=HARDENING)
