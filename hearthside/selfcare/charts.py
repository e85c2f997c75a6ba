"""Self-hosted SVG charts. Colours come from CSS classes, so they follow the light or dark theme;
every chart is paired with a table for screen readers in the template."""

from __future__ import annotations

from datetime import date
from html import escape

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

W, H = 640, 240
PAD_L, PAD_R, PAD_T, PAD_B = 36, 12, 12, 28


def _x(day: date, start: date, end: date) -> float:
    span = max((end - start).days, 1)
    return PAD_L + (day - start).days / span * (W - PAD_L - PAD_R)


def _y(value: float, lo: float, hi: float) -> float:
    return PAD_T + (hi - value) / (hi - lo) * (H - PAD_T - PAD_B)


def _frame(title: str, lo: int, hi: int, ticks: list[int], bands=None) -> list[str]:
    out = [f'<svg viewBox="0 0 {W} {H}" class="chart" role="img" aria-label="{escape(title)}" '
           f'preserveAspectRatio="xMidYMid meet">', f"<title>{escape(title)}</title>"]
    for band in bands or []:
        y1, y2 = _y(band["max"], lo, hi), _y(band["min"], lo, hi)
        out.append(f'<rect class="band band-{band["index"] % 5}" x="{PAD_L}" y="{y1:.1f}" width="{W - PAD_L - PAD_R}" '
                   f'height="{max(y2 - y1, 1):.1f}"><title>{escape(band["label"])}</title></rect>')
    for t in ticks:
        y = _y(t, lo, hi)
        out.append(f'<line class="grid" x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="axis" x="{PAD_L - 6}" y="{y + 4:.1f}" text-anchor="end">{t}</text>')
    return out


def line_chart(points: list[dict], smooth: list[dict], start: str, end: str, *, title: str, lo: int = 1,
               hi: int = 10, ticks=(1, 4, 7, 10), bands=None, key: str = "mood") -> str:
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    out = _frame(title, lo, hi, list(ticks), bands)
    for label_day in (s, e):
        out.append(f'<text class="axis" x="{_x(label_day, s, e):.1f}" y="{H - 8}" '
                   f'text-anchor="{"start" if label_day == s else "end"}">{escape(date_format(label_day, "d M"))}</text>')
    if smooth and len(smooth) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{_x(date.fromisoformat(p['date'][:10]), s, e):.1f},"
                        f"{_y(p[key], lo, hi):.1f}" for i, p in enumerate(smooth))
        out.append(f'<path class="smooth" d="{path}"/>')
    for p in points:
        cx, cy = _x(date.fromisoformat(p["date"][:10]), s, e), _y(p[key], lo, hi)
        out.append(f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="3.5"><title>{escape(p["date"][:10])}: '
                   f'{p[key]}</title></circle>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text is escaped above


def _days(n) -> str:
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}


def bar_chart(rows: list[dict], label_key: str, value_key: str, *, title: str, lo: float = 0, hi: float = 10,
              count_key: str = "days") -> str:
    out = _frame(title, int(lo), int(hi), [int(lo), int((lo + hi) / 2), int(hi)])
    n = max(len(rows), 1)
    slot = (W - PAD_L - PAD_R) / n
    for i, row in enumerate(rows):
        x = PAD_L + i * slot + slot * 0.15
        width = slot * 0.7
        value = row.get(value_key)
        if value is not None:
            y = _y(max(min(value, hi), lo), lo, hi)
            out.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{H - PAD_B - y:.1f}">'
                       f'<title>{escape(str(row[label_key]))}: {value} ({escape(_days(row.get(count_key, "")))})</title>'
                       '</rect>')
        out.append(f'<text class="axis" x="{x + width / 2:.1f}" y="{H - 8}" text-anchor="middle">'
                   f'{escape(str(row[label_key]))[:10]}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - escaped above
