"""The preview of ``refleks serve``: the engine's development server (``server``), the
PDFs and documents made in the background (``documents``) and the error box over the page
(``overlay``)."""
