"""Two-factor recovery codes (django-otp's static device): created in a verified session, shown once,
each accepted once at the code prompt in place of the authenticator app's code."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-du-manh-2017"
RECOVERY_URL = "/admin/2fa/ma-du-phong/"
VERIFY_URL = "/admin/2fa/xac-thuc/"
CODE = re.compile(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.REQUIRE_2FA_FOR_GROUPS = ["Kế toán"]


@pytest.fixture
def finance(django_user_model):
    person = django_user_model.objects.create_user(
        "ketoan.thu", "kt@congdoan.local", PASSWORD, is_staff=True, first_name="Lê Thị", last_name="Thu"
    )
    person.groups.add(Group.objects.get_or_create(name="Kế toán")[0])
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return person


@pytest.fixture
def phone(finance):
    return TOTPDevice.objects.create(user=finance, name="điện thoại", confirmed=True)


def current_token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, username=None, *, device=None, code=None):
    client.post("/admin/login/", {"username": username or "ketoan.thu", "password": PASSWORD})
    if device is not None or code is not None:
        token = code if code is not None else current_token(device)
        return client.post(VERIFY_URL, {"token": token, "next": "/admin/"})
    return None


def create_codes(client) -> list[str]:
    response = client.post(RECOVERY_URL)
    assert response.status_code == 200
    return CODE.findall(response.content.decode())


def test_codes_are_created_shown_once_and_counted(client, finance, phone):
    sign_in(client, device=phone)
    page = client.get(RECOVERY_URL).content.decode()
    assert "Tài khoản còn 0 mã dự phòng chưa dùng." in page
    assert "Tạo mã dự phòng" in page

    response = client.post(RECOVERY_URL)
    html = response.content.decode()
    codes = CODE.findall(html)
    assert len(codes) == len(set(codes)) == 10
    assert "Đây là lần duy nhất các mã này được hiển thị." in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert StaticToken.objects.filter(device__user=finance).count() == 10

    later = client.get(RECOVERY_URL).content.decode()
    assert not any(code in later for code in codes)
    assert not CODE.search(later)
    assert "Tài khoản còn 10 mã dự phòng chưa dùng." in later
    assert "Tạo bộ mã mới sẽ hủy toàn bộ các mã cũ." in later
    assert "Còn 10 mã dự phòng chưa dùng." in client.get("/admin/2fa/").content.decode()


def test_a_recovery_code_signs_in_once(client, finance, phone):
    sign_in(client, device=phone)
    code = create_codes(client)[3]
    client.post("/admin/logout/")

    # Typed as printed, or in capitals without the dash: the same code.
    response = sign_in(client, code=code.upper().replace("-", " "))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    home = client.get("/admin/", follow=True)
    assert home.status_code == 200
    assert "vừa đăng nhập bằng một mã dự phòng" in home.content.decode()
    assert "Còn 9 mã dự phòng." in home.content.decode()
    assert StaticToken.objects.filter(device__user=finance).count() == 9
    client.post("/admin/logout/")

    again = sign_in(client, code=code)
    assert again.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn." in again.content.decode()
    assert client.get("/admin/").status_code == 302  # still waiting for a valid code


def test_a_new_set_voids_the_old_one(client, finance, phone):
    sign_in(client, device=phone)
    old = create_codes(client)
    new = create_codes(client)
    assert not set(old) & set(new)
    client.post("/admin/logout/")
    assert sign_in(client, code=old[0]).status_code == 200  # refused
    phone.refresh_from_db()
    assert phone.throttling_failure_count == 0  # a wrong recovery code does not lock the app's codes
    recovery = StaticDevice.objects.get(user=finance)
    assert recovery.throttling_failure_count == 1  # but the next recovery code must wait (django-otp)
    recovery.throttle_reset()
    client.post("/admin/logout/")
    assert sign_in(client, code=new[0]).status_code == 302


def test_only_a_verified_session_may_create_codes(client, finance, phone):
    sign_in(client)  # password only
    response = client.get(RECOVERY_URL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL)
    assert client.post(RECOVERY_URL).status_code == 302
    assert not StaticToken.objects.filter(device__user=finance).exists()


def test_without_an_app_there_are_no_codes(client, django_user_model):
    django_user_model.objects.create_superuser("bientap_ktx", "ktx@congdoan.local", PASSWORD)
    sign_in(client, "bientap_ktx")
    response = client.post(RECOVERY_URL)
    assert response.status_code == 302 and response["Location"] == "/admin/2fa/"
    assert not StaticToken.objects.exists()


def test_the_code_prompt_explains_both_kinds_of_code(client, finance, phone):
    sign_in(client)
    page = client.get(VERIFY_URL).content.decode()
    assert "Mã xác thực (6 chữ số) hoặc mã dự phòng" in page
    assert "Nhập một mã dự phòng" in page
    response = client.post(VERIFY_URL, {"token": "abc", "next": "/admin/"})
    assert "Mã dự phòng gồm 8 chữ cái và chữ số" in response.content.decode()
