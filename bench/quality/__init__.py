"""`make bench-quality`: how well the analysis reads news it was not written for.

Three parts, each split into `dev` (rules may be tuned on it) and `holdout` (never tuned
on, reported apart): figure sentences in five languages, fictional multilingual feeds
with gold copies, stories, figure changes and claims, and real article pairs mined from
SemEval-2022 task 8 train.  How the corpus was written: corpus/README.md.
"""
