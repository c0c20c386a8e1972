use super::workload::{has_checkpoint_storage, is_training, spot_placement};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::pod_templates;

declare_rule! {
    /// ## What it does
    /// Reports a training workload whose pods may run on spot or preemptible nodes while no
    /// pod of it has checkpoint storage. Spot placement is a toleration, a node selector or
    /// a required node-affinity term for GKE `cloud.google.com/gke-spot` (or
    /// `gke-preemptible`), AKS `kubernetes.azure.com/scalesetpriority: spot`, Karpenter
    /// `karpenter.sh/capacity-type: spot` or EKS `eks.amazonaws.com/capacityType: SPOT`.
    /// Checkpoint storage is a volume that outlives the pod (a PersistentVolumeClaim, a
    /// generic ephemeral volume, NFS, CSI, or a StatefulSet volume claim template) mounted
    /// read-write in a regular container, or a checkpoint setting (an env var named like
    /// `*CHECKPOINT*`/`*CKPT*`, or a `--checkpoint...`/`--ckpt...` argument) that points at an
    /// object store (`s3://`, `gs://`, `az://`, `abfs://`, `hdfs://`, ...).
    ///
    /// ## Why is this bad?
    /// Spot nodes are reclaimed with a minute or less of notice. A run that cannot resume
    /// from a checkpoint starts again from step zero every time, and can spend its whole
    /// budget without finishing. An `emptyDir` dies with the pod, so it does not count.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: finetune
    ///   labels:
    ///     app.kubernetes.io/component: training
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       nodeSelector:
    ///         cloud.google.com/gke-spot: "true"
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: finetune
    ///   labels:
    ///     app.kubernetes.io/component: training
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       nodeSelector:
    ///         cloud.google.com/gke-spot: "true"
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         volumeMounts:
    ///         - name: checkpoints
    ///           mountPath: /checkpoints
    ///       volumes:
    ///       - name: checkpoints
    ///         persistentVolumeClaim:
    ///           claimName: finetune-checkpoints
    /// ```
    ///
    /// ## References
    /// - <https://cloud.google.com/kubernetes-engine/docs/concepts/spot-vms>
    /// - <https://learn.microsoft.com/azure/aks/spot-node-pool>
    /// - <https://karpenter.sh/docs/concepts/nodepools/>
    pub SpotTrainingWithoutCheckpoint {
        name: "spot-training-without-checkpoint",
        category: Ml,
        level: Warning,
        summary: "training on spot nodes without checkpoint storage",
    }
}

impl Rule for SpotTrainingWithoutCheckpoint {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        if !is_training(object) {
            return;
        }
        let templates = pod_templates(object);
        let Some((template, (path, key))) = templates
            .iter()
            .find_map(|t| Some((t, spot_placement(t.spec)?)))
        else {
            return;
        };
        if !is_training(object) || has_checkpoint_storage(object) {
            return;
        }
        sink.report(
            object.path.join(&template.path).join(&path),
            format!(
                "training may run on spot nodes (`{key}`) without checkpoint storage"
            ),
        )
        .help("mount a PersistentVolumeClaim read-write and save checkpoints to it (or to an object store), and resume from the latest one on start");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&SpotTrainingWithoutCheckpoint, yaml))
    }

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: ft, labels: {app.kubernetes.io/component: training}}
spec:
  template:
    spec:
      tolerations:
      - {key: nvidia.com/gpu, operator: Exists}
      - {key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule}
      containers:
      - name: t
        image: x:1
        volumeMounts: [{name: ckpt, mountPath: /ckpt}]
      volumes:
      - {name: ckpt, emptyDir: {}}
";

    #[test]
    fn spot_toleration_with_only_an_empty_dir_is_reported() {
        assert_eq!(
            run(JOB),
            "9:9 [warning] training may run on spot nodes (`kubernetes.azure.com/scalesetpriority`) without checkpoint storage (spec.template.spec.tolerations[1])"
        );
    }

    #[test]
    fn persistent_volumes_and_object_stores_count() {
        let pvc = JOB.replace("emptyDir: {}", "persistentVolumeClaim: {claimName: c}");
        assert_eq!(run(&pvc), "");
        let eph = JOB.replace(
            "emptyDir: {}",
            "ephemeral: {volumeClaimTemplate: {spec: {}}}",
        );
        assert_eq!(run(&eph), "");
        let read_only = pvc.replace("mountPath: /ckpt}", "mountPath: /ckpt, readOnly: true}");
        assert_ne!(run(&read_only), "");
        let env = JOB.replace(
            "        volumeMounts",
            "        env: [{name: CHECKPOINT_DIR, value: \"s3://bucket/run\"}]\n        volumeMounts",
        );
        assert_eq!(run(&env), "");
        let args = JOB.replace(
            "        volumeMounts",
            "        args: [--ckpt-dir, \"gs://bucket/run\"]\n        volumeMounts",
        );
        assert_eq!(run(&args), "");
        let unrelated = JOB.replace(
            "        volumeMounts",
            "        args: [--data, \"gs://bucket/data\"]\n        volumeMounts",
        );
        assert_ne!(run(&unrelated), "");
    }

    #[test]
    fn selectors_and_affinity_count_as_spot() {
        let selector = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: b}
spec:
  pytorchReplicaSpecs:
    Worker:
      template:
        spec:
          nodeSelector: {karpenter.sh/capacity-type: spot}
          containers: [{name: pytorch, image: x:1}]
";
        assert_eq!(
            run(selector),
            "9:54 [warning] training may run on spot nodes (`karpenter.sh/capacity-type`) without checkpoint storage (spec.pytorchReplicaSpecs.Worker.template.spec.nodeSelector[\"karpenter.sh/capacity-type\"])"
        );
        assert_eq!(
            run(&selector.replace("capacity-type: spot", "capacity-type: on-demand")),
            ""
        );
        let affinity = "\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s, labels: {app.kubernetes.io/component: training}}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: eks.amazonaws.com/capacityType, operator: In, values: [SPOT]}
      containers: [{name: t, image: x:1, volumeMounts: [{name: data, mountPath: /ckpt}]}]
";
        assert_eq!(run(affinity).lines().count(), 1);
        let claimed = format!("{affinity}  volumeClaimTemplates: [{{metadata: {{name: data}}}}]\n");
        assert_eq!(run(&claimed), "");
    }

    #[test]
    fn non_training_and_malformed_input_pass() {
        assert_eq!(
            run(&JOB.replace("component: training", "component: inference")),
            ""
        );
        for bad in [
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: b, labels: {app.kubernetes.io/component: training}}\nspec: {template: {spec: {tolerations: 3, nodeSelector: [1], containers: [{name: t, image: x:1}]}}}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: b, labels: {app.kubernetes.io/component: training}}\nspec: {template: {spec: {tolerations: [null, {key: 5}], affinity: {nodeAffinity: 1}, containers: [{name: t, image: x:1}]}}}\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
    }
}
