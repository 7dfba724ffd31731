import json
import math

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from participation.core import pending, ratelimit
from participation.core.conf import base_url, rate_limit, site_name
from participation.core.http import safe_next
from participation.core.pages import policy_urls
from participation.core.visibility import viewer_of

from . import emails, forms, queries, services, tokens
from .models import Person, person_of

SIGN_IN_BACKEND = "participation.accounts.backends.EmailOrUsernameBackend"
RESEND_SENT = _(
    "If an account with this address is waiting for confirmation, we have just sent it a new link. "
    "Check your inbox, and your spam folder too."
)


def home_url(language=None):
    codes = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in codes else translation.get_language()):
        return reverse("wagtail_serve", args=[""])


def too_many_attempts(request, template_name, context, scope):
    """The form again, with its input, a clear explanation and 429 Too Many Requests."""
    _limit, period = rate_limit(scope)
    context = {**context, "throttled": True, "retry_minutes": max(1, math.ceil(period / 60))}
    response = render(request, template_name, context, status=429)
    response["Retry-After"] = str(period)
    return response


def _kept_input(data, names):
    return {name: data.get(name, "")[:254] for name in names if data.get(name)}


# Sign-up and email confirmation


def _signup_form(*args, **kwargs):
    return forms.SignUpForm(*args, policies=policy_urls(translation.get_language()), **kwargs)


def _signup_context(form):
    return {"form": form}


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        messages.info(request, _("You are already signed in."))
        return redirect(home_url())
    if request.method == "POST":
        if not ratelimit.hit("signup", f"ip:{ratelimit.client_ip(request)}"):
            form = _signup_form(initial=_kept_input(request.POST, ["email", "nickname", "full_name", "accept_terms"]))
            return too_many_attempts(request, "accounts/signup.html", _signup_context(form), "signup")
        form = _signup_form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = services.register(
                    email=data["email"],
                    nickname=data["nickname"],
                    password=data["password1"],
                    full_name=data["full_name"],
                    language=translation.get_language(),
                )
            except services.AccountExists as exists:
                # The same page as for a new account; the address's owner hears about it, once
                # in a while at most, however many places the attempts come from.
                if exists.user.is_active and ratelimit.hit("signup", f"exists:{data['email'].lower()}", limit=1):
                    emails.send_signup_attempt(exists.user)
                return redirect("accounts:signup_done")
            except services.NicknameTaken:
                form.add_error("nickname", forms.NICKNAME_TAKEN)
            else:
                emails.send_confirmation(user)
                return redirect("accounts:signup_done")
    else:
        form = _signup_form()
    return render(request, "accounts/signup.html", _signup_context(form))


def signup_done(request):
    return render(request, "accounts/signup_done.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST activates: mail scanners that open links must not use them up."""
    try:
        user = tokens.user_for_confirmation(token)
    except tokens.InvalidToken as error:
        context = {"expired": isinstance(error, tokens.ExpiredToken), "resend_form": forms.ResendConfirmationForm()}
        return render(request, "accounts/confirm_invalid.html", context, status=400)
    person = Person.objects.for_user(user)
    if person.email_confirmed_at or user.is_active:
        return render(request, "accounts/confirm.html", {"already_confirmed": True})
    if request.method == "POST":
        if not services.confirm_email(user):
            return render(request, "accounts/confirm.html", {"already_confirmed": True})
        # What they started before signing up, in this browser, is finished at sign-in: back to it.
        resume = pending.back_url(request)
        auth.login(request, user, backend=SIGN_IN_BACKEND)
        messages.success(request, _("Your email address is confirmed and you are signed in. Welcome!"))
        return HttpResponseRedirect(resume) if resume else redirect(home_url(person.language))
    return render(request, "accounts/confirm.html", {"person": person})


@never_cache
@require_http_methods(["GET", "POST"])
def resend_confirmation(request):
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()
        allowed = ratelimit.hit("signup", f"resend-ip:{ratelimit.client_ip(request)}")
        if email:
            allowed = ratelimit.hit("signup", f"resend:{email}") and allowed
        form = forms.ResendConfirmationForm(request.POST)
        if not allowed:
            form = forms.ResendConfirmationForm(initial=_kept_input(request.POST, ["email"]))
            return too_many_attempts(request, "accounts/resend_confirmation.html", {"form": form}, "signup")
        if form.is_valid():
            # The same answer whether or not the address has an account: nothing to learn here.
            email_field = get_user_model().get_email_field_name()
            person = (
                Person.objects.awaiting_confirmation()
                .filter(**{f"user__{email_field}__iexact": form.cleaned_data["email"]})
                .select_related("user")
                .first()
            )
            if person is not None:
                emails.send_confirmation(person.user)
            messages.success(request, RESEND_SENT)
            return redirect("accounts:login")
    else:
        form = forms.ResendConfirmationForm(initial=_kept_input(request.GET, ["email"]))
    return render(request, "accounts/resend_confirmation.html", {"form": form})


# Signing in and out


class SignInView(auth_views.LoginView):
    form_class = forms.SignInForm
    template_name = "accounts/login.html"

    def post(self, request, *args, **kwargs):
        identifier = request.POST.get("username", "").strip().lower()
        # Count per connection and per account, so neither many accounts from one place nor one
        # account from many places can be guessed at; the right password does not bypass it.
        allowed = ratelimit.hit("login", f"ip:{ratelimit.client_ip(request)}")
        if identifier:
            allowed = ratelimit.hit("login", f"account:{identifier}") and allowed
        if not allowed:
            form = self.form_class(request, initial=_kept_input(request.POST, ["username"]))
            return too_many_attempts(request, self.template_name, self.get_context_data(form=form), "login")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        ratelimit.reset("login", f"account:{self.request.POST.get('username', '').strip().lower()}")
        return super().form_valid(form)

    def get_default_redirect_url(self):
        return home_url(getattr(person_of(self.request.user), "language", None))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.is_bound and form.errors:
            context["resend_form"] = forms.ResendConfirmationForm(initial={"email": form.data.get("username", "")[:254]})
        return context


@never_cache
@require_http_methods(["GET", "POST"])
def sign_out(request):
    """GET asks, POST signs out: a link or an image elsewhere must not sign anyone out."""
    if request.method == "POST":
        auth.logout(request)
        messages.success(request, _("You have signed out."))
        return HttpResponseRedirect(safe_next(request, home_url()))  # a URL, never a view name
    return render(request, "accounts/logout.html", {"next": safe_next(request, "")})


# Passwords


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset_body.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self):
        return {"site_name": site_name(), "base_url": base_url()}

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "").strip().lower()
        allowed = ratelimit.hit("password_reset", f"ip:{ratelimit.client_ip(request)}")
        if email:
            allowed = ratelimit.hit("password_reset", f"email:{email}") and allowed
        if not allowed:
            form = self.form_class(initial=_kept_input(request.POST, ["email"]))
            return too_many_attempts(request, self.template_name, self.get_context_data(form=form), "password_reset")
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = forms.PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


# The signed-in person's own account


@login_required
@never_cache
@sensitive_post_parameters("current_password")
@require_http_methods(["GET", "POST"])
def account_settings(request):
    # A separate instance: a rejected form must not show unsaved values in the page header.
    person = Person.objects.select_related("user").get(pk=Person.objects.for_user(request.user).pk)
    if request.method == "POST":
        form = forms.SettingsForm(request.POST, instance=person)
        # A change of address checks the password: counted per account and per connection.
        if form.changes_email():
            allowed = ratelimit.hit("email_change", f"ip:{ratelimit.client_ip(request)}")
            allowed = ratelimit.hit("email_change", f"account:{request.user.pk}") and allowed
            if not allowed:
                form = forms.SettingsForm(
                    instance=person, initial=_kept_input(request.POST, ["nickname", "full_name", "language", "time_zone", "email"])
                )
                return too_many_attempts(request, "accounts/settings.html", {"form": form}, "email_change")
        if form.is_valid():
            person = form.save()
            with translation.override(person.language):
                if form.new_email:
                    services.request_email_change(person.user, form.new_email)
                    emails.send_email_change(person.user, form.new_email)
                    messages.success(
                        request,
                        _("Your settings are saved. To change your email address, open the link we have just sent to %(email)s.")
                        % {"email": form.new_email},
                    )
                else:
                    messages.success(request, _("Your settings are saved."))
                return redirect(reverse("accounts:settings"))
    else:
        form = forms.SettingsForm(instance=person, initial={"language": person.language or translation.get_language()})
    return render(request, "accounts/settings.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email_change(request, token):
    """GET shows a button, POST changes the address (mail scanners open links)."""
    try:
        user, new_email = tokens.email_change_for(token)
    except tokens.InvalidToken as error:
        return render(
            request, "accounts/email_change_confirm.html", {"invalid": True, "expired": isinstance(error, tokens.ExpiredToken)}, status=400
        )
    if request.method == "POST":
        try:
            services.change_email(user, new_email)
        except services.EmailTaken:
            return render(request, "accounts/email_change_confirm.html", {"taken": True, "new_email": new_email}, status=409)
        messages.success(request, _("Your email address is now %(email)s. Sign in with it from now on.") % {"email": new_email})
        return redirect("accounts:settings" if request.user.pk == user.pk else "accounts:login")
    return render(request, "accounts/email_change_confirm.html", {"new_email": new_email})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def export(request):
    if not request.user.has_perm("participation_accounts.manage_own_account"):
        raise PermissionDenied
    if request.method == "POST" or request.GET.get("download") == "1":
        payload = json.dumps(queries.export_data(request.user, request.build_absolute_uri), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(payload, content_type="application/json; charset=utf-8")
        filename = f"dialogue-my-data-{timezone.now():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, "accounts/export.html")


@login_required
@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def delete(request):
    if not request.user.has_perm("participation_accounts.manage_own_account"):
        raise PermissionDenied
    form = forms.DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.delete_account(request.user)
        auth.logout(request)
        messages.success(request, _("Your account is deleted. Thank you for taking part."))
        return redirect(home_url())
    return render(request, "accounts/delete.html", {"form": form})


# Public profiles


@require_http_methods(["GET", "HEAD"])
def profile(request, nickname):
    person = queries.person_for_profile(nickname)
    if person is None or not request.user.has_perm("participation_accounts.view_profile", person):
        raise Http404
    if person.nickname != nickname:  # another case or composition of the same name
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(reverse("accounts:profile", args=[person.nickname]) + query)
    try:
        page = queries.profile_contributions(person, request.GET.get("page") or 1, viewer_of(request))
    except (InvalidPage, ValueError):
        raise Http404 from None
    contributions = [
        {"object": item, "kind": item._meta.verbose_name, "url": item.get_absolute_url(), "created_at": item.created_at}
        for item in page
    ]
    return render(request, "accounts/profile.html", {"person": person, "page_obj": page, "contributions": contributions})
