"""The steps of `manage.py load_demo`, in order. Each is idempotent: running it again
changes nothing and creates no duplicates.

A step is `(label, callable)`; the callable takes no argument and returns a short summary
(or None). Later features add their own line here (roles and accounts of the newsroom,
the oversight office's remark, royalty statements...).
"""

from collections.abc import Callable

from wagtail.images import get_image_model

from newsroom.demo import demo_step as newsroom_roles_and_accounts
from oversight.loading import demo_step as oversight_quotas
from public.renditions import warm_renditions
from royalties.demo import load_demo_royalties

from . import accounts, images, organisation, posts, tree


def _images() -> str:
    pool = images.ensure_image_pool()
    # AVIF/WebP renditions of the pool and the org chart made now, not by the first reader
    # (or by every test) of a page.
    warm_renditions(get_image_model().objects.filter(collection=images.demo_collection()))
    return f"{len(pool)} ảnh trong bộ “{images.COLLECTION_NAME}”"


STEPS: list[tuple[str, Callable[[], str | None]]] = [
    ("Tổ chức: đơn vị, chủ đề", organisation.load_organisation_and_topics),
    ("Cây trang", tree.build_page_tree),
    ("Ảnh minh họa", _images),
    ("Tin - bài mẫu", posts.load_demo_posts),
    ("Chỉ tiêu đăng tin - bài và ghi chú quý I/2017", oversight_quotas),
    ("Tài khoản quản trị", accounts.ensure_admin),
    ("Vai trò, quy trình duyệt và tài khoản tòa soạn", newsroom_roles_and_accounts),
    ("Nhuận bút: bảng mức ví dụ, bảng kê đã chốt và đã chi trả", load_demo_royalties),
]
