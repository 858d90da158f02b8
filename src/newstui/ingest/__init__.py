"""Getting articles in: a fetch run (pipeline.fetch_feeds) and its parts — fetcher, hosts,
parsing, saving, records, streamed and pending analysis, full-text pages, local imports, sync
runs and filters applied to what arrived."""
