"""Sub-commands of the output modules (session, visit, tiltaksplan, new) register here."""
from .outputs import session  # noqa: F401
from .outputs import visit  # noqa: F401
