from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_2fa_urls():
    return [
        path("2fa/", views.setup, name="safety_2fa_setup"),
        path("2fa/xac-thuc/", views.verify, name="safety_2fa_verify"),
        path("2fa/ma-du-phong/", views.recovery_codes, name="safety_2fa_recovery"),
    ]


@hooks.register("register_account_menu_item")
def register_2fa_menu_item(request):
    return {
        "url": reverse("safety_2fa_setup"),
        "label": _("Xác thực hai bước"),
        "help_text": _("Dùng thêm mã một lần từ ứng dụng xác thực trên điện thoại khi đăng nhập."),
    }
