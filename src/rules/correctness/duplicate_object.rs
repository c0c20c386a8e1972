use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports an object that an earlier document (or `List` item) of the same file
    /// already defines: the same API group, kind, namespace and name. The API version may
    /// differ (`apps/v1` and `apps/v1beta2` name the same Deployment). Objects named by
    /// `generateName` are distinct ones, and so are objects written without a namespace
    /// and in `default`, since the namespace they land in depends on where they are
    /// applied. Only objects of one file are compared: the same object in two files is
    /// what per-environment directories are made of.
    ///
    /// ## Why is this bad?
    /// `kubectl apply -f` applies both in turn without a warning: the later one replaces
    /// the earlier, so the settings of the first silently never take effect (or, where a
    /// field cannot change, such as a PriorityClass's `value`, the second is rejected).
    /// kustomize refuses such input, and Argo CD flags it as a repeated resource. It is
    /// almost always a copied document whose name was not changed.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: train-config
    ///   namespace: team-a
    /// data:
    ///   epochs: "10"
    /// ---
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: train-config
    ///   namespace: team-a
    /// data:
    ///   epochs: "20"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: train-config
    ///   namespace: team-a
    /// data:
    ///   epochs: "10"
    /// ---
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: eval-config
    ///   namespace: team-a
    /// data:
    ///   epochs: "20"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/>
    /// - <https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/>
    pub DuplicateObject {
        name: "duplicate-object",
        category: Correctness,
        level: Warning,
        summary: "the same object is defined twice in one file",
    }
}

impl Rule for DuplicateObject {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(first), Some(kind), Some(name)) =
            (cx.first_definition, cx.object.kind, cx.object.name)
        else {
            return;
        };
        let namespace = cx
            .object
            .namespace
            .map(|ns| format!(" in namespace `{ns}`"))
            .unwrap_or_default();
        sink.report(
            cx.path(&["metadata", "name"]),
            format!(
                "object `{kind}/{name}`{namespace} repeats the one at line {first} of this file; applied together, this one replaces it"
            ),
        )
        .help("remove one of the two, or give this one a name of its own");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n  namespace: team-a\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - {name: t, image: x:1}\n";

    #[test]
    fn a_repeated_object_is_reported_at_each_later_name() {
        let yaml = format!("{JOB}---\n{JOB}---\n{JOB}");
        let found = check(&DuplicateObject, &yaml);
        assert_eq!(
            render(&found),
            "16:9 [warning] object `Job/train` in namespace `team-a` repeats the one at line 4 of this file; applied together, this one replaces it (metadata.name)\n\
             28:9 [warning] object `Job/train` in namespace `team-a` repeats the one at line 4 of this file; applied together, this one replaces it (metadata.name)"
        );
    }

    #[test]
    fn another_version_of_the_same_group_is_the_same_object() {
        let yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\napiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: web}\n";
        let found = check(&DuplicateObject, yaml);
        assert_eq!(
            render(&found),
            "7:18 [warning] object `Deployment/web` repeats the one at line 3 of this file; applied together, this one replaces it (metadata.name)"
        );
    }

    #[test]
    fn list_items_and_documents_are_compared_with_each_other() {
        let yaml = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
        let found = check(&DuplicateObject, yaml);
        assert_eq!(found.len(), 1, "{}", render(&found));
        assert_eq!(found[0].position.line, 9);
        assert!(found[0].message.contains("at line 4"));
    }

    #[test]
    fn objects_that_differ_in_group_kind_namespace_or_name_are_distinct() {
        for other in [
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: train, namespace: team-b}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: train}\n",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: train, namespace: team-a}\n",
            "apiVersion: kubeflow.org/v1\nkind: Job\nmetadata: {name: train, namespace: team-a}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: eval, namespace: team-a}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: train, namespace: team-a}\n",
        ] {
            let yaml = format!("{JOB}---\n{other}");
            assert!(check(&DuplicateObject, &yaml).is_empty(), "{other}");
        }
    }

    #[test]
    fn the_same_object_in_two_files_is_not_reported() {
        let report = crate::lint::lint_texts(
            &[("prod/job.yaml", JOB), ("staging/job.yaml", JOB)],
            &crate::lint::Settings::default(),
            &[&DuplicateObject],
        );
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    #[test]
    fn a_katib_trial_template_is_not_an_object_of_the_file() {
        let yaml = "\
apiVersion: kubeflow.org/v1beta1
kind: Experiment
metadata: {name: train, namespace: team-a}
spec:
  trialTemplate:
    trialSpec:
      apiVersion: batch/v1
      kind: Job
      metadata: {name: train, namespace: team-a}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
            - {name: t, image: x:1}
---
apiVersion: batch/v1
kind: Job
metadata: {name: train, namespace: team-a}
";
        assert!(check(&DuplicateObject, yaml).is_empty());
    }
}
