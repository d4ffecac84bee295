"""The replayer: article files → the Kafka articles topic, in published order."""

from services.replayer.publisher import SEQ_HEADER, Replayer, ReplayPlan, ReplayResult, run_replay

__all__ = ["SEQ_HEADER", "ReplayPlan", "ReplayResult", "Replayer", "run_replay"]
