"""Suite-wide fixtures.

The demo data (the federation of Letter 435/LĐLĐ with its Q1/2017 posts) is in every test database,
so every test starts from it and rolls back its own changes. It is built once per test session
(`migrate` + `load_demo`, tests/demo_template.py) and each worker's test database is a copy of it,
with a private copy of its media folder. Tests that need a real server (browser tests) or another
installation (restore) start a subprocess on a copy of their own.
"""

import pytest
from django.db import connection
from django.test.utils import override_settings

from tests.demo_template import DemoTemplate, session_template
from tests.i18n_support import ensure_compiled_messages

# Fixtures for browser tests of any app (a site in a subprocess, chromium): see the module.
pytest_plugins = ["tests.browser_support"]


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The Vietnamese catalogues compiled even when `make install` has not run since a .po changed."""
    ensure_compiled_messages()


@pytest.fixture(autouse=True)
def fresh_lookups():
    """Each test starts without remembered lookups (pagecache/memo.py): a test's rolled-back data
    must not reach the next one."""
    from pagecache import memo

    memo.clear()


@pytest.fixture(scope="session")
def demo_template(compiled_messages, tmp_path_factory) -> DemoTemplate:
    """This session's demo templates (built by the first worker that asks; see the module)."""
    template = session_template(tmp_path_factory, connection.vendor)
    template.acquire()
    yield template
    template.release()


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_modify_db_settings,
    demo_template,
    tmp_path_factory,
):
    """pytest-django's test database, made by copying the demo template instead of `migrate`."""
    media = demo_template.copy_media(tmp_path_factory.mktemp("media"))
    with override_settings(MEDIA_ROOT=media):
        with django_db_blocker.unblock():
            name = demo_template.install_test_database(connection)
        yield
        if not django_db_keepdb:
            with django_db_blocker.unblock():
                demo_template.remove_test_database(connection, name)
