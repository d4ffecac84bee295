"""The intake child: a dead one is replaced and the article still prepared."""

import json
import os
import signal

import pytest

from services.analysis.config import AnalysisConfig
from services.processor import codec
from services.processor.intake_process import IntakeProcess

pytestmark = pytest.mark.integration

ARTICLE = json.dumps(
    {
        "article_id": "a",
        "source": "Test Wire",
        "body": "Floods forced thousands from their homes in the valley on Sunday, officials said.",
        "language": "en",
    }
).encode()


async def test_a_dead_intake_process_is_replaced() -> None:
    intake = IntakeProcess(AnalysisConfig(), max_body_bytes=1_000_000)
    try:
        language, _ = await intake.prepare(ARTICLE, None, None)
        assert language == "en"
        (child,) = intake._pool._processes  # type: ignore[attr-defined]
        os.kill(child, signal.SIGKILL)
        language, message = await intake.prepare(ARTICLE, None, None)
        assert language == "en" and codec.loads(message)["prepared"]["article"]["article_id"] == "a"
        assert child not in intake._pool._processes  # type: ignore[attr-defined]
    finally:
        intake._pool.shutdown(wait=True, cancel_futures=True)
