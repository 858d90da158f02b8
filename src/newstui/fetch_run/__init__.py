"""The parts of one fetch run (newstui.ingest.fetch_feeds): its fetcher and callbacks, hosts,
parsing, saving, records, streamed analysis and the garbage collector's pauses.
"""
