from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = _("An toàn và bảo mật")

    def ready(self):
        from . import signals

        signals.connect()
