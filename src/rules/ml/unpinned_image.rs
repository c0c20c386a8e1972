use super::workload::is_train_job;
use crate::declare_rule;
use crate::lint::{ObjectCx, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path};
use crate::validate::ImageReference;

declare_rule! {
    /// ## What it does
    /// Reports a container, init container or ephemeral container (or the trainer of a
    /// Kubeflow `TrainJob`, `spec.trainer.image`) whose image has neither a
    /// tag nor a digest, or whose only tag is `latest`. Image references that do not parse
    /// are left to the correctness rules.
    ///
    /// ## Why is this bad?
    /// An unpinned image changes under a running job: a worker restarted after a node
    /// failure pulls a newer framework than the other workers, and a distributed run fails
    /// or, worse, silently diverges. Results cannot be reproduced later. Pin a version tag,
    /// or better a digest (`@sha256:...`).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   containers:
    ///   - name: lab
    ///     image: pytorch/pytorch:latest
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
    ///   - name: lab
    ///     image: pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/containers/images/#image-names>
    pub UnpinnedImage {
        name: "unpinned-image",
        category: Ml,
        level: Warning,
        summary: "image without a pinned tag or digest",
    }
}

impl Rule for UnpinnedImage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let Some(image) = c.node.get("image").and_then(Node::as_str) else {
                continue;
            };
            if let Some(problem) = unpinned(image) {
                report(sink, c.path(&["image"]), image, &c.describe(), problem);
            }
        }
    }

    /// A Kubeflow TrainJob names its trainer's image outside any pod template.
    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        if !is_train_job(object) {
            return;
        }
        let Some(image) = object
            .node
            .get("spec")
            .and_then(|s| s.get("trainer"))
            .and_then(|t| t.get("image"))
            .and_then(Node::as_str)
        else {
            return;
        };
        if let Some(problem) = unpinned(image) {
            let at = cx.path(&["spec", "trainer", "image"]);
            report(sink, at, image, "the trainer", problem);
        }
    }
}

/// What is unpinned about `image`: "has no tag or digest" or "uses the `latest` tag".
/// References that do not parse are another rule's business.
fn unpinned(image: &str) -> Option<&'static str> {
    let reference = ImageReference::parse(image).ok()?;
    if reference.digest.is_some() {
        return None;
    }
    match reference.tag {
        None => Some("has no tag or digest"),
        Some("latest") => Some("uses the `latest` tag"),
        Some(_) => None,
    }
}

fn report(sink: &mut Sink, at: Path, image: &str, of: &str, problem: &str) {
    sink.report(at, format!("image `{image}` of {of} {problem}"))
        .help("pin a version tag (`:2.4.0`) or a digest (`@sha256:...`) so every pod runs the same image");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&UnpinnedImage, yaml))
    }

    #[test]
    fn a_trainjob_trainer_image_is_checked() {
        let job = "apiVersion: trainer.kubeflow.org/v1alpha1\nkind: TrainJob\nmetadata: {name: t}\nspec:\n  runtimeRef: {name: torch-distributed}\n  trainer: {image: alpine:latest, numNodes: 2}\n";
        assert_eq!(
            run(job),
            "6:20 [warning] image `alpine:latest` of the trainer uses the `latest` tag (spec.trainer.image)"
        );
        assert_eq!(run(&job.replace("alpine:latest", "alpine:3.20")), "");
        assert_eq!(run(&job.replace("trainer.kubeflow.org", "example.com")), "");
    }

    #[test]
    fn untagged_and_latest_are_reported_at_the_image() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
      - {name: init, image: busybox}
      containers:
      - name: app
        image: registry.example.com:5000/team/app:latest
      - {name: ok, image: nginx:1.27}
";
        assert_eq!(
            run(yaml),
            "8:29 [warning] image `busybox` of init container \"init\" has no tag or digest (spec.template.spec.initContainers[0].image)\n\
             11:16 [warning] image `registry.example.com:5000/team/app:latest` of container \"app\" uses the `latest` tag (spec.template.spec.containers[0].image)"
        );
    }

    #[test]
    fn digests_and_tags_pass() {
        let digest = format!("img:latest@sha256:{}", "a".repeat(64));
        let yaml = format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - {{name: a, image: \"{digest}\"}}\n  - {{name: b, image: \"localhost:5000/img:v1\"}}\n"
        );
        assert_eq!(run(&yaml), "");
    }

    #[test]
    fn malformed_images_are_left_to_correctness() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: \"Bad Image\"}\n  - {name: b, image: 5}\n  - {name: c}\n  - {name: d, image: \"\"}\n";
        assert_eq!(run(yaml), "");
    }
}
