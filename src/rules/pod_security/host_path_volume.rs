use super::present;
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports `hostPath` volumes (Pod Security control "HostPath Volumes", check
    /// `hostPathVolumes`, baseline, every version from v1.0). At `restricted` the check
    /// `restrictedVolumes` replaces it at every version, and `restricted-volume-type`
    /// reports these volumes instead.
    ///
    /// ## Why is this bad?
    /// A `hostPath` volume mounts a directory of the node into the container: the container
    /// can read other pods' secrets and logs, or write to the kubelet's and the runtime's
    /// files. Pod Security Admission rejects it at `baseline` and `restricted`. Datasets and
    /// checkpoints belong in persistent volume claims, CSI volumes or object storage.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: research
    ///   labels:
    ///     pod-security.kubernetes.io/enforce: baseline
    /// ---
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    ///   namespace: research
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     volumeMounts:
    ///     - name: data
    ///       mountPath: /data
    ///   volumes:
    ///   - name: data
    ///     hostPath:
    ///       path: /mnt/datasets
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: research
    ///   labels:
    ///     pod-security.kubernetes.io/enforce: baseline
    /// ---
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    ///   namespace: research
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     volumeMounts:
    ///     - name: data
    ///       mountPath: /data
    ///   volumes:
    ///   - name: data
    ///     persistentVolumeClaim:
    ///       claimName: datasets
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_hostPathVolumes.go` in kubernetes/pod-security-admission
    pub HostPathVolume {
        name: "host-path-volume",
        category: PodSecurity,
        level: Error,
        summary: "pod mounts a directory of the node through a `hostPath` volume",
    }
}

impl Rule for HostPathVolume {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for v in cx.volumes() {
            let volume = v.node;
            if present(Some(volume), "hostPath").is_none() {
                continue;
            }
            let name = volume
                .get("name")
                .and_then(Node::as_str)
                .unwrap_or("<unnamed>");
            sink.report(
                cx.volume_path(&v).key("hostPath"),
                format!("hostPath volumes: volume \"{name}\""),
            )
            .help("use a persistentVolumeClaim, CSI or emptyDir volume instead of `hostPath`")
            .psa(
                PsaScope::new(PsaLevel::Baseline, Version::OLDEST)
                    .overridden_in_restricted_from(Version::OLDEST),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check, check_with, render};

    const HOST_PATH: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: x:1}]
  volumes:
  - name: data
    hostPath: {path: /data}
  - name: scratch
    emptyDir: {}
  - name: off
    hostPath: null
  - just a string
";

    #[test]
    fn reported_at_baseline_only() {
        assert_eq!(
            render(&check_with(
                &HostPathVolume,
                HOST_PATH,
                &at(PsaLevel::Baseline, 0)
            )),
            "8:15 [error] hostPath volumes: volume \"data\" (spec.volumes[0].hostPath)"
        );
        assert_eq!(
            check_with(&HostPathVolume, HOST_PATH, &at(PsaLevel::Baseline, 37)).len(),
            1
        );
        // restricted reports it through `restrictedVolumes` instead
        assert!(check(&HostPathVolume, HOST_PATH).is_empty());
        assert!(check_with(&HostPathVolume, HOST_PATH, &at(PsaLevel::Restricted, 0)).is_empty());
        assert!(check_with(&HostPathVolume, HOST_PATH, &at(PsaLevel::Privileged, 37)).is_empty());
    }

    #[test]
    fn malformed_volumes_do_not_panic() {
        for volumes in ["volumes: null", "volumes: {a: b}", "volumes: [null, 3]"] {
            let yaml = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers: [{{name: a, image: x:1}}]\n  {volumes}\n"
            );
            assert!(check_with(&HostPathVolume, &yaml, &at(PsaLevel::Baseline, 37)).is_empty());
        }
    }
}
