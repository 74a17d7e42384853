"""Full-page cache for anonymous readers of the public site (see pagecache/middleware.py)."""
