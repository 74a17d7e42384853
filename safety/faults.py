"""Server errors a reader or an editor can act on: the database away, the disk full.

``server_error`` is the project's handler500 (congdoan/urls.py). Django calls it while the
exception is being handled, so ``sys.exc_info()`` names it:

- the database unreachable (OperationalError/InterfaceError: PostgreSQL restarting, the network
  to it down) -> 503 with Retry-After and 503.html, which says the site is briefly unavailable;
  persistent connections are health-checked (CONN_HEALTH_CHECKS), so the site recovers by itself;
- no space left on the device (ENOSPC/EDQUOT while storing an upload) -> 507 and 507.html (or
  JSON for the admin's upload dialogs): nothing was stored (safety.storage removes the partial
  file; the image row is written only after its file);
- anything else -> Django's 500 page (500.html).

The templates are rendered without a request context: no context processor, no query.
"""

from __future__ import annotations

import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

RETRY_AFTER_SECONDS = 30
DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def is_database_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError | InterfaceError)


def is_disk_full(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def disk_full_message() -> str:
    return _(
        "Máy chủ đã hết chỗ lưu trữ nên tệp chưa được lưu; không có gì được ghi lại. "
        "Hãy báo Tổ Công nghệ thông tin, rồi thử lại sau."
    )


def wants_json(request) -> bool:
    return request.headers.get(
        "x-requested-with"
    ) == "XMLHttpRequest" or "application/json" in request.headers.get("accept", "")


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    exc = sys.exc_info()[1]
    if is_database_outage(exc):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if is_disk_full(exc):
        if wants_json(request):
            return JsonResponse({"success": False, "error_message": disk_full_message()}, status=507)
        body = loader.get_template("507.html").render({"message": disk_full_message()})
        return HttpResponse(body, status=507)
    return defaults.server_error(request, template_name)
