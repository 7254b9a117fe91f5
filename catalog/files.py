"""Durable file writes: atomic replacement, fsync of files and folders, and a file lock.

A write that readers may see at any moment goes to a temporary file with a unique name in the
same folder (so `os.replace` is atomic and two writers never share a temporary file), is
flushed to disk, replaces the target, and then the folder entry is flushed too, so that after a
crash the folder holds either the old or the new file, never an empty or partial one.
"""

from __future__ import annotations

import fcntl
import os
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (new, renamed or removed files) to disk."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder under `folder` (a version folder before it is renamed into place)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(root))


def unique_name(path: Path, suffix: str) -> Path:
    """A name next to `path` that no other writer (thread or process) uses."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}{suffix}")


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) so that readers see the old or the new file, whole.

    The new file gets the old one's permissions, or the umask's default for a new file (not
    `tempfile`'s 0600, which would hide it from readers running as another user)."""
    tmp = unique_name(path, ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if path.exists():
                os.fchmod(fh.fileno(), stat.S_IMODE(path.stat().st_mode))
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing): one holder at a time across
    threads and processes. Each call opens its own descriptor, so threads exclude each other too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
