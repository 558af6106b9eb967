"""The learning site: generated pages, the site engine, charts, the authors' reference, preview."""
