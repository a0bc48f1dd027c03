"""The HTTP face: the FastAPI application, its dependencies, errors, middleware and routes."""
