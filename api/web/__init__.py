"""The web face: the page routes and the static assets they serve."""
