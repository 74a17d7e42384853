"""Wagtail's login form with the one label Wagtail leaves untranslatable.

Wagtail 8's ``LoginForm`` redeclares the password field without a label, so Django shows the
field name, "Password", in English whatever the language. The label below is Wagtail's own
msgid, translated in locale/vi ("Mật khẩu"). Used through ``WAGTAILADMIN_USER_LOGIN_FORM``.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
