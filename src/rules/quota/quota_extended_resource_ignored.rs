use super::objects::quota_hard;
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::rules::gpu::resources::{is_extended, is_native};

declare_rule! {
    /// ## What it does
    /// Reports ResourceQuota `spec.hard` entries for extended resources that are not
    /// written `requests.<resource>`: `limits.nvidia.com/gpu`, or the bare
    /// `nvidia.com/gpu`.
    ///
    /// ## Why is this bad?
    /// Extended resources cannot be overcommitted, so quota tracks only their requests, as
    /// `requests.<resource>`. The API server accepts the other spellings (they are valid
    /// qualified names), but no quota evaluator ever counts them: the quota shows no usage
    /// and never stops a pod, so the team's GPU budget is not enforced at all.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: gpu-budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     limits.nvidia.com/gpu: "16"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: gpu-budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "16"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/resource-quotas/#resource-quota-for-extended-resources>
    /// - `kubernetes/kubernetes` `pkg/quota/v1/evaluator/core/pods.go`, `isExtendedResourceNameForQuota`
    pub QuotaExtendedResourceIgnored {
        name: "quota-extended-resource-ignored",
        category: Quota,
        level: Error,
        summary: "quota on an extended resource that Kubernetes never counts",
    }
}

/// The extended resource a quota key names without the `requests.` prefix, if any.
fn ignored(key: &str) -> Option<&str> {
    if let Some(rest) = key.strip_prefix("limits.") {
        return (rest.contains('/') && !is_native(rest)).then_some(rest);
    }
    let domain = key.split('/').next().unwrap_or_default();
    // `count/...` and the storage-class, volume-attributes-class and device-class forms
    // have evaluators of their own.
    let has_evaluator = domain == "count" || domain == "k8s.io" || domain.ends_with(".k8s.io");
    (is_extended(key) && !has_evaluator).then_some(key)
}

impl Rule for QuotaExtendedResourceIgnored {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let Some((hard, path)) = quota_hard(cx) else {
            return;
        };
        for (key, _) in &hard {
            let Some(resource) = ignored(key) else {
                continue;
            };
            let wanted = format!("requests.{resource}");
            let duplicate = hard.iter().any(|(k, _)| *k == wanted);
            sink.report(
                path.key(key),
                format!("`{key}` is ignored: quota counts `{resource}` only as `{wanted}`"),
            )
            .help(if duplicate {
                format!("remove `{key}`; `{wanted}` already limits it")
            } else {
                format!("rename the key to `{wanted}`")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn limits_and_bare_extended_resources_are_reported() {
        let yaml = "\
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: a}
spec:
  hard:
    limits.nvidia.com/gpu: 4
    amd.com/gpu: 2
    requests.amd.com/gpu: 2
";
        let found = check(&QuotaExtendedResourceIgnored, yaml);
        assert_eq!(
            render(&found),
            "6:28 [error] `limits.nvidia.com/gpu` is ignored: quota counts `nvidia.com/gpu` only as `requests.nvidia.com/gpu` (spec.hard[\"limits.nvidia.com/gpu\"])\n\
             7:18 [error] `amd.com/gpu` is ignored: quota counts `amd.com/gpu` only as `requests.amd.com/gpu` (spec.hard[\"amd.com/gpu\"])"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("rename the key to `requests.nvidia.com/gpu`")
        );
        assert_eq!(
            found[1].help.as_deref(),
            Some("remove `amd.com/gpu`; `requests.amd.com/gpu` already limits it")
        );
    }

    #[test]
    fn counted_keys_pass() {
        let yaml = "\
apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec:
  hard:
    requests.nvidia.com/gpu: 4
    limits.cpu: 8
    count/pytorchjobs.kubeflow.org: 2
    gold.storageclass.storage.k8s.io/requests.storage: 1Ti
    gpu.deviceclass.resource.k8s.io/devices: 4
    requests.hugepages-2Mi: 1Gi
    limits.kubernetes.io/foo: 1
";
        assert!(check(&QuotaExtendedResourceIgnored, yaml).is_empty());
    }

    #[test]
    fn other_kinds_and_malformed_quotas_pass() {
        for yaml in [
            "apiVersion: example.com/v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {limits.nvidia.com/gpu: 1}\n",
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: [limits.nvidia.com/gpu]\n",
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec: null\n",
        ] {
            assert!(
                check(&QuotaExtendedResourceIgnored, yaml).is_empty(),
                "{yaml}"
            );
        }
    }
}
