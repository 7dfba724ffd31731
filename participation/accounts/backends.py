from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailOrUsernameBackend(ModelBackend):
    """Citizens sign in with their email address; staff may still use their username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            User = get_user_model()
            user = User._default_manager.filter(**{f"{User.get_email_field_name()}__iexact": username.strip()}).first()
            if user is not None:
                username = user.get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # The person comes with the user of every signed-in request: one query, not two.
        user = get_user_model()._default_manager.select_related("participant").filter(pk=user_id).first()
        return user if self.user_can_authenticate(user) else None
