"""Small inline SVG graphics drawn on the server: no JavaScript, nothing loaded from elsewhere.

Pure: plain numbers and labels in, an SVG string out (every label escaped).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

NEWS_COLOUR = "#1f6fb2"
ARTICLES_COLOUR = "#e07b00"
GRID_COLOUR = "#d0d5dd"
TEXT_COLOUR = "#333333"
TODAY_COLOUR = "#c0392b"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int]
    colour: str


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    width: int = 720,
    height: int = 280,
) -> str:
    """Grouped bars: one group per label, one bar per series, values written above the bars."""
    left, right, top, bottom = 44, 12, 36, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for s in series for v in s.values), default=0))
    ticks = 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="chart-title" font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for i in range(ticks + 1):
        value = top_value * i / ticks
        y = top + plot_h - plot_h * i / ticks
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{TEXT_COLOUR}">{value:g}</text>'
        )
    groups = max(len(labels), 1)
    group_w = plot_w / groups
    bar_w = group_w * 0.7 / max(len(series), 1)
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.15
        for s_index, s in enumerate(series):
            value = s.values[g] if g < len(s.values) else 0
            bar_h = plot_h * value / top_value
            x = x0 + s_index * bar_w
            y = top + plot_h - bar_h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{bar_h:.1f}" '
                f'fill="{s.colour}"><title>{escape(s.name)} {escape(label)}: {value}</title></rect>'
            )
            out.append(
                f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                f'font-size="11" fill="{TEXT_COLOUR}">{value}</text>'
            )
        out.append(
            f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
    legend_x = left
    for s in series:
        out.append(f'<rect x="{legend_x}" y="10" width="12" height="12" fill="{s.colour}"/>')
        out.append(f'<text x="{legend_x + 16}" y="20" fill="{TEXT_COLOUR}">{escape(s.name)}</text>')
        legend_x += 24 + 8 * len(s.name)
    out.append("</svg>")
    return "".join(out)


def progress_bar(
    percent: float,
    *,
    expected_percent: float | None = None,
    colour: str = NEWS_COLOUR,
    width: int = 140,
    height: int = 12,
    label: str = "",
) -> str:
    """A horizontal bar filled to ``percent``; a red tick where the count should be by today."""
    fill = max(0.0, min(percent, 100.0)) * width / 100
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>" if label else "",
        f'<rect x="0" y="0" width="{width}" height="{height}" rx="2" fill="#eef0f3" stroke="{GRID_COLOUR}"/>',
        f'<rect x="0" y="0" width="{fill:.1f}" height="{height}" rx="2" fill="{colour}"/>',
    ]
    if expected_percent is not None:
        x = max(0.0, min(expected_percent, 100.0)) * width / 100
        x = min(max(x, 1.0), width - 1.0)
        out.append(
            f'<line x1="{x:.1f}" y1="-1" x2="{x:.1f}" y2="{height + 1}" '
            f'stroke="{TODAY_COLOUR}" stroke-width="2"/>'
        )
    out.append("</svg>")
    return "".join(out)
