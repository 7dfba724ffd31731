"""The site's one formatting path for dates, times and language names, per locale."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from participation.core import dates

MOMENT = datetime.datetime(2026, 12, 7, 14, 31, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [
        ("en", "December 7, 2026", "December 7, 2026, 2:31\u202fPM"),
        ("fr", "7 décembre 2026", "7 décembre 2026, 14:31"),
        ("es", "7 de diciembre de 2026", "7 de diciembre de 2026, 14:31"),
        # Genitive "грудня", never the nominative "Грудень" Django's |date gives.
        ("uk", "7 грудня 2026\u202fр.", "7 грудня 2026\u202fр., 14:31"),
        # Day, month, year in the locale's order and its comma, not "ديسمبر 7, 2026".
        ("ar", "7 ديسمبر 2026", "7 ديسمبر 2026، 2:31 م"),
    ],
)
def test_dates_and_times_follow_each_locale(language, day, moment):
    with translation.override(language), timezone.override(datetime.UTC):
        assert dates.day(MOMENT) == day
        assert dates.day(MOMENT.date()) == day
        assert dates.moment(MOMENT) == moment
        assert Template("{% load participation_tags %}{{ when|day }} | {{ when|moment }}").render(Context({"when": MOMENT})) == f"{day} | {moment}"


def test_a_moment_is_dated_in_the_zone_asked_for():
    late = datetime.datetime(2026, 12, 7, 23, 30, tzinfo=datetime.UTC)
    with translation.override("uk"):
        assert dates.day(late, "Europe/Kyiv") == "8 грудня 2026\u202fр."
        assert dates.moment(late, "Europe/Kyiv") == "8 грудня 2026\u202fр., 01:30"


def test_months_stand_alone_in_the_nominative():
    with translation.override("uk"):
        assert dates.month(datetime.date(2026, 12, 1)) == "грудень 2026\u202fр."


@pytest.mark.parametrize(
    ("language", "english", "french"),
    [("en", "English", "French"), ("fr", "anglais", "français"), ("es", "inglés", "francés"), ("uk", "англійська", "французька"), ("ar", "الإنجليزية", "الفرنسية")],
)
def test_language_names_keep_each_languages_capitalisation(language, english, french):
    with translation.override(language):
        assert dates.language_name("en") == english
        assert dates.language_name("fr") == french


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ar", ' lang="ar" dir="rtl"'), ("uk", ' lang="uk" dir="ltr"'), ("fr", ""), (None, ' dir="auto"')],
)
def test_text_lang_marks_words_in_another_language_than_the_page(code, expected):
    with translation.override("fr"):
        assert Template("{% load participation_tags %}{% text_lang code %}").render(Context({"code": code})) == expected
