from django.apps import AppConfig


class VietnameseConfig(AppConfig):
    name = "vietnamese"
    label = "vietnamese"
    verbose_name = "Tiếng Việt"
