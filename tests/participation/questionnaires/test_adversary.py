"""The adversary: someone with full read access to every table after the batches are written,
including PostgreSQL's physical row position (ctid) and writing transaction (xmin), tries to
pair receipts (who answered) with responses (what was answered).

Receipts are in submission order (their ids and xmins give it away), and the adversary knows
which batch a receipt fell in. Within a batch, its best move is to pair the n-th receipt with
the n-th response in storage order. Ground truth comes from each respondent's free-text answer
(their own index), which the adversary does not use. Over 20 batches of 10 the pairing must do
no better than chance: about one right guess per batch (a random permutation's fixed points) and
a rank correlation near 0. The bounds sit about five standard deviations from chance, so the
test does not flake, yet order-preserving storage (every guess right, correlation 1) fails it at
once; the pool, which has not been mixed yet, shows the adversary's method does work.

Everything is written by committed threads (tests/threads.py) so each submission really is its own
transactions, as in production; the test deletes what it wrote."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from content.models import DialoguePage
from participation.questionnaires import services
from participation.questionnaires.models import Question, Receipt
from tests.factories import make_person, make_questionnaire
from tests.threads import committed as in_thread, run_together

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="ctid and xmin are PostgreSQL's"),
    pytest.mark.django_db,
]

K, BATCHES = 10, 20


@pytest.fixture
def committed():
    rows = {"users": [], "questionnaires": []}
    yield rows

    def delete():
        from participation.questionnaires.models import Questionnaire

        Questionnaire.objects.filter(pk__in=rows["questionnaires"]).delete()
        get_user_model().objects.filter(pk__in=rows["users"]).delete()

    in_thread(delete)


def rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def spearman(pairs):
    """Rank correlation of (x, y) pairs, x and y each without ties."""
    n = len(pairs)
    rank_x = {x: rank for rank, x in enumerate(sorted(x for x, _y in pairs))}
    rank_y = {y: rank for rank, y in enumerate(sorted(y for _x, y in pairs))}
    d2 = sum((rank_x[x] - rank_y[y]) ** 2 for x, y in pairs)
    return 1 - 6 * d2 / (n * (n * n - 1))


def receipts_in_order(questionnaire):
    """The adversary's view of receipts: user ids in commit order (by xmin, as it would be)."""
    found = rows(
        "SELECT user_id FROM participation_questionnaires_receipt WHERE questionnaire_id = %s ORDER BY xmin::text::bigint, ctid",
        [questionnaire.pk],
    )
    return [user_id for (user_id,) in found]


@override_settings(QUESTIONNAIRE_MIX_BATCH=K)
def test_pairing_receipts_with_responses_is_no_better_than_chance(committed):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    questionnaire = in_thread(lambda: make_questionnaire(dialogue))
    committed["questionnaires"].append(questionnaire.pk)
    people = in_thread(lambda: [make_person("respondent") for _ in range(K * BATCHES + K - 1)])
    committed["users"] += [person.pk for person in people]
    text_key = str(questionnaire.asks[Question.LONG_TEXT].translation_key)
    single_key = str(questionnaire.asks[Question.SINGLE].translation_key)
    health = str(questionnaire.asks[Question.SINGLE].options.get(label="Health").translation_key)
    index_of_user = {person.pk: index for index, person in enumerate(people)}

    def submit_all():
        for index, person in enumerate(people):
            services.submit(person, questionnaire, {single_key: health, text_key: f"respondent {index}"})

    in_thread(submit_all)

    # What the adversary reads: every response and its answers with ctid and xmin.
    stored = rows(
        """SELECT r.xmin::text::bigint, r.ctid, a.text FROM participation_questionnaires_response r
           JOIN participation_questionnaires_answer a ON a.response_id = r.id AND a.question_id = %s
           WHERE r.questionnaire_id = %s ORDER BY r.ctid""",
        [questionnaire.asks[Question.LONG_TEXT].pk, questionnaire.pk],
    )
    assert len(stored) == K * BATCHES  # the last K - 1 still wait in the pool
    batches = {}
    for xmin, _ctid, text in stored:
        batches.setdefault(xmin, []).append(int(text.removeprefix("respondent ")))
    # One transaction per batch: xmin tells batches apart and nothing within one.
    assert sorted(len(batch) for batch in batches.values()) == [K] * BATCHES
    receipt_xmins = {xmin for (xmin,) in rows(
        "SELECT xmin::text::bigint FROM participation_questionnaires_receipt WHERE questionnaire_id = %s", [questionnaire.pk]
    )}  # fmt: skip
    assert not receipt_xmins & set(batches)  # never written with a response

    submission_order = [index_of_user[user_id] for user_id in receipts_in_order(questionnaire)]
    assert submission_order == list(range(len(people)))  # receipts do give the submission order away
    hits, correlations = 0, []
    for batch_number, xmin in enumerate(sorted(batches)):
        receipts = submission_order[batch_number * K : (batch_number + 1) * K]
        assert sorted(batches[xmin]) == receipts  # the adversary knows the batch...
        hits += sum(guess == truth for guess, truth in zip(receipts, batches[xmin], strict=True))
        correlations.append(spearman([(position, receipts.index(truth)) for position, truth in enumerate(batches[xmin])]))
    # ...and within it does no better than chance: E[hits] = 1 per batch (sd ~1), E[rho] = 0
    # (sd 1/3 per batch of 10, so ~0.075 for the mean of 20).
    assert hits <= 2 * BATCHES + 20, f"{hits} right pairings out of {K * BATCHES}"
    assert abs(sum(correlations) / BATCHES) < 0.35, correlations

    # The same method on the pool, not mixed yet, pairs every waiting submission: the window
    # docs/privacy.md leaves open until the batch is written.
    waiting = [
        int(text.removeprefix("respondent "))
        for (text,) in rows(
            "SELECT payload->'answers'->-1->>3 FROM participation_questionnaires_pendingsubmission WHERE questionnaire_id = %s ORDER BY ctid",
            [questionnaire.pk],
        )
    ]
    assert waiting == submission_order[K * BATCHES :]
    assert Receipt.objects.filter(questionnaire=questionnaire).count() == len(people)


@override_settings(QUESTIONNAIRE_MIX_BATCH=K)
def test_forty_people_submitting_at_once_are_all_stored_once(committed):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    questionnaire = in_thread(lambda: make_questionnaire(dialogue))
    committed["questionnaires"].append(questionnaire.pk)
    people = in_thread(lambda: [make_person("racer") for _ in range(4 * K + 3)])
    committed["users"] += [person.pk for person in people]
    text_key = str(questionnaire.asks[Question.LONG_TEXT].translation_key)
    single_key = str(questionnaire.asks[Question.SINGLE].translation_key)
    health = str(questionnaire.asks[Question.SINGLE].options.get(label="Health").translation_key)

    def submitter(index, person):
        return lambda: services.submit(person, questionnaire, {single_key: health, text_key: f"respondent {index}"})

    run_together([submitter(index, person) for index, person in enumerate(people)])
    in_thread(lambda: call_command("flush_questionnaires", stdout=StringIO()))  # what cron does
    written = rows(
        """SELECT a.text FROM participation_questionnaires_answer a JOIN participation_questionnaires_response r
           ON r.id = a.response_id WHERE r.questionnaire_id = %s AND a.question_id = %s""",
        [questionnaire.pk, questionnaire.asks[Question.LONG_TEXT].pk],
    )
    waiting = rows("SELECT count(*) FROM participation_questionnaires_pendingsubmission WHERE questionnaire_id = %s", [questionnaire.pk])
    assert len(written) + waiting[0][0] == len(people)  # none lost
    assert len({text for (text,) in written}) == len(written) >= len(people) - (K - 1)  # none doubled; under k held
    assert Receipt.objects.filter(questionnaire=questionnaire).count() == len(people)
    # Batches flushed side by side still add up exactly in the tallies the results read.
    tallied = rows(
        """SELECT question_id, option_key::text, sum(count) FROM participation_questionnaires_tally
           WHERE questionnaire_id = %s AND value IS NULL GROUP BY question_id, option_key""",
        [questionnaire.pk],
    )
    single = questionnaire.asks[Question.SINGLE].pk
    assert {(question, option): count for question, option, count in tallied if question in (None, single)} == {
        (None, None): len(written), (single, None): len(written), (single, health): len(written),
    }  # fmt: skip
    # And so do their sums by country, which the unfiltered results read.
    by_country = rows(
        """SELECT question_id, country, option_key::text, value, count, total, squares FROM participation_questionnaires_countrytally
           WHERE questionnaire_id = %s""",
        [questionnaire.pk],
    )
    added_up = rows(
        """SELECT question_id, country, option_key::text, value, sum(count), sum(total), sum(squares) FROM participation_questionnaires_tally
           WHERE questionnaire_id = %s AND question_id IS NOT NULL GROUP BY question_id, country, option_key, value""",
        [questionnaire.pk],
    )
    assert sorted(by_country, key=str) == sorted(added_up, key=str)
    assert [count for question, _country, option, _value, count, _total, _squares in by_country if (question, option) == (single, health)] == [len(written)]
