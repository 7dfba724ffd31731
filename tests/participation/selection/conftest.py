import random

import pytest

# A pool of 60 where self-selection shows: too many older people, few from the south.
QUOTAS = [
    ("gender", "woman", 9, 11),
    ("gender", "man", 9, 11),
    ("age", "under 40", 8, 12),
    ("age", "40 and over", 8, 12),
    ("region", "north", 6, 8),
    ("region", "south", 6, 8),
    ("region", "east", 5, 8),
]


def pool(size=60, seed=7):
    rng = random.Random(seed)
    return {
        f"R-{number:03d}": (
            rng.choice(["woman", "man"]),
            rng.choices(["under 40", "40 and over"], [1, 2])[0],
            rng.choices(["north", "south", "east"], [3, 1, 2])[0],
        )
        for number in range(size)
    }


@pytest.fixture
def people():
    return pool()
