"""One picture per page type for docs/: its screenshots in English, Ukrainian and Arabic at 375
and 1280 px side by side, from the layout walk's (tests/e2e/test_layout.py) artifacts.

    python tests/e2e/sheets.py artifacts/e2e/screenshots docs/screenshots/pages
"""

import sys
from pathlib import Path

from PIL import Image, ImageDraw

LANGUAGES = ["en", "uk", "ar"]
WIDTHS = [1280, 375]
HEIGHT = 300  # every screenshot scaled to this height: a 1280 px one to 427 px wide, a phone's to 125
GAP = 12


def sheet(folder, kind):
    shots = [(language, width, folder / f"{kind}-{language}-{width}.png") for language in LANGUAGES for width in WIDTHS]
    if not all(path.exists() for _, _, path in shots):
        return None
    images = []
    for language, width, path in shots:
        with Image.open(path) as image:
            scaled = image.convert("RGB").resize((round(image.width * HEIGHT / image.height), HEIGHT), Image.Resampling.LANCZOS)
        images.append((f"{language} · {width} px", scaled))
    total = sum(image.width for _, image in images) + GAP * (len(images) + 1)
    canvas = Image.new("RGB", (total, HEIGHT + 2 * GAP + 16), "white")
    draw = ImageDraw.Draw(canvas)
    x = GAP
    for label, image in images:
        draw.text((x, 4), label, fill="#1b1b1b")
        canvas.paste(image, (x, GAP + 16))
        draw.rectangle((x - 1, GAP + 15, x + image.width, GAP + 16 + HEIGHT), outline="#8a8a8a")
        x += image.width + GAP
    return canvas


def main(source, target):
    source, target = Path(source), Path(target)
    target.mkdir(parents=True, exist_ok=True)
    kinds = sorted({path.name.split("-en-")[0] for path in source.glob("*-en-1280.png")})
    written = []
    for kind in kinds:
        picture = sheet(source, kind)
        if picture is not None:
            picture.save(target / f"{kind}.png", optimize=True)
            written.append(kind)
    print(f"{len(written)} page types: {', '.join(written)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
