"""The domain: each person's story, the provider directory, their events, guards and values.

Imports only the standard library, ``eventsourcing.domain`` and ``pydantic``.
"""
