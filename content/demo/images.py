"""The topics' pictures, drawn with Pillow: deterministic (the same topic always gets the same
picture) and made here, so seeding the demo downloads nothing."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

# What the generated pictures show, for the topics' image description (translated in
# content/demo/translations/<lang>.py).
ALT = "Abstract illustration: overlapping circles and lines"
SIZE = (1600, 900)
# (background, light, strong) per topic, in the site's calm blues, greens and warm accents.
PALETTES = [
    ("#0b5cad", "#7fb3e6", "#e8f1fb"),
    ("#1d6b3a", "#8fcca5", "#eaf6ee"),
    ("#8a3b12", "#f0b48f", "#fdf0e8"),
    ("#6b2f8f", "#c9a3e0", "#f4ecf9"),
    ("#0f6570", "#86cdd6", "#e6f5f7"),
    ("#4a5360", "#b8c2cf", "#f3f5f8"),
]


def draw(seed, palette):
    background, light, pale = palette
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE, background)
    canvas = ImageDraw.Draw(image, "RGBA")
    for _ in range(9):
        radius = rng.randint(90, 330)
        x, y = rng.randint(-100, SIZE[0] + 100), rng.randint(-100, SIZE[1] + 100)
        colour = rng.choice([light, pale])
        canvas.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour + "59")
    for _ in range(5):
        y = rng.randint(0, SIZE[1])
        canvas.line([(0, y), (SIZE[0], y + rng.randint(-300, 300))], fill=pale + "99", width=rng.randint(4, 12))
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def topic_image(topic, index):
    """The topic's picture in Wagtail's image library, made once (found again by its title)."""
    Image_ = get_image_model()
    title = topic["title"]
    found = Image_.objects.filter(title=title).first()
    if found is not None:
        return found
    data = draw(topic["slug"], PALETTES[index % len(PALETTES)])
    image = Image_(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"topic-{topic['slug']}.png")
    image.save()
    return image
