"""Over-redaction probe on technical prose that nobody here wrote and the engine never reads.

    .venv/bin/python tests/corpus/independent/probe.py [--source metadata] [--limit 200] [--show]
    .venv/bin/python tests/corpus/independent/probe.py --source debian-doc   # numbers only

Five sources, all already on this machine, all real technical writing the engine never reads:

* `metadata` (DEV: look at its spans freely): the long descriptions (README text) in the
  METADATA of every package installed in this virtualenv (.venv/.../*.dist-info/METADATA);
* `pydoc` (DEV): the help topics of the standard library (`pydoc_data.topics`: the language
  reference as `help("FORMATTING")` shows it);
* `man` (DEV): manual pages of sections 1, 5 and 8 under /usr/share/man, rendered to plain
  text by `man -l` (a stable sample by hash of the file name with --limit, one page per
  family of names: `gcloud_*` alone has thousands; the names in an AUTHOR section are
  people, as the METADATA authors are);
* `debian-doc` (CHECK: numbers only unless --show): README files under /usr/share/doc of the
  Debian system (gzipped ones included);
* `docstrings` (CHECK: numbers only unless --show): the module docstrings (read with `ast`,
  nothing imported) of the Python files of the packages installed in this virtualenv.

A CHECK source is never looked at span by span: it says whether a fix made on the DEV ones
holds on text nobody tuned against.

Each text goes through the upload path (Scrubber.analyze -> assign -> finish, as a README.md
or README.txt, no deny-list) like the independent slice's "ours (files)". Reported: every span
redacted, by type, with the most frequent texts; and the share of "terms" destroyed, as the
slice counts it (prose.survive_terms, re-implemented in `terms_of`: capitalised words not first in a sentence, CamelCase,
ALL-CAPS, dotted identifiers). The author's and maintainer's names from the METADATA header are
people: they are left out of the terms, and how often they survive in the body is shown
(`author words kept`, which should stay low: those are true positives).
"""

from __future__ import annotations

import argparse
import email.parser
import faulthandler
import gzip
import hashlib
import re
import sys
import sysconfig
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.evaluate import setup_django  # noqa: E402
from tests.corpus.independent.prose import _TERM  # noqa: E402
from tests.corpus.independent.score import blank, count  # noqa: E402

_TERM_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "CODENAME", "CLIENT", "ORG")


@dataclass
class Text:
    source: str  # package or file it came from
    name: str  # the file name given to the engine
    body: str
    people: set[str] = field(default_factory=set)  # author / maintainer names (true positives)


def metadata_texts(chars: int) -> list[Text]:
    site = Path(sysconfig.get_paths()["purelib"])
    out = []
    for meta in sorted(site.glob("*.dist-info/METADATA")):
        msg = email.parser.Parser().parsestr(meta.read_text("utf-8", "replace"))
        body = msg.get_payload() or msg.get("Description") or ""
        if not isinstance(body, str) or len(body.split()) < 40:
            continue
        people = set()
        for key in ("Author", "Maintainer", "Author-email", "Maintainer-email"):
            for value in msg.get_all(key) or []:
                for part in re.split(r"[,;]| and ", value):
                    part = re.sub(r"<[^>]*>|\S+@\S+", "", part).strip(" \"'")
                    if " " in part and len(part) < 40:
                        people.add(part)
        ctype = (msg.get("Description-Content-Type") or "").lower()
        name = "README.md" if "markdown" in ctype else "README.txt"
        out.append(Text(meta.parent.name, name, body[:chars], people))
    return out


def debian_doc_texts(chars: int) -> list[Text]:
    out = []
    for path in sorted(Path("/usr/share/doc").glob("*/README*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            try:
                raw = gzip.decompress(raw)
            except OSError:
                continue
        body = raw.decode("utf-8", "replace")
        if len(body.split()) < 40 or "\x00" in body:
            continue
        name = "README.md" if ".md" in path.name else "README.txt"
        out.append(Text(f"{path.parent.name}/{path.name}", name, body[:chars]))
    return out


def pydoc_texts(chars: int, limit: int = 0) -> list[Text]:
    from pydoc_data.topics import topics

    out = []
    for key in sorted(topics):
        body = topics[key]
        if len(body.split()) >= 40:
            out.append(Text(f"pydoc/{key}", "README.txt", body[:chars]))
    return out


_MAN_SECTION = re.compile(r"^[A-Z][A-Z ]+$", re.M)
_MAN_AUTHOR = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z]\.)?(?:[ \t][A-Z][a-z]+){1,2}")


def _man_people(rendered: str) -> set[str]:
    """The names in the AUTHOR(S) section of a rendered manual page."""
    m = re.search(r"(?m)^AUTHORS?$", rendered)
    if not m:
        return set()
    nxt = _MAN_SECTION.search(rendered, m.end() + 1)
    section = rendered[m.end() : nxt.start() if nxt else len(rendered)]
    return {n for n in _MAN_AUTHOR.findall(section) if not n.startswith(("Written", "The "))}


def man_texts(chars: int, limit: int = 0) -> list[Text]:
    import os
    import subprocess

    paths = [
        p
        for sec in ("man1", "man5", "man8")
        for p in Path("/usr/share/man", sec).glob("*")
        if p.is_file()
    ]
    paths.sort(key=lambda p: hashlib.sha256(p.name.encode()).digest())
    env = {**os.environ, "MANWIDTH": "100", "LANG": "C.UTF-8", "MAN_KEEP_FORMATTING": ""}
    out = []
    families: set[str] = set()
    for path in paths:
        if limit and len(out) >= limit:
            break
        family = re.split(r"[._\-]", path.name)[0]
        if family in families:  # one page of a family: gcloud alone has thousands
            continue
        families.add(family)
        try:
            rendered = subprocess.run(
                ["man", "-P", "cat", "-l", str(path)],
                capture_output=True, text=True, env=env, timeout=30, check=False,
            ).stdout  # fmt: skip
        except subprocess.TimeoutExpired:
            continue
        rendered = re.sub(r".\x08", "", rendered)
        if len(rendered.split()) < 40:
            continue
        out.append(Text(f"man/{path.name}", "README.txt", rendered[:chars], _man_people(rendered)))
    return out


def docstring_texts(chars: int, limit: int = 0) -> list[Text]:
    import ast

    site = Path(sysconfig.get_paths()["purelib"])
    out = []
    for path in sorted(site.glob("*/**/*.py")):
        if "tests" in path.parts or "test" in path.parts:
            continue
        try:
            doc = ast.get_docstring(ast.parse(path.read_text("utf-8", "replace")))
        except (SyntaxError, ValueError):
            continue
        if doc and len(doc.split()) >= 60:
            out.append(Text(str(path.relative_to(site)), "README.txt", doc[:chars]))
    return out


SOURCES = {
    "metadata": metadata_texts,
    "pydoc": pydoc_texts,
    "man": man_texts,
    "debian-doc": debian_doc_texts,
    "docstrings": docstring_texts,
}
#: sources whose spans are never listed (numbers only): the honest check
CHECK_SOURCES = ("debian-doc", "docstrings")


_LINKS = re.compile(r"(?:https?://|www\.)[^\s)\]>\"'`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINE_LEAD = re.compile(r"^[ \t]*(?:[-*#|>]+[ \t]*|\d+\.[ \t]+)*$")
_SENT_END = re.compile(r"[.!?:][ \t\n]+$")


def terms_of(text: str) -> list[str]:
    """`prose.survive_terms` for long real texts: the same terms, with a sentence-start test
    that cannot backtrack for ever on reST underlines and Markdown table rules."""
    out: dict[str, None] = {}
    for m in _TERM.finditer(text):
        w = m.group(0)
        looks = w[0].isupper() or any(c.isupper() for c in w[1:]) or re.search(r"[._]", w)
        if not looks or len(w) < 3:
            continue
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        before = text[max(0, m.start() - 8) : m.start()]
        starts = _LINE_LEAD.match(line) or _SENT_END.search(before) or m.start() == 0
        if w[0].isupper() and w[1:].islower() and starts:
            continue
        out.setdefault(w)
    return list(out)


def scrub(t: Text) -> tuple[str, list]:
    from scrubbing.engine.pipeline import Pseudonymizer, TermLists
    from scrubbing.scrubber import get_scrubber

    scrubber = get_scrubber()
    analysis = scrubber.analyze(t.name, t.body.encode(), TermLists())
    scrubber.assign(analysis, Pseudonymizer(mode="placeholder"))
    r = scrubber.finish(analysis)
    return (r.output or b"").decode("utf-8", "replace"), r.findings


def _context(body: str, text: str) -> str:
    i = body.find(text)
    if i < 0:
        return ""
    return re.sub(r"\s+", " ", body[max(0, i - 40) : i + len(text) + 40])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", choices=tuple(SOURCES), default="metadata")
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts (0: all)")
    ap.add_argument("--chars", type=int, default=6000, help="first characters of each text")
    ap.add_argument("--show", action="store_true", help="list every span (default for dev)")
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--progress", action="store_true")
    args = ap.parse_args(argv)
    show = args.show or args.source not in CHECK_SOURCES
    setup_django()
    if args.source == "man":  # rendering is slow: only the sample is rendered
        texts = man_texts(args.chars, args.limit)
    else:
        texts = SOURCES[args.source](args.chars)
    if args.limit:  # a stable sample, by hash of the source name
        texts = sorted(texts, key=lambda t: hashlib.sha256(t.source.encode()).digest())
        texts = texts[: args.limit]
    by_type: Counter[str] = Counter()
    spans: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], str] = {}
    sources: dict[tuple[str, str], Counter[str]] = {}
    terms_total = terms_lost = 0
    lost: Counter[str] = Counter()
    people_total = people_kept = 0
    words = 0
    for i, t in enumerate(texts):
        t0 = time.perf_counter()
        faulthandler.dump_traceback_later(120)  # a text that hangs says where
        out, findings = scrub(t)
        faulthandler.cancel_dump_traceback_later()
        if args.progress:
            print(f"{i + 1}/{len(texts)} {t.source} {time.perf_counter() - t0:.1f}s", flush=True)
        words += len(re.findall(r"\w+", t.body))
        for f in findings:
            by_type[f.entity_type] += 1
            if f.entity_type in _TERM_TYPES:
                key = (f.entity_type, f.text)
                spans[key] += 1
                sources.setdefault(key, Counter())[f.source] += 1
                where.setdefault(key, f"{t.source}: {_context(t.body, f.text)}")
        parts = t.people | {w for p in t.people for w in p.split() if len(w) > 2}
        for p in t.people:
            n = count(p, t.body)
            people_total += n
            people_kept += min(n, count(p, out))
        # terms inside URLs and e-mail addresses go with them (the URL finding): not counted
        body_in = _LINKS.sub(" ", blank(t.body, parts) if parts else t.body)
        body_out = _LINKS.sub(" ", blank(out, parts) if parts else out)
        for term in terms_of(body_in):
            terms_total += 1
            if count(term, body_out) < count(term, body_in):
                terms_lost += 1
                lost[term] += 1
    print(f"source {args.source}: {len(texts)} texts, {words:,} words")
    print("spans by type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))
    name_spans = sum(n for (ty, _x), n in spans.items())
    print(f"name-like spans (PERSON/ORG/LOCATION/CODENAME/CLIENT): {name_spans}")
    print(f"  per 1,000 words: {1000 * name_spans / max(words, 1):.2f}")
    rate = terms_lost / max(terms_total, 1)
    print(f"terms destroyed (outside links): {terms_lost}/{terms_total} = {rate:.3%}")
    print(f"author/maintainer names in the bodies kept: {people_kept}/{people_total}")
    if show:
        print("\n## spans (count, type, text, first context)")
        for (ty, text), n in spans.most_common(args.top):
            src = ",".join(sorted(sources[(ty, text)]))
            print(f"{n:3d} {ty:12s} {text!r:32s} [{src}] {where[(ty, text)]}")
        print("\n## terms destroyed (most frequent)")
        print(", ".join(f"{w} ({n})" for w, n in lost.most_common(150)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
