//! Generators: validated specs become typed Kubernetes objects. Each target lives in its
//! own file; the secure pod template they all share lives in `pod`.
pub mod crds;
pub mod pod;
pub mod quota;
pub mod serve;
pub mod train;
