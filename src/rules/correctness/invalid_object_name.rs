use super::api::{is_served, removal};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;
use crate::validate;

declare_rule! {
    /// ## What it does
    /// Reports `metadata.name` and `metadata.namespace` values of built-in kinds that the
    /// API server rejects. Most kinds need an RFC 1123 subdomain (lowercase letters,
    /// digits, `-` and `.`, at most 253 characters); Services an RFC 1035 label (at most 63
    /// characters, starting with a letter), because the name becomes a DNS name;
    /// Namespaces an RFC 1123 label; RBAC roles and bindings any path segment (no `/`, no
    /// `%`, not `.` or `..`). Those of a Katib trial template are not checked: Katib
    /// replaces them.
    ///
    /// ## Why is this bad?
    /// The object is rejected with `metadata.name: Invalid value`. Uppercase letters and
    /// underscores, common in names derived from model names (`Llama3_8B`), are the usual
    /// cause.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Service
    /// metadata:
    ///   name: Llama3_8B
    /// spec:
    ///   selector:
    ///     app: llama3-8b
    ///   ports:
    ///   - port: 80
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Service
    /// metadata:
    ///   name: llama3-8b
    /// spec:
    ///   selector:
    ///     app: llama3-8b
    ///   ports:
    ///   - port: 80
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/overview/working-with-objects/names/>
    pub InvalidObjectName {
        name: "invalid-object-name",
        category: Correctness,
        level: Error,
        summary: "object name or namespace that the API server rejects",
    }
}

type NameCheck = fn(&str) -> Result<(), String>;

/// RBAC's `ValidateRBACName`: any path segment name.
fn path_segment(name: &str) -> Result<(), String> {
    if name == "." || name == ".." {
        return Err(format!("may not be '{name}'"));
    }
    match name.chars().find(|c| *c == '/' || *c == '%') {
        Some(c) => Err(format!("may not contain '{c}'")),
        None => Ok(()),
    }
}

impl Rule for InvalidObjectName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(api_version), Some(kind)) = (cx.object.api_version, cx.object.kind) else {
            return;
        };
        if !is_served(api_version, kind) && removal(api_version, kind).is_none() {
            return;
        }
        let Some(metadata) = cx.object.node.get("metadata").filter(|_| {
            // Katib names each trial itself, whatever the template says.
            cx.object.embedded.is_none()
        }) else {
            return;
        };
        if let Some(name) = metadata
            .get("name")
            .and_then(Node::as_str)
            .filter(|n| !n.is_empty())
        {
            let (check, rule): (NameCheck, &str) = match kind {
                "Service" => (validate::dns1035_label, "an RFC 1035 label"),
                "Namespace" => (validate::dns1123_label, "an RFC 1123 label"),
                "Role" | "ClusterRole" | "RoleBinding" | "ClusterRoleBinding" => {
                    (path_segment, "a path segment")
                }
                _ => (validate::dns1123_subdomain, "an RFC 1123 subdomain"),
            };
            if let Err(e) = check(name) {
                sink.report(
                    cx.path(&["metadata", "name"]),
                    format!("invalid {kind} name `{name}`: {e}"),
                )
                .help(format!(
                    "a {kind} name must be {rule}: use lowercase letters, digits and '-'"
                ));
            }
        }
        if let Some(namespace) = metadata
            .get("namespace")
            .and_then(Node::as_str)
            .filter(|n| !n.is_empty())
            && let Err(e) = validate::dns1123_label(namespace)
        {
            sink.report(
                cx.path(&["metadata", "namespace"]),
                format!("invalid namespace `{namespace}`: {e}"),
            )
            .help("a namespace must be an RFC 1123 label: use lowercase letters, digits and '-'");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn rules_per_kind() {
        let yaml = "\
apiVersion: v1
kind: Service
metadata: {name: 8b-server, namespace: Team_A}
---
apiVersion: batch/v1
kind: Job
metadata: {name: Llama3_8B}
---
apiVersion: v1
kind: Namespace
metadata: {name: team.a}
";
        let found = render(&check(&InvalidObjectName, yaml));
        assert!(
            found.starts_with(
                "3:18 [error] invalid Service name `8b-server`: a DNS-1035 label must"
            ),
            "{found}"
        );
        assert!(
            found.contains("3:40 [error] invalid namespace `Team_A`"),
            "{found}"
        );
        assert!(
            found.contains("7:18 [error] invalid Job name `Llama3_8B`"),
            "{found}"
        );
        assert!(
            found.contains("11:18 [error] invalid Namespace name `team.a`"),
            "{found}"
        );
        assert_eq!(found.lines().count(), 4);
    }

    #[test]
    fn valid_names_and_other_kinds_pass() {
        for yaml in [
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a.b-c, namespace: team-a}\n",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: \"system:aggregate-to-view\"}\n",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: Not_Checked}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: 12, namespace: [a]}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {generateName: p-}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: 3\n",
        ] {
            assert!(check(&InvalidObjectName, yaml).is_empty(), "{yaml}");
        }
        let role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a/b}\n";
        assert_eq!(check(&InvalidObjectName, role).len(), 1);
    }
}
