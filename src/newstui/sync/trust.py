"""Which certificates the sync server's TLS is checked against: certifi's bundle, the standard
SSL_CERT_FILE / SSL_CERT_DIR when set, and the `[sync]` table's `ca_file` (a self-hosted server
with a self-signed or private-CA certificate, user test r51 MED-4). Never no check at all."""

from __future__ import annotations

import contextlib
import os
import ssl

# What a certificate no known authority signed is told to do (the line names the server).
TRUST_HINT = (
    "to trust it, set ca_file in [sync] to its certificate or its CA's, a PEM file (README: Sync)"
)


def sync_tls(ca_file: str | None = None) -> ssl.SSLContext:
    """The TLS context of the sync client: certifi's CA bundle, plus the files and folders
    SSL_CERT_FILE and SSL_CERT_DIR name (OpenSSL's variables, as `curl` and Python's `ssl` read
    them), plus `ca_file`. A variable naming nothing readable is passed over (its server then
    fails as untrusted, the line naming ca_file); `ca_file` was checked as the config loaded."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    cert_file = os.environ.get("SSL_CERT_FILE", "").strip()
    cert_dir = os.environ.get("SSL_CERT_DIR", "").strip()
    if cert_file and os.path.isfile(cert_file):
        _load(context, cafile=cert_file)
    for folder in cert_dir.split(os.pathsep) if cert_dir else ():
        if os.path.isdir(folder):
            _load(context, capath=folder)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def _load(context: ssl.SSLContext, **where: str) -> None:
    with contextlib.suppress(OSError, ssl.SSLError):  # (unreadable, empty: nothing trusted)
        context.load_verify_locations(**where)


def untrusted_reason(verify_message: str) -> str:
    """The line's words for a certificate the check refused, by OpenSSL's reason."""
    said = verify_message or "not accepted"
    if "self-signed" in said or "self signed" in said:
        return f"its certificate is self-signed ({said}): {TRUST_HINT}"
    if "local issuer" in said or "unable to get issuer" in said:
        return f"its certificate is signed by an authority not known here ({said}): {TRUST_HINT}"
    if "expired" in said or "not yet valid" in said:
        return f"its certificate is not valid now ({said})"
    if "mismatch" in said or "match" in said:
        return f"its certificate is for another name ({said}): check the url's host name"
    return f"its certificate was not accepted ({said}): {TRUST_HINT}"


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
