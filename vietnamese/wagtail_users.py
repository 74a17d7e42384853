"""``wagtail.users`` with its user and group listings in Vietnamese alphabetical order.

In INSTALLED_APPS in place of ``"wagtail.users"`` (Wagtail's documented way to customise the
user and group viewsets); the app label stays ``wagtailusers``. A module of its own because
INSTALLED_APPS imports it before the models are ready (the viewsets live in admin_views.py).
"""

from wagtail.users.apps import WagtailUsersAppConfig


class VietnameseUsersConfig(WagtailUsersAppConfig):
    user_viewset = "vietnamese.admin_views.UserViewSet"
    group_viewset = "vietnamese.admin_views.GroupViewSet"
