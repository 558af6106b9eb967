"""Session kits: one reflection meeting (``session``), for one role or a mixed group
(``groups``)."""
