"""Which certificates the sync server's TLS is checked against: those feeds are
(`sources.trust`: certifi's bundle, SSL_CERT_FILE / SSL_CERT_DIR, `[settings] ca_file`) and the
`[sync]` table's `ca_file` (a self-hosted server with a self-signed or private-CA certificate,
user test r51 MED-4). Never no check at all."""

from __future__ import annotations

import ssl

from newstui.sources import trust

# What a certificate no known authority signed is told to do (the line names the server).
TRUST_HINT = (
    "to trust it, set ca_file in [sync] to its certificate or its CA's, a PEM file (README: Sync)"
)


def sync_tls(sync_ca_file: str | None, ca_file: str | None) -> ssl.SSLContext:
    """The TLS context of the sync client (`sources.trust.trusted_tls`): [sync]'s and
    [settings]' `ca_file`, each checked as the config loaded (raises trust.TrustUnusable for one
    TLS can no longer read)."""
    return trust.trusted_tls(ca_file, sync_ca_file)


def untrusted_reason(verify_message: str) -> str:
    """The line's words for a certificate the check refused, by OpenSSL's reason."""
    return trust.untrusted_reason(verify_message, TRUST_HINT)


def certificate_refusal(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check's refusal under an httpx ConnectError (wrapped by httpcore and
    anyio), if that is why the connection failed."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None
