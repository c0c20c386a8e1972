use super::present;
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

/// Volume sources restricted allows. `image` is in upstream's code, not yet on the
/// standard's page.
const ALLOWED: [&str; 9] = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
    "image",
];

/// The other sources, in the order upstream tests them; these and [`ALLOWED`] are every
/// field of a `VolumeSource`.
const NAMED: [&str; 21] = [
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
];

declare_rule! {
    /// ## What it does
    /// Reports volumes of a type other than `configMap`, `csi`, `downwardAPI`, `emptyDir`,
    /// `ephemeral`, `persistentVolumeClaim`, `projected`, `secret` and `image` (Pod
    /// Security control "Volume Types", check `restrictedVolumes`, restricted, every version
    /// from v1.0). At `restricted` it replaces the baseline check `hostPathVolumes`, so
    /// `hostPath` volumes are reported here. The `image` volume source is allowed by
    /// upstream's code although the standard's page does not list it yet. A volume that
    /// names no source at all (or only null ones) passes: the API server makes it an
    /// `emptyDir` before admission sees it.
    ///
    /// ## Why is this bad?
    /// Inline volume sources such as `nfs`, `iscsi`, `rbd` or `gitRepo` are mounted by the
    /// node with the node's credentials and tools; `hostPath` exposes the node's files.
    /// Restricted keeps pods to volumes whose access is governed by Kubernetes objects:
    /// persistent volume claims, CSI drivers, and the pod's own data.
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
    ///   volumes:
    ///   - name: datasets
    ///     nfs:
    ///       server: nfs.example.com
    ///       path: /datasets
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
    ///   volumes:
    ///   - name: datasets
    ///     persistentVolumeClaim:
    ///       claimName: datasets
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_restrictedVolumes.go` in kubernetes/pod-security-admission
    pub RestrictedVolumeType {
        name: "restricted-volume-type",
        category: PodSecurity,
        level: Error,
        summary: "pod uses a volume type that restricted forbids",
    }
}

impl Rule for RestrictedVolumeType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for v in cx.volumes() {
            let volume = v.node;
            if ALLOWED.iter().any(|k| present(Some(volume), k).is_some()) {
                continue;
            }
            let name = volume
                .get("name")
                .and_then(Node::as_str)
                .unwrap_or("<unnamed>");
            // A volume that names no source is an `emptyDir`: the API server defaults it so
            // before admission sees it.
            let Some(source) = NAMED
                .iter()
                .find(|k| present(Some(volume), k).is_some())
                .copied()
            else {
                continue;
            };
            let path = cx.volume_path(&v).key(source);
            sink.report(
                path,
                format!(
                    "restricted volume types: volume \"{name}\" uses restricted volume type \"{source}\""
                ),
            )
            .help("use a persistentVolumeClaim, CSI, ephemeral, emptyDir, configMap, secret, projected, downwardAPI or image volume")
            .psa(PsaScope::new(PsaLevel::Restricted, Version::OLDEST));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{PsaPolicy, Settings};

    const VOLUMES: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: x:1}]
  volumes:
  - {name: a, configMap: {name: c}}
  - {name: b, csi: {driver: d}}
  - {name: c, downwardAPI: {}}
  - {name: d, emptyDir: {}}
  - {name: e, ephemeral: {volumeClaimTemplate: {}}}
  - {name: f, persistentVolumeClaim: {claimName: x}}
  - {name: g, projected: {sources: []}}
  - {name: h, secret: {secretName: s}}
  - {name: i, image: {reference: 'x:1'}}
  - {name: j, hostPath: {path: /}}
  - {name: k, nfs: {server: s, path: /}}
  - {name: l}
  - {name: m, emptyDir: null}
  - {name: vol-n, storageos: {}, gitRepo: {}}
  - 7
";

    #[test]
    fn only_the_allowed_sources_pass() {
        assert_eq!(
            render(&check(&RestrictedVolumeType, VOLUMES)),
            "16:25 [error] restricted volume types: volume \"j\" uses restricted volume type \"hostPath\" (spec.volumes[9].hostPath)\n\
             17:20 [error] restricted volume types: volume \"k\" uses restricted volume type \"nfs\" (spec.volumes[10].nfs)\n\
             20:43 [error] restricted volume types: volume \"vol-n\" uses restricted volume type \"gitRepo\" (spec.volumes[13].gitRepo)"
        );
    }

    #[test]
    fn baseline_and_privileged_allow_them() {
        for level in [PsaLevel::Baseline, PsaLevel::Privileged] {
            let settings = Settings {
                policy: PsaPolicy {
                    level,
                    version: Version::NEWEST,
                },
                ..Settings::default()
            };
            assert!(check_with(&RestrictedVolumeType, VOLUMES, &settings).is_empty());
        }
    }
}
