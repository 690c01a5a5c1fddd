"""The attribute names a crfsuite model has weights for, read from its file.

A crfsuite tagger looks every feature string up in the model's attribute dictionary and
drops those it does not hold; a third of tagging time went to handing it strings it then
dropped. Reading the dictionary once lets the feature code hand over only known ones
(the scores, and so the tags, are the same). ``pycrfsuite.Tagger.info()`` gives the same
set but parses a text dump of the whole model (1–2 s); this reads the binary file's
attribute CQDB directly (~60 ms).

Layout (crfsuite ``crf1d_model.c`` / ``cqdb.c``, little-endian): a 48-byte header whose
tenth 32-bit field is the offset of the attribute CQDB; the CQDB's header gives the
offset of its backward array, one record offset per attribute id; a record is
(id, key size including its NUL, key bytes).
"""

from __future__ import annotations

import struct

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB = struct.Struct("<4sIIIII")


class ModelFormatError(ValueError):
    """The file is not a crfsuite CRF1d model this reader understands."""


def model_attributes(path: str) -> frozenset[str]:
    """Every attribute (feature string) of the crfsuite model at ``path``."""
    with open(path, "rb") as fh:
        buf = fh.read()
    return attributes_of(buf, path)


def attributes_of(buf: bytes, name: str = "model") -> frozenset[str]:
    """Every attribute of a crfsuite model given as bytes (``name`` for errors)."""
    if len(buf) < _HEADER.size:
        raise ModelFormatError(f"{name}: too short for a crfsuite model")
    magic, _size, kind, _ver, _nf, _nl, n_attrs, _of, _ol, off_attrs, _olr, _oar = _HEADER.unpack_from(buf)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError(f"{name}: not a crfsuite CRF1d model (magic {magic!r}, type {kind!r})")
    chunk, _csize, _flag, _order, bwd_size, bwd_off = _CQDB.unpack_from(buf, off_attrs)
    if chunk != b"CQDB" or bwd_size < n_attrs:
        raise ModelFormatError(f"{name}: attribute dictionary not found")
    offsets = struct.unpack_from(f"<{bwd_size}I", buf, off_attrs + bwd_off)
    out = []
    for off in offsets:
        if off:
            start = off_attrs + off
            _id, ksize = struct.unpack_from("<II", buf, start)
            out.append(buf[start + 8 : start + 8 + ksize - 1].decode("utf-8"))
    return frozenset(out)
