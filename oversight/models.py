"""Quotas, remarks, issued reports, reminder logs and the letter's settings.

Letter 435/LĐLĐ (24/4/2017) set every unit 6 tin and 1 bài a quarter and attached a table
of who fell short. Here the quotas are data with effective dates, the oversight office's
remarks sit beside the computed notes, an issued table is an immutable snapshot, and the
letter's header, body and signer are site settings edited in the admin.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from vietnamese.periods import PeriodError, parse_period

from .rules import QuotaRuleFacts, ReportRow


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Quý")
    MONTH = "month", _("Tháng")
    YEAR = "year", _("Năm")


def normalise_period_code(value: str) -> str:
    """ "quý I/2017" -> "2017-Q1"; a Vietnamese ValidationError on bad input."""
    try:
        return parse_period(value).code
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc


class QuotaRuleQuerySet(models.QuerySet):
    def overlapping(self, start, end):
        """Rules in force at some time in [start, end]."""
        return self.filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=start), valid_from__lte=end
        )

    def as_facts(self) -> list[QuotaRuleFacts]:
        return [
            QuotaRuleFacts(
                rule_id=rule["pk"],
                period_kind=rule["period_kind"],
                news=rule["target_news"],
                articles=rule["target_articles"],
                valid_from=rule["valid_from"],
                valid_to=rule["valid_to"],
                unit_id=rule["unit_id"],
                kind_code=rule["unit_kind__code"],
                exempt=rule["exempt"],
            )
            for rule in self.values(
                "pk",
                "period_kind",
                "target_news",
                "target_articles",
                "valid_from",
                "valid_to",
                "unit_id",
                "unit_kind__code",
                "exempt",
            )
        ]


class QuotaRule(models.Model):
    """How many tin and bài a unit kind, or one unit, must publish per period, from a date.

    A unit rule beats a kind rule; a rule with neither applies to every unit. See
    `oversight.rules.resolve_quota` for how rules combine over a reporting period.
    """

    name = models.CharField(_("tên quy định"), max_length=160, blank=True)
    unit_kind = models.ForeignKey(
        "units.UnitKind",
        verbose_name=_("áp dụng cho loại đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quota_rules",
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("áp dụng cho đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quota_rules",
        help_text=_("Quy định cho một đơn vị được ưu tiên hơn quy định cho loại đơn vị."),
    )
    period_kind = models.CharField(
        _("tính theo"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.QUARTER
    )
    target_news = models.PositiveSmallIntegerField(_("số tin"), default=6)
    target_articles = models.PositiveSmallIntegerField(_("số bài"), default=1)
    exempt = models.BooleanField(
        _("miễn chỉ tiêu"),
        default=False,
        help_text=_("Đơn vị (loại đơn vị) không phải thực hiện chỉ tiêu và không có trong bảng kết quả."),
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    basis = models.CharField(
        _("căn cứ"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Công văn số 435/LĐLĐ ngày 24/4/2017."),
    )

    objects = QuotaRuleQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("unit_kind"), FieldPanel("unit")], heading=_("Phạm vi áp dụng")),
        MultiFieldPanel(
            [
                FieldPanel("period_kind"),
                FieldPanel("target_news"),
                FieldPanel("target_articles"),
                FieldPanel("exempt"),
            ],
            heading=_("Chỉ tiêu"),
        ),
        MultiFieldPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading=_("Hiệu lực")),
        FieldPanel("basis"),
    ]

    class Meta:
        ordering = ["-valid_from", "unit_kind__order", "unit__report_order"]
        verbose_name = _("chỉ tiêu đăng tin - bài")
        verbose_name_plural = _("chỉ tiêu đăng tin - bài")

    def __str__(self):
        return self.name or self.describe()

    def scope_label(self) -> str:
        if self.unit_id:
            return str(self.unit)
        if self.unit_kind_id:
            return str(self.unit_kind)
        return str(_("Mọi đơn vị"))

    scope_label.short_description = _("phạm vi")

    def describe(self) -> str:
        if self.exempt:
            return _("%(scope)s: miễn chỉ tiêu") % {"scope": self.scope_label()}
        return _("%(scope)s: %(news)s tin, %(articles)s bài mỗi %(period)s") % {
            "scope": self.scope_label(),
            "news": self.target_news,
            "articles": self.target_articles,
            "period": self.get_period_kind_display().lower(),
        }

    def clean(self):
        super().clean()
        if self.unit_id and self.unit_kind_id:
            raise ValidationError(
                _("Chọn một loại đơn vị hoặc một đơn vị, không chọn cả hai (để trống cả hai: mọi đơn vị).")
            )
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class Remark(models.Model):
    """The oversight office's free-text note on a unit for a period (the seed's Ban Tuyên giáo row)."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="oversight_remarks"
    )
    # Typed as "quý II/2017" and stored as "2017-Q2" (see clean/save).
    period_code = models.CharField(
        _("kỳ báo cáo"), max_length=20, help_text=_("Ví dụ: 2017-Q1, quý I/2017, 2017-03, 2017.")
    )
    text = models.TextField(_("nội dung ghi chú"))
    replaces_shortfall = models.BooleanField(
        _("thay cho ghi chú “Thiếu …”"),
        default=False,
        help_text=_(
            "Đánh dấu khi ghi chú đã tự nêu phần còn thiếu (như dòng Ban Tuyên giáo quý I/2017): "
            "bảng không ghi thêm “Thiếu … tin, … bài” tính tự động."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    panels = [
        FieldPanel("unit"),
        FieldPanel("period_code"),
        FieldPanel("text"),
        FieldPanel("replaces_shortfall"),
    ]

    class Meta:
        ordering = ["-period_code", "unit__report_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period_code"], name="oversight_remark_unit_period")
        ]
        verbose_name = _("ghi chú của Ban Thường vụ")
        verbose_name_plural = _("ghi chú của Ban Thường vụ")

    def __str__(self):
        return f"{self.unit} – {self.period_code}"

    def clean(self):
        super().clean()
        if self.period_code:
            try:
                self.period_code = normalise_period_code(self.period_code)
            except ValidationError as exc:
                raise ValidationError({"period_code": exc.messages}) from exc

    def save(self, *args, **kwargs):
        self.period_code = normalise_period_code(self.period_code)
        super().save(*args, **kwargs)


class IssuedReportLocked(Exception):
    """An issued report is a snapshot: it is never changed or deleted."""


class IssuedReportQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise IssuedReportLocked(_("Báo cáo đã ban hành không được sửa."))

    def delete(self):
        raise IssuedReportLocked(_("Báo cáo đã ban hành không được xóa."))

    def bulk_create(self, objs, *args, **kwargs):
        # An "upsert" would overwrite an issued report in place.
        if kwargs.get("update_conflicts"):
            raise IssuedReportLocked(_("Báo cáo đã ban hành không được sửa."))
        return super().bulk_create(objs, *args, **kwargs)

    def current(self):
        """Reports in force: not superseded by a later one."""
        return self.filter(superseded_by__isnull=True)


class IssuedReport(models.Model):
    """A period's table as sent with a letter (e.g. 435/LĐLĐ, 24/4/2017): frozen rows.

    Later publishing or unpublishing changes the live report, never this one (DESIGN.md,
    "an issued (finalised) report is a stored snapshot that never changes"). A mistake is
    corrected by a new letter that supersedes it (`services.supersede_report`): the old record
    stays as it was, the new one points to it and says why.
    """

    period_code = models.CharField(_("kỳ báo cáo"), max_length=10)
    period_label = models.CharField(_("tên kỳ"), max_length=40)
    number = models.CharField(_("số công văn"), max_length=40, help_text=_("Ví dụ: 435/LĐLĐ"))
    document_date = models.DateField(_("ngày công văn"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ban hành"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_by_name = models.CharField(_("tên người ban hành"), max_length=150, blank=True)
    issued_at = models.DateTimeField(_("ban hành lúc"))
    rows = models.JSONField(_("các dòng của bảng"))
    # The letter's settings at the time of issue, so the DOCX of an issued report never changes.
    letter = models.JSONField(_("nội dung công văn"), default=dict)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("thay thế báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    reason = models.TextField(_("lý do ban hành lại"), blank=True)

    objects = IssuedReportQuerySet.as_manager()

    class Meta:
        ordering = ["-document_date", "-issued_at"]
        verbose_name = _("báo cáo đã ban hành")
        verbose_name_plural = _("báo cáo đã ban hành")
        constraints = [
            # One first issue per period; every later one supersedes exactly one earlier report
            # (`supersedes` is one-to-one), so a period's reports form a single chain.
            models.UniqueConstraint(
                fields=["period_code"],
                condition=models.Q(supersedes__isnull=True),
                name="oversight_issued_report_first_per_period",
            )
        ]
        permissions = [
            ("view_compliance_report", _("Xem báo cáo kết quả đăng tin - bài")),
            ("issue_compliance_report", _("Ban hành báo cáo kết quả đăng tin - bài")),
            ("send_reminders", _("Gửi nhắc nhở đăng tin - bài")),
        ]

    def __str__(self):
        return _("Công văn số %(number)s (%(period)s)") % {"number": self.number, "period": self.period_label}

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise IssuedReportLocked(_("Báo cáo đã ban hành không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise IssuedReportLocked(_("Báo cáo đã ban hành không được xóa."))

    @property
    def report_rows(self) -> list[ReportRow]:
        return [ReportRow.from_dict(row) for row in self.rows]


class ReminderLog(models.Model):
    """One reminder e-mail to one unit about one period on one day: never sent twice a day."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="quota_reminders"
    )
    period_code = models.CharField(_("kỳ báo cáo"), max_length=10)
    sent_on = models.DateField(_("ngày gửi"))
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    recipients = models.TextField(_("người nhận"), blank=True)
    news = models.PositiveIntegerField(_("số tin đã đăng"), default=0)
    articles = models.PositiveIntegerField(_("số bài đã đăng"), default=0)
    missing = models.CharField(_("còn thiếu"), max_length=120, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_code", "sent_on"], name="oversight_reminder_once_a_day"
            )
        ]
        verbose_name = _("nhắc nhở đã gửi")
        verbose_name_plural = _("nhắc nhở đã gửi")

    def __str__(self):
        return f"{self.unit} – {self.period_code} – {self.sent_on:%d/%m/%Y}"


# -- the reminder letter's settings --------------------------------------------------------

# Placeholders of the body template; values filled in when the letter is made.
PLACEHOLDER_PERIOD = "{ky_bao_cao}"
PLACEHOLDER_ATTACHMENT = "{bang_kem_theo}"

# Letter 435/LĐLĐ, 24/4/2017, word for word except the two placeholders. One paragraph per
# line; ***…*** is bold italic and *…* italic, as in the letter.
DEFAULT_BODY = "\n".join(
    [
        "Qua kết quả triển khai thực hiện việc cập nhật thông tin, đăng tin - bài trên Website Công đoàn "
        "Bình Thuận của các cấp công đoàn, các ban, đơn vị trực thuộc trong {ky_bao_cao} vừa qua, nhìn "
        "chung chưa đáp ứng yêu cầu theo các văn bản chỉ đạo, quy chế hoạt động Website Công đoàn Bình "
        "Thuận đã được Ban Thường vụ Liên đoàn Lao động tỉnh ký ban hành (***{bang_kem_theo}***).",
        "Khắc phục những hạn chế nêu trên, Ban Thường vụ Liên đoàn Lao động tỉnh yêu cầu các ban, đơn vị "
        "trực thuộc, Liên đoàn Lao động cấp huyện, công đoàn cấp ngành thực hiện tốt một số nội dung như "
        "sau:",
        "1. Thường xuyên cập nhật thông tin, đăng tải tin - bài về phong trào công nhân, viên chức, lao "
        "động và hoạt động công đoàn của cấp mình trên Website Công đoàn Bình Thuận, bảo đảm thời gian "
        "đăng tải, chất lượng nội dung, số lượng tin - bài theo đúng quy định.",
        "2. Ban Tổ chức Liên đoàn Lao động tỉnh có trách nhiệm cung cấp thông tin, sơ đồ tổ chức, giới "
        "thiệu về lịch sử hình thành, phát triển của Liên đoàn Lao động tỉnh để Ban Biên tập chỉ đạo Tổ "
        "Công nghệ - thông tin đăng tải trên Website Công đoàn Bình Thuận.",
        "3. Các ban, Văn phòng, UBKT và các đơn vị trực thuộc Liên đoàn Lao động tỉnh trực tiếp thu thập, "
        "biên tập tin - bài có liên quan đến chức năng, nhiệm vụ, hoạt động gửi về Thường trực Ban Biên "
        "tập duyệt trước khi cho đăng tải trên Website Công đoàn Bình Thuận.",
        "4. Liên đoàn Lao động cấp huyện, công đoàn cấp ngành phải chủ động trong việc thu thập, biên "
        "tập, phê duyệt và trực tiếp cho đăng tải tin - bài trên Website Công đoàn. Trong quá trình thực "
        "hiện nếu có khó khăn, vướng mắc liên hệ về Ban Biên tập Website (*qua Ban Tuyên giáo Liên đoàn "
        "Lao động tỉnh hoặc Tổ trưởng Tổ Thư ký, Tổ Công nghệ thông tin của Ban Biên tập*) để được hướng "
        "dẫn, hỗ trợ trực tiếp.",
        "5. Các cấp công đoàn, các ban, đơn vị trực thuộc khi biên tập, duyệt tin - bài để đăng trên "
        "Website phải kèm hình ảnh hoạt động (hoặc hình ảnh minh họa liên quan đến hoạt động); định kỳ "
        "hàng tháng chủ động chi trả nhuận bút cho những tin - bài đã được đăng trên Website (*Mốc thời "
        "gian làm căn cứ tính nhuận bút cho tin - bài đã đăng: Bắt đầu từ ngày 11/10/2016; chi phí, mức "
        "tính thù lao, nhuận bút thực hiện theo Quyết định số 128/QĐ-LĐLĐ ngày 20/9/2016 của Ban Thường "
        "vụ Liên đoàn Lao động tỉnh*).",
        "Nhận được Công văn này, yêu cầu các ban, đơn vị trực thuộc, Liên đoàn Lao động cấp huyện, công "
        "đoàn cấp ngành nghiêm túc triển khai thực hiện./.",
    ]
)
DEFAULT_ATTACHMENT_REFERENCE = "Kết quả cụ thể theo bảng tổng hợp đính kèm"
DEFAULT_COPIES = "Như trên;\nThường trực LĐLĐ tỉnh;\nLưu: VT, TG."
DEFAULT_SUBJECT = (
    "chỉ đạo, đôn đốc các cấp công đoàn thực hiện việc cập nhật thông tin, "
    "đăng tin - bài trên Website Công đoàn"
)


@register_setting(icon="doc-full")
class LetterSettings(BaseSiteSetting):
    """ "Cài đặt công văn": who sends the reminder letter, who signs it, and what it says."""

    parent_organisation = models.CharField(
        _("cơ quan cấp trên"), max_length=120, default="TỔNG LĐLĐ VIỆT NAM"
    )
    federation_name = models.CharField(
        _("tên cơ quan ban hành (viết hoa)"), max_length=120, default="LĐLĐ TỈNH BÌNH THUẬN"
    )
    number_suffix = models.CharField(
        _("ký hiệu công văn"), max_length=40, default="LĐLĐ", help_text=_("Phần sau dấu “/” của số công văn.")
    )
    place = models.CharField(_("địa danh"), max_length=80, default="Bình Thuận")
    website_name = models.CharField(_("tên Website"), max_length=120, default="Website Công đoàn Bình Thuận")
    issuing_body = models.CharField(
        _("cơ quan ký công văn (trong tiêu đề bảng kèm theo)"),
        max_length=160,
        default="Ban Thường vụ Liên đoàn Lao động tỉnh",
    )
    subject = models.CharField(_("trích yếu (sau “V/v”)"), max_length=255, default=DEFAULT_SUBJECT)
    body = models.TextField(
        _("nội dung công văn"),
        default=DEFAULT_BODY,
        help_text=_(
            "Mỗi dòng là một đoạn. {ky_bao_cao} được thay bằng kỳ báo cáo (ví dụ “quý I/2017”), "
            "{bang_kem_theo} bằng câu dẫn tới bảng kèm theo. ***chữ*** in đậm nghiêng, *chữ* in nghiêng."
        ),
    )
    attachment_reference = models.CharField(
        _("câu dẫn tới bảng kèm theo"), max_length=255, default=DEFAULT_ATTACHMENT_REFERENCE
    )
    copies_to = models.TextField(
        _("nơi nhận (ngoài các đơn vị)"),
        default=DEFAULT_COPIES,
        help_text=_("Mỗi dòng một nơi nhận; dòng đầu thường là “Như trên;”."),
    )
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=120, default="TM. BAN THƯỜNG VỤ")
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, default="PHÓ CHỦ TỊCH")
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, default="Phạm Quốc Luy")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("parent_organisation"),
                FieldPanel("federation_name"),
                FieldPanel("number_suffix"),
                FieldPanel("place"),
            ],
            heading=_("Cơ quan ban hành"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("body"),
                FieldPanel("attachment_reference"),
                FieldPanel("website_name"),
                FieldPanel("issuing_body"),
                FieldPanel("copies_to"),
            ],
            heading=_("Nội dung"),
        ),
        MultiFieldPanel(
            [FieldPanel("signing_authority"), FieldPanel("signer_title"), FieldPanel("signer_name")],
            heading=_("Người ký"),
        ),
    ]

    class Meta:
        verbose_name = _("Cài đặt công văn")
        verbose_name_plural = _("Cài đặt công văn")

    LETTER_FIELDS = (
        "parent_organisation",
        "federation_name",
        "number_suffix",
        "place",
        "website_name",
        "issuing_body",
        "subject",
        "body",
        "attachment_reference",
        "copies_to",
        "signing_authority",
        "signer_title",
        "signer_name",
    )

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.LETTER_FIELDS}
