use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;
use crate::validate::ImageReference;

declare_rule! {
    /// ## What it does
    /// Reports a container, init container or ephemeral container whose image has neither a
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
            let Ok(reference) = ImageReference::parse(image) else {
                continue;
            };
            if reference.digest.is_some() {
                continue;
            }
            let message = match reference.tag {
                None => format!("image `{image}` of {} has no tag or digest", c.describe()),
                Some("latest") => {
                    format!("image `{image}` of {} uses the `latest` tag", c.describe())
                }
                Some(_) => continue,
            };
            sink.report(c.path(&["image"]), message)
                .help("pin a version tag (`:2.4.0`) or a digest (`@sha256:...`) so every pod runs the same image");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&UnpinnedImage, yaml))
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
