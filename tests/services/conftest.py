"""Loopback stand-ins for the pushgateway and the alert webhook."""

from __future__ import annotations

import pytest

from tests.services.loopback import Pushgateway, Webhook, serving


@pytest.fixture
def pushgateway():
    with serving(Pushgateway()) as server:
        yield server


@pytest.fixture
def webhook():
    with serving(Webhook()) as server:
        yield server


@pytest.fixture
def unused_port():
    """A loopback port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
