"""Ground-truth corpus for the scrubbing engine (issue 9): generator.py writes it, evaluate.py
scores the engine on it. Nothing binary is committed: the corpus is generated at test time."""
