"""deploy/k8s passes tools/validate_k8s.py, and the validator catches what it claims to."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import validate_k8s  # noqa: E402


@pytest.fixture
def k8s(tmp_path) -> Path:
    copy = tmp_path / "k8s"
    shutil.copytree(validate_k8s.K8S, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_the_manifests_validate():
    assert validate_k8s.check() == []


def test_every_kind_that_is_required_is_there():
    kinds = {
        (doc["kind"], doc["metadata"]["name"])
        for path in validate_k8s.K8S.glob("*.yaml")
        if path.name != "kustomization.yaml"
        for doc in validate_k8s.load(path)
    }
    assert {
        ("Deployment", "portal-web"),
        ("Service", "portal-web"),
        ("Deployment", "portal-worker-scrub"),
        ("Deployment", "portal-worker-heavy"),
        ("Deployment", "portal-beat"),
        ("Job", "portal-migrate"),
        ("ConfigMap", "portal-config"),
        ("ScaledObject", "portal-worker-scrub"),
        ("ScaledObject", "portal-worker-heavy"),
    } <= kinds


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("web.yaml", "containerPort: 8000", "containerPort: 8000, hostPorts: 1", "hostPorts"),
        ("beat.yaml", "replicas: 1", 'replicas: "one"', "is not of type"),
        ("scaledobjects.yaml", "listName: heavy", "listName: scrub", "watches 'scrub'"),
        ("scaledobjects.yaml", 'listLength: "2"', 'listLength: "two"', "does not match"),
        ("scaledobjects.yaml", "{name: portal-worker-heavy}", "{name: portal-web}", "not a worker"),
        ("rabbitmq/scaledobjects.yaml", "mode: QueueLength", "mode: Lenght", "is not one of"),
        ("configmap.yaml", 'DEBUG: "0"', 'DEBUG: "0"\n  SECRET_KEY: x', "belongs in the Secret"),
        ("migrate-job.yaml", "name: portal-secrets", "name: other", "must read the Secret"),
    ],
)
def test_a_broken_manifest_is_reported(k8s, file, old, new, message):
    edit(k8s / file, old, new)
    errors = validate_k8s.check(k8s)
    assert any(message in e for e in errors), errors


def test_a_secret_or_an_unlisted_file_is_reported(k8s):
    (k8s / "secret.yaml").write_text(
        "apiVersion: v1\nkind: Secret\nmetadata: {name: portal-secrets}\n"
        "stringData: {SECRET_KEY: x}\n"
    )
    errors = validate_k8s.check(k8s)
    assert any("not listed in kustomization.yaml" in e for e in errors), errors
    assert any("secrets never live in the repository" in e for e in errors), errors


def test_a_worker_without_autoscaling_is_reported(k8s):
    text = (k8s / "scaledobjects.yaml").read_text()
    (k8s / "scaledobjects.yaml").write_text(text.split("\n---\n")[0] + "\n")
    errors = validate_k8s.check(k8s)
    assert any("portal-worker-heavy has no ScaledObject" in e for e in errors), errors
