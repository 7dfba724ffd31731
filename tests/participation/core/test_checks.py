"""participation/core/checks.py: `manage.py check` names what a host site forgot."""

import copy

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import include, path

from content.models import DialoguePage
from participation.core import checks

PROCESSOR = "participation.core.context_processors.participation"


def ids(messages):
    return {message.id for message in messages}


def base_template_messages():
    return checks.check_base_template() + checks.check_context_processor()


@pytest.fixture
def host_templates(settings, tmp_path):
    """A throwaway template folder in front of the site's; returns a function writing a template."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    def write(name, text):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)

    return write


def test_dialogue_and_the_default_layout_pass(settings):
    assert base_template_messages() == []
    del settings.PARTICIPATION_BASE_TEMPLATE  # participation's own layout, no context processor needed
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": []}}]
    assert base_template_messages() == []


def test_a_base_template_that_does_not_exist(settings):
    settings.PARTICIPATION_BASE_TEMPLATE = "host/no_such_base.html"
    [error] = checks.check_base_template()
    assert error.id == "participation.E001"
    assert "there is no template host/no_such_base.html" in error.msg


def test_a_base_template_that_does_not_compile(settings, host_templates):
    host_templates("host/base.html", "{% block content %}{% if %}{% endblock %}")
    settings.PARTICIPATION_BASE_TEMPLATE = "host/base.html"
    assert ids(checks.check_base_template()) == {"participation.E001"}


def test_a_base_template_without_the_blocks_participation_fills(settings, host_templates):
    host_templates("host/base.html", "<title>{% block title %}{% endblock %}</title><main>{% block main %}{% endblock %}</main>")
    settings.PARTICIPATION_BASE_TEMPLATE = "host/base.html"
    [error] = checks.check_base_template()
    assert error.id == "participation.E002"
    assert "'extra_head', 'content'" in error.msg and "'title'" not in error.msg


def test_blocks_are_found_through_the_parents_a_base_extends(settings, host_templates):
    host_templates(
        "host/layout.html",
        "<head>{% block head %}{% block extra_head %}{% endblock %}{% endblock %}</head>{% block body %}{% endblock %}",
    )
    host_templates(
        "host/base.html",
        '{% extends "host/layout.html" %}{% block body %}{% block title %}{% endblock %}{% block content %}{% endblock %}{% endblock %}',
    )
    settings.PARTICIPATION_BASE_TEMPLATE = "host/base.html"
    assert checks.check_base_template() == []

    # A block the child declares where its parent renders nothing is never shown. (New names:
    # the engine keeps the templates it compiled.)
    host_templates(
        "host/base_lost.html", '{% extends "host/layout.html" %}{% block title %}{% endblock %}{% block content %}{% endblock %}'
    )
    settings.PARTICIPATION_BASE_TEMPLATE = "host/base_lost.html"
    [error] = checks.check_base_template()
    assert error.id == "participation.E002" and "'title', 'content'" in error.msg

    # An override that drops the block nested in its parent's version loses it.
    host_templates(
        "host/base_dropped.html",
        '{% extends "host/layout.html" %}{% block head %}<meta charset="utf-8">{% endblock %}'
        "{% block body %}{% block title %}{% endblock %}{% block content %}{% endblock %}{% endblock %}",
    )
    settings.PARTICIPATION_BASE_TEMPLATE = "host/base_dropped.html"
    [error] = checks.check_base_template()
    assert error.id == "participation.E002" and "'extra_head'" in error.msg


def test_a_base_template_named_without_the_context_processor(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "OPTIONS": {"context_processors": ["django.template.context_processors.request"]}}
    ]
    [error] = base_template_messages()
    assert error.id == "participation.E003" and PROCESSOR in error.hint


class WithoutParticipation:
    """A URL configuration (any object with urlpatterns will do) that forgot participation.urls."""

    urlpatterns = [path("comments/", include("participation.comments.urls"))]


urlpatterns = [path("", include("participation.urls"))]


def test_a_url_configuration_without_participation(settings):
    settings.ROOT_URLCONF = WithoutParticipation
    [error] = checks.check_urls()
    assert error.id == "participation.E004"
    assert 'include("participation.urls")' in error.hint
    # What is there is not called missing.
    assert "accounts" in error.msg and "comments" not in error.msg


@pytest.mark.urls(__name__)
def test_one_include_gives_every_participation_page_an_address():
    assert checks.check_urls() == []


def test_a_dialogue_page_whose_current_phase_is_not_a_method(monkeypatch):
    assert checks.check_dialogue_pages() == []
    monkeypatch.setattr(DialoguePage, "current_phase", "dialogue")
    [warning] = checks.check_dialogue_pages()
    assert warning.id == "participation.W001" and warning.obj is DialoguePage


def test_manage_py_check_reports_them(settings):
    settings.PARTICIPATION_BASE_TEMPLATE = "host/no_such_base.html"
    with pytest.raises(SystemCheckError, match=r"participation\.E001.*no_such_base"):
        call_command("check")
