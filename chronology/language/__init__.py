"""Language knowledge and the learned models that read English: tokens, part-of-speech tags, event mentions.

Models are averaged perceptrons (`perceptron.py`) whose weights ship in `data/`; each has a training module
(`train_pos`, `train_parser`, `train_events`: `python -m chronology.language.train_pos --help`) that rebuilds it
deterministically from the corpora in `../shared/data/`.
"""
