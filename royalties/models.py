"""The royalty desk's data: rates, base salaries, grades, settings and frozen statements.

Letter 435/LĐLĐ item 5: every unit pays, monthly, the royalties (nhuận bút) of its posts
published from 11/10/2016, at the rates of Quyết định 128/QĐ-LĐLĐ of 20/9/2016. Every number
here is data the federation edits in the admin; the arithmetic is in `royalties.rules`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from vietnamese.dates import format_date
from vietnamese.money import format_vnd
from vietnamese.periods import Period, parse_period

from . import rules

# Letter 435/LĐLĐ item 5: royalties are due for posts published from this day on.
DEFAULT_START_DATE = datetime.date(2016, 10, 11)
# Decree 18/2014/NĐ-CP, art. 10: any single work is paid at most 50 coefficient units.
MAX_COEFFICIENT = Decimal(50)

coefficient_validators = [MinValueValidator(Decimal(0)), MaxValueValidator(MAX_COEFFICIENT)]


class PostKindChoice(models.TextChoices):
    # Same codes as posts.PostKind; repeated so that a frozen line keeps its label.
    NEWS = "news", _("Tin")
    ARTICLE = "article", _("Bài")


class Grade(models.Model):
    """A quality grade an approver gives a post (A, B, C...); the code is stored on the post."""

    code = models.CharField(_("mã"), max_length=8, unique=True)
    name = models.CharField(_("tên xếp loại"), max_length=80)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("xếp loại tin - bài")
        verbose_name_plural = _("xếp loại tin - bài")

    def __str__(self):
        return f"{self.code} – {self.name}" if self.name else self.code


class BaseSalary(models.Model):
    """The statutory base salary (mức lương cơ sở) from a date; one coefficient unit is 10% of it."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    source = models.CharField(_("văn bản quy định"), max_length=200, blank=True)

    panels = [FieldPanel("amount"), FieldPanel("valid_from"), FieldPanel("source")]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")

    def __str__(self):
        return f"{format_vnd(self.amount)} ({_('từ')} {format_date(self.valid_from)})"

    @property
    def amount_text(self) -> str:
        return format_vnd(self.amount)


def _one_of(amount, coefficient, field_names, required=True):
    """Exactly one of a fixed sum and a coefficient (or none, when not required)."""
    amount_field, coefficient_field = field_names
    if amount is not None and coefficient is not None:
        raise ValidationError({coefficient_field: _("Chỉ nhập một trong hai: số tiền cố định hoặc hệ số.")})
    if required and amount is None and coefficient is None:
        raise ValidationError({amount_field: _("Hãy nhập số tiền cố định hoặc hệ số.")})


class RateTable(ClusterableModel):
    """A version of the rates, in force from ``valid_from`` until the next table starts."""

    name = models.CharField(_("tên bảng mức"), max_length=200)
    decision = models.CharField(
        _("căn cứ quyết định"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Quyết định 128/QĐ-LĐLĐ ngày 20/9/2016 của Ban Thường vụ LĐLĐ tỉnh."),
    )
    valid_from = models.DateField(
        _("áp dụng từ ngày"),
        unique=True,
        help_text=_("Áp dụng cho tin - bài đăng lần đầu từ ngày này đến trước ngày áp dụng của bảng sau."),
    )
    is_example = models.BooleanField(
        _("bảng mức ví dụ"),
        default=False,
        help_text=_("Bảng mức minh họa, không phải mức chính thức; bảng kê tính theo bảng này có ghi chú."),
    )
    photo_amount = models.PositiveIntegerField(_("mỗi ảnh: số tiền (đồng)"), null=True, blank=True)
    photo_coefficient = models.DecimalField(
        _("mỗi ảnh: hệ số"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=coefficient_validators,
    )
    photo_cap = models.PositiveSmallIntegerField(
        _("số ảnh tính tối đa"),
        null=True,
        blank=True,
        help_text=_("Số ảnh được tính thêm tối đa cho một tin - bài; để trống nếu không giới hạn."),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("decision"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("is_example")]),
        InlinePanel("entries", heading=_("Mức theo loại và xếp loại"), label=_("mức")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("photo_coefficient"), FieldPanel("photo_amount"), FieldPanel("photo_cap")]
                )
            ],
            heading=_("Thêm cho mỗi ảnh đăng kèm"),
        ),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("bảng mức nhuận bút")
        verbose_name_plural = _("bảng mức nhuận bút")

    def __str__(self):
        label = f"{self.name} ({_('từ')} {format_date(self.valid_from)})"
        return f"{label} – {_('ví dụ')}" if self.is_example else label

    def clean(self):
        super().clean()
        _one_of(self.photo_amount, self.photo_coefficient, ("photo_amount", "photo_coefficient"), False)

    def photo_extra(self) -> rules.PhotoExtra:
        if self.photo_amount is not None:
            rate = rules.Rate(amount=self.photo_amount)
        elif self.photo_coefficient is not None:
            rate = rules.Rate(coefficient=self.photo_coefficient)
        else:
            rate = None
        return rules.PhotoExtra(rate=rate, cap=self.photo_cap)


class RateEntry(Orderable):
    """The rate of one post kind and grade in a table: a fixed sum or a coefficient."""

    table = ParentalKey(RateTable, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("loại"), max_length=10, choices=PostKindChoice.choices)
    grade = models.ForeignKey(Grade, verbose_name=_("xếp loại"), on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveIntegerField(_("số tiền cố định (đồng)"), null=True, blank=True)
    coefficient = models.DecimalField(
        _("hệ số"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=coefficient_validators,
        help_text=_(
            "Nghị định 18/2014/NĐ-CP: tin tối đa 10, bài tối đa 30; một đơn vị hệ số = 10% lương cơ sở."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("grade")]),
        FieldRowPanel([FieldPanel("coefficient"), FieldPanel("amount")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mức nhuận bút")
        verbose_name_plural = _("mức nhuận bút")
        constraints = [
            models.UniqueConstraint(fields=["table", "kind", "grade"], name="royalties_rate_entry_unique"),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True, coefficient__isnull=False)
                | models.Q(amount__isnull=False, coefficient__isnull=True),
                name="royalties_rate_entry_one_value",
            ),
        ]

    def clean(self):
        super().clean()
        _one_of(self.amount, self.coefficient, ("amount", "coefficient"))

    def rate(self) -> rules.Rate:
        if self.amount is not None:
            return rules.Rate(amount=self.amount)
        return rules.Rate(coefficient=self.coefficient)


class SalaryBasis(models.TextChoices):
    PUBLICATION = "publication", _("Ngày đăng tin - bài")
    PAYMENT = "payment", _("Ngày lập (chốt) bảng kê")


@register_setting(icon="doc-full")
class RoyaltySettings(BaseGenericSetting):
    """The desk's switches; every default comes from the letter or the law it cites."""

    start_date = models.DateField(
        _("ngày bắt đầu tính nhuận bút"),
        default=DEFAULT_START_DATE,
        help_text=_("Công văn 435/LĐLĐ mục 5: tin - bài đăng từ ngày 11/10/2016."),
    )
    salary_basis = models.CharField(
        _("mức lương cơ sở áp dụng theo"),
        max_length=20,
        choices=SalaryBasis.choices,
        default=SalaryBasis.PUBLICATION,
    )
    rounding_step = models.PositiveIntegerField(
        _("làm tròn đến (đồng)"),
        default=100,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Mỗi tin - bài làm tròn đến bội số gần nhất (nửa bước làm tròn lên); 1 = không làm tròn."
        ),
    )
    tax_threshold = models.PositiveIntegerField(
        _("ngưỡng khấu trừ thuế TNCN (đồng/lần chi trả)"),
        default=2_000_000,
        help_text=_("Thông tư 111/2013/TT-BTC: khấu trừ khi một lần chi trả cho một người từ 2.000.000 đ."),
    )
    tax_rate_percent = models.DecimalField(
        _("thuế suất khấu trừ (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(10),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    organisation_name = models.CharField(
        _("tên cơ quan (đầu bảng kê)"), max_length=200, default="LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH THUẬN"
    )
    place = models.CharField(_("địa danh (ngày tháng bảng kê)"), max_length=80, default="Bình Thuận")

    panels = [
        FieldPanel("start_date"),
        FieldPanel("salary_basis"),
        FieldPanel("rounding_step"),
        FieldRowPanel([FieldPanel("tax_threshold"), FieldPanel("tax_rate_percent")]),
        FieldRowPanel([FieldPanel("organisation_name"), FieldPanel("place")]),
    ]

    class Meta:
        verbose_name = _("cài đặt nhuận bút")
        verbose_name_plural = _("cài đặt nhuận bút")

    def tax_policy(self) -> rules.TaxPolicy:
        return rules.TaxPolicy(threshold=self.tax_threshold, rate=self.tax_rate_percent / 100)


# -- statements ---------------------------------------------------------------


class StatementState(models.TextChoices):
    OPEN = "open", _("Đang mở")
    CLOSED = "closed", _("Đã chốt")
    PAID = "paid", _("Đã chi trả")


class FrozenStatementError(ValidationError):
    """A closed statement is a stored snapshot: it never changes (DESIGN.md, Royalties)."""


class _FrozenRefusingQuerySet(models.QuerySet):
    """Bulk updates and deletes skip the models' `save()/delete()`, so they are refused here when
    any row belongs to a frozen statement, whose state is reached through `state_path`."""

    state_path = "state"
    update_refused = _("Bảng kê đã chốt, không thể sửa.")
    delete_refused = _("Bảng kê đã chốt, không thể xóa.")

    def _refuse_frozen(self, message):
        if self.exclude(**{self.state_path: StatementState.OPEN}).exists():
            raise FrozenStatementError(message)

    def update(self, **kwargs):
        self._refuse_frozen(self.update_refused)
        return super().update(**kwargs)

    def delete(self):
        self._refuse_frozen(self.delete_refused)
        return super().delete()


class StatementQuerySet(_FrozenRefusingQuerySet):
    """Bulk writes skip `Statement.save()/delete()`, so they are refused here when they would touch
    a frozen statement or change a state (only `royalties.services` changes states, row by row)."""

    def update(self, **kwargs):
        if "state" in kwargs:
            raise FrozenStatementError(_("Trạng thái bảng kê chỉ đổi khi chốt hoặc xác nhận chi trả."))
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if kwargs.get("update_conflicts") or any(obj.state != StatementState.OPEN for obj in objs):
            raise FrozenStatementError(_("Bảng kê chỉ được chốt qua chức năng chốt bảng kê."))
        return super().bulk_create(objs, *args, **kwargs)


def _acting_user(verbose_name) -> models.ForeignKey:
    """Who closed or paid a statement; the `*_by_name` field next to it keeps the name when the
    user is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Statement(models.Model):
    """One unit's royalty statement for one month (Vietnam time).

    Open statements are computed live (`royalties.selectors`); closing freezes their lines
    (`royalties.services.statement_close`). Only `services` changes the state.
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="royalty_statements"
    )
    month = models.CharField(_("tháng"), max_length=7, help_text=_("Dạng 2017-03."))
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=StatementState.choices, default=StatementState.OPEN
    )
    number = models.CharField(_("số bảng kê"), max_length=60, blank=True)
    is_example = models.BooleanField(_("tính theo bảng mức ví dụ"), default=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    closed_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True)
    closed_by = _acting_user(_("người chốt"))
    closed_by_name = models.CharField(_("người chốt (họ tên)"), max_length=150, blank=True)
    paid_on = models.DateField(_("ngày chi trả"), null=True, blank=True)
    paid_by = _acting_user(_("người xác nhận chi trả"))
    paid_by_name = models.CharField(_("người xác nhận chi trả (họ tên)"), max_length=150, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "unit__report_order"]
        verbose_name = _("bảng kê nhuận bút")
        verbose_name_plural = _("bảng kê nhuận bút")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="royalties_statement_unit_month")
        ]
        permissions = [
            ("view_all_statements", _("Xem bảng kê nhuận bút của mọi đơn vị")),
            ("close_statement", _("Chốt bảng kê nhuận bút")),
            ("mark_statement_paid", _("Xác nhận đã chi trả nhuận bút")),
        ]

    def __str__(self):
        return f"{self.unit} – {self.period.label}"

    @property
    def period(self) -> Period:
        return parse_period(self.month)

    @property
    def is_frozen(self) -> bool:
        return self.state != StatementState.OPEN

    # Closing → paid is the only change a frozen statement accepts (services only).
    _PAYMENT_FIELDS = frozenset({"state", "paid_on", "paid_by", "paid_by_name"})

    def save(self, *args, **kwargs):
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored and stored != StatementState.OPEN:
                update_fields = kwargs.get("update_fields")
                if not (
                    stored == StatementState.CLOSED
                    and self.state == StatementState.PAID
                    and update_fields is not None
                    and set(update_fields) <= self._PAYMENT_FIELDS
                ):
                    raise FrozenStatementError(_("Bảng kê đã chốt, không thể sửa."))
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if (
            self.is_frozen
            or type(self).objects.filter(pk=self.pk).exclude(state=StatementState.OPEN).exists()
        ):
            raise FrozenStatementError(_("Bảng kê đã chốt, không thể xóa."))
        return super().delete(*args, **kwargs)


class StatementLineQuerySet(_FrozenRefusingQuerySet):
    state_path = "statement__state"
    delete_refused = _FrozenRefusingQuerySet.update_refused

    def bulk_create(self, objs, *args, **kwargs):
        # `services.statement_close` writes the lines while the statement is still open, then closes it.
        objs = list(objs)
        statement_ids = {obj.statement_id for obj in objs}
        if kwargs.get("update_conflicts") or (
            Statement.objects.filter(pk__in=statement_ids).exclude(state=StatementState.OPEN).exists()
        ):
            raise FrozenStatementError(_("Bảng kê đã chốt, không thêm dòng được."))
        return super().bulk_create(objs, *args, **kwargs)


class StatementLine(models.Model):
    """One post-author line of a closed statement: a snapshot that never changes.

    The post is kept by id and copied fields, not by a foreign key, so that deleting or
    editing the post later leaves the statement as it was issued.
    """

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="lines")
    position = models.PositiveIntegerField(_("số thứ tự"))
    post_id = models.PositiveIntegerField(_("mã tin - bài"), db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=PostKindChoice.choices)
    first_published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True)
    post_month = models.CharField(_("tháng đăng"), max_length=7)
    author = models.CharField(_("tác giả"), max_length=120)
    author_key = models.CharField(_("tác giả (dạng so khớp)"), max_length=120, db_index=True)
    share_percent = models.DecimalField(_("tỷ lệ (%)"), max_digits=6, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("xếp loại"), max_length=8, blank=True)
    photos = models.PositiveSmallIntegerField(_("số ảnh"), default=0)
    coefficient = models.DecimalField(_("hệ số"), max_digits=7, decimal_places=2, null=True, blank=True)
    base_salary = models.PositiveIntegerField(_("lương cơ sở áp dụng"), null=True, blank=True)
    post_amount = models.IntegerField(_("nhuận bút cả tin - bài"), default=0)
    amount = models.IntegerField(_("thành tiền"))
    tax = models.IntegerField(_("thuế TNCN"), default=0)
    net = models.IntegerField(_("thực nhận"))
    is_adjustment = models.BooleanField(_("dòng điều chỉnh"), default=False)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    objects = StatementLineQuerySet.as_manager()

    class Meta:
        ordering = ["statement", "position"]
        verbose_name = _("dòng bảng kê")
        verbose_name_plural = _("dòng bảng kê")
        constraints = [
            # A statement is frozen once: a second copy of its lines cannot be written.
            models.UniqueConstraint(
                fields=["statement", "position"], name="royalties_statement_line_position"
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.title} – {self.author}"

    def save(self, *args, **kwargs):
        state = Statement.objects.filter(pk=self.statement_id).values_list("state", flat=True).first()
        if state != StatementState.OPEN:
            raise FrozenStatementError(_("Bảng kê đã chốt, không thể sửa."))
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise FrozenStatementError(_("Dòng bảng kê không xóa được; hãy điều chỉnh ở bảng kê sau."))


class StatementLogEntryManager(BaseLogEntryManager):
    """Closing and payment entries, each visible only to whoever may read the statement.

    Wagtail's ModelLogEntry shows every entry of a model to anyone holding any permission on
    it, which would put every unit's statements (names and amounts) in the site history of any
    unit's accountant; here the unit rule of `royalties.access` decides instead.
    """

    def log_action(self, instance, action, **kwargs):
        kwargs.update(statement=instance)
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        from . import access

        if access.sees_all_units(user):
            return self.all()
        return self.filter(statement__unit__in=access.finance_units(user).values("pk"))

    def for_instance(self, instance):
        return self.filter(statement=instance)


class StatementLogEntry(BaseLogEntry):
    """A log entry of a royalty statement (registered for `Statement` in `wagtail_hooks`)."""

    # Like Wagtail's PageLogEntry: no database constraint, the history outlives nothing it
    # points to (a frozen statement is never deleted, an open one has no entries).
    statement = models.ForeignKey(
        Statement,
        verbose_name=_("bảng kê nhuận bút"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    objects = StatementLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("nhật ký bảng kê nhuận bút")
        verbose_name_plural = _("nhật ký bảng kê nhuận bút")

    def __str__(self):
        return f"StatementLogEntry {self.pk}: {self.action!r} on statement {self.statement_id}"

    @cached_property
    def object_id(self):
        return self.statement_id
