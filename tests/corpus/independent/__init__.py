"""The independent evaluation slice (issue 18, item 8): hand-written names, addresses,
companies, code names and phone forms that no recognizer reads, in documents shaped like real
ones. See tests/corpus/README.md."""
