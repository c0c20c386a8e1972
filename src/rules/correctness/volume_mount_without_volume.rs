use crate::declare_rule;
use crate::input::did_you_mean;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path};

declare_rule! {
    /// ## What it does
    /// Reports `volumeMounts` and `volumeDevices` of containers, init containers and
    /// ephemeral containers that name no volume of the pod's `volumes` (claim templates
    /// count), and the shared `volumeMounts` of an Argo container set. The templates of an
    /// Argo WorkflowTemplate are not checked: the workflow that calls them may hold the
    /// volumes. Nor are the pods of NVIDIA Dynamo deployments, whose operator adds a
    /// PersistentVolumeClaim volume for every mount that names no volume.
    ///
    /// ## Why is this bad?
    /// The API server rejects the pod (`volumeMounts[0].name: Not found`); for a
    /// Deployment or Job, the controller keeps failing to create pods. A typo in the volume
    /// name of a checkpoint or `/dev/shm` mount is the usual cause.
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
    ///     volumeMounts:
    ///     - name: dshm
    ///       mountPath: /dev/shm
    ///   volumes:
    ///   - name: shm
    ///     emptyDir:
    ///       medium: Memory
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
    ///     volumeMounts:
    ///     - name: dshm
    ///       mountPath: /dev/shm
    ///   volumes:
    ///   - name: dshm
    ///     emptyDir:
    ///       medium: Memory
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/storage/volumes/>
    pub VolumeMountWithoutVolume {
        name: "volume-mount-without-volume",
        category: Correctness,
        level: Error,
        summary: "volume mount names no volume of the pod",
    }
}

impl Rule for VolumeMountWithoutVolume {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        // A WorkflowTemplate's templates run with the volumes of the workflow that calls
        // them, which the template cannot show.
        if cx.pod.workflow.is_some()
            && matches!(
                cx.object.kind,
                Some("WorkflowTemplate" | "ClusterWorkflowTemplate")
            )
        {
            return;
        }
        // The Dynamo operator adds a PersistentVolumeClaim volume for a mount that names
        // none, and the shared-memory volume of its `/dev/shm` mount.
        if crate::manifest::is_dynamo(cx.object) {
            return;
        }
        let mut volumes: Vec<&str> = cx
            .volumes()
            .filter_map(|v| v.node.get("name").and_then(Node::as_str))
            .collect();
        // A StatefulSet's (and a LeaderWorkerSet's, an Argo workflow's, and a Seldon
        // ServerConfig's, which becomes a StatefulSet) claim templates are volumes of its pods.
        let spec = cx.object.node.get("spec");
        let seldon = cx.object.group() == Some("mlops.seldon.io");
        let claim_name: &[&str] = if seldon {
            // Seldon's claim templates carry their name at the top, not under `metadata`.
            &["name"]
        } else {
            &["metadata", "name"]
        };
        let claims = match (&cx.pod.workflow, cx.object.kind) {
            (Some(workflow), _) => workflow.spec.get("volumeClaimTemplates"),
            (None, Some("StatefulSet")) => spec.and_then(|s| s.get("volumeClaimTemplates")),
            (None, Some("ServerConfig")) if seldon => {
                spec.and_then(|s| s.get("volumeClaimTemplates"))
            }
            (None, Some("LeaderWorkerSet")) => spec
                .and_then(|s| s.get("leaderWorkerTemplate"))
                .and_then(|t| t.get("volumeClaimTemplates")),
            _ => None,
        };
        volumes.extend(names(claims, claim_name));
        // A JobSet's volume claim policies add their claims to the pods of every Job.
        if crate::rules::ml::workload::is_jobset(cx.object) {
            let policies = spec.and_then(|s| s.get("volumeClaimPolicies"));
            for policy in policies.and_then(Node::as_seq).unwrap_or_default() {
                volumes.extend(names(policy.get("templates"), &["metadata", "name"]));
            }
        }
        let mut check = |mounts: Option<&Node>, list: Path, who: &str| {
            for (i, mount) in mounts
                .and_then(Node::as_seq)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let Some(name) = mount.get("name").and_then(Node::as_str) else {
                    continue;
                };
                if name.is_empty() || volumes.contains(&name) {
                    continue;
                }
                let entry = sink.report(
                    list.index(i).key("name"),
                    format!("{who} mounts volume `{name}`, which the pod does not define"),
                );
                match did_you_mean(name, volumes.iter().copied()) {
                    Some(near) => entry.help(format!(
                        "did you mean `{near}`? Otherwise add a volume named `{name}` to `volumes`"
                    )),
                    None => entry.help(format!(
                        "add a volume named `{name}` to the pod's `volumes`"
                    )),
                };
            }
        };
        for c in cx.containers() {
            for field in ["volumeMounts", "volumeDevices"] {
                check(c.node.get(field), c.path(&[field]), &c.describe());
            }
        }
        // An Argo container set's shared mounts, which Argo adds to each of its containers.
        if cx.pod.workflow.is_some() {
            let shared = cx
                .spec()
                .get("containerSet")
                .and_then(|s| s.get("volumeMounts"));
            check(
                shared,
                cx.path(&["containerSet", "volumeMounts"]),
                "container set",
            );
        }
    }
}

/// The string at `keys` of every item of a list.
fn names<'a>(list: Option<&'a Node>, keys: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
    list.and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|item| keys.iter().try_fold(item, |n, k| n.get(k))?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn typo_and_missing_volumes() {
        let yaml = "\
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: fetch, image: x:1, volumeMounts: [{name: data, mountPath: /d}]}
      containers:
      - name: train
        image: x:1
        volumeMounts:
        - {name: checkpoint, mountPath: /ckpt}
        - {name: data, mountPath: /data}
        volumeDevices: [{name: raw, devicePath: /dev/xvda}]
      volumes:
      - {name: checkpoints, persistentVolumeClaim: {claimName: c}}
";
        let found = check(&VolumeMountWithoutVolume, yaml);
        assert_eq!(
            render(&found),
            "9:57 [error] init container \"fetch\" mounts volume `data`, which the pod does not define (spec.template.spec.initContainers[0].volumeMounts[0].name)\n\
             14:18 [error] container \"train\" mounts volume `checkpoint`, which the pod does not define (spec.template.spec.containers[0].volumeMounts[0].name)\n\
             15:18 [error] container \"train\" mounts volume `data`, which the pod does not define (spec.template.spec.containers[0].volumeMounts[1].name)\n\
             16:32 [error] container \"train\" mounts volume `raw`, which the pod does not define (spec.template.spec.containers[0].volumeDevices[0].name)"
        );
        assert_eq!(
            found[1].help.as_deref(),
            Some(
                "did you mean `checkpoints`? Otherwise add a volume named `checkpoint` to `volumes`"
            )
        );
    }

    #[test]
    fn dynamo_pods_get_their_volumes_from_the_operator() {
        let yaml = "apiVersion: nvidia.com/v1alpha1\nkind: DynamoGraphDeployment\nmetadata: {name: g}\nspec:\n  services:\n    Worker:\n      extraPodSpec:\n        mainContainer: {image: x:1, volumeMounts: [{name: model-cache, mountPath: /models}]}\n";
        assert!(check(&VolumeMountWithoutVolume, yaml).is_empty());
        let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, volumeMounts: [{name: model-cache, mountPath: /models}]}]\n";
        assert_eq!(check(&VolumeMountWithoutVolume, job).len(), 1);
    }

    #[test]
    fn claim_templates_are_volumes() {
        let yaml = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  template: {spec: {containers: [{name: a, image: b, volumeMounts: [{name: data, mountPath: /d}]}]}}\n  volumeClaimTemplates: [{metadata: {name: data}}, {metadata: 3}]\n";
        assert!(check(&VolumeMountWithoutVolume, yaml).is_empty());
        let job = yaml.replace("kind: StatefulSet", "kind: Deployment");
        assert_eq!(check(&VolumeMountWithoutVolume, &job).len(), 1);
        // Seldon Core makes a StatefulSet of a ServerConfig's pod spec and claim templates.
        let server_config = "apiVersion: mlops.seldon.io/v1alpha1\nkind: ServerConfig\nmetadata: {name: mlserver}\nspec:\n  podSpec: {containers: [{name: a, image: b, volumeMounts: [{name: models, mountPath: /mnt/models}]}]}\n  volumeClaimTemplates: [{name: models, spec: {}}]\n";
        assert!(check(&VolumeMountWithoutVolume, server_config).is_empty());
        let missing =
            server_config.replace("[{name: models, spec: {}}]", "[{name: other, spec: {}}]");
        assert_eq!(check(&VolumeMountWithoutVolume, &missing).len(), 1);
        // A JobSet's volume claim policies give every Job's pods their claims.
        let jobset = "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: j}\nspec:\n  volumeClaimPolicies: [{templates: [{metadata: {name: ckpt}}], retentionPolicy: {whenDeleted: Delete}}]\n  replicatedJobs:\n  - name: node\n    template: {spec: {template: {spec: {containers: [{name: a, image: b, volumeMounts: [{name: ckpt, mountPath: /c}, {name: data, mountPath: /d}]}]}}}}\n";
        assert_eq!(
            render(&check(&VolumeMountWithoutVolume, jobset)),
            "8:125 [error] container \"a\" mounts volume `data`, which the pod does not define (spec.replicatedJobs[0].template.spec.template.spec.containers[0].volumeMounts[1].name)"
        );
    }

    #[test]
    fn argo_container_set_mounts_and_workflow_templates() {
        let workflow = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  volumes: [{name: workspace, emptyDir: {}}]\n  templates:\n  - name: main\n    containerSet:\n      volumeMounts: [{name: worksapce, mountPath: /w}]\n      containers: [{name: a, image: x:1, volumeMounts: [{name: workspace, mountPath: /x}]}]\n";
        // The shared mount names no volume; the container's own mount names a workflow
        // volume that only the container set's shared mounts would bring into the pod.
        assert_eq!(
            render(&check(&VolumeMountWithoutVolume, workflow)),
            "8:29 [error] container set mounts volume `worksapce`, which the pod does not define (spec.templates[0].containerSet.volumeMounts[0].name)\n\
             9:64 [error] container \"a\" mounts volume `workspace`, which the pod does not define (spec.templates[0].containerSet.containers[0].volumeMounts[0].name)"
        );
        // A WorkflowTemplate's volumes may come from the workflow that calls it.
        let library = workflow.replace("kind: Workflow", "kind: WorkflowTemplate");
        assert!(check(&VolumeMountWithoutVolume, &library).is_empty());
    }

    #[test]
    fn defined_and_malformed_mounts_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: a}, 3, {name: 4}]\n  containers:\n  - {name: c, image: x, volumeMounts: [{name: a}, {name: ''}, {mountPath: /x}, 7, {name: [a]}]}\n  - {name: d, image: x, volumeMounts: {name: b}}\n";
        assert!(check(&VolumeMountWithoutVolume, yaml).is_empty());
    }
}
