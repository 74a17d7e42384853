from django import forms
from django.utils.translation import gettext_lazy as _

# One-time recovery codes: 8 characters of base32, shown as "abcd-efgh" (see safety.recovery).
from .recovery import is_recovery_code, normalise_code


class TokenForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    token = forms.CharField(
        label=_("Mã xác thực (6 chữ số)"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not (token.isascii() and token.isdigit()) or len(token) != 6:
            raise forms.ValidationError(_("Mã xác thực gồm đúng 6 chữ số."))
        return token


class CodeOrRecoveryForm(forms.Form):
    """After the password: the app's six-digit code, or one of the account's recovery codes."""

    token = forms.CharField(
        label=_("Mã xác thực (6 chữ số) hoặc mã dự phòng"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self):
        code = normalise_code(self.cleaned_data["token"])
        if (code.isascii() and code.isdigit() and len(code) == 6) or is_recovery_code(code):
            return code
        raise forms.ValidationError(
            _("Mã xác thực gồm đúng 6 chữ số. Mã dự phòng gồm 8 chữ cái và chữ số, ví dụ abcd-ef23.")
        )
