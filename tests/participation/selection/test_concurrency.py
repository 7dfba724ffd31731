"""Two organisers drawing the same selection at once make one draw (PostgreSQL, real threads)."""

import threading

import pytest
from django.db import connection, connections

from content.models import DialoguePage
from participation.selection import services
from participation.selection.models import Selection
from tests.factories import make_computed_selection
from tests.threads import committed as in_thread

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes"),
    pytest.mark.django_db,
]


@pytest.fixture
def selection():
    def make():
        dialogue = DialoguePage.objects.get(locale__language_code="en")
        people = {f"R{n:02d}": ("a" if n % 2 else "b",) for n in range(20)}
        return make_computed_selection(dialogue, [("group", "a", 2, 3), ("group", "b", 2, 3)], people, 5)

    made = in_thread(make)
    yield made
    in_thread(lambda: Selection.objects.filter(pk=made.pk).delete())


def test_two_organisers_drawing_at_once_make_one_draw(selection):
    seeds = [f"seed {n}" for n in range(6)]
    barrier = threading.Barrier(len(seeds))
    outcomes = [None] * len(seeds)

    def run(index):
        try:
            barrier.wait()
            services.draw_panel(selection, seeds[index], None)
            outcomes[index] = "drawn"
        except services.SelectionError as error:
            outcomes[index] = error.status
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(seeds))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [409] * 5 + ["drawn"]
    stored = in_thread(lambda: Selection.objects.get(pk=selection.pk))
    assert stored.seed == seeds[outcomes.index("drawn")]
    assert len(stored.results["panel"]) == 5
