//! What each serving runtime needs: its pinned image, its ports, its health endpoints and
//! the command that serves a model from the directory mlk mounts it at.
use crate::api::inference::Runtime;

/// Where the server reads the model: the init container downloads into it, or a claim is
/// mounted there.
pub const MODEL_DIR: &str = "/models";

/// A named container port. Names follow Istio's protocol selection (`http`, `grpc`,
/// `http-<suffix>`) so that a mesh routes each port with the right protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Port {
    pub name: String,
    pub port: i32,
}

fn port(name: &str, port: i32) -> Port {
    Port {
        name: name.to_string(),
        port,
    }
}

/// The HTTP endpoints the probes call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    /// Port name of the HTTP endpoint.
    pub port: String,
    /// Ready to take traffic (the model is loaded).
    pub ready: String,
    /// The process is alive.
    pub live: String,
}

/// Pinned default images: release tags, never `latest`.
pub fn default_image(runtime: Runtime) -> Option<&'static str> {
    match runtime {
        Runtime::Triton => Some("nvcr.io/nvidia/tritonserver:25.06-py3"),
        Runtime::Torchserve => Some("pytorch/torchserve:0.12.0-gpu"),
        Runtime::TensorflowServing => Some("tensorflow/serving:2.18.0-gpu"),
        Runtime::Vllm => Some("vllm/vllm-openai:v0.9.2"),
        Runtime::Custom => None,
    }
}

/// The runtime's ports; `custom` serves HTTP on `custom_port`.
pub fn ports(runtime: Runtime, custom_port: i32) -> Vec<Port> {
    match runtime {
        Runtime::Triton => vec![
            port("http", 8000),
            port("grpc", 8001),
            port("http-metrics", 8002),
        ],
        Runtime::Torchserve => vec![
            port("http", 8080),
            port("http-management", 8081),
            port("http-metrics", 8082),
        ],
        Runtime::TensorflowServing => vec![port("grpc", 8500), port("http", 8501)],
        Runtime::Vllm => vec![port("http", 8000)],
        Runtime::Custom => vec![port("http", custom_port)],
    }
}

/// The health endpoints; TensorFlow Serving reports per model, so its path names it.
pub fn health(runtime: Runtime, model_name: &str, custom_path: &str) -> Health {
    let both = |path: &str| Health {
        port: "http".to_string(),
        ready: path.to_string(),
        live: path.to_string(),
    };
    match runtime {
        Runtime::Triton => Health {
            port: "http".to_string(),
            ready: "/v2/health/ready".to_string(),
            live: "/v2/health/live".to_string(),
        },
        Runtime::Torchserve => both("/ping"),
        Runtime::TensorflowServing => both(&format!("/v1/models/{model_name}")),
        Runtime::Vllm => both("/health"),
        Runtime::Custom => both(custom_path),
    }
}

/// Startup-probe failures allowed at a 10 s period before the kubelet restarts the
/// server: model loading takes minutes, and an LLM's weights can take half an hour.
pub fn startup_failure_threshold(runtime: Runtime) -> i32 {
    match runtime {
        Runtime::Vllm => 180,
        _ => 90,
    }
}

/// The command that serves the model from [`MODEL_DIR`], on the ports of [`ports`].
/// `custom` has none: the user gives it.
pub fn command(runtime: Runtime, model_name: &str, gpus: u32) -> Option<Vec<String>> {
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match runtime {
        Runtime::Triton => Some(words(&[
            "tritonserver",
            "--model-repository=/models",
            "--http-port=8000",
            "--grpc-port=8001",
            "--metrics-port=8002",
        ])),
        // The image's config.properties binds every API on 0.0.0.0 (TorchServe's own
        // default is localhost); token authorisation would need a key file on the
        // read-only root; `--ncs` writes no config snapshots there.
        Runtime::Torchserve => Some(words(&[
            "torchserve",
            "--start",
            "--foreground",
            "--ncs",
            "--disable-token-auth",
            "--ts-config",
            "/home/model-server/config.properties",
            "--model-store",
            "/models",
            "--models",
            "all",
        ])),
        Runtime::TensorflowServing => Some(vec![
            "tensorflow_model_server".to_string(),
            "--port=8500".to_string(),
            "--rest_api_port=8501".to_string(),
            format!("--model_name={model_name}"),
            "--model_base_path=/models".to_string(),
        ]),
        Runtime::Vllm => {
            let mut c = words(&[
                "vllm",
                "serve",
                "/models",
                "--host",
                "0.0.0.0",
                "--port",
                "8000",
                "--served-model-name",
            ]);
            c.push(model_name.to_string());
            // One replica's GPUs serve one model copy together.
            if gpus > 1 {
                c.push("--tensor-parallel-size".to_string());
                c.push(gpus.to_string());
            }
            Some(c)
        }
        Runtime::Custom => None,
    }
}

/// Extra environment a runtime needs under a read-only root filesystem.
pub fn env(runtime: Runtime) -> Vec<(&'static str, &'static str)> {
    match runtime {
        Runtime::Torchserve => vec![
            ("LOG_LOCATION", "/tmp/logs"),
            ("METRICS_LOCATION", "/tmp/logs"),
        ],
        Runtime::Vllm => vec![("HF_HOME", "/tmp/huggingface")],
        _ => Vec::new(),
    }
}

/// KServe's model format and ServingRuntime of each runtime (`custom` uses containers).
pub fn kserve_format(runtime: Runtime) -> Option<(&'static str, &'static str)> {
    match runtime {
        Runtime::Triton => Some(("triton", "kserve-tritonserver")),
        Runtime::Torchserve => Some(("pytorch", "kserve-torchserve")),
        Runtime::TensorflowServing => Some(("tensorflow", "kserve-tensorflow-serving")),
        Runtime::Vllm => Some(("huggingface", "kserve-huggingfaceserver")),
        Runtime::Custom => None,
    }
}

/// The spelling of `--runtime`.
pub fn name(runtime: Runtime) -> &'static str {
    match runtime {
        Runtime::Triton => "triton",
        Runtime::Torchserve => "torchserve",
        Runtime::TensorflowServing => "tensorflow-serving",
        Runtime::Vllm => "vllm",
        Runtime::Custom => "custom",
    }
}
