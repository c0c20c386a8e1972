use super::api::removal;
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports objects written against an API version that the target Kubernetes version
    /// (`--kubernetes-version`, default the newest) no longer serves, following the
    /// deprecated-API migration guide: `extensions/v1beta1` and `apps/v1beta1`/`v1beta2`
    /// workloads (removed in 1.16), `networking.k8s.io/v1beta1` Ingress (1.22),
    /// `batch/v1beta1` CronJob and `policy/v1beta1` PodDisruptionBudget (1.25),
    /// `autoscaling/v2beta2` HorizontalPodAutoscaler (1.26), the flow-control betas (1.26,
    /// 1.29, 1.32), and the others of the guide. The help names the replacement.
    ///
    /// ## Why is this bad?
    /// The API server rejects the object (`no matches for kind`), so a manifest that used to
    /// apply breaks after a cluster upgrade. Most replacements also renamed or restructured
    /// fields, so the apiVersion alone is rarely the whole fix.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: policy/v1beta1
    /// kind: PodDisruptionBudget
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   minAvailable: 1
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: policy/v1
    /// kind: PodDisruptionBudget
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   minAvailable: 1
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/using-api/deprecation-guide/>
    pub RemovedApi {
        name: "removed-api",
        category: Correctness,
        level: Error,
        summary: "apiVersion is no longer served by the target Kubernetes version",
    }
}

impl Rule for RemovedApi {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(api_version), Some(kind)) = (cx.object.api_version, cx.object.kind) else {
            return;
        };
        let Some(removed) = removal(api_version, kind) else {
            return;
        };
        if cx.settings.kubernetes_version < removed.removed_in {
            return;
        }
        let entry = sink.report(
            cx.path(&["apiVersion"]),
            format!(
                "`{kind}` in `{api_version}` was removed in Kubernetes {}",
                removed.removed_in
            ),
        );
        match removed.replacement {
            Some(new) => entry.help(format!(
                "use `apiVersion: {new}`, and check the migration guide for fields that changed"
            )),
            None => entry.help(format!(
                "`{kind}` has no successor: remove it and enforce Pod Security Admission with the `pod-security.kubernetes.io/enforce` namespace label"
            )),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{Settings, Version};

    const CRONJOB: &str = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: nightly}\n";

    fn at(minor: u32) -> Settings {
        Settings {
            kubernetes_version: Version::v1(minor),
            ..Settings::default()
        }
    }

    #[test]
    fn removed_at_and_after_the_release() {
        let found = check(&RemovedApi, CRONJOB);
        assert_eq!(
            render(&found),
            "1:13 [error] `CronJob` in `batch/v1beta1` was removed in Kubernetes v1.25 (apiVersion)"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(
                "use `apiVersion: batch/v1`, and check the migration guide for fields that changed"
            )
        );
        assert_eq!(check_with(&RemovedApi, CRONJOB, &at(25)).len(), 1);
        assert!(check_with(&RemovedApi, CRONJOB, &at(24)).is_empty());
    }

    #[test]
    fn the_guide_table() {
        for (v, k, minor) in [
            ("extensions/v1beta1", "Deployment", 16),
            ("apps/v1beta2", "StatefulSet", 16),
            ("extensions/v1beta1", "Ingress", 22),
            ("networking.k8s.io/v1beta1", "Ingress", 22),
            ("autoscaling/v2beta2", "HorizontalPodAutoscaler", 26),
            ("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", 29),
            (
                "flowcontrol.apiserver.k8s.io/v1beta3",
                "PriorityLevelConfiguration",
                32,
            ),
        ] {
            let yaml = format!("apiVersion: {v}\nkind: {k}\nmetadata: {{name: x}}\n");
            assert!(
                check_with(&RemovedApi, &yaml, &at(minor - 1)).is_empty(),
                "{v}"
            );
            assert_eq!(check_with(&RemovedApi, &yaml, &at(minor)).len(), 1, "{v}");
        }
    }

    #[test]
    fn psp_has_no_successor() {
        let yaml = "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: x}\n";
        let found = check(&RemovedApi, yaml);
        assert!(found[0].help.as_deref().unwrap().contains("no successor"));
    }

    #[test]
    fn served_and_malformed_objects_pass() {
        for yaml in [
            "apiVersion: batch/v1\nkind: CronJob\n",
            "apiVersion: extensions/v1beta1\n",
            "kind: CronJob\n",
            "apiVersion: null\nkind: [CronJob]\n",
            "apiVersion: apps/v1beta1\nkind: Ingress\n",
        ] {
            assert!(check(&RemovedApi, yaml).is_empty(), "{yaml}");
        }
    }
}
