use super::api::is_builtin_group;
use crate::declare_rule;
use crate::lint::{ObjectCx, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value};
use crate::validate;

declare_rule! {
    /// ## What it does
    /// Reports labels that the API server rejects, in the metadata of every object, in
    /// pod templates, and in the label selectors of built-in kinds (`matchLabels`, the
    /// `selector` of Services and ReplicationControllers): keys that are not qualified
    /// names (an optional DNS-subdomain prefix and `/`, then at most 63 alphanumeric
    /// characters, `-`, `_` or `.`), values longer than 63 characters or with other
    /// characters, and values that are not strings (`gpu: 8`, `enabled: true`).
    ///
    /// ## Why is this bad?
    /// The object is rejected (`metadata.labels: Invalid value`), or, for an unquoted
    /// number or boolean, fails to decode (`cannot unmarshal number into Go struct field
    /// ObjectMeta.metadata.labels of type string`).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: settings
    ///   labels:
    ///     model: meta/llama3:8b
    ///     gpus: 8
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: settings
    ///   labels:
    ///     model: llama3-8b
    ///     gpus: "8"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set>
    pub InvalidLabel {
        name: "invalid-label",
        category: Correctness,
        level: Error,
        summary: "label key or value that the API server rejects",
    }
}

fn check_labels(sink: &mut Sink, labels: Option<&Node>, path: Path) {
    let Some(entries) = labels.and_then(Node::as_map) else {
        return;
    };
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            continue;
        };
        let at = || path.key(name);
        if let Err(e) = validate::qualified_name(name) {
            sink.report_span(at(), key.span, format!("invalid label key `{name}`: {e}"))
                .help("use an optional DNS prefix and `/`, then letters, digits, '-', '_' or '.' (at most 63)");
        }
        match &value.value {
            Value::Str(s) => {
                if let Err(e) = validate::label_value(s) {
                    sink.report(at(), format!("invalid value `{s}` of label `{name}`: {e}"))
                        .help("use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                }
            }
            Value::Null => {}
            other => {
                sink.report(
                    at(),
                    format!(
                        "label `{name}` has the {} value {other}, but label values are strings",
                        other.type_name()
                    ),
                )
                .help(format!("quote it: `{name}: \"{other}\"`"));
            }
        }
    }
}

impl Rule for InvalidLabel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let node = cx.object.node;
        check_labels(
            sink,
            node.get("metadata").and_then(|m| m.get("labels")),
            cx.path(&["metadata", "labels"]),
        );
        if !cx.object.api_version.is_some_and(is_builtin_group) {
            return;
        }
        let selector = node.get("spec").and_then(|s| s.get("selector"));
        match cx.object.kind {
            Some("Service" | "ReplicationController") => {
                check_labels(sink, selector, cx.path(&["spec", "selector"]));
            }
            Some("NetworkPolicy") => check_labels(
                sink,
                node.get("spec")
                    .and_then(|s| s.get("podSelector"))
                    .and_then(|s| s.get("matchLabels")),
                cx.path(&["spec", "podSelector", "matchLabels"]),
            ),
            _ => check_labels(
                sink,
                selector.and_then(|s| s.get("matchLabels")),
                cx.path(&["spec", "selector", "matchLabels"]),
            ),
        }
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for (metadata, outer) in cx.pod.metadata_maps() {
            // A Pod's template metadata is the object's own, already checked.
            if cx
                .object
                .node
                .get("metadata")
                .is_some_and(|m| std::ptr::eq(m, metadata))
            {
                continue;
            }
            let path = cx.object.path.join(&cx.pod.metadata_path(outer));
            check_labels(sink, metadata.get("labels"), path.key("labels"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn keys_values_and_types() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    model: meta/llama3:8b
    example.com/: x
    gpus: 8
    ok: null
spec:
  selector: {matchLabels: {app: -web}}
  template:
    metadata: {labels: {app: -web, Enabled: true}}
    spec: {containers: [{name: a, image: b}]}
";
        let found = render(&check(&InvalidLabel, yaml));
        let lines: Vec<&str> = found.lines().collect();
        assert_eq!(lines.len(), 6, "{found}");
        assert!(
            lines[0].starts_with("6:12 [error] invalid value `meta/llama3:8b` of label `model`"),
            "{found}"
        );
        assert!(
            lines[1].starts_with(
                "7:5 [error] invalid label key `example.com/`: name part must be non-empty"
            ),
            "{found}"
        );
        assert_eq!(
            lines[2],
            "8:11 [error] label `gpus` has the integer value 8, but label values are strings (metadata.labels.gpus)"
        );
        assert!(
            lines[3].contains("(spec.selector.matchLabels.app)"),
            "{found}"
        );
        assert!(
            lines[4].contains("(spec.template.metadata.labels.app)"),
            "{found}"
        );
        assert!(
            lines[5].contains("label `Enabled` has the boolean value true"),
            "{found}"
        );
    }

    #[test]
    fn pods_are_checked_once_and_services_by_selector() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: -x}}\nspec: {containers: [{name: a, image: b}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: x_}}\n";
        let found = render(&check(&InvalidLabel, yaml));
        assert_eq!(found.lines().count(), 2, "{found}");
    }

    #[test]
    fn valid_and_malformed_labels_pass() {
        for yaml in [
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {app.kubernetes.io/name: web, empty: '', x: My_Value.1}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: [a]}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {1: a, ? [x] : y}}\n",
            "apiVersion: example.com/v1\nkind: W\nmetadata: {name: c}\nspec: {selector: {matchLabels: {a: -b}}}\n",
        ] {
            assert!(
                check(&InvalidLabel, yaml).is_empty(),
                "{yaml}: {}",
                render(&check(&InvalidLabel, yaml))
            );
        }
    }
}
