"""The reading app (Textual): sources, headlines, reader and an entities/quotes sidebar."""
