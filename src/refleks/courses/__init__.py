"""Outputs for courses in learning platforms: SCORM 1.2 packages (``refleks export scorm``)."""
