use super::placement::{PRODUCT_LABEL, allowed_values};
use super::resources::{entries, mig_profile_of};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Path;
use crate::sizing::{GPU_TYPES, GpuSpec, gpu_type_by_product_label};

declare_rule! {
    /// ## What it does
    /// Reports `nvidia.com/mig-<profile>` resources in pods that select a GPU model with
    /// the `nvidia.com/gpu.product` node label (in `nodeSelector`, or with `In` in every
    /// required node-affinity term) on which that MIG profile does not exist, for example
    /// `nvidia.com/mig-1g.5gb` (an A100-40GB profile) on `NVIDIA-H100-80GB-HBM3` nodes.
    /// It also reports MIG resources on nodes whose product label ends in `-MIG-<profile>`:
    /// GPU Feature Discovery writes that under the `single` MIG strategy, where MIG devices
    /// are advertised as `nvidia.com/gpu`. Product labels mlk does not know are skipped.
    ///
    /// ## Why is this bad?
    /// Each GPU model has its own MIG profiles. Nodes of the selected model never
    /// advertise the requested resource, so the pod can never be scheduled.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   nodeSelector:
    ///     nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/mig-1g.5gb: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   nodeSelector:
    ///     nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/mig-1g.10gb: 1
    /// ```
    ///
    /// ## References
    /// - <https://github.com/NVIDIA/k8s-device-plugin/blob/main/docs/gpu-feature-discovery/README.md>
    /// - <https://github.com/NVIDIA/mig-parted/blob/main/deployments/systemd/config-default.yaml>
    pub MigProfileNotOnGpuType {
        name: "mig-profile-not-on-gpu-type",
        category: Gpu,
        level: Error,
        summary: "requested MIG profile does not exist on the selected GPU model",
    }
}

/// What nodes with one product label offer.
enum Product<'a> {
    Known(&'static GpuSpec),
    /// `<product>-MIG-<profile>`: the single strategy, no `nvidia.com/mig-*` resources.
    Single(&'a str),
    Unknown,
}

fn product(label: &str) -> Product<'_> {
    let label = label.strip_suffix("-SHARED").unwrap_or(label);
    if label.contains("-MIG-") {
        return Product::Single(label);
    }
    gpu_type_by_product_label(label).map_or(Product::Unknown, Product::Known)
}

/// Why nodes with `label` never offer `resource`, if they never do.
fn never_offers(label: &str, resource: &str) -> Option<String> {
    match product(label) {
        Product::Known(g) if g.mig_profile_for_resource(resource).is_none() => {
            Some(if g.supports_mig() {
                format!("`{label}` ({}) has no such MIG profile", g.name)
            } else {
                format!("`{label}` ({}) does not support MIG", g.name)
            })
        }
        Product::Single(l) => Some(format!(
            "`{l}` nodes use the single MIG strategy, which advertises MIG devices as `nvidia.com/gpu`"
        )),
        _ => None,
    }
}

impl Rule for MigProfileNotOnGpuType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let allowed = allowed_values(cx.pod, PRODUCT_LABEL);
        if allowed.selector.is_none() && allowed.affinity.is_none() {
            return;
        }
        for c in cx.containers() {
            let limits = entries(c.node, "limits").map(|e| ("limits", e));
            let requests = entries(c.node, "requests")
                .filter(|(n, _)| entries(c.node, "limits").all(|(l, _)| l != *n))
                .map(|e| ("requests", e));
            for (list, (name, _)) in limits.chain(requests) {
                if mig_profile_of(name).is_none()
                    || !GPU_TYPES
                        .iter()
                        .any(|g| g.mig_profile_for_resource(name).is_some())
                {
                    // Profiles no GPU has are `unknown-mig-profile`'s.
                    continue;
                }
                let reason = match (&allowed.selector, &allowed.affinity) {
                    (Some(label), _) => never_offers(label, name),
                    (None, Some(labels)) if !labels.is_empty() => {
                        let reasons: Option<Vec<String>> =
                            labels.iter().map(|l| never_offers(l, name)).collect();
                        reasons.map(|r| r.join("; "))
                    }
                    _ => None,
                };
                let Some(reason) = reason else { continue };
                let at: Path = c.path(&["resources", list, name]);
                sink.report(
                    at,
                    format!(
                        "{} asks for `{name}`, which the selected GPU nodes never offer: {reason}",
                        c.describe()
                    ),
                )
                .help(help(name));
            }
        }
    }
}

fn help(resource: &str) -> String {
    let on: Vec<&str> = GPU_TYPES
        .iter()
        .filter(|g| g.mig_profile_for_resource(resource).is_some())
        .map(|g| g.product_label)
        .collect();
    format!(
        "use a MIG profile of the selected GPU, or select nodes that have this one (`{PRODUCT_LABEL}` {})",
        on.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn pod(placement: &str, resource: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n{placement}  containers:\n  - name: a\n    image: x:1\n    resources:\n      limits: {{{resource}: 1}}\n"
        )
    }

    #[test]
    fn a_profile_of_another_gpu_is_reported_at_the_resource() {
        let yaml = pod(
            "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3}\n",
            "nvidia.com/mig-1g.5gb",
        );
        let found = check(&MigProfileNotOnGpuType, &yaml);
        assert_eq!(
            render(&found),
            "10:39 [error] container \"a\" asks for `nvidia.com/mig-1g.5gb`, which the selected GPU nodes never offer: `NVIDIA-H100-80GB-HBM3` (h100-80gb) has no such MIG profile (spec.containers[0].resources.limits[\"nvidia.com/mig-1g.5gb\"])"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(
                "use a MIG profile of the selected GPU, or select nodes that have this one (`nvidia.com/gpu.product` NVIDIA-A100-SXM4-40GB)"
            )
        );
    }

    #[test]
    fn gpus_without_mig_and_the_single_strategy_are_reported() {
        let yaml = pod(
            "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-L4}\n",
            "nvidia.com/mig-1g.10gb",
        );
        let found = render(&check(&MigProfileNotOnGpuType, &yaml));
        assert!(found.contains("(l4) does not support MIG"), "{found}");
        let yaml = pod(
            "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-40GB-MIG-1g.5gb}\n",
            "nvidia.com/mig-1g.5gb",
        );
        let found = render(&check(&MigProfileNotOnGpuType, &yaml));
        assert!(found.contains("single MIG strategy"), "{found}");
    }

    #[test]
    fn affinity_reports_only_when_no_allowed_model_has_the_profile() {
        let affinity = |values: &str| {
            format!(
                "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - {{key: nvidia.com/gpu.product, operator: In, values: [{values}]}}\n"
            )
        };
        let both_wrong = pod(
            &affinity("NVIDIA-H100-80GB-HBM3, NVIDIA-L4"),
            "nvidia.com/mig-1g.5gb",
        );
        assert_eq!(check(&MigProfileNotOnGpuType, &both_wrong).len(), 1);
        let one_right = pod(
            &affinity("NVIDIA-H100-80GB-HBM3, NVIDIA-A100-SXM4-40GB"),
            "nvidia.com/mig-1g.5gb",
        );
        assert!(check(&MigProfileNotOnGpuType, &one_right).is_empty());
        let unknown = pod(
            &affinity("NVIDIA-H100-80GB-HBM3, NVIDIA-GH200-480GB"),
            "nvidia.com/mig-1g.5gb",
        );
        assert!(check(&MigProfileNotOnGpuType, &unknown).is_empty());
    }

    #[test]
    fn matching_unknown_or_missing_selectors_pass() {
        for (placement, resource) in [
            (
                "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-80GB-PCIe}\n",
                "nvidia.com/mig-3g.40gb",
            ),
            (
                "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-40GB-SHARED}\n",
                "nvidia.com/mig-1g.5gb.me",
            ),
            (
                "  nodeSelector: {nvidia.com/gpu.product: Some-Future-GPU}\n",
                "nvidia.com/mig-1g.5gb",
            ),
            ("", "nvidia.com/mig-1g.5gb"),
            (
                "  nodeSelector: {nvidia.com/gpu.product: NVIDIA-L4}\n",
                "nvidia.com/gpu",
            ),
            (
                "  nodeSelector: [1]\n  affinity: 3\n",
                "nvidia.com/mig-1g.5gb",
            ),
        ] {
            let yaml = pod(placement, resource);
            assert!(check(&MigProfileNotOnGpuType, &yaml).is_empty(), "{yaml}");
        }
    }
}
