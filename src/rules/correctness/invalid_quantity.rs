use crate::declare_rule;
use crate::lint::{ObjectCx, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value};
use crate::quantity::Quantity;

declare_rule! {
    /// ## What it does
    /// Reports resource amounts that are not valid non-negative Kubernetes quantities: the
    /// `requests` and `limits` of containers and pods, pod `overhead`, `emptyDir.sizeLimit`,
    /// ResourceQuota `hard`, LimitRange `max`/`min`/`default`/`defaultRequest`/
    /// `maxLimitRequestRatio`, and the storage requests of PersistentVolumeClaims and
    /// StatefulSet `volumeClaimTemplates`.
    ///
    /// ## Why is this bad?
    /// The API server rejects the object (`quantities must match the regular expression`,
    /// `must be greater than or equal to 0`). Units written the way other tools write them
    /// (`16GB`, `16gi`, `2 cores`) are the usual cause: `16GB` is not a quantity, `16G` is
    /// 16·10⁹ bytes and `16Gi` is 16·2³⁰.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       requests:
    ///         memory: 64GB
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       requests:
    ///         memory: 64Gi
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/>
    pub InvalidQuantity {
        name: "invalid-quantity",
        category: Correctness,
        level: Error,
        summary: "resource amount is not a valid non-negative quantity",
    }
}

/// Checks every value of a resource list (`requests`, `hard`, ...).
/// Checks each quantity of a resource list; `path` gives the list's path, built only for a
/// finding.
fn check_list(sink: &mut Sink, list: Option<&Node>, path: impl Fn() -> Path) {
    let Some(entries) = list.and_then(Node::as_map) else {
        return;
    };
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            continue;
        };
        check_value(sink, value, || path().key(name), name);
    }
}

fn check_value(sink: &mut Sink, value: &Node, path: impl FnOnce() -> Path, name: &str) {
    let negative = match &value.value {
        Value::Null => false,
        Value::Int(i) => *i < 0,
        Value::Float(f) => *f < 0.0,
        Value::Str(s) => match Quantity::parse(s) {
            Ok(q) => q.is_negative(),
            Err(e) => {
                sink.report(path(), format!("invalid quantity `{s}` for `{name}`: {e}"))
                    .help(quantity_help(s));
                return;
            }
        },
        other => {
            sink.report(
                path(),
                format!("`{name}` is a {}, not a quantity", other.type_name()),
            )
            .help("write a quantity such as `500m`, `16Gi` or `1`");
            return;
        }
    };
    if negative {
        sink.report(
            path(),
            format!("quantity for `{name}` must be greater than or equal to 0"),
        )
        .help("remove the minus sign");
    }
}

/// Suggests the binary suffix for the spellings other tools use.
fn quantity_help(s: &str) -> String {
    let trimmed = s.trim();
    for (wrong, right) in [
        ("GB", "Gi"),
        ("MB", "Mi"),
        ("TB", "Ti"),
        ("KB", "Ki"),
        ("gi", "Gi"),
        ("mi", "Mi"),
        ("gb", "Gi"),
        ("mb", "Mi"),
    ] {
        if let Some(number) = trimmed.strip_suffix(wrong)
            && Quantity::parse(number.trim()).is_ok()
        {
            return format!(
                "write `{}{right}` ({right} is a power of 1024; the decimal suffix is `{}`)",
                number.trim(),
                &right[..1]
            );
        }
    }
    "write a quantity such as `500m`, `16Gi` or `1`".to_string()
}

impl Rule for InvalidQuantity {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let node = cx.object.node;
        let spec = node.get("spec");
        let field = |keys: &[&str]| keys.iter().try_fold(node, |n, k| n.get(k));
        match (cx.object.group(), cx.object.kind) {
            (Some(""), Some("ResourceQuota")) => {
                check_list(sink, field(&["spec", "hard"]), || {
                    cx.path(&["spec", "hard"])
                });
            }
            (Some(""), Some("LimitRange")) => {
                let items = spec
                    .and_then(|s| s.get("limits"))
                    .and_then(Node::as_seq)
                    .unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    for key in [
                        "max",
                        "min",
                        "default",
                        "defaultRequest",
                        "maxLimitRequestRatio",
                    ] {
                        check_list(sink, item.get(key), || {
                            cx.path(&["spec", "limits"]).index(i).key(key)
                        });
                    }
                }
            }
            (Some(""), Some("PersistentVolumeClaim")) => {
                for key in ["requests", "limits"] {
                    check_list(sink, field(&["spec", "resources", key]), || {
                        cx.path(&["spec", "resources", key])
                    });
                }
            }
            (Some("apps"), Some("StatefulSet")) => {
                let templates = field(&["spec", "volumeClaimTemplates"])
                    .and_then(Node::as_seq)
                    .unwrap_or_default();
                for (i, t) in templates.iter().enumerate() {
                    let base = || cx.path(&["spec", "volumeClaimTemplates"]).index(i);
                    for key in ["requests", "limits"] {
                        let list = t
                            .get("spec")
                            .and_then(|s| s.get("resources"))
                            .and_then(|r| r.get(key));
                        check_list(sink, list, || base().key("spec").key("resources").key(key));
                    }
                }
            }
            _ => {}
        }
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        if let Some(resources) = cx.field("resources") {
            for key in ["requests", "limits"] {
                check_list(sink, resources.get(key), || {
                    cx.field_path("resources").key(key)
                });
            }
        }
        check_list(sink, cx.field("overhead"), || cx.field_path("overhead"));
        for c in cx.containers() {
            let resources = c.node.get("resources");
            for key in ["requests", "limits"] {
                check_list(sink, resources.and_then(|r| r.get(key)), || {
                    c.path(&["resources", key])
                });
            }
        }
        for v in cx.volumes() {
            if let Some(limit) = v.node.get("emptyDir").and_then(|e| e.get("sizeLimit")) {
                let path = || cx.volume_path(&v).keys(&["emptyDir", "sizeLimit"]);
                check_value(sink, limit, path, "sizeLimit");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn containers_pods_and_volumes() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  overhead: {cpu: -1}
  containers:
  - name: a
    image: x:1
    resources:
      requests: {memory: 64GB, cpu: 500m, nvidia.com/gpu: 1}
      limits: {cpu: true, memory: 2 Gi}
  volumes:
  - {name: shm, emptyDir: {medium: Memory, sizeLimit: 16gi}}
";
        let found = check(&InvalidQuantity, yaml);
        let text = render(&found);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert_eq!(
            lines[0],
            "5:19 [error] quantity for `cpu` must be greater than or equal to 0 (spec.overhead.cpu)"
        );
        assert!(
            lines[1].starts_with("10:26 [error] invalid quantity `64GB` for `memory`"),
            "{text}"
        );
        assert_eq!(
            found[1].help.as_deref(),
            Some("write `64Gi` (Gi is a power of 1024; the decimal suffix is `G`)")
        );
        assert_eq!(
            lines[2],
            "11:21 [error] `cpu` is a boolean, not a quantity (spec.containers[0].resources.limits.cpu)"
        );
        assert!(lines[3].contains("`2 Gi`"), "{text}");
        assert!(lines[4].contains("`16gi` for `sizeLimit`"), "{text}");
    }

    #[test]
    fn quotas_limit_ranges_and_claims() {
        let yaml = "\
apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec: {hard: {requests.nvidia.com/gpu: 8, count/jobs.batch: ten}}
---
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec: {limits: [{type: Container, max: {cpu: 4x}}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec: {volumeClaimTemplates: [{spec: {resources: {requests: {storage: 100GB}}}}]}
";
        let text = render(&check(&InvalidQuantity, yaml));
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.contains("(spec.hard[\"count/jobs.batch\"])"), "{text}");
        assert!(text.contains("(spec.limits[0].max.cpu)"), "{text}");
        assert!(
            text.contains("(spec.volumeClaimTemplates[0].spec.resources.requests.storage)"),
            "{text}"
        );
    }

    #[test]
    fn valid_and_malformed_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: b, resources: {requests: {cpu: 0.5, memory: 1e9, x: null}, limits: [1]}}\n  - {name: b, image: b, resources: 3}\n  volumes: [1, {emptyDir: null}]\n";
        assert!(
            check(&InvalidQuantity, yaml).is_empty(),
            "{}",
            render(&check(&InvalidQuantity, yaml))
        );
    }
}
