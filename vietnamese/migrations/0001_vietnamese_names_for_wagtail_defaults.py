"""Wagtail's initial data in Vietnamese: the groups "Moderators" and "Editors" and the workflow
and task "Moderators approval" (wagtailcore migrations 0002 and 0048) are data, not msgids, so
no catalogue translates them; the admin would show them in English (groups listing, "Gửi duyệt:
Moderators approval" in the editor). Only the exact English defaults are renamed, and only when
the Vietnamese name is free."""

from django.db import migrations

GROUPS = {"Moderators": "Người duyệt", "Editors": "Người biên tập"}
WORKFLOW = {"Moderators approval": "Luồng duyệt chung"}
TASK = {"Moderators approval": "Nhóm Người duyệt xem xét"}


def _rename(model, names, reverse=False):
    for english, vietnamese in names.items():
        old, new = (vietnamese, english) if reverse else (english, vietnamese)
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor, reverse=False):
    _rename(apps.get_model("auth", "Group"), GROUPS, reverse)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOW, reverse)
    _rename(apps.get_model("wagtailcore", "Task"), TASK, reverse)


def backwards(apps, schema_editor):
    forwards(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0048_add_default_workflows"),
        # Every Wagtail migration that finds these groups by their English name runs first.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
