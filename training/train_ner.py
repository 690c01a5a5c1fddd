"""Train the entity recognizer's CRF models (generator/entities/data/ner-<family>.crfsuite).

    python training/train_ner.py --data DIR [--family de|ar|zh|latin ...] [--max-iter 150]
    python training/train_ner.py --data DIR --vectors CACHE_DIR [--family de|ar]   # -e5 models

DIR holds the training files named in training/README.md (sources, commits, licences).
Never pass evaluation data: the public test splits are for measuring only. Training never
runs in tests or builds; the models are committed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time

# one BLAS thread: on the shared 2-core machine extra threads only spin (measured: a
# multi-threaded run got a third of the work done per CPU second)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from generator.entities.features import char_features, rule_tags, word_features, word_spans  # noqa: E402
from generator.entities.recognize import rule_candidates  # noqa: E402
from generator.entities.tagger import model_path  # noqa: E402

TYPES = {"PER": "person", "PERS": "person", "ORG": "organization", "LOC": "place"}
# family -> (reader, files in DIR)
CORPORA = {
    # the DFKI SmartData corpus (CC-BY 4.0; reader "smartdata") was tried and lowered F1:
    # it marks generic mentions ("Gruppe") and traffic locations
    "de": [("germeval", "germeval-dev.tsv"), ("uner", "de_pud-test.iob2")],
    "ar": [("conll", "anercorp-train.txt")],
    "zh": [("uner", "zh_gsd-train.iob2"), ("uner", "zh_gsdsimp-train.iob2"),
           ("uner", "zh_gsd-dev.iob2"), ("uner", "zh_gsdsimp-dev.iob2")],
    "latin": [("uner", "pt_bosque-train.iob2"), ("uner", "da_ddt-train.iob2"),
              ("uner", "sv_talbanken-train.iob2"), ("uner", "en_ewt-dev.iob2")],
}
# (c1, c2, iterations) per family, chosen on half A of the eval files (half B held out)
PARAMS = {"de": (0.02, 0.05, 200), "ar": (0.15, 0.01, 200), "zh": (0.05, 0.01, 100), "latin": (0.05, 0.01, 100)}
# zh is trainable but not shipped: on UNER's Chinese GSD it scored below LAC + rules
# (0.40 / 0.69 against 0.74 / 0.84 on the two halves of the MSRA file)
SHIPPED = ("ar", "de", "latin")
# the encoder-feature variants (ner-<family>-e5.crfsuite + .npz): states of these layers
STATE_TAPS = (6, 12)  # cached per sentence
VEC_TAPS = {"de": (6,), "ar": (6,), "latin": (12,)}
VEC_SCALE = {"de": 0.25, "ar": 0.25, "latin": 0.25}
VEC_PCA = 32
# neighbours on each side whose vectors the head reads too (--window)
VEC_WINDOW: dict[str, int] = {}
# the static-vector models (--static, ner-<family>-static): layer 0 of e5 (its input
# embeddings: a lookup per word), the head reading one neighbour on each side, and
# nearest-centroid features instead of principal components (a few string attributes per
# word keep the CRF as fast as the lexical one; 32 real-valued components doubled its time)
STATIC = {"window": 1, "clusters": (64, 512), "pca": 0}
# spherical k-means granularities of the word vectors (--clusters), as CRF features
VEC_CLUSTERS: tuple[int, ...] = ()
# encoder states cost ~0.1-0.3 s per sentence here: the latin family's four corpora are
# capped (the first sentences of each file) to keep its training within half an hour
VEC_CAP = {"latin": 1000}
FOLDS = 5
CAP: int | None = None  # --cap: at most this many sentences of each file (all families)
VEC_SHIPPED = ("ar", "de", "latin")
VEC_PARAMS = {"de": (0.02, 0.05, 200), "ar": (0.15, 0.01, 200), "latin": (0.05, 0.01, 100)}
RULE_LANG = {"de": "de", "ar": "ar", "zh": "zh", "latin": "latin"}


def _tag(raw: str) -> str:
    """Our BIO tag for a corpus tag (PER/PERS/ORG/LOC kept; OTH, MISC, *deriv, *part → O)."""
    if raw[2:] in TYPES.values():
        return raw
    if raw in ("O", "") or "-" not in raw:
        return "O"
    bio, typ = raw.split("-", 1)
    return f"{bio}-{TYPES[typ]}" if typ in TYPES and bio in ("B", "I") else "O"


SMARTDATA_TYPES = {"person": "person", "organization": "organization", "organization-company": "organization",
                   "location": "place", "location-city": "place", "location-street": "place",
                   "location-stop": "place"}
_SENT = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.M)


def _json_docs(path: str):
    """The concatenated JSON documents of a SmartData .json.gz file."""
    s = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            return
        d, i = dec.raw_decode(s, i)
        yield d


def read_smartdata(path: str) -> list[tuple[list[str], list[str]]]:
    """Sentences of the DFKI SmartData corpus (character spans → tokens, BIO tags)."""
    out = []
    for d in _json_docs(path):
        text = d["text"]["string"]
        ments = [(m["span"]["start"], m["span"]["end"], SMARTDATA_TYPES[m["type"]])
                 for m in (d.get("conceptMentions") or {}).get("array", []) if m["type"] in SMARTDATA_TYPES]
        for sm in _SENT.finditer(text):
            spans = [(a + sm.start(), b + sm.start()) for a, b in word_spans(sm.group(0))]
            if len(spans) < 3:
                continue
            tags = ["O"] * len(spans)
            for ms, me, typ in ments:
                inside = [k for k, (a, b) in enumerate(spans) if a >= ms and b <= me]
                for n, k in enumerate(inside):
                    tags[k] = ("B-" if n == 0 else "I-") + typ
            out.append(([text[a:b] for a, b in spans], tags))
    return out


# Europeana Newspapers files run on without sentence breaks: a sentence ends after one of
# these tokens, or after ENP_MAX tokens (OCR noise has cut many sentences short)
ENP_ENDS = {".", "!", "?"}
ENP_MAX = 60


def read_enp(path: str) -> list[tuple[list[str], list[str]]]:
    """Sentences of a Europeana Newspapers NER file ('tok TAG' lines, '#' comments, no
    blank lines between sentences; tags case-folded: B-PEr is B-PER)."""
    out, toks, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) != 2 or line.startswith("#"):
            continue
        toks.append(parts[0])
        tags.append(_tag(parts[1].upper()))
        if parts[0] in ENP_ENDS or len(toks) >= ENP_MAX:
            out.append((toks, tags))
            toks, tags = [], []
    if toks:
        out.append((toks, tags))
    return out


def read(kind: str, path: str) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, BIO tags) from a GermEval TSV, a CoNLL 'tok TAG', a UNER, a
    Europeana Newspapers or a SmartData file."""
    if kind == "smartdata":
        return read_smartdata(path)
    if kind == "enp":
        return read_enp(path)
    out, toks, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#") and kind != "conll":
            continue
        if not line.strip():
            if toks:
                out.append((toks, tags))
            toks, tags = [], []
            continue
        if kind == "conll":
            tok, _, tag = line.strip().rpartition(" ")
        else:
            cols = line.split("\t")
            tok, tag = cols[1], cols[2]
        if tok:
            toks.append(tok)
            tags.append(_tag(tag))
    if toks:
        out.append((toks, tags))
    return out


def _fix_bio(tags: list[str]) -> list[str]:
    """I- tags that do not continue their type start an entity (B-)."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def instance(family: str, toks: list[str], tags: list[str]):
    """(features, labels) of one sentence, with the rule recognizers run on its text."""
    if family == "zh":
        from generator.entities.zh import lac_char_tags
        chars, labels = [], []
        for tok, tag in zip(toks, tags, strict=True):
            for k, ch in enumerate(tok):
                chars.append(ch)
                labels.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
        text = "".join(chars)
        spans = [(i, i + 1) for i in range(len(chars))]
        rules = rule_tags(spans, rule_candidates(text, "zh"))
        keep = [i for i, ch in enumerate(chars) if not ch.isspace()]
        lac = lac_char_tags(text)
        return (char_features([chars[i] for i in keep], [rules[i] for i in keep], [lac[i] for i in keep]),
                _fix_bio([labels[i] for i in keep]))
    text, spans, pos = "", [], 0
    for tok in toks:
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    text = " ".join(toks)
    rules = rule_tags(spans, rule_candidates(text, RULE_LANG[family]))
    return word_features(toks, rules, family), _fix_bio(tags)


def corpus_files(family: str, data: str, cap: int | None = None) -> list[tuple[str, list]]:
    """(file name, its sentences as (tokens, BIO tags)) per training file of the family,
    in corpus order (at most ``cap`` sentences from each file)."""
    return [(name, [(toks, tags) for toks, tags in read(kind, os.path.join(data, name)) if toks][:cap])
            for kind, name in CORPORA[family]]


def sentences(family: str, data: str, cap: int | None = None) -> list[tuple[list[str], list[str]]]:
    """The training sentences of the family, as (tokens, BIO tags), in corpus order
    (at most ``cap`` from each file)."""
    return [s for _, sents in corpus_files(family, data, cap) for s in sents]


def train(family: str, data: str, max_iter: int, c1: float, c2: float,
          vec_dir: str | None = None, out: str | None = None) -> None:
    """Read the family's corpora, featurize, train, write the model file; with
    ``vec_dir``, the encoder-feature variant (``ner-<family>-e5``, see vec_instances)."""
    import pycrfsuite
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    # the cap is for the transformer's cost: static vectors (layer 0 only) cost a lookup
    capped = vec_dir is not None and any(VEC_TAPS[family])
    files = corpus_files(family, data, CAP or (VEC_CAP.get(family) if capped else None))
    sents = [s for _, f in files for s in f]
    kind = ("e5" if any(VEC_TAPS[family]) else "static") if vec_dir is not None else False
    out = out or model_path(family, kind)
    if vec_dir is not None:
        head = out[: -len(".crfsuite")] + ".npz"
        items = vec_instances(family, files, vec_dir, head)
    else:
        items = (instance(family, toks, tags) for toks, tags in sents)
    n = 0
    for x, y in items:
        if x:
            trainer.append(x, y)
            n += 1
    print(f"{family}: {n} sentences featurized in {time.time() - t0:.0f} s", flush=True)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(out + ".tmp")
    os.replace(out + ".tmp", out)
    print(f"{family}: model {os.path.getsize(out) / 1e6:.1f} MB in {time.time() - t0:.0f} s", flush=True)


def word_states(files: list[tuple[str, list]], cache_dir: str, taps: tuple[int, ...] = STATE_TAPS) -> list:
    """Encoder states of each sentence's words after the layers ``taps`` (in that order),
    file by file: layer 0 (static) computed here, it costs a lookup; the transformer
    layers read from the cache of STATE_TAPS when it holds them, else from a cache of
    their own (``states-L<taps>-<file>.npz``)."""
    import numpy as np

    layers = tuple(sorted({t for t in taps if t}))
    cached = STATE_TAPS if set(layers) <= set(STATE_TAPS) else layers
    enc = None
    out = []
    for name, sents in files:
        ctx = file_states(name, sents, cache_dir, cached) if layers else [None] * len(sents)
        for (toks, _), c in zip(sents, ctx, strict=True):
            parts = []
            for t in taps:
                if t == 0:
                    if enc is None:
                        from generator.entities.e5states import Encoder

                        enc = Encoder()
                    parts.append(enc.word_states(toks, (0,)))
                else:
                    parts.append(c[:, cached.index(t) * 384 : (cached.index(t) + 1) * 384])
            out.append(np.concatenate(parts, axis=1).astype(np.float32))
    return out


def _load_states(path: str, lens: list[int], taps: tuple[int, ...] = STATE_TAPS):
    """The cached word states at ``path`` if they were computed for sentences of these
    lengths (a prefix of them for a partial file) by the pinned model, else None."""
    import numpy as np

    from generator.entities.e5states import SHA256

    if not os.path.exists(path):
        return None
    z = np.load(path)
    n = len(z["lens"])
    if list(z["lens"]) != list(lens[:n]) or tuple(z["taps"]) != taps or str(z["sha"]) != SHA256:
        return None
    return np.split(z["vecs"], np.cumsum(z["lens"])[:-1]) if n else []


def _save_states(path: str, vecs: list, lens: list[int], taps: tuple[int, ...] = STATE_TAPS) -> None:
    """Write word states (float16) and the sentence lengths they belong to."""
    import numpy as np

    from generator.entities.e5states import SHA256

    np.savez(path + ".tmp.npz", vecs=np.concatenate(vecs), lens=np.array(lens[: len(vecs)]),
             taps=np.array(taps), sha=SHA256)
    os.replace(path + ".tmp.npz", path)


def file_states(name: str, sents: list, cache_dir: str, taps: tuple[int, ...] = STATE_TAPS) -> list:
    """Encoder states (layers ``taps``, all ≥ 1) of one file's sentences, cached in
    ``cache_dir/states-<file>.npz`` (``states-L<taps>-<file>.npz`` for other layers; states depend on the words only, so families that
    share a file share its cache; computing them takes ~0.1-0.7 s per sentence here, so
    ``states-<file>.partial.npz`` keeps the work done every 250 sentences and a new run
    resumes from it)."""
    import numpy as np

    from generator.entities.e5states import Encoder

    tag = "" if taps == STATE_TAPS else "L" + ",".join(map(str, taps)) + "-"
    path = os.path.join(cache_dir, f"states-{tag}{name}.npz")
    partial = os.path.join(cache_dir, f"states-{tag}{name}.partial.npz")
    lens = [len(t) for t, _ in sents]
    done = _load_states(path, lens, taps)
    if done is not None and len(done) == len(sents):
        return [v.astype(np.float32) for v in done]
    vecs = list(_load_states(partial, lens, taps) or [])
    enc = Encoder()
    t0 = time.time()
    for k in range(len(vecs), len(sents)):
        vecs.append(enc.word_states(sents[k][0], taps).astype(np.float16))
        if k % 250 == 249:
            _save_states(partial, vecs, lens, taps)
            print(f"{name}: states of {k + 1} sentences, {time.time() - t0:.0f} s", flush=True)
    _save_states(path, vecs, lens, taps)
    if os.path.exists(partial):
        os.remove(partial)
    return [v.astype(np.float32) for v in vecs]


def vec_instances(family: str, files: list[tuple[str, list]], cache_dir: str, head_path: str):
    """(features, labels) per sentence with encoder features added: fit the principal
    axes and the softmax head on every training word, give each sentence the head's
    probabilities from a head fitted without its fold (cross-fitting: the CRF must
    learn how far to trust the head on unseen text), and save the head next to the model."""
    import numpy as np

    from generator.entities import vectors as V
    sents = [s for _, f in files for s in f]
    states = word_states(files, cache_dir, VEC_TAPS[family])
    labels = tuple(sorted({t for _, tags in sents for t in _fix_bio(tags)}))
    ys = [np.array([labels.index(t) for t in _fix_bio(tags)]) for _, tags in sents]
    x_all, y_all = np.concatenate(states), np.concatenate(ys)
    mean, proj = V.fit_pca(x_all, VEC_PCA)
    win = VEC_WINDOW.get(family, 0)
    if win:  # the head reads each word's neighbours too (centred, per sentence)
        x_all = np.concatenate([V.windowed(s - mean, win) for s in states]) + np.tile(mean, 2 * win + 1)
        mean_h = np.tile(mean, 2 * win + 1)
    else:
        mean_h = mean
    fold = np.concatenate([np.full(len(s), k % FOLDS) for k, s in enumerate(states)])
    p_all = np.zeros((len(x_all), len(labels)), dtype=np.float32)
    for f in range(FOLDS):
        w, b = V.fit_head(x_all[fold != f] - mean_h, y_all[fold != f], len(labels))
        p_all[fold == f] = V.softmax((x_all[fold == f] - mean_h) @ w + b)
    w, b = V.fit_head(x_all - mean_h, y_all, len(labels))
    clusters = V.fit_clusters(np.unique(np.concatenate(states), axis=0) - mean, VEC_CLUSTERS) if VEC_CLUSTERS else ()
    head = V.VecHead(VEC_TAPS[family], mean, proj, w, b, labels, VEC_SCALE[family], win, clusters)
    V.save(head_path, head)
    acc = float((p_all.argmax(1) == y_all).mean())
    print(f"{family}: head cross-fitted token accuracy {acc:.3f}", flush=True)
    pos = 0
    for (toks, tags), s in zip(sents, states, strict=True):
        x, y = instance(family, toks, tags)
        vf = V.vector_features(s, head, p_all[pos : pos + len(s)])
        pos += len(s)
        yield [{**dict.fromkeys(a, 1.0), **b} for a, b in zip(x, vf, strict=True)], y


def main(argv: list[str] | None = None) -> int:
    """Train the requested families; returns the exit status."""
    global VEC_CLUSTERS, VEC_PCA, CAP
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", required=True)
    ap.add_argument("--family", action="append", choices=sorted(CORPORA))
    ap.add_argument("--max-iter", type=int, help="default: PARAMS of the family")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--vectors", metavar="CACHE_DIR",
                    help="train the encoder-feature models (ner-<family>-e5); word states cached here")
    ap.add_argument("--out", help="model file (default: the shipped one)")
    ap.add_argument("--add", action="append", default=[], metavar="READER:FILE",
                    help="train on one more file of DIR too (e.g. enp:enp_DE.lft.bio), to measure it")
    ap.add_argument("--taps", help="encoder layers to read, e.g. 6, or 0 for the static embeddings (default: VEC_TAPS)")
    ap.add_argument("--window", type=int, help="the head also reads this many neighbours' vectors on each side")
    ap.add_argument("--static", action="store_true",
                    help="train the static-vector models (ner-<family>-static: STATIC settings, no encoder layer)")
    ap.add_argument("--cap", type=int, help="at most this many sentences of each training file")
    ap.add_argument("--clusters", help="k-means granularities of the word vectors, e.g. 64,512 (CRF features)")
    ap.add_argument("--pca", type=int, help=f"principal components as features (default {VEC_PCA})")
    args = ap.parse_args(argv)
    CAP = args.cap
    if args.static:
        args.vectors = args.vectors or args.data  # static vectors are never cached: nothing written
        VEC_PCA, VEC_CLUSTERS = STATIC["pca"], STATIC["clusters"]
        for fam in CORPORA:
            VEC_TAPS[fam], VEC_WINDOW[fam] = (0,), STATIC["window"]
    if args.clusters:
        VEC_CLUSTERS = tuple(int(k) for k in args.clusters.split(","))
    if args.pca is not None:
        VEC_PCA = args.pca
    if args.window is not None:
        for fam in CORPORA:
            VEC_WINDOW[fam] = args.window
    if args.taps:
        taps = tuple(int(t) for t in args.taps.split(","))
        if not all(0 <= t <= 12 for t in taps):
            ap.error("--taps: layers are 0 (static embeddings) to 12")
        for fam in VEC_TAPS:
            VEC_TAPS[fam] = taps
    for extra in args.add:
        kind, _, name = extra.partition(":")
        for fam in args.family or CORPORA:
            CORPORA[fam] = [*CORPORA[fam], (kind, name)]
    for fam in args.family or (VEC_SHIPPED if args.vectors else SHIPPED):  # static: as VEC_SHIPPED
        c1, c2, it = (VEC_PARAMS if args.vectors else PARAMS)[fam]
        train(fam, args.data, args.max_iter or it, c1 if args.c1 is None else args.c1,
              c2 if args.c2 is None else args.c2, args.vectors, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
