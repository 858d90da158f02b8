"""Decide whether a fetched body is an HTML page worth extracting, before paying for a parse."""

from __future__ import annotations

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Declared types that say nothing either way: sniff the body.
_VAGUE_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "text/xml",
        "application/xml",
        "binary/octet-stream",
        "unknown/unknown",
    }
)
# Leading bytes of common non-HTML formats (PDF, images, archives, media).
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x00",
    b"BZh",
    b"7z\xbc\xaf",
    b"{\\rtf",
)
# WHATWG MIME sniffing: tags that mark a body as HTML when they open it.
_HTML_OPENERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<br",
    b"<p",
    b"<meta",
    b"<link",
    b"<article",
    b"<main",
    b"<section",
    b"<!--",
)
_SNIFF_BYTES = 1024


def looks_like_html(content_type: str | None, body: bytes) -> bool:
    """True if the declared type and the first bytes both allow an HTML page."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in _HTML_TYPES and media_type not in _VAGUE_TYPES:
        return False
    head = _decoded_head(body)
    if head is None:
        return False
    if media_type in _HTML_TYPES:
        return True
    return _opens_like_html(head)


def _decoded_head(body: bytes) -> bytes | None:
    """The first bytes as ASCII-compatible lower case, or None if they are binary."""
    head = body[: _SNIFF_BYTES * 2]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        head = head[2:].decode(codec, "ignore").encode("utf-8", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:_SNIFF_BYTES]
    if not head or head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return None
    return head.lower()


def _opens_like_html(head: bytes) -> bool:
    """Whether the body opens (after an XML declaration, if any) with an HTML tag or comment."""
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        head = head[end + 2 :].lstrip() if end >= 0 else b""
        if head.startswith(b"<!doctype") or b"<html" in head[:200]:
            return b"html" in head[:200]
    for opener in _HTML_OPENERS:
        if head.startswith(opener):
            rest = head[len(opener) : len(opener) + 1]
            if opener == b"<!--" or rest in (b"", b" ", b">", b"\t", b"\n", b"\r", b"/"):
                return True
    return False
