"""The engine's settings are Django settings, handed to the engine once (configure_engine, run by
ScrubbingConfig.ready); the engine itself reads no environment."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings

from scrubbing.engine import cache, convert
from scrubbing.engine.pipeline import Pseudonymizer, Scrubber, TermLists
from scrubbing.scrubber import configure_engine, converter_config
from tests.import_graph import ROOT

RTF = b"{\\rtf1\\ansi Notes from Jane Doe.\\par}"


@pytest.fixture
def engine_settings(settings, converter) -> Iterator[object]:
    """Django's `settings` fixture; the engine's configuration comes back after the test."""
    cache_chars = cache.HitCache().max_chars
    yield settings
    cache.configure(cache_chars)


def test_the_app_configured_the_engine_from_the_settings_at_start():
    assert convert.config() == converter_config()
    assert convert.config().program == django_settings.SCRUB_SOFFICE
    assert cache.HitCache().max_chars == django_settings.SCRUB_DETECT_CACHE_CHARS


def test_scrub_soffice_names_the_program_the_engine_runs(engine_settings):
    engine_settings.SCRUB_SOFFICE = "/nonexistent/soffice"
    configure_engine()
    result = Scrubber().scrub("notes.rtf", RTF, TermLists(), Pseudonymizer())
    assert result.status == "failed"
    assert "cannot be converted: LibreOffice is not installed on this server" in result.error


def test_scrub_convert_seconds_is_the_converters_time_limit(engine_settings):
    engine_settings.SCRUB_SOFFICE = sys.executable  # a program that exists; it never starts
    engine_settings.SCRUB_CONVERT_SECONDS = 0.2
    configure_engine()
    assert convert.time_limit() == 0.2
    with convert._LOCK, pytest.raises(convert.RunnerBusy) as busy:  # another run holds it
        convert.run_soffice({"a.rtf": RTF}, "docx")
    assert busy.value.seconds == 0.2


def test_scrub_convert_sandbox_picks_the_sandbox(engine_settings):
    engine_settings.SCRUB_CONVERT_SANDBOX = "none"
    configure_engine()
    assert convert.sandbox() == "none"
    engine_settings.SCRUB_CONVERT_SANDBOX = "chroot"  # not one we know: refused at start
    with pytest.raises(ValueError, match="sandbox must be one of auto, bwrap, unshare, none"):
        configure_engine()


def test_scrub_detect_cache_chars_sizes_the_detection_cache(engine_settings):
    engine_settings.SCRUB_DETECT_CACHE_CHARS = 1_000
    configure_engine()
    answers = cache.HitCache()
    answers.put(("x" * 999, (), True, 0), [])
    answers.put(("y" * 1_001, (), True, 0), [])  # longer than the whole cache: not kept
    assert answers.max_chars == 1_000 and len(answers) == 1


def test_the_engine_reads_no_environment():
    """No os.environ / os.getenv in scrubbing/engine, except where the engine sets a variable
    for a program it starts (Tesseract's thread count)."""
    allowed = {("scrubbing/engine/formats/image.py", "OMP_THREAD_LIMIT")}
    found = set()
    for path in sorted((ROOT / "scrubbing" / "engine").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                parent_call = next(
                    (
                        n
                        for n in ast.walk(tree)
                        if isinstance(n, ast.Call)
                        and isinstance(n.func, ast.Attribute)
                        and n.func.value is node
                    ),
                    None,
                )
                first = (
                    parent_call.args[0] if parent_call is not None and parent_call.args else None
                )
                name = first.value if isinstance(first, ast.Constant) else None
                found.add((path.relative_to(ROOT).as_posix(), name))
    assert found == allowed
