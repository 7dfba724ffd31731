"""Selection emails, each in the recipient's language (Person.language), with their reference
and links on the site's public address. Nobody is written to about a page they may not see."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.accounts.emails import language_of
from participation.accounts.tasks import queue_email
from participation.core.conf import absolute_url, base_url, page_absolute_url, site_name
from participation.core.visibility import viewer_for
from participation.events.models import Registration


def _send(user, name, page, context):
    if not viewer_for(user).sees_page(page):
        return
    with translation.override(language_of(user)):
        shown = page.localized
        context = {
            "site_name": site_name(),
            "title": shown.title,
            "page_url": page_absolute_url(shown),
            "transparency_url": absolute_url(reverse("selection:transparency", args=[page.pk])),
            "mine_url": absolute_url(reverse("events:mine")),
            **context,
        }
        subject = " ".join(render_to_string(f"selection/email/{name}_subject.txt", context).split())
        body = render_to_string(f"selection/email/{name}_body.txt", context)
    queue_email(user=user, subject=subject, body=body, to=getattr(user, get_user_model().get_email_field_name()))


def tell_everyone(selection):
    """After the draw: the panel that they are selected and should confirm; everyone else that
    they are not, and their place on the reserve list."""
    standing = selection.pool.get("registrations", {})
    registrations = Registration.objects.filter(pk__in=standing.values()).select_related("user__participant", "session__page")
    by_reference = {registration.reference: registration for registration in registrations}
    panel = set(selection.results["panel"])
    reserve = {reference: position for position, reference in enumerate(selection.results["reserve"], start=1)}
    for reference, registration in by_reference.items():
        user = registration.user
        if not user.is_active or getattr(getattr(user, "participant", None), "deleted_at", None) is not None:
            continue  # an account closed since registering
        if reference in panel:
            _send(user, "selected", selection.page, {"reference": reference})
        else:
            _send(user, "not_selected", selection.page, {"reference": reference, "position": reserve.get(reference)})


def tell_replacement(selection, registration):
    _send(registration.user, "replacement", selection.page, {"reference": registration.reference})


def tell_organisers(selection, leaving, problems_in):
    """No one on the reserve list keeps every quota: the organisers who ran and drew the
    selection are told which quotas would break, in their language, and choose in the admin.
    `problems_in(language)` gives the sentences in a language."""
    organisers = {user.pk: user for user in (selection.created_by, selection.drawn_by) if user is not None and user.is_active}
    for user in organisers.values():
        with translation.override(language_of(user)):
            context = {
                "site_name": site_name(),
                "title": selection.page.title,
                "leaving": leaving,
                "problems": problems_in(language_of(user)),
                "admin_url": base_url() + reverse("selection_admin_page", args=[selection.page.pk]),
            }
            subject = " ".join(render_to_string("selection/email/vacancy_subject.txt", context).split())
            body = render_to_string("selection/email/vacancy_body.txt", context)
        queue_email(user=user, subject=subject, body=body, to=getattr(user, get_user_model().get_email_field_name()))
