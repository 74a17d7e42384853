"""Step 2: the page tree. Root > “Công đoàn Bình Thuận” (home, the default Site's root) >
{“Đơn vị” > one page per unit, “Giới thiệu”, “Chủ đề”}; unit introductions and demo addresses.

Contact data is never invented for the real federation: the federation's own footer contact comes
from the letter only (demo/contact.py), the units housed at the provincial federation (its
departments, affiliates and sectoral unions) get no address, and no unit page gets a telephone
number (a made-up number in the province's 0252 area could ring a real line). A district
federation's page gets a made-up street address, marked as such in the text (`DEMO_MARK`), so
that nobody reading the demo site, its API or a copy of its database takes it for a real one."""

from __future__ import annotations

import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from public.models import AboutPage, HomePage, TopicIndexPage
from units.loading import ensure_unit_pages
from units.models import Unit, UnitIndexPage, UnitKind, UnitPage

from . import images
from .contact import ensure_federation_contact
from .content import DISTRICT_PLACES, person_name
from .plan import read_counts

SITE_NAME = "Công đoàn Bình Thuận"
HOME_INTRO = (
    "<p>Trang thông tin điện tử của Liên đoàn Lao động tỉnh Bình Thuận: tin tức về phong trào công "
    "nhân, viên chức, lao động và hoạt động công đoàn trong tỉnh.</p>"
)
UNIT_INDEX_INTRO = (
    "<p>Các ban, đơn vị trực thuộc Liên đoàn Lao động tỉnh, công đoàn ngành và Liên đoàn Lao động "
    "các huyện, thị xã, thành phố. Mỗi đơn vị có trang riêng với tin - bài và mục Giới thiệu công "
    "đoàn.</p>"
)
HISTORY = """
<h2>Những ngày đầu sau giải phóng</h2>
<p>Sau ngày quê hương Bình Thuận được giải phóng (19/4/1975), tổ chức công đoàn trong tỉnh nhanh chóng
được xây dựng từ các cơ quan, xí nghiệp, hợp tác xã vừa được tiếp quản. Năm 1976, ba tỉnh Bình Thuận,
Ninh Thuận và Bình Tuy hợp nhất thành tỉnh Thuận Hải; Liên hiệp Công đoàn tỉnh Thuận Hải ra đời, tập
hợp công nhân, viên chức, lao động khôi phục sản xuất, ổn định đời sống.</p>
<h2>Tái lập tỉnh và phát triển</h2>
<p>Tháng 4/1992, tỉnh Bình Thuận được tái lập; Liên đoàn Lao động tỉnh Bình Thuận được thành lập và
kiện toàn bộ máy: các ban chuyên đề, Văn phòng, Ủy ban Kiểm tra, các công đoàn ngành và Liên đoàn Lao
động các huyện, thị xã, thành phố. Trải qua nhiều kỳ đại hội, tổ chức công đoàn tỉnh không ngừng lớn
mạnh, số đoàn viên và công đoàn cơ sở tăng đều qua từng nhiệm kỳ, nhất là trong các khu công nghiệp.</p>
<h2>Chức năng, nhiệm vụ</h2>
<p>Liên đoàn Lao động tỉnh đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên và
người lao động; tham gia quản lý nhà nước, kinh tế - xã hội; tuyên truyền, giáo dục chính trị, pháp
luật; chăm lo đời sống vật chất, tinh thần cho công nhân, viên chức, lao động qua các chương trình
“Mái ấm Công đoàn”, “Tết Sum vầy”, “Tháng Công nhân”.</p>
<h2>Website Công đoàn Bình Thuận</h2>
<p>Website Công đoàn Bình Thuận hoạt động theo quy chế do Ban Thường vụ Liên đoàn Lao động tỉnh ban
hành. Ban Biên tập chỉ đạo việc đăng tải; các ban, đơn vị trực thuộc gửi tin - bài để Thường trực Ban
Biên tập duyệt; Liên đoàn Lao động cấp huyện và công đoàn cấp ngành tự biên tập, phê duyệt và đăng
tải tin - bài của cấp mình (Công văn 435/LĐLĐ ngày 24/4/2017).</p>
"""
DEMO_MARK = "(địa chỉ mẫu, không có thật)"
STREETS = ["Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Thống Nhất", "Lý Thường Kiệt"]
FOUNDED = {"department": 1992, "affiliate": 1997, "sector": 1993, "district": 1992}


def _ensure_home() -> HomePage:
    """The federation's home page as the default Site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = root.add_child(instance=HomePage(title=SITE_NAME, slug="trang-chu", intro=HOME_INTRO))
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id != home.pk or site.site_name != SITE_NAME:
        site.root_page = home
        site.site_name = SITE_NAME
        site.is_default_site = True
        site.save()
    # Wagtail's “Welcome to your new Wagtail site!”: a plain Page with nothing under it.
    plain_page = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(depth=2, content_type=plain_page, numchild=0):
        if not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
    return home


def _ensure_child(home: HomePage, model, slug: str, **fields):
    page = model.objects.child_of(home).filter(slug=slug).first() or model.objects.first()
    if page is None:
        page = home.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
    return page


def _org_chart_kinds() -> list[tuple[str, list[str]]]:
    return [
        (kind.name, [unit.display_name for unit in kind.units.order_by("report_order")])
        for kind in UnitKind.objects.all()
    ]


def introduction(unit: Unit) -> str:
    rng = random.Random(unit.code)
    founded = FOUNDED.get(unit.kind.code, 1992) + rng.randint(0, 3)
    grassroots = rng.randint(25, 160)
    members = grassroots * rng.randint(35, 90)
    places = DISTRICT_PLACES.get(unit.code)
    where = f" trên địa bàn gồm {', '.join(places)} và các xã lân cận" if places else ""
    return (
        f"<p>{unit.name} được thành lập năm {founded}, hiện có {grassroots} công đoàn cơ sở với "
        f"{members:,} đoàn viên{where}.</p>".replace(f"{members:,}", f"{members:,}".replace(",", "."))
        + f"<p>Ban Chấp hành nhiệm kỳ 2013 - 2018 gồm {rng.choice((9, 11, 13, 15))} đồng chí; "
        f"đồng chí {person_name(rng)} là Chủ tịch, đồng chí {person_name(rng)} là Phó Chủ tịch.</p>"
        "<p>Chức năng, nhiệm vụ: đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, "
        "người lao động; tuyên truyền, phổ biến chủ trương, chính sách, pháp luật; chăm lo đời sống, "
        "phát triển đoàn viên và xây dựng công đoàn cơ sở vững mạnh.</p>"
    )


def demo_address(unit: Unit) -> str:
    """A made-up street address in the district of a district federation, marked as demo data;
    empty for every other unit (they sit at the provincial federation, whose address the letter
    does not give)."""
    places = DISTRICT_PLACES.get(unit.code)
    if not places:
        return ""
    rng = random.Random(f"contact-{unit.code}")
    return f"Số {rng.randint(2, 180)} đường {rng.choice(STREETS)}, {places[0]}, tỉnh Bình Thuận {DEMO_MARK}"


@transaction.atomic
def build_page_tree() -> str:
    home = _ensure_home()
    _ensure_child(home, UnitIndexPage, "don-vi", title="Đơn vị", intro=UNIT_INDEX_INTRO)
    about = AboutPage.objects.first()
    if about is None:
        chart = images.ensure_org_chart(_org_chart_kinds())
        about = home.add_child(
            instance=AboutPage(
                title="Giới thiệu",
                slug="gioi-thieu",
                history=HISTORY.strip(),
                org_chart=chart,
                org_chart_caption="Sơ đồ tổ chức Liên đoàn Lao động tỉnh Bình Thuận",
            )
        )
        about.save_revision().publish()
    _ensure_child(home, TopicIndexPage, "chu-de", title="Chủ đề")
    created = ensure_unit_pages()

    empty = read_counts().empty_introduction
    introduced = 0
    for page in UnitPage.objects.select_related("unit__kind").order_by("unit__report_order"):
        changed = False
        address = demo_address(page.unit)
        if address and not page.address:
            page.address = address
            changed = True
        if page.unit.code not in empty and not page.has_introduction:
            page.introduction = introduction(page.unit)
            introduced += 1
            changed = True
        if changed:
            page.save_revision().publish()
    footer = "đã điền" if ensure_federation_contact() else "giữ nguyên"
    return (
        f"{created} trang đơn vị mới, {introduced} mục Giới thiệu công đoàn mới, "
        f"thông tin liên hệ ở chân trang: {footer}"
    )
