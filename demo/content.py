"""Realistic Vietnamese titles, leads and bodies for demo posts, from templates.

Deterministic: every function takes a seeded `random.Random`. No Django imports, so the
bulk loader can generate 100 000 posts quickly.
"""

from __future__ import annotations

import datetime
import functools
import random
from dataclasses import dataclass, field

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc", "Thị Thu", "Đức", "Thị Kim", "Công"]
GIVEN_NAMES = [
    "An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hoa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
    "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Khánh", "Nhung", "Phúc",
]  # fmt: skip

# Communes and towns of each district-level unit; workplaces of each sector.
DISTRICT_PLACES = {
    "tuy-phong": [
        "thị trấn Liên Hương",
        "thị trấn Phan Rí Cửa",
        "xã Vĩnh Tân",
        "xã Chí Công",
        "xã Bình Thạnh",
    ],
    "bac-binh": ["thị trấn Chợ Lầu", "thị trấn Lương Sơn", "xã Phan Thanh", "xã Hòa Thắng"],
    "ham-thuan-bac": ["thị trấn Ma Lâm", "thị trấn Phú Long", "xã Hàm Liêm", "xã Hàm Thắng", "xã Hàm Đức"],
    "phan-thiet": [
        "phường Phú Thủy",
        "phường Mũi Né",
        "phường Hàm Tiến",
        "phường Đức Long",
        "phường Phú Hài",
    ],
    "ham-thuan-nam": ["thị trấn Thuận Nam", "xã Tân Lập", "xã Hàm Mỹ", "xã Hàm Kiệm"],
    "ham-tan": ["thị trấn Tân Minh", "thị trấn Tân Nghĩa", "xã Sơn Mỹ", "xã Tân Thắng"],
    "lagi": ["phường Phước Hội", "phường Tân An", "phường Phước Lộc", "xã Tân Phước"],
    "tanh-linh": ["thị trấn Lạc Tánh", "xã Đức Thuận", "xã Gia An", "xã Bắc Ruộng", "xã Đồng Kho"],
    "duc-linh": ["thị trấn Võ Xu", "thị trấn Đức Tài", "xã Mê Pu", "xã Nam Chính", "xã Đa Kai"],
    "phu-quy": ["xã Ngũ Phụng", "xã Tam Thanh", "xã Long Hải"],
}
WORKPLACES = {
    "cdn-y-te": [
        "Bệnh viện Đa khoa tỉnh",
        "Bệnh viện Y dược cổ truyền tỉnh",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "Trung tâm Y tế huyện Hàm Thuận Bắc",
        "Bệnh viện Đa khoa khu vực La Gi",
    ],
    "cdn-giao-duc": [
        "Trường THPT Phan Bội Châu",
        "Trường THPT chuyên Trần Hưng Đạo",
        "Trường THCS Nguyễn Du",
        "Trường Mầm non Hoa Sen",
        "Trường Tiểu học Phú Trinh 2",
    ],
    "cdn-nong-nghiep": [
        "Công ty TNHH MTV Lâm nghiệp Hàm Tân",
        "Công ty TNHH MTV Cao su Bình Thuận",
        "Công ty TNHH MTV Lâm nghiệp Sông Dinh",
        "Chi cục Thủy lợi tỉnh",
    ],
    "cdn-xay-dung": [
        "Công ty CP Xây dựng Bình Thuận",
        "Công ty CP Tư vấn Xây dựng Phan Thiết",
        "Công ty CP Cấp thoát nước Bình Thuận",
        "Công ty CP Đầu tư Xây dựng Mũi Né",
    ],
    "cdn-giao-thong-van-tai": [
        "Công ty CP Xe khách Bình Thuận",
        "Cảng Phú Quý",
        "Công ty CP Vận tải biển Phú Quý",
        "Công ty CP Quản lý và Xây dựng Giao thông Bình Thuận",
    ],
    "cd-cac-kcn": [
        "Công ty TNHH May mặc Hàm Kiệm",
        "Công ty TNHH Giày da Phan Thiết",
        "KCN Phan Thiết",
        "KCN Hàm Kiệm",
        "KCN Sông Bình",
        "Công ty TNHH Chế biến thủy sản Phan Thiết",
    ],
    "cd-vien-chuc": [
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "Văn phòng UBND tỉnh",
        "Sở Tư pháp",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Đài Phát thanh - Truyền hình tỉnh",
    ],
    "tt-tu-van-phap-luat": ["KCN Phan Thiết", "KCN Hàm Kiệm", "Công ty TNHH May mặc Hàm Kiệm"],
    "truong-trung-cap-nghe": ["Trường trung cấp nghề Kinh tế - Kỹ thuật Công đoàn Bình Thuận"],
}
PROVINCE_WORKPLACES = [
    "Công ty TNHH May mặc Hàm Kiệm", "Công ty CP Thủy sản Phan Thiết", "Công ty Nhiệt điện Vĩnh Tân",
    "Công ty TNHH Giày da Phan Thiết", "Công ty CP Nước mắm Phan Thiết", "Bệnh viện Đa khoa tỉnh",
    "Công ty TNHH MTV Cao su Bình Thuận",
]  # fmt: skip
PROVINCE_PLACES = [
    "thành phố Phan Thiết",
    "thị xã La Gi",
    "huyện Tuy Phong",
    "huyện Đức Linh",
    "huyện Hàm Tân",
]


@dataclass(frozen=True)
class Activity:
    code: str
    topics: tuple[str, ...]  # topic slugs (posts/fixtures/topics.json)
    tags: tuple[str, ...]
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    months: tuple[int, ...] = ()  # empty: any month
    units: tuple[str, ...] = ()  # empty: any unit
    captions: tuple[str, ...] = ("Quang cảnh buổi lễ", "Đại biểu tham dự")


PHONG_TRAO = "phong-trao-cong-nhan-vien-chuc-lao-dong"
HOAT_DONG = "hoat-dong-cong-doan"
PHAP_LUAT = "chinh-sach-phap-luat"
NU_CONG = "nu-cong"

ACTIVITIES = [
    Activity(
        "dai-hoi",
        (HOAT_DONG,),
        ("đại hội công đoàn", "công đoàn cơ sở"),
        (
            "Đại hội Công đoàn cơ sở {org} nhiệm kỳ {term}",
            "{org} tổ chức thành công Đại hội Công đoàn cơ sở nhiệm kỳ {term}",
            "Đại hội điểm công đoàn cơ sở nhiệm kỳ {term} tại {org}",
        ),
        (
            "Ngày {date}, Công đoàn cơ sở {org} tổ chức Đại hội nhiệm kỳ {term} với sự tham dự của "
            "{n} đoàn viên tiêu biểu.",
            "Thực hiện kế hoạch đại hội công đoàn các cấp, ngày {date} {org} đã tổ chức đại hội "
            "công đoàn cơ sở nhiệm kỳ {term}.",
        ),
        (
            "Đại hội đã đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua: công đoàn cơ sở phối hợp với "
            "chuyên môn tổ chức tốt hội nghị người lao động, ký kết thỏa ước lao động tập thể, chăm lo "
            "việc làm, thu nhập cho đoàn viên.",
            "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới gồm {k} đồng chí; đồng chí {person} được tín nhiệm "
            "bầu giữ chức Chủ tịch công đoàn cơ sở.",
            "Đại hội thống nhất các chỉ tiêu: 100% đoàn viên được tuyên truyền pháp luật lao động, "
            "phấn đấu trên 90% đoàn viên đạt danh hiệu “Lao động giỏi”, phát triển thêm đoàn viên mới.",
        ),
        months=(3, 4, 5, 6, 7, 8),
        captions=("Quang cảnh Đại hội", "Ban Chấp hành nhiệm kỳ {term} ra mắt Đại hội"),
    ),
    Activity(
        "thang-cong-nhan",
        (PHONG_TRAO,),
        ("Tháng Công nhân", "an toàn vệ sinh lao động"),
        (
            "{unit_short} phát động Tháng Công nhân năm {year}",
            "Sôi nổi các hoạt động Tháng Công nhân năm {year} tại {place}",
            "Lễ phát động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm {year}",
        ),
        (
            "Sáng {date}, {unit_name} tổ chức lễ phát động Tháng Công nhân năm {year} với chủ đề "
            "“Công nhân lao động làm chủ công nghệ, nâng cao năng suất lao động”.",
            "Hưởng ứng Tháng Công nhân năm {year}, ngày {date} {unit_name} đã tổ chức nhiều hoạt động "
            "thiết thực chăm lo cho đoàn viên, người lao động tại {place}.",
        ),
        (
            "Trong khuôn khổ Tháng Công nhân, công đoàn các cấp sẽ tổ chức thăm hỏi, tặng quà công nhân "
            "có hoàn cảnh khó khăn, tổ chức đối thoại giữa người sử dụng lao động với người lao động.",
            "Dịp này, Ban Tổ chức đã trao {n} suất quà, mỗi suất trị giá 500.000 đồng cho công nhân lao "
            "động có hoàn cảnh khó khăn.",
            "Các doanh nghiệp cam kết rà soát, cải thiện điều kiện làm việc, bảo đảm an toàn, vệ sinh lao "
            "động và tổ chức bữa ăn ca đủ chất cho công nhân.",
        ),
        months=(4, 5),
        captions=("Lễ phát động Tháng Công nhân", "Trao quà cho công nhân có hoàn cảnh khó khăn"),
    ),
    Activity(
        "mai-am",
        (HOAT_DONG, PHONG_TRAO),
        ("Mái ấm Công đoàn", "chăm lo đoàn viên"),
        (
            "Trao nhà “Mái ấm Công đoàn” cho đoàn viên tại {place}",
            "Khởi công xây dựng “Mái ấm Công đoàn” cho đoàn viên {person}",
            "Bàn giao “Mái ấm Công đoàn” cho gia đình đoàn viên khó khăn ở {place}",
        ),
        (
            "Ngày {date}, {unit_name} phối hợp với công đoàn cơ sở tổ chức trao nhà “Mái ấm Công đoàn” cho "
            "gia đình đoàn viên {person} tại {place}.",
            "Từ nguồn quỹ xã hội của công đoàn, ngày {date} {unit_name} đã bàn giao “Mái ấm Công đoàn” "
            "cho đoàn viên có hoàn cảnh đặc biệt khó khăn ở {place}.",
        ),
        (
            "Ngôi nhà có diện tích 50 m², tổng kinh phí xây dựng trên {money} triệu đồng, trong đó công đoàn "
            "hỗ trợ 40 triệu đồng, phần còn lại do gia đình, người thân và đồng nghiệp góp công, góp sức.",
            "Xúc động nhận chìa khóa nhà mới, đoàn viên {person} bày tỏ lòng biết ơn tổ chức công đoàn đã "
            "quan tâm, giúp gia đình có nơi ở ổn định để yên tâm lao động, sản xuất.",
            "Chương trình “Mái ấm Công đoàn” đã góp phần thiết thực chăm lo đời sống vật chất, tinh thần "
            "cho đoàn viên, tăng cường sự gắn bó của người lao động với tổ chức công đoàn.",
        ),
        captions=(
            "Trao nhà “Mái ấm Công đoàn” cho gia đình đoàn viên",
            "Ngôi nhà mới của đoàn viên {person}",
        ),
    ),
    Activity(
        "tap-huan-phap-luat",
        (PHAP_LUAT,),
        ("pháp luật lao động", "tập huấn", "Bộ luật Lao động"),
        (
            "Tập huấn pháp luật lao động cho cán bộ công đoàn cơ sở {place}",
            "Tuyên truyền, phổ biến pháp luật lao động cho công nhân {org}",
            "Hơn {n} cán bộ công đoàn được tập huấn kỹ năng thương lượng tập thể",
        ),
        (
            "Ngày {date}, {unit_name} tổ chức lớp tập huấn pháp luật lao động cho {n} cán bộ công đoàn "
            "cơ sở trên địa bàn {place}.",
            "Nhằm nâng cao hiểu biết pháp luật cho người lao động, ngày {date} {unit_name} phối hợp với "
            "{org} tổ chức buổi tuyên truyền pháp luật lao động.",
        ),
        (
            "Tại lớp tập huấn, các học viên được báo cáo viên truyền đạt những nội dung cơ bản của Bộ luật "
            "Lao động, Luật Công đoàn, Luật Bảo hiểm xã hội và các văn bản hướng dẫn thi hành.",
            "Học viên đã trao đổi nhiều vấn đề thực tiễn như hợp đồng lao động, thời giờ làm việc, tiền "
            "lương làm thêm giờ, chế độ thai sản và trách nhiệm đóng bảo hiểm xã hội của doanh nghiệp.",
            "Qua tập huấn, cán bộ công đoàn cơ sở nắm vững hơn kỹ năng đối thoại, thương lượng tập thể, "
            "kịp thời bảo vệ quyền và lợi ích hợp pháp, chính đáng của người lao động.",
        ),
        captions=("Quang cảnh lớp tập huấn", "Báo cáo viên trao đổi với học viên"),
    ),
    Activity(
        "tham-hoi",
        (PHONG_TRAO,),
        ("thăm hỏi", "công nhân lao động"),
        (
            "Thăm hỏi, tặng quà công nhân lao động có hoàn cảnh khó khăn tại {org}",
            "{unit_short} thăm, tặng quà đoàn viên bị tai nạn lao động",
            "Lãnh đạo LĐLĐ tỉnh thăm hỏi công nhân {org}",
        ),
        (
            "Ngày {date}, đoàn công tác của {unit_name} đã đến thăm hỏi, tặng quà {n} công nhân lao động "
            "có hoàn cảnh khó khăn đang làm việc tại {org}.",
            "Chiều {date}, {unit_name} đã đến thăm, động viên đoàn viên {person} bị tai nạn lao động đang "
            "điều trị tại bệnh viện.",
        ),
        (
            "Tại buổi thăm, lãnh đạo công đoàn đã ân cần hỏi thăm tình hình sức khỏe, việc làm, thu nhập "
            "và đời sống của công nhân; động viên công nhân vượt khó, yên tâm lao động.",
            "Đại diện doanh nghiệp cảm ơn sự quan tâm của tổ chức công đoàn và cam kết tiếp tục tạo điều "
            "kiện để công nhân có việc làm ổn định, thu nhập tăng dần.",
        ),
        captions=("Trao quà cho công nhân", "Lãnh đạo công đoàn thăm hỏi công nhân tại nơi làm việc"),
    ),
    Activity(
        "hoi-thao",
        (PHONG_TRAO,),
        ("hội thao", "văn hóa thể thao"),
        (
            "Hội thao công nhân, viên chức, lao động {place} năm {year}",
            "Sôi nổi hội thao chào mừng ngày thành lập Công đoàn Việt Nam 28/7",
            "Bế mạc Hội thao công nhân, viên chức, lao động năm {year}",
        ),
        (
            "Ngày {date}, {unit_name} khai mạc Hội thao công nhân, viên chức, lao động năm {year} với sự "
            "tham gia của {n} vận động viên đến từ các công đoàn cơ sở.",
            "Chào mừng kỷ niệm ngày thành lập Công đoàn Việt Nam, ngày {date} {unit_name} đã tổ chức hội "
            "thao cho đoàn viên tại {place}.",
        ),
        (
            "Các vận động viên tranh tài ở các môn bóng đá mini, bóng chuyền hơi, cầu lông, kéo co và "
            "việt dã trong không khí sôi nổi, đoàn kết.",
            "Ban Tổ chức đã trao giải nhất toàn đoàn cho {org}; giải nhì và giải ba thuộc về các công đoàn "
            "cơ sở có nhiều vận động viên tham gia.",
        ),
        months=(3, 4, 5, 6, 7, 8, 9),
        captions=("Trận chung kết bóng chuyền hơi", "Ban Tổ chức trao giải cho các đội"),
    ),
    Activity(
        "tet-sum-vay",
        (PHONG_TRAO, HOAT_DONG),
        ("Tết Sum vầy", "chăm lo Tết"),
        (
            "“Tết Sum vầy” năm {tet_year}: trao {n} suất quà cho công nhân {place}",
            "Chương trình “Tết Sum vầy - Xuân chia sẻ” tại {org}",
            "Công đoàn chăm lo Tết cho đoàn viên, người lao động năm {tet_year}",
        ),
        (
            "Ngày {date}, {unit_name} tổ chức chương trình “Tết Sum vầy” năm {tet_year}, trao {n} suất quà "
            "cho công nhân lao động có hoàn cảnh khó khăn.",
            "Nhằm giúp công nhân đón Tết cổ truyền đầm ấm, ngày {date} {unit_name} phối hợp với {org} tổ "
            "chức chương trình “Tết Sum vầy”.",
        ),
        (
            "Mỗi suất quà gồm tiền mặt 500.000 đồng và các nhu yếu phẩm; nhiều công nhân còn được hỗ trợ "
            "vé xe về quê đón Tết cùng gia đình.",
            "Chương trình có gian hàng “Phiên chợ Công đoàn” bán hàng bình ổn giá, văn nghệ chào xuân và "
            "trò chơi dân gian cho công nhân và con em.",
        ),
        months=(1, 2, 12),
        captions=("Trao quà Tết cho công nhân", "Gian hàng “Phiên chợ Công đoàn”"),
    ),
    Activity(
        "kham-suc-khoe-nu",
        (NU_CONG,),
        ("nữ công nhân", "chăm sóc sức khỏe"),
        (
            "Khám sức khỏe miễn phí cho {n} nữ công nhân {org}",
            "Tầm soát ung thư vú, ung thư cổ tử cung cho nữ đoàn viên {place}",
            "Tư vấn sức khỏe sinh sản cho nữ công nhân lao động",
        ),
        (
            "Ngày {date}, {unit_name} phối hợp với ngành y tế tổ chức khám sức khỏe miễn phí cho {n} nữ "
            "công nhân đang làm việc tại {org}.",
            "Hưởng ứng chương trình chăm sóc sức khỏe nữ công nhân, ngày {date} {unit_name} tổ chức khám, "
            "tầm soát bệnh cho nữ đoàn viên tại {place}.",
        ),
        (
            "Các nữ công nhân được khám tổng quát, siêu âm, tầm soát ung thư vú và ung thư cổ tử cung, "
            "được bác sĩ tư vấn chế độ dinh dưỡng và chăm sóc sức khỏe sinh sản.",
            "Chương trình giúp nữ công nhân phát hiện sớm bệnh để điều trị kịp thời, đồng thời nâng cao "
            "nhận thức về tự chăm sóc sức khỏe bản thân và gia đình.",
        ),
        captions=("Bác sĩ khám cho nữ công nhân", "Nữ công nhân chờ đến lượt khám"),
    ),
    Activity(
        "doi-thoai",
        (PHAP_LUAT, HOAT_DONG),
        ("đối thoại", "quan hệ lao động"),
        (
            "Đối thoại định kỳ tại nơi làm việc ở {org}",
            "Tổ chức đối thoại giữa lãnh đạo tỉnh với công nhân lao động năm {year}",
            "Hiệu quả từ đối thoại tại nơi làm việc",
        ),
        (
            "Ngày {date}, {org} tổ chức đối thoại định kỳ tại nơi làm việc với sự tham gia của {n} đại "
            "diện người lao động.",
            "Ngày {date}, {unit_name} phối hợp tổ chức hội nghị đối thoại giữa lãnh đạo địa phương với công "
            "nhân lao động {place}.",
        ),
        (
            "Tại buổi đối thoại, người lao động đã nêu nhiều kiến nghị về tiền lương, thời giờ làm việc, "
            "bữa ăn ca, nhà trọ và nơi gửi trẻ cho con công nhân.",
            "Đại diện người sử dụng lao động đã trả lời thẳng thắn các kiến nghị; nhiều nội dung được "
            "giải quyết ngay tại hội nghị.",
        ),
        captions=("Quang cảnh buổi đối thoại", "Công nhân nêu kiến nghị tại buổi đối thoại"),
    ),
    Activity(
        "quoc-te-phu-nu",
        (NU_CONG,),
        ("8/3", "nữ công"),
        (
            "Kỷ niệm ngày Quốc tế Phụ nữ 8/3 tại {org}",
            "Hội thi “Nữ công nhân duyên dáng” chào mừng ngày 8/3/{year}",
        ),
        (
            "Ngày {date}, {unit_name} tổ chức kỷ niệm ngày Quốc tế Phụ nữ 8/3, tuyên dương {n} nữ đoàn viên "
            "tiêu biểu “Giỏi việc nước, đảm việc nhà”.",
        ),
        (
            "Buổi lễ có chương trình văn nghệ đặc sắc, hội thi cắm hoa và thời trang công sở do chính các "
            "nữ đoàn viên biểu diễn.",
            "Nhân dịp này, Ban Nữ công đã trao quà cho các nữ công nhân có hoàn cảnh khó khăn.",
        ),
        months=(3,),
        captions=("Tuyên dương nữ đoàn viên tiêu biểu", "Tiết mục văn nghệ chào mừng ngày 8/3"),
    ),
    Activity(
        "phat-trien-doan-vien",
        (HOAT_DONG,),
        ("phát triển đoàn viên", "công đoàn cơ sở"),
        (
            "Kết nạp {n} đoàn viên mới, thành lập công đoàn cơ sở tại {org}",
            "Ra mắt công đoàn cơ sở {org}",
        ),
        ("Ngày {date}, {unit_name} tổ chức lễ ra mắt công đoàn cơ sở {org} và kết nạp {n} đoàn viên mới.",),
        (
            "Ban Chấp hành lâm thời gồm {k} đồng chí, do đồng chí {person} làm Chủ tịch, có nhiệm vụ ổn "
            "định tổ chức và xây dựng quy chế hoạt động.",
            "Việc thành lập công đoàn cơ sở giúp người lao động có tổ chức đại diện, bảo vệ quyền lợi và "
            "chăm lo đời sống.",
        ),
        captions=("Lễ ra mắt công đoàn cơ sở", "Trao quyết định kết nạp đoàn viên mới"),
    ),
    Activity(
        "kiem-tra",
        (HOAT_DONG,),
        ("kiểm tra", "tài chính công đoàn"),
        (
            "Kiểm tra việc thu, chi tài chính công đoàn tại {org}",
            "Tập huấn nghiệp vụ kiểm tra cho Ủy ban Kiểm tra công đoàn cơ sở",
            "Tập huấn công tác kế toán, tài chính công đoàn năm {year}",
        ),
        (
            "Thực hiện kế hoạch kiểm tra năm {year}, ngày {date} {unit_name} đã kiểm tra việc quản lý, sử "
            "dụng tài chính công đoàn tại {org}.",
            "Ngày {date}, {unit_name} tổ chức lớp tập huấn nghiệp vụ cho {n} cán bộ làm công tác kiểm tra, "
            "kế toán công đoàn cơ sở.",
        ),
        (
            "Qua kiểm tra, công đoàn cơ sở đã thực hiện đúng quy định về thu kinh phí, đoàn phí công đoàn; "
            "chứng từ chi tiêu đầy đủ, hợp lệ.",
            "Đoàn kiểm tra đề nghị công đoàn cơ sở công khai tài chính hằng năm tại đại hội, hội nghị "
            "người lao động.",
        ),
        units=("uy-ban-kiem-tra", "ban-tai-chinh", "van-phong"),
        captions=("Đoàn kiểm tra làm việc tại công đoàn cơ sở", "Quang cảnh lớp tập huấn"),
    ),
    Activity(
        "hoc-bong",
        (HOAT_DONG,),
        ("học bổng", "con đoàn viên"),
        (
            "Trao học bổng “Nguyễn Đức Cảnh” cho con đoàn viên năm học {school_year}",
            "Khen thưởng con đoàn viên học giỏi năm học {school_year}",
        ),
        (
            "Ngày {date}, {unit_name} tổ chức trao {n} suất học bổng cho con đoàn viên, công nhân lao động "
            "vượt khó học giỏi.",
        ),
        (
            "Mỗi suất học bổng trị giá 1.000.000 đồng cùng tập vở, đồ dùng học tập, giúp các em có thêm "
            "điều kiện đến trường.",
            "Phát biểu tại buổi lễ, lãnh đạo công đoàn mong các em tiếp tục nỗ lực học tập, xứng đáng với "
            "sự hy sinh của cha mẹ.",
        ),
        months=(8, 9),
        captions=("Trao học bổng cho con đoàn viên", "Các em học sinh nhận học bổng"),
    ),
    Activity(
        "tu-van-phap-luat",
        (PHAP_LUAT,),
        ("tư vấn pháp luật", "bảo hiểm xã hội"),
        (
            "Tư vấn pháp luật miễn phí cho công nhân {org}",
            "Giải đáp chính sách bảo hiểm xã hội cho người lao động tại {place}",
        ),
        ("Ngày {date}, {unit_name} tổ chức tư vấn pháp luật miễn phí cho {n} công nhân lao động tại {org}.",),
        (
            "Các luật sư, tư vấn viên đã giải đáp thắc mắc về hợp đồng lao động, bảo hiểm xã hội một lần, "
            "chế độ ốm đau, thai sản và trợ cấp thôi việc.",
            "Nhiều trường hợp được hướng dẫn thủ tục cụ thể và hỗ trợ soạn đơn gửi cơ quan có thẩm quyền.",
        ),
        captions=("Tư vấn viên giải đáp cho công nhân", "Công nhân tìm hiểu pháp luật lao động"),
    ),
    Activity(
        "hoi-nghi-nguoi-lao-dong",
        (HOAT_DONG, PHAP_LUAT),
        ("hội nghị người lao động", "thỏa ước lao động tập thể"),
        (
            "Hội nghị người lao động năm {year} tại {org}",
            "Ký kết thỏa ước lao động tập thể tại {org}",
        ),
        ("Ngày {date}, {org} tổ chức hội nghị người lao động năm {year} với sự tham dự của {n} đại biểu.",),
        (
            "Hội nghị đã thông qua báo cáo sản xuất kinh doanh, quy chế dân chủ cơ sở và ký kết thỏa ước lao "
            "động tập thể với nhiều điều khoản có lợi hơn cho người lao động so với quy định của pháp luật.",
            "Doanh nghiệp cam kết tăng lương bình quân 7% và nâng giá trị bữa ăn ca cho công nhân.",
        ),
        months=(1, 2, 3, 4, 12),
        captions=("Quang cảnh hội nghị người lao động", "Ký kết thỏa ước lao động tập thể"),
    ),
]

ARTICLE_TITLES = (
    "Công đoàn {place}: nhiều cách làm hay trong chăm lo đời sống đoàn viên",
    "Nâng cao chất lượng đối thoại tại nơi làm việc: nhìn từ {org}",
    "Gương mặt đoàn viên tiêu biểu: {person}",
    "Hiệu quả từ chương trình “Mái ấm Công đoàn” ở {place}",
    "Khi công đoàn cơ sở thực sự là chỗ dựa của người lao động",
    "Những người giữ lửa phong trào ở {org}",
    "Đổi mới nội dung, phương thức hoạt động công đoàn: chuyện ở {place}",
    "Nỗi lo nhà trọ của công nhân và vai trò của công đoàn",
)
ARTICLE_SECTIONS = (
    (
        "Từ những việc làm cụ thể",
        "Không dừng lại ở những khẩu hiệu, Ban Chấp hành công đoàn cơ sở {org} chọn cách đi sát người lao "
        "động: mỗi tháng một lần gặp gỡ tổ trưởng sản xuất, ghi nhận ý kiến, rồi cùng chuyên môn tìm cách "
        "giải quyết.",
    ),
    (
        "Lắng nghe để chăm lo đúng",
        "Chị {person}, công nhân có 8 năm gắn bó, kể: “Trước đây có việc gì chúng tôi ngại nói. Giờ có "
        "công đoàn đứng ra đối thoại, nhiều kiến nghị đã được giải quyết, anh chị em yên tâm làm việc”.",
    ),
    (
        "Những khó khăn còn đó",
        "Tuy vậy, hoạt động công đoàn ở nhiều doanh nghiệp ngoài nhà nước vẫn gặp khó: cán bộ công đoàn "
        "kiêm nhiệm, thời gian hoạt động hạn chế, một số chủ doanh nghiệp chưa thật sự tạo điều kiện.",
    ),
    (
        "Kinh nghiệm cần nhân rộng",
        "Từ thực tế ở {place}, có thể rút ra kinh nghiệm: công đoàn phải nắm chắc tình hình đoàn viên, chủ "
        "động đề xuất với người sử dụng lao động và kịp thời biểu dương những cách làm hay.",
    ),
)
CLOSINGS = (
    "Hoạt động đã góp phần tăng cường sự gắn bó giữa đoàn viên, người lao động với tổ chức công đoàn.",
    "Thời gian tới, {unit_name} sẽ tiếp tục nhân rộng mô hình này đến các công đoàn cơ sở khác.",
    "Được biết, đây là hoạt động nằm trong chương trình chăm lo cho đoàn viên, người lao động năm {year}.",
)
QUOTES = (
    "Công đoàn luôn đồng hành cùng người lao động, chăm lo thiết thực để đoàn viên yên tâm gắn bó với "
    "doanh nghiệp.",
    "Chúng tôi mong muốn mỗi công đoàn cơ sở thực sự là mái nhà chung của người lao động.",
    "Đối thoại thẳng thắn là cách tốt nhất để giữ quan hệ lao động hài hòa, ổn định.",
)
# Units that mostly report on one theme.
UNIT_THEMES = {
    "ban-nu-cong": ("kham-suc-khoe-nu", "quoc-te-phu-nu", "mai-am"),
    "ban-chinh-sach-phap-luat": ("tap-huan-phap-luat", "doi-thoai", "tu-van-phap-luat"),
    "tt-tu-van-phap-luat": ("tu-van-phap-luat", "tap-huan-phap-luat"),
    "ban-tuyen-giao": ("thang-cong-nhan", "hoi-thao", "tap-huan-phap-luat", "tet-sum-vay"),
    "ban-to-chuc": ("dai-hoi", "phat-trien-doan-vien"),
    "ban-tai-chinh": ("kiem-tra",),
    "uy-ban-kiem-tra": ("kiem-tra",),
}


@dataclass
class PostContent:
    title: str
    lead: str
    body: list[dict]  # StreamField raw data
    topics: list[str]
    tags: list[str]
    authors: list[tuple[str, int | None]]
    captions: list[str]
    body_text: str = field(default="")  # what PostPage.body_text() reads: search_text


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def _places(unit_code: str) -> list[str]:
    return DISTRICT_PLACES.get(unit_code, PROVINCE_PLACES)


def _orgs(unit_code: str) -> list[str]:
    return WORKPLACES.get(unit_code, PROVINCE_WORKPLACES)


@functools.cache
def _candidates(unit_code: str, month: int) -> tuple[tuple[Activity, ...], tuple[Activity, ...]]:
    """Activities fitting a unit and a month, and among them the unit's themes."""
    fitting = tuple(
        a for a in ACTIVITIES if (not a.months or month in a.months) and (not a.units or unit_code in a.units)
    )
    themed = UNIT_THEMES.get(unit_code, ())
    return fitting, tuple(a for a in fitting if a.code in themed)


def _choose_activity(rng: random.Random, unit_code: str, month: int) -> Activity:
    fitting, themed = _candidates(unit_code, month)
    if themed and rng.random() < 0.75:
        return rng.choice(themed)
    return rng.choice(fitting)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID string, as Wagtail gives stream blocks, from the seeded generator."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def generate(
    rng: random.Random,
    unit_code: str,
    unit_name: str,
    unit_short: str,
    kind: str,
    event_date: datetime.date,
) -> PostContent:
    """Title, lead, body (StreamField raw data), topics, tags, authors and captions of one post."""
    activity = _choose_activity(rng, unit_code, event_date.month)
    year = event_date.year
    term_start = 2017 if year < 2020 else (2023 if year >= 2022 else 2018)
    values = {
        "unit_name": unit_name,
        "unit_short": unit_short,
        "place": rng.choice(_places(unit_code)),
        "org": rng.choice(_orgs(unit_code)),
        "person": person_name(rng),
        "date": f"{event_date.day}/{event_date.month}/{event_date.year}",
        "year": year,
        "tet_year": year + 1 if event_date.month == 12 else year,
        "school_year": f"{year} - {year + 1}",
        "term": f"{term_start} - {term_start + 5}",
        "n": rng.choice((30, 45, 50, 60, 80, 100, 120, 150, 200, 250)),
        "k": rng.choice((5, 7, 9, 11)),
        "money": rng.choice((60, 70, 80, 95)),
    }
    if kind == "article":
        title = rng.choice(ARTICLE_TITLES).format(**values)
    else:
        title = rng.choice(activity.titles).format(**values)
    lead = rng.choice(activity.leads).format(**values)

    details = [
        text.format(**values)
        for text in rng.sample(activity.details, k=min(len(activity.details), rng.randint(2, 3)))
    ]
    sections = []
    if kind == "article":
        sections = [(heading, text.format(**values)) for heading, text in rng.sample(ARTICLE_SECTIONS, k=3)]
    closing = rng.choice(CLOSINGS).format(**values)

    # Blocks in reading order, with the plain text `PostPage.body_text` would read from each.
    blocks: list[tuple[dict, str]] = []

    def paragraph(html: str, text: str) -> None:
        blocks.append(({"type": "paragraph", "value": html, "id": _uuid(rng)}, text))

    for text in details[:2]:
        paragraph(f"<p>{text}</p>", text)
    for heading, text in sections:
        paragraph(f"<h2>{heading}</h2>", heading)
        paragraph(f"<p>{text}</p>", text)
    for text in [*details[2:], closing]:
        paragraph(f"<p>{text}</p>", text)
    if rng.random() < 0.35:
        quote = rng.choice(QUOTES)
        value = {"quote": quote, "attribution": f"Đồng chí {person_name(rng)}"}
        blocks.insert(1, ({"type": "quote", "value": value, "id": _uuid(rng)}, quote))
    body = [block for block, _text in blocks]
    body_text = " ".join(text for _block, text in blocks)

    authors = [(person_name(rng), None)]
    if rng.random() < 0.3:
        authors = [(authors[0][0], 60), (person_name(rng), 40)]
    n_images = rng.choice((1, 1, 2, 2, 3))
    captions = [c.format(**values) + f" ({values['date']})" for c in (list(activity.captions) * 2)[:n_images]]
    tags = list(activity.tags[: rng.randint(0, len(activity.tags))])
    return PostContent(title, lead, body, list(activity.topics), tags, authors, captions, body_text)
