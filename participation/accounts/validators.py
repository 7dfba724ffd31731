import bisect
import unicodedata
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import unicode_tables

NICKNAME_MIN_LENGTH = 3
NICKNAME_MAX_LENGTH = 40
NICKNAME_PUNCTUATION = {"-", "_"}
# Vietnamese puts two marks on a letter, Thai and Tibetan stacks up to four; more is decoration
# ("Zalgo" text) that spills over the names around it.
NICKNAME_MAX_MARKS = 4
# Scripts that are written together (UTS #39 "highly restrictive"): Japanese, Chinese with
# Bopomofo, Korean, each with Latin. Any other mix can imitate a name in one script.
SCRIPT_MIXES = (
    {"Latin", "Han", "Hiragana", "Katakana"},
    {"Latin", "Han", "Bopomofo"},
    {"Latin", "Han", "Hangul"},
)


def _allowed(char):
    # Letters and digits of every script; combining marks too, which Devanagari, Thai or vowelled
    # Arabic need to write a name at all.
    return char in NICKNAME_PUNCTUATION or unicodedata.category(char)[0] in {"L", "M"} or unicodedata.category(char) == "Nd"


def _code_point_ranges(table):
    rows = [line.split() for line in table.splitlines() if line]
    return [int(row[0], 16) for row in rows], [int(row[1], 16) for row in rows], [row[2:] for row in rows]


@cache
def _confusables():
    rows = (line.split() for line in unicode_tables.CONFUSABLES.splitlines() if line)
    return {chr(int(source, 16)): "".join(chr(int(code, 16)) for code in prototype) for source, *prototype in rows}


@cache
def _scripts():
    return _code_point_ranges(unicode_tables.SCRIPTS)


@cache
def _ignorables():
    return _code_point_ranges(unicode_tables.DEFAULT_IGNORABLE)


def _lookup(ranges, char):
    starts, ends, values = ranges
    index = bisect.bisect_right(starts, ord(char)) - 1
    return values[index] if index >= 0 and ord(char) <= ends[index] else None


def script_of(char):
    """The Unicode script of a character; None for those every script shares (digits, "-", marks)."""
    found = _lookup(_scripts(), char)
    return found[0] if found else None


def is_invisible(char):
    """Control and format characters, and those Unicode says render as nothing (zero-width
    spaces and joiners, bidi controls, variation selectors, Hangul fillers)."""
    return unicodedata.category(char) in {"Cc", "Cf"} or _lookup(_ignorables(), char) is not None


def normalise_nickname(value):
    return unicodedata.normalize("NFC", (value or "").strip())


@cache
def _other_script_look_alikes():
    """The confusables whose prototype is in another script: Greek "Β" for Latin "B"."""
    return {
        source: prototype
        for source, prototype in _confusables().items()
        if script_of(source) and script_of(source) not in {script_of(char) for char in prototype}
    }


def _mapped(text, table):
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(table.get(char, char) for char in text if not is_invisible(char)))


def nickname_skeleton(value):
    """What a nickname looks like, as a string: two nicknames look alike if their skeletons are equal.

    The UTS #39 skeleton (decompose, replace each character by its prototype among the Unicode
    confusables, decompose again) of the case-folded name: "bob", "bоb" with a Cyrillic о, "BOB"
    and "b0b" share one skeleton, as do "Émile" and "ÉMILE". Capitals that imitate another
    script's ("ΒΟΒ" in Greek) are replaced before folding, when they still look alike; some
    prototypes are capitals ("0" looks like "O"), so the result is folded and mapped once more.
    Invisible characters are dropped."""
    text = _mapped(normalise_nickname(value), _other_script_look_alikes())
    text = _mapped(text.casefold(), _confusables())
    return _mapped(text.casefold(), _confusables())


def mixes_scripts(value):
    scripts = {script_of(char) for char in unicodedata.normalize("NFD", value)} - {None}
    return len(scripts) > 1 and not any(scripts <= mix for mix in SCRIPT_MIXES)


def stacks_marks(value):
    """More than NICKNAME_MAX_MARKS marks on one letter, one mark twice in a row, or a mark on nothing."""
    run, previous = None, None  # marks on the current letter; None before the first letter
    for char in unicodedata.normalize("NFD", value):
        if unicodedata.category(char)[0] != "M":
            run, previous = 0, char
            continue
        if run is None or char == previous:
            return True
        run, previous = run + 1, char
        if run > NICKNAME_MAX_MARKS:
            return True
    return False


def validate_nickname(value):
    value = normalise_nickname(value)
    if not NICKNAME_MIN_LENGTH <= len(value) <= NICKNAME_MAX_LENGTH:
        raise ValidationError(
            _("A nickname has between %(min)s and %(max)s characters."),
            code="length",
            params={"min": NICKNAME_MIN_LENGTH, "max": NICKNAME_MAX_LENGTH},
        )
    if any(is_invisible(char) for char in value):
        raise ValidationError(
            _("A nickname may not contain invisible or control characters, such as zero-width spaces or direction marks."),
            code="invisible",
        )
    if not all(_allowed(char) for char in value):
        raise ValidationError(
            _("A nickname may contain only letters, digits, hyphens (-) and underscores (_), without spaces."),
            code="characters",
        )
    if stacks_marks(value):
        raise ValidationError(
            _("A nickname may have at most %(max)s accents or marks on each letter, each of them different."),
            code="marks",
            params={"max": NICKNAME_MAX_MARKS},
        )
    if mixes_scripts(value):
        raise ValidationError(
            _("A nickname may not mix letters of different alphabets, such as Latin and Cyrillic: it could imitate another name."),
            code="mixed_scripts",
        )
    if not any(unicodedata.category(char)[0] in {"L", "N"} for char in value):
        raise ValidationError(_("A nickname needs at least one letter or digit."), code="no_letters")
