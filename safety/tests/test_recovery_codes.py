"""Two-factor recovery codes (safety.models.RecoveryCodeDevice): created in a verified session, shown
once, stored only as keyed hashes, each accepted once at the code prompt in place of the authenticator
app's code."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from safety.models import RecoveryCode, RecoveryCodeDevice
from safety.recovery import code_digest
from safety.twofactor import new_recovery_codes

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
    assert RecoveryCode.objects.filter(device__user=finance).count() == 10

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
    assert RecoveryCode.objects.filter(device__user=finance).count() == 9
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
    recovery = RecoveryCodeDevice.objects.get(user=finance)
    assert recovery.throttling_failure_count == 1  # but the next recovery code must wait (django-otp)
    recovery.throttle_reset()
    client.post("/admin/logout/")
    assert sign_in(client, code=new[0]).status_code == 302


def test_only_a_verified_session_may_create_codes(client, finance, phone):
    sign_in(client)  # password only
    response = client.get(RECOVERY_URL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL)
    assert client.post(RECOVERY_URL).status_code == 302
    assert not RecoveryCode.objects.filter(device__user=finance).exists()


def test_without_an_app_there_are_no_codes(client, django_user_model):
    django_user_model.objects.create_superuser("bientap_ktx", "ktx@congdoan.local", PASSWORD)
    sign_in(client, "bientap_ktx")
    response = client.post(RECOVERY_URL)
    assert response.status_code == 302 and response["Location"] == "/admin/2fa/"
    assert not RecoveryCode.objects.exists()


def test_the_code_prompt_explains_both_kinds_of_code(client, finance, phone):
    sign_in(client)
    page = client.get(VERIFY_URL).content.decode()
    assert "Mã xác thực (6 chữ số) hoặc mã dự phòng" in page
    assert "Nhập một mã dự phòng" in page
    response = client.post(VERIFY_URL, {"token": "abc", "next": "/admin/"})
    assert "Mã dự phòng gồm 8 chữ cái và chữ số" in response.content.decode()


def stored_text(user) -> str:
    """Every stored row of the user's recovery device and codes, and of django-otp's static tokens, as
    a fixture dump would write them (what a stolen backup holds)."""
    rows = [
        *RecoveryCodeDevice.objects.filter(user=user),
        *RecoveryCode.objects.filter(device__user=user),
        *StaticDevice.objects.filter(user=user),
        *StaticToken.objects.filter(device__user=user),
    ]
    return serializers.serialize("json", rows)


def test_the_database_holds_no_code_in_plain_text(client, finance, phone):
    sign_in(client, device=phone)
    codes = [code.replace("-", "") for code in create_codes(client)]
    assert len(codes) == 10
    dump = stored_text(finance)
    for code in codes:
        assert code not in dump and code.upper() not in dump
    stored = list(RecoveryCode.objects.filter(device__user=finance).values_list("salt", "digest"))
    assert len(stored) == 10 and len({salt for salt, _ in stored}) == 10  # a salt of its own per code
    assert not StaticToken.objects.exists()
    # What is stored is the keyed hash of one of the codes: under another key it is something else.
    for salt, digest in stored:
        assert len([code for code in codes if code_digest(code, salt) == digest]) == 1
        assert not any(code_digest(code, salt, secret="another-key") == digest for code in codes)


def test_a_code_used_twice_at_once_signs_in_once(finance, phone):
    code = new_recovery_codes(finance)[0]
    first = RecoveryCodeDevice.objects.get(user=finance)
    second = RecoveryCodeDevice.objects.get(user=finance)
    # Both requests find the code before either has deleted it...
    found_first, found_second = first.matching_code(code), second.matching_code(code)
    assert found_first == found_second is not None
    # ...but only the one whose DELETE removed the row may sign in.
    assert first.consume(found_first) is True
    assert second.consume(found_second) is False
    assert RecoveryCode.objects.filter(device__user=finance).count() == 9
    assert second.verify_token(code) is False


def test_codes_survive_a_secret_key_rotation_while_the_old_key_is_a_fallback(settings, finance, phone):
    codes = new_recovery_codes(finance)
    device = RecoveryCodeDevice.objects.get(user=finance)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-key-after-rotation"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert device.verify_token(codes[0]) is True
    settings.SECRET_KEY_FALLBACKS = []
    device.throttle_reset()
    assert device.verify_token(codes[1]) is False


def test_the_migration_hashes_old_plain_text_tokens(client, finance, phone):
    old_device = StaticDevice.objects.create(user=finance, name="Mã dự phòng", confirmed=True)
    plain = ["abcd2345", "efgh6723", "ijkl7777"]
    StaticToken.objects.bulk_create(StaticToken(device=old_device, token=token) for token in plain)

    migration = importlib.import_module("safety.migrations.0002_hash_static_tokens")
    migration.hash_static_tokens(apps, None)

    assert not StaticDevice.objects.exists() and not StaticToken.objects.exists()
    device = RecoveryCodeDevice.objects.get(user=finance)
    assert device.name == "Mã dự phòng" and device.confirmed
    assert device.codes.count() == 3
    dump = stored_text(finance)
    assert not any(token in dump for token in plain)

    # An old code still signs in, once, typed as it was printed.
    assert sign_in(client, code="efgh-6723").status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert sign_in(client, code="efgh6723").status_code == 200  # used up
    assert device.codes.count() == 2


def test_the_it_team_sees_how_many_codes_are_left_never_the_codes(client, django_user_model, finance):
    codes = new_recovery_codes(finance)
    device = RecoveryCodeDevice.objects.get(user=finance)
    django_user_model.objects.create_superuser("it.admin", "it@congdoan.local", PASSWORD)
    client.post("/admin/login/", {"username": "it.admin", "password": PASSWORD})
    listing = client.get("/django-admin/safety/recoverycodedevice/").content.decode()
    assert "ketoan.thu" in listing and "Số mã chưa dùng" in listing
    detail = client.get(f"/django-admin/safety/recoverycodedevice/{device.pk}/change/").content.decode()
    for code in codes:
        assert code not in listing and code not in detail
    assert client.get("/django-admin/safety/recoverycodedevice/add/").status_code == 403
    client.post(f"/django-admin/safety/recoverycodedevice/{device.pk}/delete/", {"post": "yes"})
    assert not RecoveryCode.objects.filter(device__user=finance).exists()
