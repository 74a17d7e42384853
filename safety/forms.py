from django import forms
from django.utils.translation import gettext_lazy as _


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


# One-time recovery codes (django-otp's static device): 8 characters of base32, shown as "abcd-efgh".
RECOVERY_CODE_LENGTH = 8
RECOVERY_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz234567")


def normalise_code(text: str) -> str:
    """What was typed, without spaces or dashes, in lower case: "ABCD-EFGH " -> "abcdefgh"."""
    return "".join(text.split()).replace("-", "").lower()


def is_recovery_code(code: str) -> bool:
    return len(code) == RECOVERY_CODE_LENGTH and set(code) <= RECOVERY_ALPHABET


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
