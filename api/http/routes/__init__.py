"""The HTTP routes, one module per group (people, story, providers, figures, audit, erasure, health)."""
