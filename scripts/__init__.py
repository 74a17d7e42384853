"""Maintenance scripts; importable as ``scripts.<name>`` by the test suite."""
