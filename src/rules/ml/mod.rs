//! Rules of the `ml` category: machine-learning practice on Kubernetes (gang scheduling,
//! lifecycle limits, checkpoints, shared memory, images, operator conventions).
//!
//! Most rules look only at training workloads; [`workload`] says what that means, so that
//! an ordinary Job or a model server is never reported for a training practice.
mod distributed_training_in_bare_pod;
mod invalid_kubeflow_replicas;
pub mod long_training_without_checkpoint;
mod missing_framework_container;
mod operator_injected_env;
mod pytorch_without_shm;
mod spot_training_without_checkpoint;
mod training_without_gang_scheduling;
mod training_without_lifecycle_limits;
mod unpinned_image;
pub mod workload;

use crate::lint::Rule;

pub use distributed_training_in_bare_pod::DistributedTrainingInBarePod;
pub use invalid_kubeflow_replicas::InvalidKubeflowReplicas;
pub use long_training_without_checkpoint::LongTrainingWithoutCheckpoint;
pub use missing_framework_container::MissingFrameworkContainer;
pub use operator_injected_env::OperatorInjectedEnv;
pub use pytorch_without_shm::PytorchWithoutShm;
pub use spot_training_without_checkpoint::SpotTrainingWithoutCheckpoint;
pub use training_without_gang_scheduling::TrainingWithoutGangScheduling;
pub use training_without_lifecycle_limits::TrainingWithoutLifecycleLimits;
pub use unpinned_image::UnpinnedImage;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &DistributedTrainingInBarePod,
        &InvalidKubeflowReplicas,
        &LongTrainingWithoutCheckpoint,
        &MissingFrameworkContainer,
        &OperatorInjectedEnv,
        &PytorchWithoutShm,
        &SpotTrainingWithoutCheckpoint,
        &TrainingWithoutGangScheduling,
        &TrainingWithoutLifecycleLimits,
        &UnpinnedImage,
    ]
}
