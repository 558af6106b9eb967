"""The preview's PDFs and documents, made in the background so a page shows at once.

``refleks serve`` writes the pages, the decks and the tools' files on every change (well
under a second); the handouts, deck PDFs, course packs and blank walkround documents take
seconds to minutes to lay out, so a separate process makes them after each valid change
(``python -m refleks.site.preview.documents PROJECT FOLDER``). Unchanged PDFs come from
the project's PDF cache (``build/cache/pdf/``), as in ``refleks build``. A newer change stops
a run that is still going; a finished run's files replace the previous ones and the preview
publishes them (the engine then reloads the page once more).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from ...content.pipeline import build_library
from ...errors import BuildFailed, ContentInvalid, os_message
from ...project import Project
from ...writer import write_tree


def document_outputs() -> list[ModuleType]:
    """The slow outputs of ``refleks build`` (the rest are made with the pages). Imported
    here: they load the office libraries."""
    from ...courses import coursepack
    from ...decks import handouts
    from ...walkround import blanks

    return [handouts, coursepack, blanks]


def write_documents(project: Project, target: Path) -> int:
    """Write every document output of the project's content into ``target``; the count."""
    library = build_library(project)
    written = 0
    for module in document_outputs():
        written += len(write_tree(target, module.files(library)))
    return written


class Documents:
    """At most one background run; ``folder`` holds the last finished run's files."""

    def __init__(self, project: Project, folder: Path) -> None:
        self.project = project
        self.folder = folder
        self.next = folder.with_name(folder.name + ".ny")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start making the documents of the content as it is now (stopping a run that is
        still making those of an earlier version)."""
        self.stop()
        shutil.rmtree(self.next, ignore_errors=True)
        command = [sys.executable, "-m", __name__, str(self.project.root), str(self.next)]
        # a session of its own: stopping it stops its layout workers too
        self.process = subprocess.Popen(command, start_new_session=True)

    def finished(self) -> bool | None:
        """``None`` while nothing finished since the last call; ``True`` when a run
        finished and its files are now in ``folder``; ``False`` when it failed."""
        if self.process is None or self.process.poll() is None:
            return None
        code, self.process = self.process.returncode, None
        if code != 0 or not self.next.is_dir():
            return False
        shutil.rmtree(self.folder, ignore_errors=True)
        self.next.rename(self.folder)
        return True

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)
        self.process = None


def main(argv: list[str]) -> int:
    project, target = Project(Path(argv[0])), Path(argv[1])
    try:
        write_documents(project, target)
    except ContentInvalid:
        return 1  # the preview has shown the errors already
    except BuildFailed as exc:
        print(f"refleks: feil: {exc}", file=sys.stderr, flush=True)
        return 1
    except OSError as exc:
        print(f"refleks: feil: {os_message(exc)}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(main(sys.argv[1:]))
