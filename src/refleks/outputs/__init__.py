"""One module per output kind; each has ``build(library, ...)``."""
