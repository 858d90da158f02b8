"""Sync with Google Reader API servers (FreshRSS, Miniflux…): client, queue push, reconciliation."""
