"""Test helpers shared across apps (browser driving, accessibility checks)."""
