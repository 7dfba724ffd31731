import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NICKNAME_MIN_LENGTH = 3
NICKNAME_MAX_LENGTH = 40
NICKNAME_PUNCTUATION = {"-", "_"}


def _allowed(char):
    # Letters and digits of every script; combining marks too, which Devanagari, Thai or vowelled
    # Arabic need to write a name at all.
    return char in NICKNAME_PUNCTUATION or unicodedata.category(char)[0] in {"L", "M"} or unicodedata.category(char) == "Nd"


def normalise_nickname(value):
    return unicodedata.normalize("NFC", (value or "").strip())


def validate_nickname(value):
    value = normalise_nickname(value)
    if not NICKNAME_MIN_LENGTH <= len(value) <= NICKNAME_MAX_LENGTH:
        raise ValidationError(
            _("A nickname has between %(min)s and %(max)s characters."),
            code="length",
            params={"min": NICKNAME_MIN_LENGTH, "max": NICKNAME_MAX_LENGTH},
        )
    if not all(_allowed(char) for char in value):
        raise ValidationError(
            _("A nickname may contain only letters, digits, hyphens (-) and underscores (_), without spaces."),
            code="characters",
        )
    if not any(unicodedata.category(char)[0] in {"L", "N"} for char in value):
        raise ValidationError(_("A nickname needs at least one letter or digit."), code="no_letters")
