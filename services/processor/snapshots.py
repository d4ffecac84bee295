"""Snapshots of the global step, so that taking over the prepared log does not take
longer the longer the service has run.

A new owner folds the prepared log up to the committed offset before it decides
anything.  From the log's start, that is every article since the topic began, a few
ms each (BENCHMARKS.md, "Restart"): minutes after a day at 25 articles/s.  So the owner
writes its state (story index, feed clock, sequencer) every `every` records to the
worker's data directory, and a new owner on the same host loads the newest snapshot at
or below the committed offset and folds only the records after it: the restart then
depends on the window's size, not on uptime.  A new owner on another host, or with no
usable snapshot, folds the whole log as before.

* Written by a forked child (copy-on-write): the event loop does not stop to serialise
  the window (about 2 GB at 100k articles).  The child only pickles and writes a file,
  then leaves with os._exit; the file appears by an atomic rename.
* Pickle, in the worker's own data directory — the trust of the worker's code, never on
  a topic (codec.py).  A snapshot is used only if its code fingerprint (the processor's
  and the core's sources), settings and app match, and the log still holds, at the
  snapshot's last offset, the record it folded last (a recreated topic does not).
* Exactness: usearch saves its graph but not the generator that draws a new node's
  level, so after a restore new articles get other levels than in an uninterrupted run
  and the 16 neighbours found can differ (the decisions compare every candidate in full;
  measured effect in BENCHMARKS.md).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import logging
import os
import pickle
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from usearch.index import Index

log = logging.getLogger("newsmon.worker")

FORMAT = 1
KEEP = 2  # snapshots kept on disk


def _restore_index(data: bytes) -> Index:
    index = Index.restore(data)
    if index is None:
        raise ValueError("usearch could not restore the graph")
    return index


def _reduce_index(index: Index) -> tuple[Any, tuple[bytes]]:
    """usearch graphs do not pickle; their own serialisation does (config included)."""
    data = index.save()
    if data is None:
        raise ValueError("usearch could not save the graph")
    return _restore_index, (bytes(data),)


copyreg.pickle(Index, _reduce_index)


@dataclass(frozen=True, slots=True)
class Header:
    format: int
    fingerprint: str  # code and settings the state was built with
    offset: int  # records below it are folded in
    last_crc: int  # crc32 of the value at offset - 1 (0 when offset is 0)


def fingerprint(settings_repr: str) -> str:
    """The code and settings a state depends on: any change makes old snapshots unusable."""
    digest = hashlib.blake2b(settings_repr.encode(), digest_size=16)
    root = Path(__file__).resolve().parents[1]
    for package in ("analysis", "processor"):
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".toml", ".json", ".txt"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def crc(value: bytes | None) -> int:
    return zlib.crc32(value or b"")


class Snapshots:
    def __init__(self, directory: Path, fingerprint: str, every: int, shared: dict[str, Any]) -> None:
        """`shared`: objects the state refers to but that are not saved with it (the
        similarity model, the config): pickled by name, given back on load."""
        self._dir = directory
        self._fingerprint = fingerprint
        self.every = every
        self._shared = shared
        self._child: int | None = None
        self.last_offset = 0

    def due(self, offset: int) -> bool:
        return self.every > 0 and offset - self.last_offset >= self.every

    def save(self, state: Any, offset: int, last_value: bytes | None) -> None:
        """Write `state` (everything folded below `offset`) in a forked child."""
        self._reap()
        if self._child is not None:
            return  # the last one is still being written: try again at the next due record
        self.last_offset = offset
        header = Header(FORMAT, self._fingerprint, offset, crc(last_value) if offset else 0)
        pid = os.fork()
        if pid == 0:  # the child: write and leave, whatever happens
            code = 1
            try:
                self._write(header, state)
                code = 0
            finally:
                os._exit(code)
        self._child = pid

    def load(self, upto: int) -> tuple[Header, Any] | None:
        """The newest usable snapshot at or below offset `upto`, or None."""
        for path in sorted(self._dir.glob("snapshot-*.pickle"), reverse=True):
            try:
                with path.open("rb") as handle:
                    header = pickle.load(handle)
                    if not self._usable(header, upto):
                        continue
                    started = time.monotonic()
                    state = self._unpickler(handle).load()
            except Exception as exc:  # a snapshot is an optimisation: never a reason to stop
                log.warning("snapshot %s not usable: %s: %s", path.name, type(exc).__name__, exc)
                continue
            log.info("snapshot at offset %d loaded in %.1f s", header.offset, time.monotonic() - started)
            self.last_offset = header.offset
            return header, state
        return None

    def stop(self) -> None:
        if self._child is not None:
            os.waitpid(self._child, 0)
            self._child = None

    def _usable(self, header: object, upto: int) -> bool:
        return (
            isinstance(header, Header)
            and header.format == FORMAT
            and header.fingerprint == self._fingerprint
            and header.offset <= upto
        )

    def _write(self, header: Header, state: Any) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        final = self._dir / f"snapshot-{header.offset:015d}.pickle"
        partial = final.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as handle:
            pickle.dump(header, handle, protocol=pickle.HIGHEST_PROTOCOL)
            self._pickler(handle).dump(state)
            handle.flush()
            os.fsync(handle.fileno())
        partial.rename(final)
        for old in sorted(self._dir.glob("snapshot-*.pickle"), reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
        for stale in self._dir.glob("*.partial"):
            if stale != partial:
                stale.unlink(missing_ok=True)

    def _pickler(self, handle: io.BufferedWriter) -> pickle.Pickler:
        names = {id(obj): name for name, obj in self._shared.items()}
        pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: names.get(id(obj))  # type: ignore[method-assign]
        return pickler

    def _unpickler(self, handle: io.BufferedReader) -> pickle.Unpickler:
        unpickler = pickle.Unpickler(handle)
        unpickler.persistent_load = self._shared.__getitem__  # type: ignore[method-assign]
        return unpickler

    def _reap(self) -> None:
        if self._child is None:
            return
        pid, status = os.waitpid(self._child, os.WNOHANG)
        if pid:
            if status:
                log.warning("snapshot child exited with status %d", status)
            self._child = None
