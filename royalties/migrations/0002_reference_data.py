"""Reference data every installation needs: the quality grades and the base salary history.

Base salary (mức lương cơ sở, VND/month) and the decrees that set it:
  1 210 000 from 1/5/2016  Nghị định 47/2016/NĐ-CP
  1 300 000 from 1/7/2017  Nghị định 47/2017/NĐ-CP
  1 390 000 from 1/7/2018  Nghị định 72/2018/NĐ-CP
  1 490 000 from 1/7/2019  Nghị định 38/2019/NĐ-CP
  1 800 000 from 1/7/2023  Nghị định 24/2023/NĐ-CP
  2 340 000 from 1/7/2024  Nghị định 73/2024/NĐ-CP
Later values are added in the admin. Rows that already exist are left alone, so running the
migration on a database where someone typed them in by hand changes nothing.
"""

import datetime

from django.db import migrations

BASE_SALARIES = [
    (1_210_000, datetime.date(2016, 5, 1), "Nghị định 47/2016/NĐ-CP"),
    (1_300_000, datetime.date(2017, 7, 1), "Nghị định 47/2017/NĐ-CP"),
    (1_390_000, datetime.date(2018, 7, 1), "Nghị định 72/2018/NĐ-CP"),
    (1_490_000, datetime.date(2019, 7, 1), "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, datetime.date(2023, 7, 1), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, datetime.date(2024, 7, 1), "Nghị định 73/2024/NĐ-CP"),
]

# PostPage.grade defaults to "B".
GRADES = [
    ("A", "Loại A (tốt)", 1),
    ("B", "Loại B (khá)", 2),
    ("C", "Loại C (đạt)", 3),
]


def load(apps, schema_editor):
    BaseSalary = apps.get_model("royalties", "BaseSalary")
    Grade = apps.get_model("royalties", "Grade")
    for amount, valid_from, source in BASE_SALARIES:
        BaseSalary.objects.get_or_create(valid_from=valid_from, defaults={"amount": amount, "source": source})
    for code, name, order in GRADES:
        Grade.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("royalties", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
