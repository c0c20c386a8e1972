
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mlk' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mlk'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mlk' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Generate a team''s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team''s from an organisation file')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Print the documentation of a lint rule, or list every rule')
            [CompletionResult]::new('crd', 'crd', [CompletionResultType]::ParameterValue, 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlk;train' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the workload (lowercase, starting with a letter, at most 40 characters); default `<framework>-train`')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of every generated object')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of every generated object')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'What to emit')
            [CompletionResult]::new('--framework', '--framework', [CompletionResultType]::ParameterName, 'Training framework')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Container image (default: the framework''s pinned image)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Command of the training container, split like a shell would (`--command "python train.py"`); default: the framework''s smoke test')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPUs per worker pod (MIG devices per pod with --mig). Total = workers x gpus')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Number of worker pods (default 1, or what sizing computes)')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Distribution strategy (default: ddp for PyTorch/JAX, multi-worker-mirrored for TensorFlow, none for single workers)')
            [CompletionResult]::new('--parameter-servers', '--parameter-servers', [CompletionResultType]::ParameterName, 'Parameter-server pods with `--strategy parameter-server`')
            [CompletionResult]::new('--gpu-type', '--gpu-type', [CompletionResultType]::ParameterName, 'GPU type: selects nodes by `nvidia.com/gpu.product` and sets the GPU memory for sizing (a100-40gb, a100-80gb, h100-80gb, h200, l4, ...)')
            [CompletionResult]::new('--mig', '--mig', [CompletionResultType]::ParameterName, 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs')
            [CompletionResult]::new('--gpu-resource', '--gpu-resource', [CompletionResultType]::ParameterName, 'Extended resource for GPUs of other vendors (`amd.com/gpu`)')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU per worker pod (`8`, `500m`)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory per worker pod (`64Gi`)')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of the memory-backed /dev/shm for data loaders (`16Gi`)')
            [CompletionResult]::new('--priority-class', '--priority-class', [CompletionResultType]::ParameterName, 'PriorityClass of the pods')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Kueue LocalQueue: adds `kueue.x-k8s.io/queue-name` (all-or-nothing admission)')
            [CompletionResult]::new('--scheduler', '--scheduler', [CompletionResultType]::ParameterName, 'Scheduler; `volcano` adds a PodGroup with minMember = number of pods')
            [CompletionResult]::new('--node-selector', '--node-selector', [CompletionResultType]::ParameterName, 'Extra node selector `KEY=VALUE` (repeatable)')
            [CompletionResult]::new('--toleration', '--toleration', [CompletionResultType]::ParameterName, 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)')
            [CompletionResult]::new('--backoff-limit', '--backoff-limit', [CompletionResultType]::ParameterName, 'Pod failures tolerated before the job fails (default 3)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Wall-clock limit of the job (`12h`, `90m`, `2d`; default 72h with a checkpoint volume, 4h without)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Delete the finished job after this long (default 24h)')
            [CompletionResult]::new('--restart-policy', '--restart-policy', [CompletionResultType]::ParameterName, 'Pod restart policy (default Never, so podFailurePolicy can tell preemption from bugs)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Read-only data volume `PVC[:/mount/path]` (repeatable; default path /data/<pvc>)')
            [CompletionResult]::new('--checkpoint-dir', '--checkpoint-dir', [CompletionResultType]::ParameterName, 'Mount path of the checkpoint volume (default /checkpoints)')
            [CompletionResult]::new('--checkpoint-size', '--checkpoint-size', [CompletionResultType]::ParameterName, 'Size of the checkpoint volume (`100Gi`); creates a PersistentVolumeClaim')
            [CompletionResult]::new('--storage-class', '--storage-class', [CompletionResultType]::ParameterName, 'StorageClass of the checkpoint claim')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment variable `KEY=VALUE` of the training container (repeatable)')
            [CompletionResult]::new('--env-from-secret', '--env-from-secret', [CompletionResultType]::ParameterName, 'Secret whose keys become environment variables (repeatable)')
            [CompletionResult]::new('--hyperparameter', '--hyperparameter', [CompletionResultType]::ParameterName, 'Hyperparameter `NAME=VALUE` (repeatable): `HP_<NAME>` variables, or `--name=value` arguments with `--hyperparameters-as args`')
            [CompletionResult]::new('--hyperparameters-as', '--hyperparameters-as', [CompletionResultType]::ParameterName, 'How hyperparameters reach the program')
            [CompletionResult]::new('--model-params', '--model-params', [CompletionResultType]::ParameterName, 'Model size for sizing (`7B`, `350M`)')
            [CompletionResult]::new('--precision', '--precision', [CompletionResultType]::ParameterName, 'Training precision for sizing')
            [CompletionResult]::new('--optimizer', '--optimizer', [CompletionResultType]::ParameterName, 'Optimizer for sizing')
            [CompletionResult]::new('--sharding', '--sharding', [CompletionResultType]::ParameterName, 'Model-state sharding for sizing (`fsdp` = ZeRO-3)')
            [CompletionResult]::new('--activation-memory', '--activation-memory', [CompletionResultType]::ParameterName, 'Activation memory per GPU (`8Gi`) instead of the configured fraction')
            [CompletionResult]::new('--data-size', '--data-size', [CompletionResultType]::ParameterName, 'Size of the training data (`200Gi`), for CPU, memory and storage sizing')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('--spot', '--spot', [CompletionResultType]::ParameterName, 'Run on spot nodes: tolerates the GKE and AKS spot taints (pick the pool with `--node-selector`); requires a checkpoint volume')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;quota' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The team: the name of its namespace (default: `defaults.namespace` of mlk.yaml)')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPUs of the team (whole devices)')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU of the team (`100`, `500m`)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory of the team (`500Gi`)')
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'Storage all the team''s claims may request together (default 1Ti)')
            [CompletionResult]::new('--gpu-type', '--gpu-type', [CompletionResultType]::ParameterName, 'GPU type: the Kueue ResourceFlavor selects its nodes by `nvidia.com/gpu.product` (default: `defaults.gpuType` of mlk.yaml)')
            [CompletionResult]::new('--gpu-resource', '--gpu-resource', [CompletionResultType]::ParameterName, 'Extended resource of the GPUs (default `nvidia.com/gpu`; `amd.com/gpu`, `nvidia.com/mig-1g.10gb`)')
            [CompletionResult]::new('--max-pods', '--max-pods', [CompletionResultType]::ParameterName, 'Most pods in the namespace (default 100)')
            [CompletionResult]::new('--max-claims', '--max-claims', [CompletionResultType]::ParameterName, 'Most PersistentVolumeClaims in the namespace (default 20)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Most objects of each training-job kind: Job, PyTorchJob, TFJob, JobSet, TrainingJob (default 50)')
            [CompletionResult]::new('--max-inference-services', '--max-inference-services', [CompletionResultType]::ParameterName, 'Most objects of each model-server kind: KServe and mlk.dev InferenceService (default 10)')
            [CompletionResult]::new('--default-cpu', '--default-cpu', [CompletionResultType]::ParameterName, 'CPU request and limit of containers that set none (default 500m)')
            [CompletionResult]::new('--default-memory', '--default-memory', [CompletionResultType]::ParameterName, 'Memory request and limit of containers that set none (default 1Gi)')
            [CompletionResult]::new('--max-pod-cpu', '--max-pod-cpu', [CompletionResultType]::ParameterName, 'Most CPU one container or pod may have (default: the team''s CPU)')
            [CompletionResult]::new('--max-pod-memory', '--max-pod-memory', [CompletionResultType]::ParameterName, 'Most memory one container or pod may have (default: the team''s memory)')
            [CompletionResult]::new('--cohort', '--cohort', [CompletionResultType]::ParameterName, 'Kueue cohort in which the team lends idle quota and borrows up to its own quota (with `-f`, each department is its teams'' cohort)')
            [CompletionResult]::new('--queue-name', '--queue-name', [CompletionResultType]::ParameterName, 'Name of the LocalQueue (default: the team''s name)')
            [CompletionResult]::new('--pod-security-version', '--pod-security-version', [CompletionResultType]::ParameterName, 'Pod Security version the Namespace pins (`v1.35`; default: `defaults.kubernetesVersion` of mlk.yaml, else the newest mlk knows)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('--per-priority', '--per-priority', [CompletionResultType]::ParameterName, 'Also one ResourceQuota per ML PriorityClass, capping its share of the team''s CPU, memory and GPUs (inference 50%, training 75%, experimentation 25%)')
            [CompletionResult]::new('--priority-classes', '--priority-classes', [CompletionResultType]::ParameterName, 'Also the cluster''s ML PriorityClasses: ml-inference-critical (2000), ml-training-high-priority (1000), ml-experimentation (100, never preempts)')
            [CompletionResult]::new('--kueue', '--kueue', [CompletionResultType]::ParameterName, 'Also Kueue objects: ResourceFlavors, a ClusterQueue with the team''s budget and a LocalQueue in the namespace, for `mlk train --queue`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;serve' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the server (lowercase, starting with a letter, at most 40 characters); default `<runtime>-server`')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of every generated object')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of every generated object')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'What to emit')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Serving runtime (default triton)')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'Where the model lives: `pvc://CLAIM/PATH`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or `hf://ORG/MODEL`')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Container image (default: the runtime''s pinned image; required with `custom`)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Command of a `custom` server, split like a shell would')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'HTTP port of a `custom` server (default 8080)')
            [CompletionResult]::new('--health-path', '--health-path', [CompletionResultType]::ParameterName, 'Health endpoint of a `custom` server for its probes (default `/healthz`)')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPUs per replica (default 1; `0` for CPU only)')
            [CompletionResult]::new('--gpu-type', '--gpu-type', [CompletionResultType]::ParameterName, 'GPU type: selects nodes by `nvidia.com/gpu.product`')
            [CompletionResult]::new('--mig', '--mig', [CompletionResultType]::ParameterName, 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs')
            [CompletionResult]::new('--gpu-resource', '--gpu-resource', [CompletionResultType]::ParameterName, 'Extended resource for GPUs of other vendors (`amd.com/gpu`)')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU per replica (`8`, `500m`)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory per replica (`32Gi`)')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of the memory-backed /dev/shm (`8Gi`)')
            [CompletionResult]::new('--model-params', '--model-params', [CompletionResultType]::ParameterName, 'Model size (`7B`): sizes memory as the weights plus the KV-cache allowance')
            [CompletionResult]::new('--precision', '--precision', [CompletionResultType]::ParameterName, 'Precision of the served weights for sizing (default bf16)')
            [CompletionResult]::new('--min-replicas', '--min-replicas', [CompletionResultType]::ParameterName, 'Fewest replicas (default 2)')
            [CompletionResult]::new('--max-replicas', '--max-replicas', [CompletionResultType]::ParameterName, 'Most replicas (default 10)')
            [CompletionResult]::new('--target-utilization', '--target-utilization', [CompletionResultType]::ParameterName, 'Target CPU utilization in percent of the request (default 70)')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Custom Pods metric `NAME=TARGET` with its average target per pod (repeatable)')
            [CompletionResult]::new('--scale-up-stabilization', '--scale-up-stabilization', [CompletionResultType]::ParameterName, 'Scale-up stabilization window in seconds (default 60)')
            [CompletionResult]::new('--scale-up-percent', '--scale-up-percent', [CompletionResultType]::ParameterName, 'Most replicas added per period, in percent of the current ones (default 100)')
            [CompletionResult]::new('--scale-down-stabilization', '--scale-down-stabilization', [CompletionResultType]::ParameterName, 'Scale-down stabilization window in seconds (default 300)')
            [CompletionResult]::new('--scale-down-percent', '--scale-down-percent', [CompletionResultType]::ParameterName, 'Most replicas removed per period, in percent of the current ones (default 10)')
            [CompletionResult]::new('--scale-period', '--scale-period', [CompletionResultType]::ParameterName, 'Period of the scaling policies in seconds (default 60)')
            [CompletionResult]::new('--canary-image', '--canary-image', [CompletionResultType]::ParameterName, 'Image of a canary release')
            [CompletionResult]::new('--canary-percent', '--canary-percent', [CompletionResultType]::ParameterName, 'Share of the traffic for the canary (0-100)')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'Service mesh that splits canary traffic on the deployment target')
            [CompletionResult]::new('--priority-class', '--priority-class', [CompletionResultType]::ParameterName, 'PriorityClass of the pods (default `ml-inference-critical`)')
            [CompletionResult]::new('--node-selector', '--node-selector', [CompletionResultType]::ParameterName, 'Extra node selector `KEY=VALUE` (repeatable)')
            [CompletionResult]::new('--toleration', '--toleration', [CompletionResultType]::ParameterName, 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment variable `KEY=VALUE` of the server container (repeatable)')
            [CompletionResult]::new('--env-from-secret', '--env-from-secret', [CompletionResultType]::ParameterName, 'Secret whose keys become environment variables of the server and of the model download (storage credentials; repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;init' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The team: the name of its namespace (default: the directory''s name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files that exist')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the paths that would be written, and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;lint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format (default: human on a terminal, concise otherwise)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when a finding at or above this level is reported')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Only these rules or categories (repeatable, or comma-separated)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Skip these rules or categories (repeatable, or comma-separated)')
            [CompletionResult]::new('--pod-security', '--pod-security', [CompletionResultType]::ParameterName, 'Pod Security level to check against (a Namespace''s enforce label in the input wins)')
            [CompletionResult]::new('--pod-security-version', '--pod-security-version', [CompletionResultType]::ParameterName, 'Pod Security version: `latest` or `v1.N`')
            [CompletionResult]::new('--kubernetes-version', '--kubernetes-version', [CompletionResultType]::ParameterName, 'Kubernetes version the manifests target (`1.30`), for removed APIs')
            [CompletionResult]::new('--max-gpus-per-node', '--max-gpus-per-node', [CompletionResultType]::ParameterName, 'Most GPUs one node has (default 8)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'Follow symbolic links inside directories (loops are never followed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no summary line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no summary line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;rule' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List every rule')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;crd' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: multi-document YAML, or a JSON `List`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlk;help' {
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Generate a team''s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team''s from an organisation file')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Print the documentation of a lint rule, or list every rule')
            [CompletionResult]::new('crd', 'crd', [CompletionResultType]::ParameterValue, 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlk;help;train' {
            break
        }
        'mlk;help;quota' {
            break
        }
        'mlk;help;serve' {
            break
        }
        'mlk;help;init' {
            break
        }
        'mlk;help;lint' {
            break
        }
        'mlk;help;rule' {
            break
        }
        'mlk;help;crd' {
            break
        }
        'mlk;help;completions' {
            break
        }
        'mlk;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
