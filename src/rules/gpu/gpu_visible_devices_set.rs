use super::resources::first_gpu;
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

const VARIABLES: [&str; 2] = ["CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES"];

declare_rule! {
    /// ## What it does
    /// Reports `CUDA_VISIBLE_DEVICES` and `NVIDIA_VISIBLE_DEVICES` set in the `env` of any
    /// container, init container or ephemeral container of a pod that asks for GPUs.
    ///
    /// ## Why is this bad?
    /// The NVIDIA device plugin decides which GPUs a container gets and passes them to the
    /// container runtime; `NVIDIA_VISIBLE_DEVICES` is how it does so. Setting it by hand
    /// overrides the allocation: the container may see GPUs that belong to other pods, or
    /// none. `CUDA_VISIBLE_DEVICES` then renumbers what is visible, so a hand-written list
    /// (`0,1,2,3`) hides allocated GPUs or names ones that do not exist in the container.
    /// Frameworks pick the right device from `LOCAL_RANK` instead.
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
    ///     env:
    ///     - name: CUDA_VISIBLE_DEVICES
    ///       value: "0,1,2,3"
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 4
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
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 4
    /// ```
    ///
    /// ## References
    /// - <https://github.com/NVIDIA/k8s-device-plugin#configuration-option-details> (`DEVICE_LIST_STRATEGY`)
    /// - <https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html#gpu-enumeration>
    pub GpuVisibleDevicesSet {
        name: "gpu-visible-devices-set",
        category: Gpu,
        level: Warning,
        summary: "device visibility variable set by hand in a GPU pod",
    }
}

impl Rule for GpuVisibleDevicesSet {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        if first_gpu(cx.pod).is_none() {
            return;
        }
        for c in cx.containers() {
            let env = c.node.get("env").and_then(Node::as_seq).unwrap_or_default();
            for (i, var) in env.iter().enumerate() {
                let Some(name) = var
                    .get("name")
                    .and_then(Node::as_str)
                    .filter(|n| VARIABLES.contains(n))
                else {
                    continue;
                };
                sink.report(
                    c.path(&["env"]).index(i).key("name"),
                    format!(
                        "{} sets `{name}`, which the GPU device plugin manages",
                        c.describe()
                    ),
                )
                .help(format!(
                    "remove `{name}`: the container sees exactly the GPUs it was allocated; pick a device per process from `LOCAL_RANK`"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn both_variables_are_reported_in_every_container_of_a_gpu_pod() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: i
    image: x:1
    env: [{name: NVIDIA_VISIBLE_DEVICES, value: all}]
  containers:
  - name: a
    image: x:1
    env:
    - {name: OTHER, value: x}
    - name: CUDA_VISIBLE_DEVICES
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    resources: {limits: {nvidia.com/gpu: 2}}
";
        assert_eq!(
            render(&check(&GpuVisibleDevicesSet, yaml)),
            "8:18 [warning] init container \"i\" sets `NVIDIA_VISIBLE_DEVICES`, which the GPU device plugin manages (spec.initContainers[0].env[0].name)\n\
             14:13 [warning] container \"a\" sets `CUDA_VISIBLE_DEVICES`, which the GPU device plugin manages (spec.containers[0].env[1].name)"
        );
    }

    #[test]
    fn pods_without_gpus_and_malformed_env_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, env: [{name: NVIDIA_VISIBLE_DEVICES, value: all}]}\n";
        assert!(check(&GpuVisibleDevicesSet, yaml).is_empty());
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, env: {a: 1}, resources: {limits: {nvidia.com/gpu: 1}}}\n  - {name: b, image: x:1, env: [null, 3, {name: 5}]}\n";
        assert!(check(&GpuVisibleDevicesSet, yaml).is_empty());
    }
}
