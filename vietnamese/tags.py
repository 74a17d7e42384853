"""Tags typed in the editor, in NFC before taggit looks them up (settings.TAGGIT_TAGS_FROM_STRING).

taggit finds a post's existing tags by name before creating the missing ones; a name typed in NFD
("Việc làm" as "e" + combining marks) would miss the stored NFC tag and create a second one (which the
NFC ``pre_save`` receiver would then turn into a clash on the unique name). Normalising the typed
string first makes both forms the same tag.
"""

from taggit.utils import _parse_tags

from .text import nfc


def parse_tags(tagstring: str | None) -> list[str]:
    return _parse_tags(nfc(tagstring) if tagstring else tagstring)
