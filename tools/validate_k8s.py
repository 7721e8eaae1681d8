"""Validate deploy/k8s offline (`make k8s-validate`, run by .ci/run). Prints one line per error.

- Kubernetes kinds (Deployment, Service, Job, ConfigMap): kubernetes-validate's schemas for
  KUBERNETES_VERSION, strict (an unknown field is an error).
- KEDA ScaledObjects: checked structurally against SCALED_OBJECT below, a JSON Schema of the
  fields these manifests use, written from KEDA's documentation (KEDA's own CRD schema is not
  vendored): the redis trigger needs listName and listLength, the rabbitmq trigger queueName,
  mode and value, and each a way to reach the broker.
- Across files: kustomization.yaml lists every manifest; every ScaledObject scales a worker
  Deployment here and watches the queue that worker consumes (from the ConfigMap); every worker
  of an autoscaled queue has a ScaledObject; pods read the ConfigMap and the Secret
  `portal-secrets`, which is not in the repository, and no manifest holds a Secret.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jsonschema
import kubernetes_validate
import yaml

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.30.0"
SECRET_NAME = "portal-secrets"
FIXED_WORKERS = {"portal-worker-export"}  # not autoscaled (worker-export.yaml says why)

_STR = {"type": "string", "minLength": 1}
_INT = {"type": "integer", "minimum": 0}
_FROM_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_REDIS = {
    "type": "object",
    "required": ["listName", "listLength"],
    "anyOf": [
        {"required": ["address"]},
        {"required": ["addressFromEnv"]},
        {"required": ["host", "port"]},
    ],
    "additionalProperties": {"type": "string"},
    "properties": {
        "listLength": {"pattern": "^[1-9][0-9]*$"},
        "activationListLength": {"pattern": "^[0-9]+$"},
        "databaseIndex": {"pattern": "^[0-9]+$"},
        "addressFromEnv": {"pattern": _FROM_ENV.pattern},
        "passwordFromEnv": {"pattern": _FROM_ENV.pattern},
    },
}
_RABBITMQ = {
    "type": "object",
    "required": ["queueName", "mode", "value"],
    "anyOf": [{"required": ["host"]}, {"required": ["hostFromEnv"]}],
    "additionalProperties": {"type": "string"},
    "properties": {
        "mode": {"enum": ["QueueLength", "MessageRate"]},
        "protocol": {"enum": ["amqp", "http", "auto"]},
        "value": {"pattern": "^[1-9][0-9]*$"},
        "hostFromEnv": {"pattern": _FROM_ENV.pattern},
    },
}


def _of_type(name: str) -> dict:
    return {"properties": {"type": {"const": name}}, "required": ["type"]}


SCALED_OBJECT = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"const": "keda.sh/v1alpha1"},
        "kind": {"const": "ScaledObject"},
        "metadata": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": _STR, "labels": {"type": "object"}},
        },
        "spec": {
            "type": "object",
            "required": ["scaleTargetRef", "triggers"],
            "additionalProperties": False,
            "properties": {
                "scaleTargetRef": {
                    "type": "object",
                    "required": ["name"],
                    "additionalProperties": False,
                    "properties": {"name": _STR, "kind": {"const": "Deployment"}},
                },
                "minReplicaCount": _INT,
                "maxReplicaCount": {"type": "integer", "minimum": 1},
                "pollingInterval": {"type": "integer", "minimum": 1},
                "cooldownPeriod": _INT,
                "advanced": {"type": "object"},
                "triggers": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["type", "metadata"],
                        "properties": {"type": {"enum": ["redis", "rabbitmq"]}},
                        "allOf": [
                            {"if": _of_type("redis"), "then": {"properties": {"metadata": _REDIS}}},
                            {
                                "if": _of_type("rabbitmq"),
                                "then": {"properties": {"metadata": _RABBITMQ}},
                            },
                        ],
                    },
                },
            },
        },
    },
}


def load(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def pod_spec(doc: dict) -> dict | None:
    if doc["kind"] in ("Deployment", "Job"):
        return doc["spec"]["template"]["spec"]
    return None


def consumed_queue(doc: dict, config: dict[str, str]) -> str | None:
    """The queue a worker Deployment consumes: `-Q $(VAR)` resolved through the ConfigMap."""
    command = doc["spec"]["template"]["spec"]["containers"][0].get("command", [])
    if "worker" not in command or "-Q" not in command:
        return None
    value = command[command.index("-Q") + 1]
    match = re.fullmatch(r"\$\((\w+)\)", value)
    return config.get(match.group(1)) if match else value


def check(k8s: Path = K8S) -> list[str]:
    errors: list[str] = []
    kustomization = yaml.safe_load((k8s / "kustomization.yaml").read_text())
    listed = set(kustomization.get("resources", []))
    docs: list[tuple[str, dict]] = []
    for path in sorted(k8s.rglob("*.yaml")):
        rel = str(path.relative_to(k8s))
        if rel == "kustomization.yaml":
            continue
        if "/" not in rel and rel not in listed:
            errors.append(f"{rel}: not listed in kustomization.yaml resources")
        docs += [(rel, doc) for doc in load(path)]
    errors += [f"kustomization.yaml: {r} does not exist" for r in listed if not (k8s / r).exists()]

    for rel, doc in docs:
        where = f"{rel}: {doc.get('kind')} {doc.get('metadata', {}).get('name')}"
        if doc.get("kind") == "Secret":
            errors.append(f"{where}: secrets never live in the repository")
        elif doc.get("kind") == "ScaledObject":
            errors += [f"{where}: {e.message}" for e in _schema_errors(doc)]
        else:
            try:
                kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
            except kubernetes_validate.ValidationError as exc:
                path = ".".join(str(p) for p in exc.path)
                errors.append(f"{where}: {path}: {exc.message}")
            except kubernetes_validate.SchemaNotFoundError as exc:
                errors.append(f"{where}: {exc}")
    if errors:
        return errors  # the cross-file checks below assume well-formed manifests
    return _cross_checks(docs)


def _schema_errors(doc: dict) -> list[jsonschema.ValidationError]:
    return list(jsonschema.Draft202012Validator(SCALED_OBJECT).iter_errors(doc))


def _cross_checks(docs: list[tuple[str, dict]]) -> list[str]:
    errors: list[str] = []
    configs = {
        d["metadata"]["name"]: d.get("data", {}) for _, d in docs if d["kind"] == "ConfigMap"
    }
    config = next(iter(configs.values()), {})
    for rel, doc in docs:
        for key in config if doc["kind"] == "ConfigMap" else ():
            if re.search(r"SECRET|PASSWORD|TOKEN|ENCRYPTION_KEY|ACCESS_KEY", key):
                errors.append(f"{rel}: ConfigMap key {key} belongs in the Secret")
        spec = pod_spec(doc)
        for container in spec["containers"] if spec else ():
            refs = container.get("envFrom", [])
            maps = {r["configMapRef"]["name"] for r in refs if "configMapRef" in r}
            secrets = {r["secretRef"]["name"] for r in refs if "secretRef" in r}
            if not maps or not maps <= set(configs):
                errors.append(f"{rel}: {container['name']} must read a ConfigMap of deploy/k8s")
            if secrets != {SECRET_NAME}:
                errors.append(f"{rel}: {container['name']} must read the Secret {SECRET_NAME}")
    workers = {
        d["metadata"]["name"]: consumed_queue(d, config)
        for _, d in docs
        if d["kind"] == "Deployment" and consumed_queue(d, config)
    }
    scaled: dict[str, set[str]] = {}  # per file: the ScaledObject sets are alternatives
    for rel, doc in docs:
        if doc["kind"] != "ScaledObject":
            continue
        target = doc["spec"]["scaleTargetRef"]["name"]
        scaled.setdefault(rel, set()).add(target)
        if target not in workers:
            errors.append(f"{rel}: {target} is not a worker Deployment of deploy/k8s")
            continue
        for trigger in doc["spec"]["triggers"]:
            queue = trigger["metadata"].get("listName") or trigger["metadata"].get("queueName")
            if queue != workers[target]:
                errors.append(
                    f"{rel}: {target} consumes queue {workers[target]!r}, its trigger "
                    f"watches {queue!r}"
                )
    for rel, targets in scaled.items():
        for missing in sorted(set(workers) - FIXED_WORKERS - targets):
            errors.append(f"{rel}: worker {missing} has no ScaledObject")
    if not scaled:
        errors.append("no ScaledObject: the worker queues are not autoscaled")
    return errors


def main() -> int:
    errors = check()
    for line in errors:
        print(f"ERROR {line}")
    count = sum(len(load(p)) for p in K8S.rglob("*.yaml")) - 1
    print(f"deploy/k8s: {count} resources, {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
