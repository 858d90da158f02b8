"""Where articles come from: HTTP, feed documents, local files, OPML, HTML."""
