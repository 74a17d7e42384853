"""Recovery codes made before safety.RecoveryCodeDevice were django-otp static tokens, stored as plain
text: hash each into a RecoveryCode of a new device (same user, name, throttling and timestamps), then
delete the static tokens and devices, so that no working code is left readable in the database.

Irreversible in substance: the plain text is gone, so going back leaves the hashed codes alone (and
removes them only when 0001 is unapplied, with their table).
"""

from django.db import migrations

from safety.recovery import code_digest, new_salt, normalise_code


def hash_static_tokens(apps, schema_editor):
    StaticDevice = apps.get_model("otp_static", "StaticDevice")
    StaticToken = apps.get_model("otp_static", "StaticToken")
    RecoveryCodeDevice = apps.get_model("safety", "RecoveryCodeDevice")
    RecoveryCode = apps.get_model("safety", "RecoveryCode")
    for old in StaticDevice.objects.order_by("pk"):
        new = RecoveryCodeDevice.objects.create(
            user_id=old.user_id,
            name=old.name,
            confirmed=old.confirmed,
            throttling_failure_timestamp=old.throttling_failure_timestamp,
            throttling_failure_count=old.throttling_failure_count,
            last_used_at=old.last_used_at,
        )
        # created_at is auto_now_add: keep the original date with an update.
        RecoveryCodeDevice.objects.filter(pk=new.pk).update(created_at=old.created_at)
        codes = []
        for token in StaticToken.objects.filter(device_id=old.pk).values_list("token", flat=True):
            salt = new_salt()
            codes.append(
                RecoveryCode(device_id=new.pk, salt=salt, digest=code_digest(normalise_code(token), salt))
            )
        RecoveryCode.objects.bulk_create(codes)
    StaticToken.objects.all().delete()
    StaticDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(hash_static_tokens, migrations.RunPython.noop, elidable=False),
    ]
