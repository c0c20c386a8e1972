#!/usr/bin/env python3
"""Validate Kubernetes manifests against upstream schemas, strictly.

Every document that has both `apiVersion` and `kind` is checked:

* Built-in Kubernetes groups (core, apps, batch, autoscaling, policy and every
  `*.k8s.io` group for which no CRD was given) are validated with
  kubernetes-validate in strict mode (unknown fields are errors), once for each
  `--k8s-version`.
* Any other group must be served by a CustomResourceDefinition found in one of
  the `--crd-dir` directories. The document is validated with jsonschema
  against that CRD version's `openAPIV3Schema`, made strict the way
  `kubectl apply --validate=strict` is: an object schema with `properties` and
  neither `additionalProperties` nor `x-kubernetes-preserve-unknown-fields`
  is closed; `x-kubernetes-int-or-string` accepts an integer or a string;
  `x-kubernetes-embedded-resource` objects may carry apiVersion, kind and
  metadata; `metadata` is checked against the upstream ObjectMeta schema.
  Null object fields are dropped first, as the API server does. CEL rules
  (`x-kubernetes-validations`) and formats are not evaluated.
* A document whose group has no CRD is an error, so nothing goes unchecked.
* Pod templates inside custom resources are validated against the core
  schema: Kubeflow `spec.*ReplicaSpecs.<Role>.template`, JobSet
  `spec.replicatedJobs[].template.spec.template` and Volcano
  `spec.tasks[].template`. Each is wrapped as
  `{apiVersion: v1, kind: PodTemplate, metadata: {name: <cr-name>-<role>},
  template: <template>}` and validated with kubernetes-validate in strict mode
  for each `--k8s-version`, as a built-in object is (the CRDs in
  tests/data/crds carry these templates reduced to an open object, see
  SOURCES.md there). The API server's own checks that the OpenAPI schema does
  not express are applied too: the enumerations of restartPolicy,
  imagePullPolicy, terminationMessagePolicy and port protocol; for a Job's pod
  template, restartPolicy Never or OnFailure; for Kubeflow and JobSet, the
  template metadata fields that their CRDs allow (annotations, finalizers,
  labels, name, namespace); and label and annotation keys and values.

Every document also gets the API server's name checks: metadata.name must be
a DNS-1123 subdomain (unless generateName is used), metadata.namespace a
DNS-1123 label, label keys and annotation keys qualified names, label values
valid label values.

Inputs are files or directories (searched recursively for *.yaml, *.yml,
*.json and *.snap). Files may be multi-document YAML, JSON (a `kind: List`
or an array of objects is expanded) or insta snapshots (`*.snap`: the header
between the first two `---` lines is removed). Files that hold no Kubernetes
object (error messages, lint reports) are counted and skipped.

Exit status: 0 when every document passed, 1 when any failed or when no
document was validated at all, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

try:
    import jsonschema
    import kubernetes_validate
    import referencing
    import referencing.jsonschema
    import yaml
    from kubernetes_validate import utils as kv_utils
except ImportError as exc:  # pragma: no cover - environment problem
    print(
        f"error: missing dependency ({exc}); install kubernetes-validate, jsonschema and pyyaml",
        file=sys.stderr,
    )
    sys.exit(2)

INPUT_SUFFIXES = (".yaml", ".yml", ".json", ".snap")
CRD_SUFFIXES = (".yaml", ".yml")
DEFINITIONS_ID = "https://kubernetes.io/api/_definitions.json"
OBJECT_META_REF = DEFINITIONS_ID + "#/$defs/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
MAX_ERRORS_PER_DOC = 20

DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
QUALIFIED_NAME_PART = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")

# Pod template checks the API server makes in code (k8s.io/kubernetes
# pkg/apis/core/validation, pkg/apis/batch/validation) that the OpenAPI schemas
# used by kubernetes-validate do not express.
RESTART_POLICIES = ("Always", "OnFailure", "Never")
JOB_RESTART_POLICIES = ("OnFailure", "Never")
CONTAINER_ENUMS = {
    "imagePullPolicy": ("Always", "Never", "IfNotPresent"),
    "terminationMessagePolicy": ("File", "FallbackToLogsOnError"),
}
PORT_PROTOCOLS = ("TCP", "UDP", "SCTP")
# The ObjectMeta that controller-gen embeds in a CRD's pod template (the
# Kubeflow and JobSet CRDs were generated with generateEmbeddedObjectMeta).
EMBEDDED_META_FIELDS = ("annotations", "finalizers", "labels", "name", "namespace")


class UsageError(Exception):
    pass


# --------------------------------------------------------------------------- YAML


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings and rejects duplicate keys."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
        except TypeError:
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"found duplicate key {key!r}", key_node.start_mark,
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_value(loader: StrictLoader, node: yaml.Node) -> str:
    # A plain `=` scalar (yaml/pyyaml#89).
    return str(node.value)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:value", _construct_value)


def strip_snapshot_header(text: str) -> str:
    """Remove the insta header: everything up to and including the second `---` line."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return text
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") == "---":
            return "".join(lines[index + 1:])
    return text


def looks_like_manifest(text: str) -> bool:
    return bool(re.search(r"(?m)^\s*\"?apiVersion\"?\s*:", text)) and bool(
        re.search(r"(?m)^\s*\"?kind\"?\s*:", text)
    )


def iter_objects(value: Any) -> Iterator[dict]:
    """Yield Kubernetes objects: dicts with apiVersion and kind; Lists are expanded."""
    if isinstance(value, list):
        for item in value:
            yield from iter_objects(item)
    elif isinstance(value, dict) and "apiVersion" in value and "kind" in value:
        if value.get("kind") == "List" and isinstance(value.get("items"), list):
            for item in value["items"]:
                yield from iter_objects(item)
        else:
            yield value


# --------------------------------------------------------------------------- CRDs


def _close_schema(node: Any, in_junctor: bool = False) -> Any:
    """Return a JSON Schema (2020-12) equivalent of a structural schema, made strict."""
    if not isinstance(node, dict):
        return node
    out: dict = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: _close_schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = _close_schema(value, in_junctor=in_junctor or key == "not")
        elif key in ("allOf", "anyOf", "oneOf") and isinstance(value, list):
            out[key] = [_close_schema(sub, in_junctor=True) for sub in value]
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            continue  # rewritten below from OpenAPI 3.0 form
        elif key == "nullable" or key.startswith("x-kubernetes-") or key in ("default", "example", "externalDocs"):
            continue
        else:
            out[key] = value

    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if node.get(bound) is True and limit in node:
            out[bound] = node[limit]
            out.pop(limit, None)

    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        if "anyOf" not in out and "oneOf" not in out:
            out["anyOf"] = [{"type": "integer"}, {"type": "string"}]

    preserve = bool(node.get("x-kubernetes-preserve-unknown-fields"))
    if node.get("x-kubernetes-embedded-resource"):
        props = out.setdefault("properties", {})
        props.setdefault("apiVersion", {"type": "string"})
        props.setdefault("kind", {"type": "string"})
        props.setdefault("metadata", {"$ref": OBJECT_META_REF})

    is_object = out.get("type") == "object" or "properties" in out
    if (
        is_object
        and not in_junctor
        and not preserve
        and "additionalProperties" not in out
        and not node.get("x-kubernetes-int-or-string")
    ):
        out["additionalProperties"] = False

    if node.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


def drop_null_fields(value: Any) -> Any:
    """Remove null-valued object fields, as the API server prunes them before validation."""
    if isinstance(value, dict):
        return {k: drop_null_fields(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_null_fields(v) for v in value]
    return value


@dataclass
class CrdVersion:
    crd_name: str
    source: Path
    served: bool
    schema: dict
    validator: Any


@dataclass
class Catalog:
    versions: dict = field(default_factory=dict)  # (group, version, kind) -> CrdVersion
    groups: set = field(default_factory=set)
    files: int = 0


def build_crd_validator(schema: dict, registry: referencing.Registry) -> Any:
    root = _close_schema(copy.deepcopy(schema))
    # apiVersion, kind and metadata are always allowed at the root, as the API server does.
    props = root.setdefault("properties", {})
    props.setdefault("apiVersion", {"type": "string"})
    props.setdefault("kind", {"type": "string"})
    props["metadata"] = {"$ref": OBJECT_META_REF}
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return jsonschema.Draft202012Validator(root, registry=registry)


def load_crds(dirs: list[Path], registry: referencing.Registry) -> Catalog:
    catalog = Catalog()
    for directory in dirs:
        if not directory.is_dir():
            print(
                f"warning: CRD directory {directory} does not exist; documents needing its CRDs will fail",
                file=sys.stderr,
            )
            continue
        for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in CRD_SUFFIXES):
            try:
                docs = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=StrictLoader))
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise UsageError(f"cannot parse {path}: {exc}") from exc
            found = False
            for doc in docs:
                if not isinstance(doc, dict) or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc.get("spec") or {}
                group = spec.get("group")
                kind = (spec.get("names") or {}).get("kind")
                crd_name = (doc.get("metadata") or {}).get("name", f"{kind}.{group}")
                for version in spec.get("versions") or []:
                    schema = ((version.get("schema") or {}).get("openAPIV3Schema"))
                    if not group or not kind or not isinstance(schema, dict):
                        raise UsageError(f"{path}: CRD {crd_name} version {version.get('name')} has no openAPIV3Schema")
                    key = (group, version["name"], kind)
                    if key in catalog.versions:
                        other = catalog.versions[key]
                        if other.schema != schema:
                            raise UsageError(
                                f"{path}: {group}/{version['name']} {kind} is already defined, "
                                f"with a different schema, by {other.source}"
                            )
                        continue
                    catalog.versions[key] = CrdVersion(
                        crd_name=crd_name,
                        source=path,
                        served=bool(version.get("served", False)),
                        schema=schema,
                        validator=build_crd_validator(schema, registry),
                    )
                    catalog.groups.add(group)
                    found = True
            if found:
                catalog.files += 1
    return catalog


# --------------------------------------------------------------------------- checks


def split_api_version(api_version: str) -> tuple[str, str]:
    if "/" in api_version:
        group, version = api_version.split("/", 1)
        return group, version
    return "", api_version


def is_builtin_group(group: str) -> bool:
    return group == "" or "." not in group or group.endswith(".k8s.io")


def format_path(path: Any) -> str:
    parts = [str(p) for p in path]
    return ".".join(parts) if parts else "<root>"


def metadata_problems(doc: dict) -> list[str]:
    meta = doc.get("metadata")
    if not isinstance(meta, dict):
        return ["metadata: must be an object with a name"]
    problems = []
    name = meta.get("name")
    if name is None:
        if not meta.get("generateName"):
            problems.append("metadata.name: Required value")
    elif not isinstance(name, str) or len(name) > 253 or not DNS1123_SUBDOMAIN.match(name):
        problems.append(f"metadata.name: {name!r} is not a valid DNS-1123 subdomain")
    namespace = meta.get("namespace")
    if namespace is not None and (not isinstance(namespace, str) or len(namespace) > 63 or not DNS1123_LABEL.match(namespace)):
        problems.append(f"metadata.namespace: {namespace!r} is not a valid DNS-1123 label")
    return problems + label_problems(meta, "metadata")


def label_problems(meta: dict, where: str) -> list[str]:
    """Label and annotation key checks, and label value checks, of one metadata object."""
    problems = []
    for field_name in ("labels", "annotations"):
        values = meta.get(field_name)
        if values is None:
            continue
        if not isinstance(values, dict):
            problems.append(f"{where}.{field_name}: must be a map of strings")
            continue
        for key, value in values.items():
            if not qualified_name_ok(key):
                problems.append(f"{where}.{field_name}: key {key!r} is not a valid qualified name")
            if not isinstance(value, str):
                problems.append(f"{where}.{field_name}.{key}: {value!r} is not a string")
            elif field_name == "labels" and (len(value) > 63 or not LABEL_VALUE.match(value)):
                problems.append(f"{where}.labels.{key}: {value!r} is not a valid label value")
    return problems


def qualified_name_ok(key: Any) -> bool:
    if not isinstance(key, str) or not key:
        return False
    prefix, _, name = key.rpartition("/")
    if "/" in key and (not prefix or len(prefix) > 253 or not DNS1123_SUBDOMAIN.match(prefix)):
        return False
    return len(name) <= 63 and bool(QUALIFIED_NAME_PART.match(name))


@dataclass
class PodTemplateRef:
    path: list  # where the template sits in its document
    role: str
    template: Any
    in_job: bool  # a Job's pod template: restartPolicy must be Never or OnFailure
    embedded_meta: bool  # the CRD allows only EMBEDDED_META_FIELDS in its metadata


def pod_templates(doc: dict) -> list[PodTemplateRef]:
    """The pod templates of a custom resource whose kind is known to embed them."""
    group, _ = split_api_version(doc["apiVersion"])
    kind = doc["kind"]
    spec = doc.get("spec")
    found: list[PodTemplateRef] = []
    if not isinstance(spec, dict):
        return found
    if group == "kubeflow.org":
        # PyTorchJob, TFJob, MPIJob, XGBoostJob, PaddleJob, JAXJob (kubeflow.org/v1)
        for key, replicas in spec.items():
            if not key.endswith("ReplicaSpecs") or not isinstance(replicas, dict):
                continue
            for role, replica in replicas.items():
                if isinstance(replica, dict) and replica.get("template") is not None:
                    found.append(PodTemplateRef(["spec", key, role, "template"], str(role),
                                                replica["template"], in_job=False, embedded_meta=True))
    elif group == "jobset.x-k8s.io" and kind == "JobSet":
        jobs = spec.get("replicatedJobs")
        for index, job in enumerate(jobs if isinstance(jobs, list) else []):
            job_template = job.get("template") if isinstance(job, dict) else None
            job_spec = job_template.get("spec") if isinstance(job_template, dict) else None
            if isinstance(job_spec, dict) and job_spec.get("template") is not None:
                found.append(PodTemplateRef(["spec", "replicatedJobs", index, "template", "spec", "template"],
                                            str(job.get("name") or index), job_spec["template"],
                                            in_job=True, embedded_meta=True))
    elif group == "batch.volcano.sh" and kind == "Job":
        tasks = spec.get("tasks")
        for index, task in enumerate(tasks if isinstance(tasks, list) else []):
            if isinstance(task, dict) and task.get("template") is not None:
                found.append(PodTemplateRef(["spec", "tasks", index, "template"], str(task.get("name") or index),
                                            task["template"], in_job=False, embedded_meta=False))
    return found


def pod_template_problems(ref: PodTemplateRef) -> list[str]:
    """The API server's checks of a pod template that the OpenAPI schema does not express."""
    template = ref.template
    if not isinstance(template, dict):
        return []  # the schema check reports the type
    where = format_path(ref.path)
    problems = []
    meta = template.get("metadata")
    if isinstance(meta, dict):
        if ref.embedded_meta:
            for key in meta:
                if key not in EMBEDDED_META_FIELDS:
                    problems.append(f"{where}.metadata: field {key!r} is not allowed here "
                                    f"(the CRD's template metadata has only {', '.join(EMBEDDED_META_FIELDS)})")
        problems += label_problems(meta, f"{where}.metadata")
    spec = template.get("spec")
    if not isinstance(spec, dict):
        return problems
    allowed = JOB_RESTART_POLICIES if ref.in_job else RESTART_POLICIES
    policy = spec.get("restartPolicy")
    if policy is not None and policy not in allowed:
        context = " in a Job's pod template" if ref.in_job else ""
        problems.append(f"{where}.spec.restartPolicy: Unsupported value {policy!r}{context}: "
                        f"supported values: {', '.join(allowed)}")
    for list_name in ("initContainers", "containers", "ephemeralContainers"):
        containers = spec.get(list_name)
        for index, container in enumerate(containers if isinstance(containers, list) else []):
            if not isinstance(container, dict):
                continue
            at = f"{where}.spec.{list_name}.{index}"
            for field_name, values in CONTAINER_ENUMS.items():
                value = container.get(field_name)
                if value is not None and value not in values:
                    problems.append(f"{at}.{field_name}: Unsupported value {value!r}: supported values: {', '.join(values)}")
            ports = container.get("ports")
            for port_index, port in enumerate(ports if isinstance(ports, list) else []):
                protocol = port.get("protocol") if isinstance(port, dict) else None
                if protocol is not None and protocol not in PORT_PROTOCOLS:
                    problems.append(f"{at}.ports.{port_index}.protocol: Unsupported value {protocol!r}: "
                                    f"supported values: {', '.join(PORT_PROTOCOLS)}")
    return problems


@dataclass
class Stats:
    documents: int = 0
    builtin: int = 0
    custom: int = 0
    pod_templates: int = 0
    pod_templates_failed: int = 0
    failed: int = 0
    failed_files: int = 0
    files: int = 0
    files_without_objects: int = 0
    unchecked: int = 0


class Validator:
    def __init__(self, versions: list[str], catalog: Catalog):
        self.versions = versions
        self.catalog = catalog
        self.stats = Stats()
        self.unchecked_groups: set[str] = set()
        self.unchecked_seen: set[str] = set()

    def fail(self, label: str, version: str, message: str) -> None:
        print(f"{label} ({version}): {message}", file=sys.stderr)

    def check_document(self, display: str, index: int, doc: dict) -> bool:
        kind = doc.get("kind")
        api_version = doc.get("apiVersion")
        meta = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
        name = meta.get("name") or meta.get("generateName") or "<unnamed>"
        label = f"{display}: doc {index} {kind}/{name}"
        if not isinstance(kind, str) or not isinstance(api_version, str) or not kind or not api_version:
            self.fail(label, "-", "apiVersion and kind must be non-empty strings")
            return False

        ok = True
        group, version = split_api_version(api_version)
        if group in self.unchecked_groups and (group, version, kind) not in self.catalog.versions:
            self.stats.unchecked += 1
            self.unchecked_seen.add(group)
            return ok
        for problem in metadata_problems(doc):
            self.fail(label, "metadata", problem)
            ok = False

        group, version = split_api_version(api_version)
        crd = self.catalog.versions.get((group, version, kind))
        if crd is None and is_builtin_group(group) and group not in self.catalog.groups:
            self.stats.builtin += 1
            for k8s_version in self.versions:
                ok = self.check_builtin(label, doc, k8s_version) and ok
            return ok

        self.stats.custom += 1
        pruned = drop_null_fields(doc)
        if crd is None:
            known = sorted(f"{v}/{k}" for (g, v, k) in self.catalog.versions if g == group)
            hint = f" (the CRDs given define {', '.join(known)})" if known else " (no CRD for this group was given; add it to a --crd-dir)"
            self.fail(label, api_version, f"no CustomResourceDefinition for {api_version} {kind}{hint}")
            ok = False
        else:
            where = f"CRD {crd.crd_name}"
            if not crd.served:
                self.fail(label, where, f"version {version} is not served by this CRD")
                ok = False
            errors = sorted(crd.validator.iter_errors(pruned), key=lambda e: [str(p) for p in e.absolute_path])
            for error in errors[:MAX_ERRORS_PER_DOC]:
                self.fail(label, where, f"{format_path(error.absolute_path)}: {error.message}")
            if len(errors) > MAX_ERRORS_PER_DOC:
                self.fail(label, where, f"... and {len(errors) - MAX_ERRORS_PER_DOC} more errors")
            ok = ok and not errors
        cr_name = str((pruned.get("metadata") or {}).get("name") or "unnamed")
        for ref in pod_templates(pruned):
            ok = self.check_pod_template(label, cr_name, ref) and ok
        return ok

    def check_pod_template(self, label: str, cr_name: str, ref: PodTemplateRef) -> bool:
        """Validate one pod template of a custom resource as a core v1 PodTemplate."""
        self.stats.pod_templates += 1
        where = f"pod template {format_path(ref.path)}"
        ok = True
        for problem in pod_template_problems(ref):
            self.fail(label, where, problem)
            ok = False
        wrapper = {
            "apiVersion": "v1",
            "kind": "PodTemplate",
            "metadata": {"name": f"{cr_name}-{ref.role}".lower()},
            "template": ref.template,
        }
        for k8s_version in self.versions:
            try:
                kubernetes_validate.validate(wrapper, k8s_version, strict=True)
            except kv_utils.ValidationError as error:
                path = list(error.path)
                # Report the path inside the custom resource, not inside the wrapper.
                shown = ref.path + path[1:] if path[:1] == ["template"] else path
                self.fail(label, f"{where}, {k8s_version}", f"{format_path(shown)}: {error.message}")
                ok = False
            except Exception as error:  # noqa: BLE001 - report, never crash on one document
                self.fail(label, f"{where}, {k8s_version}", f"could not be validated as a v1 PodTemplate: {error}")
                ok = False
        if not ok:
            self.stats.pod_templates_failed += 1
        return ok

    def check_builtin(self, label: str, doc: dict, k8s_version: str) -> bool:
        try:
            kubernetes_validate.validate(doc, k8s_version, strict=True)
            return True
        except kv_utils.ValidationError as error:
            self.fail(label, k8s_version, f"{format_path(error.path)}: {error.message}")
        except kv_utils.SchemaNotFoundError as error:
            self.fail(label, k8s_version, f"Kubernetes {error.version} has no {doc['apiVersion']} {doc['kind']}")
        except (kv_utils.InvalidSchemaError, kv_utils.VersionNotSupportedError) as error:
            self.fail(label, k8s_version, error.message)
        except Exception as error:  # noqa: BLE001 - report, never crash on one document
            self.fail(label, k8s_version, f"could not be validated: {error}")
        return False

    def check_file(self, path: Path, display: str) -> None:
        self.stats.files += 1
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.stats.failed_files += 1
            print(f"{display}: cannot read: {exc}", file=sys.stderr)
            return
        if path.suffix == ".snap":
            text = strip_snapshot_header(text)
        try:
            raw_docs = [d for d in yaml.load_all(text, Loader=StrictLoader) if d is not None]
        except yaml.YAMLError as exc:
            if looks_like_manifest(text):
                self.stats.failed_files += 1
                message = " ".join(str(exc).split())
                print(f"{display}: not valid YAML: {message}", file=sys.stderr)
            else:
                self.stats.files_without_objects += 1
            return
        objects = [obj for doc in raw_docs for obj in iter_objects(doc)]
        if not objects:
            self.stats.files_without_objects += 1
            return
        for index, doc in enumerate(objects, start=1):
            self.stats.documents += 1
            if not self.check_document(display, index, doc):
                self.stats.failed += 1


def collect_inputs(paths: list[str]) -> list[tuple[Path, str]]:
    files: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES):
                files.append((found, found.as_posix()))
        elif path.is_file():
            files.append((path, path.as_posix()))
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return files


def resolve_versions(requested: list[str]) -> list[str]:
    known = {kv_utils.major_minor(v): v for v in kv_utils.all_versions()}
    resolved = []
    for version in requested:
        bare = version[1:] if version.startswith("v") else version
        if not re.fullmatch(r"\d+\.\d+(\.\d+)?", bare):
            raise UsageError(f"--k8s-version {version!r}: expected X.Y.Z")
        if kv_utils.major_minor(bare) not in known:
            supported = ", ".join(sorted(set(known.values()), key=lambda v: [int(x) for x in v.split(".")]))
            raise UsageError(
                f"--k8s-version {version}: kubernetes-validate {kubernetes_validate.__version__} "
                f"has no schemas for it (it knows {supported})"
            )
        resolved.append(bare)
    return resolved


def definitions_registry(version: str) -> referencing.Registry:
    defs = kv_utils.schema_contents(f"kubernetes-json-schema/v{version}-local-strict/_definitions.json", version)
    resource = referencing.Resource.from_contents(defs, default_specification=referencing.jsonschema.DRAFT202012)
    return referencing.Registry().with_resource(DEFINITIONS_ID, resource)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Validate Kubernetes manifests strictly against upstream schemas and CRDs.",
    )
    parser.add_argument("--k8s-version", action="append", required=True, metavar="X.Y.Z",
                        help="Kubernetes version for built-in kinds (repeatable)")
    parser.add_argument("--crd-dir", action="append", default=[], metavar="DIR",
                        help="directory searched for CustomResourceDefinition YAML files (repeatable)")
    parser.add_argument("--no-crd-group", action="append", default=[], metavar="GROUP",
                        help="a group whose upstream CRD is not available here: its documents are "
                             "counted and reported as not validated instead of failing (repeatable)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="manifest files or directories")
    args = parser.parse_args(argv)

    try:
        versions = resolve_versions(args.k8s_version)
        newest = max(versions, key=lambda v: [int(x) for x in v.split(".")[:2]])
        schema_version = [v for v in kv_utils.all_versions()
                          if kv_utils.major_minor(v) == kv_utils.major_minor(newest)][-1]
        registry = definitions_registry(schema_version)
        catalog = load_crds([Path(d) for d in args.crd_dir], registry)
        inputs = collect_inputs(args.paths)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    validator = Validator(versions, catalog)
    validator.unchecked_groups = set(args.no_crd_group)
    for path, display in inputs:
        validator.check_file(path, display)

    stats = validator.stats
    print(
        f"loaded {len(catalog.versions)} CRD versions from {catalog.files} files; "
        f"read {stats.files} files, {stats.files_without_objects} with no Kubernetes object"
    )
    failed = stats.failed + stats.failed_files
    unreadable = f" (and {stats.failed_files} unreadable files)" if stats.failed_files else ""
    print(
        f"validated {stats.documents} documents ({stats.builtin} built-in, {stats.custom} custom) "
        f"against versions {', '.join(versions)}: {stats.failed} failed{unreadable}"
    )
    print(
        f"validated {stats.pod_templates} pod templates inside custom resources as v1 PodTemplate: "
        f"{stats.pod_templates_failed} failed"
    )
    if stats.unchecked:
        print(
            f"NOT validated: {stats.unchecked} documents of {', '.join(sorted(validator.unchecked_seen))} "
            f"(no schema to validate against here; see tests/data/crds/SOURCES.md)"
        )
    print(f"{stats.documents - stats.failed - stats.unchecked} passed, {failed} failed")
    if stats.documents == 0:
        print("error: no Kubernetes documents were validated", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
