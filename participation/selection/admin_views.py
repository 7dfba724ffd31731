"""The organisers' admin page for a gathering's selection by lot: quotas (by hand or from a
CSV), the computation's progress, the seed's source, the draw, starting over, and choosing a
replacement when no one on the reserve list keeps every quota. Who organises what:
participation.events.organisers."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy

from participation.events import organisers
from participation.events.admin_views import NotOrganised, organised_page, refused
from participation.events.models import Registration

from . import services
from .engine import DEFAULT_TIME_LIMIT
from .models import Selection
from .quotas import Quota, Quotas


class QuotasForm(forms.Form):
    """Panel size, algorithm, and a min and a max per feature (fields min_<i>, max_<i>, in the
    order of `features`). A category is used when any of its features has a bound; an empty
    minimum is then 0 and an empty maximum the panel size."""

    panel_size = forms.IntegerField(label=gettext_lazy("Panel size"), min_value=1, max_value=100000)
    algorithm = forms.ChoiceField(label=gettext_lazy("Algorithm"), choices=Selection.ALGORITHMS, initial="leximin")
    time_limit = forms.IntegerField(
        label=gettext_lazy("Time limit (seconds)"), min_value=1, max_value=3600, initial=int(DEFAULT_TIME_LIMIT),
        help_text=gettext_lazy("LEXIMIN keeps the levels it finished, or gives way to maximin, when the time runs out."),
    )  # fmt: skip

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        self.features = [(category, feature) for category in categories for feature in category["features"]]
        for index, (category, feature) in enumerate(self.features):
            name = f"{category['label']} “{feature['label']}”"
            self.fields[f"min_{index}"] = forms.IntegerField(label=_("Minimum for %(feature)s") % {"feature": name}, min_value=0, required=False)
            self.fields[f"max_{index}"] = forms.IntegerField(label=_("Maximum for %(feature)s") % {"feature": name}, min_value=0, required=False)

    def rows(self):
        """For the template: per category, its features with their two fields."""
        index = 0
        for category in self.categories:
            features = []
            for feature in category["features"]:
                features.append({"feature": feature, "min": self[f"min_{index}"], "max": self[f"max_{index}"]})
                index += 1
            yield {"category": category, "features": features}

    def clean(self):
        data = super().clean()
        for index, (category, feature) in enumerate(self.features):
            low, high = data.get(f"min_{index}"), data.get(f"max_{index}")
            if low is not None and high is not None and low > high:
                self.add_error(f"max_{index}", _("The maximum must not be below the minimum."))
        return data

    def quotas(self):
        data, size = self.cleaned_data, self.cleaned_data["panel_size"]
        used = {
            category["key"]
            for index, (category, feature) in enumerate(self.features)
            if data.get(f"min_{index}") is not None or data.get(f"max_{index}") is not None
        }
        return Quotas(
            tuple(
                Quota(category["key"], feature["value"], data.get(f"min_{index}") or 0, size if data.get(f"max_{index}") is None else data[f"max_{index}"])
                for index, (category, feature) in enumerate(self.features)
                if category["key"] in used
            )
        )

    @staticmethod
    def initial_for(selection, categories, default_size):
        initial = {"panel_size": default_size or None, "algorithm": "leximin", "time_limit": int(DEFAULT_TIME_LIMIT)}
        if selection is None:
            return initial
        initial.update(panel_size=selection.panel_size, algorithm=selection.algorithm_requested, time_limit=int(selection.time_limit))
        bounds = {(row["category"], row["feature"]): row for row in selection.quotas}
        index = 0
        for category in categories:
            for feature in category["features"]:
                row = bounds.get((category["key"], feature["value"]))
                if row:
                    initial[f"min_{index}"], initial[f"max_{index}"] = row["min"], row["max"]
                index += 1
        return initial


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Quotas file (CSV: category,feature,min,max)"))
    panel_size = forms.IntegerField(label=gettext_lazy("Panel size"), min_value=1, max_value=100000)


class SeedSourceForm(forms.Form):
    seed_source = forms.CharField(
        label=gettext_lazy("Where the seed will come from"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("For example: the six numbers of the national lottery of 14 March, in the order drawn. Published at once; it cannot change."),
    )  # fmt: skip


class SeedForm(forms.Form):
    seed = forms.CharField(label=gettext_lazy("The seed"), max_length=500, help_text=gettext_lazy("Exactly as the announced source gave it."))


def selection_page(request, page_id):
    if not organisers.may_see_registrations(request.user):
        return refused(request)
    try:
        page = organised_page(request, page_id)
    except NotOrganised:
        return refused(request)
    selection = services.current(page)
    categories = services.categories(page)
    default_size = services.default_panel_size(page)
    quotas_form = QuotasForm(initial=QuotasForm.initial_for(selection, categories, default_size), categories=categories)
    import_form = ImportForm(initial={"panel_size": (selection.panel_size if selection else default_size) or None})
    source_form, seed_form, problems, refusal = SeedSourceForm(), SeedForm(), [], None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("save", "compute"):
                quotas_form = QuotasForm(request.POST, categories=categories)
                if quotas_form.is_valid():
                    data = quotas_form.cleaned_data
                    selection = services.save_quotas(
                        page, quotas_form.quotas(), data["panel_size"], request.user, data["algorithm"], data["time_limit"]
                    )
                    if action == "compute":
                        services.queue(selection)
                        messages.success(request, _("The selection is being computed."))
                    else:
                        messages.success(request, _("The quotas can all hold; they are saved."))
                    return redirect("selection_admin_page", page_id=page.pk)
            elif action == "import":
                import_form = ImportForm(request.POST, request.FILES)
                if import_form.is_valid():
                    quotas = services.import_quotas(page, import_form.cleaned_data["file"])
                    services.save_quotas(page, quotas, import_form.cleaned_data["panel_size"], request.user)
                    messages.success(request, _("The quotas file is imported; the quotas can all hold."))
                    return redirect("selection_admin_page", page_id=page.pk)
            elif action == "announce" and selection is not None:
                source_form = SeedSourceForm(request.POST)
                if source_form.is_valid():
                    services.announce_seed_source(selection, source_form.cleaned_data["seed_source"])
                    messages.success(request, _("The seed's source is announced on the public page."))
                    return redirect("selection_admin_page", page_id=page.pk)
            elif action == "draw" and selection is not None:
                seed_form = SeedForm(request.POST)
                if seed_form.is_valid():
                    services.draw_panel(selection, seed_form.cleaned_data["seed"], request.user)
                    messages.success(request, _("The panel is drawn."))
                    return redirect("selection_admin_page", page_id=page.pk)
            elif action == "dropout" and selection is not None:
                joining = services.leave(selection, request.POST.get("reference", ""), by_organiser=True)
                if joining:
                    messages.success(request, _("%(joining)s takes the place from the reserve list.") % {"joining": joining})
                else:
                    messages.warning(request, _("No one on the reserve list keeps every quota: choose someone below."))
                return redirect("selection_admin_page", page_id=page.pk)
            elif action == "choose" and selection is not None:
                services.choose(selection, request.POST.get("leaving", ""), request.POST.get("reference", ""))
                messages.success(request, _("Your choice is recorded and published."))
                return redirect("selection_admin_page", page_id=page.pk)
            elif action == "start_over" and selection is not None:
                services.start_over(selection, request.user)
                messages.success(request, _("A new run is started; the earlier one stays published."))
                return redirect("selection_admin_page", page_id=page.pk)
            else:
                messages.error(request, _("There is nothing to do with this form."))
                return redirect("selection_admin_page", page_id=page.pk)
        except services.SelectionError as error:
            messages.error(request, error.message)
            problems, refusal = error.problems, error.status
    context = {
        "page": page,
        "selection": selection,
        **(_panel_context(selection) if selection is not None and selection.is_drawn else {}),
        "categories": categories,
        "registrants": sum(feature["count"] for feature in categories[-1]["features"]) if categories else 0,
        "quotas_form": quotas_form,
        "import_form": import_form,
        "source_form": source_form,
        "seed_form": seed_form,
        "problems": problems,
        "public_url": reverse("selection:transparency", args=[page.pk]),
        "page_title": _("Selection by lot for %(page)s") % {"page": page.title},
    }
    status = refusal or (400 if any(form.errors for form in (quotas_form, import_form, source_form, seed_form)) else 200)
    return TemplateResponse(request, "selection/admin/selection.html", context, status=status)


def _panel_context(selection):
    """Who is on the panel now and their answers, the open places with the quotas the reserve
    would break, and the reserve list to choose from (features, never names)."""
    people = selection.pool["people"]
    standing = selection.pool.get("registrations", {})
    registrations = {r.reference: r for r in Registration.objects.filter(pk__in=standing.values())}
    panel = [
        {"reference": reference, "features": people.get(reference, []), "registration": registrations.get(reference)}
        for reference in services.current_panel(selection)
    ]
    vacancies = [
        {"leaving": entry["leaving"], "problems": services.vacancy_problems(selection, entry["leaving"])}
        for entry in selection.results.get("replacements", [])
        if not entry.get("joining")
    ]
    reserve = [{"reference": reference, "features": people.get(reference, [])} for reference in services.candidates(selection)]
    return {"panel": panel, "vacancies": vacancies, "reserve": reserve, "replacements": selection.results.get("replacements", [])}
