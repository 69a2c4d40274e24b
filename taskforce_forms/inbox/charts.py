"""Small bar charts drawn as SVG on the server, one per goal on a shared scale (small
multiples, easier to read than crossing lines): nothing fetched, nothing run in the browser."""

# Distinguishable for common colour-vision deficiencies (Okabe & Ito), dark enough on white.
SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56595C"]

WIDTH, HEIGHT = 240, 110
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 24, 4, 8, 22
BAR_GAP = 2


def nice_ceiling(value):
    """The smallest of 4, 6, 10, 20, 40, 60, 100… at or above `value`: round ticks at its half."""
    magnitude = 1
    while True:
        for step in (4, 6, 10):
            if value <= step * magnitude:
                return step * magnitude
        magnitude *= 10


def small_multiples(months, series):
    """One bar chart per series over `months` (dates), all on the same vertical scale; the
    template draws them."""
    top = nice_ceiling(max((max(values) for values in series.values() if values), default=0))
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_width / max(len(months), 1)
    bottom = MARGIN_TOP + plot_height

    def bars(values):
        return [
            {
                "x": round(MARGIN_LEFT + position * slot + BAR_GAP / 2, 1),
                "width": round(slot - BAR_GAP, 1),
                "y": round(bottom - plot_height * value / top, 1),
                "height": round(plot_height * value / top, 1),
                "month": month,
                "value": value,
            }
            for position, (month, value) in enumerate(zip(months, values, strict=True))
        ]

    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot_left": MARGIN_LEFT,
        "plot_right": WIDTH - MARGIN_RIGHT,
        "plot_top": MARGIN_TOP,
        "plot_bottom": bottom,
        "top": top,
        "first_month": months[0] if months else None,
        "last_month": months[-1] if months else None,
        "charts": [
            {
                "name": name,
                "colour": SERIES_COLOURS[number % len(SERIES_COLOURS)],
                "bars": bars(values),
                "values": values,
                "total": sum(values),
            }
            for number, (name, values) in enumerate(series.items())
        ],
        "months": months,
    }
