"""Observability: the Prometheus metrics every long-running command exports.

`metrics.py` is the only place that defines a metric; the services call its methods.
"""

from services.observe.metrics import Metrics, MetricsServer, default_metrics, metrics_port, serve_metrics

__all__ = ["Metrics", "MetricsServer", "default_metrics", "metrics_port", "serve_metrics"]
