use super::present;
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

declare_rule! {
    /// ## What it does
    /// Reports pods and containers that set `securityContext.windowsOptions.hostProcess:
    /// true` (Pod Security control "HostProcess", check `windowsHostProcess`, baseline, every
    /// version from v1.0).
    ///
    /// ## Why is this bad?
    /// A Windows HostProcess container runs directly on the Windows node, with the node's
    /// network and file system and as a node account: it is the Windows equivalent of a
    /// privileged container. Pod Security Admission rejects it at `baseline` and
    /// `restricted`.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: agent
    /// spec:
    ///   os:
    ///     name: windows
    ///   securityContext:
    ///     windowsOptions:
    ///       hostProcess: true
    ///       runAsUserName: "NT AUTHORITY\\SYSTEM"
    ///   hostNetwork: true
    ///   containers:
    ///   - name: agent
    ///     image: registry.example.com/agent:1.0.0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: agent
    /// spec:
    ///   os:
    ///     name: windows
    ///   containers:
    ///   - name: agent
    ///     image: registry.example.com/agent:1.0.0
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_windowsHostProcess.go` in kubernetes/pod-security-admission
    pub HostProcess {
        name: "host-process",
        category: PodSecurity,
        level: Error,
        summary: "pod or container runs as a Windows HostProcess container",
    }
}

fn host_process(security_context: Option<&Node>) -> bool {
    present(security_context, "windowsOptions")
        .and_then(|w| w.get("hostProcess"))
        .and_then(Node::as_bool)
        == Some(true)
}

impl Rule for HostProcess {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let mut report = |path: Path, who: &str| {
            sink.report(
                path.key("windowsOptions").key("hostProcess"),
                format!(
                    "hostProcess: {who} must not set securityContext.windowsOptions.hostProcess=true"
                ),
            )
            .help("remove `hostProcess: true`")
            .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST));
        };
        if host_process(cx.security_context()) {
            report(cx.field_path("securityContext"), "pod");
        }
        for c in cx.containers() {
            if host_process(c.node.get("securityContext")) {
                report(c.path(&["securityContext"]), &c.describe());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn pod_and_containers_are_reported() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {windowsOptions: {hostProcess: true}}
  containers:
  - {name: a, image: x:1, securityContext: {windowsOptions: {hostProcess: true}}}
  - {name: b, image: x:1, securityContext: {windowsOptions: {hostProcess: false}}}
  - {name: c, image: x:1, securityContext: {windowsOptions: null}}
  - {name: d, image: x:1, securityContext: {windowsOptions: {hostProcess: 'true'}}}
  ephemeralContainers:
  - {name: e, image: x:1, securityContext: {windowsOptions: {hostProcess: true}}}
";
        assert_eq!(
            render(&check(&HostProcess, yaml)),
            "5:51 [error] hostProcess: pod must not set securityContext.windowsOptions.hostProcess=true (spec.securityContext.windowsOptions.hostProcess)\n\
             7:75 [error] hostProcess: container \"a\" must not set securityContext.windowsOptions.hostProcess=true (spec.containers[0].securityContext.windowsOptions.hostProcess)\n\
             12:75 [error] hostProcess: ephemeral container \"e\" must not set securityContext.windowsOptions.hostProcess=true (spec.ephemeralContainers[0].securityContext.windowsOptions.hostProcess)"
        );
    }
}
