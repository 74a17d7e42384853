"""Local development and the `make demo` site: safe defaults, never for the internet."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-2b7c1e"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
