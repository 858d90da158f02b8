"""Which certificates TLS is checked against: certifi's bundle, the standard SSL_CERT_FILE /
SSL_CERT_DIR when set, and the PEM files the config names (`ca_file` in [settings] for feeds,
pages and downloads; in [sync] too for the sync server): a host behind a self-signed or
private-CA certificate (closing r51). Never no check at all."""

from __future__ import annotations

import contextlib
import os
import ssl

# What a certificate no known authority signed is told to do, for feeds, pages and downloads
# (the line names the host; the sync's names [sync]: sync.trust).
FEED_TRUST_HINT = (
    "to trust it, set ca_file in [settings] to its certificate or its CA's, a PEM file "
    "(README: Configuration)"
)


def trusted_tls(*ca_files: str | None) -> ssl.SSLContext:
    """A TLS context checking certificates against certifi's CA bundle, plus the files and
    folders SSL_CERT_FILE and SSL_CERT_DIR name (OpenSSL's variables, as `curl` and Python's
    `ssl` read them), plus each of `ca_files` given. A variable naming nothing readable is passed
    over (its host then fails as untrusted, the line naming ca_file); the `ca_files` were
    checked as the config loaded."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    cert_file = os.environ.get("SSL_CERT_FILE", "").strip()
    cert_dir = os.environ.get("SSL_CERT_DIR", "").strip()
    if cert_file and os.path.isfile(cert_file):
        _load(context, cafile=cert_file)
    for folder in cert_dir.split(os.pathsep) if cert_dir else ():
        if os.path.isdir(folder):
            _load(context, capath=folder)
    for ca_file in dict.fromkeys(f for f in ca_files if f):
        context.load_verify_locations(cafile=ca_file)
    return context


def _load(context: ssl.SSLContext, **where: str) -> None:
    with contextlib.suppress(OSError, ssl.SSLError):  # (unreadable, empty: nothing trusted)
        context.load_verify_locations(**where)


def untrusted_reason(verify_message: str, hint: str = FEED_TRUST_HINT) -> str:
    """The line's words for a certificate the check refused, by OpenSSL's reason; `hint`: how
    to trust it (for a certificate no known authority signed)."""
    said = verify_message or "not accepted"
    if "self-signed" in said or "self signed" in said:
        return f"its certificate is self-signed ({said}): {hint}"
    if "local issuer" in said or "unable to get issuer" in said:
        return f"its certificate is signed by an authority not known here ({said}): {hint}"
    if "expired" in said or "not yet valid" in said:
        return f"its certificate is not valid now ({said})"
    if "mismatch" in said or "match" in said:
        return f"its certificate is for another name ({said}): check the url's host name"
    return f"its certificate was not accepted ({said}): {hint}"
