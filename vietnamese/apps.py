from django.apps import AppConfig


class VietnameseConfig(AppConfig):
    name = "vietnamese"
    label = "vietnamese"
    verbose_name = "Tiếng Việt"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import pre_save
        from wagtail.models import Revision

        from . import admin_dates
        from .collation import register_sqlite_collation
        from .signals import normalise_on_save, normalise_revision_on_save

        # Text of the models of settings.VIETNAMESE_NFC_APPS is stored in NFC (see signals.py).
        pre_save.connect(normalise_on_save, dispatch_uid="vietnamese.nfc")
        pre_save.connect(normalise_revision_on_save, sender=Revision, dispatch_uid="vietnamese.nfc_revision")
        # ORDER BY ... COLLATE "vi" on SQLite (see collation.py).
        connection_created.connect(register_sqlite_collation, dispatch_uid="vietnamese.sqlite_collation")
        # The admin's date fields read dd/mm/yyyy, the format they display (see admin_dates.py).
        admin_dates.register()
