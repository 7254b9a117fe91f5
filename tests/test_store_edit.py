"""Concurrent policy / `store.yml` edits and version writes never tear a file: writers in
threads (as the merchant API's handlers run) and readers at the same time."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import stat
import threading
import time
from pathlib import Path

import numpy as np
import yaml

from catalog import store_edit
from catalog.build import read_pointer, write_version
from catalog.files import file_lock
from tests.conftest import TEST_STORE

WRITES = 150


def _policy(writer: int, n: int) -> str:
    body = f"Text {writer}-{n}. " * 400  # several pages: a torn write is visible
    return f"# Returns {writer}\n\n## Window\n\n{body}\n"


def _hammer(writers: list, reader, seconds_limit: float = 60) -> tuple[list[BaseException], list[str]]:
    """Run the writer callables in threads while `reader()` runs in a loop; (errors, bad reads)."""
    errors: list[BaseException] = []
    bad: list[str] = []
    done = threading.Event()

    def guard(fn):  # noqa: ANN001, ANN202
        def run() -> None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - collected and asserted on
                errors.append(exc)

        return run

    def read_loop() -> None:
        while not done.is_set():
            problem = reader()
            if problem:
                bad.append(problem)

    threads = [threading.Thread(target=guard(fn)) for fn in writers]
    readers = [threading.Thread(target=read_loop) for _ in range(2)]
    for t in readers + threads:
        t.start()
    started = time.monotonic()
    for t in threads:
        t.join(timeout=seconds_limit - (time.monotonic() - started))
    done.set()
    for t in readers:
        t.join()
    return errors, bad


def test_concurrent_policy_writes_never_tear_the_file(tmp_path):
    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    path = store / "policies" / "returns.en.md"
    store_edit.write_policy(store, "returns", "en", _policy(0, 0))
    whole = {_policy(w, n) for w in (1, 2) for n in range(WRITES)} | {_policy(0, 0)}

    def writer(w: int):  # noqa: ANN202
        return lambda: [store_edit.write_policy(store, "returns", "en", _policy(w, n)) for n in range(WRITES)]

    def reader() -> str | None:
        text = path.read_text(encoding="utf-8")
        return None if text in whole else f"partial read of {len(text)} characters"

    errors, bad = _hammer([writer(1), writer(2)], reader)
    assert not errors, errors[:3]
    assert not bad, f"{len(bad)} partial reads, e.g. {bad[0]}"
    assert path.read_text(encoding="utf-8") in {_policy(1, WRITES - 1), _policy(2, WRITES - 1)}
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_concurrent_store_config_writes_never_tear_the_file(tmp_path):
    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    raw = store_edit.read_store_config(store)
    names = {f"Shop {w}-{n}" for w in (1, 2) for n in range(WRITES)} | {raw["store"]["name"]}

    def writer(w: int):  # noqa: ANN202
        return lambda: [store_edit.write_store_config(store, {**raw, "store": {**raw["store"], "name": f"Shop {w}-{n}"}})
                        for n in range(WRITES // 3)]  # fmt: skip

    def reader() -> str | None:
        try:
            data = store_edit.read_store_config(store)
        except yaml.YAMLError as exc:
            return f"unparsable: {exc}"
        if not isinstance(data, dict) or data.get("store", {}).get("name") not in names or "shipping" not in data:
            return "partial store.yml"
        return None

    errors, bad = _hammer([writer(1), writer(2)], reader)
    assert not errors, errors[:3]
    assert not bad, f"{len(bad)} partial reads, e.g. {bad[0]}"


def test_concurrent_version_writes_keep_current_whole(tmp_path):
    """Two writers of version folders in one process (threads, as the database-less `build()`
    may run): no writer fails and every `CURRENT` a reader sees is whole."""
    folder = tmp_path / "data"
    vectors = np.eye(4, dtype=np.float32)[:2]

    def writer(w: int):  # noqa: ANN202
        def run() -> None:
            for n in range(15):
                write_version(folder, ['{"id": "a"}', '{"id": "b"}'], ["a", "b"], vectors, "m", 4, f"h{w}{n}",
                              version=2 * n + w)  # fmt: skip

        return run

    def reader() -> str | None:
        try:
            pointer = json.loads((folder / "CURRENT").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None  # nothing published yet
        except ValueError:
            return "partial CURRENT"
        return None if str(pointer.get("dir", "")).startswith("versions/v") else f"bad pointer {pointer}"

    errors, bad = _hammer([writer(1), writer(2)], reader)
    assert not errors, errors[:3]
    assert not bad, bad[:3]
    assert read_pointer(folder)["version"] in (29, 30)
    assert not [p.name for p in (folder / "versions").iterdir() if "staging" in p.name]
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_are_flushed_before_and_after_the_rename(tmp_path, monkeypatch):
    """The file's data is fsynced before `os.replace` and its folder after it (a crash then
    leaves the old or the new file, not an empty one); the same for a version folder and `CURRENT`."""
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src, dst) -> None:  # noqa: ANN001
        calls.append(f"replace {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    store_edit.write_policy(store, "returns", "en", _policy(1, 1))
    assert calls == ["fsync-file", "replace returns.en.md", "fsync-dir"]
    calls.clear()
    write_version(tmp_path / "data", ['{"id": "a"}'], ["a"], np.eye(4, dtype=np.float32)[:1], "m", 4, "h", version=1)
    rename = calls.index("replace v000001")
    assert calls[:rename].count("fsync-file") >= 3 and "fsync-dir" in calls[:rename]  # products, index, manifest
    assert calls[rename + 1] == "fsync-dir"
    assert calls[-3:] == ["fsync-file", "replace CURRENT", "fsync-dir"]


def _hold_lock(path: str, held: multiprocessing.Event, release: multiprocessing.Event) -> None:
    with file_lock(Path(path)):
        held.set()
        release.wait(10)


def test_file_lock_holds_across_processes(tmp_path):
    lock = tmp_path / ".lock"
    held, release = multiprocessing.Event(), multiprocessing.Event()
    other = multiprocessing.get_context("fork").Process(target=_hold_lock, args=(str(lock), held, release))
    other.start()
    try:
        assert held.wait(10)
        got = threading.Event()

        def take() -> None:
            with file_lock(lock):
                got.set()

        taker = threading.Thread(target=take)
        taker.start()
        assert not got.wait(0.5), "the lock was taken while another process held it"
        release.set()
        assert got.wait(10)
        taker.join()
    finally:
        release.set()
        other.join(10)
