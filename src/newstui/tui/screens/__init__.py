"""Screens on top of the main one: help, search, a speaker's quotes."""
