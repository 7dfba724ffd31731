"""The large data set of `make bench`, and the database-side helpers of the participation figures.

Run by bench/run.py as a subprocess, with the bench environment (DJANGO_SETTINGS_MODULE=bench.settings,
DATABASE_URL of the throwaway database), after seed_demo:

    python bench/dataset.py info                      # the demo dialogue, its proposal list URL
    python bench/dataset.py build --proposals 10000 --supports 200000 --comments 50000 --citizens 5000
    python bench/dataset.py sessions --clients 50     # signed-in sessions + CSRF tokens for the support load
    python bench/dataset.py verify                    # support_count == COUNT(supports) for every proposal

Each prints one line `BENCH-DATA <json>` for run.py. Nothing is hashed and no signal fires:
users, proposals and comments go in with bulk_create, supports with COPY, and the denormalised
counts are then set from the rows with one UPDATE each, so they are exact."""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPIC_SLUG = "data-safety"
BATCH = 5000
DETAIL_COMMENTS = 300  # the proposal whose detail page is measured
TOPIC_COMMENTS = 500  # comments on the demo topic page (out of --comments)
CLIENT_CITIZENS = 100  # the first citizens are the support clients: they author nothing


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def emit(data):
    print("BENCH-DATA " + json.dumps(data), flush=True)


def demo_dialogue():
    from wagtail.models import Page

    from participation.core.dialogues import dialogue_for

    topic = Page.objects.get(slug=TOPIC_SLUG, locale__language_code="en")
    dialogue = dialogue_for(topic)
    return topic, dialogue


def info():
    from participation.proposals.models import Proposal

    topic, dialogue = demo_dialogue()
    proposal = Proposal.objects.filter(dialogue_id=dialogue.pk).order_by("pk").first()
    emit(
        {
            "dialogue_id": dialogue.pk,
            "topic_id": topic.pk,
            "proposals": Proposal.objects.in_dialogue(dialogue).count(),
            "demo_proposal": proposal.pk if proposal else None,
        }
    )


def open_supports(dialogue):
    """Supports open in every phase and unlimited, for the support load."""
    from participation.core.phases import PhaseKind
    from participation.proposals.models import DialogueSettings
    from participation.proposals.rules import phase_kind

    DialogueSettings.objects.update_or_create(
        dialogue_id=dialogue.pk,
        defaults={"supports_open_phases": list(PhaseKind.values), "support_limit": None},
    )
    return phase_kind(dialogue)


def build(args):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from django.contrib.auth import get_user_model

    from participation.accounts.models import Person

    User = get_user_model()
    from participation.comments.models import Comment
    from participation.proposals.models import Proposal

    rng = random.Random(20261121)
    timings = {}
    started = time.monotonic()
    topic, dialogue = demo_dialogue()
    kind = open_supports(dialogue)
    topics = list(Page.objects.child_of(dialogue).live().values_list("pk", flat=True)) or [None]
    now = timezone.now()

    def lap(name, since):
        timings[name] = round(time.monotonic() - since, 2)
        return time.monotonic()

    t = time.monotonic()
    with transaction.atomic():
        # Citizens: an unusable password ("!" prefix) set directly, nothing hashed.
        first = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        users = [
            User(
                username=f"bench-citizen-{first + i}",
                email=f"citizen{first + i}@bench.invalid",
                password="!bench",
                is_active=True,
            )
            for i in range(args.citizens)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        citizen_ids = list(
            User.objects.filter(username__startswith="bench-citizen-").order_by("pk").values_list("pk", flat=True)
        )
        Person.objects.bulk_create(
            [
                Person(user_id=pk, full_name=f"Citizen {pk}", language="en", accepted_terms_at=now, email_confirmed_at=now)
                for pk in citizen_ids
            ],
            batch_size=BATCH,
        )
        t = lap("citizens", t)

        authors = citizen_ids[CLIENT_CITIZENS:] or citizen_ids
        proposals = [
            Proposal(
                author_id=rng.choice(authors),
                dialogue_id=dialogue.pk,
                created_at=now - timezone.timedelta(minutes=args.proposals - i),
                title=f"Bench proposal {i}: a clearer consent screen for data sharing",
                body="A proposal of the benchmark data set. " * 8,
                topic_id=rng.choice(topics),
                language="en",
            )
            for i in range(args.proposals)
        ]
        Proposal.objects.bulk_create(proposals, batch_size=BATCH)
        proposal_ids = list(
            Proposal.objects.filter(dialogue_id=dialogue.pk, title__startswith="Bench proposal ")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        author_of = dict(Proposal.objects.filter(pk__in=proposal_ids).values_list("pk", "author_id"))
        t = lap("proposals", t)

        # Supports: distinct (user, proposal) pairs drawn from the whole grid, never the author's own.
        n_users, n_props = len(citizen_ids), len(proposal_ids)
        wanted = min(args.supports, n_users * n_props // 2)
        picked = set()
        while len(picked) < wanted:
            for cell in rng.sample(range(n_users * n_props), min(n_users * n_props, wanted - len(picked) + wanted // 50 + 10)):
                user_id, proposal_id = citizen_ids[cell // n_props], proposal_ids[cell % n_props]
                if author_of[proposal_id] != user_id:
                    picked.add((user_id, proposal_id))
                    if len(picked) >= wanted:
                        break
        stamp = now.isoformat()
        with connection.cursor() as cursor:
            with cursor.cursor.copy("COPY participation_proposals_support (user_id, proposal_id, created_at) FROM STDIN") as copy:
                for user_id, proposal_id in picked:
                    copy.write_row((user_id, proposal_id, stamp))
        t = lap("supports", t)

        # Comments: 300 on the first bench proposal (the detail page measured), some on the
        # demo topic page, the rest spread over the other proposals. Top level (depth 1).
        page_type = ContentType.objects.get_for_model(Page)
        proposal_type = ContentType.objects.get_for_model(Proposal)
        detail_pk = proposal_ids[0]
        targets = [(proposal_type.pk, detail_pk)] * min(DETAIL_COMMENTS, args.comments)
        targets += [(page_type.pk, topic.pk)] * min(TOPIC_COMMENTS, max(0, args.comments - len(targets)))
        others = proposal_ids[1:] or proposal_ids
        targets += [(proposal_type.pk, rng.choice(others)) for _ in range(args.comments - len(targets))]
        comments = [
            Comment(
                author_id=rng.choice(citizen_ids),
                dialogue_id=dialogue.pk,
                created_at=now - timezone.timedelta(seconds=len(targets) - i),
                content_type_id=ct,
                object_id=oid,
                depth=1,
                body=f"Bench comment {i}: I agree with the idea, but the details matter.",
            )
            for i, (ct, oid) in enumerate(targets)
        ]
        Comment.objects.bulk_create(comments, batch_size=BATCH)
        t = lap("comments", t)

        # The denormalised counts, from the rows themselves.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE participation_proposals_proposal p SET support_count = s.n FROM "
                "(SELECT proposal_id, count(*) AS n FROM participation_proposals_support GROUP BY proposal_id) s "
                "WHERE p.id = s.proposal_id AND p.support_count <> s.n"
            )
            cursor.execute(
                "UPDATE participation_proposals_proposal p SET comment_count = c.n FROM "
                "(SELECT object_id, count(*) AS n FROM participation_comments_comment WHERE content_type_id = %s GROUP BY object_id) c "
                "WHERE p.id = c.object_id AND p.comment_count <> c.n",
                [proposal_type.pk],
            )
        t = lap("counts", t)
    with connection.cursor() as cursor:
        for table in ("people_user", "participation_proposals_proposal", "participation_proposals_support", "participation_comments_comment"):
            cursor.execute(f"ANALYZE {table}")
    lap("analyze", t)
    emit(
        {
            "seconds": round(time.monotonic() - started, 1),
            "timings": timings,
            "dialogue_id": dialogue.pk,
            "detail_pk": detail_pk,
            "detail_comments": min(DETAIL_COMMENTS, args.comments),
            "citizens": len(citizen_ids),
            "proposals": Proposal.objects.filter(dialogue_id=dialogue.pk).count(),
            "supports": len(picked),
            "comments": len(targets),
            "phase": kind,
        }
    )


def sessions(args):
    """Signed-in sessions for the first citizens, written straight into the session store."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import CSRF_SESSION_KEY, _get_new_csrf_string
    from django.utils.module_loading import import_string

    from django.contrib.auth import get_user_model

    User = get_user_model()
    from participation.proposals.models import Proposal

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    backend = settings.AUTHENTICATION_BACKENDS[-1]
    users = list(User.objects.filter(username__startswith="bench-citizen-").order_by("pk")[: args.clients])
    clients = []
    for user in users:
        token = _get_new_csrf_string()
        session = store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[CSRF_SESSION_KEY] = token  # used only with CSRF_USE_SESSIONS
        session.create()
        clients.append({"user": user.pk, "session": session.session_key, "csrf": token})
    _topic, dialogue = demo_dialogue()
    proposal_ids = list(
        Proposal.objects.filter(dialogue_id=dialogue.pk, withdrawn_at__isnull=True, hidden_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    emit(
        {
            "clients": clients,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "proposals": proposal_ids,
        }
    )


def verify():
    """For every proposal, its support_count against the Support rows: one query."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, p.support_count, count(s.id) FROM participation_proposals_proposal p "
            "LEFT JOIN participation_proposals_support s ON s.proposal_id = p.id "
            "GROUP BY p.id HAVING p.support_count <> count(s.id) ORDER BY p.id"
        )
        mismatches = cursor.fetchall()
        cursor.execute("SELECT count(*) FROM participation_proposals_support")
        total = cursor.fetchone()[0]
    emit({"mismatches": mismatches[:50], "mismatch_count": len(mismatches), "supports": total})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["info", "build", "sessions", "verify"])
    parser.add_argument("--proposals", type=int, default=10000)
    parser.add_argument("--supports", type=int, default=200000)
    parser.add_argument("--comments", type=int, default=50000)
    parser.add_argument("--citizens", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    setup()
    if args.command == "info":
        info()
    elif args.command == "build":
        build(args)
    elif args.command == "sessions":
        sessions(args)
    else:
        verify()


if __name__ == "__main__":
    main()
