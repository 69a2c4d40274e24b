"""A small line chart drawn as SVG on the server: nothing fetched, nothing run in the browser."""

# Distinguishable for common colour-vision deficiencies (Okabe & Ito), dark enough on white.
SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56595C"]

WIDTH, HEIGHT = 640, 260
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 40, 16, 16, 36


def nice_ceiling(value):
    """The smallest of 4, 6, 10, 20, 40, 60, 100… at or above `value`: round ticks at its half."""
    magnitude = 1
    while True:
        for step in (4, 6, 10):
            if value <= step * magnitude:
                return step * magnitude
        magnitude *= 10


def line_chart(x_values, series):
    """Coordinates for one line per series over `x_values`; the template draws them."""
    top = nice_ceiling(max((max(values) for values in series.values() if values), default=0))
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_width / max(len(x_values) - 1, 1)

    def x(position):
        return round(MARGIN_LEFT + position * step, 1)

    def y(value):
        return round(MARGIN_TOP + plot_height * (1 - value / top), 1)

    lines = []
    for number, (name, values) in enumerate(series.items()):
        points = [(x(position), y(value)) for position, value in enumerate(values)]
        lines.append(
            {
                "name": name,
                "colour": SERIES_COLOURS[number % len(SERIES_COLOURS)],
                "points": " ".join(f"{px},{py}" for px, py in points),
                "values": values,
                "total": sum(values),
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot_left": MARGIN_LEFT,
        "plot_right": WIDTH - MARGIN_RIGHT,
        "plot_bottom": y(0),
        "x_ticks": [(x(position), value) for position, value in enumerate(x_values)],
        "y_ticks": [(y(value), value) for value in (0, top // 2, top)],
        "lines": lines,
        "x_values": x_values,
    }
