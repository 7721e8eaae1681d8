FROM python:3.11-slim-bookworm
# LibreOffice (no GUI, sandboxed by bubblewrap) converts legacy Office files; with poppler-utils
# it also draws the page previews of scrubbed files
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr qpdf \
    poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui bubblewrap \
    fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml /app/
COPY . /app
RUN pip install --no-cache-dir . \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput
RUN useradd --create-home --uid 10001 portal && mkdir -p /app/var && chown portal /app/var
# numeric, so Kubernetes can check runAsNonRoot (deploy/k8s)
USER 10001
