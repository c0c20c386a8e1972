use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};

declare_rule! {
    /// ## What it does
    /// Reports pods that set `hostNetwork`, `hostPID` or `hostIPC` to `true` (Pod Security
    /// control "Host Namespaces", check `hostNamespaces`, baseline, every version from v1.0).
    ///
    /// ## Why is this bad?
    /// A pod in the node's network, process or IPC namespace can sniff and bind the node's
    /// interfaces, see and signal every process of the node, and read shared memory of other
    /// workloads. Pod Security Admission rejects such pods at `baseline` and `restricted`.
    /// Multi-node training does not need `hostNetwork`: NCCL reaches peers over the pod
    /// network, or over RDMA devices given by a device plugin.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   hostNetwork: true
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
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
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_hostNamespaces.go` in kubernetes/pod-security-admission
    pub HostNamespaces {
        name: "host-namespaces",
        category: PodSecurity,
        level: Error,
        summary: "pod shares the node's network, process or IPC namespace",
    }
}

impl Rule for HostNamespaces {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for field in ["hostNetwork", "hostPID", "hostIPC"] {
            if cx.field(field).and_then(|n| n.as_bool()) == Some(true) {
                sink.report(
                    cx.field_path(field),
                    format!("host namespaces: {field}=true"),
                )
                .help(format!("remove `{field}: true`"))
                .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn each_namespace_is_reported_at_its_field() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      hostNetwork: true
      hostPID: true
      hostIPC: true
      containers: [{name: a, image: x:1}]
";
        assert_eq!(
            render(&check(&HostNamespaces, yaml)),
            "7:20 [error] host namespaces: hostNetwork=true (spec.template.spec.hostNetwork)\n\
             8:16 [error] host namespaces: hostPID=true (spec.template.spec.hostPID)\n\
             9:16 [error] host namespaces: hostIPC=true (spec.template.spec.hostIPC)"
        );
    }

    #[test]
    fn false_unset_and_malformed_pass() {
        for spec in [
            "hostNetwork: false",
            "hostPID: null",
            "hostIPC: \"true\"",
            "hostNetwork: [true]",
        ] {
            let yaml = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  {spec}\n  containers: [{{name: a, image: x:1}}]\n"
            );
            assert!(check(&HostNamespaces, &yaml).is_empty(), "{spec}");
        }
    }
}
