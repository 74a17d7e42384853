"""Renderers of the quarterly table: text, CSV, XLSX and the DOCX reminder letter.

Each takes a `ReportDocument` (rows from `oversight.selectors` plus the letter's settings) and
returns bytes or text; none queries the database.
"""
