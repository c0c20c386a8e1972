
use builtin;
use str;

set edit:completion:arg-completer[mlk] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mlk'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mlk'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand train 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout'
            cand quota 'Generate a team''s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team''s from an organisation file'
            cand serve 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout'
            cand init 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow'
            cand lint 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column'
            cand rule 'Print the documentation of a lint rule, or list every rule'
            cand crd 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlk;train'= {
            cand -f 'A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it'
            cand --file 'A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it'
            cand --name 'Name of the workload (lowercase, starting with a letter, at most 40 characters); default `<framework>-train`'
            cand -n 'Namespace of every generated object'
            cand --namespace 'Namespace of every generated object'
            cand --target 'What to emit'
            cand --framework 'Training framework'
            cand --image 'Container image (default: the framework''s pinned image)'
            cand --command 'Command of the training container, split like a shell would (`--command "python train.py"`); default: the framework''s smoke test'
            cand --gpus 'GPUs per worker pod (MIG devices per pod with --mig). Total = workers x gpus'
            cand --workers 'Number of worker pods (default 1, or what sizing computes)'
            cand --strategy 'Distribution strategy (default: ddp for PyTorch/JAX, multi-worker-mirrored for TensorFlow, none for single workers)'
            cand --parameter-servers 'Parameter-server pods with `--strategy parameter-server`'
            cand --gpu-type 'GPU type: selects nodes by `nvidia.com/gpu.product` and sets the GPU memory for sizing (a100-40gb, a100-80gb, h100-80gb, h200, l4, ...)'
            cand --mig 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs'
            cand --gpu-resource 'Extended resource for GPUs of other vendors (`amd.com/gpu`)'
            cand --cpu 'CPU per worker pod (`8`, `500m`)'
            cand --memory 'Memory per worker pod (`64Gi`)'
            cand --shm-size 'Size of the memory-backed /dev/shm for data loaders (`16Gi`)'
            cand --priority-class 'PriorityClass of the pods'
            cand --queue 'Kueue LocalQueue: adds `kueue.x-k8s.io/queue-name` (all-or-nothing admission)'
            cand --scheduler 'Scheduler; `volcano` adds a PodGroup with minMember = number of pods'
            cand --node-selector 'Extra node selector `KEY=VALUE` (repeatable)'
            cand --toleration 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)'
            cand --backoff-limit 'Pod failures tolerated before the job fails (default 3)'
            cand --deadline 'Wall-clock limit of the job (`12h`, `90m`, `2d`; default 72h with a checkpoint volume, 4h without)'
            cand --ttl 'Delete the finished job after this long (default 24h)'
            cand --restart-policy 'Pod restart policy (default Never, so podFailurePolicy can tell preemption from bugs)'
            cand --data 'Read-only data volume `PVC[:/mount/path]` (repeatable; default path /data/<pvc>)'
            cand --checkpoint-dir 'Mount path of the checkpoint volume (default /checkpoints)'
            cand --checkpoint-size 'Size of the checkpoint volume (`100Gi`); creates a PersistentVolumeClaim'
            cand --storage-class 'StorageClass of the checkpoint claim'
            cand --env 'Environment variable `KEY=VALUE` of the training container (repeatable)'
            cand --env-from-secret 'Secret whose keys become environment variables (repeatable)'
            cand --hyperparameter 'Hyperparameter `NAME=VALUE` (repeatable): `HP_<NAME>` variables, or `--name=value` arguments with `--hyperparameters-as args`'
            cand --hyperparameters-as 'How hyperparameters reach the program'
            cand --model-params 'Model size for sizing (`7B`, `350M`)'
            cand --precision 'Training precision for sizing'
            cand --optimizer 'Optimizer for sizing'
            cand --sharding 'Model-state sharding for sizing (`fsdp` = ZeRO-3)'
            cand --activation-memory 'Activation memory per GPU (`8Gi`) instead of the configured fraction'
            cand --data-size 'Size of the training data (`200Gi`), for CPU, memory and storage sizing'
            cand -o 'Output format: multi-document YAML, or a JSON `List`'
            cand --output 'Output format: multi-document YAML, or a JSON `List`'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand --spot 'Run on spot nodes: tolerates the GKE and AKS spot taints (pick the pool with `--node-selector`); requires a checkpoint volume'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;quota'= {
            cand -f 'An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin'
            cand --file 'An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin'
            cand --team 'The team: the name of its namespace (default: `defaults.namespace` of mlk.yaml)'
            cand --gpus 'GPUs of the team (whole devices)'
            cand --cpu 'CPU of the team (`100`, `500m`)'
            cand --memory 'Memory of the team (`500Gi`)'
            cand --storage 'Storage all the team''s claims may request together (default 1Ti)'
            cand --gpu-type 'GPU type: the Kueue ResourceFlavor selects its nodes by `nvidia.com/gpu.product` (default: `defaults.gpuType` of mlk.yaml)'
            cand --gpu-resource 'Extended resource of the GPUs (default `nvidia.com/gpu`; `amd.com/gpu`, `nvidia.com/mig-1g.10gb`)'
            cand --max-pods 'Most pods in the namespace (default 100)'
            cand --max-claims 'Most PersistentVolumeClaims in the namespace (default 20)'
            cand --max-jobs 'Most objects of each training-job kind: Job, PyTorchJob, TFJob, JobSet, TrainingJob (default 50)'
            cand --max-inference-services 'Most objects of each model-server kind: KServe and mlk.dev InferenceService (default 10)'
            cand --default-cpu 'CPU request and limit of containers that set none (default 500m)'
            cand --default-memory 'Memory request and limit of containers that set none (default 1Gi)'
            cand --max-pod-cpu 'Most CPU one container or pod may have (default: the team''s CPU)'
            cand --max-pod-memory 'Most memory one container or pod may have (default: the team''s memory)'
            cand --cohort 'Kueue cohort in which the team lends idle quota and borrows up to its own quota (with `-f`, each department is its teams'' cohort)'
            cand --queue-name 'Name of the LocalQueue (default: the team''s name)'
            cand --pod-security-version 'Pod Security version the Namespace pins (`v1.35`; default: `defaults.kubernetesVersion` of mlk.yaml, else the newest mlk knows)'
            cand -o 'Output format: multi-document YAML, or a JSON `List`'
            cand --output 'Output format: multi-document YAML, or a JSON `List`'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand --per-priority 'Also one ResourceQuota per ML PriorityClass, capping its share of the team''s CPU, memory and GPUs (inference 50%, training 75%, experimentation 25%)'
            cand --priority-classes 'Also the cluster''s ML PriorityClasses: ml-inference-critical (2000), ml-training-high-priority (1000), ml-experimentation (100, never preempts)'
            cand --kueue 'Also Kueue objects: ResourceFlavors, a ClusterQueue with the team''s budget and a LocalQueue in the namespace, for `mlk train --queue`'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;serve'= {
            cand -f 'An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it'
            cand --file 'An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it'
            cand --name 'Name of the server (lowercase, starting with a letter, at most 40 characters); default `<runtime>-server`'
            cand -n 'Namespace of every generated object'
            cand --namespace 'Namespace of every generated object'
            cand --target 'What to emit'
            cand --runtime 'Serving runtime (default triton)'
            cand --model-uri 'Where the model lives: `pvc://CLAIM/PATH`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or `hf://ORG/MODEL`'
            cand --image 'Container image (default: the runtime''s pinned image; required with `custom`)'
            cand --command 'Command of a `custom` server, split like a shell would'
            cand --port 'HTTP port of a `custom` server (default 8080)'
            cand --health-path 'Health endpoint of a `custom` server for its probes (default `/healthz`)'
            cand --gpus 'GPUs per replica (default 1; `0` for CPU only)'
            cand --gpu-type 'GPU type: selects nodes by `nvidia.com/gpu.product`'
            cand --mig 'MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs'
            cand --gpu-resource 'Extended resource for GPUs of other vendors (`amd.com/gpu`)'
            cand --cpu 'CPU per replica (`8`, `500m`)'
            cand --memory 'Memory per replica (`32Gi`)'
            cand --shm-size 'Size of the memory-backed /dev/shm (`8Gi`)'
            cand --model-params 'Model size (`7B`): sizes memory as the weights plus the KV-cache allowance'
            cand --precision 'Precision of the served weights for sizing (default bf16)'
            cand --min-replicas 'Fewest replicas (default 2)'
            cand --max-replicas 'Most replicas (default 10)'
            cand --target-utilization 'Target CPU utilization in percent of the request (default 70)'
            cand --metric 'Custom Pods metric `NAME=TARGET` with its average target per pod (repeatable)'
            cand --scale-up-stabilization 'Scale-up stabilization window in seconds (default 60)'
            cand --scale-up-percent 'Most replicas added per period, in percent of the current ones (default 100)'
            cand --scale-down-stabilization 'Scale-down stabilization window in seconds (default 300)'
            cand --scale-down-percent 'Most replicas removed per period, in percent of the current ones (default 10)'
            cand --scale-period 'Period of the scaling policies in seconds (default 60)'
            cand --canary-image 'Image of a canary release'
            cand --canary-percent 'Share of the traffic for the canary (0-100)'
            cand --mesh 'Service mesh that splits canary traffic on the deployment target'
            cand --priority-class 'PriorityClass of the pods (default `ml-inference-critical`)'
            cand --node-selector 'Extra node selector `KEY=VALUE` (repeatable)'
            cand --toleration 'Extra toleration `KEY[=VALUE]:EFFECT` (repeatable)'
            cand --env 'Environment variable `KEY=VALUE` of the server container (repeatable)'
            cand --env-from-secret 'Secret whose keys become environment variables of the server and of the model download (storage credentials; repeatable)'
            cand -o 'Output format: multi-document YAML, or a JSON `List`'
            cand --output 'Output format: multi-document YAML, or a JSON `List`'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;init'= {
            cand --team 'The team: the name of its namespace (default: the directory''s name)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand --force 'Overwrite files that exist'
            cand --dry-run 'Print the paths that would be written, and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;lint'= {
            cand --format 'Report format (default: human on a terminal, concise otherwise)'
            cand --fail-on 'Exit 1 when a finding at or above this level is reported'
            cand --select 'Only these rules or categories (repeatable, or comma-separated)'
            cand --ignore 'Skip these rules or categories (repeatable, or comma-separated)'
            cand --pod-security 'Pod Security level to check against (a Namespace''s enforce label in the input wins)'
            cand --pod-security-version 'Pod Security version: `latest` or `v1.N`'
            cand --kubernetes-version 'Kubernetes version the manifests target (`1.30`), for removed APIs'
            cand --max-gpus-per-node 'Most GPUs one node has (default 8)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand --follow-symlinks 'Follow symbolic links inside directories (loops are never followed)'
            cand -q 'Print no summary line'
            cand --quiet 'Print no summary line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;rule'= {
            cand --format 'Output format'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand --all 'List every rule'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;crd'= {
            cand -o 'Output format: multi-document YAML, or a JSON `List`'
            cand --output 'Output format: multi-document YAML, or a JSON `List`'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;completions'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --config 'Project configuration file; by default the nearest mlk.yaml from the working directory upwards'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlk;help'= {
            cand train 'Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or TrainingJob) on stdout'
            cand quota 'Generate a team''s namespace setup (Namespace, ResourceQuota, LimitRange; optionally PriorityClasses and Kueue queues), or every team''s from an organisation file'
            cand serve 'Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService or InferenceService) on stdout'
            cand init 'Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training job and model server, a kustomization and a CI workflow'
            cand lint 'Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness problems, at file, line and column'
            cand rule 'Print the documentation of a lint rule, or list every rule'
            cand crd 'Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService)'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlk;help;train'= {
        }
        &'mlk;help;quota'= {
        }
        &'mlk;help;serve'= {
        }
        &'mlk;help;init'= {
        }
        &'mlk;help;lint'= {
        }
        &'mlk;help;rule'= {
        }
        &'mlk;help;crd'= {
        }
        &'mlk;help;completions'= {
        }
        &'mlk;help;help'= {
        }
    ]
    $completions[$command]
}
