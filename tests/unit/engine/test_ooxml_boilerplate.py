"""Default names and prompts Office and LibreOffice write in any language are boilerplate:
not offered for detection, so never residual."""

from __future__ import annotations

import io
import re

import pytest

from scrubbing.engine.base import Limits
from scrubbing.engine.formats import pptx as pptx_format
from scrubbing.engine.formats.ooxml import is_default_name, is_placeholder_text
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders.ooxml import patch_zip, read_zip


@pytest.mark.parametrize(
    "name",
    [
        "Вертикальный текст 2",
        "Заголовок 1",
        "Titre 1",
        "Espace réservé du contenu 2",
        "Textfeld 3",
        "Inhaltsplatzhalter 2",
        "Marcador de contenido 2",
        "Segnaposto testo 3",
        "Tijdelijke aanduiding voor inhoud 2",
        "Symbol zastępczy tekstu 2",
        "コンテンツ プレースホルダー 2",
        "内容占位符 2",
        "Content Placeholder 2",
        "Title and Content",
        "Google Shape;123;p4",
        "Rechteck 4",  # LibreOffice's German name for a rectangle
        "Office Theme",
        "Тема Office",
    ],
)
def test_default_names_in_many_languages(name):
    assert is_default_name(name)


@pytest.mark.parametrize(
    "name",
    ["Jane Doe", "Acme Title 1", "Projekt Falcon 2", "Title 555 12 1234", "Dupont Titre 1", ""],
)
def test_names_people_gave_are_not_boilerplate(name):
    assert not is_default_name(name)


@pytest.mark.parametrize(
    "text",
    [
        "Click to edit Master title style",
        "Образец заголовка",
        "Второй уровень",
        "Titelmasterformat durch Klicken bearbeiten",
        "Modifiez les styles du texte du masque",
        "Haga clic para modificar el estilo de título del patrón",
        "单击此处编辑母版标题样式",
        "Для правки текста заглавия щёлкните мышью",  # LibreOffice, Russian
        "Click or tap here to enter text.",
    ],
)
def test_prompt_texts_in_many_languages(text):
    assert is_placeholder_text(text)


def test_prompt_with_anything_added_is_text():
    assert not is_placeholder_text("Образец заголовка: Jane Doe")
    assert not is_placeholder_text("Second level of Project Falcon")


def _russian_deck() -> bytes:
    """A python-pptx deck renamed and prompted as Russian Office writes it, plus real text."""
    import pptx

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Итоги квартала"
    slide.placeholders[1].text = "Выручка выросла на 12 процентов"
    buf = io.BytesIO()
    prs.save(buf)

    def localise(b: bytes) -> bytes:
        b = re.sub(rb'name="Title \d+"', 'name="Заголовок 1"'.encode(), b)
        b = re.sub(
            rb'name="(Content|Text) Placeholder (\d+)"', 'name="Вертикальный текст 2"'.encode(), b
        )
        b = b.replace(b"Click to edit Master title style", "Образец заголовка".encode())
        b = b.replace(b"Click to edit Master text styles", "Образец текста".encode())
        b = b.replace(b">Second level<", ">Второй уровень<".encode())
        return b.replace(
            b'<p:cSld name="Title and Content">', '<p:cSld name="Заголовок и объект">'.encode()
        )

    names = ["ppt/slides/slide1.xml", "ppt/slideMasters/slideMaster1.xml"]
    names += [f"ppt/slideLayouts/slideLayout{i}.xml" for i in range(1, 12)]
    return patch_zip(buf.getvalue(), edit={n: localise for n in names})


def test_russian_template_text_is_not_offered_for_detection():
    data = _russian_deck()
    slide = read_zip(data)["ppt/slides/slide1.xml"].decode()
    assert "Вертикальный текст 2" in slide and "Заголовок 1" in slide
    doc = pptx_format.open_document(data, Limits())
    texts = {s.text for s in doc.segments}
    for boiler in (
        "Вертикальный текст 2",
        "Заголовок 1",
        "Образец заголовка",
        "Второй уровень",
        "Заголовок и объект",
    ):
        assert boiler not in texts
    assert "Итоги квартала" in texts and "Выручка выросла на 12 процентов" in texts


def test_russian_template_deck_ends_done(detector):
    result = Scrubber().scrub("deck.pptx", _russian_deck(), TermLists(), Pseudonymizer())
    assert result.status == "done", result.report["residual"]
    assert not [f for f in result.findings if "Образец" in f.text or "текст 2" in f.text]
