"""newsmon services: replay → process → deliver → observe, around a pure analysis core."""
