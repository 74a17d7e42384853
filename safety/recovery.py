"""Recovery codes: their format and how they are stored (a keyed hash, never the code itself).

A code is 8 characters of base32 (40 random bits), shown once as "abcd-efgh". The database keeps, for
each code, a random salt and ``HMAC-SHA256(key, salt:code)`` where the key is derived from
``SECRET_KEY`` (Django's ``salted_hmac`` with a key salt of its own, so it is used for nothing else).

Why a keyed hash, and not a plain salted hash or a password hasher:

- 40 bits is little against an offline search: 2**40 SHA-256 is minutes on one graphics card, so a
  salted but unkeyed fast hash would hand a stolen dump's codes over. Without the key (which is in the
  server's environment, never in the database or in a backup archive) a digest says nothing about the
  code, and guesses can only be made online, where django-otp's throttling slows them down.
- Django's password hashers (PBKDF2, a million rounds) need no key, but cost about 0.3 s per stored
  code, and a code must be compared with each of the user's ten (the salt differs per code): several
  seconds of CPU per attempt, an easy way to load a two-core server.

Codes hashed under a key listed in ``SECRET_KEY_FALLBACKS`` keep working while it is listed, so
``SECRET_KEY`` can be rotated as Django documents it.

No model imports here: the data migration that hashes django-otp's plain-text static tokens uses it too.
"""

import secrets
from base64 import b32encode

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_LENGTH = 8
RECOVERY_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz234567")
KEY_SALT = "safety.recovery.code"


def normalise_code(text: str) -> str:
    """What was typed, without spaces or dashes, in lower case: "ABCD-EFGH " -> "abcdefgh"."""
    return "".join(text.split()).replace("-", "").lower()


def is_recovery_code(code: str) -> bool:
    return len(code) == RECOVERY_CODE_LENGTH and set(code) <= RECOVERY_ALPHABET


def random_code() -> str:
    """8 base32 characters (5 random bytes) in lower case."""
    return b32encode(secrets.token_bytes(5)).decode("ascii").lower()


def new_salt() -> str:
    return secrets.token_hex(8)


def code_digest(code: str, salt: str, secret: str | None = None) -> str:
    """The stored form of ``code``: hex HMAC-SHA256 of "salt:code", keyed from ``secret`` (SECRET_KEY)."""
    return salted_hmac(KEY_SALT, f"{salt}:{code}", secret=secret, algorithm="sha256").hexdigest()


def digest_matches(code: str, salt: str, digest: str) -> bool:
    """Whether ``code`` hashes to ``digest`` under SECRET_KEY or one of its fallbacks.

    Every key is tried and every comparison runs in constant time, whether or not one has matched.
    """
    matched = False
    for secret in (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())):
        matched |= constant_time_compare(code_digest(code, salt, secret), digest)
    return matched


def format_recovery_code(code: str) -> str:
    """ "abcdefgh" -> "abcd-efgh", easier to copy by hand."""
    return f"{code[:4]}-{code[4:]}"
