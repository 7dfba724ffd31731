from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from participation.core.text import clean_plain_text

from . import emails
from .models import Person, nickname_key
from .tasks import queue_email
from .validators import NICKNAME_MAX_LENGTH, nickname_skeleton, normalise_nickname, validate_nickname

NICKNAME_TAKEN = _("This nickname is already taken. Please choose another one.")
NICKNAME_TOO_SIMILAR = _("This nickname is too similar to an existing one. Please choose another one.")
NICKNAME_HELP = _("Shown publicly with everything you write. 3 to 40 letters or digits; hyphens (-) and underscores (_) are allowed, spaces are not.")
EMAIL_IN_USE = _("Another account already uses this email address.")
FULL_NAME_HELP = _("Private: never shown publicly. Organisers may use it, for example on an invitation.")


def _normalise_email(value):
    return get_user_model()._default_manager.normalize_email((value or "").strip())


def _users_with_email(email):
    User = get_user_model()
    return User._default_manager.filter(**{f"{User.get_email_field_name()}__iexact": email})


def email_is_taken(email, exclude_user=None):
    """Another account uses the address; an unconfirmed registration does not count (it is
    replaced by whoever proves they hold the mailbox)."""
    pending = Person.objects.awaiting_confirmation().values("user_id")
    others = _users_with_email(email).exclude(pk__in=pending)
    if exclude_user is not None:
        others = others.exclude(pk=exclude_user.pk)
    return others.exists()


def _email_field(**kwargs):
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        **kwargs,
    )


def _nickname_field():
    return forms.CharField(
        label=_("Public nickname"),
        # Room for a composed form that normalises down to 40 characters; the validator counts.
        max_length=NICKNAME_MAX_LENGTH * 2,
        help_text=NICKNAME_HELP,
        validators=[validate_nickname],
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "autocapitalize": "none", "spellcheck": "false"}),
    )


def _full_name_field():
    return forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=150,
        help_text=FULL_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def nickname_refusal(nickname, exclude=None):
    """Why another person's nickname keeps this one from being used (a ValidationError), or None.

    Taken: the same name in another case or composition. Too similar: the same UTS #39 skeleton
    ("bоb" with a Cyrillic о, "b0b" for "bob"), so it could impersonate them.
    exclude: a Person, or lookups of people to leave out (a pending registration)."""
    others = Person.objects.all()
    if exclude is not None:
        others = others.exclude(**exclude) if isinstance(exclude, dict) else others.exclude(pk=exclude.pk)
    if others.filter(nickname_key=nickname_key(nickname)).exists():
        return forms.ValidationError(NICKNAME_TAKEN, code="nickname_taken")
    if others.filter(nickname_skeleton=nickname_skeleton(nickname)).exists():
        return forms.ValidationError(NICKNAME_TOO_SIMILAR, code="nickname_too_similar")
    return None


class AccountForm(forms.Form):
    label_suffix = ""


class SignUpForm(AccountForm):
    email = _email_field(help_text=_("We send a link to this address to confirm it. It is never shown publicly."))
    nickname = _nickname_field()
    full_name = _full_name_field()
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure there is no typing mistake."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy policy"),
        error_messages={"required": _("To create an account, please accept the terms of use and the privacy policy.")},
    )
    # Honeypot: hidden from people and assistive technology; bots filling every field fill it.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    honeypot_field = "website"

    def __init__(self, *args, policies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The sentence people accept links the texts it names, where the site has them
        # (participation.core.pages.policy_urls); the fragments are translated in the case the
        # sentence needs.
        policies = policies or {}
        terms = pgettext_lazy("I accept the [terms of use] and the privacy policy", "terms of use")
        privacy = pgettext_lazy("I accept the terms of use and the [privacy policy]", "privacy policy")
        if policies:
            self.fields["accept_terms"].label = format_html(
                _("I accept the {terms} and the {privacy}"),
                terms=format_html('<a href="{}">{}</a>', policies["terms"], terms) if "terms" in policies else terms,
                privacy=format_html('<a href="{}">{}</a>', policies["privacy"], privacy) if "privacy" in policies else privacy,
            )

    def clean_email(self):
        # Whether the address has an account is never said here (the view emails its owner
        # instead): the page must answer the same for any address.
        return _normalise_email(self.cleaned_data["email"])

    def clean_nickname(self):
        return normalise_nickname(self.cleaned_data["nickname"])

    def clean_full_name(self):
        return clean_plain_text(self.cleaned_data["full_name"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_field):
            raise forms.ValidationError(
                _("We could not accept this sign-up because a field meant to stay empty was filled in. If a tool fills in forms for you, turn it off for this page and try again."),
                code="honeypot",
            )
        nickname, email = cleaned.get("nickname"), cleaned.get("email")
        if nickname:
            # The person's own unconfirmed registration (same email) is about to be replaced.
            email_field = get_user_model().get_email_field_name()
            pending_self = (
                {f"user__{email_field}__iexact": email, "user__is_active": False, "email_confirmed_at__isnull": True}
                if email
                else None
            )
            if refusal := nickname_refusal(nickname, exclude=pending_self):
                self.add_error("nickname", refusal)
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", forms.ValidationError(_("The two passwords are different."), code="password_mismatch"))
        elif password1:
            User = get_user_model()
            probe = User(**{User.get_email_field_name(): email or ""})
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignInForm(auth_forms.AuthenticationForm):
    label_suffix = ""
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The email address or the password is not correct. If you signed up recently, first confirm your "
            "address with the link we emailed you."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("Email address")
        field.help_text = _("Team members may use their username.")
        # Email addresses may be longer than usernames.
        field.max_length = 254
        field.widget.attrs.update(
            {"maxlength": 254, "autocomplete": "username", "inputmode": "email", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["password"].label = _("Password")


class ResendConfirmationForm(AccountForm):
    email = _email_field()

    def clean_email(self):
        return _normalise_email(self.cleaned_data["email"])


def _time_zone_choices():
    # Called per form: the zone names come from the system's tz database.
    return [("", _("Not set: use each event's own time"))] + [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class SettingsForm(forms.ModelForm):
    """The person's participation settings, and the email address of their user account."""

    label_suffix = ""
    nickname = _nickname_field()
    full_name = _full_name_field()
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the emails we send you, and of the site after you sign in."),
    )
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        required=False,
        choices=_time_zone_choices,
        help_text=_("Event times are also shown in this zone, in emails and when your browser does not tell us its own."),
        error_messages={"invalid_choice": _("“%(value)s” is not a time zone. Choose one from the list, for example Europe/Kyiv.")},
    )
    email = _email_field(help_text=_("You sign in with this address. It is never shown publicly."))
    current_password = forms.CharField(
        label=_("Current password (only to change your email address)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Changing the address you sign in with needs your password, so nobody else can take over your account."),
    )

    class Meta:
        model = Person
        fields = ["nickname", "full_name", "language", "time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = self.instance.user
        self.email_field = self.user.get_email_field_name()
        self.initial.setdefault("email", getattr(self.user, self.email_field))

    def clean_nickname(self):
        nickname = normalise_nickname(self.cleaned_data["nickname"])
        if refusal := nickname_refusal(nickname, exclude=self.instance):
            raise refusal
        return nickname

    def clean_full_name(self):
        return clean_plain_text(self.cleaned_data["full_name"])

    def clean_email(self):
        return _normalise_email(self.cleaned_data["email"])

    def changes_email(self):
        """The form asks for another sign-in address (read before validation, for the throttle)."""
        posted = _normalise_email(self.data.get("email", ""))
        return bool(posted) and posted.lower() != (getattr(self.user, self.email_field) or "").lower()

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        self.new_email = None
        if email and email.lower() != (getattr(self.user, self.email_field) or "").lower():
            # The password first: without it, nothing is said about who else uses the address.
            if not self.user.check_password(cleaned.get("current_password") or ""):
                self.add_error(
                    "current_password",
                    forms.ValidationError(_("Enter your current password to change your email address."), code="password_needed"),
                )
            elif email_is_taken(email, exclude_user=self.user):
                self.add_error("email", forms.ValidationError(EMAIL_IN_USE, code="email_taken"))
            else:
                self.new_email = email
        return cleaned


class DeleteAccountForm(AccountForm):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted for good. My contributions stay, signed “Deleted participant”."),
        error_messages={"required": _("Please tick the box to confirm that you want to delete your account.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="password_incorrect")
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    label_suffix = ""
    email = _email_field()

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None):
        """Written in the account's language, sent through the task queue."""
        with translation.override(emails.language_of(context["user"])):
            subject = " ".join(render_to_string(subject_template_name, context).split())
            body = render_to_string(email_template_name, context)
        queue_email(user=context["user"], subject=subject, body=body, to=to_email, from_email=from_email)


class SetPasswordForm(auth_forms.SetPasswordForm):
    label_suffix = ""


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    label_suffix = ""
