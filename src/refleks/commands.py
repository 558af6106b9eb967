"""Sub-commands of the output modules (session, visit, tiltaksplan, new) register here."""
