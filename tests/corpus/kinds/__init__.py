"""Two slices of `make eval` that measure what the engine does to whole kinds of files.

- `code_files`: code, data and markup files (issue 20) whose numbers, syntax, keywords and
  well-known names must come out untouched, each holding a few planted personal values.
- `format_files`: one file of every format the engine reads (issue 15), each made by the
  library that makes that format, carrying values from the independent slice's lists.

`run.py` scrubs both through the upload code path and writes their sections of
docs/quality.md; `tests/unit/test_kinds_slices.py` builds both and checks their ground truth.
"""
