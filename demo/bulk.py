"""Bulk generation of posts for benchmarks (`load_demo --posts N`)."""


def bulk_create_posts(n, seed=None, progress=None):
    raise NotImplementedError
