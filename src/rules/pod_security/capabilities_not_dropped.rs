use super::restricted_unless_windows;
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports containers whose `securityContext.capabilities.drop` does not include `ALL`
    /// (Pod Security control "Capabilities", check `capabilities_restricted`, restricted,
    /// from v1.22; from v1.25 pods with `spec.os.name: windows` are exempt). Added
    /// capabilities are reported by `disallowed-capabilities`. Pod Security compares with
    /// `ALL` exactly: a `drop` that lists `all` in another case, which container runtimes
    /// do honour, is reported at that entry, with a help line about the case.
    /// A KServe model container is merged over the `kserve-container` of the serving
    /// runtime it names: when that ServingRuntime or ClusterServingRuntime is among the
    /// files linted, the runtime's value counts where the model leaves the field unset;
    /// otherwise (KServe's own runtimes set it) only a value the model itself sets is
    /// reported.
    ///
    /// ## Why is this bad?
    /// Without `drop: ["ALL"]` a container keeps the runtime's default capabilities, among
    /// them `NET_RAW` (on some runtimes), `CHOWN`, `DAC_OVERRIDE`, `SETUID` and `SETGID`:
    /// enough to forge packets or defeat file permissions after a compromise. Training and
    /// serving processes need none of them.
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
    ///     securityContext:
    ///       capabilities:
    ///         drop: ["NET_RAW"]
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
    ///     securityContext:
    ///       capabilities:
    ///         drop: ["ALL"]
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_capabilities_restricted.go` in kubernetes/pod-security-admission
    pub CapabilitiesNotDropped {
        name: "capabilities-not-dropped",
        category: PodSecurity,
        level: Error,
        summary: "container does not drop all capabilities",
    }
}

impl Rule for CapabilitiesNotDropped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let drop = c.security_at(&["capabilities", "drop"]);
            let dropped_all = drop
                .and_then(Node::as_seq)
                .is_some_and(|drop| drop.iter().any(|d| d.as_str() == Some("ALL")));
            if dropped_all || (c.runtime_assumed() && drop.is_none()) {
                continue;
            }
            let scope = restricted_unless_windows(cx, Version::v1(22));
            // Container runtimes read `all` in any case; Pod Security compares with `ALL`.
            // Only the container's own list can be pointed at.
            let other_case = c
                .node
                .get("securityContext")
                .and_then(|s| s.get("capabilities"))
                .and_then(|s| s.get("drop"))
                .and_then(Node::as_seq)
                .and_then(|drop| {
                    drop.iter().enumerate().find_map(|(i, d)| {
                        d.as_str()
                            .filter(|s| s.eq_ignore_ascii_case("ALL"))
                            .map(|s| (i, s))
                    })
                });
            let at = c.path(&["securityContext", "capabilities", "drop"]);
            let message = format!(
                "unrestricted capabilities: {} must set securityContext.capabilities.drop=[\"ALL\"]",
                c.describe()
            );
            match other_case {
                Some((i, written)) => sink
                    .report(at.index(i), message)
                    .help(format!("write `ALL` in upper case: `drop` lists `{written}`, which container runtimes read as every capability but the Pod Security check does not accept")),
                None => sink
                    .report(at, message)
                    .help("add `capabilities: {drop: [\"ALL\"]}` to the container's securityContext"),
            }
            .psa(scope);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::PsaLevel;
    use crate::lint::testing::{at, check, check_with, render};

    const CONTAINERS: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: i, image: x:1}
  containers:
  - {name: a, image: x:1, securityContext: {capabilities: {drop: [ALL]}}}
  - {name: b, image: x:1, securityContext: {capabilities: {drop: [all, NET_RAW]}}}
  - name: c
    image: x:1
    securityContext:
      capabilities: {}
  - {name: d, image: x:1, securityContext: {capabilities: {drop: ALL}}}
";

    #[test]
    fn missing_drop_all_points_at_the_nearest_field() {
        assert_eq!(
            render(&check(&CapabilitiesNotDropped, CONTAINERS)),
            "6:5 [error] unrestricted capabilities: init container \"i\" must set securityContext.capabilities.drop=[\"ALL\"] (spec.initContainers[0].securityContext.capabilities.drop)\n\
             9:67 [error] unrestricted capabilities: container \"b\" must set securityContext.capabilities.drop=[\"ALL\"] (spec.containers[1].securityContext.capabilities.drop[0])\n\
             13:7 [error] unrestricted capabilities: container \"c\" must set securityContext.capabilities.drop=[\"ALL\"] (spec.containers[2].securityContext.capabilities.drop)\n\
             14:66 [error] unrestricted capabilities: container \"d\" must set securityContext.capabilities.drop=[\"ALL\"] (spec.containers[3].securityContext.capabilities.drop)"
        );
    }

    #[test]
    fn versions_levels_and_windows() {
        assert_eq!(
            check_with(
                &CapabilitiesNotDropped,
                CONTAINERS,
                &at(PsaLevel::Restricted, 22)
            )
            .len(),
            4
        );
        assert!(
            check_with(
                &CapabilitiesNotDropped,
                CONTAINERS,
                &at(PsaLevel::Restricted, 21)
            )
            .is_empty()
        );
        assert!(
            check_with(
                &CapabilitiesNotDropped,
                CONTAINERS,
                &at(PsaLevel::Baseline, 37)
            )
            .is_empty()
        );
        let windows = CONTAINERS.replace("spec:\n", "spec:\n  os: {name: windows}\n");
        assert_eq!(
            check_with(
                &CapabilitiesNotDropped,
                &windows,
                &at(PsaLevel::Restricted, 24)
            )
            .len(),
            4
        );
        assert!(
            check_with(
                &CapabilitiesNotDropped,
                &windows,
                &at(PsaLevel::Restricted, 25)
            )
            .is_empty()
        );
    }
}
