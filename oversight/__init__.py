"""Publishing oversight: quotas, the quarterly results table, reminders and the reminder letter.

`from oversight import quota_for` gives other apps (the newsroom dashboard) a unit's targets
for a period without reaching into this app's modules. It is resolved lazily (PEP 562) so that
importing the package does not load models before the app registry is ready.
"""

__all__ = ["quota_for"]


def __getattr__(name):
    if name == "quota_for":
        from oversight.selectors import quota_for

        return quota_for
    raise AttributeError(f"module 'oversight' has no attribute {name!r}")
