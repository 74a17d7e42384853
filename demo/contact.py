"""The federation's contact in the footer of every public page (``public.FederationContact``).

Only what the letter says: it is sent by the Ban Thường vụ of the Liên đoàn Lao động tỉnh Bình Thuận, and
its item 4 names the Ban Biên tập Website as who answers for the site. Its header gives no street
address, telephone number or email address, so those stay empty until the IT team fills them in
(Cài đặt > Thông tin liên hệ của cơ quan); the footer then leaves those lines out.
"""

from __future__ import annotations

from public.models import FederationContact

LETTER_CONTACT = {
    "name": "Liên đoàn Lao động tỉnh Bình Thuận",
    "address": "",  # not in the letter
    "phone": "",  # not in the letter
    "email": "",  # not in the letter
    "responsible": "Ban Biên tập Website Công đoàn Bình Thuận",
}


def ensure_federation_contact() -> list[str]:
    """Fill the empty fields of the setting from the letter (what the IT team typed is kept)."""
    contact = FederationContact.load()
    filled = [field for field, value in LETTER_CONTACT.items() if value and not getattr(contact, field)]
    for field in filled:
        setattr(contact, field, LETTER_CONTACT[field])
    if filled:
        contact.save()
    return filled
