"""Failed-login lockout (django-axes) and two-factor authentication (django-otp) on Wagtail's login."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-du-manh-2017"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("bientap_ktx", "ktx@congdoan.local", PASSWORD)


def login(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password})


class TestLockout:
    @pytest.fixture(autouse=True)
    def axes_on(self, settings):
        settings.AXES_ENABLED = True
        settings.AXES_FAILURE_LIMIT = 5

    def test_five_failures_lock_the_account_with_a_vietnamese_message(self, client, staff):
        for _ in range(4):
            response = login(client, staff.username, "sai-mat-khau")
            assert response.status_code == 200  # the login form again, with its error
        response = login(client, staff.username, "sai-mat-khau")
        assert response.status_code == 429
        text = response.content.decode()
        assert "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần" in text
        assert "thử lại sau 15 phút" in text
        assert "Tổ Công nghệ thông tin" in text
        # Even the right password is refused during the cool-off.
        response = login(client, staff.username, PASSWORD)
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_locks_the_address_that_sprays_many_names(self, client, staff):
        for n in range(5):
            response = login(client, f"khong-ton-tai-{n}", "sai-mat-khau")
        assert response.status_code == 429
        assert login(client, staff.username, PASSWORD).status_code == 429

    def test_success_resets_the_count(self, client, staff):
        for _ in range(4):
            login(client, staff.username, "sai-mat-khau")
        assert login(client, staff.username, PASSWORD).status_code == 302
        client.logout()
        assert login(client, staff.username, "sai-mat-khau").status_code == 200
        assert not AccessAttempt.objects.filter(failures_since_start__gte=5).exists()

    def test_behind_a_proxy_the_forwarded_address_counts(self, rf):
        from safety.lockout import client_ip

        request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", REMOTE_ADDR="10.0.0.1")
        with override_settings(SAFETY_TRUSTED_PROXY_COUNT=1):
            assert client_ip(request) == "203.0.113.9"  # what our proxy saw, not what the client wrote
        with override_settings(SAFETY_TRUSTED_PROXY_COUNT=0):
            assert client_ip(request) == "10.0.0.1"


def test_lockout_is_off_in_the_test_settings(client, staff):
    for _ in range(8):
        login(client, staff.username, "sai-mat-khau")
    assert login(client, staff.username, PASSWORD).status_code == 302


def test_password_validators_refuse_weak_passwords(staff):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["12345678", "password", "bientap_ktx", "abc"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user=staff)


# -- two-factor authentication ------------------------------------------------------------------


def current_token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def it_member(staff):
    group, _ = Group.objects.get_or_create(name="Tổ Công nghệ thông tin")
    staff.groups.add(group)
    return staff


class TestRequired2FA:
    @pytest.fixture(autouse=True)
    def require_2fa(self, settings):
        settings.REQUIRE_2FA_FOR_GROUPS = ["Tổ Công nghệ thông tin"]

    def test_first_sign_in_pairs_an_authenticator_app(self, client, it_member):
        assert login(client, it_member.username, PASSWORD).status_code == 302
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/2fa/?next=")

        response = client.get(response["Location"])
        assert response.status_code == 200
        text = response.content.decode()
        assert "<svg" in text and "Bật xác thực hai bước" in text
        device = TOTPDevice.objects.get(user=it_member, confirmed=False)
        assert "otpauth://" not in text  # only inside the QR code, never as a link

        wrong = f"{(int(current_token(device)) + 500_000) % 1_000_000:06d}"
        response = client.post("/admin/2fa/", {"token": wrong, "next": "/admin/pages/"})
        assert "Mã không đúng" in response.content.decode()
        device.refresh_from_db()
        assert device.throttling_failure_count == 1  # the next try must wait (django-otp's throttling)
        device.throttle_reset()
        response = client.post("/admin/2fa/", {"token": current_token(device), "next": "/admin/pages/"})
        assert response.status_code == 302 and response["Location"] == "/admin/pages/"
        device.refresh_from_db()
        assert device.confirmed
        assert client.get("/admin/pages/").status_code == 200

    def test_later_sign_ins_ask_for_a_code(self, client, it_member):
        device = TOTPDevice.objects.create(user=it_member, name="điện thoại", confirmed=True)
        login(client, it_member.username, PASSWORD)
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/xac-thuc/")
        response = client.post("/admin/2fa/xac-thuc/", {"token": "12", "next": "/admin/"})
        assert "Mã xác thực gồm đúng 6 chữ số." in response.content.decode()
        assert client.get("/admin/").status_code == 302
        response = client.post("/admin/2fa/xac-thuc/", {"token": current_token(device), "next": "/admin/"})
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_next_cannot_send_the_user_to_another_site(self, client, it_member):
        device = TOTPDevice.objects.create(user=it_member, name="điện thoại", confirmed=True)
        login(client, it_member.username, PASSWORD)
        response = client.post(
            "/admin/2fa/xac-thuc/", {"token": current_token(device), "next": "https://evil.example/"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/"

    def test_members_of_other_groups_are_not_asked(self, client, django_user_model):
        django_user_model.objects.create_superuser("vanthu", "vt@congdoan.local", PASSWORD)
        login(client, "vanthu", PASSWORD)
        assert client.get("/admin/").status_code == 200

    def test_sign_out_still_works_unverified(self, client, it_member):
        login(client, it_member.username, PASSWORD)
        response = client.post("/admin/logout/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert "_auth_user_id" not in client.session

    def test_public_site_also_waits_for_the_code(self, client, it_member):
        login(client, it_member.username, PASSWORD)
        assert client.get("/").status_code == 302


def test_2fa_is_available_to_anyone_without_being_required(client, staff):
    login(client, staff.username, PASSWORD)
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/account/")
    assert "Xác thực hai bước" in response.content.decode()
    assert client.get("/admin/2fa/").status_code == 200
