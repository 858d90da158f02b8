"""The app's panes: sources, headlines, reader, sidebar, refresh status."""
