# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mlk_global_optspecs
    string join \n color= config= h/help V/version
end

function __fish_mlk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mlk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mlk_using_subcommand
    set -l cmd (__fish_mlk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mlk -n "__fish_mlk_needs_command" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_needs_command" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_needs_command" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "train" -d 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "quota" -d 'Generate a team\'s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team\'s from an organisation file'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "serve" -d 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "init" -d 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "lint" -d 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "rule" -d 'Print the documentation of a lint rule, or list every rule'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "crd" -d 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c mlk -n "__fish_mlk_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlk -n "__fish_mlk_using_subcommand train" -s f -l file -d 'A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand train" -l name -d 'Name of the workload (lowercase, starting with a letter, at most 40 characters); default `<framework>-train`' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -s n -l namespace -d 'Namespace of every generated object' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l target -d 'What to emit' -r -f -a "job\t'batch/v1 Indexed Job (+ headless Service for several workers); any cluster'
statefulset\t'Headless Service + StatefulSet(s)'
trainingjob\t'The mlk.dev TrainingJob resource itself'
pytorchjob\t'Kubeflow Training Operator PyTorchJob (kubeflow.org/v1)'
tfjob\t'Kubeflow Training Operator TFJob (kubeflow.org/v1)'
jobset\t'JobSet (jobset.x-k8s.io/v1alpha2)'"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l framework -d 'Training framework' -r -f -a "pytorch\t''
tensorflow\t''
xgboost\t''
jax\t''
custom\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l image -d 'Container image (default: the framework\'s pinned image)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l command -d 'Command of the training container, split like a shell would (`--command "python train.py"`); default: the framework\'s smoke test' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l gpus -d 'GPUs per worker pod (MIG devices per pod with --mig). Total = workers x gpus' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l workers -d 'Number of worker pods (default 1, or what sizing computes)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l strategy -d 'Distribution strategy (default: ddp for PyTorch/JAX, multi-worker-mirrored for TensorFlow, none for single workers)' -r -f -a "ddp\t''
fsdp\t''
parameter-server\t''
multi-worker-mirrored\t''
none\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l parameter-servers -d 'Parameter-server pods with `--strategy parameter-server`' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l gpu-type -d 'GPU type: selects nodes by `nvidia.com/gpu.product` and sets the GPU memory for sizing (a100-40gb, a100-80gb, h100-80gb, h200, l4, ...)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l mig -d 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l gpu-resource -d 'Extended resource for GPUs of other vendors (`amd.com/gpu`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l cpu -d 'CPU per worker pod (`8`, `500m`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l memory -d 'Memory per worker pod (`64Gi`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l shm-size -d 'Size of the memory-backed /dev/shm for data loaders (`16Gi`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l priority-class -d 'PriorityClass of the pods' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l queue -d 'Kueue LocalQueue: adds `kueue.x-k8s.io/queue-name` (all-or-nothing admission)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l scheduler -d 'Scheduler; `volcano` adds a PodGroup with minMember = number of pods' -r -f -a "default\t''
volcano\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l node-selector -d 'Extra node selector `KEY=VALUE` (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l toleration -d 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l backoff-limit -d 'Pod failures tolerated before the job fails (default 3)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l deadline -d 'Wall-clock limit of the job (`12h`, `90m`, `2d`; default 72h with a checkpoint volume, 4h without)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l ttl -d 'Delete the finished job after this long (default 24h)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l restart-policy -d 'Pod restart policy (default Never, so podFailurePolicy can tell preemption from bugs)' -r -f -a "Never\t''
OnFailure\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l data -d 'Read-only data volume `PVC[:/mount/path]` (repeatable; default path /data/<pvc>)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l checkpoint-dir -d 'Mount path of the checkpoint volume (default /checkpoints)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l checkpoint-size -d 'Size of the checkpoint volume (`100Gi`); creates a PersistentVolumeClaim' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l storage-class -d 'StorageClass of the checkpoint claim' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l env -d 'Environment variable `KEY=VALUE` of the training container (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l env-from-secret -d 'Secret whose keys become environment variables (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l hyperparameter -d 'Hyperparameter `NAME=VALUE` (repeatable): `HP_<NAME>` variables, or `--name=value` arguments with `--hyperparameters-as args`' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l hyperparameters-as -d 'How hyperparameters reach the program' -r -f -a "env\t''
args\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l model-params -d 'Model size for sizing (`7B`, `350M`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l precision -d 'Training precision for sizing' -r -f -a "fp32\t''
fp16\t''
bf16\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l optimizer -d 'Optimizer for sizing' -r -f -a "adam\t''
adamw\t''
sgd\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l sharding -d 'Model-state sharding for sizing (`fsdp` = ZeRO-3)' -r -f -a "ddp\t''
zero1\t''
zero2\t''
zero3\t''
fsdp\t''"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l activation-memory -d 'Activation memory per GPU (`8Gi`) instead of the configured fraction' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -l data-size -d 'Size of the training data (`200Gi`), for CPU, memory and storage sizing' -r
complete -c mlk -n "__fish_mlk_using_subcommand train" -s o -l output -d 'Output format: multi-document YAML, or a JSON `List`' -r -f -a "yaml\t'Multi-document YAML'
json\t'A JSON `List` object with the manifests as `items`'"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand train" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand train" -l spot -d 'Run on spot nodes: tolerates the GKE and AKS spot taints (pick the pool with `--node-selector`); requires a checkpoint volume'
complete -c mlk -n "__fish_mlk_using_subcommand train" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand train" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand quota" -s f -l file -d 'An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l team -d 'The team: the name of its namespace (default: `defaults.namespace` of mlk.yaml)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l gpus -d 'GPUs of the team (whole devices)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l cpu -d 'CPU of the team (`100`, `500m`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l memory -d 'Memory of the team (`500Gi`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l storage -d 'Storage all the team\'s claims may request together (default 1Ti)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l gpu-type -d 'GPU type: the Kueue ResourceFlavor selects its nodes by `nvidia.com/gpu.product` (default: `defaults.gpuType` of mlk.yaml)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l gpu-resource -d 'Extended resource of the GPUs (default `nvidia.com/gpu`; `amd.com/gpu`, `nvidia.com/mig-1g.10gb`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-pods -d 'Most pods in the namespace (default 100)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-claims -d 'Most PersistentVolumeClaims in the namespace (default 20)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-jobs -d 'Most objects of each training-job kind: Job, PyTorchJob, TFJob, JobSet, TrainingJob (default 50)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-inference-services -d 'Most objects of each model-server kind: KServe and mlk.dev InferenceService (default 10)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l default-cpu -d 'CPU request and limit of containers that set none (default 500m)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l default-memory -d 'Memory request and limit of containers that set none (default 1Gi)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-pod-cpu -d 'Most CPU one container or pod may have (default: the team\'s CPU)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l max-pod-memory -d 'Most memory one container or pod may have (default: the team\'s memory)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l cohort -d 'Kueue cohort in which the team lends idle quota and borrows up to its own quota (with `-f`, each department is its teams\' cohort)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l queue-name -d 'Name of the LocalQueue (default: the team\'s name)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l pod-security-version -d 'Pod Security version the Namespace pins (`v1.35`; default: `defaults.kubernetesVersion` of mlk.yaml, else the newest mlk knows)' -r
complete -c mlk -n "__fish_mlk_using_subcommand quota" -s o -l output -d 'Output format: multi-document YAML, or a JSON `List`' -r -f -a "yaml\t'Multi-document YAML'
json\t'A JSON `List` object with the manifests as `items`'"
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l per-priority -d 'Also one ResourceQuota per ML PriorityClass, capping its share of the team\'s CPU, memory and GPUs (inference 50%, training 75%, experimentation 25%)'
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l priority-classes -d 'Also the cluster\'s ML PriorityClasses: ml-inference-critical (2000), ml-training-high-priority (1000), ml-experimentation (100, never preempts)'
complete -c mlk -n "__fish_mlk_using_subcommand quota" -l kueue -d 'Also Kueue objects: ResourceFlavors, a ClusterQueue with the team\'s budget and a LocalQueue in the namespace, for `mlk train --queue`'
complete -c mlk -n "__fish_mlk_using_subcommand quota" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand quota" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand serve" -s f -l file -d 'An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l name -d 'Name of the server (lowercase, starting with a letter, at most 40 characters); default `<runtime>-server`' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -s n -l namespace -d 'Namespace of every generated object' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l target -d 'What to emit' -r -f -a "deployment\t'Deployment + Service + HorizontalPodAutoscaler + PodDisruptionBudget; any cluster'
inferenceservice\t'The mlk.dev InferenceService resource itself'
kserve\t'KServe InferenceService (serving.kserve.io/v1beta1)'"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l runtime -d 'Serving runtime (default triton)' -r -f -a "triton\t''
torchserve\t''
tensorflow-serving\t''
vllm\t''
custom\t''"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l model-uri -d 'Where the model lives: `pvc://CLAIM/PATH`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or `hf://ORG/MODEL`' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l image -d 'Container image (default: the runtime\'s pinned image; required with `custom`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l command -d 'Command of a `custom` server, split like a shell would' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l port -d 'HTTP port of a `custom` server (default 8080)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l health-path -d 'Health endpoint of a `custom` server for its probes (default `/healthz`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l gpus -d 'GPUs per replica (default 1; `0` for CPU only)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l gpu-type -d 'GPU type: selects nodes by `nvidia.com/gpu.product`' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l mig -d 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l gpu-resource -d 'Extended resource for GPUs of other vendors (`amd.com/gpu`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l cpu -d 'CPU per replica (`8`, `500m`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l memory -d 'Memory per replica (`32Gi`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l shm-size -d 'Size of the memory-backed /dev/shm (`8Gi`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l model-params -d 'Model size (`7B`): sizes memory as the weights plus the KV-cache allowance' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l precision -d 'Precision of the served weights for sizing (default bf16)' -r -f -a "fp32\t''
fp16\t''
bf16\t''"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l min-replicas -d 'Fewest replicas (default 2)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l max-replicas -d 'Most replicas (default 10)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l target-utilization -d 'Target CPU utilization in percent of the request (default 70)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l metric -d 'Custom Pods metric `NAME=TARGET` with its average target per pod (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l scale-up-stabilization -d 'Scale-up stabilization window in seconds (default 60)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l scale-up-percent -d 'Most replicas added per period, in percent of the current ones (default 100)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l scale-down-stabilization -d 'Scale-down stabilization window in seconds (default 300)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l scale-down-percent -d 'Most replicas removed per period, in percent of the current ones (default 10)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l scale-period -d 'Period of the scaling policies in seconds (default 60)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l canary-image -d 'Image of a canary release' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l canary-percent -d 'Share of the traffic for the canary (0-100)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l mesh -d 'Service mesh that splits canary traffic on the deployment target' -r -f -a "istio\t''"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l priority-class -d 'PriorityClass of the pods (default `ml-inference-critical`)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l node-selector -d 'Extra node selector `KEY=VALUE` (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l toleration -d 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l env -d 'Environment variable `KEY=VALUE` of the server container (repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l env-from-secret -d 'Secret whose keys become environment variables of the server and of the model download (storage credentials; repeatable)' -r
complete -c mlk -n "__fish_mlk_using_subcommand serve" -s o -l output -d 'Output format: multi-document YAML, or a JSON `List`' -r -f -a "yaml\t'Multi-document YAML'
json\t'A JSON `List` object with the manifests as `items`'"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand serve" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand serve" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand init" -l team -d 'The team: the name of its namespace (default: the directory\'s name)' -r
complete -c mlk -n "__fish_mlk_using_subcommand init" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand init" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand init" -l force -d 'Overwrite files that exist'
complete -c mlk -n "__fish_mlk_using_subcommand init" -l dry-run -d 'Print the paths that would be written, and write nothing'
complete -c mlk -n "__fish_mlk_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand init" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l format -d 'Report format (default: human on a terminal, concise otherwise)' -r -f -a "human\t'Source snippets with the rule, message and help (default on a terminal)'
concise\t'`path:line:col: level[rule] message`, one per line (default otherwise)'
json\t'A JSON document following schemas/lint-report.v1.schema.json'
sarif\t'SARIF 2.1.0, for code-scanning upload'
github\t'GitHub Actions workflow commands (annotations)'
junit\t'JUnit XML, one test case per file'"
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l fail-on -d 'Exit 1 when a finding at or above this level is reported' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l select -d 'Only these rules or categories (repeatable, or comma-separated)' -r
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l ignore -d 'Skip these rules or categories (repeatable, or comma-separated)' -r
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l pod-security -d 'Pod Security level to check against (a Namespace\'s enforce label in the input wins)' -r -f -a "restricted\t''
baseline\t''
privileged\t''"
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l pod-security-version -d 'Pod Security version: `latest` or `v1.N`' -r
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l kubernetes-version -d 'Kubernetes version the manifests target (`1.30`), for removed APIs' -r
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l max-gpus-per-node -d 'Most GPUs one node has (default 8)' -r
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand lint" -l follow-symlinks -d 'Follow symbolic links inside directories (loops are never followed)'
complete -c mlk -n "__fish_mlk_using_subcommand lint" -s q -l quiet -d 'Print no summary line'
complete -c mlk -n "__fish_mlk_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand lint" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand rule" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c mlk -n "__fish_mlk_using_subcommand rule" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand rule" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand rule" -l all -d 'List every rule'
complete -c mlk -n "__fish_mlk_using_subcommand rule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand rule" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand crd" -s o -l output -d 'Output format: multi-document YAML, or a JSON `List`' -r -f -a "yaml\t'Multi-document YAML'
json\t'A JSON `List` object with the manifests as `items`'"
complete -c mlk -n "__fish_mlk_using_subcommand crd" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand crd" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand crd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand crd" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand completions" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t'Colour when the stream is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c mlk -n "__fish_mlk_using_subcommand completions" -l config -d 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards' -r -F
complete -c mlk -n "__fish_mlk_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlk -n "__fish_mlk_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "train" -d 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "quota" -d 'Generate a team\'s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team\'s from an organisation file'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "serve" -d 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "init" -d 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "lint" -d 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "rule" -d 'Print the documentation of a lint rule, or list every rule'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "crd" -d 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "completions" -d 'Print shell completions'
complete -c mlk -n "__fish_mlk_using_subcommand help; and not __fish_seen_subcommand_from train quota serve init lint rule crd completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
