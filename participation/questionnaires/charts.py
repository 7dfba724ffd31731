"""Results as charts drawn on the server: SVG, no JavaScript, each followed in the page by a data
table holding every number it shows (templates questionnaires/includes/results_question.html).

Four kinds, all horizontal so long option labels get their own line:
- `bars`: one bar per option or scale point (a question's global distribution);
- `stacked`: per country one 100% bar split into the options (single choice, first choices of a
  ranking); each option has a colour and a pattern, and a legend, so colour is not the only cue;
- `dots`: per country (or matrix row) a dot at the mean with a line for the spread (scales,
  numbers, matrix rows);
- `markers`: per country a row with a marker per option or matrix row (each with a colour and
  a shape, and a legend), the country comparison of multiple choices and matrices.
The report draws its country comparisons for paper (`print_comparison`): a row per country, the
label beside it, in parts no taller than a page.
Right to left (`rtl=True`) the drawing is mirrored: bars grow from the right, the axis runs right
to left, labels anchor at the right. Colours are presentation attributes (the site's CSP allows no
inline styles) and have at least 4.5:1 contrast with white, the text drawn on them."""

import functools
import itertools
from dataclasses import dataclass
from html import escape  # the standard library's: Django's adds a lazy-string check per call

from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import Question

WIDTH = 380
PAD = 4
LABEL = 21  # a label line
BAR = 18
GAP = 10
FONT = 15
# Charts of more rows than this (80 countries side by side) draw the shape only: their figures
# are in the table that follows. Hundreds of figures drawn as text were most of the report's
# time in WeasyPrint, and not readable at that density anyway.
FIGURES_UP_TO = 20
INK, MUTED, TRACK = "#1b1f24", "#4a5360", "#e3e8ee"
# Dark enough for white text on them (>= 4.5:1) and distinct from each other.
COLOURS = ["#0b5cad", "#a4161a", "#1d6b3a", "#6b3fa0", "#8a4b00", "#005f73", "#4a5360", "#9c1a6b"]
# White marks drawn over the colour: the second cue besides colour.
PATTERNS = [
    "",
    '<path d="M0 6 L6 0" stroke="#fff" stroke-width="1.5"/>',
    '<circle cx="3" cy="3" r="1.2" fill="#fff"/>',
    '<path d="M0 3 H6" stroke="#fff" stroke-width="1.5"/>',
    '<path d="M3 0 V6" stroke="#fff" stroke-width="1.5"/>',
    '<path d="M0 0 L6 6 M0 6 L6 0" stroke="#fff" stroke-width="1"/>',
    '<path d="M0 0 L6 6" stroke="#fff" stroke-width="1.5"/>',
    '<rect x="2" y="2" width="2" height="2" fill="#fff"/>',
]
_ids = itertools.count(1)


def number(value, places=1, language=None):
    """A number as the reader's language writes it. Loops over thousands of figures pass the
    `language` (the active one) they read once: reading it costs more than formatting."""
    if value is None:
        return "–"
    value = float(value)
    if value.is_integer():
        places = 0
    return _number(language or translation.get_language(), round(value, places), places)


def percent(value, language=None):
    language = language or translation.get_language()
    return _percent(language, number(value, 1, language))


# 80 countries' tables and charts write the same counts and percentages thousands of times, and
# Django's formatting and gettext cost microseconds each: both remembered per language.
@functools.lru_cache(maxsize=8192)
def _number(language, value, places):
    return formats.number_format(value, places, use_l10n=True)


@functools.lru_cache(maxsize=8192)
def _percent(language, figure):
    return _("%(percent)s%%") % {"percent": figure}


@dataclass
class Canvas:
    """Coordinates from the start side: `x(offset)` is `offset` from the left, or from the right
    when right to left."""

    rtl: bool
    width: int = WIDTH
    language: str = ""  # of the figures; the active language unless given

    def __post_init__(self):
        self.language = self.language or translation.get_language()

    def number(self, value, places=1):
        return number(value, places, self.language)

    def percent(self, value):
        return percent(value, self.language)

    def x(self, offset):
        return self.width - offset if self.rtl else offset

    def span(self, start, length):
        """The x and width of a rectangle covering [start, start + length] from the start side."""
        return (self.width - start - length, length) if self.rtl else (start, length)

    def text(self, offset, y, content, fill=INK, weight="normal", size=FONT):
        return (
            f'<text x="{self.x(offset):.1f}" y="{y:.1f}" text-anchor="start" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
        )

    def rect(self, start, y, length, height, fill):
        x, w = self.span(start, length)
        return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{height}" fill="{fill}"/>'

    def box(self, start, y, length, height):
        """A rectangle as a piece of a path: see _path."""
        x, w = self.span(start, length)
        return f"M{x:.1f} {y:.1f}h{max(w, 0):.1f}v{height}h{-max(w, 0):.1f}z"

    def stroke(self, start, end, y):
        """A horizontal line from `start` to `end` (offsets) as a piece of a path."""
        return f"M{self.x(start):.1f} {y:.1f}H{self.x(end):.1f}"

    def dot(self, offset, y, r):
        """A circle as a piece of a path."""
        x = self.x(offset)
        return f"M{x - r:.1f} {y:.1f}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"


def _path(pieces, **attributes):
    """The shapes of one look (every bar of a series, every track) as one path: a chart of 80
    rows draws a few elements instead of hundreds, which is what WeasyPrint's SVG drawing costs."""
    if not pieces:
        return ""
    drawn = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<path d="{"".join(pieces)}" {drawn}/>'


def _svg(canvas, height, title, description, body, defs="", print_size=False):
    """The chart element: an image with a name and a description for screen readers."""
    chart_id = f"chart-{next(_ids)}"
    return mark_safe(
        f'<svg class="results-chart{" results-chart--print" if print_size else ""}" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {canvas.width} {height:.0f}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" direction="{"rtl" if canvas.rtl else "ltr"}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" id="{chart_id}" font-family="DejaVu Sans, Noto Sans, sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{defs.replace('PREFIX', chart_id)}{''.join(body).replace('PREFIX', chart_id)}</svg>"
    )


def bars(title, items, rtl=False):
    """`items`: (label, count, percent). One bar per item, its count and percentage beside it."""
    canvas = Canvas(rtl)
    room = canvas.width - 2 * PAD - 120  # leaves space for "1,234 · 100%"
    figure = _("%(count)s · %(percent)s") if len(items) <= FIGURES_UP_TO else None
    texts, tracks, filled, y = [], [], [], PAD
    for label, count, share in items:
        texts.append(canvas.text(PAD, y + FONT, label))
        y += LABEL
        tracks.append(canvas.box(PAD, y, room, BAR))
        length = room * (share or 0) / 100
        filled.append(canvas.box(PAD, y, length, BAR))
        if figure:
            texts.append(canvas.text(PAD + length + 6, y + FONT, figure % {"count": canvas.number(count), "percent": canvas.percent(share)}))
        y += BAR + GAP
    description = _("Bar chart: the share of those who answered for each option. The table below gives the numbers.")
    return _svg(canvas, y, title, description, [_path(tracks, fill=TRACK), _path(filled, fill=COLOURS[0]), *texts])


def stacked(title, rows, legend, rtl=False):
    """`rows`: (label, [percent per legend entry]); `legend`: option labels. Per row a bar of
    100%, one segment per option in the legend's order, with its percentage when it fits."""
    canvas = Canvas(rtl)
    room = canvas.width - 2 * PAD
    defs = "".join(
        f'<pattern id="PREFIX-p{index}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{COLOURS[index % len(COLOURS)]}"/>{PATTERNS[index % len(PATTERNS)]}</pattern>'
        for index in range(len(legend))
    )
    texts, tracks, figures, y = [], [], [], PAD
    segments = [[] for _label in legend]  # per option
    tiles = {}  # colour -> dark tiles under the figures
    for label, shares in rows:
        texts.append(canvas.text(PAD, y + FONT, label))
        y += LABEL
        tracks.append(canvas.box(PAD, y, room, BAR))
        start = PAD
        for index, share in enumerate(shares):
            length = room * (share or 0) / 100
            if length <= 0:
                continue
            segments[index].append(canvas.box(start, y, length, BAR))
            if length >= 44 and len(rows) <= FIGURES_UP_TO:
                # On a dark tile so the white figure keeps its contrast over the pattern.
                tiles.setdefault(COLOURS[index % len(COLOURS)], []).append(canvas.box(start + 2, y + 2, 40, BAR - 4))
                figures.append(canvas.text(start + 4, y + FONT, canvas.percent(share), fill="#fff", size=12))
            start += length
        y += BAR + GAP
    body = [
        _path(tracks, fill=TRACK),
        *(_path(pieces, fill=f"url(#PREFIX-p{index})") for index, pieces in enumerate(segments)),
        *(_path(pieces, fill=colour) for colour, pieces in tiles.items()),
        *texts,
        *figures,
    ]
    y += 4
    for index, label in enumerate(legend):
        body.append(canvas.rect(PAD, y, 16, 16, f"url(#PREFIX-p{index})"))
        body.append(canvas.text(PAD + 22, y + FONT, label))
        y += LABEL + 4
    description = _(
        "Stacked bar chart: for each country, how those who answered divide between the options, in the order of the legend. The table below gives the numbers."
    )
    return _svg(canvas, y, title, description, body, defs)


def dots(title, rows, low, high, rtl=False):
    """`rows`: (label, mean, spread). A dot at the mean on an axis from `low` to `high`, a line
    from mean - spread to mean + spread."""
    canvas = Canvas(rtl)
    room = canvas.width - 2 * PAD - 16
    low, high = float(low), float(high)
    if high <= low:
        high = low + 1

    def at(value):
        return PAD + 8 + room * (min(max(float(value), low), high) - low) / (high - low)

    pattern = _("mean %(mean)s, spread %(spread)s")
    texts, tracks, spreads, means, y = [], [], [], [], PAD
    for label, mean, spread in rows:
        figure = pattern % {"mean": canvas.number(mean, 2), "spread": canvas.number(spread, 2)}
        texts.append(canvas.text(PAD, y + FONT, f"{label}: {figure}" if mean is not None else f"{label}: –"))
        y += LABEL
        middle = y + BAR / 2
        tracks.append(canvas.stroke(PAD, PAD + room + 16, middle))
        if mean is not None:
            spread = spread or 0
            spreads.append(canvas.stroke(at(mean - spread), at(mean + spread), middle))
            means.append(canvas.dot(at(mean), middle, 6))
        y += BAR + GAP
    body = [
        _path(tracks, fill="none", stroke=TRACK, stroke_width=2),
        _path(spreads, fill="none", stroke=COLOURS[0], stroke_width=4),
        _path(means, fill=COLOURS[1], stroke="#fff", stroke_width=1.5),
        *texts,
    ]
    # The axis: its ends and middle, labelled.
    body.append(f'<line x1="{canvas.x(at(low)):.1f}" x2="{canvas.x(at(high)):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{MUTED}"/>')
    for value in (low, (low + high) / 2, high):
        x = canvas.x(at(value))
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{y + 5:.1f}" stroke="{MUTED}"/>')
        body.append(f'<text x="{x:.1f}" y="{y + 19:.1f}" text-anchor="middle" font-size="13" fill="{MUTED}">{escape(canvas.number(value, 1))}</text>')
    description = _("Dot chart: a dot at each mean, a line for the spread (one standard deviation either side). The table below gives the numbers.")
    return _svg(canvas, y + 24, title, description, body)


# --- the report's comparison charts ---------------------------------------------------------------
# On paper the countries are compared with a row each: the label beside its bar, about 8 pt on A4,
# and at most PRINT_ROWS rows a figure so none is taller than a page (a taller image is cut off).
# One label per country: WeasyPrint lays out SVG text a letter at a time, and the screen's charts
# of multiple choices and matrices (a row per country and option) were most of a report's time.

PRINT_WIDTH = 760
PRINT_LABEL = 200  # the labels' column
PRINT_FONT = 12
PRINT_ROW = 18
PRINT_ROWS = 45  # with the legend's
# A shape per series besides its colour, so colour is not the only cue.
MARKERS = 5


def _marker(canvas, index, offset, y, r=5):
    """The marker of series `index`, centred at `offset`, as a piece of a path."""
    x, shape = canvas.x(offset), index % MARKERS
    if shape == 0:
        return canvas.dot(offset, y, r)
    if shape == 1:
        return f"M{x - r:.1f} {y - r:.1f}h{2 * r}v{2 * r}h{-2 * r}z"
    if shape == 2:
        return f"M{x:.1f} {y - r - 1:.1f}l{r + 1} {r + 1}l{-r - 1} {r + 1}l{-r - 1} {-r - 1}z"
    if shape == 3:
        return f"M{x:.1f} {y - r:.1f}l{r} {2 * r}h{-2 * r}z"
    return f"M{x:.1f} {y + r:.1f}l{r} {-2 * r}h{-2 * r}z"


def _clip(label, length=30):
    """A label that keeps to its column (the table after the chart has it whole)."""
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def _parts(title, rows, legend):
    """(title, rows) per figure of at most PRINT_ROWS rows with its legend; the title says which
    part it is."""
    size = max(PRINT_ROWS - len(legend), 10)
    chunks = [rows[start : start + size] for start in range(0, len(rows), size)] or [[]]
    if len(chunks) == 1:
        return [(title, chunks[0])]
    part = _("%(title)s (part %(part)s of %(parts)s)")
    return [(part % {"title": title, "part": index, "parts": len(chunks)}, chunk) for index, chunk in enumerate(chunks, 1)]


def _legend(canvas, y, legend, swatch, font=PRINT_FONT):
    """The legend below a figure's rows: `swatch(canvas, index, offset, middle)` draws each key."""
    body, line = [], font + 6
    for index, label in enumerate(legend):
        body.append(swatch(canvas, index, PAD + 8, y + line / 2))
        body.append(canvas.text(PAD + 22, y + font, label, size=font))
        y += line
    return body, y


def print_stacked(title, rows, legend, rtl=False):
    """`stacked` for paper: figures of a row per country, each a 100% bar split into the options."""
    defs = "".join(
        f'<pattern id="PREFIX-p{index}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{COLOURS[index % len(COLOURS)]}"/>{PATTERNS[index % len(PATTERNS)]}</pattern>'
        for index in range(len(legend))
    )
    description = _(
        "Stacked bar chart: for each country, how those who answered divide between the options, in the order of the legend. The table below gives the numbers."
    )
    figures = []
    for part_title, chunk in _parts(title, rows, legend):
        canvas = Canvas(rtl, PRINT_WIDTH)
        room = canvas.width - PRINT_LABEL - PAD
        texts, tracks, segments, y = [], [], [[] for _label in legend], PAD
        for label, shares in chunk:
            texts.append(canvas.text(PAD, y + PRINT_FONT, _clip(label), size=PRINT_FONT))
            tracks.append(canvas.box(PRINT_LABEL, y + 2, room, PRINT_ROW - 5))
            start = PRINT_LABEL
            for index, share in enumerate(shares):
                length = room * (share or 0) / 100
                if length > 0:
                    segments[index].append(canvas.box(start, y + 2, length, PRINT_ROW - 5))
                    start += length
            y += PRINT_ROW
        body = [_path(tracks, fill=TRACK), *(_path(pieces, fill=f"url(#PREFIX-p{index})") for index, pieces in enumerate(segments)), *texts]
        keys, y = _legend(canvas, y + 6, legend, lambda c, index, offset, middle: c.rect(offset - 7, middle - 7, 14, 14, f"url(#PREFIX-p{index})"))
        figures.append(_svg(canvas, y + PAD, part_title, description, body + keys, defs, print_size=True))
    return mark_safe("".join(figures))


def markers(title, rows, legend, low, high, rtl=False, axis=None, paper=False):
    """Per country a row on an axis from `low` to `high`, a marker per series (the options of a
    multiple choice, the rows of a matrix) with its legend: one label per country, where a bar
    per country and option made charts of 80 countries several metres long. `rows`: (label,
    [value per series]), a value may be None. With no legend, (mean, spread) pairs draw a dot
    and its spread. `axis`: how the axis' figures are written (numbers by default). `paper`:
    the label beside its row and figures no taller than a page (the report), else above it."""
    low, high = float(low), float(high)
    if high <= low:
        high = low + 1
    axis = axis or (lambda canvas, value: canvas.number(value, 1))
    if legend:
        description = _("Dot chart: for each country, a mark per item of the legend at its figure. The table below gives the numbers.")
    else:
        description = _("Dot chart: a dot at each mean, a line for the spread (one standard deviation either side). The table below gives the numbers.")
    width, start, font, row = (PRINT_WIDTH, PRINT_LABEL, PRINT_FONT, PRINT_ROW) if paper else (WIDTH, PAD, FONT, BAR + GAP)
    figures = []
    for part_title, chunk in _parts(title, rows, legend) if paper else [(title, rows)]:
        canvas = Canvas(rtl, width)
        room = canvas.width - start - PAD - 16

        def at(value):
            return start + 8 + room * (min(max(float(value), low), high) - low) / (high - low)

        texts, tracks, spreads, y = [], [], [], PAD
        marks = [[] for _series in (legend or [None])]
        for label, values in chunk:
            texts.append(canvas.text(PAD, y + font, _clip(label) if paper else label, size=font))
            if not paper:
                y += LABEL
            middle = y + (PRINT_ROW if paper else BAR) / 2
            tracks.append(canvas.stroke(start, start + room + 16, middle))
            for index, value in enumerate(values):
                if legend:
                    if value is not None:
                        marks[index].append(_marker(canvas, index, at(value), middle))
                elif value[0] is not None:
                    mean, spread = value[0], value[1] or 0
                    spreads.append(canvas.stroke(at(mean - spread), at(mean + spread), middle))
                    marks[0].append(canvas.dot(at(mean), middle, 5))
            y += row
        body = [_path(tracks, fill="none", stroke=TRACK, stroke_width=2), _path(spreads, fill="none", stroke=COLOURS[0], stroke_width=3)]
        if legend:
            body += [_path(pieces, fill=COLOURS[index % len(COLOURS)], stroke="#fff", stroke_width=1) for index, pieces in enumerate(marks)]
        else:
            body.append(_path(marks[0], fill=COLOURS[1], stroke="#fff", stroke_width=1.5))
        body += texts
        body.append(f'<line x1="{canvas.x(at(low)):.1f}" x2="{canvas.x(at(high)):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{MUTED}"/>')
        for value in (low, (low + high) / 2, high):
            x = canvas.x(at(value))
            body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{y + 5:.1f}" stroke="{MUTED}"/>')
            body.append(f'<text x="{x:.1f}" y="{y + 18:.1f}" text-anchor="middle" font-size="{PRINT_FONT if paper else 13}" fill="{MUTED}">{escape(axis(canvas, value))}</text>')
        y += 26
        if legend:
            keys, y = _legend(canvas, y, legend, lambda c, index, offset, middle: _path([_marker(c, index, offset, middle)], fill=COLOURS[index % len(COLOURS)]), font)
            body += keys
        figures.append(_svg(canvas, y + PAD, part_title, description, body, print_size=paper))
    return mark_safe("".join(figures))


def print_comparison(result, countries, rtl=False):
    """The report's country comparison of one QuestionResults (see print_stacked and
    markers), or None."""
    if result.overall is None or result.is_text:
        return None
    names = {country.code: country.name for country in countries}
    shown = [(code, names[code], result.by_country[code]) for code in names if code in result.by_country]
    if not shown:
        return None
    heading = _("%(question)s: by country") % {"question": result.question.text}
    kind = result.kind
    if kind in (Question.SINGLE, Question.RANKING):
        legend = [share.label for share in result.overall.shares]
        return print_stacked(heading, [(name, [share.percent for share in figures.shares]) for _code, name, figures in shown], legend, rtl)
    if kind == Question.MULTIPLE:
        legend = [share.label for share in result.overall.shares]
        rows = [(name, [share.percent for share in figures.shares]) for _code, name, figures in shown]
        return markers(heading, rows, legend, 0, 100, rtl, axis=lambda canvas, value: canvas.percent(value), paper=True)
    if kind == Question.MATRIX:
        legend = [row.label for row in result.rows]
        rows = [(name, [row.by_country[code].mean if code in row.by_country else None for row in result.rows]) for code, name, _figures in shown]
        return markers(heading, rows, legend, *_scale(result.question), rtl, paper=True)
    low, high = _scale(result.question) if kind == Question.SCALE else _number_range(result)
    return markers(heading, [(name, [(figures.mean, figures.spread)]) for _code, name, figures in shown], [], low, high, rtl, paper=True)


# --- a question's charts -------------------------------------------------------------------------


def question_charts(result, countries, rtl=False, scope="", for_print=False):
    """The charts of one QuestionResults: (global distribution, country comparison), either may
    be None. `countries`: the Results' countries shown (code -> name comes from them);
    `for_print`: the comparison drawn for paper (print_comparison)."""
    if result.overall is None or result.is_text:
        return None, None
    names = {country.code: country.name for country in countries}
    shown = [(names[code], result.by_country[code]) for code in names if code in result.by_country]
    text = result.question.text
    kind = result.kind
    overall, comparison = None, None
    if kind in (Question.SINGLE, Question.MULTIPLE, Question.SCALE, Question.RANKING):
        overall = bars(text, [(share.label, share.count, share.percent) for share in result.overall.shares], rtl)
    if kind == Question.MATRIX:
        overall = dots(text, [(row.label, row.overall.mean, row.overall.spread) for row in result.rows], *_scale(result.question), rtl)
    if kind == Question.NUMBER:
        low, high = _number_range(result)
        overall = dots(text, [(scope, result.overall.mean, result.overall.spread)], low, high, rtl)
    if for_print or not shown:
        return overall, print_comparison(result, countries, rtl) if for_print else None
    heading = _("%(question)s: by country") % {"question": text}
    language, label = translation.get_language(), _("%(country)s (n = %(n)s)")

    def country_label(name, figures):
        return label % {"country": name, "n": number(figures.answered, 1, language)}

    if kind in (Question.SINGLE, Question.RANKING):
        legend = [share.label for share in result.overall.shares]
        comparison = stacked(heading, [(country_label(name, figures), [share.percent for share in figures.shares]) for name, figures in shown], legend, rtl)
    elif kind == Question.MULTIPLE:
        legend = [share.label for share in result.overall.shares]
        rows = [(country_label(name, figures), [share.percent for share in figures.shares]) for name, figures in shown]
        comparison = markers(heading, rows, legend, 0, 100, rtl, axis=lambda canvas, value: canvas.percent(value))
    elif kind == Question.SCALE:
        comparison = dots(heading, [(country_label(name, figures), figures.mean, figures.spread) for name, figures in shown], *_scale(result.question), rtl)
    elif kind == Question.NUMBER:
        comparison = dots(heading, [(country_label(name, figures), figures.mean, figures.spread) for name, figures in shown], *_number_range(result), rtl)
    elif kind == Question.MATRIX:
        legend = [row.label for row in result.rows]
        rows = [
            (country_label(name, figures), [row.by_country[code].mean if code in row.by_country else None for row in result.rows])
            for code, name in names.items()
            if code in result.by_country
            for figures in [result.by_country[code]]
        ]
        comparison = markers(heading, rows, legend, *_scale(result.question), rtl)
    return overall, comparison




def _scale(question):
    return question.scale_min, question.scale_max


def _number_range(result):
    question = result.question
    means = [f.mean for f in [result.overall, *result.by_country.values()] if f.mean is not None]
    spreads = [f.spread or 0 for f in [result.overall, *result.by_country.values()] if f.mean is not None]
    low = question.number_min if question.number_min is not None else min((m - s for m, s in zip(means, spreads)), default=0)
    high = question.number_max if question.number_max is not None else max((m + s for m, s in zip(means, spreads)), default=1)
    return low, high
