"""Which certificates TLS is checked against: certifi's bundle, the standard SSL_CERT_FILE /
SSL_CERT_DIR when set, and the PEM files the config names (`ca_file` in [settings] for feeds,
pages and downloads; in [sync] too for the sync server): a host behind a self-signed or
private-CA certificate (closing r51). Never no check at all."""

from __future__ import annotations

import contextlib
import os
import ssl
import stat

from newstui.errors import NewstuiError

# What a certificate no known authority signed is told to do, for feeds, pages and downloads
# (the line names the host; the sync's names [sync]: sync.trust).
FEED_TRUST_HINT = (
    "to trust it, set ca_file in [settings] to its certificate or its CA's, a PEM file "
    "(README: Configuration)"
)


class TrustUnusable(NewstuiError):
    """A `ca_file` the config named, checked as the config loaded, that TLS can no longer read
    (moved, deleted or replaced since: review r52 MED-1): one line naming the setting, the file
    and the problem. What needs no TLS (plain http) goes on without it; each https request
    fails with this line, as the sync does."""


SETTINGS_CA_FILE = "setting 'ca_file'"  # (how the lines name [settings]' and [sync]'s ca_file)
SYNC_CA_FILE = "sync ca_file"


def trusted_tls(ca_file: str | None = None, sync_ca_file: str | None = None) -> ssl.SSLContext:
    """A TLS context checking certificates against certifi's CA bundle, plus the files and
    folders SSL_CERT_FILE and SSL_CERT_DIR name (OpenSSL's variables, as `curl` and Python's
    `ssl` read them), plus [settings]' `ca_file` and [sync]'s `sync_ca_file` when given. A
    variable naming nothing readable is passed over (its host then fails as untrusted, the line
    naming ca_file); the `ca_file`s were checked as the config loaded, and one TLS can no longer
    use raises TrustUnusable (never trust without it, never a bare errno)."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    cert_file = os.environ.get("SSL_CERT_FILE", "").strip()
    cert_dir = os.environ.get("SSL_CERT_DIR", "").strip()
    if cert_file and os.path.isfile(cert_file):
        _load(context, cafile=cert_file)
    for folder in cert_dir.split(os.pathsep) if cert_dir else ():
        if os.path.isdir(folder):
            _load(context, capath=folder)
    for owner, path in ((SYNC_CA_FILE, sync_ca_file), (SETTINGS_CA_FILE, ca_file)):
        if not path:
            continue
        problem = ca_file_problem(path)
        if problem is None:
            try:
                context.load_verify_locations(cafile=path)
            except (OSError, ssl.SSLError, ValueError):  # (changed between the two looks)
                problem = ca_file_problem(path) or NO_PEM
        if problem is not None:
            raise TrustUnusable(f"{owner} {path} {problem} (it changed after the config was read)")
    return context


NO_PEM = "holds no PEM certificate (-----BEGIN CERTIFICATE-----)"


def ca_file_problem(path: str) -> str | None:
    """Why the file at `path` cannot be a `ca_file`, in a few words (None: it holds a PEM
    certificate). Never opens what is not a regular file: a FIFO would block every command
    (review r52 LOW-1), a device never ends."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "does not exist"
    except NotADirectoryError:
        return "does not exist"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a folder, not a PEM file of certificates"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a PEM file of certificates)"
    try:
        with open(path, "rb") as file:
            file.read(1)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    try:
        ssl.create_default_context().load_verify_locations(cafile=path)
    except (OSError, ssl.SSLError, ValueError):
        return NO_PEM
    return None


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
