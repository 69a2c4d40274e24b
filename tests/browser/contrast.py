"""Colour contrast as WCAG 2.2 defines it, for colours as a browser computes them."""

import re

CSS_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)")


def parse_rgb(css_colour):
    """(red, green, blue, alpha) of a computed colour: `rgb(…)` or `rgba(…)`."""
    match = CSS_RGB.fullmatch(css_colour.strip())
    if match is None:
        raise ValueError(f"not a computed rgb() colour: {css_colour!r}")
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha if alpha is not None else 1)


def relative_luminance(css_colour):
    """https://www.w3.org/TR/WCAG22/#dfn-relative-luminance"""
    red, green, blue, _alpha = parse_rgb(css_colour)

    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first, second):
    """https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
