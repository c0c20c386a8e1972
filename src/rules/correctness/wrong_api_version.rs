use super::api::{SERVED, group_of, is_builtin_group, is_served, removal};
use crate::declare_rule;
use crate::input::did_you_mean;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink, Version};

declare_rule! {
    /// ## What it does
    /// Reports objects whose `kind` is not served at their `apiVersion` although the group
    /// is one of Kubernetes' own: a CronJob under `v1` or `batch/v1beta2`, a
    /// PodDisruptionBudget under `apps/v1`, a misspelled kind in a built-in group. The table
    /// of served kinds is the newest Kubernetes release's; versions that older releases
    /// served are left to `removed-api`. Custom resources (other groups) are not checked.
    ///
    /// ## Why is this bad?
    /// The API server answers `no matches for kind "CronJob" in version "v1"` and applies
    /// nothing; in a GitOps pipeline the whole sync fails.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: CronJob
    /// metadata:
    ///   name: nightly-retrain
    /// spec:
    ///   schedule: "0 2 * * *"
    ///   jobTemplate:
    ///     spec:
    ///       template:
    ///         spec:
    ///           restartPolicy: Never
    ///           containers:
    ///           - name: retrain
    ///             image: registry.example.com/retrain:2.0.1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: CronJob
    /// metadata:
    ///   name: nightly-retrain
    /// spec:
    ///   schedule: "0 2 * * *"
    ///   jobTemplate:
    ///     spec:
    ///       template:
    ///         spec:
    ///           restartPolicy: Never
    ///           containers:
    ///           - name: retrain
    ///             image: registry.example.com/retrain:2.0.1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/using-api/#api-groups>
    /// - <https://kubernetes.io/docs/reference/kubernetes-api/>
    pub WrongApiVersion {
        name: "wrong-api-version",
        category: Correctness,
        level: Error,
        summary: "kind is not served at its apiVersion",
    }
}

impl Rule for WrongApiVersion {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(api_version), Some(kind)) = (cx.object.api_version, cx.object.kind) else {
            return;
        };
        // Lists (`kind: List`, `DeploymentList`) are not served kinds but are accepted.
        if kind.ends_with("List")
            || !is_builtin_group(api_version)
            || is_served(api_version, kind)
            || removal(api_version, kind).is_some()
        {
            return;
        }
        let group = group_of(api_version);
        let elsewhere: Vec<&str> = SERVED
            .iter()
            .filter(|k| k.kind == kind)
            .map(|k| k.api_version)
            .collect();
        let in_group = elsewhere.iter().any(|v| group_of(v) == group);
        if in_group {
            // The version may be a pre-release one that an older target still served.
            let version = &api_version[api_version.rfind('/').map_or(0, |i| i + 1)..];
            let prerelease = version.contains("alpha") || version.contains("beta");
            if prerelease && cx.settings.kubernetes_version < Version::NEWEST {
                return;
            }
        }
        let path = cx.path(&["apiVersion"]);
        if !elsewhere.is_empty() {
            sink.report(
                path,
                format!("`{kind}` is not served at apiVersion `{api_version}`"),
            )
            .help(format!(
                "use {}",
                elsewhere
                    .iter()
                    .map(|v| format!("`apiVersion: {v}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ));
            return;
        }
        let kinds = SERVED
            .iter()
            .filter(|k| group_of(k.api_version) == group)
            .map(|k| k.kind);
        let entry = sink.report(
            cx.path(&["kind"]),
            format!("kind `{kind}` does not exist in the API group of `{api_version}`"),
        );
        match did_you_mean(kind, kinds) {
            Some(near) => entry.help(format!("did you mean `kind: {near}`?")),
            None => entry.help("check the kind and apiVersion against `kubectl api-resources`"),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Settings;
    use crate::lint::testing::{check, check_with, render};

    fn obj(api_version: &str, kind: &str) -> String {
        format!("apiVersion: {api_version}\nkind: {kind}\nmetadata: {{name: x}}\n")
    }

    #[test]
    fn kind_in_the_wrong_group_names_the_right_one() {
        assert_eq!(
            render(&check(&WrongApiVersion, &obj("v1", "CronJob"))),
            "1:13 [error] `CronJob` is not served at apiVersion `v1` (apiVersion)"
        );
        let found = check(&WrongApiVersion, &obj("apps/v1", "PodDisruptionBudget"));
        assert_eq!(
            found[0].help.as_deref(),
            Some("use `apiVersion: policy/v1`")
        );
        let found = check(
            &WrongApiVersion,
            &obj("autoscaling/v3", "HorizontalPodAutoscaler"),
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("use `apiVersion: autoscaling/v1` or `apiVersion: autoscaling/v2`")
        );
    }

    #[test]
    fn misspelled_kind_gets_a_suggestion() {
        let found = check(&WrongApiVersion, &obj("apps/v1", "Deploymnet"));
        assert_eq!(
            render(&found),
            "2:7 [error] kind `Deploymnet` does not exist in the API group of `apps/v1` (kind)"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `kind: Deployment`?")
        );
    }

    #[test]
    fn served_removed_custom_and_list_kinds_pass() {
        for (v, k) in [
            ("batch/v1", "CronJob"),
            ("autoscaling/v1", "HorizontalPodAutoscaler"),
            ("autoscaling/v2", "HorizontalPodAutoscaler"),
            ("networking.k8s.io/v1", "Ingress"),
            ("scheduling.k8s.io/v1", "PriorityClass"),
            ("policy/v1beta1", "PodDisruptionBudget"),
            ("extensions/v1beta1", "Deployment"),
            ("batch.volcano.sh/v1alpha1", "Job"),
            ("kubeflow.org/v1", "PyTorchJob"),
            ("gateway.networking.k8s.io/v1", "HTTPRoute"),
            ("v1", "List"),
            ("apps/v1", "DeploymentList"),
        ] {
            assert!(check(&WrongApiVersion, &obj(v, k)).is_empty(), "{v} {k}");
        }
    }

    #[test]
    fn unknown_prerelease_versions_are_left_alone_for_older_targets() {
        let yaml = obj("resource.k8s.io/v1alpha2", "ResourceClaim");
        assert_eq!(check(&WrongApiVersion, &yaml).len(), 1);
        let settings = Settings {
            kubernetes_version: Version::v1(30),
            ..Settings::default()
        };
        assert!(check_with(&WrongApiVersion, &yaml, &settings).is_empty());
    }

    #[test]
    fn malformed_objects_do_not_misfire() {
        for yaml in [
            "kind: CronJob\n",
            "apiVersion: v1\n",
            "apiVersion: 1\nkind: Pod\n",
            "apiVersion: [v1]\nkind: {a: b}\n",
            "- 1\n- apiVersion: v1\n",
            "",
        ] {
            assert!(check(&WrongApiVersion, yaml).is_empty(), "{yaml}");
        }
    }
}
