"""Request hygiene that every view would otherwise have to repeat."""

from django.core.exceptions import BadRequest


class RejectNullCharactersMiddleware:
    """A query string with a NUL character is a 400 (Vietnamese page), not a 500.

    PostgreSQL refuses NUL in text ("A string literal cannot contain NUL (0x00) characters"), so a view
    that hands request.GET to a query (search, filters) would fail with a server error. Django's form
    fields already refuse NUL in submitted forms; query strings are read directly, so they are checked
    here, once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            for key, values in request.GET.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    raise BadRequest("NUL character in the query string")
        return self.get_response(request)
