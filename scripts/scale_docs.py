"""Document pairs for the scale scripts (scripts/eval-scale, scripts/bench-scale): short
documents of consecutive Bible verses (the TED-talk size of web-crawled pairs: 3 to 8 verses, a
few hundred characters), made from ../shared/eval/align/bible with its verse maps, and the
mac-dev chapters whole."""

import os


def bible_verses(shared):
    """(verse id, Chinese text, English text) in order, for verses both sides have."""
    base = os.path.join(shared, "eval", "align", "bible")

    def side(lang):
        with open(os.path.join(base, lang, "006.txt"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        with open(os.path.join(base, "verse", f"{lang}.verse"), encoding="utf-8") as f:
            verses = f.read().splitlines()[: len(lines)]
        out, order = {}, []
        for v, line in zip(verses, lines):
            if v not in out:
                out[v] = []
                order.append(v)
            out[v].append(line.strip())
        return out, order

    zh, order = side("zh")
    en, _ = side("en")
    return [(v, "".join(zh[v]), " ".join(en[v])) for v in order if v in en]


def short_pairs(shared, n):
    """`n` document pairs (name, zh, en) of 3 to 8 consecutive verses, cycling through the
    Bible when `n` asks for more than it has."""
    verses = bible_verses(shared)
    pairs, at, k = [], 0, 0
    while len(pairs) < n:
        size = 3 + k % 6
        if at + size > len(verses):
            at = 0
        chunk = verses[at:at + size]
        pairs.append((f"p{len(pairs):06d}", "".join(c[1] for c in chunk), " ".join(c[2] for c in chunk)))
        at += size
        k += 1
    return pairs


def one_verse_pairs(shared, n):
    """`n` pairs of one verse each (the stdin pipeline's short lines), cycling."""
    verses = bible_verses(shared)
    return [(f"v{k:06d}", verses[k % len(verses)][1], verses[k % len(verses)][2]) for k in range(n)]


def mac_dev_pairs(shared):
    """The mac-dev chapters whole: (name, zh, en)."""
    base = os.path.join(shared, "eval", "align", "mac-dev")
    out = []
    for name in sorted(os.listdir(os.path.join(base, "zh"))):
        paths = [os.path.join(base, lang, name) for lang in ("zh", "en")]
        if all(os.path.exists(p) for p in paths):
            texts = []
            for p in paths:
                with open(p, encoding="utf-8") as f:
                    texts.append(f.read())
            out.append((f"mac-{name[:-4]}", texts[0], texts[1]))
    return out


def write_batch(pairs, directory):
    """Writes the pairs as files and a pairs list for `bitext align --batch`; returns its path
    and the documents' paths as the batch names them."""
    os.makedirs(os.path.join(directory, "zh"), exist_ok=True)
    os.makedirs(os.path.join(directory, "en"), exist_ok=True)
    lines, paths = [], {}
    for name, zh, en in pairs:
        for lang, text in (("zh", zh), ("en", en)):
            with open(os.path.join(directory, lang, f"{name}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        lines.append(f"zh/{name}.txt\ten/{name}.txt\t{name}")
        paths[name] = (os.path.join(directory, "zh", f"{name}.txt"), os.path.join(directory, "en", f"{name}.txt"))
    listing = os.path.join(directory, "pairs.tsv")
    with open(listing, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return listing, paths
