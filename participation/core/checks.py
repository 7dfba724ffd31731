"""`manage.py check` says what a host site forgot, in plain words, before any request fails."""

from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.backends.django import DjangoTemplates
from django.template.loader_tags import BlockNode, ExtendsNode
from django.urls import NoReverseMatch, reverse
from wagtail.models import get_page_models

from .conf import DEFAULT_BASE_TEMPLATE, base_template

# The blocks participation's templates fill in the base template.
REQUIRED_BLOCKS = ("title", "extra_head", "content")
CONTEXT_PROCESSOR = "participation.core.context_processors.participation"
# One address per app that participation.urls includes, with the arguments it takes.
URL_NAMES = {
    "accounts:login": [],
    "proposals:list": [1],
    "comments:new": [],
    "moderation:transparency": [1],
    "notifications:settings": [],
    "activity:activity": [1],
    "open_data:index": [],
}


def _django_engines():
    return [engine for engine in engines.all() if isinstance(engine, DjangoTemplates)]


def _chain(template):
    """The template and the parents it extends, most derived first; None when a parent is named
    by a variable and so cannot be known before rendering."""
    chain = [template]
    while True:
        extends = chain[-1].nodelist.get_nodes_by_type(ExtendsNode)
        if not extends:
            return chain
        parent = extends[0].parent_name
        if parent.filters or not isinstance(parent.var, str):
            return None
        chain.append(template.engine.get_template(parent.var))


def rendered_blocks(template):
    """The names of the blocks a child of `template` can fill: those the root of its chain
    renders, following each block into the definition that wins (the most derived)."""
    chain = _chain(template)
    if chain is None:
        return None
    winners = {}
    for member in chain:
        for block in member.nodelist.get_nodes_by_type(BlockNode):
            winners.setdefault(block.name, block)
    names = set()

    def visit(nodelist):
        for node in nodelist:
            if isinstance(node, BlockNode):
                if node.name not in names:
                    names.add(node.name)
                    visit(winners[node.name].nodelist)
            else:
                for attribute in node.child_nodelists:
                    visit(getattr(node, attribute, None) or [])

    visit(chain[-1].nodelist)
    return names


@register(Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    name = base_template()
    setting = "PARTICIPATION_BASE_TEMPLATE"
    try:
        # The first Django engine is the one that finds participation's templates (Wagtail needs one).
        names = rendered_blocks(_django_engines()[0].engine.get_template(name))
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        reason = f"there is no template {error}" if isinstance(error, TemplateDoesNotExist) else f"it is broken: {error}"
        return [
            Error(
                f"Participation's pages cannot use the base template {name!r}: {reason}.",
                hint=f"Set {setting} to a template your site has, or leave it unset for participation's own layout.",
                id="participation.E001",
            )
        ]
    missing = [block for block in REQUIRED_BLOCKS if names is not None and block not in names]
    if missing:
        return [
            Error(
                f"The base template {name!r} has no {', '.join(repr(block) for block in missing)} block: "
                "participation's pages would lose their content there.",
                hint="Add {} to it (extra_head inside <head>), or name another template in {}.".format(
                    ", ".join(f"{{% block {block} %}}{{% endblock %}}" for block in missing), setting
                ),
                id="participation.E002",
            )
        ]
    return []


@register(Tags.templates)
def check_context_processor(app_configs=None, **kwargs):
    if base_template() == DEFAULT_BASE_TEMPLATE:
        return []
    if any(CONTEXT_PROCESSOR in engine.engine.context_processors for engine in _django_engines()):
        return []
    return [
        Error(
            "PARTICIPATION_BASE_TEMPLATE is set, but participation's context processor is missing, "
            "so participation's pages would ignore it and use participation's own layout.",
            hint=f'Add "{CONTEXT_PROCESSOR}" to TEMPLATES["OPTIONS"]["context_processors"].',
            id="participation.E003",
        )
    ]


@register(Tags.urls)
def check_urls(app_configs=None, **kwargs):
    missing = []
    for name, args in URL_NAMES.items():
        try:
            reverse(name, args=args)
        except NoReverseMatch:
            missing.append(name.split(":")[0])
    if not missing:
        return []
    return [
        Error(
            f"Participation's pages have no address: the URL configuration does not include {', '.join(missing)}.",
            hint='Add path("", include("participation.urls")) to your URL configuration (inside i18n_patterns or '
            "not), before Wagtail's own include.",
            id="participation.E004",
        )
    ]


@register(Tags.models)
def check_dialogue_pages(app_configs=None, **kwargs):
    return [
        Warning(
            f"{model.__name__} is marked as a dialogue (participation_root = True) but its current_phase is not a "
            "method: participation cannot tell which phase the dialogue is in.",
            hint="Define current_phase(self, today=None) returning an object with a kind, or remove the attribute "
            "to keep every action open.",
            obj=model,
            id="participation.W001",
        )
        for model in get_page_models()
        if getattr(model, "participation_root", False)
        and hasattr(model, "current_phase")
        and not callable(model.current_phase)
    ]
