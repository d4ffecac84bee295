# newsmon: one image for every command (`newsmon worker`, `newsmon replay`, `newsmon subscribe`).
FROM python:3.11.13-slim-bookworm

# The models ship inside the wheels: HF_HUB_OFFLINE keeps anything from reaching for a hub.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1

WORKDIR /opt/newsmon/src
# Dependencies and code in one layer: the package is small, the wheels are the bulk.
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY services ./services
RUN pip install . && rm -rf /opt/newsmon/src

COPY seeds /opt/newsmon/seeds

# Faust keeps its `<app id>-data` folder in the working directory: give it one it may write.
RUN useradd --system --uid 10001 --home-dir /var/lib/newsmon --create-home newsmon
USER newsmon
WORKDIR /var/lib/newsmon

# /metrics of `newsmon worker` (NEWSMON_METRICS_PORT; replay is +1, subscribe +2).
EXPOSE 9464
CMD ["newsmon", "worker"]
