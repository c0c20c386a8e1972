use super::resources::{entries, mig_profile_of};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::sizing::GPU_TYPES;

declare_rule! {
    /// ## What it does
    /// Reports `nvidia.com/mig-<profile>` resources whose profile exists on no GPU that mlk
    /// knows (A30, A100 40/80 GB, H100 80 GB and NVL, H200, B200), such as
    /// `nvidia.com/mig-1g.8gb` or `nvidia.com/mig-1g.5gb+me` (the device plugin writes `+`
    /// as `.`).
    ///
    /// ## Why is this bad?
    /// Under the `mixed` MIG strategy the NVIDIA device plugin advertises one resource per
    /// profile of the GPUs it finds. A profile no GPU has is never advertised, so the pod
    /// stays Pending forever. It is usually a typo in the memory size or a profile of a
    /// different GPU generation. GPUs newer than mlk's table may have profiles it does
    /// not know; suppress the rule for those.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/mig-1g.8gb: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/mig-1g.10gb: 1
    /// ```
    ///
    /// ## References
    /// - <https://docs.nvidia.com/datacenter/tesla/mig-user-guide/>
    /// - <https://github.com/NVIDIA/mig-parted/blob/main/deployments/systemd/config-default.yaml>
    /// - <https://github.com/NVIDIA/k8s-device-plugin#configuration-option-details> (`MIG_STRATEGY`)
    pub UnknownMigProfile {
        name: "unknown-mig-profile",
        category: Gpu,
        level: Warning,
        summary: "requests a MIG profile that no known GPU has",
    }
}

impl Rule for UnknownMigProfile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let limits = entries(c.node, "limits").map(|e| ("limits", e));
            let requests = entries(c.node, "requests")
                .filter(|(n, _)| entries(c.node, "limits").all(|(l, _)| l != *n))
                .map(|e| ("requests", e));
            for (list, (name, _)) in limits.chain(requests) {
                let Some(profile) = mig_profile_of(name) else {
                    continue;
                };
                if GPU_TYPES
                    .iter()
                    .any(|g| g.mig_profile_for_resource(name).is_some())
                {
                    continue;
                }
                sink.report(
                    c.path(&["resources", list, name]),
                    format!(
                        "{} asks for `{name}`, but `{profile}` is a MIG profile of no known GPU",
                        c.describe()
                    ),
                )
                .help(suggestion(profile));
            }
        }
    }
}

/// The known profiles with the same number of compute slices, which is what a typo in the
/// memory size keeps.
fn suggestion(profile: &str) -> String {
    let slices = profile.split('.').next().unwrap_or_default();
    let mut same: Vec<String> = Vec::new();
    for g in &GPU_TYPES {
        for p in g.mig_profiles {
            let resource = p.resource_name();
            if p.name.split('.').next() == Some(slices) && !same.contains(&resource) {
                same.push(resource);
            }
        }
    }
    if same.is_empty() {
        "MIG profiles look like `1g.10gb` (compute slices, then memory); check the GPU's MIG user guide".to_string()
    } else {
        format!(
            "use a profile of your GPU, for example {}",
            same.iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn unknown_profiles_are_reported_once_with_suggestions() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    resources:
      requests: {nvidia.com/mig-1g.8gb: 1, nvidia.com/mig-9g.1tb: 1}
      limits: {nvidia.com/mig-1g.8gb: 1}
";
        let found = check(&UnknownMigProfile, yaml);
        assert_eq!(
            render(&found),
            "9:67 [warning] container \"a\" asks for `nvidia.com/mig-9g.1tb`, but `9g.1tb` is a MIG profile of no known GPU (spec.containers[0].resources.requests[\"nvidia.com/mig-9g.1tb\"])\n\
             10:39 [warning] container \"a\" asks for `nvidia.com/mig-1g.8gb`, but `1g.8gb` is a MIG profile of no known GPU (spec.containers[0].resources.limits[\"nvidia.com/mig-1g.8gb\"])"
        );
        let help = found[1].help.as_deref().unwrap();
        assert!(help.contains("`nvidia.com/mig-1g.10gb`"), "{help}");
        assert!(help.contains("`nvidia.com/mig-1g.5gb.me`"), "{help}");
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .starts_with("MIG profiles look like")
        );
    }

    #[test]
    fn known_profiles_and_the_me_spelling_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/mig-1g.5gb.me: 1, nvidia.com/mig-7g.180gb: 1, nvidia.com/mig-4g.24gb: 1, nvidia.com/gpu: 1}}}\n";
        assert!(check(&UnknownMigProfile, yaml).is_empty());
    }

    #[test]
    fn the_plus_spelling_is_not_what_the_plugin_advertises() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/mig-1g.5gb+me: 1}}}\n";
        assert_eq!(check(&UnknownMigProfile, yaml).len(), 1);
    }
}
